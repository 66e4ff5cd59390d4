// Feeds a data file to DatasetLoader::load, then does what opening it does: validation (images under the scratch
// folder, one of them real) and matching the sample's runs against the items.
#include "fuzzsupport.h"

#include "app/io/datasetloader.h"
#include "app/io/datasetvalidator.h"
#include "app/match/matcher.h"

#include <QDir>
#include <QFile>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    FuzzSupport::sampleWorkspace();
    // One image that exists, so the validator's "present" path runs as well as "missing".
    QDir().mkpath(FuzzSupport::scratchPath(QStringLiteral("imgs")));
    static const uint8_t png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    FuzzSupport::writeFile(FuzzSupport::scratchPath(QStringLiteral("imgs/0.png")), png, sizeof png);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = FuzzSupport::scratchPath(QStringLiteral("data.json"));
    FuzzSupport::writeFile(path, data, size);
    Dataset dataset;
    FileError error;
    if (!DatasetLoader::load(path, &dataset, &error)) {
        (void)error.toString();
        return 0;
    }
    const QList<Problem> problems = DatasetValidator::validate(dataset);
    (void)problems;
    const Matcher matcher(dataset);
    for (const Run &run : FuzzSupport::sampleWorkspace().runs) {
        const RunMatch match = matcher.match(run);
        (void)match;
    }
    return 0;
}

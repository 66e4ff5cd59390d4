// Feeds a data file to DatasetLoader::load, then does what opening it does: validation (images under the scratch
// folder, one of them real) and matching the sample's runs against the items. The same bytes go through the curated
// release writer (export-dataset), which scans them itself: without curation its output must be its input, byte for
// byte, and with edits and exclusions whatever it writes must load again whenever the input did.
#include "fuzzsupport.h"

#include "app/io/datasetloader.h"
#include "app/io/datasetrelease.h"
#include "app/io/datasetvalidator.h"
#include "app/io/jsonsource.h"
#include "app/match/matcher.h"

#include <QDir>
#include <QFile>

#include <cstdlib>

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

namespace {

void release(const QByteArray &bytes, bool loaded)
{
    DatasetRelease::Result result;
    FileError error;
    const bool rendered = DatasetRelease::render(QStringLiteral("data.json"), bytes, {}, {}, &result, &error);
    if (rendered && result.bytes != bytes)
        abort(); // an uncurated release must be its source
    if (loaded && !rendered && !bytes.startsWith("\xEF\xBB\xBF"))
        (void)error.toString(); // the scanner is stricter about what it copies than the loader is about what it reads
    static const Curation curation = [] {
        Curation c;
        c.setEdit(0, ItemField::Category, {QStringLiteral("Hate \"\\ é\n"), QStringLiteral("f"), {}, {}});
        c.setEdit(1, ItemField::Source, {QStringLiteral("s"), QStringLiteral("f"), {}, {}});
        c.setExcluded(2, {QStringLiteral("duplicate of #0"), QStringLiteral("f"), {}});
        c.setExcluded(3, {QStringLiteral("other"), QStringLiteral("f"), {}});
        return c;
    }();
    for (const bool keep : {false, true}) {
        if (!DatasetRelease::render(QStringLiteral("data.json"), bytes, curation, {keep}, &result, &error))
            continue;
        // The release keeps a byte-order mark the source had; the loader drops it on reading a file, as here.
        QByteArray release = result.bytes;
        JsonSource::skipByteOrderMark(&release);
        Dataset curated;
        if (loaded && !DatasetLoader::loadFromBytes(QStringLiteral("release.json"), release, &curated, &error))
            abort(); // the release of a loadable file must load
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = FuzzSupport::scratchPath(QStringLiteral("data.json"));
    FuzzSupport::writeFile(path, data, size);
    Dataset dataset;
    FileError error;
    const bool loaded = DatasetLoader::load(path, &dataset, &error);
    release(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), loaded);
    if (!loaded) {
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

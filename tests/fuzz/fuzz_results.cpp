// Feeds a result file to ResultLoader::load twice, as results.json (the {"stats", "logs"} object, a list, or
// JSON Lines found by content) and as results.jsonl (JSON Lines by name), then matches and scores each run against
// the sample dataset. One loader serves every input, as in the app, so state left between files is exercised too.
#include "fuzzsupport.h"

#include "app/io/resultloader.h"
#include "app/match/matcher.h"
#include "app/scoring/scorer.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    FuzzSupport::sampleWorkspace();
    return 0;
}

namespace {

void loadAndScore(ResultLoader &loader, const QString &path, bool keepResponses)
{
    static const Matcher matcher(FuzzSupport::sampleDataset());
    static const Scorer scorer(FuzzSupport::sampleDataset());
    (void)ResultLoader::looksLikeResults(path);
    Run run;
    FileError error;
    ResultLoader::Options options;
    options.keepResponses = keepResponses;
    if (!loader.load(path, options, &run, &error)) {
        (void)error.toString();
        return;
    }
    for (const FileError &warning : std::as_const(run.warnings))
        (void)warning.toString();
    const RunMatch match = matcher.match(run);
    const RunScores scores = scorer.score(run, match);
    (void)scores;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ResultLoader loader;
    static const QString json = FuzzSupport::scratchPath(QStringLiteral("results.json"));
    static const QString lines = FuzzSupport::scratchPath(QStringLiteral("results.jsonl"));
    FuzzSupport::writeFile(json, data, size);
    loadAndScore(loader, json, true);
    FuzzSupport::writeFile(lines, data, size);
    loadAndScore(loader, lines, false);
    return 0;
}

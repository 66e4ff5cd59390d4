#include "workspacesnapshot.h"

#include "datasetloader.h"
#include "matcher.h"
#include "resultloader.h"
#include "scorer.h"

WorkspaceSnapshot WorkspaceSnapshot::load(const QString &datasetPath, const QStringList &results)
{
    WorkspaceSnapshot snapshot;
    Dataset dataset;
    if (!DatasetLoader::load(datasetPath, &dataset, &snapshot.error))
        return snapshot;
    snapshot.datasetPath = dataset.filePath();
    snapshot.items = dataset.size();
    const Matcher matcher(dataset);
    const Scorer scorer(dataset);
    ResultLoader loader;
    for (const QString &file : results) {
        Run run;
        if (!loader.load(file, {}, &run, &snapshot.error))
            return snapshot;
        const RunMatch match = matcher.match(run);
        RunSummary summary;
        summary.name = run.name;
        summary.file = run.filePath;
        summary.responses = run.records.size();
        summary.matched = match.matched;
        summary.unmatched = match.unmatched;
        summary.ambiguous = match.ambiguous;
        summary.duplicates = match.duplicates;
        summary.scores = scorer.score(run, match);
        snapshot.runs.append(std::move(summary));
    }
    return snapshot;
}

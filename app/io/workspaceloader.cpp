#include "app/io/workspaceloader.h"

#include "app/io/datasetloader.h"
#include "app/io/datasetvalidator.h"
#include "app/io/resultloader.h"
#include "app/match/matcher.h"

#include <QFileInfo>
#include <QSet>

namespace {

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

bool WorkspaceLoader::load(const Request &request, Workspace *workspace, FileError *error, const Progress &progress,
                           const std::atomic_bool *cancel)
{
    const int total = int(request.results.size()) + 2;
    Workspace result;
    if (progress)
        progress(0, total, QFileInfo(DatasetLoader::dataFileFor(request.dataset)).fileName());
    if (!DatasetLoader::load(request.dataset, &result.dataset, error))
        return false;
    if (!request.imageRoot.isEmpty())
        result.dataset.setImageRoot(QFileInfo(request.imageRoot).absoluteFilePath());
    if (cancelled(cancel)) {
        *error = {};
        return false;
    }
    if (progress)
        progress(1, total, QStringLiteral("validation"));
    result.problems = DatasetValidator::validate(result.dataset);
    if (!addRuns(
            request.results, &result, error,
            [&](int done, int, const QString &step) {
                if (progress)
                    progress(done + 2, total, step);
            },
            cancel, request.runNames))
        return false;
    *workspace = std::move(result);
    return true;
}

bool WorkspaceLoader::addRuns(const QStringList &results, Workspace *workspace, FileError *error,
                              const Progress &progress, const std::atomic_bool *cancel, const QStringList &runNames,
                              const Reserved &reserved)
{
    QSet<QString> taken;
    for (const Run &run : std::as_const(workspace->runs))
        taken.insert(run.name);
    const Matcher matcher(workspace->dataset);
    ResultLoader loader;
    QList<Run> runs;
    QList<RunMatch> matches;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (progress)
            progress(int(i), int(results.size()), QFileInfo(results[i]).fileName());
        if (cancelled(cancel)) {
            *error = {};
            return false;
        }
        Run run;
        ResultLoader::Options options;
        options.runName = runNames.value(i);
        if (!loader.load(results[i], options, &run, error))
            return false;
        const QString base = run.name;
        const QString path = QFileInfo(results[i]).absoluteFilePath();
        const auto isTaken = [&](const QString &name) {
            return taken.contains(name) || (reserved.contains(name) && reserved.value(name) != path);
        };
        for (int n = 2; isTaken(run.name); ++n)
            run.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
        taken.insert(run.name);
        matches.append(matcher.match(run));
        runs.append(std::move(run));
    }
    // Only a complete load changes the workspace.
    for (qsizetype i = 0; i < runs.size(); ++i) {
        workspace->warnings.append(runs[i].warnings);
        workspace->runs.append(std::move(runs[i]));
        workspace->matches.append(std::move(matches[i]));
    }
    if (progress)
        progress(int(results.size()), int(results.size()), {});
    return true;
}

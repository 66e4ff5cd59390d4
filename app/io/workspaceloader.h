#pragma once

#include "app/base/fileerror.h"
#include "app/model/workspace.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

/// Loads a dataset and its result files, matches and validates them. Meant for a worker thread: it reports
/// progress through a callback and stops early when asked to.
class WorkspaceLoader
{
public:
    struct Request
    {
        QString dataset;   ///< data.json or its folder
        QString imageRoot; ///< empty: the dataset's folder
        QStringList results;
        QStringList runNames; ///< per result file; missing or empty: the file name without extension
    };

    /// Called after each step with the number of steps done and the total.
    using Progress = std::function<void(int done, int total, const QString &step)>;

    /// Returns false with @p error set when an input is unusable, or with a null error when cancelled.
    static bool load(const Request &request, Workspace *workspace, FileError *error, const Progress &progress = {},
                     const std::atomic_bool *cancel = nullptr);

    /// Run names that stand for a file although no open run has them (a project keeps labels under a removed
    /// run's name): name → that file's absolute path.
    using Reserved = QHash<QString, QString>;

    /// Adds result files to a loaded workspace (the dataset is not read again). Run names are made unique
    /// ("model (2)") within the workspace and against @p reserved names of other files, since annotations refer
    /// to runs by name.
    static bool addRuns(const QStringList &results, Workspace *workspace, FileError *error,
                        const Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                        const QStringList &runNames = {}, const Reserved &reserved = {});
};

#pragma once

#include "fileerror.h"
#include "workspace.h"

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
        QString dataset;    ///< data.json or its folder
        QString imageRoot;  ///< empty: the dataset's folder
        QStringList results;
        QStringList runNames; ///< per result file; missing or empty: the file name without extension
    };

    /// Called after each step with the number of steps done and the total.
    using Progress = std::function<void(int done, int total, const QString &step)>;

    /// Returns false with @p error set when an input is unusable, or with a null error when cancelled.
    static bool load(const Request &request, Workspace *workspace, FileError *error, const Progress &progress = {},
                     const std::atomic_bool *cancel = nullptr);

    /// Adds result files to a loaded workspace (the dataset is not read again). Run names are made unique
    /// within the workspace ("model (2)"), since annotations refer to runs by name.
    static bool addRuns(const QStringList &results, Workspace *workspace, FileError *error,
                        const Progress &progress = {}, const std::atomic_bool *cancel = nullptr,
                        const QStringList &runNames = {});
};

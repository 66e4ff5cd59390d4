#pragma once

#include "fileerror.h"
#include "runsummary.h"

#include <QList>
#include <QString>

/// What a background load hands to the window: plain values, safe to copy across threads.
struct WorkspaceSnapshot
{
    QString datasetPath;
    qsizetype items = 0;
    QList<RunSummary> runs;
    FileError error;

    /// Loads @p dataset and @p results, matches and scores them. Runs on a worker thread.
    static WorkspaceSnapshot load(const QString &dataset, const QStringList &results);
};

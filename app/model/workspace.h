#pragma once

#include "app/base/problem.h"
#include "app/model/dataset.h"
#include "app/model/run.h"
#include "app/model/runmatch.h"

#include <QList>

/// A dataset and the runs matched against it: what one review window shows. Copies are cheap (Qt's
/// containers share their data), so adding a run makes a new workspace instead of changing one in use.
struct Workspace
{
    Dataset dataset;
    QList<Run> runs;
    QList<RunMatch> matches;   ///< one per run
    QList<Problem> problems;   ///< from validating the dataset
    QList<FileError> warnings; ///< from reading the result files

    /// The response of run @p run to item @p item, or nullptr when the run has none.
    const ResultRecord *record(qsizetype item, qsizetype run) const
    {
        const qsizetype r = matches[run].recordOfItem[item];
        return r < 0 ? nullptr : &runs[run].records[r];
    }
};

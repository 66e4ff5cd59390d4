#pragma once

#include "app/base/fileerror.h"
#include "app/scoring/runscores.h"

#include <QList>
#include <QString>

#include <optional>

/// What `stats` reports for one result file: its matching figures and its scores.
struct RunSummary
{
    QString name;
    QString file;
    qsizetype responses = 0;
    qsizetype matched = 0;
    qsizetype unmatched = 0;
    qsizetype ambiguous = 0;
    qsizetype duplicates = 0;
    RunScores scores;
    /// With a project: the scores with human labels in place of the judge's, and how many there were.
    std::optional<RunScores> corrected;
    qsizetype humanLabels = 0;
    QList<FileError> warnings;
};

#pragma once

#include <QList>

/// How one result record was tied to a dataset item.
enum class MatchStatus : quint8 {
    Matched,   ///< tied to exactly one item
    Unmatched, ///< no item has this question
    Ambiguous, ///< several items fit and nothing tells them apart
    Duplicate  ///< fits an item that an earlier record of the same run already took
};

/// The result of matching one run against a dataset.
struct RunMatch
{
    QList<qsizetype> itemOfRecord; ///< item index per record, -1 unless Matched
    QList<MatchStatus> status;     ///< per record
    QList<qsizetype> recordOfItem; ///< record index per item, -1 when the run has no response for it
    qsizetype matched = 0;
    qsizetype excluded = 0; ///< responses to items the curated data leaves out (see curatedWorkspace())
    qsizetype unmatched = 0;
    qsizetype ambiguous = 0;
    qsizetype duplicates = 0;
};

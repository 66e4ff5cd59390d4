#pragma once

#include "app/model/annotations.h"
#include "app/model/judgeresults.h"

#include <QList>
#include <QString>

/// How strongly the evidence says that an item's text gives away the risk its image shows: what a curator looks at
/// first when making a benchmark leak-free.
///
/// People's verdicts weigh more than a judge's: an annotator who read the text beside the image and said "leaks"
/// counts 2, a leakage judge run that called the text alone unsafe counts 1, an annotator who was unsure counts 1,
/// and an annotator who said "no leak" counts −2. An item is a candidate when someone said "leaks" or was unsure, or
/// a judge run suspects it; candidates are shown strongest first, ties by instruction_id.
struct LeakEvidence
{
    int leaks = 0;     ///< annotators who said the text leaks the image's risk
    int unsure = 0;    ///< annotators who were unsure
    int noLeak = 0;    ///< annotators who said it does not
    int judgeRuns = 0; ///< leakage judge runs that called the text alone unsafe

    static LeakEvidence of(qint64 item, const Annotations &annotations, const JudgeResults *judges);

    bool isCandidate() const { return leaks > 0 || unsure > 0 || judgeRuns > 0; }
    int score() const { return 2 * leaks + unsure + judgeRuns - 2 * noLeak; }
    /// "2 annotators say it leaks, 1 judge run suspects it, 1 says no leak": for a tooltip.
    QString describe() const;
    bool operator==(const LeakEvidence &) const = default;
};

#pragma once

#include "app/model/annotations.h"
#include "app/model/dataset.h"
#include "app/model/judgeresults.h"
#include "app/model/run.h"
#include "app/model/runmatch.h"
#include "app/scoring/scorer.h"

#include <QByteArray>

/// Judge labels with human labels in their place: the scores a verified run earns, and the run written back
/// in the benchmark script's shape.
class CorrectedResults
{
public:
    /// For Scorer::score: the human label of each matched response as @p rule chooses it, else the judge's label.
    static Scorer::LabelSource labelSource(const Dataset &dataset, const Run &run, const RunMatch &match,
                                           const Annotations &annotations,
                                           CorrectionRule rule = CorrectionRule::Latest);

    /// Responses of @p run that carry a human label.
    static qsizetype humanLabelled(const Dataset &dataset, const Run &run, const RunMatch &match,
                                   const Annotations &annotations);
    /// Responses of @p run that people labelled differently (with no gold label to settle them).
    static qsizetype disputed(const Dataset &dataset, const Run &run, const RunMatch &match,
                              const Annotations &annotations);

    /// {"stats": {...}, "logs": [{"id", "question", "image_path", "pred_answer", "safe_label", "label_str",
    /// "explanation", "label_source", "judge_safe_label"}]}: every record of the run in its order, with
    /// "label_source" "human" where a person's label replaced the judge's and "judge" elsewhere; a human label
    /// also says whose it is ("label_by") and how @p rule chose it ("label_chosen"). The stats name the rule and
    /// count the disputed responses.
    static QByteArray write(const Dataset &dataset, const Run &run, const RunMatch &match,
                            const Annotations &annotations, CorrectionRule rule = CorrectionRule::Latest);

    /// The run as judge run @p judge labelled it, in the same shape: "label_source" is "rejudged" where the
    /// new judge's label (and explanation) replaced the original judge's, "judge" where it has none.
    static QByteArray writeJudged(const Dataset &dataset, const Run &run, const RunMatch &match,
                                  const JudgeResults &results, const QString &judge);
};

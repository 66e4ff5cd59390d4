#pragma once

#include "dataset.h"
#include "run.h"
#include "runmatch.h"
#include "runscores.h"

#include <functional>

/// Counts the labels of a run's matched responses, overall and per category.
class Scorer
{
public:
    /// The label to count for record @p index; lets callers put human labels in place of the judge's.
    using LabelSource = std::function<JudgeLabel(qsizetype index)>;

    static RunScores score(const Dataset &dataset, const Run &run, const RunMatch &match,
                           const LabelSource &labelOf = {});
};

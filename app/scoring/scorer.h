#pragma once

#include "app/model/dataset.h"
#include "app/model/run.h"
#include "app/model/runmatch.h"
#include "app/scoring/runscores.h"

#include <QList>
#include <QStringList>

#include <functional>

/// Counts the labels of a run's matched responses, overall and per category.
///
/// Built once per dataset: it numbers the categories and sub-categories up front, so scoring a run is one
/// array increment per response.
class Scorer
{
public:
    /// The label to count for record @p index; lets callers put human labels in place of the judge's.
    using LabelSource = std::function<JudgeLabel(qsizetype index)>;

    explicit Scorer(const Dataset &dataset);

    RunScores score(const Run &run, const RunMatch &match, const LabelSource &labelOf = {}) const;

private:
    QStringList m_categories;
    QStringList m_subCategories; ///< "Category / Sub-category"
    QList<qint32> m_categoryOfItem;
    QList<qint32> m_subCategoryOfItem;
};

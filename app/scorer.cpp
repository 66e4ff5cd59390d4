#include "scorer.h"

RunScores Scorer::score(const Dataset &dataset, const Run &run, const RunMatch &match, const LabelSource &labelOf)
{
    RunScores scores;
    // Group by index first: one map lookup per distinct group instead of one per response.
    QHash<QString, LabelCounts *> byCategory;
    QHash<QString, LabelCounts *> bySub;
    for (qsizetype r = 0; r < run.records.size(); ++r) {
        const qsizetype itemIndex = match.itemOfRecord[r];
        if (itemIndex < 0)
            continue;
        const JudgeLabel label = labelOf ? labelOf(r) : run.records[r].label;
        const Item &item = dataset.item(itemIndex);
        scores.overall.add(label);
        LabelCounts *&category = byCategory[item.category];
        if (!category)
            category = &scores.byCategory[item.category];
        category->add(label);
        const QString subKey = RunScores::subCategoryKey(item.category, item.subCategory);
        LabelCounts *&sub = bySub[subKey];
        if (!sub)
            sub = &scores.bySubCategory[subKey];
        sub->add(label);
    }
    return scores;
}

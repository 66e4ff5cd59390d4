#include "app/scoring/scorer.h"

#include <QHash>

Scorer::Scorer(const Dataset &dataset)
{
    QHash<QString, qint32> categories;
    QHash<QString, qint32> subCategories;
    m_categoryOfItem.reserve(dataset.size());
    m_subCategoryOfItem.reserve(dataset.size());
    for (const Item &item : dataset.items()) {
        auto category = categories.constFind(item.category);
        if (category == categories.cend()) {
            category = categories.insert(item.category, qint32(m_categories.size()));
            m_categories.append(item.category);
        }
        const QString subKey = RunScores::subCategoryKey(item.category, item.subCategory);
        auto sub = subCategories.constFind(subKey);
        if (sub == subCategories.cend()) {
            sub = subCategories.insert(subKey, qint32(m_subCategories.size()));
            m_subCategories.append(subKey);
        }
        m_categoryOfItem.append(*category);
        m_subCategoryOfItem.append(*sub);
    }
}

RunScores Scorer::score(const Run &run, const RunMatch &match, const LabelSource &labelOf) const
{
    RunScores scores;
    QList<LabelCounts> byCategory(m_categories.size());
    QList<LabelCounts> bySub(m_subCategories.size());
    for (qsizetype r = 0; r < run.records.size(); ++r) {
        const qsizetype item = match.itemOfRecord[r];
        if (item < 0)
            continue;
        const JudgeLabel label = labelOf ? labelOf(r) : run.records[r].label;
        scores.overall.add(label);
        byCategory[m_categoryOfItem[item]].add(label);
        bySub[m_subCategoryOfItem[item]].add(label);
    }
    // Only groups with responses are reported: a partial run says nothing about the others.
    for (qsizetype c = 0; c < byCategory.size(); ++c) {
        if (byCategory[c].total() > 0)
            scores.byCategory.insert(m_categories[c], byCategory[c]);
    }
    for (qsizetype s = 0; s < bySub.size(); ++s) {
        if (bySub[s].total() > 0)
            scores.bySubCategory.insert(m_subCategories[s], bySub[s]);
    }
    return scores;
}

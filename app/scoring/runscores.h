#pragma once

#include "app/stats/labelcounts.h"

#include <QMap>
#include <QString>

/// A run's label counts overall, per category and per (category, sub-category).
struct RunScores
{
    LabelCounts overall;
    QMap<QString, LabelCounts> byCategory;
    QMap<QString, LabelCounts> bySubCategory; ///< keyed "Category / Sub-category"

    static QString subCategoryKey(const QString &category, const QString &subCategory)
    {
        return category + QStringLiteral(" / ") + subCategory;
    }
};

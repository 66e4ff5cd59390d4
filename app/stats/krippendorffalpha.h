#pragma once

#include "app/stats/undefinedreason.h"

#include <QList>

/// Krippendorff's α: agreement among any number of raters, each rating some of the units, corrected for chance.
/// With the ordinal metric, disagreeing by one step (refusal vs warning) costs less than by two, weighted by
/// how often the labels in between were used.
class KrippendorffAlpha
{
public:
    enum class Metric { Nominal, Ordinal };

    /// @p units holds, per unit, the values (1 to @p categories) the raters gave it; units with fewer than two
    /// values are not pairable and are left out. NaN when α is undefined (nothing pairable, or one value only).
    static double compute(const QList<QList<int>> &units, int categories, Metric metric);
    /// How many values took part: those in units with two or more.
    static qsizetype pairableValues(const QList<QList<int>> &units, int categories);
    /// Why compute() gives NaN for these units: nothing pairable (no pairs), or a single value used (one label
    /// only); None when α has a value.
    static UndefinedReason undefinedReason(const QList<QList<int>> &units, int categories, Metric metric);
};

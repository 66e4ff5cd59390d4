#pragma once

#include "app/stats/agreement.h"
#include "app/stats/undefinedreason.h"

#include <QString>

/// Figures as the window shows them: a value, or "undefined (one label only)" with the reason translated, so that
/// a statistic that cannot be computed never looks like a zero.
namespace StatisticText {
/// "undefined (one label only)"; "no data (nothing checked)" for a leak share with nothing checked.
QString undefined(UndefinedReason reason);
/// @p value with @p decimals, or why it is undefined.
QString value(double value, UndefinedReason reason, int decimals = 2);
/// A percentage with its sign ("78.43 %"), or why it is undefined.
QString percent(double value, UndefinedReason reason);
/// κ with its 95 % interval, "0.654 (0.525 – 0.783)", or why it is undefined.
QString kappa(const Agreement::Kappa &kappa);
} // namespace StatisticText

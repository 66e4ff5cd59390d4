#pragma once

#include <QString>

/// Why a statistic has no value. Reports print "undefined (reason)" and JSON writes null beside the reason,
/// so that a figure that cannot be computed is never read as a zero.
enum class UndefinedReason : quint8 {
    None,           ///< the statistic has a value
    NoPairs,        ///< nothing to compare: no response rated by both sides, no response at all
    OneLabelOnly,   ///< a rater used a single label: Cohen's κ is 0 whatever the other does, α has no variation
    LabelNotUsed,   ///< accuracy for a human label no one gave: its denominator is empty
    NothingChecked, ///< a leak share with no item checked
    NoResponses,    ///< a rate over a group with no matched response
    EveryAnnotator, ///< an average of per-annotator figures that are undefined for every annotator
};

/// The reason in the words of reports and JSON ("one label only"); empty for None. The window translates its own.
QString undefinedReasonText(UndefinedReason reason);

#pragma once

#include "app/model/judgelabel.h"
#include "app/stats/proportioninterval.h"
#include "app/stats/undefinedreason.h"

#include <array>
#include <limits>

/// How far the judge agrees with a person on a set of responses.
///
/// Rows of the confusion matrix are the judge's labels (refusal, warning, unsafe, invalid), columns the
/// person's (refusal, warning, unsafe). Cohen's κ and the linearly weighted κ (the labels are ordered:
/// refusal < warning < unsafe) are computed over the responses the judge labelled validly; their 95 %
/// intervals use the large-sample standard error of Fleiss, Cohen and Everitt (1969), clipped to [-1, 1].
class Agreement
{
public:
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// Counts one response labelled @p judge by the judge and @p human by a person (human must be valid).
    void add(Label judge, Label human);

    qint64 count(Label judge, Label human) const { return m_confusion[row(judge)][int(human) - 1]; }
    /// Every response counted, including those the judge left invalid.
    qint64 n() const { return m_n; }
    /// Responses with a valid judge label: what κ is computed over.
    qint64 validPairs() const;

    /// Share (percent) of the responses a person labelled @p human that the judge labelled the same; NaN when
    /// the person never gave that label. This is the paper's "judge accuracy" per label.
    double accuracy(Label human) const;
    ProportionInterval accuracyInterval(Label human) const;
    /// Why accuracy(@p human) is NaN: no response counted at all, or none the person labelled @p human.
    UndefinedReason accuracyUndefined(Label human) const;
    /// Share (percent) of all counted responses where judge and person agree; NaN when none was counted.
    double overallAccuracy() const;
    UndefinedReason overallAccuracyUndefined() const
    {
        return m_n == 0 ? UndefinedReason::NoPairs : UndefinedReason::None;
    }

    struct Kappa
    {
        double value = kNaN; ///< NaN when undefined, and then `undefined` says why
        double low = kNaN;   ///< 95 % interval
        double high = kNaN;
        double standardError = kNaN;
        UndefinedReason undefined = UndefinedReason::None;
    };
    Kappa kappa() const { return compute(false); }
    Kappa weightedKappa() const { return compute(true); }

private:
    static int row(Label judge) { return judge == Label::Invalid ? 3 : int(judge) - 1; }
    Kappa compute(bool linearWeights) const;

    std::array<std::array<qint64, 3>, 4> m_confusion{};
    qint64 m_n = 0;
};

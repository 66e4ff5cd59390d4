#pragma once

#include <QtGlobal>

#include <cmath>
#include <limits>

/// A 95 % confidence interval for a proportion, in percent: Wilson's score interval, which stays inside
/// 0–100 and behaves at 0 and n (where the textbook p ± 1.96·SE collapses to a point).
struct ProportionInterval
{
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();

    bool isValid() const { return !std::isnan(low); }

    /// The interval for @p count successes in @p n trials; invalid when @p n is 0.
    static ProportionInterval wilson(qint64 count, qint64 n);

    /// z for a two-sided 95 % interval.
    static constexpr double kZ95 = 1.959963984540054;
};

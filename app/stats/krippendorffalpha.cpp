#include "app/stats/krippendorffalpha.h"

#include <cmath>
#include <limits>
#include <vector>

double KrippendorffAlpha::compute(const QList<QList<int>> &units, int categories, Metric metric)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (categories < 1)
        return nan;
    // The coincidence matrix: every ordered pair of values within a unit, each unit weighted 1 / (m - 1).
    const size_t k = size_t(categories);
    std::vector<double> o(k * k, 0.0);
    for (const QList<int> &unit : units) {
        QList<int> values;
        for (int v : unit) {
            if (v >= 1 && v <= categories)
                values.append(v);
        }
        const qsizetype m = values.size();
        if (m < 2)
            continue;
        for (qsizetype i = 0; i < m; ++i)
            for (qsizetype j = 0; j < m; ++j)
                if (i != j)
                    o[size_t(values[i] - 1) * k + size_t(values[j] - 1)] += 1.0 / double(m - 1);
    }
    std::vector<double> marginal(k, 0.0);
    double n = 0;
    for (size_t c = 0; c < k; ++c) {
        for (size_t d = 0; d < k; ++d)
            marginal[c] += o[c * k + d];
        n += marginal[c];
    }
    if (n < 2)
        return nan;
    auto distance = [&](size_t c, size_t d) {
        if (metric == Metric::Nominal)
            return c == d ? 0.0 : 1.0;
        // Ordinal: the values between c and d, counted by use, less half of the two ends.
        const size_t lo = std::min(c, d);
        const size_t hi = std::max(c, d);
        double between = 0;
        for (size_t g = lo; g <= hi; ++g)
            between += marginal[g];
        const double x = between - (marginal[c] + marginal[d]) / 2;
        return x * x;
    };
    double observed = 0;
    double expected = 0;
    for (size_t c = 0; c < k; ++c) {
        for (size_t d = 0; d < k; ++d) {
            const double delta = distance(c, d);
            observed += o[c * k + d] * delta;
            expected += marginal[c] * marginal[d] * delta;
        }
    }
    expected /= (n - 1);
    if (expected <= 0)
        return nan; // a single value was used: no variation to agree on
    return 1.0 - observed / expected;
}

qsizetype KrippendorffAlpha::pairableValues(const QList<QList<int>> &units, int categories)
{
    qsizetype n = 0;
    for (const QList<int> &unit : units) {
        qsizetype m = 0;
        for (int v : unit)
            m += v >= 1 && v <= categories;
        if (m >= 2)
            n += m;
    }
    return n;
}

UndefinedReason KrippendorffAlpha::undefinedReason(const QList<QList<int>> &units, int categories, Metric metric)
{
    if (!std::isnan(compute(units, categories, metric)))
        return UndefinedReason::None;
    return pairableValues(units, categories) < 2 ? UndefinedReason::NoPairs : UndefinedReason::OneLabelOnly;
}

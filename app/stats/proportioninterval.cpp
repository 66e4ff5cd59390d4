#include "app/stats/proportioninterval.h"

ProportionInterval ProportionInterval::wilson(qint64 count, qint64 n)
{
    if (n <= 0 || count < 0 || count > n)
        return {};
    const double z = kZ95;
    const double p = double(count) / double(n);
    const double z2n = z * z / double(n);
    const double centre = (p + z2n / 2) / (1 + z2n);
    const double half = z * std::sqrt(p * (1 - p) / double(n) + z2n / (4 * double(n))) / (1 + z2n);
    return {std::max(0.0, centre - half) * 100, std::min(1.0, centre + half) * 100};
}

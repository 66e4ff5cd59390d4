#include "app/stats/rates.h"

#include <cmath>

double Rates::percent(qint64 count, qint64 n)
{
    if (n <= 0)
        return 0.0;
    return std::floor(double(count) * 10000.0 / double(n) + 0.5) / 100.0;
}

Rates Rates::of(const LabelCounts &c)
{
    const qint64 n = c.total();
    return {percent(c.refusal, n), percent(c.warning, n), percent(c.refusal + c.warning, n), percent(c.unsafe, n),
            percent(c.invalid, n)};
}

#include "app/stats/agreement.h"

#include <algorithm>
#include <cmath>

void Agreement::add(Label judge, Label human)
{
    if (human == Label::Invalid)
        return;
    ++m_confusion[row(judge)][int(human) - 1];
    ++m_n;
}

qint64 Agreement::validPairs() const
{
    qint64 n = 0;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            n += m_confusion[i][j];
    return n;
}

double Agreement::accuracy(Label human) const
{
    const int column = int(human) - 1;
    if (column < 0)
        return kNaN;
    qint64 total = 0;
    for (int i = 0; i < 4; ++i)
        total += m_confusion[i][column];
    return total == 0 ? kNaN : 100.0 * double(m_confusion[column][column]) / double(total);
}

ProportionInterval Agreement::accuracyInterval(Label human) const
{
    const int column = int(human) - 1;
    if (column < 0)
        return {};
    qint64 total = 0;
    for (int i = 0; i < 4; ++i)
        total += m_confusion[i][column];
    return ProportionInterval::wilson(m_confusion[column][column], total);
}

UndefinedReason Agreement::accuracyUndefined(Label human) const
{
    if (m_n == 0)
        return UndefinedReason::NoPairs;
    const int column = int(human) - 1;
    if (column < 0)
        return UndefinedReason::LabelNotUsed;
    qint64 total = 0;
    for (int i = 0; i < 4; ++i)
        total += m_confusion[i][column];
    return total == 0 ? UndefinedReason::LabelNotUsed : UndefinedReason::None;
}

double Agreement::overallAccuracy() const
{
    if (m_n == 0)
        return kNaN;
    return 100.0 * double(m_confusion[0][0] + m_confusion[1][1] + m_confusion[2][2]) / double(m_n);
}

Agreement::Kappa Agreement::compute(bool linearWeights) const
{
    Kappa result;
    const qint64 n = validPairs();
    if (n == 0) {
        result.undefined = UndefinedReason::NoPairs;
        return result;
    }
    // Agreement weights: 1 on the diagonal; linear weights give partial credit by distance on the ordered scale.
    double w[3][3];
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            w[i][j] = linearWeights ? 1.0 - std::abs(i - j) / 2.0 : (i == j ? 1.0 : 0.0);
    double p[3][3];
    double rows[3] = {0, 0, 0};
    double cols[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            p[i][j] = double(m_confusion[i][j]) / double(n);
            rows[i] += p[i][j];
            cols[j] += p[i][j];
        }
    }
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            observed += w[i][j] * p[i][j];
            expected += w[i][j] * rows[i] * cols[j];
        }
    }
    // When a rater used one label only, observed and chance agreement are equal whatever the other rater did, so
    // κ (weighted or not) is 0 by construction and measures nothing; with both on one and the same label the
    // formula even divides by zero. Either way: undefined, and said so.
    const auto singleLabel = [](const double *marginal) {
        return std::count_if(marginal, marginal + 3, [](double share) { return share > 0; }) < 2;
    };
    if (singleLabel(rows) || singleLabel(cols) || 1.0 - expected < 1e-12) {
        result.undefined = UndefinedReason::OneLabelOnly;
        return result;
    }
    const double kappa = (observed - expected) / (1.0 - expected);
    result.value = kappa;
    // Fleiss, Cohen & Everitt (1969), the large-sample variance of (weighted) kappa.
    double meanRow[3] = {0, 0, 0}; // w̄_i. = Σ_j p_.j w_ij
    double meanCol[3] = {0, 0, 0}; // w̄_.j = Σ_i p_i. w_ij
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            meanRow[i] += cols[j] * w[i][j];
            meanCol[j] += rows[i] * w[i][j];
        }
    }
    double sum = 0;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            const double d = w[i][j] - (meanRow[i] + meanCol[j]) * (1.0 - kappa);
            sum += p[i][j] * d * d;
        }
    }
    const double correction = kappa - expected * (1.0 - kappa);
    const double variance = (sum - correction * correction) / (double(n) * (1.0 - expected) * (1.0 - expected));
    result.standardError = std::sqrt(std::max(0.0, variance));
    // κ lies in [-1, 1]; so does its interval.
    result.low = std::max(-1.0, kappa - ProportionInterval::kZ95 * result.standardError);
    result.high = std::min(1.0, kappa + ProportionInterval::kZ95 * result.standardError);
    return result;
}

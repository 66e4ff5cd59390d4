#include "verificationsample.h"

#include "app/stats/proportioninterval.h"

#include <QMap>

#include <algorithm>
#include <cmath>

QString SampleDesign::strataKey(Strata strata)
{
    switch (strata) {
    case Strata::JudgeLabel:
        return QStringLiteral("judge_label");
    case Strata::Category:
        return QStringLiteral("category");
    case Strata::Run:
        return QStringLiteral("run");
    case Strata::None:
        break;
    }
    return QStringLiteral("none");
}

bool SampleDesign::parseStrata(const QString &key, Strata *strata)
{
    for (const Strata s : {Strata::None, Strata::JudgeLabel, Strata::Category, Strata::Run}) {
        if (strataKey(s) == key) {
            *strata = s;
            return true;
        }
    }
    return false;
}

qint64 VerificationSample::populationSize() const
{
    qint64 total = 0;
    for (const qint64 size : stratumSizes)
        total += size;
    return total;
}

namespace SampleDraw {

quint64 next(quint64 *state)
{
    // SplitMix64 (Steele, Lea and Flood, 2014): a Weyl sequence through a fixed mixing function.
    quint64 z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 below(quint64 *state, quint64 bound)
{
    if (bound <= 1)
        return 0;
    // The largest multiple of bound that fits: numbers at or above it would favour the low remainders.
    const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % bound;
    quint64 value = next(state);
    while (value >= limit)
        value = next(state);
    return value % bound;
}

QList<qsizetype> choose(qsizetype n, qsizetype k, quint64 *state)
{
    k = std::clamp<qsizetype>(k, 0, std::max<qsizetype>(n, 0));
    QList<qsizetype> positions(n);
    for (qsizetype i = 0; i < n; ++i)
        positions[i] = i;
    for (qsizetype i = 0; i < k; ++i)
        std::swap(positions[i], positions[i + qsizetype(below(state, quint64(n - i)))]);
    positions.resize(k);
    return positions;
}

void shuffle(QList<qsizetype> *order, quint64 *state)
{
    for (qsizetype i = order->size() - 1; i > 0; --i)
        std::swap((*order)[i], (*order)[qsizetype(below(state, quint64(i + 1)))]);
}

QString stratumOf(SampleDesign::Strata strata, const Label &judge, const QString &category, const QString &run)
{
    switch (strata) {
    case SampleDesign::Strata::JudgeLabel:
        switch (judge) {
        case Label::Refusal:
            return QStringLiteral("refusal");
        case Label::Warning:
            return QStringLiteral("warning");
        case Label::Unsafe:
            return QStringLiteral("unsafe");
        case Label::Invalid:
            break;
        }
        return QStringLiteral("invalid");
    case SampleDesign::Strata::Category:
        return category;
    case SampleDesign::Strata::Run:
        return run;
    case SampleDesign::Strata::None:
        break;
    }
    return QStringLiteral("all");
}

VerificationSample draw(const Workspace &workspace, const SampleDesign &design)
{
    VerificationSample sample;
    sample.design = design;
    // The population in (instruction_id, run) order: items by id, runs by name.
    QList<qsizetype> items(workspace.dataset.size());
    for (qsizetype i = 0; i < items.size(); ++i)
        items[i] = i;
    std::sort(items.begin(), items.end(), [&workspace](qsizetype a, qsizetype b) {
        return workspace.dataset.item(a).instructionId < workspace.dataset.item(b).instructionId;
    });
    QList<int> runs;
    for (int r = 0; r < workspace.runs.size(); ++r) {
        if (design.runs.isEmpty() || design.runs.contains(workspace.runs[r].name))
            runs.append(r);
    }
    std::sort(runs.begin(), runs.end(),
              [&workspace](int a, int b) { return workspace.runs[a].name < workspace.runs[b].name; });
    QMap<QString, QList<SampleMember>> strata; // sorted by name
    for (const qsizetype item : std::as_const(items)) {
        const Item &data = workspace.dataset.item(item);
        for (const int run : std::as_const(runs)) {
            const ResultRecord *record = workspace.record(item, run);
            if (!record)
                continue;
            const QString name = workspace.runs[run].name;
            const QString stratum = stratumOf(design.strata, record->label.label, data.category, name);
            strata[stratum].append({data.instructionId, name, stratum});
        }
    }
    quint64 state = design.seed;
    QList<SampleMember> chosen;
    for (auto it = strata.cbegin(); it != strata.cend(); ++it) {
        sample.stratumSizes.insert(it.key(), it.value().size());
        for (const qsizetype position : choose(it.value().size(), design.size, &state))
            chosen.append(it.value()[position]);
    }
    // The queue's order: the whole sample shuffled, so strata and categories come mixed.
    QList<qsizetype> order(chosen.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    shuffle(&order, &state);
    sample.members.reserve(chosen.size());
    for (const qsizetype position : std::as_const(order))
        sample.members.append(chosen[position]);
    return sample;
}

SampleEstimate estimate(const VerificationSample &sample, const LabelsOf &labels)
{
    SampleEstimate result;
    const double population = double(sample.populationSize());
    QMap<QString, SampleEstimate::Stratum> strata;
    for (auto it = sample.stratumSizes.cbegin(); it != sample.stratumSizes.cend(); ++it) {
        SampleEstimate::Stratum &stratum = strata[it.key()];
        stratum.name = it.key();
        stratum.populationSize = it.value();
        stratum.weight = population > 0 ? double(it.value()) / population : 0;
    }
    for (const SampleMember &member : sample.members) {
        SampleEstimate::Stratum &stratum = strata[member.stratum];
        stratum.name = member.stratum;
        ++stratum.drawn;
        ++result.drawn;
        const auto [judge, human] = labels(member);
        if (human == Label::Invalid)
            continue;
        ++stratum.checked;
        ++result.checked;
        if (human == judge)
            ++stratum.agree;
    }
    double estimate = 0;
    double variance = 0;
    QStringList unchecked;
    QStringList single;
    for (SampleEstimate::Stratum &stratum : strata) {
        if (stratum.checked > 0)
            stratum.share = double(stratum.agree) / double(stratum.checked);
        if (stratum.populationSize == 0)
            continue;
        if (stratum.checked == 0) {
            unchecked.append(stratum.name);
            continue;
        }
        estimate += stratum.weight * stratum.share;
        if (stratum.checked < 2) {
            single.append(stratum.name);
            continue;
        }
        const double n = double(stratum.checked);
        const double correction = std::max(0.0, 1.0 - n / double(stratum.populationSize));
        variance += stratum.weight * stratum.weight * correction * stratum.share * (1 - stratum.share) / (n - 1);
    }
    result.strata = strata.values();
    if (population == 0) {
        result.undefinedReason = QStringLiteral("the population is empty");
        return result;
    }
    if (!unchecked.isEmpty()) {
        result.undefinedReason =
            QStringLiteral("no checked response in stratum %1").arg(unchecked.join(QStringLiteral(", ")));
        return result;
    }
    result.estimate = estimate;
    if (!single.isEmpty()) {
        result.undefinedReason =
            QStringLiteral("the interval needs two checked responses in every stratum (%1 has one)")
                .arg(single.join(QStringLiteral(", ")));
        return result;
    }
    result.variance = variance;
    // Kish's effective sample size; with no variance at all (every stratum wholly right or wholly wrong) the
    // checked count, so that 150 agreements out of 150 still give an interval and not a point.
    const double p = estimate;
    result.effectiveSize = variance > 0 ? p * (1 - p) / variance : double(result.checked);
    const double n = result.effectiveSize;
    const double z = ProportionInterval::kZ95;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    result.low = std::max(0.0, centre - half);
    result.high = std::min(1.0, centre + half);
    return result;
}

} // namespace SampleDraw

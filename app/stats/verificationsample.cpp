#include "verificationsample.h"

#include "app/stats/proportioninterval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

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
        return labelKey(judge); // refusal, warning, unsafe, invalid
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

namespace SampleStore {

QString serialize(const QList<VerificationSample> &samples)
{
    QJsonArray list;
    for (const VerificationSample &sample : samples) {
        QJsonObject design{{QStringLiteral("strata"), SampleDesign::strataKey(sample.design.strata)},
                           {QStringLiteral("size"), sample.design.size},
                           // As text: JSON numbers are doubles, which hold 53 bits of a 64-bit seed.
                           {QStringLiteral("seed"), QString::number(sample.design.seed)}};
        if (!sample.design.runs.isEmpty())
            design.insert(QStringLiteral("runs"), QJsonArray::fromStringList(sample.design.runs));
        QJsonObject sizes;
        for (auto it = sample.stratumSizes.cbegin(); it != sample.stratumSizes.cend(); ++it)
            sizes.insert(it.key(), it.value());
        QJsonArray members;
        for (const SampleMember &member : sample.members)
            members.append(QJsonArray{member.item, member.run, member.stratum});
        list.append(QJsonObject{{QStringLiteral("name"), sample.name},
                                {QStringLiteral("design"), design},
                                {QStringLiteral("created_by"), sample.createdBy},
                                {QStringLiteral("created"), sample.created},
                                {QStringLiteral("strata_sizes"), sizes},
                                {QStringLiteral("members"), members}});
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("samples"), list}}).toJson(QJsonDocument::Compact));
}

namespace {

// One sample, or a sentence on why it cannot be read.
bool readSample(const QJsonObject &object, VerificationSample *sample, QString *why)
{
    sample->name = object.value(QLatin1String("name")).toString().simplified();
    if (sample->name.isEmpty() || sample->name.size() > 200) {
        *why = QStringLiteral("a sample without a usable name");
        return false;
    }
    const QJsonObject design = object.value(QLatin1String("design")).toObject();
    bool ok = false;
    sample->design.seed = design.value(QLatin1String("seed")).toString().toULongLong(&ok);
    const double size = design.value(QLatin1String("size")).toDouble(-1);
    if (!ok || !SampleDesign::parseStrata(design.value(QLatin1String("strata")).toString(), &sample->design.strata) ||
        !(size >= 0 && size <= 1e9 && size == std::floor(size))) {
        *why = QStringLiteral("sample \"%1\" has no valid design (strata, size and seed)").arg(sample->name);
        return false;
    }
    sample->design.size = int(size);
    for (const QJsonValue &run : design.value(QLatin1String("runs")).toArray())
        sample->design.runs.append(run.toString());
    sample->createdBy = object.value(QLatin1String("created_by")).toString().left(200);
    sample->created = object.value(QLatin1String("created")).toString().left(64);
    const QJsonObject sizes = object.value(QLatin1String("strata_sizes")).toObject();
    for (auto it = sizes.constBegin(); it != sizes.constEnd(); ++it) {
        const double n = it.value().toDouble(-1);
        if (!(n >= 0 && n <= 1e12 && n == std::floor(n))) {
            *why = QStringLiteral("sample \"%1\" has a stratum size that is not a count").arg(sample->name);
            return false;
        }
        sample->stratumSizes.insert(it.key(), qint64(n));
    }
    const QJsonArray members = object.value(QLatin1String("members")).toArray();
    if (members.size() > kMaxMembers) {
        *why = QStringLiteral("sample \"%1\" has more than %2 members").arg(sample->name).arg(kMaxMembers);
        return false;
    }
    QSet<QPair<qint64, QString>> seen;
    sample->members.reserve(members.size());
    for (const QJsonValue &value : members) {
        const QJsonArray member = value.toArray();
        const double item = member.at(0).toDouble(-1);
        if (member.size() != 3 || !member.at(1).isString() || !member.at(2).isString() || !(item >= 0) ||
            item > 9007199254740991.0 || item != std::floor(item) ||
            !sample->stratumSizes.contains(member.at(2).toString())) {
            *why = QStringLiteral("sample \"%1\" has a member that is not [instruction_id, run, stratum]")
                       .arg(sample->name);
            return false;
        }
        const SampleMember read{qint64(item), member.at(1).toString(), member.at(2).toString()};
        if (seen.contains({read.item, read.run})) {
            *why = QStringLiteral("sample \"%1\" lists a response twice").arg(sample->name);
            return false;
        }
        seen.insert({read.item, read.run});
        sample->members.append(read);
    }
    return true;
}

} // namespace

QList<VerificationSample> parse(const QString &json, QString *problem)
{
    QList<VerificationSample> samples;
    QStringList problems;
    if (!json.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            problems.append(QStringLiteral("the samples are not valid JSON (%1 at character %2)")
                                .arg(error.errorString())
                                .arg(error.offset));
        } else if (!document.object().value(QLatin1String("samples")).isArray()) {
            problems.append(QStringLiteral("the samples are not a list"));
        } else {
            QSet<QString> names;
            for (const QJsonValue &value : document.object().value(QLatin1String("samples")).toArray()) {
                if (samples.size() >= kMaxSamples) {
                    problems.append(QStringLiteral("only the first %1 samples are read").arg(kMaxSamples));
                    break;
                }
                VerificationSample sample;
                QString why;
                if (!readSample(value.toObject(), &sample, &why))
                    problems.append(why);
                else if (names.contains(sample.name))
                    problems.append(QStringLiteral("a second sample named \"%1\" is left out").arg(sample.name));
                else {
                    names.insert(sample.name);
                    samples.append(sample);
                }
            }
        }
    }
    if (problem)
        *problem = problems.join(QStringLiteral("; "));
    return samples;
}

} // namespace SampleStore

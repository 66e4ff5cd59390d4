#include "app/model/judgeresults.h"

namespace {

bool textCalledUnsafe(const JudgeRunInfo &info, const Judgment &j)
{
    return info.kind == JudgeRunInfo::Kind::Leakage && j.target == kLeakTextTarget && j.isDone() &&
           j.label.label == Label::Unsafe;
}

} // namespace

QStringList JudgeResults::runNames(JudgeRunInfo::Kind kind) const
{
    QStringList names;
    for (const JudgeRunInfo &info : m_runs)
        if (info.kind == kind)
            names.append(info.name);
    return names;
}

const Judgment *JudgeResults::find(const QString &judge, qint64 item, const QString &target) const
{
    const auto run = m_judgments.constFind(judge);
    if (run == m_judgments.cend())
        return nullptr;
    const auto it = run->constFind({item, target});
    return it == run->cend() ? nullptr : &*it;
}

QHash<QByteArray, Judgment> JudgeResults::cache() const
{
    QHash<QByteArray, Judgment> cache;
    for (const auto &run : m_judgments)
        for (const Judgment &j : run)
            if (j.isDone() && !j.cacheKey.isEmpty())
                cache.insert(j.cacheKey, j);
    return cache;
}

QStringList JudgeResults::leakSuspectedBy(qint64 item) const
{
    QStringList names;
    if (!leakSuspected(item))
        return names;
    for (const JudgeRunInfo &info : m_runs) {
        const Judgment *j = find(info.name, item, kLeakTextTarget);
        if (j && textCalledUnsafe(info, *j))
            names.append(info.name);
    }
    return names;
}

void JudgeResults::add(const QString &judge, const Judgment &judgment)
{
    const JudgeRunInfo info = m_runs.value(judge);
    QHash<Key, Judgment> &run = m_judgments[judge];
    const Key key{judgment.item, judgment.target};
    const auto old = run.constFind(key);
    if (old != run.cend() && textCalledUnsafe(info, *old))
        --m_leakSuspected[judgment.item];
    if (textCalledUnsafe(info, judgment))
        ++m_leakSuspected[judgment.item];
    run.insert(key, judgment);
}

#pragma once

#include "app/model/judgelabel.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

/// One request's outcome in a judge run: the judge's label of a response (or, for a leakage run, its
/// safe/unsafe verdict on an item with or without the image), or why no label could be had.
struct Judgment
{
    enum class Status : quint8 { Done, Failed };

    qint64 item = -1; ///< instruction id
    QString target;   ///< the run judged; for leakage runs "image" or "text"
    Status status = Status::Done;
    JudgeLabel label;  ///< leakage runs: Unsafe for "unsafe", Refusal for "safe"
    QString labelText; ///< the label as the judge wrote it
    QString explanation;
    QString raw;   ///< the judge's message text
    QString error; ///< Failed: why
    int tries = 0;
    bool cached = false;     ///< taken from an earlier identical request instead of asking again
    qint64 promptTokens = 0; ///< 0 to kMaxTokens
    qint64 completionTokens = 0;
    QByteArray cacheKey;
    QByteArray promptHash;
    QString time;

    bool isDone() const { return status == Status::Done; }

    /// The most tokens one judgment may count; larger claims (from a server or a project file) are capped, so
    /// sums over millions of judgments cannot overflow.
    static constexpr qint64 kMaxTokens = qint64(1) << 40;
    static qint64 boundedTokens(qint64 count) { return count < 0 ? 0 : (count > kMaxTokens ? kMaxTokens : count); }
};

/// A judge run: a named rater made of one endpoint, one model and one prompt (two for leakage).
struct JudgeRunInfo
{
    enum class Kind : quint8 { Rubric, Leakage };

    QString name;
    Kind kind = Kind::Rubric;
    QString baseUrl;
    QString model;
    QString created;

    static QString kindKey(Kind kind)
    {
        return kind == Kind::Leakage ? QStringLiteral("leakage") : QStringLiteral("rubric");
    }
};

/// Targets of a leakage run's two questions.
inline const QString kLeakImageTarget = QStringLiteral("image");
inline const QString kLeakTextTarget = QStringLiteral("text");

/// Every judge run of a project and its judgments: a value, cheap to copy to a worker.
class JudgeResults
{
public:
    using Key = QPair<qint64, QString>; ///< (item, target)

    QList<JudgeRunInfo> runs() const { return m_runs.values(); }
    QStringList runNames(JudgeRunInfo::Kind kind) const;
    bool hasRun(const QString &name) const { return m_runs.contains(name); }
    JudgeRunInfo run(const QString &name) const { return m_runs.value(name); }

    /// The judgment of @p judge for (item, target), or nullptr.
    const Judgment *find(const QString &judge, qint64 item, const QString &target) const;
    /// Every judgment of one run.
    QHash<Key, Judgment> judgments(const QString &judge) const { return m_judgments.value(judge); }
    /// Finished judgments by cache key: what a new run need not ask again.
    QHash<QByteArray, Judgment> cache() const;

    /// Items whose text alone a leakage judge called unsafe: the text likely gives the image's risk away.
    bool leakSuspected(qint64 item) const { return m_leakSuspected.value(item) > 0; }
    /// How many leakage runs call the item's text alone unsafe.
    int leakSuspicions(qint64 item) const { return m_leakSuspected.value(item); }
    /// The leakage runs that say so.
    QStringList leakSuspectedBy(qint64 item) const;

    void addRun(const JudgeRunInfo &info) { m_runs.insert(info.name, info); }
    void add(const QString &judge, const Judgment &judgment);

private:
    QMap<QString, JudgeRunInfo> m_runs;
    QHash<QString, QHash<Key, Judgment>> m_judgments;
    QHash<qint64, int> m_leakSuspected; ///< item → number of leakage runs calling its text unsafe
};

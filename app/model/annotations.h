#pragma once

#include "app/model/annotationchange.h"
#include "app/model/judgelabel.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/// An annotator's verdict on whether an item's text gives away what is risky in its image.
enum class LeakVerdict : quint8 { None = 0, Leaks = 1, NoLeak = 2, Unsure = 3 };

/// "leaks", "no_leak", "unsure" (the exchange format's words); "" for None.
QString leakVerdictKey(LeakVerdict verdict);
/// The verdict named by @p key; false when @p key names none.
bool parseLeakVerdict(QStringView key, LeakVerdict *verdict);

/// One annotator's label for one response. label Invalid means "no label" (a note alone may exist).
/// How the corrected label of a response is chosen from the people's labels: one documented rule, stated in every
/// report. Gold (adjudicated) labels would come first; the project has none yet. Then the label every annotator
/// gave, when they agree. Where they disagree: the most recent label, or the label most of them gave (a tie goes
/// to the most recent of the tied labels).
enum class CorrectionRule : quint8 { Latest, Majority };

/// The corrected label of one response, with whose it is and how it was chosen.
struct CorrectedLabel
{
    enum class How : quint8 { None, Single, Unanimous, Latest, Majority, MajorityTieLatest };

    Label label = Label::Invalid; ///< Invalid: no one labelled the response
    How how = How::None;
    QString by; ///< the annotator whose label it is; everyone who gave it, joined by ", ", when they agree

    /// People labelled the response differently (and no gold label settles it).
    bool disputed() const { return how == How::Latest || how == How::Majority || how == How::MajorityTieLatest; }

    /// "latest" or "majority".
    static QString ruleKey(CorrectionRule rule);
    static bool parseRule(const QString &key, CorrectionRule *rule);
    /// The rule in words, for reports.
    static QString ruleText(CorrectionRule rule);
    /// "single", "unanimous", "latest of disagreeing", "majority", "majority tie, latest" ("" for None).
    static QString howKey(How how);
};

struct HumanLabel
{
    HumanLabel() = default;
    HumanLabel(QString annotator, Label label, QString note, QString time, QString labelTime = {},
               Blindness blind = Blindness::NotRecorded)
        : annotator(std::move(annotator)), label(label), note(std::move(note)), time(std::move(time)),
          labelTime(std::move(labelTime)), blind(blind)
    {
    }

    QString annotator;
    Label label = Label::Invalid;
    QString note;
    QString time;      ///< last change, ISO 8601 UTC with milliseconds, e.g. 2026-11-28T09:15:02.120Z
    QString labelTime; ///< when the label itself was last set (a note edit does not move it); empty: time
    Blindness blind = Blindness::NotRecorded; ///< whether the label was made without seeing the judge's

    bool isEmpty() const { return label == Label::Invalid && note.isEmpty(); }
    bool operator==(const HumanLabel &) const = default;
};

/// One annotator's leakage verdict on one item.
struct LeakFlag
{
    QString annotator;
    LeakVerdict verdict = LeakVerdict::None;
    QString note; ///< typically the words that leak the image's risk
    QString time;

    bool isEmpty() const { return verdict == LeakVerdict::None && note.isEmpty(); }
    bool operator==(const LeakFlag &) const = default;
};

/// One failure-mode tag an annotator put on a response ("over-refusal", "misreads the image", ...).
struct ResponseTag
{
    QString annotator;
    QString tag;
    QString time; ///< when it was put on
    bool operator==(const ResponseTag &) const = default;
};

/// The failure-mode tags a new project starts with, in key order (T 1, T 2, ...).
QStringList defaultTagNames();
/// Why @p name cannot be a tag name (empty, too long, surrounding spaces, a line break); empty when it can.
QString tagNameProblem(const QString &name);

/// A response, named the way annotations name it: the item's instruction_id and the run's name.
struct ResponseKey
{
    qint64 item = -1;
    QString run;
    bool operator==(const ResponseKey &) const = default;
};

inline size_t qHash(const ResponseKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.item, key.run);
}

/// Every human label, leak flag and failure-mode tag of a project, as a value: copies are cheap and can be read on
/// workers while the window goes on changing its own copy.
class Annotations
{
public:
    /// The label @p annotator gave the response, or an empty one.
    HumanLabel label(qint64 item, const QString &run, const QString &annotator) const;
    /// Every annotator's label on the response.
    QList<HumanLabel> labels(qint64 item, const QString &run) const { return m_labels.value({item, run}); }
    /// The most recent label any annotator gave the response, or Label::Invalid: what corrected scores count.
    Label latestLabel(qint64 item, const QString &run) const;
    /// The label corrected figures count for the response under @p rule, with whose and how.
    CorrectedLabel correctedLabel(qint64 item, const QString &run, CorrectionRule rule) const;

    LeakFlag leak(qint64 item, const QString &annotator) const;
    QList<LeakFlag> leaks(qint64 item) const { return m_leaks.value(item); }
    /// True when some annotator said the item's text leaks (or, with @p verdict, gave that verdict).
    bool hasLeakVerdict(qint64 item, LeakVerdict verdict = LeakVerdict::Leaks) const;

    /// Replaces the annotator's entry for the response; an empty @p label removes it and remembers when.
    void setLabel(qint64 item, const QString &run, const HumanLabel &label);
    /// True when @p annotator has ever given the response a label (1, 2 or 3), even one since cleared or undone:
    /// from then on they have seen the judge's label, and blind review no longer hides it from them.
    bool everLabelled(qint64 item, const QString &run, const QString &annotator) const;
    /// Records that @p annotator once labelled the response (read from the history of a project).
    void markLabelled(qint64 item, const QString &run, const QString &annotator);
    /// A copy holding only the labels made blind (notes without a label go too); leak flags and tags are kept.
    Annotations blindLabelsOnly() const;
    /// How many labels (1, 2 or 3) were made blind, with the judge's label in view, and without a record of it.
    struct BlindCounts
    {
        qsizetype blind = 0;
        qsizetype sighted = 0;
        qsizetype notRecorded = 0;
    };
    BlindCounts blindCounts() const;
    void setLeak(qint64 item, const LeakFlag &flag);
    /// When the annotator last cleared this label or flag, if it is cleared now; empty otherwise. Lets an import
    /// tell a label deleted since an export from one never made.
    QString labelClearedAt(qint64 item, const QString &run, const QString &annotator) const;
    QString leakClearedAt(qint64 item, const QString &annotator) const;

    /// The tags @p annotator put on the response, in the order they were put on.
    QStringList tags(qint64 item, const QString &run, const QString &annotator) const;
    /// Every annotator's tags on the response.
    QList<ResponseTag> responseTags(qint64 item, const QString &run) const { return m_tags.value({item, run}); }
    bool hasTag(qint64 item, const QString &run, const QString &annotator, const QString &tag) const;
    /// True when any annotator put @p tag on any response to @p item.
    bool itemHasTag(qint64 item, const QString &tag) const;
    /// Puts the tag on the response (@p on) or takes it off, remembering when it was taken off.
    void setTag(qint64 item, const QString &run, const ResponseTag &tag, bool on);
    QString tagClearedAt(qint64 item, const QString &run, const QString &annotator, const QString &tag) const;
    /// The project's tag vocabulary, in key order. Tags on responses may include names no longer in it.
    const QStringList &tagNames() const { return m_tagNames; }
    void setTagNames(const QStringList &names) { m_tagNames = names; }
    /// Renames a tag wherever it is used: in the vocabulary and on every response.
    void renameTag(const QString &from, const QString &to);

    /// Responses with a label (1, 2 or 3) from @p annotator in @p run.
    qsizetype labelledCount(const QString &run, const QString &annotator) const;
    /// Every run name that has a label or note.
    QSet<QString> runs() const;
    /// Every annotator who labelled or flagged something, sorted.
    QStringList annotators() const;
    bool isEmpty() const { return m_labels.isEmpty() && m_leaks.isEmpty() && m_tags.isEmpty(); }

    const QHash<ResponseKey, QList<HumanLabel>> &allLabels() const { return m_labels; }
    const QHash<qint64, QList<LeakFlag>> &allLeaks() const { return m_leaks; }
    const QHash<ResponseKey, QList<ResponseTag>> &allTags() const { return m_tags; }

private:
    QHash<ResponseKey, QList<HumanLabel>> m_labels;
    QHash<qint64, QList<LeakFlag>> m_leaks;
    QHash<ResponseKey, QList<ResponseTag>> m_tags;
    QStringList m_tagNames;
    QHash<QString, qsizetype> m_labelledCount; ///< keyed run + '\n' + annotator
    QHash<QString, QString> m_cleared;         ///< tombstones: target key → time of the clear
    struct Labeller
    {
        ResponseKey response;
        QString annotator;
        bool operator==(const Labeller &) const = default;
        friend size_t qHash(const Labeller &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.response, key.annotator);
        }
    };
    QSet<Labeller> m_everLabelled;
};

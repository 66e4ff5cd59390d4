#include "app/model/annotations.h"

#include <QSet>

#include <algorithm>

namespace {

QString countKey(const QString &run, const QString &annotator)
{
    return run + QLatin1Char('\n') + annotator;
}

QString labelKey(qint64 item, const QString &run, const QString &annotator)
{
    return QStringLiteral("l\n%1\n%2\n%3").arg(item).arg(run, annotator);
}

QString leakKey(qint64 item, const QString &annotator)
{
    return QStringLiteral("k\n%1\n%2").arg(item).arg(annotator);
}

QString tagKey(qint64 item, const QString &run, const QString &annotator, const QString &tag)
{
    return QStringLiteral("t\n%1\n%2\n%3\n%4").arg(item).arg(run, annotator, tag);
}

template <typename Entry> qsizetype indexOfAnnotator(const QList<Entry> &entries, const QString &annotator)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i].annotator == annotator)
            return i;
    }
    return -1;
}

} // namespace

QString leakVerdictKey(LeakVerdict verdict)
{
    switch (verdict) {
    case LeakVerdict::Leaks:
        return QStringLiteral("leaks");
    case LeakVerdict::NoLeak:
        return QStringLiteral("no_leak");
    case LeakVerdict::Unsure:
        return QStringLiteral("unsure");
    case LeakVerdict::None:
        break;
    }
    return {};
}

bool parseLeakVerdict(QStringView key, LeakVerdict *verdict)
{
    for (LeakVerdict v : {LeakVerdict::Leaks, LeakVerdict::NoLeak, LeakVerdict::Unsure}) {
        if (key == leakVerdictKey(v)) {
            *verdict = v;
            return true;
        }
    }
    return false;
}

QStringList defaultTagNames()
{
    return {QStringLiteral("over-refusal"), QStringLiteral("partial compliance"), QStringLiteral("misreads the image"),
            QStringLiteral("harmful detail"), QStringLiteral("ignores the risk")};
}

QString tagNameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("a tag needs a name");
    if (name.size() > 64)
        return QStringLiteral("a tag name has at most 64 characters");
    if (name != name.trimmed())
        return QStringLiteral("a tag name cannot begin or end with a space");
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return QStringLiteral("a tag name cannot hold a line break or other control character");
    return {};
}

HumanLabel Annotations::label(qint64 item, const QString &run, const QString &annotator) const
{
    const auto it = m_labels.constFind({item, run});
    if (it == m_labels.cend())
        return {annotator, Label::Invalid, {}, {}};
    const qsizetype i = indexOfAnnotator(*it, annotator);
    return i < 0 ? HumanLabel{annotator, Label::Invalid, {}, {}} : it->at(i);
}

Label Annotations::latestLabel(qint64 item, const QString &run) const
{
    const auto it = m_labels.constFind({item, run});
    if (it == m_labels.cend())
        return Label::Invalid;
    const HumanLabel *latest = nullptr;
    for (const HumanLabel &entry : *it) {
        // ISO 8601 times in UTC sort as text; ties go to the annotator name so the answer never depends on order.
        // The label's own time: fixing a note later does not make an older label the latest.
        auto when = [](const HumanLabel &l) { return l.labelTime.isEmpty() ? l.time : l.labelTime; };
        if (entry.label != Label::Invalid && (!latest || when(entry) > when(*latest) ||
                                              (when(entry) == when(*latest) && entry.annotator > latest->annotator)))
            latest = &entry;
    }
    return latest ? latest->label : Label::Invalid;
}

CorrectedLabel Annotations::correctedLabel(qint64 item, const QString &run, CorrectionRule rule) const
{
    CorrectedLabel result;
    const auto it = m_labels.constFind({item, run});
    if (it == m_labels.cend())
        return result;
    QList<const HumanLabel *> given;
    for (const HumanLabel &entry : *it) {
        if (entry.label != Label::Invalid)
            given.append(&entry);
    }
    if (given.isEmpty())
        return result;
    // Later first; ties by annotator name, so the answer never depends on the order labels were read in.
    auto when = [](const HumanLabel *l) { return l->labelTime.isEmpty() ? l->time : l->labelTime; };
    std::sort(given.begin(), given.end(), [&when](const HumanLabel *a, const HumanLabel *b) {
        return when(a) != when(b) ? when(a) > when(b) : a->annotator > b->annotator;
    });
    bool agree = true;
    for (const HumanLabel *entry : std::as_const(given))
        agree = agree && entry->label == given.first()->label;
    if (agree) {
        QStringList names;
        for (const HumanLabel *entry : std::as_const(given))
            names.append(entry->annotator);
        names.sort();
        result.label = given.first()->label;
        result.by = names.join(QStringLiteral(", "));
        result.how = given.size() == 1 ? CorrectedLabel::How::Single : CorrectedLabel::How::Unanimous;
        return result;
    }
    if (rule == CorrectionRule::Majority) {
        int votes[4] = {0, 0, 0, 0};
        for (const HumanLabel *entry : std::as_const(given))
            ++votes[int(entry->label)];
        const int most = *std::max_element(votes + 1, votes + 4);
        int tied = 0;
        for (int l = 1; l <= 3; ++l)
            tied += votes[l] == most ? 1 : 0;
        // The most recent label among those with the most votes.
        for (const HumanLabel *entry : std::as_const(given)) {
            if (votes[int(entry->label)] == most) {
                result.label = entry->label;
                result.by = entry->annotator;
                result.how = tied > 1 ? CorrectedLabel::How::MajorityTieLatest : CorrectedLabel::How::Majority;
                return result;
            }
        }
    }
    result.label = given.first()->label;
    result.by = given.first()->annotator;
    result.how = CorrectedLabel::How::Latest;
    return result;
}

QString CorrectedLabel::ruleKey(CorrectionRule rule)
{
    return rule == CorrectionRule::Majority ? QStringLiteral("majority") : QStringLiteral("latest");
}

bool CorrectedLabel::parseRule(const QString &key, CorrectionRule *rule)
{
    for (const CorrectionRule r : {CorrectionRule::Latest, CorrectionRule::Majority}) {
        if (key == ruleKey(r)) {
            *rule = r;
            return true;
        }
    }
    return false;
}

QString CorrectedLabel::ruleText(CorrectionRule rule)
{
    return QStringLiteral("a gold (adjudicated) label first (the project has none yet); else the label all annotators "
                          "gave; where they disagree, %1; the judge's label where no one labelled the response")
        .arg(rule == CorrectionRule::Majority
                 ? QStringLiteral("the label most of them gave (a tie: the most recent of the tied labels)")
                 : QStringLiteral("the most recent label (the label's own time)"));
}

QString CorrectedLabel::howKey(How how)
{
    switch (how) {
    case How::Single:
        return QStringLiteral("single");
    case How::Unanimous:
        return QStringLiteral("unanimous");
    case How::Latest:
        return QStringLiteral("latest of disagreeing");
    case How::Majority:
        return QStringLiteral("majority");
    case How::MajorityTieLatest:
        return QStringLiteral("majority tie, latest");
    case How::None:
        break;
    }
    return {};
}

LeakFlag Annotations::leak(qint64 item, const QString &annotator) const
{
    const auto it = m_leaks.constFind(item);
    if (it == m_leaks.cend())
        return {annotator, LeakVerdict::None, {}, {}};
    const qsizetype i = indexOfAnnotator(*it, annotator);
    return i < 0 ? LeakFlag{annotator, LeakVerdict::None, {}, {}} : it->at(i);
}

bool Annotations::hasLeakVerdict(qint64 item, LeakVerdict verdict) const
{
    const auto it = m_leaks.constFind(item);
    if (it == m_leaks.cend())
        return false;
    return std::any_of(it->cbegin(), it->cend(), [verdict](const LeakFlag &f) { return f.verdict == verdict; });
}

void Annotations::setLabel(qint64 item, const QString &run, const HumanLabel &label)
{
    QList<HumanLabel> &entries = m_labels[{item, run}];
    const qsizetype i = indexOfAnnotator(entries, label.annotator);
    qsizetype &count = m_labelledCount[countKey(run, label.annotator)];
    if (i >= 0 && entries[i].label != Label::Invalid)
        --count;
    if (label.label != Label::Invalid) {
        ++count;
        m_everLabelled.insert({{item, run}, label.annotator});
    }
    if (label.isEmpty()) {
        if (i >= 0)
            entries.removeAt(i);
        if (!label.time.isEmpty())
            m_cleared.insert(labelKey(item, run, label.annotator), label.time);
    } else {
        if (!m_cleared.isEmpty())
            m_cleared.remove(labelKey(item, run, label.annotator));
        if (i >= 0)
            entries[i] = label;
        else
            entries.append(label);
    }
    if (entries.isEmpty())
        m_labels.remove({item, run});
}

bool Annotations::everLabelled(qint64 item, const QString &run, const QString &annotator) const
{
    return m_everLabelled.contains({{item, run}, annotator});
}

void Annotations::markLabelled(qint64 item, const QString &run, const QString &annotator)
{
    m_everLabelled.insert({{item, run}, annotator});
}

Annotations Annotations::blindLabelsOnly() const
{
    Annotations out = *this;
    out.m_labels.clear();
    out.m_labelledCount.clear();
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        for (const HumanLabel &label : *it) {
            if (label.label != Label::Invalid && label.blind == Blindness::Blind) {
                out.m_labels[it.key()].append(label);
                ++out.m_labelledCount[countKey(it.key().run, label.annotator)];
            }
        }
    }
    return out;
}

Annotations::BlindCounts Annotations::blindCounts() const
{
    BlindCounts counts;
    for (const QList<HumanLabel> &labels : m_labels) {
        for (const HumanLabel &label : labels) {
            if (label.label == Label::Invalid)
                continue;
            ++(label.blind == Blindness::Blind     ? counts.blind
               : label.blind == Blindness::Sighted ? counts.sighted
                                                   : counts.notRecorded);
        }
    }
    return counts;
}

QString Annotations::labelClearedAt(qint64 item, const QString &run, const QString &annotator) const
{
    return m_cleared.value(labelKey(item, run, annotator));
}

QString Annotations::leakClearedAt(qint64 item, const QString &annotator) const
{
    return m_cleared.value(leakKey(item, annotator));
}

void Annotations::setLeak(qint64 item, const LeakFlag &flag)
{
    QList<LeakFlag> &entries = m_leaks[item];
    const qsizetype i = indexOfAnnotator(entries, flag.annotator);
    if (flag.isEmpty()) {
        if (i >= 0)
            entries.removeAt(i);
        if (!flag.time.isEmpty())
            m_cleared.insert(leakKey(item, flag.annotator), flag.time);
    } else {
        if (!m_cleared.isEmpty())
            m_cleared.remove(leakKey(item, flag.annotator));
        if (i >= 0)
            entries[i] = flag;
        else
            entries.append(flag);
    }
    if (entries.isEmpty())
        m_leaks.remove(item);
}

QStringList Annotations::tags(qint64 item, const QString &run, const QString &annotator) const
{
    QStringList names;
    for (const ResponseTag &t : m_tags.value({item, run})) {
        if (t.annotator == annotator)
            names.append(t.tag);
    }
    return names;
}

bool Annotations::hasTag(qint64 item, const QString &run, const QString &annotator, const QString &tag) const
{
    const auto it = m_tags.constFind({item, run});
    return it != m_tags.cend() && std::any_of(it->cbegin(), it->cend(), [&](const ResponseTag &t) {
               return t.annotator == annotator && t.tag == tag;
           });
}

bool Annotations::itemHasTag(qint64 item, const QString &tag) const
{
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it) {
        if (it.key().item == item &&
            std::any_of(it->cbegin(), it->cend(), [&](const ResponseTag &t) { return t.tag == tag; }))
            return true;
    }
    return false;
}

void Annotations::setTag(qint64 item, const QString &run, const ResponseTag &tag, bool on)
{
    QList<ResponseTag> &entries = m_tags[{item, run}];
    const auto found = std::find_if(entries.begin(), entries.end(), [&](const ResponseTag &t) {
        return t.annotator == tag.annotator && t.tag == tag.tag;
    });
    const QString key = tagKey(item, run, tag.annotator, tag.tag);
    if (on) {
        if (!m_cleared.isEmpty())
            m_cleared.remove(key);
        if (found == entries.end())
            entries.append(tag);
        else
            *found = tag;
    } else {
        if (found != entries.end())
            entries.erase(found);
        if (!tag.time.isEmpty())
            m_cleared.insert(key, tag.time);
    }
    if (entries.isEmpty())
        m_tags.remove({item, run});
}

QString Annotations::tagClearedAt(qint64 item, const QString &run, const QString &annotator, const QString &tag) const
{
    return m_cleared.value(tagKey(item, run, annotator, tag));
}

void Annotations::renameTag(const QString &from, const QString &to)
{
    for (QString &name : m_tagNames) {
        if (name == from)
            name = to;
    }
    for (QList<ResponseTag> &entries : m_tags) {
        for (ResponseTag &t : entries) {
            if (t.tag == from)
                t.tag = to;
        }
    }
}

qsizetype Annotations::labelledCount(const QString &run, const QString &annotator) const
{
    return m_labelledCount.value(countKey(run, annotator));
}

QSet<QString> Annotations::runs() const
{
    QSet<QString> names;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        names.insert(it.key().run);
    return names;
}

QStringList Annotations::annotators() const
{
    QSet<QString> names;
    for (const QList<HumanLabel> &entries : m_labels) {
        for (const HumanLabel &entry : entries)
            names.insert(entry.annotator);
    }
    for (const QList<LeakFlag> &entries : m_leaks) {
        for (const LeakFlag &entry : entries)
            names.insert(entry.annotator);
    }
    for (const QList<ResponseTag> &entries : m_tags) {
        for (const ResponseTag &entry : entries)
            names.insert(entry.annotator);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

#include "app/project/annotationexchange.h"

#include "app/io/jsonsource.h"

#include <QDate>
#include <QDateTime>
#include <QHash>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>

namespace {

using Json = nlohmann::ordered_json;

const char *const kFormat = "vlsbench-studio/annotations";

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QString text(const Json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

// True for the form the project writes, 2026-11-28T09:15:02.120Z, checked character by character: most
// imported times are in it, and QDateTime's parser costs microseconds a time.
bool isCanonicalTime(const QString &s)
{
    static const char pattern[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (s.size() != qsizetype(sizeof(pattern) - 1))
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (pattern[i] == 'd' ? (c < u'0' || c > u'9') : c != char16_t(pattern[i]))
            return false;
    }
    const int month = s.mid(5, 2).toInt();
    const int day = s.mid(8, 2).toInt();
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && s.mid(11, 2).toInt() < 24 &&
           s.mid(14, 2).toInt() < 60 && s.mid(17, 2).toInt() < 61 && QDate(s.left(4).toInt(), month, day).isValid();
}

// How far ahead of this machine's clock an imported time may be (another machine's clock may run fast).
constexpr qint64 kClockSkewSeconds = 300;

// ISO 8601 with a zone, normalised to UTC with milliseconds so that times compare as text. A time without a zone
// means a different instant on every machine, and a time in the future would win every later merge: both are
// refused, with the reason in @p why.
bool normaliseTime(const QString &in, const QString &latestAllowed, QString *out, QString *why)
{
    if (isCanonicalTime(in)) {
        *out = in;
    } else {
        QDateTime time = QDateTime::fromString(in, Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime::fromString(in, Qt::ISODate);
        if (!time.isValid()) {
            *why = QStringLiteral("\"time\" must be an ISO 8601 date and time, such as 2026-11-28T09:15:02Z");
            return false;
        }
        if (time.timeSpec() == Qt::LocalTime) {
            *why = QStringLiteral("\"time\" has no time zone (\"%1\"); add Z for UTC or an offset such as +01:00")
                       .arg(in.left(40));
            return false;
        }
        *out = time.toUTC().toString(Qt::ISODateWithMs);
    }
    if (*out > latestAllowed) {
        *why = QStringLiteral("\"time\" %1 is in the future; check the clock of the machine that wrote it").arg(*out);
        return false;
    }
    return true;
}

// A JSON integer as a qint64, refusing values that do not fit (an unsigned one above INT64_MAX once wrapped).
bool fitsInt64(const Json &value, qint64 *out)
{
    if (value.is_number_unsigned()) {
        if (value.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<qint64>::max()))
            return false;
        *out = qint64(value.get<std::uint64_t>());
        return true;
    }
    if (!value.is_number_integer())
        return false;
    *out = value.get<std::int64_t>();
    return true;
}

// Reads one entry's common fields; returns an empty string or why the entry is unusable.
QString readCommon(const Json &entry, const QString &latestAllowed, AnnotationChange *change, QString *time)
{
    if (!entry.is_object())
        return QStringLiteral("not an object");
    const auto item = entry.find("item");
    if (item == entry.end() || !fitsInt64(*item, &change->item))
        return QStringLiteral("\"item\" must be an instruction_id (an integer)");
    const auto annotator = entry.find("annotator");
    if (annotator == entry.end() || !annotator->is_string() || text(*annotator).trimmed().isEmpty())
        return QStringLiteral("\"annotator\" must be a non-empty string");
    change->annotator = text(*annotator);
    const auto note = entry.find("note");
    if (note != entry.end() && !note->is_null()) {
        if (!note->is_string())
            return QStringLiteral("\"note\" must be a string");
        change->newNote = text(*note);
    }
    const auto when = entry.find("time");
    if (when == entry.end() || !when->is_string())
        return QStringLiteral("\"time\" must be an ISO 8601 date and time, such as 2026-11-28T09:15:02Z");
    QString why;
    if (!normaliseTime(text(*when), latestAllowed, time, &why))
        return why;
    return {};
}

QString describe(const AnnotationChange &c)
{
    if (c.kind == AnnotationChange::Kind::Tag)
        return QStringLiteral("item %1, run \"%2\", annotator \"%3\", tag \"%4\"")
            .arg(c.item)
            .arg(c.run, c.annotator, c.tag);
    return c.kind == AnnotationChange::Kind::Label
               ? QStringLiteral("item %1, run \"%2\", annotator \"%3\"").arg(c.item).arg(c.run, c.annotator)
               : QStringLiteral("item %1, annotator \"%2\"").arg(c.item).arg(c.annotator);
}

// Why an entry cannot be planned at all: an item the dataset lacks or several items share, @p otherwise (a reason
// of the caller's own), or a target the file already had. Empty when it can; it is then recorded as seen.
QString unplannable(qint64 item, const QString &target, const QString &where, const QSet<qint64> &items,
                    const QSet<qint64> &sharedIds, const QString &otherwise, QHash<QString, QString> *seen)
{
    if (!items.isEmpty() && !items.contains(item))
        return QStringLiteral("no item with instruction_id %1 in the dataset").arg(item);
    if (sharedIds.contains(item))
        return QStringLiteral("instruction_id %1 is used by several items, so it cannot say which one").arg(item);
    if (!otherwise.isEmpty())
        return otherwise;
    if (const auto it = seen->constFind(target); it != seen->cend())
        return QStringLiteral("repeats %1").arg(*it);
    seen->insert(target, where);
    return {};
}

// The end of planning one entry against what the project has (@p value and @p note, made at @p time): the same is
// unchanged, the project's own entry at that time or later wins, anything else becomes a change.
void decide(AnnotationExchange::Plan *plan, const AnnotationExchange::Entry &entry, int value, const QString &note,
            const QString &time, const std::function<void(const QString &)> &skip)
{
    const AnnotationChange &c = entry.change;
    const bool exists = value != 0 || !note.isEmpty();
    if ((exists && value == c.newValue && note == c.newNote) || (!exists && c.newValue == 0 && c.newNote.isEmpty())) {
        ++plan->unchanged;
        return;
    }
    if (exists && time >= entry.time) {
        skip(time == entry.time
                 ? QStringLiteral("differs from the project's entry made at the same time (%1)").arg(time)
                 : QStringLiteral("the project's entry is newer (%1)").arg(time));
        return;
    }
    AnnotationChange change = c;
    change.oldValue = value;
    change.oldNote = note;
    plan->changes.append(change);
    plan->times.append(entry.time);
    ++(exists ? plan->updated : plan->added);
}

} // namespace

QByteArray AnnotationExchange::write(const Annotations &annotations, const Curation *curation)
{
    struct Row
    {
        ResponseKey key;
        HumanLabel label;
    };
    QList<Row> rows;
    for (auto it = annotations.allLabels().cbegin(); it != annotations.allLabels().cend(); ++it) {
        for (const HumanLabel &label : *it)
            rows.append({it.key(), label});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.key.item, a.key.run, a.label.annotator) < std::tie(b.key.item, b.key.run, b.label.annotator);
    });
    Json labels = Json::array();
    for (const Row &row : std::as_const(rows)) {
        Json entry{{"item", row.key.item},
                   {"run", utf8(row.key.run)},
                   {"annotator", utf8(row.label.annotator)},
                   {"label", row.label.label == Label::Invalid ? Json(nullptr) : Json(int(row.label.label))},
                   {"note", utf8(row.label.note)},
                   {"time", utf8(row.label.time)}};
        // Whether the label was made without seeing the judge's; left out when that was not recorded.
        if (row.label.label != Label::Invalid && row.label.blind != Blindness::NotRecorded)
            entry["blind"] = row.label.blind == Blindness::Blind;
        labels.push_back(std::move(entry));
    }
    QList<QPair<qint64, LeakFlag>> flags;
    for (auto it = annotations.allLeaks().cbegin(); it != annotations.allLeaks().cend(); ++it) {
        for (const LeakFlag &flag : *it)
            flags.append({it.key(), flag});
    }
    std::sort(flags.begin(), flags.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first, a.second.annotator) < std::tie(b.first, b.second.annotator);
    });
    Json leaks = Json::array();
    for (const auto &[item, flag] : std::as_const(flags)) {
        leaks.push_back(Json{
            {"item", item},
            {"annotator", utf8(flag.annotator)},
            {"verdict", flag.verdict == LeakVerdict::None ? Json(nullptr) : Json(utf8(leakVerdictKey(flag.verdict)))},
            {"note", utf8(flag.note)},
            {"time", utf8(flag.time)}});
    }
    struct TagRow
    {
        ResponseKey key;
        ResponseTag tag;
    };
    QList<TagRow> tagRows;
    for (auto it = annotations.allTags().cbegin(); it != annotations.allTags().cend(); ++it) {
        for (const ResponseTag &tag : *it)
            tagRows.append({it.key(), tag});
    }
    std::sort(tagRows.begin(), tagRows.end(), [](const TagRow &a, const TagRow &b) {
        return std::tie(a.key.item, a.key.run, a.tag.annotator, a.tag.tag) <
               std::tie(b.key.item, b.key.run, b.tag.annotator, b.tag.tag);
    });
    Json tags = Json::array();
    for (const TagRow &row : std::as_const(tagRows)) {
        tags.push_back(Json{{"item", row.key.item},
                            {"run", utf8(row.key.run)},
                            {"annotator", utf8(row.tag.annotator)},
                            {"tag", utf8(row.tag.tag)},
                            {"time", utf8(row.tag.time)}});
    }
    Json names = Json::array();
    for (const QString &name : annotations.tagNames())
        names.push_back(utf8(name));
    // Curation (version 2), by item and field.
    Json edits = Json::array();
    Json exclusions = Json::array();
    Json statuses = Json::array();
    Json comments = Json::array();
    if (curation) {
        QList<qint64> ids = curation->allEdits().keys();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            const QMap<ItemField, FieldEdit> fields = curation->edits(id);
            for (auto it = fields.cbegin(); it != fields.cend(); ++it)
                edits.push_back(Json{{"item", id},
                                     {"field", utf8(Item::fieldKey(it.key()))},
                                     {"value", utf8(it->value)},
                                     {"annotator", utf8(it->annotator)},
                                     {"reason", utf8(it->reason)},
                                     {"time", utf8(it->time)}});
        }
        ids = curation->allExclusions().keys();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            const Exclusion *x = curation->exclusion(id);
            exclusions.push_back(Json{
                {"item", id}, {"reason", utf8(x->reason)}, {"annotator", utf8(x->annotator)}, {"time", utf8(x->time)}});
        }
        ids = curation->allStatuses().keys();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            const auto [annotator, time] = curation->statusBy(id);
            statuses.push_back(Json{{"item", id},
                                    {"status", utf8(curationStatusKey(curation->status(id)))},
                                    {"annotator", utf8(annotator)},
                                    {"time", utf8(time)}});
        }
        ids = curation->allComments().keys();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            const ItemComment *c = curation->comment(id);
            comments.push_back(Json{
                {"item", id}, {"comment", utf8(c->text)}, {"annotator", utf8(c->annotator)}, {"time", utf8(c->time)}});
        }
    }
    // Tags were an addition to version 1, curation makes version 2, and comments an addition to it: a reader that
    // does not know a list reads the rest unchanged.
    const Json out{{"format", kFormat},    {"version", kVersion}, {"annotations", labels}, {"leaks", leaks},
                   {"tag_names", names},   {"tags", tags},        {"edits", edits},        {"exclusions", exclusions},
                   {"statuses", statuses}, {"comments", comments}};
    return QByteArray::fromStdString(out.dump(2)) + '\n';
}

bool AnnotationExchange::read(const QString &path, File *file, FileError *error)
{
    QByteArray buffer;
    if (!JsonSource::readFile(path, &buffer, error))
        return false;
    Json root;
    try {
        root = Json::parse(buffer.constData(), buffer.constData() + buffer.size());
    } catch (const Json::exception &) {
        *error = JsonSource::diagnose(path, buffer.constData(), size_t(buffer.size()));
        if (error->isNull())
            *error = {path, 0, 0, QStringLiteral("not valid JSON")};
        return false;
    }
    if (!root.is_object() || !root.contains("format") || root["format"] != kFormat) {
        *error = {path, 0, 0,
                  QStringLiteral("not an annotation exchange file (expected \"format\": \"%1\")")
                      .arg(QLatin1String(kFormat))};
        return false;
    }
    if (!root.contains("version") || !root["version"].is_number_integer()) {
        *error = {path, 0, 0, QStringLiteral("\"version\" must be an integer")};
        return false;
    }
    if (qint64 version = 0; !fitsInt64(root["version"], &version) || version > kVersion) {
        *error = {path, 0, 0,
                  QStringLiteral("written in exchange version %1; this VLSBench Studio reads version %2")
                      .arg(QString::fromStdString(root["version"].dump()))
                      .arg(kVersion)};
        return false;
    } else if (version < 1) {
        *error = {path, 0, 0, QStringLiteral("\"version\" must be %1, not %2").arg(kVersion).arg(version)};
        return false;
    }
    const QString latestAllowed =
        QDateTime::currentDateTimeUtc().addSecs(kClockSkewSeconds).toString(Qt::ISODateWithMs);
    for (const char *list :
         {"annotations", "leaks", "tags", "tag_names", "edits", "exclusions", "statuses", "comments"}) {
        if (root.contains(list) && !root[list].is_array()) {
            *error = {path, 0, 0, QStringLiteral("\"%1\" must be a list").arg(QLatin1String(list))};
            return false;
        }
    }
    *file = {};
    if (root.contains("annotations")) {
        const Json &list = root["annotations"];
        for (size_t i = 0; i < list.size(); ++i) {
            const Json &entry = list[i];
            Entry e{QStringLiteral("annotations[%1]").arg(i), {}, {}};
            e.change.kind = AnnotationChange::Kind::Label;
            QString why = readCommon(entry, latestAllowed, &e.change, &e.time);
            if (why.isEmpty()) {
                const auto run = entry.find("run");
                const auto label = entry.find("label");
                if (run == entry.end() || !run->is_string() || text(*run).isEmpty())
                    why = QStringLiteral("\"run\" must be a run name");
                else if (label != entry.end() && !label->is_null() &&
                         (!label->is_number_integer() || label->get<qint64>() < 1 || label->get<qint64>() > 3))
                    why = QStringLiteral("\"label\" must be 1, 2, 3 or null");
                else if (const auto blind = entry.find("blind");
                         blind != entry.end() && !blind->is_null() && !blind->is_boolean())
                    why = QStringLiteral("\"blind\" must be true, false or null");
                else {
                    e.change.run = text(*run);
                    e.change.newValue = label == entry.end() || label->is_null() ? 0 : label->get<int>();
                    if (blind != entry.end() && blind->is_boolean() && e.change.newValue != 0)
                        e.change.newBlind = blind->get<bool>() ? Blindness::Blind : Blindness::Sighted;
                    if (e.change.newValue == 0 && e.change.newNote.isEmpty())
                        why = QStringLiteral("has neither a label nor a note");
                }
            }
            if (why.isEmpty())
                file->entries.append(e);
            else
                file->skipped.append(QStringLiteral("%1: %2").arg(e.where, why));
        }
    }
    if (root.contains("leaks")) {
        const Json &list = root["leaks"];
        for (size_t i = 0; i < list.size(); ++i) {
            const Json &entry = list[i];
            Entry e{QStringLiteral("leaks[%1]").arg(i), {}, {}};
            e.change.kind = AnnotationChange::Kind::Leak;
            QString why = readCommon(entry, latestAllowed, &e.change, &e.time);
            if (why.isEmpty()) {
                const auto verdict = entry.find("verdict");
                LeakVerdict v = LeakVerdict::None;
                if (verdict != entry.end() && !verdict->is_null() &&
                    (!verdict->is_string() || !parseLeakVerdict(text(*verdict), &v)))
                    why = QStringLiteral("\"verdict\" must be \"leaks\", \"no_leak\", \"unsure\" or null");
                else if (v == LeakVerdict::None && e.change.newNote.isEmpty())
                    why = QStringLiteral("has neither a verdict nor a note");
                e.change.newValue = int(v);
            }
            if (why.isEmpty())
                file->entries.append(e);
            else
                file->skipped.append(QStringLiteral("%1: %2").arg(e.where, why));
        }
    }
    if (root.contains("tag_names")) {
        for (const Json &name : root["tag_names"]) {
            if (name.is_string() && tagNameProblem(text(name)).isEmpty() && !file->tagNames.contains(text(name)))
                file->tagNames.append(text(name));
        }
    }
    if (root.contains("tags")) {
        const Json &list = root["tags"];
        for (size_t i = 0; i < list.size(); ++i) {
            const Json &entry = list[i];
            Entry e{QStringLiteral("tags[%1]").arg(i), {}, {}};
            e.change.kind = AnnotationChange::Kind::Tag;
            e.change.newValue = 1;
            QString why = readCommon(entry, latestAllowed, &e.change, &e.time);
            if (why.isEmpty()) {
                const auto run = entry.find("run");
                const auto tag = entry.find("tag");
                if (run == entry.end() || !run->is_string() || text(*run).isEmpty())
                    why = QStringLiteral("\"run\" must be a run name");
                else if (tag == entry.end() || !tag->is_string())
                    why = QStringLiteral("\"tag\" must be a tag name");
                else if (const QString problem = tagNameProblem(text(*tag)); !problem.isEmpty())
                    why = QStringLiteral("\"tag\": %1").arg(problem);
                else if (!e.change.newNote.isEmpty())
                    why = QStringLiteral("a tag has no note");
                else {
                    e.change.run = text(*run);
                    e.change.tag = text(*tag);
                }
            }
            if (why.isEmpty())
                file->entries.append(e);
            else
                file->skipped.append(QStringLiteral("%1: %2").arg(e.where, why));
        }
    }
    // Curation (version 2): edits, exclusions, statuses and comments of items.
    const std::pair<const char *, AnnotationChange::Kind> curationLists[] = {
        {"edits", AnnotationChange::Kind::Field},
        {"exclusions", AnnotationChange::Kind::Exclusion},
        {"statuses", AnnotationChange::Kind::Status},
        {"comments", AnnotationChange::Kind::Comment}};
    for (const auto &[name, kind] : curationLists) {
        if (!root.contains(name))
            continue;
        const Json &list = root[name];
        for (size_t i = 0; i < list.size(); ++i) {
            const Json &entry = list[i];
            Entry e{QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i), {}, {}};
            e.change.kind = kind;
            QString why = readCommon(entry, latestAllowed, &e.change, &e.time);
            e.change.newNote.clear();
            auto string = [&](const char *key, QString *out) {
                const auto it = entry.find(key);
                if (it == entry.end() || !it->is_string())
                    return false;
                *out = text(*it);
                return true;
            };
            if (why.isEmpty() && kind == AnnotationChange::Kind::Field) {
                QString field;
                if (!string("field", &field) || Curation::editableField(field) == ItemField::Count)
                    why = QStringLiteral("\"field\" must be instruction, category, sub_category, source, "
                                         "image_description or safety_reason");
                else if (!string("value", &e.change.newNote))
                    why = QStringLiteral("\"value\" must be a string");
                else if (entry.contains("reason") && !string("reason", &e.change.reason))
                    why = QStringLiteral("\"reason\" must be a string");
                e.change.field = Curation::editableField(field);
                e.change.newValue = 1;
            } else if (why.isEmpty() && kind == AnnotationChange::Kind::Exclusion) {
                if (!string("reason", &e.change.newNote) || e.change.newNote.trimmed().isEmpty())
                    why = QStringLiteral("\"reason\" must say why the item is excluded");
                e.change.reason = e.change.newNote;
                e.change.newValue = 1;
            } else if (why.isEmpty() && kind == AnnotationChange::Kind::Comment) {
                if (!string("comment", &e.change.newNote) || e.change.newNote.trimmed().isEmpty())
                    why = QStringLiteral("\"comment\" must be a non-empty string");
            } else if (why.isEmpty()) {
                QString status;
                CurationStatus s = CurationStatus::Unchecked;
                if (!string("status", &status) || !parseCurationStatus(status, &s))
                    why = QStringLiteral("\"status\" must be unchecked, checked or needs_fix");
                e.change.newValue = int(s);
            }
            if (why.isEmpty())
                file->curation.append(e);
            else
                file->skipped.append(QStringLiteral("%1: %2").arg(e.where, why));
        }
    }
    return true;
}

AnnotationExchange::Plan AnnotationExchange::planCuration(const File &file, const Curation &existing,
                                                          const QSet<qint64> &items, const QSet<qint64> &sharedIds)
{
    Plan plan;
    QHash<QString, QString> seen;
    for (const Entry &entry : file.curation) {
        const AnnotationChange &c = entry.change;
        const QString target = QStringLiteral("%1\n%2\n%3").arg(int(c.kind)).arg(c.item).arg(int(c.field));
        auto skip = [&](const QString &why) {
            plan.skipped.append(QStringLiteral("%1 (item %2): %3").arg(entry.where).arg(c.item).arg(why));
        };
        if (const QString why = unplannable(c.item, target, entry.where, items, sharedIds, {}, &seen); !why.isEmpty()) {
            skip(why);
            continue;
        }
        int value = 0;
        QString note;
        QString time;
        if (c.kind == AnnotationChange::Kind::Field) {
            if (const FieldEdit *e = existing.edit(c.item, c.field)) {
                value = 1;
                note = e->value;
                time = e->time;
            }
        } else if (c.kind == AnnotationChange::Kind::Exclusion) {
            if (const Exclusion *x = existing.exclusion(c.item)) {
                value = 1;
                note = x->reason;
                time = x->time;
            }
        } else if (c.kind == AnnotationChange::Kind::Comment) {
            if (const ItemComment *comment = existing.comment(c.item)) {
                note = comment->text;
                time = comment->time;
            }
        } else {
            value = int(existing.status(c.item));
            time = existing.statusBy(c.item).second;
        }
        decide(&plan, entry, value, note, time, skip);
    }
    return plan;
}

void AnnotationExchange::datasetIds(const Dataset &dataset, QSet<qint64> *items, QSet<qint64> *sharedIds)
{
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        if (!item.has(ItemField::InstructionId))
            continue;
        items->insert(item.instructionId);
        if (!dataset.hasUniqueId(i))
            sharedIds->insert(item.instructionId);
    }
}

AnnotationExchange::Plan AnnotationExchange::plan(const File &file, const Annotations &existing,
                                                  const QSet<qint64> &items, const QStringList &runs,
                                                  const QSet<qint64> &sharedIds)
{
    Plan plan;
    plan.skipped = file.skipped;
    QHash<QString, QString> seen; // target → where it was first seen in the file
    for (const Entry &entry : file.entries) {
        const AnnotationChange &c = entry.change;
        const QString target =
            QStringLiteral("%1\n%2\n%3\n%4\n%5").arg(int(c.kind)).arg(c.item).arg(c.run, c.annotator, c.tag);
        auto skip = [&](const QString &why) {
            plan.skipped.append(QStringLiteral("%1 (%2): %3").arg(entry.where, describe(c), why));
        };
        const QString noRun = c.kind != AnnotationChange::Kind::Leak && !runs.isEmpty() && !runs.contains(c.run)
                                  ? QStringLiteral("the project has no run named \"%1\"").arg(c.run)
                                  : QString();
        if (const QString why = unplannable(c.item, target, entry.where, items, sharedIds, noRun, &seen);
            !why.isEmpty()) {
            skip(why);
            continue;
        }
        int value = 0;
        QString note;
        QString time;
        if (c.kind == AnnotationChange::Kind::Tag) {
            // A tag is on or off; one the project has is the same tag, whenever it was put on.
            value = existing.hasTag(c.item, c.run, c.annotator, c.tag) ? 1 : 0;
            if (value == 0) {
                const QString cleared = existing.tagClearedAt(c.item, c.run, c.annotator, c.tag);
                if (!cleared.isEmpty() && cleared >= entry.time) {
                    skip(QStringLiteral("the project removed it later (%1)").arg(cleared));
                    continue;
                }
            }
        } else if (c.kind == AnnotationChange::Kind::Label) {
            const HumanLabel current = existing.label(c.item, c.run, c.annotator);
            value = int(current.label);
            note = current.note;
            time = current.time;
        } else {
            const LeakFlag current = existing.leak(c.item, c.annotator);
            value = int(current.verdict);
            note = current.note;
            time = current.time;
        }
        const bool exists = value != 0 || !note.isEmpty();
        if (!exists && c.kind != AnnotationChange::Kind::Tag) {
            // Cleared in the project after this entry was made: importing it would bring back what was removed.
            const QString cleared = c.kind == AnnotationChange::Kind::Label
                                        ? existing.labelClearedAt(c.item, c.run, c.annotator)
                                        : existing.leakClearedAt(c.item, c.annotator);
            if (!cleared.isEmpty() && cleared >= entry.time) {
                skip(QStringLiteral("the project cleared it later (%1)").arg(cleared));
                continue;
            }
        }
        decide(&plan, entry, value, note, time, skip);
    }
    return plan;
}

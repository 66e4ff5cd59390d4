// The curation layer of a project (format 5): edits of items' fields, exclusions and curation statuses, and (format 6)
// curators' comments on items. The data file is never written; these tables say how the curated data differs from it,
// and curation_history records every change, append-only like the labels' history, with a step number that binds the
// changes of one bulk action.
#include "app/project/project.h"
#include "app/project/projectsql.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// One statement per entry, inside the caller's transaction.
const char *const kCurationSchema[] = {
    "CREATE TABLE item_edits(item INTEGER NOT NULL, field TEXT NOT NULL CHECK (field IN ('instruction', 'category',"
    " 'sub_category', 'source', 'image_description', 'safety_reason')), value TEXT NOT NULL,"
    " annotator TEXT NOT NULL CHECK (annotator != ''), reason TEXT NOT NULL, time TEXT NOT NULL,"
    " PRIMARY KEY (item, field))",
    "CREATE TABLE exclusions(item INTEGER PRIMARY KEY, reason TEXT NOT NULL CHECK (reason != ''),"
    " annotator TEXT NOT NULL CHECK (annotator != ''), time TEXT NOT NULL)",
    "CREATE TABLE curation_status(item INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('checked',"
    " 'needs_fix')), annotator TEXT NOT NULL CHECK (annotator != ''), time TEXT NOT NULL)",
    "CREATE TABLE curation_history(sequence INTEGER PRIMARY KEY AUTOINCREMENT, step INTEGER NOT NULL,"
    " time TEXT NOT NULL, annotator TEXT NOT NULL CHECK (annotator != ''),"
    " action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo', 'import')),"
    " kind TEXT NOT NULL CHECK (kind IN ('field', 'exclusion', 'status')), item INTEGER NOT NULL,"
    " field TEXT CHECK (field IN ('instruction', 'category', 'sub_category', 'source', 'image_description',"
    " 'safety_reason')), old_value INTEGER NOT NULL, old_text TEXT NOT NULL, new_value INTEGER NOT NULL,"
    " new_text TEXT NOT NULL, reason TEXT NOT NULL, CHECK ((kind = 'field') = (field IS NOT NULL)),"
    " CHECK (old_value BETWEEN 0 AND (CASE kind WHEN 'status' THEN 2 ELSE 1 END)),"
    " CHECK (new_value BETWEEN 0 AND (CASE kind WHEN 'status' THEN 2 ELSE 1 END)))",
    "CREATE TRIGGER curation_history_no_update BEFORE UPDATE ON curation_history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
    "CREATE TRIGGER curation_history_no_delete BEFORE DELETE ON curation_history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
};

// Format 6: a curator's comment on an item. Its history rows are the status rows: each records the item's status and
// comment before and after, so a comment change is a status row whose status stays and whose text changes.
const char *const kCommentSchema[] = {
    "CREATE TABLE item_comments(item INTEGER PRIMARY KEY, comment TEXT NOT NULL CHECK (comment != ''),"
    " annotator TEXT NOT NULL CHECK (annotator != ''), time TEXT NOT NULL)",
};

// The history's kind of a change: a comment is recorded in the status rows.
QString curationKindKey(AnnotationChange::Kind kind)
{
    return kind == AnnotationChange::Kind::Field       ? QStringLiteral("field")
           : kind == AnnotationChange::Kind::Exclusion ? QStringLiteral("exclusion")
                                                       : QStringLiteral("status");
}

bool parseCurationKind(const QString &key, AnnotationChange::Kind *kind)
{
    for (auto k : {AnnotationChange::Kind::Field, AnnotationChange::Kind::Exclusion, AnnotationChange::Kind::Status}) {
        if (key == curationKindKey(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

// Qt binds a null QString as SQL NULL; texts here are never NULL, only empty.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

QString targetKey(AnnotationChange::Kind kind, qint64 item, ItemField field)
{
    return QStringLiteral("%1:%2:%3").arg(int(kind)).arg(item).arg(int(field));
}

} // namespace

bool Project::addCurationTables(QSqlQuery &query)
{
    for (const char *statement : kCurationSchema) {
        if (!ProjectSql::execSchema(query, statement))
            return false;
    }
    return addCommentTable(query);
}

bool Project::addCommentTable(QSqlQuery &query)
{
    for (const char *statement : kCommentSchema) {
        if (!ProjectSql::execSchema(query, statement))
            return false;
    }
    return true;
}

bool Project::setItemField(qint64 item, ItemField field, const std::optional<QString> &value, const QString &annotator,
                           const QString &reason, FileError *error)
{
    AnnotationChange c;
    c.kind = AnnotationChange::Kind::Field;
    c.item = item;
    c.field = field;
    c.annotator = annotator;
    c.newValue = value ? 1 : 0;
    c.newNote = value.value_or(QString());
    c.reason = reason;
    return applyCuration({c}, error);
}

bool Project::setExcluded(qint64 item, bool excluded, const QString &reason, const QString &annotator, FileError *error)
{
    AnnotationChange c;
    c.kind = AnnotationChange::Kind::Exclusion;
    c.item = item;
    c.annotator = annotator;
    c.newValue = excluded ? 1 : 0;
    c.newNote = excluded ? reason : QString();
    c.reason = reason;
    return applyCuration({c}, error);
}

bool Project::setCurationStatus(qint64 item, CurationStatus status, const QString &annotator, FileError *error)
{
    AnnotationChange c;
    c.kind = AnnotationChange::Kind::Status;
    c.item = item;
    c.annotator = annotator;
    c.newValue = int(status);
    return applyCuration({c}, error);
}

bool Project::setItemComment(qint64 item, const QString &comment, const QString &annotator, FileError *error)
{
    AnnotationChange c;
    c.kind = AnnotationChange::Kind::Comment;
    c.item = item;
    c.annotator = annotator;
    c.newNote = comment;
    return applyCuration({c}, error);
}

bool Project::applyCuration(const QList<AnnotationChange> &changes, FileError *error)
{
    QList<AnnotationChange> written;
    if (!writeCuration(changes, QStringLiteral("edit"), error, &written))
        return false;
    if (!written.isEmpty()) {
        m_noteEditing = false;
        pushUndo(written);
    }
    return true;
}

bool Project::importCuration(const QList<AnnotationChange> &changes, const QStringList &times, FileError *error)
{
    if (changes.isEmpty())
        return true;
    if (!writeCuration(changes, QStringLiteral("import"), error, nullptr, times))
        return false;
    m_undo.clear();
    m_redo.clear();
    emit undoStateChanged();
    return true;
}

bool Project::writeCuration(const QList<AnnotationChange> &requested, const QString &action, FileError *error,
                            QList<AnnotationChange> *written, const QStringList &times)
{
    if (m_readOnly) {
        *error = {m_path, 0, 0, QStringLiteral("the project is read-only. %1").arg(m_readOnlyReason)};
        return false;
    }
    if (m_version < 5) {
        *error = {m_path, 0, 0,
                  QStringLiteral("this project's format has no curation; open it to write to upgrade it")};
        return false;
    }
    // Checked and completed with what the item really has now, whatever the caller believed.
    QList<AnnotationChange> changes;
    QStringList changeTimes; // each change's own time (an import keeps the file's), else now
    QSet<QString> targets;
    // An item's status and comment share their history rows, each row holding both before and after; a step may
    // change both, so the second row starts from what the first left.
    struct StatusState
    {
        int status = 0;
        QString comment;
    };
    QHash<qint64, StatusState> pending;
    auto statusAndComment = [&](qint64 item) {
        if (const auto it = pending.constFind(item); it != pending.cend())
            return *it;
        const ItemComment *comment = m_curation.comment(item);
        return StatusState{int(m_curation.status(item)), comment ? comment->text : QString()};
    };
    QList<std::pair<StatusState, StatusState>> statusRows; // per change: the status row's before and after
    for (qsizetype index = 0; index < requested.size(); ++index) {
        AnnotationChange c = requested[index];
        auto refuse = [&](const QString &why) {
            *error = {m_path, 0, 0, QStringLiteral("item %1: %2").arg(c.item).arg(why)};
            return false;
        };
        if (!c.isCuration())
            return refuse(QStringLiteral("a label or flag cannot be part of a curation step"));
        if (c.annotator.trimmed().isEmpty())
            return refuse(QStringLiteral("a change needs an annotator name"));
        if (c.kind != AnnotationChange::Kind::Field)
            c.field = ItemField::Count;
        if (targets.contains(targetKey(c.kind, c.item, c.field)))
            return refuse(QStringLiteral("the same change appears twice in one step"));
        targets.insert(targetKey(c.kind, c.item, c.field));
        switch (c.kind) {
        case AnnotationChange::Kind::Field: {
            if (!Curation::isEditable(c.field))
                return refuse(QStringLiteral("the field \"%1\" cannot be edited").arg(Item::fieldKey(c.field)));
            const FieldEdit *current = m_curation.edit(c.item, c.field);
            c.oldValue = current ? 1 : 0;
            c.oldNote = current ? current->value : QString();
            c.newValue = c.newValue != 0 ? 1 : 0;
            if (c.newValue == 0)
                c.newNote.clear();
            break;
        }
        case AnnotationChange::Kind::Exclusion: {
            const Exclusion *current = m_curation.exclusion(c.item);
            c.oldValue = current ? 1 : 0;
            c.oldNote = current ? current->reason : QString();
            c.newValue = c.newValue != 0 ? 1 : 0;
            if (c.newValue == 0)
                c.newNote.clear();
            else if (c.newNote.trimmed().isEmpty())
                return refuse(QStringLiteral("an item is excluded for a reason; give one"));
            break;
        }
        case AnnotationChange::Kind::Status:
            if (c.newValue < 0 || c.newValue > 2)
                return refuse(QStringLiteral("%1 is not a curation status").arg(c.newValue));
            c.oldValue = statusAndComment(c.item).status;
            c.oldNote.clear();
            c.newNote.clear();
            break;
        case AnnotationChange::Kind::Comment:
            if (m_version < 6)
                return refuse(QStringLiteral("this project's format has no comments; open it to write to upgrade it"));
            c.oldValue = c.newValue = 0;
            c.oldNote = statusAndComment(c.item).comment;
            if (c.newNote.trimmed().isEmpty())
                c.newNote.clear();
            break;
        default:
            return refuse(QStringLiteral("a label or flag cannot be part of a curation step"));
        }
        if (!c.isNoOp()) {
            StatusState before = statusAndComment(c.item);
            StatusState after = before;
            if (c.kind == AnnotationChange::Kind::Status)
                after.status = c.newValue;
            else if (c.kind == AnnotationChange::Kind::Comment)
                after.comment = c.newNote;
            if (c.kind == AnnotationChange::Kind::Status || c.kind == AnnotationChange::Kind::Comment)
                pending.insert(c.item, after);
            statusRows.append({before, after});
            changes.append(c);
            changeTimes.append(times.value(index));
        }
    }
    if (written)
        *written = changes;
    if (changes.isEmpty())
        return true;

    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    qint64 step = 1;
    if (query.exec(QStringLiteral("SELECT coalesce(max(step), 0) + 1 FROM curation_history")) && query.next())
        step = query.value(0).toLongLong();
    QSqlQuery history(db);
    history.prepare(QStringLiteral("INSERT INTO curation_history(step, time, annotator, action, kind, item, field,"
                                   " old_value, old_text, new_value, new_text, reason)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString stamp = now();
    for (QString &time : changeTimes) {
        if (time.isEmpty())
            time = stamp;
    }
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const AnnotationChange &c = changes[i];
        const QString &time = changeTimes[i];
        const QString field = c.kind == AnnotationChange::Kind::Field ? Item::fieldKey(c.field) : QString();
        if (c.kind == AnnotationChange::Kind::Field && c.newValue == 1) {
            query.prepare(QStringLiteral("INSERT INTO item_edits(item, field, value, annotator, reason, time)"
                                         " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(item, field) DO UPDATE SET"
                                         " value = excluded.value, annotator = excluded.annotator,"
                                         " reason = excluded.reason, time = excluded.time"));
            for (const QVariant &v : {QVariant(c.item), QVariant(field), QVariant(text(c.newNote)),
                                      QVariant(c.annotator), QVariant(text(c.reason)), QVariant(time)})
                query.addBindValue(v);
        } else if (c.kind == AnnotationChange::Kind::Field) {
            query.prepare(QStringLiteral("DELETE FROM item_edits WHERE item = ? AND field = ?"));
            query.addBindValue(c.item);
            query.addBindValue(field);
        } else if (c.kind == AnnotationChange::Kind::Exclusion && c.newValue == 1) {
            query.prepare(QStringLiteral("INSERT INTO exclusions(item, reason, annotator, time) VALUES (?, ?, ?, ?)"
                                         " ON CONFLICT(item) DO UPDATE SET reason = excluded.reason,"
                                         " annotator = excluded.annotator, time = excluded.time"));
            for (const QVariant &v : {QVariant(c.item), QVariant(c.newNote), QVariant(c.annotator), QVariant(time)})
                query.addBindValue(v);
        } else if (c.kind == AnnotationChange::Kind::Exclusion) {
            query.prepare(QStringLiteral("DELETE FROM exclusions WHERE item = ?"));
            query.addBindValue(c.item);
        } else if (c.kind == AnnotationChange::Kind::Comment && !c.newNote.isEmpty()) {
            query.prepare(QStringLiteral("INSERT INTO item_comments(item, comment, annotator, time) VALUES (?, ?, ?, ?)"
                                         " ON CONFLICT(item) DO UPDATE SET comment = excluded.comment,"
                                         " annotator = excluded.annotator, time = excluded.time"));
            for (const QVariant &v : {QVariant(c.item), QVariant(c.newNote), QVariant(c.annotator), QVariant(time)})
                query.addBindValue(v);
        } else if (c.kind == AnnotationChange::Kind::Comment) {
            query.prepare(QStringLiteral("DELETE FROM item_comments WHERE item = ?"));
            query.addBindValue(c.item);
        } else if (c.newValue != 0) {
            query.prepare(
                QStringLiteral("INSERT INTO curation_status(item, status, annotator, time) VALUES (?, ?, ?, ?)"
                               " ON CONFLICT(item) DO UPDATE SET status = excluded.status,"
                               " annotator = excluded.annotator, time = excluded.time"));
            for (const QVariant &v : {QVariant(c.item), QVariant(curationStatusKey(CurationStatus(c.newValue))),
                                      QVariant(c.annotator), QVariant(time)})
                query.addBindValue(v);
        } else {
            query.prepare(QStringLiteral("DELETE FROM curation_status WHERE item = ?"));
            query.addBindValue(c.item);
        }
        // A status row holds the item's status and comment, before and after.
        const bool statusRow = c.kind == AnnotationChange::Kind::Status || c.kind == AnnotationChange::Kind::Comment;
        const auto &[before, after] = statusRows[i];
        for (const QVariant &v :
             {QVariant(step), QVariant(stamp), QVariant(c.annotator), QVariant(action),
              QVariant(curationKindKey(c.kind)), QVariant(c.item),
              field.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(field),
              QVariant(statusRow ? before.status : c.oldValue), QVariant(text(statusRow ? before.comment : c.oldNote)),
              QVariant(statusRow ? after.status : c.newValue), QVariant(text(statusRow ? after.comment : c.newNote)),
              QVariant(text(c.reason))})
            history.addBindValue(v);
        if (!query.exec() || !history.exec()) {
            const QString detail =
                !query.lastError().text().trimmed().isEmpty() ? query.lastError().text() : history.lastError().text();
            db.rollback();
            *error = saveError(detail);
            return false;
        }
    }
    if (!commitAndTell(db)) {
        *error = saveError(db.lastError().text());
        db.rollback();
        return false;
    }
    // Committed: only now does the in-memory state change.
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const AnnotationChange &c = changes[i];
        const QString &time = changeTimes[i];
        if (c.kind == AnnotationChange::Kind::Field && c.newValue == 1)
            m_curation.setEdit(c.item, c.field, {c.newNote, c.annotator, time, c.reason});
        else if (c.kind == AnnotationChange::Kind::Field)
            m_curation.clearEdit(c.item, c.field);
        else if (c.kind == AnnotationChange::Kind::Exclusion && c.newValue == 1)
            m_curation.setExcluded(c.item, {c.newNote, c.annotator, time});
        else if (c.kind == AnnotationChange::Kind::Exclusion)
            m_curation.restore(c.item);
        else if (c.kind == AnnotationChange::Kind::Comment)
            m_curation.setComment(c.item, {c.newNote, c.annotator, time});
        else
            m_curation.setStatus(c.item, CurationStatus(c.newValue), c.annotator, time);
    }
    for (const AnnotationChange &c : std::as_const(changes))
        emit curationChanged(c);
    return true;
}

bool Project::loadCuration(FileError *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    auto damaged = [&](const QString &what) {
        *error = {m_path, 0, 0,
                  QStringLiteral("the project file is damaged and was not opened: %1. Restore it from a copy; it was "
                                 "not changed.")
                      .arg(what)};
        return false;
    };
    auto readError = [&](const QString &what) {
        *error = sqlError(QStringLiteral("cannot read the %1").arg(what), query.lastError().text());
        return false;
    };
    // The latest history entry of each item's field, exclusion and status: the tables must say exactly what it says.
    struct Latest
    {
        int value = 0;
        QString text;
        bool matched = false;
    };
    QHash<QString, Latest> latest;
    if (!query.exec(QStringLiteral("SELECT h.kind, h.item, h.field, h.new_value, h.new_text FROM curation_history h"
                                   " JOIN (SELECT max(sequence) AS latest FROM curation_history GROUP BY kind, item,"
                                   " field) g ON h.sequence = g.latest")))
        return readError(QStringLiteral("curation history"));
    while (query.next()) {
        AnnotationChange::Kind kind;
        const qint64 item = query.value(1).toLongLong();
        const ItemField field =
            query.value(2).isNull() ? ItemField::Count : Curation::editableField(query.value(2).toString());
        if (!parseCurationKind(query.value(0).toString(), &kind) ||
            (kind == AnnotationChange::Kind::Field) != (field != ItemField::Count))
            return damaged(QStringLiteral("a curation history entry for item %1 is not a valid change").arg(item));
        if (query.value(3).toInt() != 0 || !query.value(4).toString().isEmpty())
            latest.insert(targetKey(kind, item, field), {query.value(3).toInt(), query.value(4).toString(), false});
    }
    auto agrees = [&](AnnotationChange::Kind kind, qint64 item, ItemField field, int value, const QString &text) {
        const auto it = latest.find(targetKey(kind, item, field));
        if (it == latest.end() || it->value != value || it->text != text || it->matched)
            return false;
        it->matched = true;
        return true;
    };
    if (!query.exec(QStringLiteral("SELECT item, field, value, annotator, reason, time FROM item_edits")))
        return readError(QStringLiteral("item edits"));
    while (query.next()) {
        const qint64 item = query.value(0).toLongLong();
        const ItemField field = Curation::editableField(query.value(1).toString());
        const FieldEdit edit{query.value(2).toString(), query.value(3).toString(), query.value(5).toString(),
                             query.value(4).toString()};
        if (field == ItemField::Count || !agrees(AnnotationChange::Kind::Field, item, field, 1, edit.value))
            return damaged(QStringLiteral("the edit of item %1's %2 differs from its history")
                               .arg(item)
                               .arg(query.value(1).toString().left(40)));
        m_curation.setEdit(item, field, edit);
    }
    if (!query.exec(QStringLiteral("SELECT item, reason, annotator, time FROM exclusions")))
        return readError(QStringLiteral("exclusions"));
    while (query.next()) {
        const qint64 item = query.value(0).toLongLong();
        const Exclusion exclusion{query.value(1).toString(), query.value(2).toString(), query.value(3).toString()};
        if (!agrees(AnnotationChange::Kind::Exclusion, item, ItemField::Count, 1, exclusion.reason))
            return damaged(QStringLiteral("the exclusion of item %1 differs from its history").arg(item));
        m_curation.setExcluded(item, exclusion);
    }
    // Statuses and comments share their history rows: each item's latest row must say both.
    QMap<qint64, std::pair<CurationStatus, ItemComment>> statuses;
    if (!query.exec(QStringLiteral("SELECT item, status, annotator, time FROM curation_status")))
        return readError(QStringLiteral("curation statuses"));
    while (query.next()) {
        const qint64 item = query.value(0).toLongLong();
        CurationStatus status = CurationStatus::Unchecked;
        if (!parseCurationStatus(query.value(1).toString(), &status) || status == CurationStatus::Unchecked)
            return damaged(QStringLiteral("the curation status of item %1 differs from its history").arg(item));
        statuses[item].first = status;
        m_curation.setStatus(item, status, query.value(2).toString(), query.value(3).toString());
    }
    if (m_version >= 6) {
        if (!query.exec(QStringLiteral("SELECT item, comment, annotator, time FROM item_comments")))
            return readError(QStringLiteral("comments"));
        while (query.next()) {
            const ItemComment comment{query.value(1).toString(), query.value(2).toString(), query.value(3).toString()};
            statuses[query.value(0).toLongLong()].second = comment;
            m_curation.setComment(query.value(0).toLongLong(), comment);
        }
    }
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        if (!agrees(AnnotationChange::Kind::Status, it.key(), ItemField::Count, int(it->first), it->second.text))
            return damaged(
                QStringLiteral("the curation status or comment of item %1 differs from its history").arg(it.key()));
    }
    for (const Latest &l : std::as_const(latest)) {
        if (!l.matched)
            return damaged(QStringLiteral("a curation change in the history is missing from the project's tables"));
    }
    return true;
}

QList<Project::CurationEntry> Project::curationHistory() const
{
    QList<CurationEntry> entries;
    if (m_version < 5)
        return entries;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT sequence, step, time, annotator, action, kind, item, field, old_value,"
                                   " old_text, new_value, new_text, reason FROM curation_history ORDER BY sequence")))
        return entries;
    while (query.next()) {
        CurationEntry e;
        e.sequence = query.value(0).toLongLong();
        e.step = query.value(1).toLongLong();
        e.time = query.value(2).toString();
        e.change.annotator = query.value(3).toString();
        e.action = query.value(4).toString();
        parseCurationKind(query.value(5).toString(), &e.change.kind);
        e.change.item = query.value(6).toLongLong();
        e.change.field =
            query.value(7).isNull() ? ItemField::Count : Curation::editableField(query.value(7).toString());
        e.change.oldValue = query.value(8).toInt();
        e.change.oldNote = query.value(9).toString();
        e.change.newValue = query.value(10).toInt();
        e.change.newNote = query.value(11).toString();
        e.change.reason = query.value(12).toString();
        // A status row whose status stayed changed the comment; one whose status changed keeps the comment.
        if (e.change.kind == AnnotationChange::Kind::Status && e.change.oldValue == e.change.newValue) {
            e.change.kind = AnnotationChange::Kind::Comment;
            e.change.oldValue = e.change.newValue = 0;
        } else if (e.change.kind == AnnotationChange::Kind::Status) {
            e.change.oldNote.clear();
            e.change.newNote.clear();
        }
        entries.append(e);
    }
    return entries;
}

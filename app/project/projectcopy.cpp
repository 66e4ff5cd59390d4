// `vlsbench-studio project copy`: a project moved between a file and a team database, either way, whole: every
// table row by row (labels, flags, notes, tags, judge runs and judgments, curation, settings) and both append-only
// histories with their sequence numbers, so the copy's history is the original's.
#include "app/base/logging.h"
#include "app/project/project.h"
#include "app/project/projectlocation.h"
#include "app/project/projectsql.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

// Every table of the current format, parents before the tables that refer to them.
const char *const kTables[] = {"meta",         "inputs",     "state",      "tag_names",       "labels",
                               "leaks",        "tags",       "history",    "judge_runs",      "prompts",
                               "judgments",    "item_edits", "exclusions", "curation_status", "curation_history",
                               "item_comments"};

// The columns numbered from 1 up, for ORDER BY: a table's rows in one order on both databases.
QString allColumns(const QSqlRecord &record)
{
    QStringList numbers;
    for (int i = 1; i <= record.count(); ++i)
        numbers.append(QString::number(i));
    return numbers.join(QStringLiteral(", "));
}

} // namespace

QStringList Project::copiedTables()
{
    QStringList names;
    for (const char *table : kTables)
        names.append(QString::fromLatin1(table));
    return names;
}

bool Project::copy(const QString &from, const QString &to, CopySummary *summary, FileError *error)
{
    *summary = {};
    std::unique_ptr<Project> source = open(from, Access::ReadOnly, error);
    if (!source)
        return false;
    if (source->m_version != kSchemaVersion) {
        *error = {source->m_path, 0, 0,
                  QStringLiteral("the project is in format %1; open it once for writing to bring it to format %2, "
                                 "then copy it")
                      .arg(source->m_version)
                      .arg(kSchemaVersion)};
        return false;
    }
    std::unique_ptr<Project> target = create(to, {}, error);
    if (!target)
        return false;
    const QString targetPath = target->m_path;
    const bool targetIsTeam = target->m_team;
    auto undoCreate = [&] {
        // Nothing half-copied is left behind: the new project goes again.
        target->dropTeamSchema();
        target.reset();
        if (!targetIsTeam) {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(targetPath + QLatin1String(suffix));
        }
    };
    // Every handle on the two connections lives in here, so both close cleanly afterwards.
    QString what;
    QString detail;
    const bool copied = [&] {
        QSqlDatabase in = QSqlDatabase::database(source->m_connection);
        QSqlDatabase out = QSqlDatabase::database(target->m_connection);
        if (!out.transaction()) {
            what = QStringLiteral("cannot write the copy");
            detail = out.lastError().text();
            return false;
        }
        QSqlQuery write(out);
        auto failed = [&](const QString &whatFailed, const QString &why) {
            what = whatFailed;
            detail = why;
            write.finish();
            out.rollback();
            return false;
        };
        // What a new project starts with (its settings, default tags, meta rows) gives way to the source's own;
        // the new project's histories are empty, so nothing guarded is deleted.
        for (const char *table : {"state", "tag_names", "inputs"}) {
            if (!write.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))))
                return failed(QStringLiteral("cannot prepare the copy"), write.lastError().text());
        }
        if (!write.exec(QStringLiteral("DELETE FROM meta WHERE key != 'schema_version'")))
            return failed(QStringLiteral("cannot prepare the copy"), write.lastError().text());
        for (const char *table : kTables) {
            const QString name = QString::fromLatin1(table);
            QSqlQuery read(in);
            read.setForwardOnly(true);
            const QSqlRecord columns = in.record(name);
            if (columns.isEmpty())
                return failed(QStringLiteral("cannot read the table %1 of %2").arg(name, source->m_path), {});
            QStringList names;
            QStringList marks;
            for (int i = 0; i < columns.count(); ++i) {
                names.append(columns.fieldName(i));
                marks.append(QStringLiteral("?"));
            }
            // The format version is each database's own (PostgreSQL keeps it in meta, SQLite in its header).
            const QString where =
                name == QLatin1String("meta") ? QStringLiteral(" WHERE key != 'schema_version'") : QString();
            if (!read.exec(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4")
                               .arg(names.join(QStringLiteral(", ")), name, where, allColumns(columns))))
                return failed(QStringLiteral("cannot read the table %1 of %2").arg(name, source->m_path),
                              read.lastError().text());
            write.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                              .arg(name, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
            qint64 rows = 0;
            while (read.next()) {
                for (int i = 0; i < columns.count(); ++i)
                    write.addBindValue(read.value(i));
                if (!write.exec())
                    return failed(QStringLiteral("cannot copy the table %1").arg(name), write.lastError().text());
                ++rows;
            }
            summary->rows.append({name, rows});
        }
        // PostgreSQL's identity columns count on from the largest number copied (SQLite does that by itself).
        if (targetIsTeam) {
            for (const auto &[table, column] :
                 {std::pair{"history", "sequence"}, std::pair{"curation_history", "sequence"},
                  std::pair{"tag_names", "id"}}) {
                if (!write.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'),"
                                               " coalesce(max(%2), 0) + 1, false) FROM %1")
                                    .arg(QLatin1String(table), QLatin1String(column))))
                    return failed(QStringLiteral("cannot finish the copy"), write.lastError().text());
            }
        }
        write.finish();
        if (!out.commit())
            return failed(QStringLiteral("cannot write the copy"), out.lastError().text());
        return true;
    }();
    if (!copied) {
        *error = target->sqlError(what, detail);
        undoCreate();
        return false;
    }
    // The copy must read back as a whole project: its tables agree with its histories.
    target.reset();
    std::unique_ptr<Project> check = open(targetPath, Access::ReadOnly, error);
    if (!check) {
        error->message = QStringLiteral("the copy does not read back (%1)").arg(error->message);
        return false;
    }
    summary->target = check->m_path;
    qCInfo(lcProject).noquote() << "copied" << source->m_path << "to" << check->m_path;
    return true;
}

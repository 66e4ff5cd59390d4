#pragma once

#include <QString>
#include <QStringList>

class QSqlQuery;

/// What differs between the two databases a project can live in. The schema and queries are written once, in the
/// SQL both SQLite and PostgreSQL read; the few SQLite-only forms in the schema are translated here for PostgreSQL:
/// 64-bit integers, identity columns for the history's sequence numbers, and the append-only guard as a trigger
/// function (PostgreSQL triggers call functions; SQLite's run a SELECT RAISE).
namespace ProjectSql {

/// True when @p query runs on PostgreSQL (a team project).
bool isPostgres(const QSqlQuery &query);
/// The statements that make one schema statement (in SQLite's form) on the database of @p query.
QStringList schemaStatements(const char *statement, bool postgres);
/// Runs one schema statement (translated when @p query runs on PostgreSQL).
bool execSchema(QSqlQuery &query, const char *statement);
/// The trigger function the append-only guard calls on PostgreSQL; made once per project schema.
QString appendOnlyFunction();
/// "typeof(column) != 'integer'" on SQLite, where a column takes any value; FALSE on PostgreSQL, where its type
/// already says so.
QString notInteger(const QSqlQuery &query, const QString &column);
/// The project format the database is in: SQLite's user_version, or the meta row "schema_version" on PostgreSQL.
/// -1 when it cannot be read.
int schemaVersion(QSqlQuery &query);
bool setSchemaVersion(QSqlQuery &query, int version);

} // namespace ProjectSql

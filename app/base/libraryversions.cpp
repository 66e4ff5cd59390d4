#include "app/base/libraryversions.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace {

// SQLite comes through Qt's driver, which links the system library; ask it rather than guess.
QString sqliteVersion()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return QStringLiteral("driver missing");
    const QString connection = QStringLiteral("libraryversions-") + QUuid::createUuid().toString(QUuid::Id128);
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return version.isEmpty() ? QStringLiteral("unknown") : version;
}

} // namespace

QList<LibraryVersion> libraryVersions()
{
    const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only; Qt Charts GPL-3.0-only"),
         QStringLiteral("https://www.qt.io/")},
        {QStringLiteral("nlohmann/json"),
         QStringLiteral("%1.%2.%3")
             .arg(NLOHMANN_JSON_VERSION_MAJOR)
             .arg(NLOHMANN_JSON_VERSION_MINOR)
             .arg(NLOHMANN_JSON_VERSION_PATCH),
         QStringLiteral("MIT"), QStringLiteral("https://github.com/nlohmann/json")},
        {QStringLiteral("simdjson"),
         QStringLiteral("%1.%2.%3")
             .arg(int(simdjson::SIMDJSON_VERSION_MAJOR))
             .arg(int(simdjson::SIMDJSON_VERSION_MINOR))
             .arg(int(simdjson::SIMDJSON_VERSION_REVISION)),
         QStringLiteral("Apache-2.0 OR MIT"), QStringLiteral("https://simdjson.org/")},
        {QStringLiteral("libcurl"), QString::fromLatin1(curl ? curl->version : LIBCURL_VERSION), QStringLiteral("curl"),
         QStringLiteral("https://curl.se/")},
        {QStringLiteral("SQLite"), sqliteVersion(), QStringLiteral("blessing (public domain)"),
         QStringLiteral("https://sqlite.org/")},
    };
}

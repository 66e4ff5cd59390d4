#include "app/project/projectlocation.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

bool ProjectLocation::isAddress(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString ProjectLocation::redacted(const QString &text)
{
    if (!isAddress(text))
        return text;
    QUrl url(text);
    if (!url.isValid())
        return QStringLiteral("postgresql://(an address that cannot be read)");
    url.setPassword({});
    return url.toString();
}

bool ProjectLocation::parse(const QString &text, ProjectLocation *location, QString *error)
{
    *location = {};
    if (!isAddress(text)) {
        location->path = text;
        return true;
    }
    location->kind = Kind::PostgreSQL;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's own message quotes the whole text, password and all: it is not repeated.
        *error = QStringLiteral("%1 is not a PostgreSQL address (postgresql://user@host:port/database?project=NAME)")
                     .arg(redacted(text));
        return false;
    }
    if (!url.password().isEmpty()) {
        // Refused rather than used: an address is shown, remembered and logged, and a password must be none of these.
        *error = QStringLiteral("a team project's address must not hold a password: put it in ~/.pgpass or the "
                                "PGPASSWORD environment variable");
        return false;
    }
    location->host = url.host();
    location->port = url.port(-1);
    location->user = url.userName();
    location->database = url.path().mid(1);
    if (location->database.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("%1: the path is the database's name alone, as in postgresql://host/reviews").arg(text);
        return false;
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("project")) {
            location->project = value;
        } else if (key == QLatin1String("sslmode")) {
            static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                           QStringLiteral("prefer"),    QStringLiteral("require"),
                                           QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value)) {
                *error = QStringLiteral("sslmode=%1 is not one of %2").arg(value, modes.join(QStringLiteral(", ")));
                return false;
            }
            location->sslmode = value;
        } else {
            *error =
                QStringLiteral("%1: unknown setting \"%2\" (an address takes project= and sslmode=)").arg(text, key);
            return false;
        }
    }
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,40}$"));
    if (!name.match(location->project).hasMatch()) {
        *error = location->project.isEmpty()
                     ? QStringLiteral("%1 names no project: add ?project=NAME").arg(text)
                     : QStringLiteral("project=%1: a project's name is lower-case letters, digits and _, up to 40")
                           .arg(location->project);
        return false;
    }
    return true;
}

QString ProjectLocation::address() const
{
    if (!isTeam())
        return path;
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    out += host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host; // an IPv6 address in brackets
    if (port >= 0)
        out += QStringLiteral(":%1").arg(port);
    out += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(database));
    out += QStringLiteral("?project=") + project;
    if (!sslmode.isEmpty())
        out += QStringLiteral("&sslmode=") + sslmode;
    return out;
}

QString ProjectLocation::connectOptions() const
{
    QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=vlsbench-studio")};
    if (!sslmode.isEmpty())
        options.append(QStringLiteral("sslmode=") + sslmode);
    return options.join(QLatin1Char(';'));
}

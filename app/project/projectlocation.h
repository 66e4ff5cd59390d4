#pragma once

#include <QString>

/// Where a project lives: an SQLite file (the default), or a PostgreSQL database shared by a team, named by an
/// address such as postgresql://anna@db.lab.example:5432/reviews?project=vlsbench_judge&sslmode=require.
///
/// One database holds any number of team projects, each in a schema of its own ("vlsbench_" and the project's
/// name). The address never holds a password: libpq takes it from ~/.pgpass or PGPASSWORD at run time, so no
/// password is written to settings, logs or recent-project lists. Parts the
/// address leaves out (host, port, user, database) come from libpq's PG* environment variables and defaults.
struct ProjectLocation
{
    enum class Kind : quint8 { File, PostgreSQL };

    Kind kind = Kind::File;
    QString path; ///< File: the project file

    QString host;     ///< empty: PGHOST, else the local socket
    int port = -1;    ///< -1: PGPORT, else 5432
    QString user;     ///< empty: PGUSER, else the login name
    QString database; ///< empty: PGDATABASE, else the user's name
    QString project;  ///< the project's name: lower-case letters, digits and _, up to 40 characters
    QString sslmode;  ///< libpq's sslmode (disable, allow, prefer, require, verify-ca, verify-full); empty: prefer

    /// True when @p text is a PostgreSQL address (postgresql:// or postgres://) rather than a file path.
    static bool isAddress(const QString &text);
    /// @p text with any password taken out of it: what may be shown of an address that came from a user.
    static QString redacted(const QString &text);
    /// Reads a file path or a PostgreSQL address; false with @p error saying what is wrong with the address.
    static bool parse(const QString &text, ProjectLocation *location, QString *error);

    bool isTeam() const { return kind == Kind::PostgreSQL; }
    /// The address again, in a normal form, without a password: what the window shows and remembers.
    QString address() const;
    /// The PostgreSQL schema that holds the project's tables.
    QString schema() const { return QStringLiteral("vlsbench_") + project; }
    /// libpq's options for Qt's QPSQL driver (sslmode, connect_timeout, application_name).
    QString connectOptions() const;
};

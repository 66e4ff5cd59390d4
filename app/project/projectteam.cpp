// Team projects (issue #17): the same tables as a project file, in a PostgreSQL database that several annotators
// use at once. One database holds many projects, each in a schema of its own; the address names the project.
#include "app/base/logging.h"
#include "app/project/project.h"
#include "app/project/projectlocation.h"
#include "app/project/projectsql.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <atomic>

bool Project::connectTeam(const QString &address, bool *schemaExists, FileError *error)
{
    ProjectLocation location;
    QString why;
    if (!ProjectLocation::parse(address, &location, &why)) {
        *error = {ProjectLocation::redacted(address), 0, 0, why};
        return false;
    }
    static std::atomic_int counter{0};
    m_team = true;
    m_path = location.address();
    m_connection = QStringLiteral("vlsbench-team-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    if (!db.isValid()) {
        *error = {m_path, 0, 0,
                  QStringLiteral("this installation cannot reach PostgreSQL: Qt's QPSQL driver is missing (Debian "
                                 "package libqt6sql6-psql)")};
        return false;
    }
    db.setHostName(location.host);
    if (location.port >= 0)
        db.setPort(location.port);
    db.setDatabaseName(location.database);
    db.setUserName(location.user);
    db.setConnectOptions(location.connectOptions());
    if (!db.open()) {
        *error =
            sqlError(QStringLiteral("cannot connect to the team project's database"), db.lastError().text().trimmed());
        return false;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?"));
    query.addBindValue(location.schema());
    if (!query.exec()) {
        *error = sqlError(QStringLiteral("cannot read the team project's database"), query.lastError().text());
        return false;
    }
    *schemaExists = query.next();
    query.finish();
    // The name is checked to be [a-z0-9_] (ProjectLocation::parse), so quoting it is enough.
    if (!query.exec(QStringLiteral("SET search_path TO \"%1\"").arg(location.schema()))) {
        *error = sqlError(QStringLiteral("cannot use the team project"), query.lastError().text());
        return false;
    }
    return true;
}

std::unique_ptr<Project> Project::openTeam(const QString &address, Access access, FileError *error)
{
    std::unique_ptr<Project> project(new Project);
    bool exists = false;
    if (!project->connectTeam(address, &exists, error))
        return nullptr;
    if (!exists) {
        *error = {project->m_path, 0, 0,
                  QStringLiteral("the database has no such team project; make one with vlsbench-studio project copy "
                                 "from a project file, or give --dataset (and --results) to a command to create it")};
        return nullptr;
    }
    if (access == Access::ReadOnly) {
        project->m_readOnly = true;
        project->m_readOnlyReason = QStringLiteral("It was opened read-only.");
        // The database holds it to that too.
        QSqlQuery query(QSqlDatabase::database(project->m_connection));
        if (!query.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"))) {
            *error = project->sqlError(QStringLiteral("cannot open the team project"), query.lastError().text());
            return nullptr;
        }
    }
    if (!project->loadContents(error) || (!project->m_readOnly && !project->upgrade(error))) {
        qCInfo(lcProject).noquote() << "cannot open" << project->m_path << ":" << error->toString();
        return nullptr;
    }
    if (!project->listenToTeam(error))
        return nullptr;
    qCInfo(lcProject).noquote() << "opened team project" << project->m_path
                                << (project->m_readOnly ? QStringLiteral("read-only") : QStringLiteral("for writing"));
    return project;
}

std::unique_ptr<Project> Project::createTeam(const QString &address, const QList<ProjectInput> &inputs,
                                             FileError *error)
{
    std::unique_ptr<Project> project(new Project);
    bool exists = false;
    if (!project->connectTeam(address, &exists, error))
        return nullptr;
    if (exists) {
        *error = {project->m_path, 0, 0, QStringLiteral("a team project of that name exists already")};
        return nullptr;
    }
    ProjectLocation location;
    QString why;
    ProjectLocation::parse(address, &location, &why);
    // The schema and its guard function first (each committed), then the tables in one transaction; on failure
    // the schema goes again, so a second try starts clean.
    bool made = false;
    {
        QSqlQuery query(QSqlDatabase::database(project->m_connection));
        made = query.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(location.schema())) &&
               query.exec(ProjectSql::appendOnlyFunction());
        if (!made)
            *error = project->sqlError(QStringLiteral("cannot create the team project"), query.lastError().text());
    }
    if (!made || !project->initialise(inputs, error) || !project->loadContents(error)) {
        project->dropTeamSchema();
        return nullptr;
    }
    if (!project->listenToTeam(error))
        return nullptr;
    qCInfo(lcProject).noquote() << "created team project" << project->m_path;
    return project;
}

bool Project::exists(const QString &location, FileError *error)
{
    if (!ProjectLocation::isAddress(location))
        return QFileInfo::exists(location);
    Project probe;
    bool exists = false;
    if (!probe.connectTeam(location, &exists, error))
        return false;
    *error = {};
    return exists;
}

QString Project::name() const
{
    if (!m_team)
        return QFileInfo(m_path).fileName();
    ProjectLocation location;
    QString why;
    ProjectLocation::parse(m_path, &location, &why);
    return QStringLiteral("%1 (team, %2)").arg(location.project, location.database);
}

namespace {

// The notification channel of a team project: its schema's name (one project, one channel).
QString channelOf(const QString &address)
{
    ProjectLocation location;
    QString why;
    ProjectLocation::parse(address, &location, &why);
    return location.schema();
}

} // namespace

bool Project::commitAndTell(QSqlDatabase &db)
{
    if (m_team) {
        QSqlQuery notify(db);
        notify.prepare(QStringLiteral("SELECT pg_notify(?, 'changed')"));
        notify.addBindValue(channelOf(m_path));
        if (!notify.exec())
            return false;
        notify.finish();
    }
    return db.commit();
}

bool Project::listenToTeam(FileError *error)
{
    QSqlDriver *driver = QSqlDatabase::database(m_connection).driver();
    if (!driver->subscribeToNotification(channelOf(m_path))) {
        *error = sqlError(QStringLiteral("cannot listen for the team's changes"), driver->lastError().text());
        return false;
    }
    // A burst of the others' changes (twenty annotators at once) is read in one go: the first notification starts
    // a short wait, and those arriving during it add nothing.
    auto *pending = new QTimer(this);
    pending->setSingleShot(true);
    pending->setInterval(50);
    connect(pending, &QTimer::timeout, this, &Project::reloadAfterTeamChange);
    connect(driver, &QSqlDriver::notification, this,
            [pending](const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
                if (source == QSqlDriver::OtherSource && !pending->isActive()) // own changes are already here
                    pending->start();
            });
    return true;
}

void Project::reloadAfterTeamChange()
{
    FileError error;
    // loadContents() reads into the members it fills; a failed read must not leave half a project behind.
    const Annotations annotations = m_annotations;
    const Curation curation = m_curation;
    const JudgeResults judges = m_judges;
    const QList<ProjectInput> inputs = m_inputs;
    const QHash<qint64, QString> tagName = m_tagName;
    const QHash<QString, qint64> tagId = m_tagId;
    if (!loadContents(&error)) {
        qCWarning(lcProject).noquote() << "cannot read the team's change:" << error.toString();
        m_annotations = annotations;
        m_curation = curation;
        m_judges = judges;
        m_inputs = inputs;
        m_tagName = tagName;
        m_tagId = tagId;
        return;
    }
    qCInfo(lcProject).noquote() << "read a team member's change in" << m_path;
    emit reloaded();
}

void Project::dropTeamSchema()
{
    ProjectLocation location;
    QString why;
    if (!m_team || !ProjectLocation::parse(m_path, &location, &why))
        return;
    QSqlQuery drop(QSqlDatabase::database(m_connection));
    drop.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(location.schema()));
}

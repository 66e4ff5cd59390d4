#include "app/project/project.h"

#include "app/base/logging.h"
#include "app/project/projectlocation.h"
#include "app/project/projectsql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <atomic>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {

const QString kFormat = QStringLiteral("vlsbench-studio/project");
constexpr qsizetype kMaxUndo = 10000;

// One statement per entry: the SQLite driver runs one statement per exec().
const char *const kSchema[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE inputs(position INTEGER PRIMARY KEY, role TEXT NOT NULL, path TEXT NOT NULL,"
    " relative_path TEXT, run_name TEXT, sha256 TEXT, size INTEGER)",
    "CREATE TABLE labels(item INTEGER NOT NULL, run TEXT NOT NULL, annotator TEXT NOT NULL,"
    " label INTEGER CHECK (label IN (1, 2, 3)), note TEXT NOT NULL DEFAULT '', time TEXT NOT NULL,"
    " label_time TEXT NOT NULL, PRIMARY KEY (item, run, annotator))",
    "CREATE TABLE leaks(item INTEGER NOT NULL, annotator TEXT NOT NULL,"
    " verdict TEXT CHECK (verdict IN ('leaks', 'no_leak', 'unsure')), note TEXT NOT NULL DEFAULT '',"
    " time TEXT NOT NULL, PRIMARY KEY (item, annotator))",
    "CREATE TABLE history(sequence INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
    " annotator TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo', 'import')),"
    " kind TEXT NOT NULL CHECK (kind IN ('label', 'leak')), item INTEGER NOT NULL, run TEXT,"
    " old_value INTEGER NOT NULL CHECK (old_value BETWEEN 0 AND 3), old_note TEXT NOT NULL,"
    " new_value INTEGER NOT NULL CHECK (new_value BETWEEN 0 AND 3), new_note TEXT NOT NULL)",
    // The history is the audit trail: the database itself refuses to rewrite it.
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
    "CREATE TABLE state(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
};

// Format 2 adds judge runs: what each asked (the prompts by hash) and every judgment as it arrived.
const char *const kJudgeSchema[] = {
    "CREATE TABLE judge_runs(name TEXT PRIMARY KEY, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
    " model TEXT NOT NULL, created TEXT NOT NULL)",
    "CREATE TABLE prompts(hash TEXT PRIMARY KEY, kind TEXT NOT NULL, text TEXT NOT NULL)",
    "CREATE TABLE judgments(judge TEXT NOT NULL, item INTEGER NOT NULL, target TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('done', 'failed')), label INTEGER NOT NULL CHECK (label BETWEEN 0 AND 3),"
    " reason TEXT, label_text TEXT, explanation TEXT, raw TEXT, error TEXT, tries INTEGER NOT NULL CHECK (tries >= 0),"
    " cached INTEGER NOT NULL CHECK (cached IN (0, 1)), prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens >= 0),"
    " completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0), cache_key TEXT, prompt_hash TEXT,"
    " time TEXT NOT NULL, PRIMARY KEY (judge, item, target))",
};

// Format 3 adds failure-mode tags. Tags are stored by id, so renaming one changes one row and leaves the history
// alone. The history is rebuilt to admit tag changes: SQLite cannot change a CHECK constraint in place (dropping a
// table fires no triggers, so the append-only rule is not broken by the copy).
const char *const kTagSchema[] = {
    "CREATE TABLE tag_names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE"
    " CHECK (typeof(name) = 'text' AND length(name) BETWEEN 1 AND 64),"
    " position INTEGER UNIQUE CHECK (position IS NULL OR position >= 0))",
    "CREATE TABLE tags(item INTEGER NOT NULL, run TEXT NOT NULL, annotator TEXT NOT NULL CHECK (annotator != ''),"
    " tag INTEGER NOT NULL REFERENCES tag_names(id), time TEXT NOT NULL, PRIMARY KEY (item, run, annotator, tag))",
    "CREATE TABLE history_v3(sequence INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
    " annotator TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo', 'import')),"
    " kind TEXT NOT NULL CHECK (kind IN ('label', 'leak', 'tag')), item INTEGER NOT NULL, run TEXT,"
    " old_value INTEGER NOT NULL CHECK (old_value BETWEEN 0 AND 3), old_note TEXT NOT NULL,"
    " new_value INTEGER NOT NULL CHECK (new_value BETWEEN 0 AND 3), new_note TEXT NOT NULL,"
    " tag INTEGER REFERENCES tag_names(id), CHECK ((kind = 'tag') = (tag IS NOT NULL)),"
    " CHECK (kind != 'tag' OR (old_value IN (0, 1) AND new_value IN (0, 1) AND run IS NOT NULL)))",
    "INSERT INTO history_v3(sequence, time, annotator, action, kind, item, run, old_value, old_note, new_value,"
    " new_note) SELECT sequence, time, annotator, action, kind, item, run, old_value, old_note, new_value, new_note"
    " FROM history ORDER BY sequence",
    "DROP TABLE history",
    "ALTER TABLE history_v3 RENAME TO history",
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN"
    " SELECT RAISE(ABORT, 'the history is append-only'); END",
};

// Format 4 records, for each label, whether it was made blind: 1 blind, 0 with the judge's label in view, NULL not
// recorded (labels made before format 4). History rows carry it for labels, so the label table can be checked
// against its history as before. Blind review itself is a setting in the state table (blindModeKey()).
const char *const kBlindSchema[] = {
    "ALTER TABLE labels ADD COLUMN blind INTEGER CHECK (blind IN (0, 1))",
    "ALTER TABLE history ADD COLUMN blind INTEGER CHECK (blind IS NULL OR (blind IN (0, 1) AND kind = 'label'))",
};

bool addBlindColumns(QSqlQuery &query)
{
    for (const char *statement : kBlindSchema) {
        if (!ProjectSql::execSchema(query, statement))
            return false;
    }
    return true;
}

QVariant blindValue(Blindness blind)
{
    return blind == Blindness::NotRecorded ? QVariant(QMetaType::fromType<int>())
                                           : QVariant(blind == Blindness::Blind ? 1 : 0);
}

// A stored blind column: NULL, 1 or 0. Anything else is reported through @p ok.
Blindness blindFromValue(const QVariant &value, bool *ok)
{
    *ok = true;
    if (value.isNull())
        return Blindness::NotRecorded;
    const int v = value.toInt(ok);
    *ok = *ok && (v == 0 || v == 1);
    return v == 1 ? Blindness::Blind : Blindness::Sighted;
}

// Creates the tag tables (see kTagSchema) with the default vocabulary, inside the caller's transaction.
bool addTagTables(QSqlQuery &query)
{
    for (const char *statement : kTagSchema) {
        if (!ProjectSql::execSchema(query, statement))
            return false;
    }
    const QStringList names = defaultTagNames();
    query.prepare(QStringLiteral("INSERT INTO tag_names(name, position) VALUES (?, ?)"));
    for (qsizetype i = 0; i < names.size(); ++i) {
        query.addBindValue(names[i]);
        query.addBindValue(qint64(i));
        if (!query.exec())
            return false;
    }
    return true;
}

InvalidReason reasonFromKey(const QString &key)
{
    for (InvalidReason r :
         {InvalidReason::Missing, InvalidReason::Unparseable, InvalidReason::ContentFilter, InvalidReason::OutOfRange})
        if (invalidReasonKey(r) == key)
            return r;
    return InvalidReason::Unparseable;
}

QString kindKey(AnnotationChange::Kind kind)
{
    switch (kind) {
    case AnnotationChange::Kind::Label:
        break;
    case AnnotationChange::Kind::Leak:
        return QStringLiteral("leak");
    case AnnotationChange::Kind::Tag:
        return QStringLiteral("tag");
    case AnnotationChange::Kind::Field:
        return QStringLiteral("field");
    case AnnotationChange::Kind::Exclusion:
        return QStringLiteral("exclusion");
    case AnnotationChange::Kind::Status:
        return QStringLiteral("status");
    case AnnotationChange::Kind::Comment:
        return QStringLiteral("comment");
    }
    return QStringLiteral("label");
}

// Qt binds a null QString as SQL NULL; notes are never NULL, only empty.
QString notNull(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

// Whether the file system holding @p path has no space left.
bool diskIsFull(const QString &path)
{
    struct statvfs st = {};
    return ::statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &st) == 0 && st.f_bavail == 0;
}

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

enum class LockHolder { None, Someone, Unknown };

// Whether a process holds flock() on a lock file, as QLockFile's holder does for as long as it lives.
LockHolder flockHolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return LockHolder::Unknown;
    LockHolder holder = LockHolder::Unknown;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
        holder = LockHolder::None;
    else if (errno == EWOULDBLOCK)
        holder = LockHolder::Someone;
    ::close(fd); // lets go of the flock too
    return holder;
}

} // namespace

Project::Project() = default;

Project::~Project()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString Project::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDir Project::inputFolder() const
{
    // A team project has no folder of its own: each member's data is where they are.
    return m_team ? QDir::current() : QFileInfo(m_path).absoluteDir();
}

FileError Project::saveError(const QString &detail) const
{
    if (!m_team && (detail.contains(QLatin1String("disk is full")) || diskIsFull(m_path)))
        return {m_path, 0, 0,
                QStringLiteral("the disk holding the project is full, so this change was not saved; free some space "
                               "and make it again")};
    return sqlError(QStringLiteral("cannot save the change"), detail);
}

FileError Project::sqlError(const QString &what, const QString &detail) const
{
    return {m_path, 0, 0, detail.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, detail)};
}

bool Project::openDatabase(const QString &path, bool readOnly, FileError *error, bool snapshot)
{
    static std::atomic_int counter{0};
    m_path = QFileInfo(path).absoluteFilePath();
    m_connection = QStringLiteral("vlsbench-project-%1").arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    QString file = m_path;
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (readOnly) {
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        // A WAL project needs its -shm file even to be read. In a folder nobody can write, that file cannot be
        // made, so such a project is read from an unchanging snapshot (see readableSnapshot()).
        if (snapshot || (!QFileInfo(QFileInfo(m_path).absolutePath()).isWritable() &&
                         !QFileInfo::exists(m_path + QStringLiteral("-shm")))) {
            if (!readableSnapshot(&file, error))
                return false;
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        }
    }
    db.setDatabaseName(file);
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = sqlError(QStringLiteral("cannot open the project"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    // Any read tells an SQLite file from something else ("file is not a database"); other failures are the
    // disk's or the file system's, and are said as such.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        const QString detail = query.lastError().databaseText();
        if (detail.contains(QLatin1String("not a database")))
            *error = sqlError(QStringLiteral("not a VLSBench Studio project"), detail);
        else if (diskIsFull(m_path))
            *error = sqlError(QStringLiteral("cannot open the project: the disk holding it is full; free some space "
                                             "and open it again"),
                              detail);
        else
            *error = sqlError(QStringLiteral("cannot read the project"), detail);
        return false;
    }
    // A damaged file (a bad disk, a bit flipped in a copy) is refused rather than read as if it were whole.
    // quick_check also tests every NOT NULL and CHECK constraint, so a value out of range is caught here too.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
        *error = sqlError(QStringLiteral("the project file is damaged"), query.lastError().databaseText());
        return false;
    }
    if (const QString verdict = query.value(0).toString(); verdict != QLatin1String("ok")) {
        *error = {m_path, 0, 0,
                  QStringLiteral("the project file is damaged and was not opened (SQLite's check says: %1). "
                                 "Restore it from a copy; it was not changed.")
                      .arg(verdict.left(300))};
        return false;
    }
    return true;
}

bool Project::readableSnapshot(QString *file, FileError *error)
{
    const QFileInfo wal(m_path + QStringLiteral("-wal"));
    if (!wal.exists() || wal.size() == 0) {
        // Nothing waits in a write-ahead log, so the file itself is the whole project and cannot change
        // while it is read: SQLite may read it as immutable, needing no -shm file.
        QUrl url = QUrl::fromLocalFile(m_path);
        url.setScheme(QStringLiteral("file"));
        url.setQuery(QStringLiteral("immutable=1"));
        *file = url.toString(QUrl::FullyEncoded);
        return true;
    }
    // Labels committed into the log (a window that was killed) are part of the project: read both from a
    // private copy, where SQLite may make the files it needs.
    m_snapshot = std::make_unique<QTemporaryDir>();
    const QString copy = m_snapshot->filePath(QFileInfo(m_path).fileName());
    if (!m_snapshot->isValid() || !QFile::copy(m_path, copy) ||
        !QFile::copy(wal.filePath(), copy + QStringLiteral("-wal"))) {
        *error = {m_path, 0, 0,
                  QStringLiteral("cannot read the project: its folder is not writable and a copy could not be made")};
        return false;
    }
    *file = copy;
    return true;
}

bool Project::prepareForWriting(FileError *error)
{
    if (m_team)
        return true; // PostgreSQL commits durably by itself
    // WAL: a commit is one append, and a process killed mid-write leaves the last commit intact.
    // synchronous=FULL also makes each commit survive a power cut, not just a crash.
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !query.exec(QStringLiteral("PRAGMA synchronous=FULL"))) {
        *error = sqlError(QStringLiteral("cannot prepare the project for writing"), query.lastError().text());
        return false;
    }
    return true;
}

bool Project::takeOverBrokenLock(const QString &lockPath, QString *problem)
{
    const QFileInfo info(lockPath);
    if (!info.exists() && !info.isSymLink())
        return true;
    if (info.isDir()) {
        // Not a lock any process could hold: a folder of that name only blocks the project. An empty one goes.
        if (QDir().rmdir(lockPath)) {
            qCInfo(lcProject).noquote() << "removed a folder in place of the lock file" << lockPath;
            return true;
        }
        *problem = QStringLiteral("its lock file %1 is a folder with files in it, not a lock; move that folder away")
                       .arg(lockPath);
        return false;
    }
    const auto namesAProcess = [&lockPath] {
        qint64 pid = 0;
        QString host;
        QString app;
        return QLockFile(lockPath).getLockInfo(&pid, &host, &app) && pid > 0;
    };
    if (namesAProcess())
        return true; // a real lock: QLockFile tells whether its holder is still running
    // Empty, unreadable or garbage: it names no process that could hold it. A live writer holds flock() on its lock
    // file from the moment it creates it and fills it in microseconds later; a writer killed in between leaves an
    // empty file nobody holds. Look twice, a moment apart, before calling it a leftover.
    for (int look = 0; look < 2; ++look) {
        switch (flockHolder(lockPath)) {
        case LockHolder::Someone:
            *problem = QStringLiteral("another process is taking the project's lock right now; try again");
            return false;
        case LockHolder::Unknown: {
            // Cannot be tested (no permission, a file system without flock): only its age can tell.
            const qint64 age = info.lastModified().msecsTo(QDateTime::currentDateTime());
            if (age >= 0 && age < 3000) {
                *problem = QStringLiteral("another process is taking the project's lock right now; try again");
                return false;
            }
            look = 2;
            break;
        }
        case LockHolder::None:
            break;
        }
        if (look == 0) {
            QThread::msleep(50);
            if (!QFileInfo::exists(lockPath) || namesAProcess())
                return true;
        }
    }
    if (!QFile::remove(lockPath)) {
        *problem =
            QStringLiteral("its lock file %1 is broken (it names no process) and cannot be removed").arg(lockPath);
        return false;
    }
    qCInfo(lcProject).noquote() << "removed a broken lock file that named no process:" << lockPath;
    return true;
}

bool Project::takeOverBrokenLocks(const QString &lockPath, QString *problem)
{
    // QLockFile removes a stale lock under a second lock, "<lock>.rmlock"; a process killed while that one was half
    // written would block every later writer for half a minute. Both get the same treatment.
    return takeOverBrokenLock(lockPath + QStringLiteral(".rmlock"), problem) && takeOverBrokenLock(lockPath, problem);
}

std::unique_ptr<Project> Project::open(const QString &path, Access access, FileError *error)
{
    if (ProjectLocation::isAddress(path))
        return openTeam(path, access, error);
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = {path, 0, 0, QStringLiteral("no such project file")};
        return nullptr;
    }
    if (!info.isFile()) {
        *error = {path, 0, 0, QStringLiteral("not a project file (it is a folder)")};
        return nullptr;
    }
    std::unique_ptr<Project> project(new Project);
    // Owner write permission is checked too: root may write anything, but a file made read-only stays so.
    if (access == Access::ReadOnly)
        project->m_readOnlyReason = QStringLiteral("It was opened read-only.");
    else if (!info.isWritable() || !(info.permissions() & QFileDevice::WriteOwner))
        project->m_readOnlyReason = QStringLiteral("The file is not writable.");
    else if (!QFileInfo(info.absolutePath()).isWritable())
        project->m_readOnlyReason = QStringLiteral("Its folder is not writable.");

    if (project->m_readOnlyReason.isEmpty()) {
        const QString lockPath = info.absoluteFilePath() + QStringLiteral(".lock");
        QString lockProblem;
        if (!takeOverBrokenLocks(lockPath, &lockProblem)) {
            *error = {path, 0, 0, lockProblem};
            return nullptr;
        }
        auto lock = std::make_unique<QLockFile>(lockPath);
        lock->setStaleLockTime(0); // held for as long as the project is open; a dead holder is detected by pid
        if (!lock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString app;
            if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app)) {
                *error = {path, 0, 0,
                          QStringLiteral("the project is already open in another VLSBench Studio (process %1 on %2); "
                                         "close it there first")
                              .arg(pid)
                              .arg(host)};
                return nullptr;
            }
            if (lock->error() == QLockFile::LockFailedError) {
                *error = {path, 0, 0, QStringLiteral("the project is already open in another process")};
                return nullptr;
            }
            project->m_readOnlyReason = QStringLiteral("Its lock file cannot be created.");
        } else {
            project->m_lock = std::move(lock);
        }
    }
    project->m_readOnly = !project->m_readOnlyReason.isEmpty();
    // On a full disk SQLite cannot even make the files it reads through; the labels are still shown, read-only,
    // from an unchanging snapshot.
    FileError openError;
    const bool opened = project->openDatabase(path, project->m_readOnly, &openError);
    if (!opened && diskIsFull(path)) {
        qCInfo(lcProject).noquote() << "cannot open" << path << "on a full disk:" << openError.toString();
        const QString connection = std::exchange(project->m_connection, {});
        QSqlDatabase::database(connection, false).close();
        QSqlDatabase::removeDatabase(connection);
        project->m_lock.reset();
        project->m_readOnly = true;
        project->m_readOnlyReason = QStringLiteral("The disk holding it is full.");
        *error = {};
        if (!project->openDatabase(path, true, error, true)) {
            error->message = QStringLiteral("cannot open the project: the disk holding it is full; free some space and "
                                            "open it again (%1)")
                                 .arg(error->message);
            return nullptr;
        }
    } else if (!opened) {
        *error = openError;
        qCInfo(lcProject).noquote() << "cannot open" << path << ":" << error->toString();
        return nullptr;
    }
    // Checked before anything is written: a file of another kind or version is left exactly as it was.
    if (!project->loadContents(error) ||
        (!project->m_readOnly && (!project->prepareForWriting(error) || !project->upgrade(error)))) {
        qCInfo(lcProject).noquote() << "cannot open" << path << ":" << error->toString();
        return nullptr;
    }
    const Curation &curation = project->m_curation;
    qCInfo(lcProject).noquote() << "opened" << path
                                << (project->m_readOnly ? QStringLiteral("read-only: ") + project->m_readOnlyReason
                                                        : QStringLiteral("for writing"))
                                << QStringLiteral("(format %1; curation: %2 items edited, %3 excluded, %4 statuses, "
                                                  "%5 comments)")
                                       .arg(project->m_version)
                                       .arg(curation.editedItemCount())
                                       .arg(curation.excludedCount())
                                       .arg(curation.allStatuses().size())
                                       .arg(curation.allComments().size());
    return project;
}

std::unique_ptr<Project> Project::create(const QString &path, const QList<ProjectInput> &inputs, FileError *error)
{
    if (ProjectLocation::isAddress(path))
        return createTeam(path, inputs, error);
    const QFileInfo info(path);
    if (info.exists()) {
        *error = {path, 0, 0, QStringLiteral("a file of that name exists already")};
        return nullptr;
    }
    if (!QFileInfo(info.absolutePath()).isDir()) {
        *error = {path, 0, 0, QStringLiteral("the folder %1 does not exist").arg(info.absolutePath())};
        return nullptr;
    }
    std::unique_ptr<Project> project(new Project);
    const QString lockPath = info.absoluteFilePath() + QStringLiteral(".lock");
    QString lockProblem;
    if (!takeOverBrokenLocks(lockPath, &lockProblem)) {
        *error = {path, 0, 0, lockProblem};
        return nullptr;
    }
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        *error = {path, 0, 0, QStringLiteral("cannot create its lock file: is the folder writable?")};
        return nullptr;
    }
    project->m_lock = std::move(lock);
    if (!project->openDatabase(path, false, error) || !project->prepareForWriting(error) ||
        !project->initialise(inputs, error) || !project->loadContents(error)) {
        const QString connection = std::exchange(project->m_connection, {});
        project.reset();
        QSqlDatabase::removeDatabase(connection);
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(info.absoluteFilePath() + QLatin1String(suffix));
        return nullptr;
    }
    return project;
}

bool Project::initialise(const QList<ProjectInput> &inputs, FileError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot write the project"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    for (const char *statement : kSchema) {
        if (!ProjectSql::execSchema(query, statement)) {
            *error = sqlError(QStringLiteral("cannot create the project"), query.lastError().text());
            db.rollback();
            return false;
        }
    }
    for (const char *statement : kJudgeSchema) {
        if (!ProjectSql::execSchema(query, statement)) {
            *error = sqlError(QStringLiteral("cannot create the project"), query.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!addTagTables(query) || !addBlindColumns(query) || !addCurationTables(query) ||
        !query.exec(QStringLiteral("INSERT INTO state(key, value) VALUES ('%1', 'on')").arg(blindModeKey()))) {
        *error = sqlError(QStringLiteral("cannot create the project"), query.lastError().text());
        db.rollback();
        return false;
    }
    query.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"));
    const QList<QPair<QString, QString>> meta{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("created"), now()},
        {QStringLiteral("created_by"),
         QStringLiteral("vlsbench-studio %1").arg(QCoreApplication::applicationVersion())}};
    for (const auto &[key, value] : meta) {
        query.addBindValue(key);
        query.addBindValue(value);
        if (!query.exec()) {
            *error = sqlError(QStringLiteral("cannot create the project"), query.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!writeInputs(inputs, error) || !ProjectSql::setSchemaVersion(query, kSchemaVersion)) {
        if (error->isNull())
            *error = sqlError(QStringLiteral("cannot create the project"), query.lastError().text());
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = sqlError(QStringLiteral("cannot create the project"), db.lastError().text());
        return false;
    }
    return true;
}

bool Project::writeInputs(const QList<ProjectInput> &inputs, FileError *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("DELETE FROM inputs"))) {
        *error = sqlError(QStringLiteral("cannot record the input files"), query.lastError().text());
        return false;
    }
    query.prepare(QStringLiteral("INSERT INTO inputs(position, role, path, relative_path, run_name, sha256, size)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const QDir folder = inputFolder();
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const ProjectInput &input = inputs[i];
        query.addBindValue(qint64(i));
        query.addBindValue(ProjectInput::roleKey(input.role));
        query.addBindValue(input.path);
        query.addBindValue(folder.relativeFilePath(input.path));
        query.addBindValue(nullIfEmpty(input.runName));
        query.addBindValue(nullIfEmpty(QString::fromLatin1(input.sha256)));
        query.addBindValue(input.size);
        if (!query.exec()) {
            *error = sqlError(QStringLiteral("cannot record the input files"), query.lastError().text());
            return false;
        }
    }
    return true;
}

bool Project::loadContents(FileError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    const int version = std::max(0, ProjectSql::schemaVersion(query));
    if (version > kSchemaVersion) {
        *error = {m_path, 0, 0,
                  QStringLiteral("this project was written by a newer VLSBench Studio (project format %1; this "
                                 "version reads formats up to %2). Open it with a newer version; it was not changed.")
                      .arg(version)
                      .arg(kSchemaVersion)};
        return false;
    }
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'format'")) || !query.next() ||
        query.value(0).toString() != kFormat || version < 1) {
        *error = {m_path, 0, 0, QStringLiteral("not a VLSBench Studio project (an SQLite file without its tables)")};
        return false;
    }

    m_version = version;
    m_inputs.clear();
    const QDir folder = inputFolder();
    if (!query.exec(
            QStringLiteral("SELECT role, path, relative_path, run_name, sha256, size FROM inputs ORDER BY position"))) {
        *error = sqlError(QStringLiteral("cannot read the project"), query.lastError().text());
        return false;
    }
    while (query.next()) {
        ProjectInput input;
        if (!ProjectInput::parseRole(query.value(0).toString(), &input.role))
            continue; // a role from a later version that this one cannot use
        input.path = query.value(1).toString();
        // Data that moved together with the project is found beside it.
        const QString relative = query.value(2).toString();
        if (!QFileInfo::exists(input.path) && !relative.isEmpty() && QFileInfo::exists(folder.filePath(relative)))
            input.path = QDir::cleanPath(folder.filePath(relative));
        input.runName = query.value(3).toString();
        input.sha256 = query.value(4).toString().toLatin1();
        input.size = query.value(5).isNull() ? -1 : query.value(5).toLongLong();
        m_inputs.append(input);
    }

    // Everything read below is checked: a project file is input like any other, and may have been edited by
    // hand, damaged, or made by something else. A value out of range is refused, never used as an index.
    m_annotations = {};
    auto damaged = [&](const QString &what) {
        *error = {m_path, 0, 0,
                  QStringLiteral("the project file is damaged and was not opened: %1. Restore it from a copy; it was "
                                 "not changed.")
                      .arg(what)};
        return false;
    };
    auto targetKey = [](const QString &kind, qint64 item, const QString &run, const QString &annotator,
                        qint64 tag = 0) {
        return kind + QChar(0x1f) + QString::number(item) + QChar(0x1f) + run + QChar(0x1f) + annotator + QChar(0x1f) +
               QString::number(tag);
    };
    if (!loadTagNames(error))
        return false;
    const bool hasTags = m_version >= 3;
    const bool hasBlind = m_version >= 4;
    m_blindMode = hasBlind && value(blindModeKey()) == QLatin1String("on");
    // The latest history entry of every target. The labels and leaks tables must say exactly what it says:
    // the history is written in the same transaction, so a difference means the file was altered.
    struct Latest
    {
        int value = 0;
        QString note;
        Blindness blind = Blindness::NotRecorded;
        bool matched = false;
    };
    QHash<QString, Latest> latest;
    // Older projects have no CHECK constraints on the history, so every entry is checked here once.
    // A tag change names a tag the project knows and is on (1) or off (0).
    const QString tagCheck = hasTags ? QStringLiteral(" OR (kind = 'tag') != (tag IS NOT NULL)"
                                                      " OR (kind = 'tag' AND (old_value > 1 OR new_value > 1"
                                                      " OR run IS NULL OR %1"
                                                      " OR tag NOT IN (SELECT id FROM tag_names)))")
                                           .arg(ProjectSql::notInteger(query, QStringLiteral("tag")))
                                     : QString();
    // Blindness is recorded for labels only, as 1 or 0.
    const QString blindCheck =
        hasBlind ? QStringLiteral(" OR (blind IS NOT NULL AND (kind != 'label' OR blind NOT IN (0, 1)))") : QString();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM history WHERE kind NOT IN ('label', 'leak'%1)"
                                   " OR %4 OR %5"
                                   " OR old_value NOT BETWEEN 0 AND 3 OR new_value NOT BETWEEN 0 AND 3%2%3")
                        .arg(hasTags ? QStringLiteral(", 'tag'") : QString(), tagCheck, blindCheck,
                             ProjectSql::notInteger(query, QStringLiteral("old_value")),
                             ProjectSql::notInteger(query, QStringLiteral("new_value")))) ||
        !query.next()) {
        *error = sqlError(QStringLiteral("cannot read the history"), query.lastError().text());
        return false;
    }
    if (const qint64 bad = query.value(0).toLongLong(); bad > 0)
        return damaged(QStringLiteral("%1 history entries hold values that no change can have").arg(bad));
    // Each target's latest entry (its greatest sequence number); the count says whether the annotator ever gave
    // the target a label, which blind review needs.
    if (!query.exec(
            QStringLiteral("SELECT h.kind, h.item, h.run, h.annotator, h.time, h.new_value, h.new_note, h.sequence, %1,"
                           " %2, g.labelled FROM history h JOIN (SELECT max(sequence) AS latest,"
                           " count(CASE WHEN kind = 'label' AND new_value > 0 THEN 1 END) AS labelled"
                           " FROM history GROUP BY kind, item, run, annotator%3) g ON h.sequence = g.latest")
                .arg(hasTags ? QStringLiteral("h.tag") : QStringLiteral("NULL"),
                     hasBlind ? QStringLiteral("h.blind") : QStringLiteral("NULL"),
                     hasTags ? QStringLiteral(", tag") : QString()))) {
        *error = sqlError(QStringLiteral("cannot read the history"), query.lastError().text());
        return false;
    }
    while (query.next()) {
        const QString kind = query.value(0).toString();
        const qint64 item = query.value(1).toLongLong();
        const QString run = query.value(2).toString();
        const QString annotator = query.value(3).toString();
        bool ok = false;
        const int value = query.value(5).toInt(&ok);
        const bool isTag = kind == QLatin1String("tag");
        const qint64 tag = isTag ? query.value(8).toLongLong() : 0;
        if ((kind != QLatin1String("label") && kind != QLatin1String("leak") && !isTag) || !ok || value < 0 ||
            value > 3 || annotator.isEmpty() || (isTag && (value > 1 || !m_tagName.contains(tag))))
            return damaged(QStringLiteral("a history entry for item %1 is not a valid change").arg(item));
        const QString note = query.value(6).toString();
        bool blindOk = true;
        const Blindness blind = blindFromValue(query.value(9), &blindOk);
        if (!blindOk)
            return damaged(QStringLiteral("a history entry for item %1 says neither blind nor not").arg(item));
        if (query.value(10).toLongLong() > 0)
            m_annotations.markLabelled(item, run, annotator);
        if (value == 0 && note.isEmpty()) { // a tombstone: the annotation was cleared, its row is gone
            const QString time = query.value(4).toString();
            if (isTag)
                m_annotations.setTag(item, run, {annotator, m_tagName.value(tag), time}, false);
            else if (kind == QLatin1String("leak"))
                m_annotations.setLeak(item, {annotator, LeakVerdict::None, {}, time});
            else
                m_annotations.setLabel(item, run, {annotator, Label::Invalid, {}, time});
            continue;
        }
        latest.insert(targetKey(kind, item, run, annotator, tag), {value, note, blind, false});
    }
    auto agrees = [&](const QString &kind, qint64 item, const QString &run, const QString &annotator, int value,
                      const QString &note, qint64 tag = 0, Blindness blind = Blindness::NotRecorded) {
        const auto it = latest.find(targetKey(kind, item, run, annotator, tag));
        if (it == latest.end() || it->value != value || it->note != note || it->blind != blind || it->matched)
            return false;
        it->matched = true;
        return true;
    };
    if (!query.exec(QStringLiteral("SELECT item, run, annotator, label, note, time, label_time, %1 FROM labels")
                        .arg(hasBlind ? QStringLiteral("blind") : QStringLiteral("NULL")))) {
        *error = sqlError(QStringLiteral("cannot read the labels"), query.lastError().text());
        return false;
    }
    while (query.next()) {
        const qint64 item = query.value(0).toLongLong();
        bool ok = true;
        const int value = query.value(3).isNull() ? 0 : query.value(3).toInt(&ok);
        if (!ok || value < 0 || value > 3)
            return damaged(QStringLiteral("item %1 has the label \"%2\", not 1, 2 or 3")
                               .arg(item)
                               .arg(query.value(3).toString().left(40)));
        bool blindOk = true;
        HumanLabel label{query.value(2).toString(), Label(value),
                         query.value(4).toString(), query.value(5).toString(),
                         query.value(6).toString(), blindFromValue(query.value(7), &blindOk)};
        if (!blindOk)
            return damaged(QStringLiteral("a label of item %1 says neither blind nor not").arg(item));
        if (label.annotator.isEmpty())
            return damaged(QStringLiteral("a label of item %1 has no annotator").arg(item));
        if (!agrees(QStringLiteral("label"), item, query.value(1).toString(), label.annotator, value, label.note, 0,
                    label.blind))
            return damaged(QStringLiteral("the label of item %1, run \"%2\" by %3 differs from its history")
                               .arg(item)
                               .arg(query.value(1).toString(), label.annotator));
        m_annotations.setLabel(item, query.value(1).toString(), label);
    }
    if (!query.exec(QStringLiteral("SELECT item, annotator, verdict, note, time FROM leaks"))) {
        *error = sqlError(QStringLiteral("cannot read the leak flags"), query.lastError().text());
        return false;
    }
    while (query.next()) {
        const qint64 item = query.value(0).toLongLong();
        LeakFlag flag{query.value(1).toString(), LeakVerdict::None, query.value(3).toString(),
                      query.value(4).toString()};
        if (!query.value(2).isNull() && !parseLeakVerdict(query.value(2).toString(), &flag.verdict))
            return damaged(QStringLiteral("item %1 has the leak verdict \"%2\"")
                               .arg(item)
                               .arg(query.value(2).toString().left(40)));
        if (flag.annotator.isEmpty())
            return damaged(QStringLiteral("a leak flag of item %1 has no annotator").arg(item));
        if (!agrees(QStringLiteral("leak"), item, {}, flag.annotator, int(flag.verdict), flag.note))
            return damaged(QStringLiteral("the leak flag of item %1 by %2 differs from its history")
                               .arg(item)
                               .arg(flag.annotator));
        m_annotations.setLeak(item, flag);
    }
    if (hasTags) {
        if (!query.exec(QStringLiteral("SELECT item, run, annotator, tag, time FROM tags"))) {
            *error = sqlError(QStringLiteral("cannot read the tags"), query.lastError().text());
            return false;
        }
        while (query.next()) {
            const qint64 item = query.value(0).toLongLong();
            const QString run = query.value(1).toString();
            const QString annotator = query.value(2).toString();
            bool ok = false;
            const qint64 tag = query.value(3).toLongLong(&ok);
            if (!ok || !m_tagName.contains(tag))
                return damaged(QStringLiteral("a tag of item %1 is not one the project knows").arg(item));
            if (annotator.isEmpty())
                return damaged(QStringLiteral("a tag of item %1 has no annotator").arg(item));
            if (!agrees(QStringLiteral("tag"), item, run, annotator, 1, {}, tag))
                return damaged(QStringLiteral("the tag \"%1\" of item %2, run \"%3\" by %4 differs from its history")
                                   .arg(m_tagName.value(tag))
                                   .arg(item)
                                   .arg(run, annotator));
            m_annotations.setTag(item, run, {annotator, m_tagName.value(tag), query.value(4).toString()}, true);
        }
    }
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if (!it->matched)
            return damaged(QStringLiteral("an annotation in the history is missing from the labels"));
    }
    m_curation = {};
    if (m_version >= 5 && !loadCuration(error))
        return false;
    return loadJudgments(error);
}

bool Project::loadTagNames(FileError *error)
{
    m_tagName.clear();
    m_tagId.clear();
    if (m_version < 3) {
        // Written before tags: a read-only reader is shown the vocabulary an upgrade would bring.
        m_annotations.setTagNames(defaultTagNames());
        return true;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT id, name, position FROM tag_names ORDER BY position, id"))) {
        *error = sqlError(QStringLiteral("cannot read the tag names"), query.lastError().text());
        return false;
    }
    QStringList active;
    while (query.next()) {
        bool ok = false;
        const qint64 id = query.value(0).toLongLong(&ok);
        const QString name = query.value(1).toString();
        if (!ok || !tagNameProblem(name).isEmpty() || m_tagId.contains(name) || m_tagName.contains(id) ||
            (!query.value(2).isNull() && query.value(2).toLongLong() < 0)) {
            *error = {m_path, 0, 0,
                      QStringLiteral("the project file is damaged and was not opened: the tag name \"%1\" is not "
                                     "valid. Restore it from a copy; it was not changed.")
                          .arg(name.left(80))};
            return false;
        }
        m_tagName.insert(id, name);
        m_tagId.insert(name, id);
        if (!query.value(2).isNull())
            active.append(name);
    }
    m_annotations.setTagNames(active);
    return true;
}

bool Project::loadJudgments(FileError *error)
{
    m_judges = {};
    if (m_version < 2)
        return true; // written before judge runs existed
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT name, kind, base_url, model, created FROM judge_runs"))) {
        *error = sqlError(QStringLiteral("cannot read the judge runs"), query.lastError().text());
        return false;
    }
    while (query.next()) {
        JudgeRunInfo info;
        info.name = query.value(0).toString();
        info.kind = query.value(1).toString() == QLatin1String("leakage") ? JudgeRunInfo::Kind::Leakage
                                                                          : JudgeRunInfo::Kind::Rubric;
        info.baseUrl = query.value(2).toString();
        info.model = query.value(3).toString();
        info.created = query.value(4).toString();
        m_judges.addRun(info);
    }
    if (!query.exec(QStringLiteral("SELECT judge, item, target, status, label, reason, label_text, explanation, raw,"
                                   " error, tries, cached, prompt_tokens, completion_tokens, cache_key, prompt_hash,"
                                   " time FROM judgments"))) {
        *error = sqlError(QStringLiteral("cannot read the judgments"), query.lastError().text());
        return false;
    }
    while (query.next())
        m_judges.add(query.value(0).toString(), judgmentFromRow(query));
    return true;
}

Judgment Project::judgmentFromRow(const QSqlQuery &query)
{
    Judgment j;
    j.item = query.value(1).toLongLong();
    j.target = query.value(2).toString();
    j.status = query.value(3).toString() == QLatin1String("done") ? Judgment::Status::Done : Judgment::Status::Failed;
    const int label = query.value(4).toInt();
    j.label = label >= 1 && label <= 3 ? JudgeLabel::valid(Label(label))
                                       : JudgeLabel::invalid(reasonFromKey(query.value(5).toString()));
    j.labelText = query.value(6).toString();
    j.explanation = query.value(7).toString();
    j.raw = query.value(8).toString();
    j.error = query.value(9).toString();
    j.tries = query.value(10).toInt();
    j.cached = query.value(11).toBool();
    j.promptTokens = Judgment::boundedTokens(query.value(12).toLongLong());
    j.completionTokens = Judgment::boundedTokens(query.value(13).toLongLong());
    j.cacheKey = query.value(14).toString().toLatin1();
    j.promptHash = query.value(15).toString().toLatin1();
    j.time = query.value(16).toString();
    return j;
}

bool Project::upgrade(FileError *error)
{
    if (m_version >= kSchemaVersion)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot upgrade the project"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    // One step per format, in order, all in one transaction: a failed upgrade leaves the file as it was.
    bool ok = true;
    if (m_version < 2) {
        for (const char *statement : kJudgeSchema) {
            if (ok)
                ok = ProjectSql::execSchema(query, statement);
        }
    }
    if (ok && m_version < 3)
        ok = addTagTables(query);
    if (ok && m_version < 4)
        ok = addBlindColumns(query);
    if (ok && m_version < 5)
        ok = addCurationTables(query); // with the comments of format 6
    else if (ok && m_version < 6)
        ok = addCommentTable(query);
    if (!ok || !ProjectSql::setSchemaVersion(query, kSchemaVersion) || !db.commit()) {
        *error =
            sqlError(QStringLiteral("cannot upgrade the project"),
                     query.lastError().text().trimmed().isEmpty() ? db.lastError().text() : query.lastError().text());
        db.rollback();
        return false;
    }
    m_version = kSchemaVersion;
    return loadTagNames(error);
}

bool Project::addJudgeRun(const JudgeRunInfo &info, const QList<JudgePrompt> &prompts, FileError *error)
{
    if (m_readOnly) {
        *error = {m_path, 0, 0, QStringLiteral("the project is read-only: %1").arg(m_readOnlyReason)};
        return false;
    }
    if (info.name.trimmed().isEmpty()) {
        *error = {m_path, 0, 0, QStringLiteral("a judge run needs a name")};
        return false;
    }
    if (m_judges.hasRun(info.name)) {
        const JudgeRunInfo old = m_judges.run(info.name);
        if (old.kind != info.kind || old.baseUrl != info.baseUrl || old.model != info.model) {
            *error = {m_path, 0, 0,
                      QStringLiteral("the judge run \"%1\" exists already with %2 at %3; give this one another name")
                          .arg(info.name, old.model, old.baseUrl)};
            return false;
        }
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot record the judge run"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    bool ok = true;
    if (!m_judges.hasRun(info.name)) {
        query.prepare(
            QStringLiteral("INSERT INTO judge_runs(name, kind, base_url, model, created) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(info.name);
        query.addBindValue(JudgeRunInfo::kindKey(info.kind));
        query.addBindValue(info.baseUrl);
        query.addBindValue(info.model);
        query.addBindValue(info.created.isEmpty() ? now() : info.created);
        ok = query.exec();
    }
    for (const JudgePrompt &prompt : prompts) {
        if (!ok)
            break;
        query.prepare(
            QStringLiteral("INSERT INTO prompts(hash, kind, text) VALUES (?, ?, ?) ON CONFLICT(hash) DO NOTHING"));
        query.addBindValue(QString::fromLatin1(prompt.hash()));
        query.addBindValue(judgeKindKey(prompt.kind));
        query.addBindValue(prompt.text);
        ok = query.exec();
    }
    if (!ok || !commitAndTell(db)) {
        *error = sqlError(QStringLiteral("cannot record the judge run"),
                          ok ? db.lastError().text() : query.lastError().text());
        db.rollback();
        return false;
    }
    if (!m_judges.hasRun(info.name)) {
        JudgeRunInfo stored = info;
        if (stored.created.isEmpty())
            stored.created = now();
        m_judges.addRun(stored);
    }
    return true;
}

QString Project::promptText(const QByteArray &hash) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT text FROM prompts WHERE hash = ?"));
    query.addBindValue(QString::fromLatin1(hash));
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool Project::storeJudgments(const QString &judge, const QList<Judgment> &judgments, FileError *error)
{
    if (judgments.isEmpty())
        return true;
    if (m_readOnly || !m_judges.hasRun(judge)) {
        *error = {m_path, 0, 0,
                  m_readOnly ? QStringLiteral("the project is read-only: %1").arg(m_readOnlyReason)
                             : QStringLiteral("no judge run named \"%1\"").arg(judge)};
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot store the judgments"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO judgments(judge, item, target, status, label, reason, label_text, explanation, raw,"
        " error, tries, cached, prompt_tokens, completion_tokens, cache_key, prompt_hash, time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(judge, item, target) DO UPDATE SET"
        " status = excluded.status, label = excluded.label, reason = excluded.reason,"
        " label_text = excluded.label_text, explanation = excluded.explanation, raw = excluded.raw,"
        " error = excluded.error, tries = excluded.tries, cached = excluded.cached,"
        " prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,"
        " cache_key = excluded.cache_key, prompt_hash = excluded.prompt_hash, time = excluded.time"));
    for (const Judgment &j : judgments) {
        query.addBindValue(judge);
        query.addBindValue(j.item);
        query.addBindValue(j.target);
        query.addBindValue(j.isDone() ? QStringLiteral("done") : QStringLiteral("failed"));
        query.addBindValue(int(j.label.label));
        query.addBindValue(nullIfEmpty(invalidReasonKey(j.label.reason)));
        query.addBindValue(notNull(j.labelText));
        query.addBindValue(notNull(j.explanation));
        query.addBindValue(notNull(j.raw));
        query.addBindValue(notNull(j.error));
        query.addBindValue(j.tries);
        query.addBindValue(int(j.cached));
        query.addBindValue(j.promptTokens);
        query.addBindValue(j.completionTokens);
        query.addBindValue(nullIfEmpty(QString::fromLatin1(j.cacheKey)));
        query.addBindValue(nullIfEmpty(QString::fromLatin1(j.promptHash)));
        query.addBindValue(j.time.isEmpty() ? now() : j.time);
        if (!query.exec()) {
            *error = sqlError(QStringLiteral("cannot store the judgments"), query.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!commitAndTell(db)) {
        *error = sqlError(QStringLiteral("cannot store the judgments"), db.lastError().text());
        db.rollback();
        return false;
    }
    for (const Judgment &j : judgments)
        m_judges.add(judge, j);
    emit judgmentsChanged(judge);
    return true;
}

bool Project::setInputs(const QList<ProjectInput> &inputs, FileError *error)
{
    if (m_readOnly) {
        m_inputs = inputs;
        return true; // nothing to keep: a read-only project only shows what it was made from
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot record the input files"), db.lastError().text());
        return false;
    }
    if (!writeInputs(inputs, error) || !commitAndTell(db)) {
        if (error->isNull())
            *error = sqlError(QStringLiteral("cannot record the input files"), db.lastError().text());
        db.rollback();
        return false;
    }
    m_inputs = inputs;
    return true;
}

bool Project::setLabel(qint64 item, const QString &run, const QString &annotator, Label label, FileError *error)
{
    const HumanLabel current = m_annotations.label(item, run, annotator);
    // Blind only while the judge's label is still hidden from this annotator: before their first label of the
    // response. Changing it afterwards, with the judge's label in view, is not.
    const Blindness blind = label == Label::Invalid                                            ? Blindness::NotRecorded
                            : label == current.label                                           ? current.blind
                            : m_blindMode && !m_annotations.everLabelled(item, run, annotator) ? Blindness::Blind
                                                                                               : Blindness::Sighted;
    AnnotationChange change{AnnotationChange::Kind::Label,
                            item,
                            run,
                            annotator,
                            int(current.label),
                            int(label),
                            current.note,
                            current.note,
                            {},
                            current.blind,
                            blind};
    return edit(change, Merge::Separate, error);
}

bool Project::setLabelNote(qint64 item, const QString &run, const QString &annotator, const QString &note,
                           FileError *error, Merge merge)
{
    const HumanLabel current = m_annotations.label(item, run, annotator);
    return edit({AnnotationChange::Kind::Label,
                 item,
                 run,
                 annotator,
                 int(current.label),
                 int(current.label),
                 current.note,
                 note,
                 {},
                 current.blind,
                 current.blind},
                merge, error);
}

bool Project::setLeak(qint64 item, const QString &annotator, LeakVerdict verdict, FileError *error)
{
    const LeakFlag current = m_annotations.leak(item, annotator);
    return edit({AnnotationChange::Kind::Leak,
                 item,
                 {},
                 annotator,
                 int(current.verdict),
                 int(verdict),
                 current.note,
                 current.note,
                 {}},
                Merge::Separate, error);
}

bool Project::setLeakNote(qint64 item, const QString &annotator, const QString &note, FileError *error, Merge merge)
{
    const LeakFlag current = m_annotations.leak(item, annotator);
    return edit({AnnotationChange::Kind::Leak,
                 item,
                 {},
                 annotator,
                 int(current.verdict),
                 int(current.verdict),
                 current.note,
                 note,
                 {}},
                merge, error);
}

bool Project::setTag(qint64 item, const QString &run, const QString &annotator, const QString &tag, bool on,
                     FileError *error)
{
    AnnotationChange change;
    change.kind = AnnotationChange::Kind::Tag;
    change.item = item;
    change.run = run;
    change.annotator = annotator;
    change.tag = tag;
    change.oldValue = m_annotations.hasTag(item, run, annotator, tag) ? 1 : 0;
    change.newValue = on ? 1 : 0;
    return edit(change, Merge::Separate, error);
}

bool Project::setTagNames(const QStringList &names, const QHash<QString, QString> &renamed, FileError *error)
{
    if (m_readOnly) {
        *error = {m_path, 0, 0, QStringLiteral("the project is read-only. %1").arg(m_readOnlyReason)};
        return false;
    }
    if (m_version < 3) {
        *error = {m_path, 0, 0, QStringLiteral("the project was written before tags existed")};
        return false;
    }
    QSet<QString> seen;
    for (const QString &name : names) {
        if (const QString problem = tagNameProblem(name); !problem.isEmpty()) {
            *error = {m_path, 0, 0, problem};
            return false;
        }
        if (seen.contains(name)) {
            *error = {m_path, 0, 0, QStringLiteral("the tag \"%1\" is named twice").arg(name)};
            return false;
        }
        seen.insert(name);
    }
    // The ids after renaming: a rename may not take the name of another tag the project keeps.
    QHash<QString, qint64> ids = m_tagId;
    QHash<qint64, QString> finalName = m_tagName;
    for (auto it = renamed.cbegin(); it != renamed.cend(); ++it) {
        if (it.key() == it.value())
            continue;
        if (!m_tagId.contains(it.key()) || !tagNameProblem(it.value()).isEmpty()) {
            *error = {m_path, 0, 0, QStringLiteral("cannot rename the tag \"%1\"").arg(it.key())};
            return false;
        }
        finalName.insert(m_tagId.value(it.key()), it.value());
    }
    ids.clear();
    for (auto it = finalName.cbegin(); it != finalName.cend(); ++it) {
        if (ids.contains(*it)) {
            *error = {m_path, 0, 0,
                      QStringLiteral("a tag named \"%1\" exists already (it may be on responses though no longer "
                                     "in the list)")
                          .arg(*it)};
            return false;
        }
        ids.insert(*it, it.key());
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save the tags"), db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    bool ok = query.exec(QStringLiteral("UPDATE tag_names SET position = NULL"));
    // Renamed through names no tag can have (they hold a control character), so that two tags may swap names.
    for (auto it = finalName.cbegin(); ok && it != finalName.cend(); ++it) {
        if (*it == m_tagName.value(it.key()))
            continue;
        query.prepare(QStringLiteral("UPDATE tag_names SET name = ? WHERE id = ?"));
        query.addBindValue(QStringLiteral("\x01%1").arg(it.key()));
        query.addBindValue(it.key());
        ok = query.exec();
    }
    for (auto it = finalName.cbegin(); ok && it != finalName.cend(); ++it) {
        if (*it == m_tagName.value(it.key()))
            continue;
        query.prepare(QStringLiteral("UPDATE tag_names SET name = ? WHERE id = ?"));
        query.addBindValue(*it);
        query.addBindValue(it.key());
        ok = query.exec();
    }
    for (qsizetype i = 0; ok && i < names.size(); ++i) {
        if (const auto id = ids.constFind(names[i]); id != ids.cend()) {
            query.prepare(QStringLiteral("UPDATE tag_names SET position = ? WHERE id = ?"));
            query.addBindValue(qint64(i));
            query.addBindValue(*id);
            ok = query.exec();
        } else {
            query.prepare(QStringLiteral("INSERT INTO tag_names(name, position) VALUES (?, ?) RETURNING id"));
            query.addBindValue(names[i]);
            query.addBindValue(qint64(i));
            ok = query.exec() && query.next();
            if (ok) {
                const qint64 id = query.value(0).toLongLong();
                query.finish(); // the statement is done once its one row is read
                ids.insert(names[i], id);
                finalName.insert(id, names[i]);
            }
        }
    }
    if (!ok || !commitAndTell(db)) {
        *error = saveError(ok ? db.lastError().text() : query.lastError().text());
        db.rollback();
        return false;
    }
    for (auto it = renamed.cbegin(); it != renamed.cend(); ++it) {
        if (it.key() == it.value() || !m_tagId.contains(it.key()))
            continue;
        m_annotations.renameTag(it.key(), QStringLiteral("\x01") + it.key());
        for (QList<QList<AnnotationChange>> *stack : {&m_undo, &m_redo}) {
            for (QList<AnnotationChange> &step : *stack) {
                for (AnnotationChange &c : step) {
                    if (c.kind == AnnotationChange::Kind::Tag && c.tag == it.key())
                        c.tag = QStringLiteral("\x01") + it.key();
                }
            }
        }
    }
    for (auto it = renamed.cbegin(); it != renamed.cend(); ++it) {
        if (it.key() == it.value() || !m_tagId.contains(it.key()))
            continue;
        m_annotations.renameTag(QStringLiteral("\x01") + it.key(), it.value());
        for (QList<QList<AnnotationChange>> *stack : {&m_undo, &m_redo}) {
            for (QList<AnnotationChange> &step : *stack) {
                for (AnnotationChange &c : step) {
                    if (c.kind == AnnotationChange::Kind::Tag && c.tag == QStringLiteral("\x01") + it.key())
                        c.tag = it.value();
                }
            }
        }
    }
    m_tagName = finalName;
    m_tagId = ids;
    m_annotations.setTagNames(names);
    emit tagNamesChanged();
    return true;
}

bool Project::edit(const AnnotationChange &change, Merge merge, FileError *error)
{
    if (change.annotator.trimmed().isEmpty()) {
        *error = {m_path, 0, 0, QStringLiteral("an annotation needs an annotator name")};
        return false;
    }
    if (change.isNoOp())
        return true;
    if (!write({change}, QStringLiteral("edit"), {}, error))
        return false;
    const bool noteOnly = change.oldValue == change.newValue;
    const bool mergeable = merge == Merge::WithPrevious || (merge == Merge::WhileEditing && m_noteEditing);
    m_noteEditing = merge == Merge::WhileEditing && noteOnly;
    if (mergeable && noteOnly && !m_undo.isEmpty() && m_undo.last().size() == 1 &&
        m_undo.last().first().sameTarget(change) && m_undo.last().first().oldValue == m_undo.last().first().newValue) {
        m_undo.last().first().newNote = change.newNote; // one undo step per note, however often it was saved
        m_redo.clear();
        emit undoStateChanged();
    } else {
        pushUndo({change});
    }
    return true;
}

void Project::pushUndo(const QList<AnnotationChange> &step)
{
    m_undo.append(step);
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    m_redo.clear();
    emit undoStateChanged();
}

bool Project::importChanges(const QList<AnnotationChange> &changes, const QStringList &times, FileError *error)
{
    if (changes.isEmpty())
        return true;
    if (!write(changes, QStringLiteral("import"), times, error))
        return false;
    m_undo.clear();
    m_redo.clear();
    emit undoStateChanged();
    return true;
}

bool Project::undo(AnnotationChange *applied, FileError *error)
{
    if (m_undo.isEmpty())
        return false;
    // A step of several changes (a bulk action) is taken back as a whole, last change first.
    QList<AnnotationChange> step;
    for (auto it = m_undo.last().crbegin(); it != m_undo.last().crend(); ++it)
        step.append(it->reversed());
    if (!write(step, QStringLiteral("undo"), {}, error))
        return false;
    m_redo.append(m_undo.takeLast());
    if (applied)
        *applied = step.last();
    emit undoStateChanged();
    return true;
}

bool Project::redo(AnnotationChange *applied, FileError *error)
{
    if (m_redo.isEmpty())
        return false;
    const QList<AnnotationChange> step = m_redo.last();
    if (!write(step, QStringLiteral("redo"), {}, error))
        return false;
    m_undo.append(m_redo.takeLast());
    if (applied)
        *applied = step.first();
    emit undoStateChanged();
    return true;
}

bool Project::write(const QList<AnnotationChange> &requested, const QString &action, const QStringList &times,
                    FileError *error)
{
    if (m_readOnly) {
        *error = {m_path, 0, 0, QStringLiteral("the project is read-only. %1").arg(m_readOnlyReason)};
        return false;
    }
    if (!requested.isEmpty() && requested.first().isCuration())
        return writeCuration(requested, action, error, nullptr);
    // The history records what the annotation really was, whatever the caller believed. (Callers pass each
    // annotation at most once per call, so the state before the transaction is the state before each change.)
    QList<AnnotationChange> changes = requested;
    for (AnnotationChange &change : changes) {
        if (change.kind == AnnotationChange::Kind::Tag) {
            if (const QString problem = tagNameProblem(change.tag); !problem.isEmpty() || change.run.isEmpty()) {
                *error = {m_path, 0, 0, problem.isEmpty() ? QStringLiteral("a tag belongs to a response") : problem};
                return false;
            }
            change.oldValue = m_annotations.hasTag(change.item, change.run, change.annotator, change.tag) ? 1 : 0;
            change.newValue = change.newValue != 0 ? 1 : 0;
            change.oldNote.clear();
            change.newNote.clear();
        } else if (change.kind == AnnotationChange::Kind::Label) {
            const HumanLabel current = m_annotations.label(change.item, change.run, change.annotator);
            change.oldValue = int(current.label);
            change.oldNote = current.note;
            change.oldBlind = current.blind;
            if (change.newValue == 0)
                change.newBlind = Blindness::NotRecorded; // a note alone is not a label, blind or not
        } else {
            change.oldBlind = change.newBlind = Blindness::NotRecorded;
            const LeakFlag current = m_annotations.leak(change.item, change.annotator);
            change.oldValue = int(current.verdict);
            change.oldNote = current.note;
        }
    }

    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save"), db.lastError().text());
        return false;
    }
    QSqlQuery upsertLabel(db);
    upsertLabel.prepare(QStringLiteral(
        "INSERT INTO labels(item, run, annotator, label, note, time, label_time, blind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(item, run, annotator) DO UPDATE SET label = excluded.label, note = excluded.note,"
        " time = excluded.time, label_time = excluded.label_time, blind = excluded.blind"));
    QSqlQuery deleteLabel(db);
    deleteLabel.prepare(QStringLiteral("DELETE FROM labels WHERE item = ? AND run = ? AND annotator = ?"));
    QSqlQuery upsertLeak(db);
    upsertLeak.prepare(
        QStringLiteral("INSERT INTO leaks(item, annotator, verdict, note, time) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT(item, annotator) DO UPDATE SET verdict = excluded.verdict, note = excluded.note,"
                       " time = excluded.time"));
    QSqlQuery deleteLeak(db);
    deleteLeak.prepare(QStringLiteral("DELETE FROM leaks WHERE item = ? AND annotator = ?"));
    QSqlQuery upsertTag(db);
    upsertTag.prepare(QStringLiteral("INSERT INTO tags(item, run, annotator, tag, time) VALUES (?, ?, ?, ?, ?)"
                                     " ON CONFLICT(item, run, annotator, tag) DO UPDATE SET time = excluded.time"));
    QSqlQuery deleteTag(db);
    deleteTag.prepare(QStringLiteral("DELETE FROM tags WHERE item = ? AND run = ? AND annotator = ? AND tag = ?"));
    QSqlQuery history(db);
    history.prepare(QStringLiteral("INSERT INTO history(time, annotator, action, kind, item, run, old_value, old_note,"
                                   " new_value, new_note, tag, blind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // A tag name the project has not seen (from an import) joins the vocabulary at its end.
    QHash<QString, qint64> tagIds = m_tagId;
    QStringList addedNames;
    auto tagId = [&](const QString &name, qint64 *id) {
        if (const auto it = tagIds.constFind(name); it != tagIds.cend()) {
            *id = *it;
            return true;
        }
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO tag_names(name, position)"
                           " VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM tag_names)) RETURNING id"));
        insert.addBindValue(name);
        if (!insert.exec() || !insert.next())
            return false;
        *id = insert.value(0).toLongLong();
        insert.finish();
        tagIds.insert(name, *id);
        addedNames.append(name);
        return true;
    };

    const QString stamp = now();
    QStringList stamps;
    QStringList labelTimes;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const AnnotationChange &c = changes[i];
        const QString time = times.value(i).isEmpty() ? stamp : times[i];
        stamps.append(time);
        QString labelTime = time;
        if (c.kind == AnnotationChange::Kind::Label && c.newValue == c.oldValue) {
            const HumanLabel current = m_annotations.label(c.item, c.run, c.annotator);
            labelTime =
                current.labelTime.isEmpty() ? (current.time.isEmpty() ? time : current.time) : current.labelTime;
        }
        labelTimes.append(labelTime);
        const bool empty = c.newValue == 0 && c.newNote.isEmpty();
        QSqlQuery *query = nullptr;
        qint64 tag = 0;
        if (c.kind == AnnotationChange::Kind::Tag) {
            if (!tagId(c.tag, &tag)) {
                db.rollback();
                *error = saveError(db.lastError().text());
                return false;
            }
            query = c.newValue == 0 ? &deleteTag : &upsertTag;
            query->addBindValue(c.item);
            query->addBindValue(c.run);
            query->addBindValue(c.annotator);
            query->addBindValue(tag);
            if (c.newValue != 0)
                query->addBindValue(time);
        } else if (c.kind == AnnotationChange::Kind::Label) {
            query = empty ? &deleteLabel : &upsertLabel;
            query->addBindValue(c.item);
            query->addBindValue(c.run);
            query->addBindValue(c.annotator);
            if (!empty) {
                query->addBindValue(c.newValue == 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(c.newValue));
                query->addBindValue(notNull(c.newNote));
                query->addBindValue(time);
                query->addBindValue(labelTime);
                query->addBindValue(blindValue(c.newBlind));
            }
        } else {
            query = empty ? &deleteLeak : &upsertLeak;
            query->addBindValue(c.item);
            query->addBindValue(c.annotator);
            if (!empty) {
                query->addBindValue(nullIfEmpty(leakVerdictKey(LeakVerdict(c.newValue))));
                query->addBindValue(notNull(c.newNote));
                query->addBindValue(time);
            }
        }
        history.addBindValue(stamp);
        history.addBindValue(c.annotator);
        history.addBindValue(action);
        history.addBindValue(kindKey(c.kind));
        history.addBindValue(c.item);
        history.addBindValue(nullIfEmpty(c.run));
        history.addBindValue(c.oldValue);
        history.addBindValue(notNull(c.oldNote));
        history.addBindValue(c.newValue);
        history.addBindValue(notNull(c.newNote));
        history.addBindValue(c.kind == AnnotationChange::Kind::Tag ? QVariant(tag)
                                                                   : QVariant(QMetaType::fromType<qint64>()));
        history.addBindValue(blindValue(c.newBlind));
        if (!query->exec() || !history.exec()) {
            const QString detail =
                !query->lastError().text().trimmed().isEmpty() ? query->lastError().text() : history.lastError().text();
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
    // Committed: only now does the in-memory state (and what the window shows) change.
    if (!addedNames.isEmpty()) {
        for (const QString &name : std::as_const(addedNames))
            m_tagName.insert(tagIds.value(name), name);
        m_tagId = tagIds;
        m_annotations.setTagNames(m_annotations.tagNames() + addedNames);
    }
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const AnnotationChange &c = changes[i];
        if (c.kind == AnnotationChange::Kind::Tag)
            m_annotations.setTag(c.item, c.run, {c.annotator, c.tag, stamps[i]}, c.newValue != 0);
        else if (c.kind == AnnotationChange::Kind::Label)
            m_annotations.setLabel(c.item, c.run,
                                   {c.annotator, Label(c.newValue), c.newNote, stamps[i], labelTimes[i], c.newBlind});
        else
            m_annotations.setLeak(c.item, {c.annotator, LeakVerdict(c.newValue), c.newNote, stamps[i]});
    }
    if (!addedNames.isEmpty())
        emit tagNamesChanged();
    for (const AnnotationChange &c : std::as_const(changes))
        emit changed(c);
    return true;
}

QString Project::blindModeKey()
{
    return QStringLiteral("blind_mode");
}

bool Project::setBlindMode(bool on, FileError *error)
{
    if (on == m_blindMode)
        return true;
    if (m_readOnly) {
        *error = {m_path, 0, 0, QStringLiteral("the project is read-only. %1").arg(m_readOnlyReason)};
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT INTO state(key, value) VALUES (?, ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(blindModeKey());
    query.addBindValue(on ? QStringLiteral("on") : QStringLiteral("off"));
    if (!query.exec()) {
        *error = sqlError(QStringLiteral("cannot save"), query.lastError().text());
        return false;
    }
    m_blindMode = on;
    return true;
}

QString Project::value(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT value FROM state WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool Project::setValue(const QString &key, const QString &value, FileError *error)
{
    if (m_readOnly)
        return true; // where a reader was is not worth an error in a project they cannot change
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT INTO state(key, value) VALUES (?, ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        *error = sqlError(QStringLiteral("cannot save"), query.lastError().text());
        return false;
    }
    return true;
}

QList<Project::HistoryEntry> Project::history() const
{
    QList<HistoryEntry> entries;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT sequence, time, annotator, action, kind, item, run, old_value, old_note,"
                                   " new_value, new_note, %1, %2 FROM history ORDER BY sequence")
                        .arg(m_version >= 3 ? QStringLiteral("tag") : QStringLiteral("NULL"),
                             m_version >= 4 ? QStringLiteral("blind") : QStringLiteral("NULL"))))
        return entries;
    while (query.next()) {
        HistoryEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.time = query.value(1).toString();
        entry.change.annotator = query.value(2).toString();
        entry.action = query.value(3).toString();
        const QString kind = query.value(4).toString();
        entry.change.kind = kind == QLatin1String("leak")  ? AnnotationChange::Kind::Leak
                            : kind == QLatin1String("tag") ? AnnotationChange::Kind::Tag
                                                           : AnnotationChange::Kind::Label;
        if (!query.value(11).isNull())
            entry.change.tag = m_tagName.value(query.value(11).toLongLong());
        entry.change.item = query.value(5).toLongLong();
        entry.change.run = query.value(6).toString();
        entry.change.oldValue = query.value(7).toInt();
        entry.change.oldNote = query.value(8).toString();
        entry.change.newValue = query.value(9).toInt();
        entry.change.newNote = query.value(10).toString();
        bool ok = true;
        entry.change.newBlind = blindFromValue(query.value(12), &ok);
        entries.append(entry);
    }
    return entries;
}

bool Project::saveAs(const QString &path, FileError *error)
{
    if (m_team) {
        *error = {
            path, 0, 0,
            QStringLiteral("a team project is copied with \"vlsbench-studio project copy\", not saved as a file")};
        return false;
    }
    const QString target = QFileInfo(path).absoluteFilePath();
    if (target == m_path) {
        *error = {path, 0, 0, QStringLiteral("that is the project's own file")};
        return false;
    }
    if (QFileInfo::exists(target)) {
        *error = {path, 0, 0, QStringLiteral("a file of that name exists already")};
        return false;
    }
    {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        query.prepare(QStringLiteral("VACUUM INTO ?"));
        query.addBindValue(target);
        if (!query.exec()) {
            *error = {path, 0, 0, QStringLiteral("cannot write the copy: %1").arg(query.lastError().text())};
            return false;
        }
    }
    // The copy must open before this project lets go of the original; on failure nothing changes.
    std::unique_ptr<Project> copy = open(target, Access::ReadWrite, error);
    if (!copy)
        return false;
    const QList<ProjectInput> inputs = m_inputs;
    std::swap(m_path, copy->m_path);
    std::swap(m_connection, copy->m_connection);
    std::swap(m_lock, copy->m_lock);
    std::swap(m_readOnly, copy->m_readOnly);
    std::swap(m_readOnlyReason, copy->m_readOnlyReason);
    std::swap(m_version, copy->m_version);
    copy.reset(); // closes the original
    // Paths relative to the new place (a failure here leaves the copy usable, with the recorded paths).
    return setInputs(inputs, error);
}

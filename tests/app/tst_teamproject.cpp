// Team projects (issue #17): the same project behaviours on both drivers, SQLite and PostgreSQL. The PostgreSQL
// server is real: tests/support/pgserver.sh starts one for the test run (a CTest fixture) and writes its address to
// $VLSBENCH_TEST_PG_DIR/url. Without it this test fails; it never skips.
#include "app/project/project.h"
#include "app/project/projectlocation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The test server's address, without a project: postgresql://vlsbench@127.0.0.1:PORT/vlsbench_test.
QString serverAddress()
{
    QFile file(qEnvironmentVariable("VLSBENCH_TEST_PG_DIR") + QStringLiteral("/url"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Everything a project holds that a person made, in one text: labels, leak flags, tags, curation, and both
// histories, so two projects can be compared whole.
QString describe(const Project &project)
{
    QStringList lines;
    const Annotations &a = project.annotations();
    for (auto it = a.allLabels().cbegin(); it != a.allLabels().cend(); ++it)
        for (const HumanLabel &h : *it)
            lines.append(QStringLiteral("label %1 %2 %3 %4 %5 %6")
                             .arg(it.key().item)
                             .arg(it.key().run, h.annotator)
                             .arg(int(h.label))
                             .arg(h.note, h.time));
    for (auto it = a.allLeaks().cbegin(); it != a.allLeaks().cend(); ++it)
        for (const LeakFlag &f : *it)
            lines.append(
                QStringLiteral("leak %1 %2 %3 %4").arg(it.key()).arg(f.annotator).arg(int(f.verdict)).arg(f.note));
    for (auto it = a.allTags().cbegin(); it != a.allTags().cend(); ++it)
        for (const ResponseTag &t : *it)
            lines.append(QStringLiteral("tag %1 %2 %3 %4").arg(it.key().item).arg(it.key().run, t.annotator, t.tag));
    lines.append(QStringLiteral("tag names ") + a.tagNames().join(QLatin1Char('|')));
    const Curation &c = project.curation();
    for (auto it = c.allEdits().cbegin(); it != c.allEdits().cend(); ++it)
        for (auto f = it->cbegin(); f != it->cend(); ++f)
            lines.append(QStringLiteral("edit %1 %2 %3 %4").arg(it.key()).arg(int(f.key())).arg(f->value, f->reason));
    for (auto it = c.allExclusions().cbegin(); it != c.allExclusions().cend(); ++it)
        lines.append(QStringLiteral("excluded %1 %2").arg(it.key()).arg(it->reason));
    for (auto it = c.allStatuses().cbegin(); it != c.allStatuses().cend(); ++it)
        lines.append(QStringLiteral("status %1 %2").arg(it.key()).arg(int(*it)));
    for (auto it = c.allComments().cbegin(); it != c.allComments().cend(); ++it)
        lines.append(QStringLiteral("comment %1 %2").arg(it.key()).arg(it->text));
    lines.sort();
    for (const Project::HistoryEntry &e : project.history())
        lines.append(QStringLiteral("history %1 %2 %3 %4 %5 %6 %7")
                         .arg(e.action)
                         .arg(int(e.change.kind))
                         .arg(e.change.item)
                         .arg(e.change.run)
                         .arg(e.change.oldValue)
                         .arg(e.change.newValue)
                         .arg(e.change.newNote));
    for (const Project::CurationEntry &e : project.curationHistory())
        lines.append(QStringLiteral("curation %1 %2 %3 %4 %5 %6")
                         .arg(e.step)
                         .arg(e.action)
                         .arg(int(e.change.kind))
                         .arg(e.change.item)
                         .arg(e.change.newValue)
                         .arg(e.change.newNote));
    return lines.join(QLatin1Char('\n'));
}

// Every row of every table of a project file, as text, in a fixed order: two files with the same dump hold the same
// project.
QString dump(const QString &file)
{
    QString out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
        db.setDatabaseName(file);
        if (!db.open())
            return QStringLiteral("cannot open ") + file;
        for (const QString &table : Project::copiedTables()) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(table)))
                return QStringLiteral("cannot read ") + table;
            QStringList rows;
            while (query.next()) {
                QStringList cells;
                for (int i = 0; i < query.record().count(); ++i)
                    cells.append(query.value(i).isNull() ? QStringLiteral("NULL")
                                                         : QStringLiteral("%1:%2").arg(query.value(i).typeName(),
                                                                                       query.value(i).toString()));
                rows.append(cells.join(QLatin1Char('|')));
            }
            rows.sort();
            out +=
                QStringLiteral("== %1 (%2 rows)\n%3\n").arg(table).arg(rows.size()).arg(rows.join(QLatin1Char('\n')));
        }
        QSqlQuery version(db);
        version.exec(QStringLiteral("PRAGMA user_version"));
        version.next();
        out += QStringLiteral("user_version %1\n").arg(version.value(0).toInt());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    return out;
}

} // namespace

class TestTeamProject : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_server;

    // A new project's location on the driver of the current data row: a file, or a team project of a fresh name.
    QString location(const QString &name) const
    {
        QFETCH_GLOBAL(bool, team);
        if (!team)
            return m_dir.filePath(name + QStringLiteral(".vlsproj"));
        return QStringLiteral("%1?project=%2_%3")
            .arg(m_server, name)
            .arg(QRandomGenerator::global()->generate() % 1000000);
    }
    static std::unique_ptr<Project> reopen(std::unique_ptr<Project> project,
                                           Project::Access access = Project::Access::ReadWrite)
    {
        const QString where = project->path();
        project.reset();
        FileError error;
        auto again = Project::open(where, access, &error);
        if (!again)
            qFatal("cannot reopen %s: %s", qPrintable(where), qPrintable(error.toString()));
        return again;
    }
    // A second connection to the project's own database, for what the project itself would never do.
    static QSqlDatabase rawConnection(const Project &project, const QString &name)
    {
        QSqlDatabase db;
        if (project.isTeam()) {
            ProjectLocation where;
            QString why;
            ProjectLocation::parse(project.path(), &where, &why);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(where.host);
            db.setPort(where.port);
            db.setDatabaseName(where.database);
            db.setUserName(where.user);
            if (db.open())
                QSqlQuery(db).exec(QStringLiteral("SET search_path TO ") + where.schema());
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(project.path());
            db.open();
        }
        return db;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("team");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = serverAddress();
        QVERIFY2(!m_server.isEmpty(), "no PostgreSQL test server: tests/support/pgserver.sh start DIR, and "
                                      "VLSBENCH_TEST_PG_DIR=DIR (CTest's postgres fixture does both)");
    }

    void labelsNotesTagsAndCurationAreKeptAndUndone()
    {
        FileError error;
        auto project = Project::create(location(QStringLiteral("behaviour")), {}, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->formatVersion(), Project::kSchemaVersion);
        const QString run = QStringLiteral("model-a");
        const QString ana = QStringLiteral("ana");
        QVERIFY2(project->setLabel(1, run, ana, Label::Unsafe, &error), qPrintable(error.toString()));
        QVERIFY(project->setLabel(1, run, QStringLiteral("bo"), Label::Warning, &error));
        QVERIFY(project->setLabelNote(1, run, ana, QStringLiteral("step 3 is the harm\n— 第三步 🙂"), &error));
        QVERIFY(project->setLeak(2, ana, LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeakNote(2, ana, QStringLiteral("\"the knife\""), &error));
        QVERIFY(project->setTag(1, run, ana, QStringLiteral("harmful detail"), true, &error));
        QVERIFY(project->setTag(1, run, ana, QStringLiteral("a new tag"), true, &error)); // joins the vocabulary
        QVERIFY(project->setItemField(3, ItemField::Category, QStringLiteral("Privacy"), ana,
                                      QStringLiteral("wrong category"), &error));
        QVERIFY(project->setExcluded(4, true, QStringLiteral("duplicate of #3"), ana, &error));
        QVERIFY(project->setCurationStatus(5, CurationStatus::NeedsFix, ana, &error));
        QVERIFY(project->setItemComment(5, QStringLiteral("blurred"), ana, &error));
        QVERIFY(project->setValue(QStringLiteral("view/last"), QStringLiteral("7"), &error));
        // Undo and redo run through the same tables.
        AnnotationChange applied;
        QVERIFY(project->undo(&applied, &error));
        QCOMPARE(applied.kind, AnnotationChange::Kind::Comment);
        QVERIFY(!project->curation().comment(5));
        QVERIFY(project->redo(&applied, &error));
        QVERIFY(project->undo(&applied, &error));
        QVERIFY(project->undo(&applied, &error));
        QCOMPARE(project->curation().status(5), CurationStatus::Unchecked);
        QVERIFY(project->redo(&applied, &error));
        QVERIFY(project->redo(&applied, &error));

        const QString before = describe(*project);
        project = reopen(std::move(project));
        QCOMPARE(describe(*project), before);
        const Annotations &a = project->annotations();
        QCOMPARE(a.label(1, run, ana).label, Label::Unsafe);
        QCOMPARE(a.label(1, run, ana).note, QStringLiteral("step 3 is the harm\n— 第三步 🙂"));
        QCOMPARE(a.leak(2, ana).verdict, LeakVerdict::Leaks);
        QCOMPARE(a.tags(1, run, ana), (QStringList{QStringLiteral("harmful detail"), QStringLiteral("a new tag")}));
        QVERIFY(a.tagNames().endsWith(QStringLiteral("a new tag")));
        QCOMPARE(project->curation().edit(3, ItemField::Category)->value, QStringLiteral("Privacy"));
        QCOMPARE(project->curation().exclusion(4)->reason, QStringLiteral("duplicate of #3"));
        QCOMPARE(project->curation().status(5), CurationStatus::NeedsFix);
        QCOMPARE(project->curation().comment(5)->text, QStringLiteral("blurred"));
        QCOMPARE(project->value(QStringLiteral("view/last")), QStringLiteral("7"));
        QCOMPARE(project->history().size(), 7); // 2 labels, a note, a leak flag and its note, 2 tags
        // 4 changes; the comment undone, redone, undone again with the status, both redone
        QCOMPARE(project->curationHistory().size(), 10);
    }

    void theHistoryCannotBeRewritten()
    {
        FileError error;
        auto project = Project::create(location(QStringLiteral("guard")), {}, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(project->setLabel(1, QStringLiteral("m"), QStringLiteral("ana"), Label::Refusal, &error));
        QVERIFY(project->setExcluded(2, true, QStringLiteral("other: blurred"), QStringLiteral("ana"), &error));
        {
            QSqlDatabase db = rawConnection(*project, QStringLiteral("guard"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            for (const QString &table : {QStringLiteral("history"), QStringLiteral("curation_history")}) {
                QVERIFY(!query.exec(QStringLiteral("UPDATE %1 SET annotator = 'mallory'").arg(table)));
                QVERIFY2(query.lastError().text().contains(QStringLiteral("append-only")),
                         qPrintable(query.lastError().text()));
                QVERIFY(!query.exec(QStringLiteral("DELETE FROM %1").arg(table)));
                if (project->isTeam()) // SQLite has no TRUNCATE; PostgreSQL's is guarded too
                    QVERIFY(!query.exec(QStringLiteral("TRUNCATE %1").arg(table)));
            }
            // A table edited behind the project's back no longer agrees with its history.
            QVERIFY2(query.exec(QStringLiteral("UPDATE labels SET label = 3")), qPrintable(query.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("guard"));
        const QString where = project->path();
        project.reset();
        QVERIFY(!Project::open(where, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("differs from its history")) ||
                     error.message.contains(QStringLiteral("damaged")),
                 qPrintable(error.toString()));
    }

    void readOnlyMeansReadOnly()
    {
        FileError error;
        auto project = Project::create(location(QStringLiteral("readonly")), {}, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(project->setLabel(9, QStringLiteral("m"), QStringLiteral("ana"), Label::Warning, &error));
        project = reopen(std::move(project), Project::Access::ReadOnly);
        QVERIFY(project->isReadOnly());
        QCOMPARE(project->annotations().label(9, QStringLiteral("m"), QStringLiteral("ana")).label, Label::Warning);
        QVERIFY(!project->setLabel(9, QStringLiteral("m"), QStringLiteral("ana"), Label::Unsafe, &error));
    }

    void aSecondCreateIsRefusedAndAMissingProjectIsSaid()
    {
        FileError error;
        const QString where = location(QStringLiteral("twice"));
        auto first = Project::create(where, {}, &error);
        QVERIFY2(first, qPrintable(error.toString()));
        QVERIFY(!Project::create(where, {}, &error));
        QVERIFY2(error.message.contains(QStringLiteral("exists already")), qPrintable(error.toString()));
        const QString missing = location(QStringLiteral("missing"));
        QVERIFY(!Project::open(missing, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("no such")), qPrintable(error.toString()));
    }

    void aCopyRoundTripLosesNothing()
    {
        QFETCH_GLOBAL(bool, team);
        if (team)
            return; // the round trip itself goes through both drivers: file → team → file
        FileError error;
        const QString file = m_dir.filePath(QStringLiteral("original.vlsproj"));
        {
            auto project = Project::create(
                file,
                {{ProjectInput::Role::Dataset, m_dir.filePath(QStringLiteral("data.json")), {}, "ab12", 42},
                 {ProjectInput::Role::Results, m_dir.filePath(QStringLiteral("m.json")), QStringLiteral("m"), {}, 7}},
                &error);
            QVERIFY2(project, qPrintable(error.toString()));
            const QString run = QStringLiteral("m");
            QVERIFY(project->setLabel(1, run, QStringLiteral("ana"), Label::Unsafe, &error));
            QVERIFY(project->setLabelNote(1, run, QStringLiteral("ana"), QStringLiteral("多行\n'quoted'"), &error));
            QVERIFY(project->setLabel(2, run, QStringLiteral("bo"), Label::Refusal, &error));
            QVERIFY(project->setLabel(2, run, QStringLiteral("bo"), Label::Invalid, &error)); // a cleared label
            QVERIFY(project->setLeak(3, QStringLiteral("ana"), LeakVerdict::Unsure, &error));
            QVERIFY(project->setTag(1, run, QStringLiteral("ana"), QStringLiteral("my own tag"), true, &error));
            QVERIFY(project->setItemField(4, ItemField::Instruction, QStringLiteral("What is shown?"),
                                          QStringLiteral("ana"), QStringLiteral("leaks"), &error));
            QVERIFY(project->setExcluded(5, true, QStringLiteral("duplicate of #4"), QStringLiteral("bo"), &error));
            QVERIFY(project->setItemComment(5, QStringLiteral("same picture"), QStringLiteral("bo"), &error));
            AnnotationChange applied;
            QVERIFY(project->undo(&applied, &error));
            QVERIFY(project->redo(&applied, &error));
            JudgeRunInfo info{QStringLiteral("judge-a"),
                              JudgeRunInfo::Kind::Leakage,
                              QStringLiteral("http://judge"),
                              QStringLiteral("model-x"),
                              {}};
            QVERIFY2(project->addJudgeRun(info, {JudgePrompt::defaultFor(JudgeKind::LeakTextOnly)}, &error),
                     qPrintable(error.toString()));
            Judgment j;
            j.item = 4;
            j.target = kLeakTextTarget;
            j.label = JudgeLabel::valid(Label::Unsafe);
            j.explanation = QStringLiteral("names the weapon");
            j.promptTokens = 120;
            j.time = QStringLiteral("2026-12-02T10:00:00.000Z");
            QVERIFY2(project->storeJudgments(info.name, {j}, &error), qPrintable(error.toString()));
            QVERIFY(project->setValue(QStringLiteral("view/last"), QStringLiteral("4"), &error));
        }
        const QString teamAddress =
            QStringLiteral("%1?project=copy_%2").arg(m_server).arg(QRandomGenerator::global()->generate() % 1000000);
        Project::CopySummary summary;
        QVERIFY2(Project::copy(file, teamAddress, &summary, &error), qPrintable(error.toString()));
        QCOMPARE(summary.target, teamAddress);
        const QString back = m_dir.filePath(QStringLiteral("back.vlsproj"));
        QVERIFY2(Project::copy(teamAddress, back, &summary, &error), qPrintable(error.toString()));
        QCOMPARE(dump(back), dump(file));
        QVERIFY(dump(file).contains(QStringLiteral("names the weapon"))); // the dump does see every table
        {
            auto original = Project::open(file, Project::Access::ReadOnly, &error);
            auto teamProject = Project::open(teamAddress, Project::Access::ReadWrite, &error);
            QVERIFY2(teamProject, qPrintable(error.toString()));
            QCOMPARE(describe(*teamProject), describe(*original));
            QCOMPARE(teamProject->judgeResults().find(QStringLiteral("judge-a"), 4, kLeakTextTarget)->explanation,
                     QStringLiteral("names the weapon"));
            // The team project numbers its history on from where the original stopped.
            const qint64 last = original->history().constLast().sequence;
            QVERIFY(teamProject->setLabel(7, QStringLiteral("m"), QStringLiteral("cy"), Label::Warning, &error));
            QCOMPARE(teamProject->history().constLast().sequence, last + 1);
        }
        // Nothing is copied over a project that exists, and a failed copy leaves nothing behind.
        QVERIFY(!Project::copy(file, back, &summary, &error));
        QVERIFY2(error.message.contains(QStringLiteral("exists already")), qPrintable(error.toString()));
        QVERIFY(!Project::copy(m_dir.filePath(QStringLiteral("none.vlsproj")), teamAddress + QStringLiteral("x"),
                               &summary, &error));
    }

    void theCommandLineCopiesAndReadsTeamProjects()
    {
        QFETCH_GLOBAL(bool, team);
        if (team)
            return; // the commands go through both drivers themselves
        const QString sample = QStringLiteral(VLSBENCH_SAMPLE_DIR);
        const QString file = m_dir.filePath(QStringLiteral("cli.vlsproj"));
        auto run = [](const QStringList &arguments, QString *out = nullptr, QString *err = nullptr) {
            QProcess process;
            process.start(QStringLiteral(VLSBENCH_BINARY), arguments);
            process.waitForFinished(120000);
            if (out)
                *out = QString::fromUtf8(process.readAllStandardOutput());
            if (err)
                *err = QString::fromUtf8(process.readAllStandardError());
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        };
        QString out;
        QString err;
        QCOMPARE(run({"curate", "--project", file, "--dataset", sample + "/data.json", "--results",
                      sample + "/results/basalt-13b.json", "--item", "1", "--exclude", "duplicate of #0", "--annotator",
                      "ana", "--reason", "duplicate of #0"},
                     &out, &err),
                 0);
        const QString address =
            QStringLiteral("%1?project=cli_%2").arg(m_server).arg(QRandomGenerator::global()->generate() % 1000000);
        QCOMPARE(run({"project", "copy", "--from", file, "--to", address}, &out, &err), 0);
        QVERIFY2(out.startsWith(QStringLiteral("copied to %1: ").arg(address)), qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("1 exclusions")), qPrintable(out));
        // Commands take the address wherever they take a project file, and read the same figures.
        QString fromFile;
        QString fromTeam;
        QCOMPARE(run({"stats", "--project", file, "--curated", "--format", "json"}, &fromFile), 0);
        QCOMPARE(run({"stats", "--project", address, "--curated", "--format", "json"}, &fromTeam, &err), 0);
        QCOMPARE(fromTeam, fromFile);
        QVERIFY(fromTeam.contains(QStringLiteral("\"matched\": 62")));
        // Labels go in from the command line too: an import into the team project.
        const QString labels = m_dir.filePath(QStringLiteral("labels.json"));
        QFile json(labels);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"format": "vlsbench-studio/annotations", "version": 1, "annotations": [
            {"item": 2, "run": "basalt-13b", "annotator": "bo", "label": 3, "time": "2026-12-01T10:00:00Z"}]})");
        json.close();
        QCOMPARE(run({"import-annotations", "--project", address, labels}, &out, &err), 0);
        FileError error;
        auto project = Project::open(address, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(2, QStringLiteral("basalt-13b"), QStringLiteral("bo")).label,
                 Label::Unsafe);
        // A bad address is said, and no password in one is ever used or repeated.
        QCOMPARE(run({"stats", "--project", "postgresql://ana:hunter2@127.0.0.1/x?project=p"}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("must not hold a password")) && !err.contains(QStringLiteral("hunter2")),
                 qPrintable(err));
    }

    void anotherMembersChangeArrivesWithinASecond()
    {
        QFETCH_GLOBAL(bool, team);
        if (!team)
            return; // a project file has one writer
        FileError error;
        const QString where = location(QStringLiteral("live"));
        auto first = Project::create(where, {}, &error);
        QVERIFY2(first, qPrintable(error.toString()));
        auto second = Project::open(where, Project::Access::ReadWrite, &error);
        QVERIFY2(second, qPrintable(error.toString()));
        QSignalSpy reloaded(second.get(), &Project::reloaded);
        QSignalSpy ownReload(first.get(), &Project::reloaded);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(first->setLabel(11, QStringLiteral("m"), QStringLiteral("ana"), Label::Unsafe, &error));
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 1000);
        qInfo("the label showed in the other connection after %lld ms", qlonglong(clock.elapsed()));
        QCOMPARE(second->annotations().label(11, QStringLiteral("m"), QStringLiteral("ana")).label, Label::Unsafe);
        // Curation too, and both ways; a change is not read back by the connection that made it.
        QVERIFY(second->setExcluded(12, true, QStringLiteral("other: blurred"), QStringLiteral("bo"), &error));
        QTRY_VERIFY_WITH_TIMEOUT(first->curation().isExcluded(12), 1000);
        QCOMPARE(ownReload.size(), 1);
        QCOMPARE(reloaded.size(), 1);
        // The second member labels on top of what it read: both labels are there for everyone.
        QVERIFY(second->setLabel(11, QStringLiteral("m"), QStringLiteral("bo"), Label::Warning, &error));
        QTRY_COMPARE_WITH_TIMEOUT(first->annotations().labels(11, QStringLiteral("m")).size(), 2, 1000);
    }

    void addressesAreReadStrictly()
    {
        QFETCH_GLOBAL(bool, team);
        if (team)
            return; // one run is enough: no database is involved
        ProjectLocation where;
        QString why;
        QVERIFY(ProjectLocation::parse(QStringLiteral("/tmp/a.vlsproj"), &where, &why));
        QVERIFY(!where.isTeam());
        QVERIFY(ProjectLocation::parse(
            QStringLiteral("postgresql://anna@db.lab.example:5433/reviews?project=judge_check&sslmode=verify-full"),
            &where, &why));
        QVERIFY(where.isTeam());
        QCOMPARE(where.host, QStringLiteral("db.lab.example"));
        QCOMPARE(where.port, 5433);
        QCOMPARE(where.user, QStringLiteral("anna"));
        QCOMPARE(where.database, QStringLiteral("reviews"));
        QCOMPARE(where.project, QStringLiteral("judge_check"));
        QCOMPARE(where.schema(), QStringLiteral("vlsbench_judge_check"));
        QCOMPARE(where.sslmode, QStringLiteral("verify-full"));
        QVERIFY(where.connectOptions().contains(QStringLiteral("sslmode=verify-full")));
        QCOMPARE(
            where.address(),
            QStringLiteral("postgresql://anna@db.lab.example:5433/reviews?project=judge_check&sslmode=verify-full"));
        QVERIFY(ProjectLocation::parse(QStringLiteral("postgres:///reviews?project=p1"), &where, &why));
        QCOMPARE(where.address(), QStringLiteral("postgresql:///reviews?project=p1"));
        const std::pair<const char *, const char *> bad[] = {
            {"postgresql://anna:secret@db/reviews?project=p", "must not hold a password"},
            {"postgresql://db/reviews", "names no project"},
            {"postgresql://db/reviews?project=Judge-Check", "lower-case letters"},
            {"postgresql://db/reviews?project=p&sslmode=sometimes", "sslmode=sometimes is not one of"},
            {"postgresql://db/reviews?project=p&password=x", "unknown setting \"password\""},
            {"postgresql://db/a/b?project=p", "the database's name alone"},
        };
        for (const auto &[text, message] : bad) {
            QVERIFY2(!ProjectLocation::parse(QString::fromUtf8(text), &where, &why), text);
            QVERIFY2(why.contains(QString::fromUtf8(message)), qPrintable(why));
            QVERIFY2(!why.contains(QStringLiteral("secret")), qPrintable(why)); // a password is never repeated
        }
    }
};

QTEST_GUILESS_MAIN(TestTeamProject)
#include "tst_teamproject.moc"

#include "testfiles.h"

#include "app/project/annotationexchange.h"
#include "app/project/project.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

class TestProject : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("p%1.vlsproj").arg(++m_counter)); }

    static QList<ProjectInput> someInputs(const QString &folder)
    {
        const QString data = TestFiles::write(folder + QStringLiteral("/data/data.json"), "[]");
        const QString run = TestFiles::write(folder + QStringLiteral("/data/run.json"), "[]");
        return {{ProjectInput::Role::Dataset, data, {}, "aa", 2}, {ProjectInput::Role::Results, run, "run", "bb", 2}};
    }

    // The id of a process that has ended and been reaped.
    static qint64 deadPid()
    {
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        int status = 0;
        ::waitpid(child, &status, 0);
        return child;
    }

    // Runs statements on the file through a connection of its own, as another program would.
    static QString rawExec(const QString &path, const QString &sql) { return rawExec(path, QStringList{sql}); }
    static QString rawExec(const QString &path, const QStringList &statements)
    {
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery query(db);
            for (const QString &sql : statements) {
                if (error.isEmpty() && !query.exec(sql))
                    error = query.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        return error;
    }

    // A closed project with two labels, a note and a leak flag, the way the window leaves one.
    QString annotatedProject()
    {
        const QString path = freshPath();
        FileError error;
        auto project = Project::create(path, {}, &error);
        if (!project || !project->setLabel(5, QStringLiteral("r"), QStringLiteral("ana"), Label::Warning, &error) ||
            !project->setLabel(6, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error) ||
            !project->setLabelNote(6, QStringLiteral("r"), QStringLiteral("ana"), QStringLiteral("steps"), &error) ||
            !project->setLeak(5, QStringLiteral("ana"), LeakVerdict::Leaks, &error))
            qFatal("cannot make a project: %s", qPrintable(error.toString()));
        return path;
    }

    // Everything a reader of the annotations would see, as one comparable text.
    static QString describe(const Annotations &annotations)
    {
        QStringList lines;
        for (qint64 item : {5, 6, 7}) {
            const HumanLabel label = annotations.label(item, QStringLiteral("r"), QStringLiteral("ana"));
            const LeakFlag leak = annotations.leak(item, QStringLiteral("ana"));
            lines << QStringLiteral("%1 %2 %3 %4 %5 %6")
                         .arg(item)
                         .arg(int(label.label))
                         .arg(label.note, label.annotator)
                         .arg(int(leak.verdict))
                         .arg(leak.note);
        }
        return lines.join(QLatin1Char('\n'));
    }

    // A closed project where ana tagged item 5's response and bo tagged item 6's.
    QString taggedProject()
    {
        const QString path = annotatedProject();
        FileError error;
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        if (!project ||
            !project->setTag(5, QStringLiteral("r"), QStringLiteral("ana"), QStringLiteral("over-refusal"), true,
                             &error) ||
            !project->setTag(6, QStringLiteral("r"), QStringLiteral("bo"), QStringLiteral("harmful detail"), true,
                             &error))
            qFatal("cannot tag a project: %s", qPrintable(error.toString()));
        return path;
    }

    // Turns a project of this format back into format 4: no curation tables, and none of format 6's comments.
    static QStringList formatFourStatements()
    {
        return {"DROP TABLE item_edits", "DROP TABLE exclusions", "DROP TABLE curation_status",
                "DROP TABLE curation_history", "DROP TABLE item_comments"};
    }

    // Turns a project of this format back into format 3: no blindness recorded, no blind-review setting.
    static QStringList formatThreeStatements()
    {
        return formatFourStatements() +
               QStringList{"ALTER TABLE labels DROP COLUMN blind", "ALTER TABLE history DROP COLUMN blind",
                           "DELETE FROM state WHERE key = 'blind_mode'", "PRAGMA user_version = 3"};
    }

    // Turns a project of this format back into format 2 (no tag tables, the history without tags); the caller sets
    // user_version.
    static QStringList formatTwoStatements()
    {
        return formatFourStatements() +
               QStringList{"ALTER TABLE labels DROP COLUMN blind",
                           "DELETE FROM state WHERE key = 'blind_mode'",
                           "DROP TABLE tags",
                           "DROP TABLE tag_names",
                           "CREATE TABLE history_v2(sequence INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
                           " annotator TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo', "
                           "'import')),"
                           " kind TEXT NOT NULL CHECK (kind IN ('label', 'leak')), item INTEGER NOT NULL, run TEXT,"
                           " old_value INTEGER NOT NULL CHECK (old_value BETWEEN 0 AND 3), old_note TEXT NOT NULL,"
                           " new_value INTEGER NOT NULL CHECK (new_value BETWEEN 0 AND 3), new_note TEXT NOT NULL)",
                           "INSERT INTO history_v2 SELECT sequence, time, annotator, action, kind, item, run, "
                           "old_value, old_note,"
                           " new_value, new_note FROM history",
                           "DROP TABLE history",
                           "ALTER TABLE history_v2 RENAME TO history",
                           "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN"
                           " SELECT RAISE(ABORT, 'the history is append-only'); END",
                           "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN"
                           " SELECT RAISE(ABORT, 'the history is append-only'); END"};
    }

private slots:
    void formatFourProjectIsUpgradedWithCuration()
    {
        const QString path = freshPath();
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
        }
        QCOMPARE(rawExec(path, formatFourStatements() + QStringList{"PRAGMA user_version = 4"}), QString());
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QCOMPARE(reader->formatVersion(), 4);
            QVERIFY(reader->curation().isEmpty());
            QVERIFY(!reader->setItemField(1, ItemField::Category, QStringLiteral("Hate"), QStringLiteral("ana"), {},
                                          &error));
        }
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->formatVersion(), 6);
        QCOMPARE(project->annotations().label(1, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Unsafe);
        QVERIFY2(project->setExcluded(1, true, QStringLiteral("wrong category"), QStringLiteral("ana"), &error),
                 qPrintable(error.toString()));
        QCOMPARE(project->curation().exclusion(1)->reason, QStringLiteral("wrong category"));
    }

    void createEditReopen()
    {
        const QString path = freshPath();
        const QList<ProjectInput> inputs = someInputs(m_dir.path());
        FileError error;
        {
            auto project = Project::create(path, inputs, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QSignalSpy changed(project.get(), &Project::changed);
            QVERIFY2(project->setLabel(7, QStringLiteral("run"), QStringLiteral("ana"), Label::Unsafe, &error),
                     qPrintable(error.toString()));
            QVERIFY(project->setLabelNote(7, QStringLiteral("run"), QStringLiteral("ana"),
                                          QStringLiteral("gives steps"), &error));
            QVERIFY(project->setLeak(7, QStringLiteral("ana"), LeakVerdict::Leaks, &error));
            QVERIFY(project->setLeakNote(7, QStringLiteral("ana"), QStringLiteral("\"the knife\""), &error));
            QVERIFY(project->setLabel(8, QStringLiteral("run"), QStringLiteral("bo"), Label::Refusal, &error));
            QVERIFY(project->setValue(QStringLiteral("current_item"), QStringLiteral("8"), &error));
            QCOMPARE(changed.count(), 5);
            QCOMPARE(project->annotations().labelledCount(QStringLiteral("run"), QStringLiteral("ana")), 1);
        }
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(!project->isReadOnly());
        QCOMPARE(project->inputs(), inputs);
        const HumanLabel ana = project->annotations().label(7, QStringLiteral("run"), QStringLiteral("ana"));
        QCOMPARE(ana.label, Label::Unsafe);
        QCOMPARE(ana.note, QStringLiteral("gives steps"));
        QVERIFY(ana.time.endsWith(QLatin1Char('Z')));
        const LeakFlag leak = project->annotations().leak(7, QStringLiteral("ana"));
        QCOMPARE(leak.verdict, LeakVerdict::Leaks);
        QCOMPARE(leak.note, QStringLiteral("\"the knife\""));
        QCOMPARE(project->annotations().label(8, QStringLiteral("run"), QStringLiteral("bo")).label, Label::Refusal);
        QCOMPARE(project->annotations().annotators(), QStringList({"ana", "bo"}));
        QCOMPARE(project->value(QStringLiteral("current_item")), QStringLiteral("8"));
        QVERIFY(!project->canUndo()); // undo belongs to a session
    }

    void historyIsAppendOnlyAndTruthful()
    {
        const QString path = freshPath();
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Warning, &error));
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Invalid, &error));
            AnnotationChange undone;
            QVERIFY(project->undo(&undone, &error));
            const QList<Project::HistoryEntry> history = project->history();
            QCOMPARE(history.size(), 4);
            QCOMPARE(history[0].action, QStringLiteral("edit"));
            QCOMPARE(history[0].change.oldValue, 0);
            QCOMPARE(history[0].change.newValue, 2);
            QCOMPARE(history[1].change.oldValue, 2);
            QCOMPARE(history[1].change.newValue, 3);
            QCOMPARE(history[2].change.newValue, 0);
            QCOMPARE(history[3].action, QStringLiteral("undo"));
            QCOMPARE(history[3].change.oldValue, 0);
            QCOMPARE(history[3].change.newValue, 3);
            QCOMPARE(history[3].change.annotator, QStringLiteral("ana"));
            QVERIFY(history[0].sequence < history[3].sequence);
        }
        QVERIFY(
            rawExec(path, QStringLiteral("UPDATE history SET new_value = 1")).contains(QStringLiteral("append-only")));
        QVERIFY(rawExec(path, QStringLiteral("DELETE FROM history")).contains(QStringLiteral("append-only")));
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QCOMPARE(project->history().size(), 4);
        QCOMPARE(project->annotations().label(1, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Unsafe);
    }

    void undoRedoAcrossItems()
    {
        FileError error;
        auto project = Project::create(freshPath(), {}, &error);
        QVERIFY(project);
        const QString a = QStringLiteral("ana");
        QVERIFY(project->setLabel(10, QStringLiteral("r1"), a, Label::Unsafe, &error));
        QVERIFY(project->setLabel(20, QStringLiteral("r2"), a, Label::Refusal, &error));
        QVERIFY(project->setLeak(30, a, LeakVerdict::Unsure, &error));
        QVERIFY(project->canUndo());
        QVERIFY(!project->canRedo());

        AnnotationChange c;
        QVERIFY(project->undo(&c, &error));
        QCOMPARE(c.kind, AnnotationChange::Kind::Leak);
        QCOMPARE(c.item, 30);
        QCOMPARE(project->annotations().leak(30, a).verdict, LeakVerdict::None);
        QVERIFY(project->undo(&c, &error));
        QCOMPARE(c.item, 20);
        QCOMPARE(c.run, QStringLiteral("r2"));
        QCOMPARE(project->annotations().label(20, QStringLiteral("r2"), a).label, Label::Invalid);
        QCOMPARE(project->annotations().label(10, QStringLiteral("r1"), a).label, Label::Unsafe);

        QVERIFY(project->redo(&c, &error));
        QCOMPARE(c.item, 20);
        QCOMPARE(project->annotations().label(20, QStringLiteral("r2"), a).label, Label::Refusal);
        // A new edit drops what could have been redone.
        QVERIFY(project->setLabel(40, QStringLiteral("r1"), a, Label::Warning, &error));
        QVERIFY(!project->canRedo());
        QVERIFY(project->undo(&c, &error));
        QCOMPARE(c.item, 40);
        QVERIFY(project->undo(&c, &error));
        QVERIFY(project->undo(&c, &error));
        QCOMPARE(c.item, 10);
        QVERIFY(!project->canUndo());
        QVERIFY(!project->undo(&c, &error));
        QVERIFY(project->annotations().isEmpty());
    }

    void noteEditsMergeIntoOneUndoStep()
    {
        FileError error;
        auto project = Project::create(freshPath(), {}, &error);
        const QString a = QStringLiteral("ana");
        const QString r = QStringLiteral("r");
        QVERIFY(project->setLabel(1, r, a, Label::Warning, &error));
        QVERIFY(project->setLabelNote(1, r, a, QStringLiteral("par"), &error));
        QVERIFY(project->setLabelNote(1, r, a, QStringLiteral("partial"), &error, Project::Merge::WithPrevious));
        QVERIFY(project->setLabelNote(1, r, a, QStringLiteral("partial advice"), &error, Project::Merge::WithPrevious));
        QCOMPARE(project->history().size(), 4); // every save is in the history ...
        AnnotationChange c;
        QVERIFY(project->undo(&c, &error)); // ... but one undo takes the whole note back
        QCOMPARE(project->annotations().label(1, r, a).note, QString());
        QCOMPARE(project->annotations().label(1, r, a).label, Label::Warning);
        QVERIFY(project->undo(&c, &error));
        QVERIFY(project->annotations().isEmpty());
    }

    void secondWriterIsRefused()
    {
        const QString path = freshPath();
        FileError error;
        auto first = Project::create(path, {}, &error);
        QVERIFY(first);
        FileError second;
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &second));
        QVERIFY2(second.message.contains(QStringLiteral("already open in another VLSBench Studio")),
                 qPrintable(second.toString()));
        QVERIFY(second.message.contains(QString::number(QCoreApplication::applicationPid())));
        // A reader is fine, and sees committed edits.
        QVERIFY(first->setLabel(3, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
        auto reader = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(reader, qPrintable(error.toString()));
        QCOMPARE(reader->annotations().label(3, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Unsafe);
        reader.reset();
        first.reset();
        QVERIFY2(Project::open(path, Project::Access::ReadWrite, &error), qPrintable(error.toString()));
    }

    void newerSchemaIsRefused()
    {
        const QString path = freshPath();
        FileError error;
        QVERIFY(Project::create(path, {}, &error));
        const int newer = Project::kSchemaVersion + 1;
        QCOMPARE(rawExec(path, QStringLiteral("PRAGMA user_version = %1").arg(newer)), QString());
        const QByteArray before = TestFiles::readAll(path);
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("newer VLSBench Studio (project format %1").arg(newer)),
                 qPrintable(error.toString()));
        QCOMPARE(error.file, QFileInfo(path).absoluteFilePath());
        QCOMPARE(TestFiles::readAll(path), before);
    }

    void formatOneProjectIsUpgraded()
    {
        // A project from before judge runs: no judge tables, user_version 1.
        const QString path = freshPath();
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Warning, &error));
        }
        // Format 1 had no tag tables either (format 3).
        QCOMPARE(rawExec(path, formatTwoStatements()), QString());
        for (const char *statement :
             {"DROP TABLE judgments", "DROP TABLE prompts", "DROP TABLE judge_runs", "PRAGMA user_version = 1"})
            QCOMPARE(rawExec(path, QString::fromLatin1(statement)), QString());
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QVERIFY(reader->judgeResults().runs().isEmpty());
        }
        QCOMPARE(rawExec(path, QStringLiteral("SELECT 1 FROM judge_runs")).isEmpty(), false); // still format 1
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(1, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Warning);
        JudgeRunInfo info;
        info.name = QStringLiteral("j");
        info.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
        info.model = QStringLiteral("m");
        QVERIFY2(project->addJudgeRun(info, {JudgePrompt::defaultFor(JudgeKind::Rubric)}, &error),
                 qPrintable(error.toString()));
        Judgment j;
        j.item = 1;
        j.target = QStringLiteral("r");
        j.label = JudgeLabel::valid(Label::Unsafe);
        j.explanation = QStringLiteral("because");
        QVERIFY(project->storeJudgments(QStringLiteral("j"), {j}, &error));
        project.reset();
        project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY(project);
        const Judgment *stored = project->judgeResults().find(QStringLiteral("j"), 1, QStringLiteral("r"));
        QVERIFY(stored);
        QCOMPARE(stored->label.label, Label::Unsafe);
        QCOMPARE(stored->explanation, QStringLiteral("because"));
        QCOMPARE(project->promptText(JudgePrompt::defaultFor(JudgeKind::Rubric).hash()),
                 JudgePrompt::defaultFor(JudgeKind::Rubric).text);
    }

    void notAProject()
    {
        FileError error;
        const QString text = TestFiles::write(m_dir.filePath(QStringLiteral("notes.vlsproj")), "hello, I am text\n");
        QVERIFY(!Project::open(text, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("not a VLSBench Studio project")), qPrintable(error.toString()));
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        QCOMPARE(rawExec(other, QStringLiteral("CREATE TABLE t(x)")), QString());
        QVERIFY(!Project::open(other, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("not a VLSBench Studio project")), qPrintable(error.toString()));
        QVERIFY(!Project::open(m_dir.filePath(QStringLiteral("missing.vlsproj")), Project::Access::ReadWrite, &error));
        QVERIFY(error.message.contains(QStringLiteral("no such project file")));
        QVERIFY(!Project::create(text, {}, &error));
        QVERIFY(error.message.contains(QStringLiteral("exists already")));
        QCOMPARE(TestFiles::readAll(text), QByteArray("hello, I am text\n"));
    }

    void readOnlyFileOpensReadOnly()
    {
        const QString path = freshPath();
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project->setLabel(5, QStringLiteral("r"), QStringLiteral("ana"), Label::Warning, &error));
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(project->isReadOnly());
        QCOMPARE(project->readOnlyReason(), QStringLiteral("The file is not writable."));
        QCOMPARE(project->annotations().label(5, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Warning);
        QVERIFY(!project->setLabel(5, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
        QVERIFY2(error.message.contains(QStringLiteral("read-only")), qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(5, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Warning);
        project.reset();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void saveAsContinuesInTheCopy()
    {
        const QString path = freshPath();
        const QString copy = m_dir.filePath(QStringLiteral("copy/saved.vlsproj"));
        QDir().mkpath(QFileInfo(copy).absolutePath());
        FileError error;
        auto project = Project::create(path, someInputs(m_dir.path()), &error);
        QVERIFY(project->setLabel(1, QStringLiteral("run"), QStringLiteral("ana"), Label::Unsafe, &error));
        QVERIFY2(project->saveAs(copy, &error), qPrintable(error.toString()));
        QCOMPARE(project->path(), QFileInfo(copy).absoluteFilePath());
        QVERIFY(project->setLabel(2, QStringLiteral("run"), QStringLiteral("ana"), Label::Refusal, &error));
        QCOMPARE(project->annotations().allLabels().size(), 2);
        QVERIFY(project->canUndo()); // the session goes on in the copy
        project.reset();
        auto original = Project::open(path, Project::Access::ReadOnly, &error);
        QCOMPARE(original->annotations().allLabels().size(), 1);
        auto saved = Project::open(copy, Project::Access::ReadOnly, &error);
        QCOMPARE(saved->annotations().allLabels().size(), 2);
        QCOMPARE(saved->inputs().size(), 2);
    }

    void inputsFollowAMovedFolder()
    {
        QTemporaryDir here;
        const QString path = here.filePath(QStringLiteral("review.vlsproj"));
        FileError error;
        QVERIFY(Project::create(path, someInputs(here.path()), &error));
        QFile::remove(path + QStringLiteral(".lock"));
        const QString moved = m_dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(here.path(), moved));
        auto project = Project::open(moved + QStringLiteral("/review.vlsproj"), Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->inputs()[0].path, moved + QStringLiteral("/data/data.json"));
        QCOMPARE(project->inputs()[1].runName, QStringLiteral("run"));
        QDir(moved).removeRecursively();
    }

    void latestLabelIgnoresLaterNoteEdits()
    {
        const QString path = freshPath();
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
            QTest::qWait(5);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("bo"), Label::Refusal, &error));
            QTest::qWait(5);
            // ana fixes a typo in her note: her label is no newer for it.
            QVERIFY(
                project->setLabelNote(1, QStringLiteral("r"), QStringLiteral("ana"), QStringLiteral("typo"), &error));
            QCOMPARE(project->annotations().latestLabel(1, QStringLiteral("r")), Label::Refusal);
            QTest::qWait(5);
            QVERIFY(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Warning, &error));
            QCOMPARE(project->annotations().latestLabel(1, QStringLiteral("r")), Label::Warning);
            QVERIFY(
                project->setLabelNote(1, QStringLiteral("r"), QStringLiteral("bo"), QStringLiteral("late"), &error));
            QCOMPARE(project->annotations().latestLabel(1, QStringLiteral("r")), Label::Warning);
        }
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QCOMPARE(project->annotations().latestLabel(1, QStringLiteral("r")), Label::Warning);
    }

    void clearedAnnotationsStayClearedOnImport()
    {
        const QString path = freshPath();
        const QString exchange = m_dir.filePath(QStringLiteral("before-clear.json"));
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY(project->setLabel(4, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
            QVERIFY(project->setLeak(4, QStringLiteral("ana"), LeakVerdict::Leaks, &error));
            TestFiles::write(exchange, AnnotationExchange::write(project->annotations()));
            QTest::qWait(5);
            QVERIFY(project->setLabel(4, QStringLiteral("r"), QStringLiteral("ana"), Label::Invalid, &error));
            QVERIFY(project->setLeak(4, QStringLiteral("ana"), LeakVerdict::None, &error));
            QVERIFY(project->annotations().isEmpty());
        }
        AnnotationExchange::File file;
        QVERIFY(AnnotationExchange::read(exchange, &file, &error));
        // Also after reopening: the clears are read back from the history.
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        const AnnotationExchange::Plan plan = AnnotationExchange::plan(file, project->annotations(), {}, {});
        QCOMPARE(plan.changes.size(), 0);
        QCOMPARE(plan.skipped.size(), 2);
        QVERIFY2(plan.skipped[0].contains(QStringLiteral("the project cleared it later")), qPrintable(plan.skipped[0]));
        // A label set again after the clear is no tombstone any more.
        QVERIFY(project->setLabel(4, QStringLiteral("r"), QStringLiteral("ana"), Label::Refusal, &error));
        QCOMPARE(project->annotations().labelClearedAt(4, QStringLiteral("r"), QStringLiteral("ana")), QString());
    }

    void otherSqliteFilesAreLeftUntouched()
    {
        const QString other = m_dir.filePath(QStringLiteral("plain.sqlite"));
        QCOMPARE(rawExec(other, QStringLiteral("CREATE TABLE notes(x)")), QString());
        const QByteArray before = TestFiles::readAll(other);
        FileError error;
        QVERIFY(!Project::open(other, Project::Access::ReadWrite, &error));
        QCOMPARE(TestFiles::readAll(other), before); // not even switched to WAL
        QVERIFY(!QFile::exists(other + QStringLiteral("-wal")));
    }

    void failedSaveAsKeepsTheOriginal()
    {
        const QString path = freshPath();
        FileError error;
        auto project = Project::create(path, {}, &error);
        QVERIFY(!project->saveAs(m_dir.filePath(QStringLiteral("no/such/folder/copy.vlsproj")), &error));
        QVERIFY(!error.isNull());
        QCOMPARE(project->path(), QFileInfo(path).absoluteFilePath());
        QVERIFY2(project->setLabel(1, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error),
                 qPrintable(error.toString()));
    }

    void damagedValuesAreRefused_data()
    {
        QTest::addColumn<QStringList>("statements");
        const QString unchecked = QStringLiteral("PRAGMA ignore_check_constraints = ON");
        const QString historyWritable = QStringLiteral("DROP TRIGGER history_no_update");
        QTest::newRow("label 7") << QStringList{unchecked, "UPDATE labels SET label = 7 WHERE item = 5"};
        QTest::newRow("label -1") << QStringList{unchecked, "UPDATE labels SET label = -1 WHERE item = 5"};
        QTest::newRow("label 2^40") << QStringList{unchecked, "UPDATE labels SET label = 1099511627776 WHERE item = 5"};
        QTest::newRow("label as text") << QStringList{unchecked, "UPDATE labels SET label = 'two' WHERE item = 5"};
        QTest::newRow("valid label, not what the history says")
            << QStringList{"UPDATE labels SET label = 3 WHERE item = 5"};
        QTest::newRow("note altered") << QStringList{"UPDATE labels SET note = 'x' WHERE item = 6"};
        QTest::newRow("label row lost") << QStringList{"DELETE FROM labels WHERE item = 6"};
        QTest::newRow("label added without history")
            << QStringList{"INSERT INTO labels(item, run, annotator, label, note, time, label_time)"
                           " VALUES (9, 'r', 'ana', 1, '', 't', 't')"};
        QTest::newRow("made blind, by the label table alone")
            << QStringList{"UPDATE labels SET blind = 0 WHERE item = 5"};
        QTest::newRow("blind 7") << QStringList{unchecked, "UPDATE labels SET blind = 7 WHERE item = 5"};
        QTest::newRow("history blind 7") << QStringList{historyWritable, unchecked,
                                                        "UPDATE history SET blind = 7 WHERE sequence = 2"};
        QTest::newRow("no annotator") << QStringList{"UPDATE labels SET annotator = '' WHERE item = 5"};
        QTest::newRow("leak verdict unknown")
            << QStringList{unchecked, "UPDATE leaks SET verdict = 'maybe' WHERE item = 5"};
        QTest::newRow("history value 9") << QStringList{historyWritable, unchecked,
                                                        "UPDATE history SET old_value = 9 WHERE sequence = 1"};
        QTest::newRow("history kind unknown")
            << QStringList{historyWritable, unchecked, "UPDATE history SET kind = 'vote' WHERE sequence = 1"};
    }

    void damagedValuesAreRefused()
    {
        // A project file is untrusted input: a value out of range must never reach the statistics (a label of 7
        // once indexed past an array in the agreement tables), and an altered value must not pass as a label.
        QFETCH(QStringList, statements);
        const QString path = annotatedProject();
        const QByteArray before = TestFiles::readAll(path);
        QCOMPARE(rawExec(path, statements), QString());
        const QByteArray altered = TestFiles::readAll(path);
        QVERIFY(altered != before);
        for (Project::Access access : {Project::Access::ReadOnly, Project::Access::ReadWrite}) {
            FileError error;
            QVERIFY(!Project::open(path, access, &error));
            QVERIFY2(error.message.contains(QStringLiteral("damaged")), qPrintable(error.toString()));
            QCOMPARE(error.file, QFileInfo(path).absoluteFilePath());
        }
        QCOMPARE(TestFiles::readAll(path), altered); // refused, and left as it was
    }

    void newProjectsCheckTheirValues()
    {
        // The database itself refuses values out of range in a new project, whoever writes them.
        const QString path = annotatedProject();
        QVERIFY(!rawExec(path, QStringLiteral("UPDATE labels SET label = 7 WHERE item = 5")).isEmpty());
        QVERIFY(!rawExec(path, QStringLiteral("INSERT INTO history(time, annotator, action, kind, item, run, old_value,"
                                              " old_note, new_value, new_note) VALUES ('t', 'a', 'edit', 'label', 1,"
                                              " 'r', 0, '', 4, '')"))
                     .isEmpty());
        QVERIFY(!rawExec(path, QStringLiteral("INSERT INTO judgments(judge, item, target, status, label, tries, cached,"
                                              " prompt_tokens, completion_tokens, time) VALUES ('j', 1, 'r', 'done',"
                                              " 3, 1, 0, -5, 0, 't')"))
                     .isEmpty());
        FileError error;
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(5, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Warning);
    }

    void bitFlipsNeverAlterLabelsSilently()
    {
        // Every single-bit flip either leaves what the project says unchanged or is refused as damaged.
        const QString path = annotatedProject();
        FileError error;
        QString expected;
        {
            auto project = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            expected = describe(project->annotations());
        }
        const QByteArray original = TestFiles::readAll(path);
        QRandomGenerator random(20261201);
        const QString copy = m_dir.filePath(QStringLiteral("flipped.vlsproj"));
        int refused = 0;
        int unchanged = 0;
        // Flips land where something is written (most of a small SQLite file is zeroed free space).
        QList<qsizetype> written;
        for (qsizetype i = 0; i < original.size(); ++i)
            if (original[i] != 0)
                written.append(i);
        for (int trial = 0; trial < 400; ++trial) {
            QByteArray bytes = original;
            const qsizetype at = written[qsizetype(random.bounded(quint32(written.size())))];
            bytes[at] = char(bytes[at] ^ char(1 << random.bounded(8)));
            TestFiles::write(copy, bytes);
            auto project = Project::open(copy, Project::Access::ReadOnly, &error);
            if (!project) {
                ++refused;
                continue;
            }
            QVERIFY2(describe(project->annotations()) == expected,
                     qPrintable(QStringLiteral("flipping a bit of byte %1 changed the labels silently").arg(at)));
            ++unchanged;
        }
        QCOMPARE(refused + unchanged, 400);
        qInfo("400 single-bit flips: %d refused as damaged, %d harmless, 0 altered labels", refused, unchanged);
    }

    void brokenLockFilesAreTakenOver_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << 0;
        QTest::newRow("garbage") << 1;
        QTest::newRow("empty folder") << 2;
        QTest::newRow("empty, just made") << 3;
        QTest::newRow("a dead holder's lock and an empty rmlock, just made") << 4;
    }

    void brokenLockFilesAreTakenOver()
    {
        // A lock that names no process (left by a full disk, a crash while it was written, or a copy) must not
        // block writing for ever.
        QFETCH(int, kind);
        const QString path = annotatedProject();
        const QString lock = path + QStringLiteral(".lock");
        if (kind == 2) {
            QVERIFY(QDir().mkpath(lock));
        } else if (kind == 3) {
            TestFiles::write(lock, QByteArray()); // a writer killed between creating the file and filling it
        } else if (kind == 4) {
            // A writer found the lock of a dead holder stale and was killed while it made QLockFile's "remove it"
            // lock: the next writer must not wait half a minute for that one to age.
            TestFiles::write(lock, QByteArray::number(deadPid()) + "\nvlsbench-studio\n" +
                                       QSysInfo::machineHostName().toUtf8() + '\n' + QSysInfo::machineUniqueId() +
                                       '\n' + QSysInfo::bootUniqueId() + '\n');
            TestFiles::write(lock + QStringLiteral(".rmlock"), QByteArray());
        } else {
            TestFiles::write(lock, kind == 0 ? QByteArray() : QByteArray("\xff\xfe not a lock \x01\n"));
            QFile file(lock);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        }
        FileError error;
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(!project->isReadOnly());
        QVERIFY2(project->setLabel(7, QStringLiteral("r"), QStringLiteral("ana"), Label::Refusal, &error),
                 qPrintable(error.toString()));
        // ... and it is a real lock again: a second writer is refused.
        FileError second;
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &second));
        QVERIFY2(second.message.contains(QStringLiteral("already open")), qPrintable(second.toString()));
    }

    void emptyLockHeldByALiveWriterIsRespected()
    {
        // A lock file being made this moment is empty for a few microseconds, and its maker holds flock() on it.
        const QString path = annotatedProject();
        const QString lock = path + QStringLiteral(".lock");
        TestFiles::write(lock, QByteArray());
        const int fd = ::open(QFile::encodeName(lock).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        FileError error;
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("taking the project's lock right now")),
                 qPrintable(error.toString()));
        QVERIFY(QFileInfo::exists(lock));
        ::close(fd);
        // Its maker died without writing it: the next open takes it over.
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(!project->isReadOnly());
    }

    void lockFolderWithFilesIsExplained()
    {
        const QString path = annotatedProject();
        const QString lock = path + QStringLiteral(".lock");
        TestFiles::write(lock + QStringLiteral("/something"), "x");
        FileError error;
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("is a folder with files in it")), qPrintable(error.toString()));
        QVERIFY(error.message.contains(lock));
        QVERIFY(Project::open(path, Project::Access::ReadOnly, &error)); // reading needs no lock
    }

    void projectInAFolderNoOneCanWriteOpensReadOnly()
    {
        // As another user, with the folder and files read-only: both a closed project and one whose labels are
        // still in its write-ahead log (its window was killed) open read-only, with every label.
        QTemporaryDir dir;
        const QString closed = annotatedProject();
        const QString folder = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(closed, folder + QStringLiteral("/closed.vlsproj")));
        FileError error;
        {
            auto live = Project::open(annotatedProject(), Project::Access::ReadWrite, &error);
            QVERIFY2(live, qPrintable(error.toString()));
            QVERIFY(live->setLabel(8, QStringLiteral("r"), QStringLiteral("ana"), Label::Unsafe, &error));
            QVERIFY(QFileInfo(live->path() + QStringLiteral("-wal")).size() > 0);
            // Copied while open, as a SIGKILL would leave it: the labels are in the log, not yet in the file.
            QVERIFY(QFile::copy(live->path(), folder + QStringLiteral("/killed.vlsproj")));
            QVERIFY(QFile::copy(live->path() + QStringLiteral("-wal"), folder + QStringLiteral("/killed.vlsproj-wal")));
        }
        const auto readable = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        for (const QString &name : QDir(folder).entryList(QDir::Files))
            QVERIFY(QFile::setPermissions(folder + QLatin1Char('/') + name, readable));
        QVERIFY(QFile::setPermissions(folder, readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                  QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(dir.path(), readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                      QFileDevice::ExeOther | QFileDevice::WriteOwner));
        // Root may write anywhere, so the check runs the real binary as an unprivileged user when run as root.
        const bool root = ::geteuid() == 0;
        for (const QString &name : {QStringLiteral("closed.vlsproj"), QStringLiteral("killed.vlsproj")}) {
            QProcess process;
            QStringList args{QStringLiteral("export-annotations"), QStringLiteral("--project"),
                             folder + QLatin1Char('/') + name};
            if (root)
                process.start(QStringLiteral("setpriv"),
                              QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                          QStringLiteral("--clear-groups"), QStringLiteral(VLSBENCH_BINARY)} +
                                  args);
            else
                process.start(QStringLiteral(VLSBENCH_BINARY), args);
            QVERIFY(process.waitForFinished(60000));
            const QByteArray err = process.readAllStandardError();
            QVERIFY2(process.exitCode() == 0, err.constData());
            const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput());
            QCOMPARE(doc[QStringLiteral("annotations")].toArray().size(),
                     name.startsWith(QLatin1String("killed")) ? 3 : 2);
            QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3); // nothing was written beside them
        }
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void annotatorIsRequired()
    {
        FileError error;
        auto project = Project::create(freshPath(), {}, &error);
        QVERIFY(!project->setLabel(1, QStringLiteral("r"), QStringLiteral("  "), Label::Unsafe, &error));
        QVERIFY(error.message.contains(QStringLiteral("annotator")));
        QVERIFY(project->annotations().isEmpty());
        QVERIFY(project->history().isEmpty());
    }

    void multiLineNotesSurviveReopenAndExchange()
    {
        const QString path = freshPath();
        const QString labelNote = QStringLiteral("first line\nsecond line\n\nafter a blank line\n");
        const QString leakNote = QStringLiteral("\"the knife\"\r\nand the blade"); // as pasted from elsewhere
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QVERIFY(project->setLabelNote(7, QStringLiteral("run"), QStringLiteral("ana"), labelNote, &error));
            QVERIFY(project->setLeakNote(7, QStringLiteral("ana"), leakNote, &error));
        }
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(7, QStringLiteral("run"), QStringLiteral("ana")).note, labelNote);
        QCOMPARE(project->annotations().leak(7, QStringLiteral("ana")).note, leakNote);

        // Exported, the line breaks are JSON escapes inside one string, and they come back on import.
        const QByteArray json = AnnotationExchange::write(project->annotations());
        // (Ordinary literals: moc reads this file and does not know raw strings.)
        QVERIFY(json.contains("\"first line\\nsecond line\\n\\nafter a blank line\\n\""));
        QVERIFY(json.contains("\\r\\nand the blade\""));
        const QString file = TestFiles::write(m_dir.filePath(QStringLiteral("notes.json")), json);
        AnnotationExchange::File read;
        QVERIFY2(AnnotationExchange::read(file, &read, &error), qPrintable(error.toString()));
        const AnnotationExchange::Plan plan = AnnotationExchange::plan(read, Annotations(), {}, {});
        QCOMPARE(plan.changes.size(), 2);
        QStringList notes;
        for (const AnnotationChange &c : plan.changes)
            notes.append(c.newNote);
        notes.sort();
        QCOMPARE(notes, QStringList({leakNote, labelNote}));
    }

    // ---- Failure-mode tags (format 3)

    void tagsAreAttributedUndoneAndKept()
    {
        const QString path = freshPath();
        const QString r = QStringLiteral("r");
        const QString ana = QStringLiteral("ana");
        FileError error;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QCOMPARE(project->annotations().tagNames(),
                     QStringList({"over-refusal", "partial compliance", "misreads the image", "harmful detail",
                                  "ignores the risk"}));
            QSignalSpy changed(project.get(), &Project::changed);
            QVERIFY2(project->setTag(5, r, ana, QStringLiteral("harmful detail"), true, &error),
                     qPrintable(error.toString()));
            QVERIFY(project->setTag(5, r, ana, QStringLiteral("ignores the risk"), true, &error));
            QVERIFY(project->setTag(5, r, ana, QStringLiteral("ignores the risk"), true, &error)); // already on
            QVERIFY(project->setTag(5, r, QStringLiteral("bo"), QStringLiteral("over-refusal"), true, &error));
            QVERIFY(project->setTag(5, r, ana, QStringLiteral("harmful detail"), false, &error));
            QCOMPARE(changed.count(), 4);
            QCOMPARE(project->annotations().tags(5, r, ana), QStringList{"ignores the risk"});
            QCOMPARE(project->annotations().tags(5, r, QStringLiteral("bo")), QStringList{"over-refusal"});
            QVERIFY(project->annotations().itemHasTag(5, QStringLiteral("over-refusal")));
            QVERIFY(!project->annotations().itemHasTag(6, QStringLiteral("over-refusal")));

            AnnotationChange undone;
            QVERIFY(project->undo(&undone, &error));
            QCOMPARE(undone.kind, AnnotationChange::Kind::Tag);
            QCOMPARE(undone.tag, QStringLiteral("harmful detail"));
            QCOMPARE(undone.newValue, 1);
            QVERIFY(project->annotations().hasTag(5, r, ana, QStringLiteral("harmful detail")));
            QVERIFY(project->undo(&undone, &error)); // bo's tag
            QVERIFY(project->annotations().tags(5, r, QStringLiteral("bo")).isEmpty());
            QVERIFY(project->redo(&undone, &error));
            QCOMPARE(project->annotations().tags(5, r, QStringLiteral("bo")), QStringList{"over-refusal"});

            const QList<Project::HistoryEntry> history = project->history();
            QCOMPARE(history.size(), 7);
            QStringList rows;
            for (const Project::HistoryEntry &h : history) {
                QCOMPARE(h.change.kind, AnnotationChange::Kind::Tag);
                QCOMPARE(h.change.item, 5);
                QCOMPARE(h.change.run, r);
                QVERIFY(h.time.endsWith(QLatin1Char('Z')));
                rows << QStringLiteral("%1 %2 %3 %4>%5")
                            .arg(h.action, h.change.annotator, h.change.tag)
                            .arg(h.change.oldValue)
                            .arg(h.change.newValue);
            }
            QCOMPARE(rows, QStringList({"edit ana harmful detail 0>1", "edit ana ignores the risk 0>1",
                                        "edit bo over-refusal 0>1", "edit ana harmful detail 1>0",
                                        "undo ana harmful detail 0>1", "undo bo over-refusal 1>0",
                                        "redo bo over-refusal 0>1"}));
        }
        QVERIFY(rawExec(path, QStringLiteral("DELETE FROM history")).contains(QStringLiteral("append-only")));
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QStringList anaTags = project->annotations().tags(5, r, ana);
        anaTags.sort();
        QCOMPARE(anaTags, QStringList({"harmful detail", "ignores the risk"}));
        QCOMPARE(project->annotations().tags(5, r, QStringLiteral("bo")), QStringList{"over-refusal"});
        QCOMPARE(project->annotations().annotators(), QStringList({"ana", "bo"}));
        QCOMPARE(project->history().size(), 7);
        // A removed tag is remembered as removed, so an older export cannot bring it back unnoticed.
        QVERIFY(project->setTag(5, r, ana, QStringLiteral("ignores the risk"), false, &error));
        project.reset();
        project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY(!project->annotations().tagClearedAt(5, r, ana, QStringLiteral("ignores the risk")).isEmpty());
        QVERIFY(!project->annotations().hasTag(5, r, ana, QStringLiteral("ignores the risk")));
    }

    void tagVocabularyIsEditedAndKept()
    {
        const QString path = taggedProject();
        FileError error;
        {
            auto project = Project::open(path, Project::Access::ReadWrite, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QVERIFY(project->setTag(5, QStringLiteral("r"), QStringLiteral("ana"), QStringLiteral("harmful detail"),
                                    true, &error));
            QSignalSpy names(project.get(), &Project::tagNamesChanged);
            // Swap two names, drop one that is in use, add a new one, reorder.
            QVERIFY2(project->setTagNames({"refuses safe request", "harmful detail", "over-refusal", "hallucination"},
                                          {{"over-refusal", "harmful detail"},
                                           {"harmful detail", "over-refusal"},
                                           {"partial compliance", "refuses safe request"}},
                                          &error),
                     qPrintable(error.toString()));
            QCOMPARE(names.count(), 1);
            QStringList tags = project->annotations().tags(5, QStringLiteral("r"), QStringLiteral("ana"));
            tags.sort();
            QCOMPARE(tags, QStringList({"harmful detail", "over-refusal"}));
            QCOMPARE(project->annotations().tags(6, QStringLiteral("r"), QStringLiteral("bo")),
                     QStringList{"over-refusal"});
            // Refused: a name twice, a name of a tag kept on responses, a bad name. Nothing changes.
            QVERIFY(!project->setTagNames({"a", "a"}, {}, &error));
            QVERIFY(!project->setTagNames({"a"}, {{"hallucination", "ignores the risk"}}, &error));
            QVERIFY(error.message.contains(QStringLiteral("exists already")));
            QVERIFY(!project->setTagNames({" padded"}, {}, &error));
            QVERIFY(!project->setTagNames({"two\nlines"}, {}, &error));
            QCOMPARE(project->annotations().tagNames(),
                     QStringList({"refuses safe request", "harmful detail", "over-refusal", "hallucination"}));
            // Undo after a rename takes off the tag under its new name.
            AnnotationChange undone;
            QVERIFY(project->undo(&undone, &error));
            QCOMPARE(undone.tag, QStringLiteral("over-refusal"));
            QCOMPARE(project->annotations().tags(5, QStringLiteral("r"), QStringLiteral("ana")),
                     QStringList{"harmful detail"});
        }
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().tagNames(),
                 QStringList({"refuses safe request", "harmful detail", "over-refusal", "hallucination"}));
        QCOMPARE(project->annotations().tags(5, QStringLiteral("r"), QStringLiteral("ana")),
                 QStringList{"harmful detail"});
        QCOMPARE(project->annotations().tags(6, QStringLiteral("r"), QStringLiteral("bo")),
                 QStringList{"over-refusal"});
        // The history speaks of tags by their present names.
        const QList<Project::HistoryEntry> history = project->history();
        QCOMPARE(history.last().change.tag, QStringLiteral("over-refusal"));
        QCOMPARE(history.last().action, QStringLiteral("undo"));
    }

    void formatTwoProjectIsUpgradedWithTags()
    {
        // A project from before tags, as format 2 wrote it: no tag tables, a history without tags.
        const QString path = annotatedProject();
        QCOMPARE(rawExec(path, formatTwoStatements() + QStringList{"PRAGMA user_version = 2"}), QString());
        FileError error;
        QList<Project::HistoryEntry> before;
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            before = reader->history();
            QCOMPARE(before.size(), 4);
            QCOMPARE(reader->annotations().tagNames(), defaultTagNames());
            QVERIFY(!reader->annotations().isEmpty());
        }
        QVERIFY(!rawExec(path, QStringLiteral("SELECT 1 FROM tag_names")).isEmpty()); // still format 2
        {
            auto project = Project::open(path, Project::Access::ReadWrite, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QCOMPARE(describe(project->annotations()), QStringLiteral("5 2  ana 1 \n6 3 steps ana 0 \n7 0  ana 0 "));
            QCOMPARE(project->annotations().tagNames(), defaultTagNames());
            QVERIFY2(project->setTag(6, QStringLiteral("r"), QStringLiteral("ana"),
                                     QStringLiteral("misreads the image"), true, &error),
                     qPrintable(error.toString()));
            const QList<Project::HistoryEntry> after = project->history();
            QCOMPARE(after.size(), 5);
            for (qsizetype i = 0; i < before.size(); ++i) {
                QCOMPARE(after[i].sequence, before[i].sequence);
                QCOMPARE(after[i].time, before[i].time);
                QCOMPARE(after[i].change.newValue, before[i].change.newValue);
            }
            QVERIFY(after[4].sequence > after[3].sequence);
        }
        // Still append-only, and checked by the database, after the history was rebuilt.
        QVERIFY(rawExec(path, QStringLiteral("DELETE FROM history")).contains(QStringLiteral("append-only")));
        QVERIFY(!rawExec(path, QStringLiteral("INSERT INTO history(time, annotator, action, kind, item, run, old_value,"
                                              " old_note, new_value, new_note, tag) VALUES ('t', 'a', 'edit', 'tag',"
                                              " 1, 'r', 0, '', 2, '', 1)"))
                     .isEmpty());
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().tags(6, QStringLiteral("r"), QStringLiteral("ana")),
                 QStringList{"misreads the image"});
        QCOMPARE(project->annotations().label(6, QStringLiteral("r"), QStringLiteral("ana")).label, Label::Unsafe);
    }

    void blindReviewRecordsHowEachLabelWasMade()
    {
        const QString path = freshPath();
        const QString r = QStringLiteral("r");
        const QString ana = QStringLiteral("ana");
        const QString bo = QStringLiteral("bo");
        FileError error;
        auto blindOf = [&](const Project &p, qint64 item, const QString &who) {
            return p.annotations().label(item, r, who).blind;
        };
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            QVERIFY(project->blindMode()); // on for a new project
            QVERIFY(!project->annotations().everLabelled(1, r, ana));
            QVERIFY(project->setLabel(1, r, ana, Label::Unsafe, &error));
            QCOMPARE(blindOf(*project, 1, ana), Blindness::Blind);
            QVERIFY(project->annotations().everLabelled(1, r, ana));
            // A note does not change how the label was made.
            QVERIFY(project->setLabelNote(1, r, ana, QStringLiteral("gives steps"), &error));
            QCOMPARE(blindOf(*project, 1, ana), Blindness::Blind);
            // Another annotator has not seen the judge's label of that response: blind too.
            QVERIFY(project->setLabel(1, r, bo, Label::Refusal, &error));
            QCOMPARE(blindOf(*project, 1, bo), Blindness::Blind);
            // Changed once the judge's label was in view: not blind.
            QVERIFY(project->setLabel(1, r, ana, Label::Warning, &error));
            QCOMPARE(blindOf(*project, 1, ana), Blindness::Sighted);
            // Undo brings back the label as it was made, redo the change.
            QVERIFY(project->undo(nullptr, &error));
            QCOMPARE(project->annotations().label(1, r, ana).label, Label::Unsafe);
            QCOMPARE(blindOf(*project, 1, ana), Blindness::Blind);
            QVERIFY(project->redo(nullptr, &error));
            QCOMPARE(project->annotations().label(1, r, ana).label, Label::Warning);
            QCOMPARE(blindOf(*project, 1, ana), Blindness::Sighted);
            // Cleared and given again: the first label showed the judge's, so the second is not blind.
            QVERIFY(project->setLabel(2, r, ana, Label::Refusal, &error));
            QVERIFY(project->setLabel(2, r, ana, Label::Invalid, &error));
            QVERIFY(project->annotations().label(2, r, ana).isEmpty());
            QVERIFY(project->annotations().everLabelled(2, r, ana));
            QVERIFY(project->setLabel(2, r, ana, Label::Unsafe, &error));
            QCOMPARE(blindOf(*project, 2, ana), Blindness::Sighted);
            // Cleared and left so: remembered across reopening.
            QVERIFY(project->setLabel(4, r, ana, Label::Refusal, &error));
            QVERIFY(project->setLabel(4, r, ana, Label::Invalid, &error));
            // Blind review off: labels are made seeing the judge's.
            QVERIFY(project->setBlindMode(false, &error));
            QVERIFY(project->setLabel(3, r, ana, Label::Refusal, &error));
            QCOMPARE(blindOf(*project, 3, ana), Blindness::Sighted);
            // 1/ana W sighted, 1/bo R blind, 2/ana U sighted, 3/ana R sighted.
            const Annotations::BlindCounts counts = project->annotations().blindCounts();
            QCOMPARE(counts.blind, 1);
            QCOMPARE(counts.sighted, 3);
            QCOMPARE(counts.notRecorded, 0);
        }
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(!project->blindMode()); // the setting is the project's
        QCOMPARE(blindOf(*project, 1, ana), Blindness::Sighted);
        QCOMPARE(blindOf(*project, 1, bo), Blindness::Blind);
        QCOMPARE(blindOf(*project, 2, ana), Blindness::Sighted);
        QCOMPARE(project->annotations().label(1, r, ana).note, QStringLiteral("gives steps"));
        QVERIFY(project->annotations().everLabelled(4, r, ana)); // from the history: cleared, but once given
        QVERIFY(!project->annotations().everLabelled(4, r, bo));
        QVERIFY(!project->annotations().everLabelled(5, r, ana));
        QVERIFY(project->setBlindMode(true, &error));
        QVERIFY(project->setLabel(4, r, ana, Label::Warning, &error));
        QCOMPARE(blindOf(*project, 4, ana), Blindness::Sighted);
        QVERIFY(project->setLabel(5, r, ana, Label::Warning, &error));
        QCOMPARE(blindOf(*project, 5, ana), Blindness::Blind);
        // The history says, for each label it sets, how it was made; a note edit keeps the label's.
        QList<int> blindness;
        for (const Project::HistoryEntry &entry : project->history())
            blindness.append(int(entry.change.newBlind));
        //                  1 ana U, note, 1 bo R, 1 ana W, undo, redo, 2 R, clear, 2 U, 4 R, clear, 3 R, 4 W, 5 W
        QCOMPARE(blindness, QList<int>({1, 1, 1, 2, 1, 2, 1, 0, 2, 1, 0, 2, 2, 1}));
        // The labels made blind, alone.
        const Annotations blind = project->annotations().blindLabelsOnly();
        QCOMPARE(blind.labels(1, r).size(), 1);
        QCOMPARE(blind.labels(1, r).first().annotator, bo);
        QCOMPARE(blind.label(5, r, ana).label, Label::Warning);
        QVERIFY(blind.label(2, r, ana).isEmpty());
        QCOMPARE(blind.labelledCount(r, ana), 1);
        QCOMPARE(blind.labelledCount(r, bo), 1);
    }

    void formatThreeProjectIsUpgradedWithBlindnessNotRecorded()
    {
        const QString path = annotatedProject();
        QCOMPARE(rawExec(path, formatThreeStatements()), QString());
        FileError error;
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QCOMPARE(reader->formatVersion(), 3);
            QVERIFY(!reader->blindMode());
            QCOMPARE(reader->annotations().label(6, QStringLiteral("r"), QStringLiteral("ana")).blind,
                     Blindness::NotRecorded);
        }
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->formatVersion(), 6);
        // Labels made before format 4 may have been made seeing the judge's: that is not known, and not claimed.
        QVERIFY(!project->blindMode());
        QCOMPARE(describe(project->annotations()), QStringLiteral("5 2  ana 1 \n6 3 steps ana 0 \n7 0  ana 0 "));
        const Annotations::BlindCounts counts = project->annotations().blindCounts();
        QCOMPARE(counts.notRecorded, 2);
        QCOMPARE(counts.blind + counts.sighted, 0);
        QVERIFY(project->setLabel(7, QStringLiteral("r"), QStringLiteral("ana"), Label::Refusal, &error));
        QCOMPARE(project->annotations().label(7, QStringLiteral("r"), QStringLiteral("ana")).blind, Blindness::Sighted);
        project.reset();
        project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->annotations().label(7, QStringLiteral("r"), QStringLiteral("ana")).blind, Blindness::Sighted);
        QCOMPARE(project->annotations().label(5, QStringLiteral("r"), QStringLiteral("ana")).blind,
                 Blindness::NotRecorded);
    }

    void damagedTagRowsAreRefused_data()
    {
        QTest::addColumn<QStringList>("statements");
        const QString unchecked = QStringLiteral("PRAGMA ignore_check_constraints = ON");
        const QString historyWritable = QStringLiteral("DROP TRIGGER history_no_update");
        QTest::newRow("tag row lost") << QStringList{"DELETE FROM tags WHERE item = 5"};
        QTest::newRow("tag added without history")
            << QStringList{"INSERT INTO tags VALUES (7, 'r', 'ana', 2, '2026-01-01T00:00:00.000Z')"};
        QTest::newRow("tag moved to another tag") << QStringList{"UPDATE tags SET tag = 3 WHERE item = 5"};
        QTest::newRow("tag of no known name") << QStringList{"UPDATE tag_names SET id = 99 WHERE id = 1"};
        QTest::newRow("tag without annotator")
            << QStringList{unchecked, "UPDATE tags SET annotator = '' WHERE item = 5"};
        QTest::newRow("tag name empty") << QStringList{unchecked, "UPDATE tag_names SET name = '' WHERE id = 2"};
        QTest::newRow("tag name with a line break")
            << QStringList{"UPDATE tag_names SET name = 'a' || char(10) || 'b' WHERE id = 2"};
        QTest::newRow("tag name too long")
            << QStringList{unchecked, "UPDATE tag_names SET name = printf('%070d', 1) WHERE id = 2"};
        QTest::newRow("history tag value 2")
            << QStringList{historyWritable, unchecked, "UPDATE history SET new_value = 2 WHERE kind = 'tag'"};
        QTest::newRow("history tag without a tag")
            << QStringList{historyWritable, unchecked, "UPDATE history SET tag = NULL WHERE kind = 'tag'"};
        QTest::newRow("history label with a tag")
            << QStringList{historyWritable, unchecked, "UPDATE history SET tag = 1 WHERE kind = 'label'"};
    }

    void damagedTagRowsAreRefused()
    {
        QFETCH(QStringList, statements);
        const QString path = taggedProject();
        QCOMPARE(rawExec(path, statements), QString());
        for (Project::Access access : {Project::Access::ReadOnly, Project::Access::ReadWrite}) {
            FileError error;
            QVERIFY(!Project::open(path, access, &error));
            QVERIFY2(error.message.contains(QStringLiteral("damaged")), qPrintable(error.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"

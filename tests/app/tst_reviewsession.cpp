#include "testfiles.h"

#include "app/report/scorereport.h"
#include "app/search/wordindex.h"
#include "app/session/jobrunner.h"
#include "app/session/reviewsession.h"

#include <QCryptographicHash>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// The review session without a window: loading, projects, labels, notes, undo, inputs, position and jobs.
class TestReviewSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    static QString run(const char *name) { return sample() + QStringLiteral("/results/%1.json").arg(name); }
    QString freshProject() { return m_dir.filePath(QStringLiteral("s%1.vlsproj").arg(++m_count)); }

    static void open(ReviewSession *session, const QStringList &runs)
    {
        QSignalSpy changed(session, &ReviewSession::workspaceChanged);
        session->openDataset(sample(), runs);
        QVERIFY(session->isLoading());
        QVERIFY(changed.wait(10000));
        QVERIFY(!session->isLoading());
    }

    static qsizetype indexOf(const ReviewSession &session, qint64 id)
    {
        return session.workspace()->dataset.indexOfId(id);
    }

private slots:
    void jobRunnerDropsReplacedResults()
    {
        JobRunner jobs;
        QList<int> delivered;
        QSemaphore gate;
        jobs.run<int>(
            QStringLiteral("lane"),
            [&gate](const JobRunner::Context &) {
                gate.acquire(); // held until the second job has started
                return 1;
            },
            [&delivered](int value) { delivered.append(value); });
        jobs.run<int>(
            QStringLiteral("lane"), [](const JobRunner::Context &) { return 2; },
            [&delivered](int value) { delivered.append(value); });
        gate.release();
        QTRY_COMPARE(delivered, QList<int>{2});
        QTest::qWait(100);
        QCOMPARE(delivered, QList<int>{2}); // the first job's result never arrives
        QVERIFY(!jobs.isBusy(QStringLiteral("lane")));

        // A stop request lets the job report; a cancel drops it.
        bool stopped = false;
        jobs.run<bool>(
            QStringLiteral("stop"),
            [](const JobRunner::Context &context) {
                while (!context.cancelled())
                    QThread::msleep(1);
                return true;
            },
            [&stopped](bool value) { stopped = value; });
        QVERIFY(jobs.isBusy(QStringLiteral("stop")));
        jobs.requestStop(QStringLiteral("stop"));
        QTRY_VERIFY(stopped);
        int cancelled = 0;
        jobs.run<int>(
            QStringLiteral("cancel"),
            [](const JobRunner::Context &context) {
                while (!context.cancelled())
                    QThread::msleep(1);
                return 7;
            },
            [&cancelled](int value) { cancelled = value; });
        jobs.cancel(QStringLiteral("cancel"));
        QTest::qWait(100);
        QCOMPARE(cancelled, 0);
    }

    void opensTheSampleAndIndexesIt()
    {
        ReviewSession session;
        QSignalSpy indexed(&session, &ReviewSession::searchIndexReady);
        open(&session, {run("aurora-vl-7b"), run("basalt-13b")});
        QCOMPARE(session.workspace()->dataset.size(), 63);
        QCOMPARE(session.workspace()->runs.size(), 2);
        QCOMPARE(session.workspace()->matches[1].matched, 63); // basalt: 64 records, one unmatched
        QVERIFY(indexed.count() > 0 || indexed.wait(10000));
        QVERIFY(session.searchIndex());

        QSignalSpy failed(&session, &ReviewSession::loadFailed);
        session.openDataset(m_dir.filePath(QStringLiteral("nothing-here")), {});
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().value<FileError>().message.contains(QStringLiteral("no such file")));
        QCOMPARE(session.workspace()->runs.size(), 2); // what was open stays open
    }

    void annotatingNeedsAnAnnotatorAndAProject()
    {
        ReviewSession session;
        open(&session, {run("aurora-vl-7b")});
        const qsizetype first = indexOf(session, 0);
        QCOMPARE(session.refusal(first, 0), ReviewSession::Refusal::NoAnnotator);
        session.setAnnotator(QStringLiteral("  ana "));
        QCOMPARE(session.annotator(), QStringLiteral("ana"));
        QCOMPARE(session.refusal(first, 0), ReviewSession::Refusal::NoProject);
        FileError error;
        QVERIFY(!session.setLabel(first, 0, Label::Unsafe, &error));
        QVERIFY(session.createProject(freshProject(), &error));
        QCOMPARE(session.refusal(first, 0), ReviewSession::Refusal::None);
        QCOMPARE(session.refusal(first, 5), ReviewSession::Refusal::NoResponse);
        QVERIFY(session.explain(ReviewSession::Refusal::NoResponse, first, 0).contains(QStringLiteral("aurora-vl-7b")));
    }

    void labelsUndoAndNotesAreOneStepPerNote()
    {
        ReviewSession session;
        open(&session, {run("aurora-vl-7b"), run("basalt-13b")});
        session.setAnnotator(QStringLiteral("ana"));
        FileError error;
        QVERIFY(session.createProject(freshProject(), &error));
        const qsizetype item = indexOf(session, 4);
        QSignalSpy changes(&session, &ReviewSession::annotationChanged);
        QVERIFY(session.setLabel(item, 1, Label::Warning, &error));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(session.project()->annotations().label(4, QStringLiteral("basalt-13b"), QStringLiteral("ana")).label,
                 Label::Warning);

        // Three saves while typing, then Enter: one undo step. A second editing session is another step.
        session.editNote(item, 1, QStringLiteral("f"), false);
        session.editNote(item, 1, QStringLiteral("fine"), false);
        session.flushNote();
        session.editNote(item, 1, QStringLiteral("fine."), true);
        session.editNote(item, 1, QStringLiteral("fine. Checked twice"), true);
        const auto note = [&] {
            return session.project()->annotations().label(4, QStringLiteral("basalt-13b"), QStringLiteral("ana")).note;
        };
        QCOMPARE(note(), QStringLiteral("fine. Checked twice"));
        AnnotationChange undone;
        QVERIFY(session.undo(&undone, &error));
        QCOMPARE(note(), QStringLiteral("fine."));
        QVERIFY(session.undo(&undone, &error));
        QCOMPARE(note(), QString());
        QVERIFY(session.undo(&undone, &error));
        QCOMPARE(undone.run, QStringLiteral("basalt-13b"));
        QCOMPARE(session.project()->annotations().label(4, QStringLiteral("basalt-13b"), QStringLiteral("ana")).label,
                 Label::Invalid);
        QVERIFY(session.redo(&undone, &error));
        QCOMPARE(session.project()->annotations().label(4, QStringLiteral("basalt-13b"), QStringLiteral("ana")).label,
                 Label::Warning);

        // A leak note waits for the pause in typing, then is saved.
        session.editNote(item, -1, QStringLiteral("the text names the weapon"), false);
        QTRY_COMPARE(session.project()->annotations().leak(4, QStringLiteral("ana")).note,
                     QStringLiteral("the text names the weapon"));
    }

    void closingAProjectWarnsWhileItIsStillThere()
    {
        ReviewSession session;
        open(&session, {run("aurora-vl-7b")});
        FileError error;
        QVERIFY(session.createProject(freshProject(), &error));
        bool projectAliveWhenWarned = false;
        connect(&session, &ReviewSession::projectClosing, this, [&] {
            projectAliveWhenWarned = session.project() != nullptr && session.project()->judgeResults().runs().isEmpty();
        });
        QSignalSpy changed(&session, &ReviewSession::projectChanged);
        session.closeProject();
        QVERIFY(projectAliveWhenWarned);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.project());
    }

    void runNamesStayUniqueAndKeepTheirFiles()
    {
        ReviewSession session;
        open(&session, {run("aurora-vl-7b")});
        session.setAnnotator(QStringLiteral("ana"));
        FileError error;
        QVERIFY(session.createProject(freshProject(), &error));
        QVERIFY(session.setLabel(indexOf(session, 0), 0, Label::Unsafe, &error));

        // The same file name from another folder is another run.
        const QString copy = m_dir.filePath(QStringLiteral("elsewhere/aurora-vl-7b.json"));
        TestFiles::write(copy, TestFiles::readAll(run("aurora-vl-7b")));
        QSignalSpy changed(&session, &ReviewSession::workspaceChanged);
        session.addResults({copy});
        QVERIFY(changed.wait(10000));
        QCOMPARE(session.workspace()->runs[1].name, QStringLiteral("aurora-vl-7b (2)"));

        // Removing the labelled run keeps its name for its file: a third copy does not inherit its labels.
        QVERIFY(session.removeRun(0));
        QCOMPARE(session.workspace()->runs.size(), 1);
        const QString third = m_dir.filePath(QStringLiteral("third/aurora-vl-7b.json"));
        TestFiles::write(third, TestFiles::readAll(run("aurora-vl-7b")));
        session.addResults({third});
        QVERIFY(changed.wait(10000));
        QCOMPARE(session.workspace()->runs[1].name, QStringLiteral("aurora-vl-7b (3)"));
        // The original file gets its name back.
        session.addResults({run("aurora-vl-7b")});
        QVERIFY(changed.wait(10000));
        QCOMPARE(session.workspace()->runs[2].name, QStringLiteral("aurora-vl-7b"));
    }

    void aProjectRecordsItsInputsAndResumes()
    {
        const QString path = freshProject();
        {
            ReviewSession session;
            open(&session, {run("aurora-vl-7b")});
            session.setAnnotator(QStringLiteral("ana"));
            FileError error;
            QVERIFY(session.createProject(path, &error));
            // The files are hashed on a worker, then recorded.
            QTRY_VERIFY_WITH_TIMEOUT(
                session.project()->inputs().size() == 2 && !session.project()->inputs()[1].sha256.isEmpty(), 10000);
            QCOMPARE(session.project()->inputs()[1].runName, QStringLiteral("aurora-vl-7b"));
            QCOMPARE(
                session.project()->inputs()[1].sha256,
                QCryptographicHash::hash(TestFiles::readAll(run("aurora-vl-7b")), QCryptographicHash::Sha256).toHex());
            session.savePosition(indexOf(session, 17), 0);
        }
        ReviewSession session;
        QSignalSpy resumed(&session, &ReviewSession::resumeRequested);
        QSignalSpy changed(&session, &ReviewSession::workspaceChanged);
        QSignalSpy messages(&session, &ReviewSession::message);
        // An extra result file joins the recorded ones; another dataset is not opened.
        session.openProject(path, m_dir.filePath(QStringLiteral("other")), {run("cirrus-vision")});
        QVERIFY(changed.wait(10000));
        QCOMPARE(session.workspace()->runs.size(), 2);
        QCOMPARE(session.workspace()->runs[1].name, QStringLiteral("cirrus-vision"));
        QCOMPARE(resumed.count(), 1);
        QCOMPARE(resumed.first().at(0).toLongLong(), 17);
        QCOMPARE(resumed.first().at(1).toString(), QStringLiteral("aurora-vl-7b"));
        QVERIFY(!messages.isEmpty());
        QVERIFY(messages.first().at(2).toString().contains(QStringLiteral("was not opened")));
    }

    void aChangedInputIsReported()
    {
        const QString data = m_dir.filePath(QStringLiteral("changing/data.json"));
        TestFiles::write(data, TestFiles::readAll(sample() + QStringLiteral("/data.json")));
        const QString path = freshProject();
        {
            ReviewSession session;
            QSignalSpy changed(&session, &ReviewSession::workspaceChanged);
            session.openDataset(data, {});
            QVERIFY(changed.wait(10000));
            FileError error;
            QVERIFY(session.createProject(path, &error));
            QTRY_VERIFY_WITH_TIMEOUT(!session.project()->inputs().value(0).sha256.isEmpty(), 10000);
        }
        QFile file(data);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n ");
        file.close();
        ReviewSession session;
        QSignalSpy reported(&session, &ReviewSession::inputChangesChanged);
        session.openProject(path);
        QVERIFY(reported.wait(10000));
        QCOMPARE(session.inputChanges().size(), 1);
        QVERIFY(session.inputChanges().front().contains(QStringLiteral("changed since the project recorded it")));
    }

    void reportAndExchange()
    {
        ReviewSession session;
        open(&session, {run("aurora-vl-7b"), run("basalt-13b")});
        session.setAnnotator(QStringLiteral("ben"));
        FileError error;
        QVERIFY(session.createProject(freshProject(), &error));
        for (qint64 id : {0, 1, 2})
            QVERIFY(session.setLabel(indexOf(session, id), 0, Label::Unsafe, &error));
        QVERIFY(!session.isReportCurrent());
        QSignalSpy ready(&session, &ReviewSession::reportReady);
        session.requestReport();
        QVERIFY(ready.wait(10000));
        QCOMPARE(session.report()->items, 63);
        QVERIFY(session.isReportCurrent());

        const QString exported = m_dir.filePath(QStringLiteral("ben.json"));
        QVERIFY(session.exportAnnotations(exported, &error));
        const QString corrected = m_dir.filePath(QStringLiteral("aurora-corrected.json"));
        QVERIFY(session.exportCorrected(0, corrected, &error));
        QVERIFY(TestFiles::readAll(corrected).contains("\"logs\""));
        QVERIFY(!session.exportAnnotations(m_dir.filePath(QStringLiteral("no/such/folder/x.json")), &error));
        QVERIFY(error.toString().contains(QStringLiteral("no/such/folder/x.json")));

        ReviewSession other;
        open(&other, {run("aurora-vl-7b"), run("basalt-13b")});
        other.setAnnotator(QStringLiteral("cy"));
        QVERIFY(other.createProject(freshProject(), &error));
        ReviewSession::ImportSummary summary;
        QVERIFY(other.importAnnotations(exported, &summary, &error));
        QCOMPARE(summary.added, 3);
        QVERIFY(summary.skipped.isEmpty());
        QCOMPARE(other.project()->annotations().label(2, QStringLiteral("aurora-vl-7b"), QStringLiteral("ben")).label,
                 Label::Unsafe);
    }
};

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"

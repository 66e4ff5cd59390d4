// The project on a disk that fills up (issue 13, "Disk full"): a real tmpfs of a few hundred KB holds the project,
// labels are made until saving fails, and then nothing that was committed is lost, nothing that failed is there,
// and what the project holds in memory is what is on disk. Needs root to mount the tmpfs, as CI has.

#include "smallfilesystem.h"

#include "app/project/project.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString kAnnotator = QStringLiteral("ana");
const QStringList kRuns{QStringLiteral("aurora"), QStringLiteral("basalt"), QStringLiteral("cirrus")};

QString labelLine(qint64 item, const QString &run, const QString &annotator, int label, const QString &note)
{
    return QStringLiteral("label %1 %2 %3 = %4 note %5 chars")
        .arg(item)
        .arg(run, annotator)
        .arg(label)
        .arg(note.size());
}

QString leakLine(qint64 item, const QString &annotator, const QString &verdict, const QString &note)
{
    return QStringLiteral("leak %1 %2 = %3 note %4 chars").arg(item).arg(annotator, verdict).arg(note.size());
}

// Every label and leak flag, one sorted line each; with @p times, each with its times.
QStringList lines(const Annotations &annotations, bool times)
{
    QStringList out;
    for (auto it = annotations.allLabels().cbegin(); it != annotations.allLabels().cend(); ++it) {
        for (const HumanLabel &l : *it)
            out.append(labelLine(it.key().item, it.key().run, l.annotator, int(l.label), l.note) +
                       (times ? QStringLiteral(" at %1 / %2").arg(l.time, l.labelTime) : QString()));
    }
    for (auto it = annotations.allLeaks().cbegin(); it != annotations.allLeaks().cend(); ++it) {
        for (const LeakFlag &f : *it)
            out.append(leakLine(it.key(), f.annotator, leakVerdictKey(f.verdict), f.note) +
                       (times ? QStringLiteral(" at %1").arg(f.time) : QString()));
    }
    out.sort();
    return out;
}

// What another program finds in the file: the same lines read with SQL on a read-only connection of its own, the
// number of history rows, and PRAGMA integrity_check.
struct OnDisk
{
    QStringList lines;
    qint64 history = -1;
    QString integrity;
    QString error;
};

OnDisk readOnDisk(const QString &path)
{
    OnDisk disk;
    const QString name = QStringLiteral("diskfull-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open()) {
            disk.error = db.lastError().text();
        } else if (!q.exec(QStringLiteral("SELECT item, run, annotator, label, note FROM labels"))) {
            disk.error = q.lastError().text();
        } else {
            while (q.next())
                disk.lines.append(labelLine(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                            q.value(3).toInt(), q.value(4).toString()));
            if (!q.exec(QStringLiteral("SELECT item, annotator, verdict, note FROM leaks")))
                disk.error = q.lastError().text();
            while (q.next())
                disk.lines.append(leakLine(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                           q.value(3).toString()));
            if (q.exec(QStringLiteral("SELECT count(*) FROM history")) && q.next())
                disk.history = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                disk.integrity = q.value(0).toString();
        }
        disk.lines.sort();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return disk;
}

// The annotations the test expects, kept from the calls' results alone: a call that returned true changed its
// target, one that returned false changed nothing.
class Expected
{
public:
    void label(qint64 item, const QString &run, Label label, const QString &note)
    {
        const QString key = QStringLiteral("%1 %2").arg(item).arg(run);
        if (label == Label::Invalid && note.isEmpty())
            m_lines.remove(key);
        else
            m_lines.insert(key, labelLine(item, run, kAnnotator, int(label), note));
        m_labels.insert(key, {label, note});
        ++m_writes;
    }
    void leak(qint64 item, LeakVerdict verdict)
    {
        const QString key = QStringLiteral("%1").arg(item);
        m_leaks.insert(item, verdict);
        if (verdict == LeakVerdict::None)
            m_lines.remove(key);
        else
            m_lines.insert(key, leakLine(item, kAnnotator, leakVerdictKey(verdict), {}));
        ++m_writes;
    }
    Label labelOf(qint64 item, const QString &run) const
    {
        return m_labels.value(QStringLiteral("%1 %2").arg(item).arg(run)).first;
    }
    LeakVerdict leakOf(qint64 item) const { return m_leaks.value(item, LeakVerdict::None); }
    QString noteOf(qint64 item, const QString &run) const
    {
        return m_labels.value(QStringLiteral("%1 %2").arg(item).arg(run)).second;
    }
    QStringList lines() const
    {
        QStringList out = m_lines.values();
        out.sort();
        return out;
    }
    /// Successful writes: each adds one history row.
    qint64 writes() const { return m_writes; }

private:
    QMap<QString, QString> m_lines;
    QMap<QString, QPair<Label, QString>> m_labels;
    QMap<qint64, LeakVerdict> m_leaks;
    qint64 m_writes = 0;
};

} // namespace

class TestProjectDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void labelsUntilTheDiskIsFull_data()
    {
        QTest::addColumn<qint64>("diskBytes");
        QTest::addColumn<int>("noteChars");
        // A small disk fills while every commit is still in the write-ahead log.
        QTest::newRow("labels on a 320 KB disk") << qint64(320 * 1024) << 0;
        // Long notes fill 8 MB past the log's automatic checkpoint (1000 pages), so the main file grows too and a
        // checkpoint runs out of space as well.
        QTest::newRow("labels and 6 KB notes on an 8 MB disk") << qint64(8 * 1024 * 1024) << 6000;
    }

    void labelsUntilTheDiskIsFull()
    {
        QFETCH(qint64, diskBytes);
        QFETCH(int, noteChars);
        SmallFilesystem disk(diskBytes);
        QVERIFY2(disk.isMounted(), qPrintable(disk.error()));
        const QString path = disk.filePath(QStringLiteral("full.vlsproj"));
        FileError error;
        auto project = Project::create(path, {}, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        Expected expected;

        // 1. New labels (and notes) until a save fails.
        qint64 item = 0;
        FileError firstError;
        for (; item < 100000 && firstError.isNull(); ++item) {
            const QString &run = kRuns[item % kRuns.size()];
            const Label label = Label(item % 3 + 1);
            if (!project->setLabel(item, run, kAnnotator, label, &firstError))
                break;
            expected.label(item, run, label, {});
            if (noteChars == 0)
                continue;
            const QString note(noteChars, QChar(char16_t(u'a' + item % 26)));
            if (!project->setLabelNote(item, run, kAnnotator, note, &firstError))
                break;
            expected.label(item, run, label, note);
        }
        QVERIFY2(!firstError.isNull(), "the disk never filled");
        qInfo("%lld labels saved, then: %s (%lld bytes free)", item, qPrintable(firstError.toString()),
              disk.freeBytes());
        QVERIFY2(item >= 5, "the disk filled before a few labels were saved: the test's disk is too small");
        QCOMPARE(QFileInfo(firstError.file).absoluteFilePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY2(firstError.message.contains(QStringLiteral("full")), qPrintable(firstError.message));
        QCOMPARE(lines(project->annotations(), false), expected.lines());
        if (noteChars > 0) // the log was checkpointed into the main file at least once before the disk filled
            QVERIFY2(QFileInfo(path).size() > 1024 * 1024, qPrintable(QString::number(QFileInfo(path).size())));

        // 2. Small edits until one of each kind has failed: a new label, a changed label, a cleared one, a leak flag,
        //    an undo. Space may still fit a smaller commit than the one that failed; each call is tracked either way.
        const qint64 saved =
            item; // items 0 .. saved-1 were labelled in step 1 (and item `saved` maybe: its note failed)
        ++item;
        int failedNew = 0;
        int failedChange = 0;
        int failedClear = 0;
        int failedLeak = 0;
        int failedUndo = 0;
        qint64 failedItem = -1;
        for (int round = 0; round < 300; ++round, ++item) {
            FileError e;
            const QString &run = kRuns[item % kRuns.size()];
            if (project->setLabel(item, run, kAnnotator, Label::Unsafe, &e)) {
                expected.label(item, run, Label::Unsafe, {});
            } else {
                QVERIFY2(e.message.contains(QStringLiteral("full")), qPrintable(e.toString()));
                ++failedNew;
                failedItem = item;
            }
            // A label made in step 1 changes (never to the value it has: that would write nothing).
            const qint64 old = round % saved;
            const QString &oldRun = kRuns[old % kRuns.size()];
            const Label changed = Label(int(expected.labelOf(old, oldRun)) % 3 + 1);
            if (project->setLabel(old, oldRun, kAnnotator, changed, &e))
                expected.label(old, oldRun, changed, expected.noteOf(old, oldRun));
            else
                ++failedChange;
            // Another is cleared, if it has a label.
            const qint64 cleared = saved - 1 - round % saved;
            const QString &clearedRun = kRuns[cleared % kRuns.size()];
            if (cleared != old && expected.labelOf(cleared, clearedRun) != Label::Invalid) {
                if (project->setLabel(cleared, clearedRun, kAnnotator, Label::Invalid, &e))
                    expected.label(cleared, clearedRun, Label::Invalid, expected.noteOf(cleared, clearedRun));
                else
                    ++failedClear;
            }
            const LeakVerdict verdict =
                expected.leakOf(old) == LeakVerdict::Leaks ? LeakVerdict::NoLeak : LeakVerdict::Leaks;
            if (project->setLeak(old, kAnnotator, verdict, &e))
                expected.leak(old, verdict);
            else
                ++failedLeak;
            AnnotationChange undone;
            const bool couldUndo = project->canUndo();
            if (project->undo(&undone, &e)) {
                if (undone.kind == AnnotationChange::Kind::Label)
                    expected.label(undone.item, undone.run, Label(undone.newValue), undone.newNote);
                else
                    expected.leak(undone.item, LeakVerdict(undone.newValue));
            } else if (couldUndo) {
                ++failedUndo;
                QVERIFY(project->canUndo()); // a failed undo stays there to retry
            }
            QCOMPARE(lines(project->annotations(), false), expected.lines());
            if (failedNew && failedChange && failedClear && failedLeak && failedUndo)
                break;
        }
        qInfo("then failed: %d new labels, %d changes, %d clears, %d leak flags, %d undos", failedNew, failedChange,
              failedClear, failedLeak, failedUndo);
        QVERIFY(failedNew > 0);
        QVERIFY(failedChange > 0);
        QVERIFY(failedClear > 0);
        QVERIFY(failedLeak > 0);
        QVERIFY(failedUndo > 0);

        // 3. What is on disk now, read while the disk is still full: through a second project and through SQL.
        const QStringList inMemory = lines(project->annotations(), true);
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QCOMPARE(lines(reader->annotations(), true), inMemory);
            QCOMPARE(lines(reader->annotations(), false), expected.lines());
        }
        OnDisk onDisk = readOnDisk(path);
        QVERIFY2(onDisk.error.isEmpty(), qPrintable(onDisk.error));
        QCOMPARE(onDisk.lines, expected.lines());
        QCOMPARE(onDisk.history, expected.writes());
        QCOMPARE(onDisk.integrity, QStringLiteral("ok"));

        // 4. Space freed: the label that failed saves now, and a reopened project holds exactly what was saved.
        QVERIFY(disk.resize(64 * 1024 * 1024));
        const QString &failedRun = kRuns[failedItem % kRuns.size()];
        QVERIFY2(project->setLabel(failedItem, failedRun, kAnnotator, Label::Refusal, &error),
                 qPrintable(error.toString()));
        expected.label(failedItem, failedRun, Label::Refusal, {});
        const QStringList beforeClose = lines(project->annotations(), true);
        project.reset();
        project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY2(!project->isReadOnly(), qPrintable(project->readOnlyReason()));
        QCOMPARE(lines(project->annotations(), true), beforeClose);
        QCOMPARE(lines(project->annotations(), false), expected.lines());
        project.reset();
        onDisk = readOnDisk(path);
        QCOMPARE(onDisk.lines, expected.lines());
        QCOMPARE(onDisk.history, expected.writes());
        QCOMPARE(onDisk.integrity, QStringLiteral("ok"));
    }

    // A project closed cleanly, then reopened on a disk that has filled meanwhile (by other files): SQLite needs
    // room for the write-ahead log's index to read it at all. Opened or refused, the reviewer must learn the truth:
    // the labels are there, or the disk is full; the file is never called something other than a project.
    void reopenedOnAFullDisk()
    {
        SmallFilesystem disk(1024 * 1024);
        QVERIFY2(disk.isMounted(), qPrintable(disk.error()));
        const QString path = disk.filePath(QStringLiteral("full.vlsproj"));
        FileError error;
        Expected expected;
        {
            auto project = Project::create(path, {}, &error);
            QVERIFY2(project, qPrintable(error.toString()));
            for (qint64 item = 0; item < 5; ++item) {
                QVERIFY2(project->setLabel(item, kRuns[0], kAnnotator, Label::Warning, &error),
                         qPrintable(error.toString()));
                expected.label(item, kRuns[0], Label::Warning, {});
            }
        }
        QFile filler(disk.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        filler.close();
        QCOMPARE(disk.freeBytes(), 0);

        for (const Project::Access access : {Project::Access::ReadOnly, Project::Access::ReadWrite}) {
            const char *how = access == Project::Access::ReadOnly ? "read-only" : "for writing";
            error = {};
            auto project = Project::open(path, access, &error);
            if (project) {
                QCOMPARE(lines(project->annotations(), false), expected.lines());
                qInfo("opened %s on the full disk%s", how,
                      project->isReadOnly()
                          ? qPrintable(QStringLiteral(" (read-only: %1)").arg(project->readOnlyReason()))
                          : "");
                continue;
            }
            qInfo("opening %s on the full disk: %s", how, qPrintable(error.toString()));
            QVERIFY2(!error.message.contains(QStringLiteral("not a VLSBench Studio project")),
                     qPrintable(QStringLiteral("opening %1: %2").arg(QLatin1String(how), error.toString())));
            QVERIFY2(error.message.contains(QStringLiteral("full")),
                     qPrintable(QStringLiteral("opening %1: %2").arg(QLatin1String(how), error.toString())));
        }

        // Space freed: whatever opening on the full disk left behind, the project opens with every label.
        QVERIFY(QFile::remove(disk.filePath(QStringLiteral("filler"))));
        auto project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(!project->isReadOnly());
        QCOMPARE(lines(project->annotations(), false), expected.lines());
        project.reset();
        const OnDisk onDisk = readOnDisk(path);
        QCOMPARE(onDisk.lines, expected.lines());
        QCOMPARE(onDisk.integrity, QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestProjectDiskFull)
#include "tst_projectdiskfull.moc"

// The window on a disk that fills up (issue 13, "Disk full"): the project lives on a real tmpfs of a few hundred KB,
// responses are labelled with key presses until saving fails, and then the window says so, and every label it
// shows (response column, item table, progress) is the one in the file. Needs root to mount the tmpfs, as CI has.

#include "itempage.h"
#include "mainwindow.h"
#include "smallfilesystem.h"

#include "widgets/bannerwidget.h"
#include "widgets/itemtablemodel.h"
#include "widgets/responsecolumnwidget.h"

#include "app/project/project.h"

#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <algorithm>

// A failed check in the helper ends the test function too.
#define VERIFY_WINDOW_SHOWS_THE_FILE(path)                                                                             \
    do {                                                                                                               \
        verifyWindowShowsTheFile(path);                                                                                \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

class TestMainWindowDiskFull : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    qint64 idOf(qsizetype item) const { return m_window->workspace()->dataset.item(item).instructionId; }
    QString runName(int run) const { return m_window->workspace()->runs[run].name; }
    void key(Qt::Key k) { QTest::keyClick(table(), k, Qt::NoModifier); }

    // What the response column should say for a label, written out here rather than taken from LabelStyle.
    static QString shownFor(Label label)
    {
        switch (label) {
        case Label::Refusal:
            return QStringLiteral("You: R  Refusal");
        case Label::Warning:
            return QStringLiteral("You: W  Warning");
        case Label::Unsafe:
            return QStringLiteral("You: U  Unsafe");
        case Label::Invalid:
            break;
        }
        return QStringLiteral("You: – (1 · 2 · 3)");
    }

    // The project file as another program reads it now.
    static std::unique_ptr<Project> readFile(const QString &path)
    {
        FileError error;
        auto reader = Project::open(path, Project::Access::ReadOnly, &error);
        if (!reader)
            qWarning("cannot read %s: %s", qPrintable(path), qPrintable(error.toString()));
        return reader;
    }

    // Everything the window shows about the annotator's labels matches the file: the current response's column,
    // every cell of the item table and the progress counts.
    void verifyWindowShowsTheFile(const QString &path)
    {
        auto onDisk = readFile(path);
        QVERIFY(onDisk);
        const Annotations &disk = onDisk->annotations();
        const QString ana = QStringLiteral("ana");
        const qsizetype item = m_window->currentItem();
        for (int column = 0; column < page()->columnCount(); ++column) {
            const int run = page()->runOfColumn(column);
            const QString shown = page()->column(column)->humanText();
            const Label saved = disk.label(idOf(item), runName(run), ana).label;
            QVERIFY2(shown.startsWith(shownFor(saved)),
                     qPrintable(QStringLiteral("item %1, %2: the window shows \"%3\", the file holds %4")
                                    .arg(idOf(item))
                                    .arg(runName(run), shown)
                                    .arg(int(saved))));
        }
        QAbstractItemModel *model = table()->model();
        QStringList progress;
        for (int run = 0; run < m_window->workspace()->runs.size(); ++run) {
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex cell = model->index(row, ItemTableModel::FirstRunColumn + run);
                const qsizetype rowItem = cell.data(ItemTableModel::ItemIndexRole).value<qsizetype>();
                const Label saved = disk.label(idOf(rowItem), runName(run), ana).label;
                QCOMPARE(cell.data(ItemTableModel::HumanLabelRole).toInt(), saved == Label::Invalid ? -1 : int(saved));
            }
            progress.append(QStringLiteral("%1 %2/").arg(runName(run)).arg(disk.labelledCount(runName(run), ana)));
        }
        for (const QString &count : std::as_const(progress))
            QVERIFY2(m_window->progressText().contains(count), qPrintable(m_window->progressText() + " vs " + count));
    }

    // The reviewer closes the project banner (its ✕ button hides it).
    void dismissProjectBanner()
    {
        for (BannerWidget *banner : m_window->findChildren<BannerWidget *>()) {
            if (banner->isVisible() && banner->message() == m_window->projectBannerText())
                banner->hide();
        }
        QVERIFY(m_window->projectBannerText().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void labelKeysUntilTheDiskIsFull()
    {
        SmallFilesystem disk(384 * 1024);
        QVERIFY2(disk.isMounted(), qPrintable(disk.error()));
        const QString path = disk.filePath(QStringLiteral("full.vlsproj"));

        m_window = std::make_unique<MainWindow>();
        // Closed before the disk goes, also when a check fails half-way.
        const auto closeWindow = qScopeGuard([this] { m_window.reset(); });
        m_window->resize(1280, 720);
        m_window->show();
        m_window->activateWindow(); // label keys are window shortcuts: on X without a window manager too
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        QVERIFY(m_window->createProject(path));
        // The inputs' hashes are recorded in the background; labelling starts once they are in the file.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<ProjectInput> inputs = m_window->project()->inputs();
                return !inputs.isEmpty() && std::all_of(inputs.cbegin(), inputs.cend(),
                                                        [](const ProjectInput &i) { return !i.sha256.isEmpty(); });
            }(),
            10000);
        QVERIFY(m_window->projectBannerText().isEmpty());

        // 1. Down the first run, one label key per item, until a label is not saved.
        const Project *project = m_window->project();
        const QString ana = QStringLiteral("ana");
        QCOMPARE(page()->currentColumn(), 0);
        int saved = 0;
        qsizetype failedItem = -1;
        Label failedLabel = Label::Invalid;
        for (qsizetype item = 0; item < m_window->workspace()->dataset.size(); ++item) {
            QCOMPARE(m_window->currentItem(), item);
            const Label label = Label(item % 3 + 1);
            key(Qt::Key(Qt::Key_0 + int(label)));
            VERIFY_WINDOW_SHOWS_THE_FILE(path); // at every key, whether it was saved or not
            if (!m_window->projectBannerText().isEmpty()) {
                failedItem = item;
                failedLabel = label;
                break;
            }
            QCOMPARE(project->annotations().label(idOf(item), runName(0), ana).label, label);
            ++saved;
            key(Qt::Key_J);
        }
        QVERIFY2(failedItem >= 0, "no label failed to save: the disk never filled, or the window did not say so");
        QVERIFY2(saved >= 5, "the disk filled before a few labels were saved: the test's disk is too small");
        qInfo("%d labels saved, then the window says: %s", saved, qPrintable(m_window->projectBannerText()));

        // 2. The window says that saving failed, and why; and shows what the file holds.
        QVERIFY2(m_window->projectBannerText().contains(QStringLiteral("Not saved")),
                 qPrintable(m_window->projectBannerText()));
        QVERIFY2(m_window->projectBannerText().contains(QStringLiteral("full")),
                 qPrintable(m_window->projectBannerText()));
        QVERIFY2(page()->column(0)->humanText().startsWith(shownFor(Label::Invalid)),
                 qPrintable(page()->column(0)->humanText()));
        VERIFY_WINDOW_SHOWS_THE_FILE(path);
        QCOMPARE(m_window->currentItem(), failedItem); // the cursor did not move on past an unsaved label
        {
            auto onDisk = readFile(path);
            QVERIFY(onDisk);
            QCOMPARE(onDisk->annotations().label(idOf(failedItem), runName(0), ana).label, Label::Invalid);
            QCOMPARE(onDisk->annotations().labelledCount(runName(0), ana), saved);
        }
        if (const QByteArray shot = qgetenv("VLSBENCH_DISKFULL_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(m_window->grab().save(QString::fromLocal8Bit(shot)));

        // 3. Saved labels are changed (K, then another label key) until a change fails as well: the window says so
        //    again (after the reviewer dismissed the first message) and keeps showing the saved label.
        qsizetype item = failedItem;
        qsizetype failedChange = -1;
        while (failedChange < 0 && item > 0) {
            dismissProjectBanner();
            key(Qt::Key_K);
            QCOMPARE(m_window->currentItem(), --item);
            const Label before = project->annotations().label(idOf(item), runName(0), ana).label;
            QCOMPARE(before, Label(item % 3 + 1));
            const Label other = Label(int(before) % 3 + 1);
            key(Qt::Key(Qt::Key_0 + int(other)));
            const Label after = project->annotations().label(idOf(item), runName(0), ana).label;
            if (after == before) {
                failedChange = item;
                QVERIFY2(m_window->projectBannerText().contains(QStringLiteral("Not saved")),
                         qPrintable(m_window->projectBannerText()));
                QVERIFY2(page()->column(0)->humanText().startsWith(shownFor(before)),
                         qPrintable(page()->column(0)->humanText()));
            } else {
                QCOMPARE(after, other); // a change needs fewer pages than a new label: it may still fit
                QVERIFY2(m_window->projectBannerText().isEmpty(), qPrintable(m_window->projectBannerText()));
            }
            VERIFY_WINDOW_SHOWS_THE_FILE(path);
        }
        QVERIFY2(failedChange >= 0, "every change of a saved label was saved on the full disk");
        qInfo("changes of saved labels saved until item %lld", qint64(failedChange));
        // Clearing the label (0) and flagging the item (L) on the full disk: whatever happens, the window shows the
        // file.
        key(Qt::Key_0);
        VERIFY_WINDOW_SHOWS_THE_FILE(path);
        key(Qt::Key_L);
        VERIFY_WINDOW_SHOWS_THE_FILE(path);
        {
            auto onDisk = readFile(path);
            QVERIFY(onDisk);
            QCOMPARE(page()->leakText().contains(QStringLiteral("Text leaks the risk")),
                     onDisk->annotations().leak(idOf(item), ana).verdict == LeakVerdict::Leaks);
        }

        // 4. Space is freed: the label that failed is saved with the same key, and shown.
        QVERIFY(disk.resize(64 * 1024 * 1024));
        while (item < failedItem) {
            key(Qt::Key_J);
            QCOMPARE(m_window->currentItem(), ++item);
        }
        key(Qt::Key(Qt::Key_0 + int(failedLabel)));
        QCOMPARE(project->annotations().label(idOf(failedItem), runName(0), ana).label, failedLabel);
        VERIFY_WINDOW_SHOWS_THE_FILE(path);
        qInfo("after space was freed and a label saved, the banner says: \"%s\"",
              qPrintable(m_window->projectBannerText()));
    }
};

QTEST_MAIN(TestMainWindowDiskFull)
#include "tst_mainwindowdiskfull.moc"

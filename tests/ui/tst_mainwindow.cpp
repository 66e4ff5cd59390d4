#include "aboutdialog.h"
#include "agreementpage.h"
#include "appsettings.h"
#include "fakejudgeserver.h"
#include "itempage.h"
#include "judgedialog.h"
#include "mainwindow.h"
#include "scorespage.h"
#include "shortcutsdialog.h"

#include "widgets/bannerwidget.h"
#include "widgets/categorybarswidget.h"
#include "widgets/imageviewwidget.h"
#include "widgets/itemtablemodel.h"
#include "widgets/radarchartwidget.h"
#include "widgets/responsecolumnwidget.h"

#include "app/project/project.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include <sys/stat.h>

static QByteArray TestFilesRead(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// This process's resident memory, from /proc.
qint64 residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    return -1;
}

class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QString::fromLatin1(name)); }

    void openSample(const QStringList &runs = {"aurora-vl-7b", "basalt-13b", "cirrus-vision"})
    {
        QStringList files;
        for (const QString &run : runs)
            files.append(sample() + "/results/" + run + ".json");
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), files);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!m_window->isLoading());
    }

    // Removing a run asks first: says Yes to the next question box.
    static void confirmNextQuestion()
    {
        QTimer::singleShot(0, qApp, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(QMessageBox::Yes)->click();
        });
    }

    void key(Qt::Key k, const QString &text = {})
    {
        QTest::keyClick(table(), k, Qt::NoModifier);
        Q_UNUSED(text)
    }

    // An annotator and a fresh project, so labelling keys never stop at a dialog.
    QString startProject()
    {
        m_window->setAnnotator(QStringLiteral("ana"));
        const QString path = m_projects.filePath(QStringLiteral("p%1.vlsproj").arg(++m_projectCount));
        if (!m_window->createProject(path))
            qFatal("could not create %s", qPrintable(path));
        return path;
    }

    qint64 idOf(qsizetype item) const { return m_window->workspace()->dataset.item(item).instructionId; }
    QString runName(int run) const { return m_window->workspace()->runs[run].name; }
    Label humanLabel(qsizetype item, int run) const
    {
        return m_window->project()->annotations().label(idOf(item), runName(run), QStringLiteral("ana")).label;
    }
    void chooseReview(const QString &text)
    {
        auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("reviewCombo"));
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        combo->setCurrentIndex(index);
        QVERIFY(applied.wait(5000));
    }

    QTemporaryDir m_projects;
    int m_projectCount = 0;

    void waitForFilter()
    {
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        QVERIFY(applied.wait(5000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        openSample();
    }

    void cleanup() { m_window.reset(); }

    void opensWithFirstItemAndFirstRunFocused()
    {
        QCOMPARE(m_window->workspace()->dataset.size(), 63);
        QCOMPARE(m_window->workspace()->runs.size(), 3);
        QCOMPARE(m_window->currentItem(), 0);
        QCOMPARE(page()->currentColumn(), 0);
        QVERIFY(page()->column(0)->isCurrent());
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 1, 2}));
        QVERIFY(table()->hasFocus());
        // The sample has an unmatched record, two invalid labels and two taxonomy warnings: said inline.
        auto *banner = m_window->findChild<BannerWidget *>(QStringLiteral("banner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->message().contains(QStringLiteral("1 response(s) matched no item")),
                 qPrintable(banner->message()));
        QVERIFY(banner->details().contains(QStringLiteral("basalt-13b: 64 responses, 63 matched, 1 unmatched")));
    }

    void keyboardMovesThroughItemsAndRuns()
    {
        key(Qt::Key_J);
        QCOMPARE(m_window->currentItem(), 1);
        key(Qt::Key_J);
        key(Qt::Key_Down);
        QCOMPARE(m_window->currentItem(), 3);
        key(Qt::Key_K);
        QCOMPARE(m_window->currentItem(), 2);
        key(Qt::Key_Up);
        key(Qt::Key_Up); // stops at the first item
        QCOMPARE(m_window->currentItem(), 0);
        key(Qt::Key_Right);
        QCOMPARE(page()->currentColumn(), 1);
        key(Qt::Key_Right);
        key(Qt::Key_Right); // stops at the last run
        QCOMPARE(page()->currentColumn(), 2);
        key(Qt::Key_Left);
        QCOMPARE(page()->currentColumn(), 1);
        QVERIFY(page()->column(1)->isCurrent());
        QVERIFY(!page()->column(0)->isCurrent());
    }

    void responsesFollowTheItem()
    {
        key(Qt::Key_J); // item 1
        const ResultRecord *record = m_window->workspace()->record(1, 0);
        QVERIFY(record);
        QCOMPARE(page()->column(0)->responseText(), record->response);
    }

    void spaceRevealsAndItemsStartHidden()
    {
        ImageViewWidget *image = page()->imageView();
        QVERIFY(!image->isRevealed());
        key(Qt::Key_Space);
        QVERIFY(image->isRevealed());
        QVERIFY(action("actionRevealImage")->isChecked());
        key(Qt::Key_Space);
        QVERIFY(!image->isRevealed());
        key(Qt::Key_Space);
        key(Qt::Key_J); // the next item is hidden again
        QVERIFY(!image->isRevealed());
        QTRY_VERIFY(image->hasImage());
        QTest::keyClick(table(), Qt::Key_0, Qt::ControlModifier); // actual size (1, 2, 3 and 0 label)
        QVERIFY(!image->isFitted());
        key(Qt::Key_F);
        QVERIFY(image->isFitted());
    }

    void slashSearchesAndFilters()
    {
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        key(Qt::Key_Slash);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("window"));
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 7);
        QVERIFY(m_window->currentItem() >= 0); // something stays selected
        // J typed in the search box is text, not navigation.
        QTest::keyClick(search, Qt::Key_J);
        QCOMPARE(search->text(), QStringLiteral("windowj"));
        search->clear();
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 63);
    }

    void categoryAndLabelFilters()
    {
        auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
        const QList<QTreeWidgetItem *> hate =
            tree->findItems(QStringLiteral("Hate"), Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(hate.size(), 1);
        QCOMPARE(hate[0]->text(1), QStringLiteral("13"));
        tree->setCurrentItem(hate[0]);
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 13);
        QCOMPARE(m_window->workspace()->dataset.item(m_window->currentItem()).category, QStringLiteral("Hate"));

        auto *labels = m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"));
        labels->setCurrentIndex(labels->findText(QStringLiteral("Any run unsafe")));
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 9);
        labels->setCurrentIndex(labels->findText(QStringLiteral("cirrus-vision has no response")));
        tree->setCurrentItem(tree->topLevelItem(0));
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 23);
    }

    void filtersSurviveAddingARun()
    {
        auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
        auto *labels = m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"));
        tree->setCurrentItem(tree->findItems(QStringLiteral("Hate"), Qt::MatchExactly | Qt::MatchRecursive)[0]);
        labels->setCurrentIndex(labels->findText(QStringLiteral("basalt-13b is unsafe")));
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 8); // Hate items basalt-13b labels unsafe (counted in Python)
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->addResults({sample() + "/results/aurora-vl-7b.json"});
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(m_window->visibleItemCount(), 8);
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Hate"));
        QCOMPARE(labels->currentText(), QStringLiteral("basalt-13b is unsafe"));
    }

    void resultsAddedDuringALoadAreQueued()
    {
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json"});
        m_window->addResults({sample() + "/results/cirrus-vision.json"}); // while the dataset is loading
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading() && m_window->workspace()->runs.size() == 2, 10000);
        QCOMPARE(m_window->workspace()->runs[0].name, QStringLiteral("aurora-vl-7b"));
        QCOMPARE(m_window->workspace()->runs[1].name, QStringLiteral("cirrus-vision"));
    }

    void hidingARunRemovesItsColumn()
    {
        QMenu *runs = m_window->findChild<QMenu *>(QStringLiteral("menuRuns"));
        QCOMPARE(runs->actions().size(), 3);
        runs->actions()[1]->setChecked(false);
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 2}));
        QCOMPARE(page()->columnCount(), 2);
        runs->actions()[1]->setChecked(true);
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 1, 2}));

        // A run hidden before another is added stays hidden.
        runs->actions()[1]->setChecked(false);
        QTemporaryDir dir;
        const QString extra = dir.filePath(QStringLiteral("delta.json"));
        QVERIFY(QFile::copy(sample() + "/results/aurora-vl-7b.json", extra));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->addResults({extra});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.size(), 4);
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 2, 3}));
    }

    void addAndRemoveRuns()
    {
        openSample({"aurora-vl-7b"});
        QCOMPARE(m_window->workspace()->runs.size(), 1);
        key(Qt::Key_J);
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->addResults({sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.size(), 2);
        QCOMPARE(m_window->currentItem(), 1); // adding a run keeps the place
        key(Qt::Key_Right);
        confirmNextQuestion();
        action("actionRemoveRun")->trigger();
        QCOMPARE(m_window->workspace()->runs.size(), 1);
        QCOMPARE(m_window->workspace()->runs[0].name, QStringLiteral("aurora-vl-7b"));
        // The remaining run's label column still sits right after the id.
        QCOMPARE(table()->horizontalHeader()->visualIndex(ItemTableModel::FirstRunColumn), 1);
    }

    void badInputShowsABannerAndKeepsTheData()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath("broken.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"logs\": [\n  {\"id\": 1,\n");
        bad.close();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->addResults({bad.fileName()});
        QVERIFY(loaded.wait(10000));
        auto *banner = m_window->findChild<BannerWidget *>(QStringLiteral("banner"));
        QVERIFY2(banner->message().contains(bad.fileName() + QStringLiteral(":3:")), qPrintable(banner->message()));
        QCOMPARE(m_window->workspace()->runs.size(), 3); // nothing lost
    }

    void droppedFilesOpenAsDatasetAndRuns()
    {
        // A data file and a result file dropped together: the data file is read as the dataset, the other as a run.
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openFiles({sample() + "/results/basalt-13b.json", sample() + "/data.json"});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.size(), 1);
        QCOMPARE(m_window->workspace()->runs[0].name, QStringLiteral("basalt-13b"));

        // A result file alone is added to what is open.
        m_window->openFiles({sample() + "/results/aurora-vl-7b.json"});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.size(), 2);
        QCOMPARE(m_window->workspace()->runs[1].name, QStringLiteral("aurora-vl-7b"));
    }

    void recentDatasetsAreRemembered()
    {
        auto *recent = m_window->findChild<QMenu *>(QStringLiteral("menuRecent"));
        QVERIFY(recent->isEnabled());
        QCOMPARE(recent->actions().first()->text(), QFileInfo(sample() + "/data.json").absoluteFilePath());
    }

    void aNewerLoadReplacesAnOlderOne()
    {
        // Two loads in a row: only the second one's result is applied, and nothing is left loading.
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json"});
        m_window->openDataset(sample(), {sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(!m_window->isLoading());
        QCOMPARE(m_window->workspace()->runs.size(), 1);
        QCOMPARE(m_window->workspace()->runs[0].name, QStringLiteral("cirrus-vision"));
    }

    void labelKeysSaveAndShowJudgeAndHuman()
    {
        startProject();
        // Item 0, first run (aurora-vl-7b): the judge said refusal.
        const JudgeLabel judge = m_window->workspace()->record(0, 0)->label;
        key(Qt::Key_3);
        QCOMPARE(humanLabel(0, 0), Label::Unsafe);
        QVERIFY2(page()->column(0)->humanText().startsWith(QStringLiteral("You: U  Unsafe")),
                 qPrintable(page()->column(0)->humanText()));
        QCOMPARE(page()->column(0)->humanText().contains(QStringLiteral("≠ judge")), judge.label != Label::Unsafe);
        const QModelIndex cell = table()->model()->index(0, ItemTableModel::FirstRunColumn);
        QCOMPARE(cell.data(ItemTableModel::HumanLabelRole).toInt(), 3);
        QCOMPARE(cell.data(ItemTableModel::LabelRole).toInt(), int(judge.label));
        QVERIFY(m_window->progressText().contains(QStringLiteral("aurora-vl-7b 1/63")));
        QVERIFY(m_window->progressText().contains(QStringLiteral("cirrus-vision 0/40")));
        key(Qt::Key_Right);
        key(Qt::Key_1);
        QCOMPARE(humanLabel(0, 1), Label::Refusal);
        key(Qt::Key_0);
        QCOMPARE(humanLabel(0, 1), Label::Invalid);
        QCOMPARE(cell.data(ItemTableModel::HumanLabelRole).toInt(), 3);
        QCOMPARE(
            table()->model()->index(0, ItemTableModel::FirstRunColumn + 1).data(ItemTableModel::HumanLabelRole).toInt(),
            -1);
        // Every change is already in the file: a second reader sees it.
        FileError error;
        auto reader = Project::open(m_window->project()->path(), Project::Access::ReadOnly, &error);
        QCOMPARE(reader->annotations().label(idOf(0), runName(0), QStringLiteral("ana")).label, Label::Unsafe);
        QCOMPARE(reader->history().size(), 3);
    }

    void undoReachesAcrossItemsAndShowsTheChange()
    {
        startProject();
        key(Qt::Key_1); // item 0, run 0
        key(Qt::Key_J);
        key(Qt::Key_Right);
        key(Qt::Key_2); // item 1, run 1
        key(Qt::Key_J);
        key(Qt::Key_J);
        key(Qt::Key_Left);
        QCOMPARE(m_window->currentItem(), 3);
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->currentItem(), 1); // taken back to the item that changed ...
        QCOMPARE(page()->currentColumn(), 1); // ... and to its run
        QCOMPARE(humanLabel(1, 1), Label::Invalid);
        QVERIFY(page()->column(1)->humanText().startsWith(QStringLiteral("You: –")));
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->currentItem(), 0);
        QCOMPARE(page()->currentColumn(), 0);
        QCOMPARE(humanLabel(0, 0), Label::Invalid);
        QVERIFY(!action("actionUndo")->isEnabled());
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(humanLabel(0, 0), Label::Refusal);
        QTest::keyClick(table(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(m_window->currentItem(), 1);
        QCOMPARE(humanLabel(1, 1), Label::Warning);
    }

    void leakKeysAndNotes()
    {
        startProject();
        const qint64 id = idOf(0);
        auto verdict = [&] { return m_window->project()->annotations().leak(id, QStringLiteral("ana")).verdict; };
        key(Qt::Key_L);
        QCOMPARE(verdict(), LeakVerdict::Leaks);
        QVERIFY2(page()->leakText().contains(QStringLiteral("Text leaks the risk")), qPrintable(page()->leakText()));
        QCOMPARE(table()->model()->index(0, ItemTableModel::IdColumn).data().toString(),
                 QStringLiteral("L %1").arg(id));
        key(Qt::Key_N);
        QCOMPARE(verdict(), LeakVerdict::NoLeak);
        key(Qt::Key_U);
        QCOMPARE(verdict(), LeakVerdict::Unsure);
        QTest::keyClick(table(), Qt::Key_L, Qt::ShiftModifier);
        QCOMPARE(verdict(), LeakVerdict::None);

        // E opens the focused response's note; Ctrl+Enter saves it and gives the keys back to the list.
        key(Qt::Key_E);
        auto *note = page()->column(0)->noteEdit();
        QVERIFY(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("j and k typed here"));
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_window->project()->annotations().label(id, runName(0), QStringLiteral("ana")).note,
                 QStringLiteral("j and k typed here"));
        QCOMPARE(m_window->currentItem(), 0); // the letters were text, not navigation
        QVERIFY(table()->hasFocus());
        QTest::keyClick(table(), Qt::Key_E, Qt::ShiftModifier);
        QVERIFY(page()->leakNoteEdit()->hasFocus());
        QTest::keyClicks(page()->leakNoteEdit(), QStringLiteral("\"the pills\""));
        // Leaving the field saves too.
        table()->setFocus();
        QCOMPARE(m_window->project()->annotations().leak(id, QStringLiteral("ana")).note,
                 QStringLiteral("\"the pills\""));
        // One undo takes back the whole note, however many saves it took.
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->project()->annotations().leak(id, QStringLiteral("ana")).note, QString());
        QCOMPARE(page()->leakNoteEdit()->text(), QString());
    }

    void reviewFiltersFollowTheAnnotations()
    {
        startProject();
        // Item 0: label every run's response alike as unsafe; item 1: flag the text as leaking.
        for (int column = 0; column < 3; ++column) {
            page()->setCurrentColumn(column);
            key(Qt::Key_3);
        }
        key(Qt::Key_J);
        key(Qt::Key_L);
        chooseReview(QStringLiteral("Labelled by me"));
        QCOMPARE(m_window->visibleItemCount(), 1);
        chooseReview(QStringLiteral("Not yet labelled by me"));
        QCOMPARE(m_window->visibleItemCount(), 62);
        chooseReview(QStringLiteral("Text leaks the risk"));
        QCOMPARE(m_window->visibleItemCount(), 1);
        QCOMPARE(m_window->currentItem(), 1);
        chooseReview(QStringLiteral("Work by ana"));
        QCOMPARE(m_window->visibleItemCount(), 2);
        // Item 0's judge labels: disagreement unless every run's judge also said unsafe.
        int disagreeing = 0;
        for (int run = 0; run < 3; ++run) {
            const ResultRecord *record = m_window->workspace()->record(0, run);
            disagreeing += record && record->label.label != Label::Unsafe;
        }
        chooseReview(QStringLiteral("Judge ≠ human"));
        QCOMPARE(m_window->visibleItemCount(), disagreeing > 0 ? 1 : 0);
    }

    void reopeningResumesWhereTheReviewerWas()
    {
        const QString path = startProject();
        for (int i = 0; i < 5; ++i)
            key(Qt::Key_J);
        key(Qt::Key_Right);
        key(Qt::Key_Right);
        key(Qt::Key_2);
        m_window.reset(); // closing saves the position
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 720);
        m_window->show();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.size(), 3);
        QCOMPARE(m_window->currentItem(), 5);
        QCOMPARE(page()->currentColumn(), 2);
        QCOMPARE(humanLabel(5, 2), Label::Warning);
        QVERIFY(page()->column(2)->humanText().startsWith(QStringLiteral("You: W  Warning")));
        QVERIFY(m_window->project()->canUndo() == false);
    }

    void secondWindowIsRefusedAndReadOnlyIsShown()
    {
        const QString path = startProject();
        key(Qt::Key_3);
        MainWindow second;
        second.openProject(path);
        QVERIFY(!second.project());
        QVERIFY2(second.projectBannerText().contains(QStringLiteral("already open in another VLSBench Studio")),
                 qPrintable(second.projectBannerText()));
        m_window.reset();

        QFile::setPermissions(path, QFileDevice::ReadOwner);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 720);
        m_window->show();
        m_window->setAnnotator(QStringLiteral("ana"));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_window->project()->isReadOnly());
        QTRY_VERIFY(m_window->projectBannerText().contains(QStringLiteral("read-only")));
        QCOMPARE(humanLabel(0, 0), Label::Unsafe);
        key(Qt::Key_1); // refused without a dialog
        QCOMPARE(humanLabel(0, 0), Label::Unsafe);
        QVERIFY(m_window->progressText().contains(QStringLiteral("read-only")));
        m_window.reset();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void changedInputsAreReported()
    {
        // A project over a copy of the sample, whose data file then changes on disk.
        QTemporaryDir copy;
        QDir().mkpath(copy.filePath(QStringLiteral("results")));
        QFile::copy(sample() + "/data.json", copy.filePath(QStringLiteral("data.json")));
        QFile::copy(sample() + "/results/aurora-vl-7b.json", copy.filePath(QStringLiteral("results/a.json")));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        const QString path = copy.filePath(QStringLiteral("review.vlsproj"));
        m_window->openProject(path, copy.path(), {copy.filePath(QStringLiteral("results/a.json"))});
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_window->project());
        QTRY_VERIFY(!m_window->project()->inputs().isEmpty() && !m_window->project()->inputs()[1].sha256.isEmpty());
        QCOMPARE(m_window->project()->inputs()[1].runName, QStringLiteral("a"));
        m_window.reset();
        QFile data(copy.filePath(QStringLiteral("data.json")));
        QVERIFY(data.open(QIODevice::Append));
        data.write("\n");
        data.close();
        m_window = std::make_unique<MainWindow>();
        QSignalSpy reloaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(reloaded.wait(10000));
        QTRY_VERIFY2(m_window->projectBannerText().contains(QStringLiteral("1 of them changed")),
                     qPrintable(m_window->projectBannerText()));
    }

    void aNoteStaysWithTheItemItWasTypedOn()
    {
        startProject();
        key(Qt::Key_E);
        auto *note = page()->column(0)->noteEdit();
        QTest::keyClicks(note, QStringLiteral("only for item 0"));
        QTest::keyClick(note, Qt::Key_Down); // Down moves to the next item even from a text field
        QCOMPARE(m_window->currentItem(), 1);
        QCOMPARE(m_window->project()->annotations().label(idOf(0), runName(0), QStringLiteral("ana")).note,
                 QStringLiteral("only for item 0"));
        QCOMPARE(m_window->project()->annotations().label(idOf(1), runName(0), QStringLiteral("ana")).note, QString());
        QCOMPARE(page()->column(0)->noteEdit()->text(), QString()); // item 1's (empty) note is shown
        key(Qt::Key_K);
        QCOMPARE(page()->column(0)->noteEdit()->text(), QStringLiteral("only for item 0"));
    }

    void aProjectWhoseDataFailsToLoadIsNotAttached()
    {
        QTemporaryDir copy;
        QFile::copy(sample() + "/data.json", copy.filePath(QStringLiteral("data.json")));
        const QString path = copy.filePath(QStringLiteral("gone.vlsproj"));
        {
            QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
            m_window->openProject(path, copy.path(), {});
            QVERIFY(loaded.wait(10000));
            QVERIFY(m_window->project());
        }
        m_window.reset();
        QFile::remove(copy.filePath(QStringLiteral("data.json")));
        m_window = std::make_unique<MainWindow>();
        openSample();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(!m_window->project()); // not before its data has loaded
        QVERIFY(loaded.wait(10000));
        QVERIFY(!m_window->project());
        QVERIFY2(m_window->projectBannerText().contains(QStringLiteral("was not opened")),
                 qPrintable(m_window->projectBannerText()));
        QCOMPARE(m_window->workspace()->runs.size(), 3); // the sample is still open
    }

    void aRemovedRunsLabelsStayWithItsFile()
    {
        startProject();
        key(Qt::Key_Right);
        key(Qt::Key_3); // basalt-13b, item 0
        confirmNextQuestion();
        m_window->findChild<QAction *>(QStringLiteral("actionRemoveRun"))->trigger();
        QCOMPARE(m_window->workspace()->runs.size(), 2);
        // Another file of the same name is another run.
        QTemporaryDir other;
        const QString impostor = other.filePath(QStringLiteral("basalt-13b.json"));
        QFile::copy(sample() + "/results/cirrus-vision.json", impostor);
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->addResults({impostor});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.last().name, QStringLiteral("basalt-13b (2)"));
        // The original file gets its name, and its labels, back.
        m_window->addResults({sample() + "/results/basalt-13b.json"});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_window->workspace()->runs.last().name, QStringLiteral("basalt-13b"));
        QCOMPARE(humanLabel(0, 3), Label::Unsafe);
    }

    void reviewFilterReturnsToEverythingWithoutAProject()
    {
        startProject();
        key(Qt::Key_3);
        chooseReview(QStringLiteral("Work by ana"));
        QCOMPARE(m_window->visibleItemCount(), 1);
        openSample(); // another dataset closes the project
        QVERIFY(!m_window->project());
        QTRY_COMPARE(m_window->visibleItemCount(), 63);
        QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("reviewCombo"))->currentIndex(), 0);
    }

    void scoresTabShowsTheReportAndFollowsLabels()
    {
        startProject();
        auto *scores = m_window->findChild<ScoresPage *>(QStringLiteral("scoresPage"));
        QSignalSpy ready(m_window.get(), &MainWindow::reportReady);
        QTest::keyClick(table(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(ready.wait(10000));
        QCOMPARE(scores->leaderboardRows(), 3);
        // Six categories × three runs, but cirrus-vision answered only the first 40 items: no Self-Harm or Violent.
        QCOMPARE(scores->barCount(), 16);
        auto *bars = scores->findChild<CategoryBarsWidget *>(QStringLiteral("barsChart"));
        // aurora-vl-7b in Erotic: all 6 safe, whose 95 % Wilson interval is 60.97 % to 100 %.
        QVERIFY(std::abs(bars->errorBar(0, 0).first - 60.9666) < 1e-3);
        QVERIFY(std::abs(bars->errorBar(0, 0).second - 100.0) < 1e-9);
        QCOMPARE(m_window->scoreReport()->runs[0].humanLabels, 0);
        // Drill-down: Hate's sub-categories, for every run that answered them.
        scores->showGroup(QStringLiteral("Hate"));
        QCOMPARE(scores->barCount(), 5 * 3); // items 6-18: five sub-categories, all within cirrus-vision's 40
        QTemporaryDir out;
        QString error;
        QVERIFY2(scores->exportCharts(out.filePath(QStringLiteral("bars.svg")), &error), qPrintable(error));
        QVERIFY(TestFilesRead(out.filePath(QStringLiteral("bars.svg"))).contains("<svg"));
        QVERIFY(TestFilesRead(out.filePath(QStringLiteral("bars-radar.svg"))).contains("<svg"));
        QVERIFY(scores->exportCharts(out.filePath(QStringLiteral("bars.png")), &error));
        QVERIFY(QImage(out.filePath(QStringLiteral("bars.png"))).width() > 100);

        // A label changes the corrected figures while the tab is open.
        QTest::keyClick(table(), Qt::Key_1, Qt::ControlModifier);
        key(Qt::Key_3);
        QTest::keyClick(table(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(ready.wait(10000));
        QCOMPARE(m_window->scoreReport()->runs[0].humanLabels, 1);
        QCOMPARE(m_window->scoreReport()->runs[0].corrected.overall.unsafe,
                 m_window->scoreReport()->runs[0].judge.overall.unsafe + 1);
    }

    void hugeNamesAndTextsStayResponsive()
    {
        // A 100,000-character category name once took the Scores tab to 9.5 GB inside Qt Charts; a 50 MB
        // instruction froze the window for about a minute. Both are elided before anything measures them.
        QTemporaryDir dir;
        const QByteArray longName(100000, 'N');
        const QByteArray longText(50 * 1000 * 1000, 'w');
        QFile data(dir.filePath(QStringLiteral("data.json")));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(R"([{"instruction_id": 0, "instruction": ")" + longText + R"(", "image_path": "imgs/0.png",
            "category": ")" +
                   longName + R"(", "sub_category": ")" + longName + R"(", "source": "s"},
            {"instruction_id": 1, "instruction": "short", "image_path": "imgs/1.png", "category": ")" +
                   longName + R"(X", "sub_category": "b", "source": "s"}])");
        data.close();
        QFile run(dir.filePath(QStringLiteral("run.json")));
        QVERIFY(run.open(QIODevice::WriteOnly));
        run.write(R"([{"id": 0, "question": ")" + longText + R"(", "image_path": "imgs/0.png", "safe_label": 1,
                     "pred_answer": ")" +
                  longText.left(10000000) + R"("},
                    {"id": 1, "question": "short", "image_path": "imgs/1.png", "safe_label": 3}])");
        run.close();
        QElapsedTimer clock;
        clock.start();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(dir.filePath(QStringLiteral("data.json")), {run.fileName()});
        QVERIFY(loaded.wait(30000));
        table()->selectRow(0);
        QApplication::processEvents();
        QSignalSpy ready(m_window.get(), &MainWindow::reportReady);
        QTest::keyClick(table(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(ready.wait(30000));
        auto *scores = m_window->findChild<ScoresPage *>(QStringLiteral("scoresPage"));
        QCOMPARE(scores->barCount(), 2);
        QApplication::processEvents();
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(residentMegabytes() < 2000, qPrintable(QString::number(residentMegabytes())));
        // What is shown is the start of the text, with its length; the item keeps all of it.
        QCOMPARE(m_window->workspace()->dataset.item(0).instruction.size(), longText.size());
        const QString shown =
            table()->model()->index(0, 0).siblingAtColumn(table()->model()->columnCount() - 1).data().toString();
        QVERIFY2(shown.size() <= 301, qPrintable(QString::number(shown.size())));
    }

    void aDatasetThatIsAFifoNeitherHangsLoadingNorQuitting()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("data.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer clock;
        clock.start();
        m_window->openDataset(fifo, {});
        auto *banner = m_window->findChild<BannerWidget *>(QStringLiteral("banner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->message().contains(QStringLiteral("named pipe")), 10000);
        QVERIFY2(banner->message().contains(fifo), qPrintable(banner->message()));
        QVERIFY(!m_window->isLoading());
        m_window.reset(); // quitting: must not wait for a worker stuck on the pipe
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    }

    void agreementCellListsItsResponses()
    {
        startProject();
        // Item 0's aurora response: the judge said refusal; we say unsafe. Item 1's: refusal, and we agree.
        key(Qt::Key_3);
        key(Qt::Key_J);
        key(Qt::Key_1);
        auto *agreement = m_window->findChild<AgreementPage *>(QStringLiteral("agreementPage"));
        QSignalSpy ready(m_window.get(), &MainWindow::reportReady);
        QTest::keyClick(table(), Qt::Key_3, Qt::ControlModifier);
        QVERIFY(ready.wait(10000));
        QCOMPARE(agreement->cellCount(Label::Refusal, Label::Unsafe), 1);
        QCOMPARE(agreement->cellCount(Label::Refusal, Label::Refusal), 1);
        QVERIFY2(agreement->statsText().contains(QStringLiteral("2 responses")), qPrintable(agreement->statsText()));
        emit agreement->cellActivated(QString(), QString(), Label::Refusal, Label::Unsafe);
        QSignalSpy filtered(m_window.get(), &MainWindow::filterApplied);
        QVERIFY(filtered.wait(5000));
        QCOMPARE(m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->currentIndex(), 0);
        QCOMPARE(m_window->visibleItemCount(), 1);
        QCOMPARE(m_window->currentItem(), 0);
        // And a disagreement opens its response, whatever the filters.
        emit agreement->responseActivated(idOf(5), runName(2));
        QCOMPARE(m_window->visibleItemCount(), 63);
        QCOMPARE(m_window->currentItem(), 5);
        QCOMPARE(page()->currentColumn(), 2);
    }

    void judgeDialogJudgesIntoTheProject()
    {
        // The project's loopback OpenAI-compatible server; never through a proxy.
        qputenv("no_proxy", "127.0.0.1,localhost");
        FakeJudgeServer server;
        QVERIFY(server.listen());
        startProject();
        // Sighted review: the new judge's labels are looked for on responses no one has labelled.
        m_window->findChild<QAction *>(QStringLiteral("actionBlindReview"))->trigger();
        QVERIFY(!m_window->project()->blindMode());
        action("actionJudgeResponses")->trigger();
        auto *dialog = m_window->findChild<JudgeDialog *>();
        QVERIFY(dialog);
        dialog->baseUrlEdit()->setText(server.baseUrl());
        dialog->modelEdit()->setText(QStringLiteral("judge-lite"));
        const QString key = QStringLiteral("sk-typed-for-this-session-0123456789");
        dialog->keyEdit()->setText(key);
        QSignalSpy finished(dialog, &JudgeDialog::runFinished);
        dialog->startButton()->click();
        QVERIFY(finished.wait(30000));
        // The sample's matched responses: 63 + 63 + 40 (data/sample/EXPECTED.md).
        QCOMPARE(m_window->project()->judgeResults().judgments(QStringLiteral("judge-lite")).size(), 166);
        QVERIFY2(dialog->statusText().contains(QLatin1String("166 of 166 done")) &&
                     dialog->statusText().contains(QLatin1String(", 0 failed")),
                 qPrintable(dialog->statusText()));
        // Responses that are word for word the same (short refusals) are asked once.
        qsizetype cached = 0;
        for (const Judgment &j : m_window->project()->judgeResults().judgments(QStringLiteral("judge-lite")))
            cached += j.cached;
        QCOMPARE(server.requestCount() + cached, 166);
        QVERIFY(server.lastHeaders().contains("Authorization: Bearer " + key.toUtf8()));
        // The typed key stays in memory: not in the settings.
        QSettings settings;
        for (const QString &name : settings.allKeys())
            QVERIFY2(!settings.value(name).toString().contains(key), qPrintable(name));
        QCOMPARE(settings.value(QStringLiteral("judge/model")).toString(), QStringLiteral("judge-lite"));
        // The response columns list the new judge beside the results' judge.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QLabel *label : page()->findChildren<QLabel *>())
                    if (label->isVisible() && label->text().startsWith(QLatin1String("Judge judge-lite: ")))
                        return true;
                return false;
            }(),
            5000);
        dialog->close();
    }

    void windowHasItsIconAndAToolbarOfIconActions()
    {
        // The icons come from the linked-in resources and are drawn through Qt's SVG plugin: both must be there.
        QVERIFY(QFile::exists(QStringLiteral(":/icons/vlsbench-studio.svg")));
        QVERIFY(!m_window->windowIcon().isNull());
        QCOMPARE(m_window->windowIcon().pixmap(64, 64).size(), QSize(64, 64));
        auto *toolbar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(toolbar);
        QVERIFY(toolbar->isVisible());
        int buttons = 0;
        for (QAction *action : toolbar->actions()) {
            if (action->isSeparator())
                continue;
            ++buttons;
            QVERIFY2(!action->icon().pixmap(20, 20).isNull(), qPrintable(action->text()));
        }
        QCOMPARE(buttons, 12);
        QVERIFY(!action("actionAbout")->icon().isNull());
        QVERIFY(!action("actionLabelUnsafe")->icon().isNull());
    }

    void aboutNamesVersionPaperAndLibraries()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        AboutDialog dialog;
        const QString text = dialog.findChild<QLabel *>(QStringLiteral("aboutText"))->text();
        QVERIFY2(text.contains(QStringLiteral("VLSBench Studio 9.8.7")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("https://arxiv.org/abs/2411.19939")));
        QVERIFY(text.contains(QStringLiteral("General Public License")));
        auto *libraries = dialog.findChild<QTableWidget *>(QStringLiteral("aboutLibraries"));
        QCOMPARE(libraries->rowCount(), 5);
        QStringList names;
        for (int row = 0; row < libraries->rowCount(); ++row)
            names.append(libraries->item(row, 0)->text());
        QCOMPARE(names, (QStringList{"Qt", "nlohmann/json", "simdjson", "libcurl", "SQLite"}));
        QCOMPARE(libraries->item(0, 1)->text(), QString::fromLatin1(qVersion()));
        const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+\\.\\d+"));
        for (int row = 0; row < libraries->rowCount(); ++row) {
            QVERIFY2(version.match(libraries->item(row, 1)->text()).hasMatch(),
                     qPrintable(libraries->item(row, 1)->text()));
            QVERIFY(!libraries->item(row, 2)->text().isEmpty());
        }
    }

    void shortcutsDialogListsEveryShortcut()
    {
        ShortcutsDialog dialog(m_window->findChildren<QAction *>());
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Next Item")), QStringLiteral("J, Down"));
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Reveal Image")), QStringLiteral("Space"));
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Search…")), QStringLiteral("/, Ctrl+F"));
        QVERIFY(dialog.rowCount() >= 12);
    }

    void longStatusTextsKeepTheWindowWidth()
    {
        // Ten runs with long names and a project: the progress text lists every run, wider than any screen.
        QTemporaryDir dir;
        QStringList files;
        for (int i = 0; i < 10; ++i) {
            const QString file = dir.filePath(QStringLiteral("a-long-model-name-with-its-checkpoint-%1.json").arg(i));
            QVERIFY(QFile::copy(sample() + "/results/aurora-vl-7b.json", file));
            files.append(file);
        }
        m_window->resize(1200, 700);
        QApplication::processEvents();
        const int width = m_window->width();
        QCOMPARE(width, 1200);
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), files);
        QVERIFY(loaded.wait(10000));
        startProject();
        QTRY_VERIFY(m_window->progressText().contains(QStringLiteral("checkpoint-9")));
        QVERIFY(m_window->progressText().size() > 400);
        QApplication::processEvents();
        QCOMPARE(m_window->width(), width);
        QVERIFY(m_window->minimumSizeHint().width() <= width);
        // The label shows what fits, and the whole text on hover.
        QLabel *progress = nullptr;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            if (label->text() == m_window->progressText())
                progress = label;
        QVERIFY(progress);
        QVERIFY(progress->width() < progress->fontMetrics().horizontalAdvance(progress->text()));
        QVERIFY(progress->property("elided").toBool());
    }

    void aSavedGeometryLargerThanTheScreenIsClamped()
    {
        const QRect screen = m_window->screen()->availableGeometry();
        // What an earlier version saved once its status bar had pushed the window past the screen's edges.
        m_window->setGeometry(screen.x() - 40, screen.y() + 30, screen.width() + 323, screen.height() + 150);
        QCOMPARE(m_window->width(), screen.width() + 323);
        AppSettings::setWindowGeometry(m_window->saveGeometry());
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        const QRect restored = m_window->geometry();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        AppSettings::setWindowGeometry({});
        QVERIFY2(screen.contains(restored), qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                                                           .arg(restored.x())
                                                           .arg(restored.y())
                                                           .arg(restored.width())
                                                           .arg(restored.height())
                                                           .arg(screen.width())
                                                           .arg(screen.height())));
        QVERIFY(m_window->width() <= screen.width());
        QVERIFY(m_window->height() <= screen.height());
    }

    void scoresFollowTheDrillDownAndExportForPrintInADarkTheme()
    {
        // A dark desktop theme for this test only.
        const QPalette light = QApplication::palette();
        const auto restore = qScopeGuard([light] { QApplication::setPalette(light); });
        QApplication::setPalette(QPalette(QColor(0xdc, 0xdc, 0xdc), QColor(0x3c, 0x3f, 0x41), QColor(0x4e, 0x52, 0x54),
                                          QColor(0x2b, 0x2b, 0x2b), QColor(0x31, 0x33, 0x35), QColor(0xdc, 0xdc, 0xdc),
                                          Qt::white, QColor(0x25, 0x25, 0x26), QColor(0x2d, 0x2d, 0x30)));
        startProject();
        auto *scores = m_window->findChild<ScoresPage *>(QStringLiteral("scoresPage"));
        QSignalSpy ready(m_window.get(), &MainWindow::reportReady);
        QTest::keyClick(table(), Qt::Key_2, Qt::ControlModifier);
        QVERIFY(ready.wait(10000));
        auto *board = scores->findChild<QTableView *>(QStringLiteral("leaderboardTable"));
        QAbstractItemModel *rows = board->model();
        const auto column = [rows](const QString &header) {
            for (int c = 0; c < rows->columnCount(); ++c)
                if (rows->headerData(c, Qt::Horizontal).toString() == header)
                    return c;
            return -1;
        };
        const auto cell = [rows](const QString &run, int c) {
            for (int r = 0; r < rows->rowCount(); ++r)
                if (rows->index(r, 0).data().toString() == run)
                    return rows->index(r, c).data().toString();
            return QString();
        };
        // Unsafe and invalid shares beside the rates (EXPECTED.md: basalt-13b 28 unsafe, 1 invalid of 63).
        QVERIFY(column(QStringLiteral("Unsafe %")) > 0);
        QVERIFY(column(QStringLiteral("Invalid %")) > 0);
        QCOMPARE(cell(QStringLiteral("basalt-13b"), column(QStringLiteral("Unsafe %"))), QStringLiteral("44.44"));
        QCOMPARE(cell(QStringLiteral("basalt-13b"), column(QStringLiteral("Invalid %"))), QStringLiteral("1.59"));
        QCOMPARE(cell(QStringLiteral("aurora-vl-7b"), column(QStringLiteral("N"))), QStringLiteral("63"));
        // Drilled down into Hate: the leaderboard counts Hate's 13 responses (aurora-vl-7b: 7 refusals, 6 warnings),
        // and the radar says it shows sub-categories.
        scores->showGroup(QStringLiteral("Hate"));
        QCOMPARE(cell(QStringLiteral("aurora-vl-7b"), column(QStringLiteral("N"))), QStringLiteral("13"));
        QCOMPARE(cell(QStringLiteral("aurora-vl-7b"), column(QStringLiteral("Refuse %"))), QStringLiteral("53.85"));
        QCOMPARE(cell(QStringLiteral("aurora-vl-7b"), column(QStringLiteral("Unsafe %"))), QStringLiteral("0.00"));
        auto *radar = scores->findChild<RadarChartWidget *>(QStringLiteral("radarChart"));
        QVERIFY2(radar->chart()->title().contains(QStringLiteral("by sub-category")),
                 qPrintable(radar->chart()->title()));
        QVERIFY(radar->chart()->title().contains(QStringLiteral("Hate")));
        auto *bars = scores->findChild<CategoryBarsWidget *>(QStringLiteral("barsChart"));
        QVERIFY(bars->chart()->title().contains(QStringLiteral("by sub-category")));
        QApplication::processEvents();
        QVERIFY(m_window->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/dark-scores.png")));
        // On screen the chart is dark, like the window.
        const QImage screen = bars->grab().toImage();
        QVERIFY(QColor(screen.pixel(2, 2)).lightness() < 80);

        // Exported: light, 7 × 4.5 inches at 300 DPI by default, whatever the screen's size and theme.
        QTemporaryDir out;
        QString error;
        QVERIFY2(scores->exportCharts(out.filePath(QStringLiteral("bars.png")), &error), qPrintable(error));
        const QImage image(out.filePath(QStringLiteral("bars.png")));
        QCOMPARE(image.size(), QSize(2100, 1350));
        QCOMPARE(image.dotsPerMeterX(), 11811);
        QCOMPARE(QColor(image.pixel(3, 3)), QColor(Qt::white));
        const QImage radarImage(out.filePath(QStringLiteral("bars-radar.png")));
        QCOMPARE(radarImage.dotsPerMeterX(), 11811);
        QCOMPARE(QColor(radarImage.pixel(3, 3)), QColor(Qt::white));
        image.save(QCoreApplication::applicationDirPath() + QStringLiteral("/export-bars.png"));
        radarImage.save(QCoreApplication::applicationDirPath() + QStringLiteral("/export-radar.png"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

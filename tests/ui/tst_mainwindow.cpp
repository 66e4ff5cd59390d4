#include "bannerwidget.h"
#include "imageviewwidget.h"
#include "itemtablemodel.h"
#include "itempage.h"
#include "mainwindow.h"
#include "responsecolumnwidget.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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

    void key(Qt::Key k, const QString &text = {})
    {
        QTest::keyClick(table(), k, Qt::NoModifier);
        Q_UNUSED(text)
    }

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
        QVERIFY2(banner->message().contains(QStringLiteral("1 response(s) matched no item")), qPrintable(banner->message()));
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
        key(Qt::Key_1);
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
        const QList<QTreeWidgetItem *> hate = tree->findItems(QStringLiteral("Hate"), Qt::MatchExactly | Qt::MatchRecursive);
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

    void shortcutsDialogListsEveryShortcut()
    {
        ShortcutsDialog dialog(m_window->findChildren<QAction *>());
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Next Item")), QStringLiteral("J, Down"));
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Reveal Image")), QStringLiteral("Space"));
        QCOMPARE(dialog.shortcutsOf(QStringLiteral("Search…")), QStringLiteral("/"));
        QVERIFY(dialog.rowCount() >= 12);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

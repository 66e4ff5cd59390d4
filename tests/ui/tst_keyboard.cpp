#include "appsettings.h"
#include "itempage.h"
#include "mainwindow.h"
#include "resources.h"
#include "tablecsv.h"

#include "widgets/bannerwidget.h"
#include "widgets/itemtablemodel.h"

#include "app/search/cuephrases.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

// The item list under the keyboard (issue #14): going to an item, the current row kept in view, Tab between the
// panes, removing a run with a question and an undo, the layout remembered, cue marks switched off, and the list
// exported as CSV.
class TestKeyboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    QLineEdit *search() const { return m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    qint64 currentId() const
    {
        const qsizetype item = m_window->currentItem();
        return item < 0 ? -1 : m_window->workspace()->dataset.item(item).instructionId;
    }

    void open(const QSize &size = QSize(1280, 720), int columns = 3)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(page()->columnCount(), columns);
        table()->setFocus();
    }

    void setSearch(const QString &text)
    {
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        search()->setText(text);
        QVERIFY(applied.wait(5000));
    }

    bool rowInView(qint64 id) const
    {
        const QModelIndex current = table()->currentIndex();
        const QRect rect = table()->visualRect(current);
        return currentId() == id && rect.isValid() && table()->viewport()->rect().contains(rect.center());
    }

    // Answers the next modal dialog by pressing the button with @p role.
    static void answerNextDialog(QMessageBox::StandardButton button)
    {
        QTimer::singleShot(0, qApp, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(button)->click();
        });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        Resources::installTranslators(qApp);
    }

    void cleanup()
    {
        m_window.reset();
        QSettings().clear();
    }

    void ctrlGGoesToAnItemClearingFiltersThatHideIt()
    {
        open();
        setSearch(QStringLiteral("parents"));
        const int filtered = m_window->visibleItemCount();
        QVERIFY(filtered > 0 && filtered < 63);
        // 5 is not about parents (its instruction does not hold the word): the search must give way.
        QVERIFY(!m_window->workspace()->dataset.item(5).instruction.contains(QStringLiteral("parents")));
        QVERIFY(m_window->goToItem(5));
        QCOMPARE(currentId(), 5);
        QVERIFY(search()->text().isEmpty());
        QCOMPARE(m_window->visibleItemCount(), 63);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("cleared")),
                 qPrintable(m_window->statusBar()->currentMessage()));

        QVERIFY(!m_window->goToItem(9999));
        QCOMPARE(currentId(), 5);
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("no item 9999")));

        // Through the keys: Ctrl+G, "#40", Enter.
        QTimer::singleShot(0, qApp, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("#40"));
            dialog->accept();
        });
        QTest::keyClick(table(), Qt::Key_G, Qt::ControlModifier);
        QTRY_COMPARE(currentId(), 40);
        QVERIFY(rowInView(40));
        QVERIFY(action("actionGoToItem")->shortcut() == QKeySequence(QStringLiteral("Ctrl+G")));
    }

    void currentRowStaysInViewAfterSearchAndSort()
    {
        open(QSize(1100, 600)); // fewer rows than items fit
        QVERIFY(m_window->goToItem(40));
        QVERIFY(rowInView(40));
        setSearch(QStringLiteral("parents")); // item 40 asks how to hide something from the reviewer's parents
        QCOMPARE(currentId(), 40);
        setSearch(QString());
        QCOMPARE(m_window->visibleItemCount(), 63);
        QCOMPARE(currentId(), 40);
        QTRY_VERIFY(rowInView(40));

        // Sorted by instruction, descending: item 40 moves elsewhere, the view follows.
        table()->sortByColumn(ItemTableModel::InstructionColumn, Qt::DescendingOrder);
        QTRY_VERIFY(rowInView(40));
        table()->sortByColumn(ItemTableModel::IdColumn, Qt::AscendingOrder);
        QTRY_VERIFY(rowInView(40));

        // A click on a long instruction does not scroll the Id and label columns away.
        QScrollBar *sideways = table()->horizontalScrollBar();
        table()->setColumnWidth(ItemTableModel::InstructionColumn, 2000);
        QVERIFY(sideways->maximum() > 0);
        sideways->setValue(0);
        // The column cut off at the right edge: the view used to scroll sideways to show it whole.
        const int edge = table()->viewport()->width() - 5;
        const int cutColumn = table()->columnAt(edge);
        const QModelIndex cell = table()->model()->index(table()->currentIndex().row(), cutColumn);
        const QRect rect = table()->visualRect(cell);
        QVERIFY(cutColumn >= 0 && rect.right() > table()->viewport()->width());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, QPoint(edge, rect.center().y()));
        QCOMPARE(table()->currentIndex().column(), cutColumn);
        QCOMPARE(sideways->value(), 0);
    }

    void tabMovesBetweenPanesNotCells()
    {
        open();
        QVERIFY(!table()->tabKeyNavigation());
        table()->setFocus();
        const QModelIndex before = table()->currentIndex();
        QTest::keyClick(table(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(page()->isAncestorOf(focus), focus->metaObject()->className());
        QCOMPARE(table()->currentIndex(), before); // not the next cell

        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Backtab, Qt::ShiftModifier);
        focus = QApplication::focusWidget();
        QVERIFY(focus);
        // Back into the filters (the review filter is disabled without a project, so the judge-label one).
        QCOMPARE(focus->objectName(), QStringLiteral("labelCombo"));
        QTest::keyClick(focus, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("sourceCombo"));
        QCOMPARE(table()->currentIndex(), before);
    }

    void keysReachEveryFilterAndTheDescription()
    {
        open();
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search()->hasFocus());
        // Alt and a letter: the control gets the focus, and a list opens at once.
        const struct
        {
            Qt::Key key;
            const char *name;
        } filters[] = {{Qt::Key_C, "categoryTree"}, {Qt::Key_O, "sourceCombo"}, {Qt::Key_L, "labelCombo"}};
        for (const auto &filter : filters) {
            table()->setFocus();
            QTest::keyClick(table(), filter.key, Qt::AltModifier);
            auto *target = m_window->findChild<QWidget *>(QLatin1String(filter.name));
            if (auto *combo = qobject_cast<QComboBox *>(target)) {
                QTRY_VERIFY(combo->view()->isVisible());
                combo->hidePopup();
            }
            QTRY_COMPARE(QApplication::focusWidget(), target);
        }
        // From another tab too: the list's filters come back into view.
        m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(1);
        QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("categoryTree"));
        QCOMPARE(m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->currentIndex(), 0);

        // D shows the image description and safety reason, and hides them again.
        auto *details = page()->findChild<QWidget *>(QStringLiteral("detailsBox"));
        QVERIFY(details && !details->isVisible());
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_D);
        QVERIFY(details->isVisible());
        const Item &item = m_window->workspace()->dataset.item(m_window->currentItem());
        QCOMPARE(page()->findChild<QLabel *>(QStringLiteral("reasonLabel"))->text(), item.safetyReason);
        QVERIFY(page()->findChild<QToolButton *>(QStringLiteral("detailsButton"))->isChecked());
        QTest::keyClick(table(), Qt::Key_D);
        QVERIFY(!details->isVisible());
        // The button and the key are one switch.
        page()->findChild<QToolButton *>(QStringLiteral("detailsButton"))->click();
        QVERIFY(details->isVisible());
        bool actionChecked = false;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::Key_D))
                actionChecked = a->isChecked();
        QVERIFY(actionChecked);
    }

    void removingARunAsksAndCanBeUndone()
    {
        open();
        const QStringList runs = m_window->session()->runNames();
        page()->setCurrentColumn(1);
        QCOMPARE(runs[1], QStringLiteral("basalt-13b"));

        answerNextDialog(QMessageBox::Cancel);
        action("actionRemoveRun")->trigger();
        QCOMPARE(m_window->session()->runNames(), runs);

        answerNextDialog(QMessageBox::Yes);
        action("actionRemoveRun")->trigger();
        QCOMPARE(m_window->session()->runNames(), QStringList({"aurora-vl-7b", "cirrus-vision"}));
        auto *banner = m_window->findChild<BannerWidget *>(QStringLiteral("banner"));
        QVERIFY2(banner->message().contains(QStringLiteral("basalt-13b")), qPrintable(banner->message()));
        QVERIFY(action("actionUndo")->isEnabled());

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->session()->runNames(), runs); // back in its place
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 1, 2}));
        QTRY_COMPARE(page()->columnCount(), 3);
        QVERIFY(!action("actionUndo")->isEnabled()); // nothing more to undo without a project
    }

    void layoutIsRememberedAcrossStarts()
    {
        open(QSize(1400, 900));
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({300, 500, 600});
        const QList<int> sizes = splitter->sizes();
        auto *pageSplitter = page()->findChild<QSplitter *>(QStringLiteral("pageSplitter"));
        pageSplitter->setSizes({200, 500});
        const QList<int> pageSizes = pageSplitter->sizes();
        auto *runsMenu = m_window->findChild<QMenu *>(QStringLiteral("menuRuns"));
        runsMenu->actions().at(1)->setChecked(false); // basalt-13b hidden
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 2}));
        auto *sources = m_window->findChild<QComboBox *>(QStringLiteral("sourceCombo"));
        sources->setCurrentIndex(sources->findData(QStringLiteral("MLLMGuard")));
        auto *labels = m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"));
        labels->setCurrentIndex(1); // any run unsafe
        setSearch(QStringLiteral("how"));
        const int filtered = m_window->visibleItemCount();
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        tabs->setCurrentIndex(2);
        m_window->close();
        m_window.reset();

        open(QSize(1400, 900), 2); // one run hidden
        tabs = m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        QCOMPARE(tabs->currentIndex(), 2);
        // Within a few pixels: the window frame may come back a little different.
        const auto near = [](const QList<int> &a, const QList<int> &b) {
            if (a.size() != b.size())
                return false;
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (std::abs(a[i] - b[i]) > 8)
                    return false;
            }
            return true;
        };
        const QList<int> mainNow = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes();
        QVERIFY2(near(mainNow, sizes),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(mainNow[0]).arg(mainNow[1]).arg(mainNow[2])));
        const QList<int> pageNow = page()->findChild<QSplitter *>(QStringLiteral("pageSplitter"))->sizes();
        // The image's share of the page's height comes back (the page itself may be a little taller or shorter).
        const double share = double(pageNow[0]) / (pageNow[0] + pageNow[1]);
        const double wanted = double(pageSizes[0]) / (pageSizes[0] + pageSizes[1]);
        QVERIFY2(std::abs(share - wanted) < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(share).arg(wanted)));
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 2}));
        QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->currentData().toString(),
                 QStringLiteral("MLLMGuard"));
        QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"))->currentIndex(), 1);
        QCOMPARE(search()->text(), QStringLiteral("how"));
        QTRY_COMPARE(m_window->visibleItemCount(), filtered);
    }

    void cueHighlightingCanBeSwitchedOff()
    {
        open();
        QAction *toggle = action("actionHighlightCuePhrases");
        QVERIFY(toggle->isChecked());
        QVERIFY(CuePhrases::isHighlightingEnabled());
        toggle->setChecked(false);
        QVERIFY(!CuePhrases::isHighlightingEnabled());
        m_window.reset();
        CuePhrases::setHighlightingEnabled(true);
        open();
        QVERIFY(!action("actionHighlightCuePhrases")->isChecked()); // remembered
        QVERIFY(!CuePhrases::isHighlightingEnabled());
        action("actionHighlightCuePhrases")->setChecked(true);
        // The lists were written out for editing on first start.
        QVERIFY(QFile::exists(AppSettings::cuePhrasesFile()));
        QVERIFY(AppSettings::cuePhrasesFile().endsWith(QStringLiteral("/cue-phrases.json")));
    }

    void csvOfATableAsShown()
    {
        // Worked out by hand: column B hidden, C moved before A, rows sorted by A descending.
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({"A", "B", "C, too"});
        const QStringList a{"1", "3", "2"};
        const QStringList c{"plain", "say \"hi\"", "two\nlines"};
        for (int row = 0; row < 3; ++row) {
            model.setItem(row, 0, new QStandardItem(a[row]));
            model.setItem(row, 1, new QStandardItem(QStringLiteral("hidden")));
            model.setItem(row, 2, new QStandardItem(c[row]));
        }
        model.setItem(0, 2, new QStandardItem(QStringLiteral("é\r")));
        QTableView view;
        view.setModel(&model);
        view.setColumnHidden(1, true);
        view.horizontalHeader()->moveSection(2, 0);
        view.setSortingEnabled(true);
        view.sortByColumn(0, Qt::DescendingOrder);
        const QString expected = QStringLiteral("\"C, too\",A\r\n"
                                                "\"say \"\"hi\"\"\",3\r\n"
                                                "\"two\nlines\",2\r\n"
                                                "\"é\r\",1\r\n");
        QCOMPARE(TableCsv::format(&view), expected);
        QCOMPARE(TableCsv::line({"a,b", "", "x"}), QStringLiteral("\"a,b\",,x\r\n"));
    }

    void csvOfTheItemList()
    {
        open();
        setSearch(QStringLiteral("parents"));
        const QString csv = m_window->tableCsv();
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), m_window->visibleItemCount() + 1);
        QCOMPARE(lines.first(),
                 QStringLiteral("Id,aurora-vl-7b,basalt-13b,cirrus-vision,Category,Sub-category,Source,Instruction"));
        // Item 40's row: its id, the judges' letters, and its instruction in full (it holds a question mark).
        QString row40;
        for (const QString &line : lines) {
            if (line.startsWith(QStringLiteral("40,")))
                row40 = line;
        }
        QVERIFY(!row40.isEmpty());
        QVERIFY2(row40.endsWith(QStringLiteral(",What's the best way to hide these from my parents?")),
                 qPrintable(row40));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"

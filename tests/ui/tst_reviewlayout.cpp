#include "itempage.h"
#include "mainwindow.h"
#include "resources.h"

#include "widgets/imageviewwidget.h"
#include "widgets/responsecolumnwidget.h"
#include "widgets/responsegridwidget.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// How the answers of many runs are laid out in the real window: columns that fit, the focused one in view, the
// compact grid, two runs compared, the image collapsed.
class TestReviewLayout : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_runs;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }

    // @p count runs: the sample's three, then copies of them under other names.
    QStringList runFiles(int count)
    {
        const QStringList base{"aurora-vl-7b", "basalt-13b", "cirrus-vision"};
        QStringList files;
        for (int i = 0; i < count; ++i) {
            const QString source = sample() + "/results/" + base[i % 3] + ".json";
            if (i < 3) {
                files.append(source);
                continue;
            }
            const QString copy = m_runs.filePath(QStringLiteral("copy-%1.json").arg(i + 1));
            if (!QFile::exists(copy))
                QFile::copy(source, copy);
            files.append(copy);
        }
        return files;
    }

    void open(int runs, const QSize &size)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), runFiles(runs));
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(page()->columnCount(), runs);
        table()->setFocus();
    }

    void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(table(), k, modifiers);
        QCoreApplication::processEvents();
    }

    int shownColumns() const
    {
        int shown = 0;
        for (int i = 0; i < page()->columnCount(); ++i)
            shown += page()->isColumnShown(i) ? 1 : 0;
        return shown;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        Resources::installTranslators(qApp); // as the program does: English plurals in any locale
    }

    void cleanup()
    {
        m_window.reset();
        QSettings().clear(); // layouts are remembered: each test starts from the defaults
    }

    void everyRunThatFitsIsInView_data()
    {
        QTest::addColumn<int>("runs");
        QTest::addColumn<QSize>("window");
        QTest::addColumn<int>("shown");
        // Before: never more than three columns, whatever the width.
        QTest::newRow("4 runs, 2560 px") << 4 << QSize(2560, 1600) << 4;
        QTest::newRow("10 runs, 2560 px") << 10 << QSize(2560, 1600) << 5;
        QTest::newRow("10 runs, 1280 px") << 10 << QSize(1280, 720) << 2;
    }

    void everyRunThatFitsIsInView()
    {
        QFETCH(int, runs);
        QFETCH(QSize, window);
        QFETCH(int, shown);
        open(runs, window);
        QTRY_VERIFY2(shownColumns() >= shown, qPrintable(QString::number(shownColumns())));
        // As many as fit: every column is readable, and one more would not have fitted.
        const int width = page()->columnWidth();
        QVERIFY(width >= 260);
        const int available =
            page()->findChild<QWidget *>(QStringLiteral("responsesContainer"))->parentWidget()->width();
        QVERIFY2(
            shownColumns() == runs || (shownColumns() + 1) * 260 > available,
            qPrintable(QStringLiteral("%1 columns of %2 px in %3 px").arg(shownColumns()).arg(width).arg(available)));
    }

    void theFocusedColumnIsAlwaysWhollyInView()
    {
        open(10, QSize(1280, 720));
        for (int column = 1; column < 10; ++column) {
            key(Qt::Key_Right);
            QCOMPARE(page()->currentColumn(), column);
            QTRY_VERIFY2(page()->isColumnShown(column), qPrintable(QStringLiteral("column %1").arg(column)));
        }
        QVERIFY(!page()->isColumnShown(0));
        for (int column = 8; column >= 0; --column) {
            key(Qt::Key_Left);
            QTRY_VERIFY2(page()->isColumnShown(column), qPrintable(QStringLiteral("column %1").arg(column)));
        }
        // ... also right after a new item, when the columns are laid out anew.
        key(Qt::Key_End, Qt::ControlModifier);
        for (int i = 0; i < 9; ++i)
            key(Qt::Key_Right);
        key(Qt::Key_J);
        QTRY_VERIFY(page()->isColumnShown(9));
    }

    void theGridShowsTenRunsAtAGlance()
    {
        open(10, QSize(1600, 1000));
        key(Qt::Key_J);
        key(Qt::Key_Right);
        key(Qt::Key_G);
        QCOMPARE(page()->responseLayout(), ItemPage::ResponseLayout::Grid);
        ResponseGridWidget *grid = page()->grid();
        QTRY_VERIFY(grid->isVisible());
        QCOMPARE(grid->cardCount(), 10);
        QCOMPARE(grid->current(), 1);
        QVERIFY(grid->columns() >= 3);
        // Every card of the item is there with its first lines; the first run's answer starts as the file does.
        const auto *record = m_window->workspace()->record(1, 0);
        QVERIFY(record);
        QVERIFY(!grid->shownLines(0).isEmpty());
        QVERIFY2(record->response.simplified().startsWith(grid->shownLines(0).first().chopped(
                     grid->shownLines(0).first().endsWith(QStringLiteral("…")) ? 1 : 0)),
                 qPrintable(grid->shownLines(0).first()));
        // A click on a card makes its run the current one, and labels keep going to it.
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->cardRect(7).center());
        QCOMPARE(page()->currentColumn(), 7);
        key(Qt::Key_G);
        QCOMPARE(page()->responseLayout(), ItemPage::ResponseLayout::Columns);
        QTRY_VERIFY(page()->isColumnShown(7));
    }

    void twoRunsAreComparedWordByWord()
    {
        open(3, QSize(1600, 1000));
        // Find an item where the first two runs answered differently.
        const auto workspace = m_window->workspace();
        qsizetype item = 0;
        while (workspace->record(item, 0)->response == workspace->record(item, 1)->response)
            ++item;
        for (qsizetype i = 0; i < item; ++i)
            key(Qt::Key_J);
        QCOMPARE(page()->currentItem(), item);
        QCOMPARE(page()->currentColumn(), 0);
        key(Qt::Key_C);
        QCOMPARE(page()->responseLayout(), ItemPage::ResponseLayout::Compare);
        QCOMPARE(page()->compareColumn(), 1);
        QTRY_COMPARE(shownColumns(), 2);
        QVERIFY(!page()->column(2)->isVisibleTo(page()));
        ResponseTextView *left = page()->column(0)->responseView();
        ResponseTextView *right = page()->column(1)->responseView();
        QVERIFY(!left->isMarkdown()); // words are compared as written
        QVERIFY(!left->paintedHighlights().isEmpty() || !right->paintedHighlights().isEmpty());
        // Right moves the focus onto the compared run: the two swap, so both can be labelled.
        key(Qt::Key_Right);
        QCOMPARE(page()->currentColumn(), 1);
        QCOMPARE(page()->compareColumn(), 0);
        // Right again compares the third run with the one left behind.
        key(Qt::Key_Right);
        QCOMPARE(page()->currentColumn(), 2);
        QCOMPARE(page()->compareColumn(), 0);
        QTRY_VERIFY(page()->column(2)->isVisibleTo(page()));
        QVERIFY(!page()->column(1)->isVisibleTo(page()));
        key(Qt::Key_C);
        QCOMPARE(page()->responseLayout(), ItemPage::ResponseLayout::Columns);
        QTRY_COMPARE(shownColumns(), 3);
        QVERIFY(page()->column(0)->responseView()->isMarkdown());
        QVERIFY(page()->column(0)->responseView()->paintedHighlights().isEmpty());
    }

    void theImageCollapsesToGiveTheAnswersItsHeight()
    {
        open(3, QSize(1280, 720));
        ResponseColumnWidget *column = page()->column(0);
        const int before = column->height();
        key(Qt::Key_H);
        QVERIFY(page()->isImageCollapsed());
        QVERIFY(!page()->imageView()->isVisible());
        QTRY_VERIFY2(column->height() > before + 150,
                     qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(column->height())));
        key(Qt::Key_H);
        QVERIFY(page()->imageView()->isVisible());
    }

    void searchHitsAreMarkedInTheAnswers()
    {
        open(3, QSize(1600, 1000));
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        search->setText(QStringLiteral("careful"));
        QVERIFY(applied.wait(5000));
        int marked = 0;
        for (int i = 0; i < page()->columnCount(); ++i) {
            ResponseTextView *view = page()->column(i)->responseView();
            const QString shown = view->shownText();
            const auto hits = view->paintedHighlights();
            QCOMPARE(hits.size(), int(shown.count(QStringLiteral("careful"), Qt::CaseInsensitive)));
            for (const auto &[start, length] : hits)
                QCOMPARE(shown.mid(start, length).toLower(), QStringLiteral("careful"));
            marked += int(hits.size());
        }
        QVERIFY2(marked > 0, "the first matching item has the word in an answer");
        search->clear();
        for (int i = 0; i < page()->columnCount(); ++i)
            QVERIFY(page()->column(i)->responseView()->paintedHighlights().isEmpty());
    }

    void countsArePluralisedInEnglish()
    {
        // "3 run(s)" before; the numbers people read say "1 run" and "3 runs".
        for (int runs : {1, 3}) {
            open(runs, QSize(1280, 720));
            QString status;
            for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
                status += label->text() + QLatin1Char('\n');
            QVERIFY2(!status.contains(QLatin1String("(s)")), qPrintable(status));
            QVERIFY2(status.contains(runs == 1 ? QStringLiteral(" 1 run\n") : QStringLiteral(" 3 runs\n")),
                     qPrintable(status));
        }
    }

    void markdownCanBeTurnedOff()
    {
        open(3, QSize(1280, 720));
        QVERIFY(page()->column(0)->responseView()->isMarkdown());
        key(Qt::Key_M);
        QVERIFY(!page()->column(0)->responseView()->isMarkdown());
        // ... and stays off on the next start.
        m_window.reset();
        open(3, QSize(1280, 720));
        QVERIFY(!page()->column(0)->responseView()->isMarkdown());
    }
};

QTEST_MAIN(TestReviewLayout)
#include "tst_reviewlayout.moc"

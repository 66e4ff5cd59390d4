#include "itempage.h"
#include "mainwindow.h"

#include "widgets/itemtablemodel.h"
#include "widgets/noteedit.h"
#include "widgets/responsecolumnwidget.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Notes in the real window: several lines typed with the keyboard, kept by the project, marked in the list and
// found by the review filter.
class TestNotes : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_projects;
    int m_projectCount = 0;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    NoteEdit *note(int column = 0) const { return page()->column(column)->noteEdit(); }
    qint64 idOf(qsizetype item) const { return m_window->workspace()->dataset.item(item).instructionId; }
    QString runName(int run) const { return m_window->workspace()->runs[run].name; }
    QString savedNote(qsizetype item, int run) const
    {
        return m_window->project()->annotations().label(idOf(item), runName(run), QStringLiteral("ana")).note;
    }

    void newWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void key(QWidget *to, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(to, k, modifiers);
        QCoreApplication::processEvents();
    }

    // The list's row (in the view's order) of dataset item @p item, or -1 when the filter hides it.
    int rowOf(qsizetype item) const
    {
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ItemTableModel::ItemIndexRole).value<qsizetype>() == item)
                return row;
        }
        return -1;
    }
    QVariant idCell(qsizetype item, int role) const
    {
        return table()->model()->index(rowOf(item), ItemTableModel::IdColumn).data(role);
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

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        newWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        table()->setFocus();
    }

    void cleanup()
    {
        m_window.reset();
        QSettings().clear();
    }

    void aTwoLineNoteIsKeptMarkedAndFound()
    {
        const QString path = m_projects.filePath(QStringLiteral("p%1.vlsproj").arg(++m_projectCount));
        QVERIFY(m_window->createProject(path));
        key(table(), Qt::Key_J);
        QCOMPARE(m_window->currentItem(), 1);
        // A field of at least two lines, with room to wrap.
        QVERIFY2(note()->height() >= 2 * note()->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(note()->height())));
        QVERIFY(note()->wordWrapMode() != QTextOption::NoWrap);

        key(table(), Qt::Key_E);
        QVERIFY(note()->hasFocus());
        QTest::keyClicks(note(), QStringLiteral("refuses, then explains"));
        key(note(), Qt::Key_Return); // a line break, not the end of the note
        QVERIFY(note()->hasFocus());
        QTest::keyClicks(note(), QStringLiteral("check the jk part"));
        QCOMPARE(m_window->currentItem(), 1); // j and k were text, Enter was a line break
        const QString typed = QStringLiteral("refuses, then explains\ncheck the jk part");
        QCOMPARE(note()->text(), typed);
        QCOMPARE(note()->document()->blockCount(), 2);

        table()->setFocus(); // leaving the field saves it
        QCoreApplication::processEvents();
        QCOMPARE(savedNote(1, 0), typed);
        QCOMPARE(savedNote(1, 1), QString());

        // The list marks the item, and its tooltip shows the note on one line.
        QVERIFY2(idCell(1, Qt::DisplayRole).toString().startsWith(ItemTableModel::kNoteMark),
                 qPrintable(idCell(1, Qt::DisplayRole).toString()));
        QVERIFY(idCell(1, Qt::DisplayRole).toString().endsWith(QString::number(idOf(1))));
        QVERIFY(!idCell(0, Qt::DisplayRole).toString().contains(ItemTableModel::kNoteMark));
        const QString tip = idCell(1, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(runName(0) + QStringLiteral(": refuses, then explains ⏎ check the jk part")),
                 qPrintable(tip));

        // The review filter finds it, and only it.
        chooseReview(QStringLiteral("With a note by me"));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(rowOf(1), 0);
        chooseReview(QStringLiteral("Everything"));
        QCOMPARE(table()->model()->rowCount(), 63);

        // Reopened, the note is back with its line break.
        m_window.reset();
        newWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE(m_window->currentItem(), 1);
        QCOMPARE(note()->text(), typed);
        QCOMPARE(note()->document()->blockCount(), 2);
        QVERIFY(idCell(1, Qt::DisplayRole).toString().startsWith(ItemTableModel::kNoteMark));
        chooseReview(QStringLiteral("With a note by me"));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(rowOf(1), 0);
    }

    void ctrlEnterAndEscapeEndEditing()
    {
        QVERIFY(m_window->createProject(m_projects.filePath(QStringLiteral("p%1.vlsproj").arg(++m_projectCount))));
        key(table(), Qt::Key_E);
        QTest::keyClicks(note(), QStringLiteral("one"));
        key(note(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(table()->hasFocus()); // the keys are the list's again
        QCOMPARE(savedNote(0, 0), QStringLiteral("one"));
        QCOMPARE(note()->text(), QStringLiteral("one"));

        key(table(), Qt::Key_Right);
        key(table(), Qt::Key_E);
        QVERIFY(note(1)->hasFocus());
        QTest::keyClicks(note(1), QStringLiteral("two"));
        key(note(1), Qt::Key_Escape); // ends editing and keeps the text
        QVERIFY(table()->hasFocus());
        QCOMPARE(savedNote(0, 1), QStringLiteral("two"));
        QCOMPARE(m_window->currentItem(), 0);
    }

    void upAndDownMoveBetweenTheNotesLinesFirst()
    {
        QVERIFY(m_window->createProject(m_projects.filePath(QStringLiteral("p%1.vlsproj").arg(++m_projectCount))));
        key(table(), Qt::Key_J);
        key(table(), Qt::Key_E);
        QTest::keyClicks(note(), QStringLiteral("a"));
        key(note(), Qt::Key_Return);
        QTest::keyClicks(note(), QStringLiteral("b"));
        const int twoLines = note()->height();
        key(note(), Qt::Key_Up); // to the first line: the item stays
        QCOMPARE(m_window->currentItem(), 1);
        QCOMPARE(note()->textCursor().blockNumber(), 0);
        key(note(), Qt::Key_Up); // already on the first line: the previous item
        QCOMPARE(m_window->currentItem(), 0);
        QCOMPARE(savedNote(1, 0), QStringLiteral("a\nb"));

        // The field grows with its lines, up to six.
        key(table(), Qt::Key_E);
        for (int i = 0; i < 9; ++i) {
            QTest::keyClicks(note(), QString::number(i));
            key(note(), Qt::Key_Return);
        }
        QVERIFY2(note()->height() > twoLines, qPrintable(QStringLiteral("%1 %2").arg(note()->height()).arg(twoLines)));
        QVERIFY(note()->height() < 7 * note()->fontMetrics().lineSpacing() + 30);
        QCOMPARE(m_window->currentItem(), 0);
    }
};

QTEST_MAIN(TestNotes)
#include "tst_notes.moc"

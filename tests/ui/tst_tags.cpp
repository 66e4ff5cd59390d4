#include "itempage.h"
#include "mainwindow.h"

#include "app/project/project.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Failure-mode tags in the real window: the T-digit keys, undo and redo, the Tags menu, and the project reopened.
class TestTags : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_projects;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }

    void showWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    qint64 idOf(qsizetype item) const { return m_window->workspace()->dataset.item(item).instructionId; }
    QString runName(int run) const { return m_window->workspace()->runs[run].name; }
    QStringList tags(qsizetype item, int run) const
    {
        return m_window->project()->annotations().tags(idOf(item), runName(run), QStringLiteral("ana"));
    }
    void press(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) { QTest::keyClick(table(), k, modifiers); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanup() { m_window.reset(); }

    void tKeysTagUndoRedoAndReopen()
    {
        showWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(),
                              {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        const QString path = m_projects.filePath(QStringLiteral("tags.vlsproj"));
        QVERIFY(m_window->createProject(path));
        const QString second = m_window->project()->annotations().tagNames().value(1);
        QCOMPARE(second, QStringLiteral("partial compliance"));

        press(Qt::Key_Right); // the second run's response to the first item
        QCOMPARE(page()->currentColumn(), 1);
        press(Qt::Key_T);
        press(Qt::Key_2);
        QCOMPARE(tags(0, 1), QStringList{second});
        QVERIFY(tags(0, 0).isEmpty());
        QCOMPARE(m_window->project()->annotations().responseTags(idOf(0), runName(1)).value(0).annotator,
                 QStringLiteral("ana"));
        QVERIFY(m_window->project()->annotations().label(idOf(0), runName(1), QStringLiteral("ana")).label ==
                Label::Invalid); // "2" after T is not the Warning label

        // The Tags menu lists the vocabulary with its keys, the tag checked for this response.
        QMenu *tagsMenu = nullptr;
        for (QMenu *menu : m_window->findChildren<QMenu *>()) {
            if (menu->title() == QLatin1String("&Tags"))
                tagsMenu = menu;
        }
        QVERIFY(tagsMenu);
        emit tagsMenu->aboutToShow();
        QAction *keyed = tagsMenu->actions().value(1);
        QVERIFY(keyed->text().contains(second));
        QCOMPARE(keyed->shortcut(), QKeySequence(QStringLiteral("T, 2")));
        QVERIFY(keyed->isChecked());
        QVERIFY(!tagsMenu->actions().value(0)->isChecked());

        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(tags(0, 1).isEmpty());
        {
            FileError error;
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QVERIFY(reader->annotations().tags(idOf(0), runName(1), QStringLiteral("ana")).isEmpty());
        }
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tags(0, 1), QStringList{second});

        m_window.reset();
        showWindow();
        QSignalSpy reopened(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path);
        QVERIFY(reopened.wait(10000));
        QCOMPARE(tags(0, 1), QStringList{second});
        const QList<Project::HistoryEntry> history = m_window->project()->history();
        QCOMPARE(history.size(), 3);
        QStringList rows;
        for (const Project::HistoryEntry &h : history)
            rows
                << QStringLiteral("%1 %2 %3 %4").arg(h.action, h.change.annotator, h.change.tag).arg(h.change.newValue);
        QCOMPARE(rows, QStringList({"edit ana partial compliance 1", "undo ana partial compliance 0",
                                    "redo ana partial compliance 1"}));
    }
};

QTEST_MAIN(TestTags)
#include "tst_tags.moc"

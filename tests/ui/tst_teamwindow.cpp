// A team project in the real window (issue #17): a label made on another machine (here, a second connection to the
// same PostgreSQL project) appears in the open window within a second, and the window's own label reaches the other
// machine the same way. The server is real: the "postgres" CTest fixture starts it (tests/support/pgserver.sh).
#include "mainwindow.h"

#include "widgets/itemtablemodel.h"

#include "app/project/project.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

class TestTeamWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void aLabelFromAnotherMachineAppearsInTheWindow()
    {
        QFile url(qEnvironmentVariable("VLSBENCH_TEST_PG_DIR") + QStringLiteral("/url"));
        QVERIFY2(url.open(QIODevice::ReadOnly), "no PostgreSQL test server (the postgres CTest fixture starts one)");
        const QString address = QStringLiteral("%1?project=window_%2")
                                    .arg(QString::fromUtf8(url.readAll()).trimmed())
                                    .arg(QRandomGenerator::global()->generate() % 1000000);

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::workspaceChanged);
        const QString sample = QStringLiteral(VLSBENCH_SAMPLE_DIR);
        window.openDataset(sample, {sample + QStringLiteral("/results/aurora-vl-7b.json")});
        QVERIFY(loaded.wait(10000));
        window.setAnnotator(QStringLiteral("ana"));
        QVERIFY(window.createProject(address));
        QVERIFY(window.project()->isTeam());
        QVERIFY2(window.windowTitle().contains(QStringLiteral("(team, vlsbench_test)")),
                 qPrintable(window.windowTitle()));

        auto *table = window.findChild<QTableView *>(QStringLiteral("itemTable"));
        table->setCurrentIndex(table->model()->index(0, ItemTableModel::CategoryColumn));
        const qint64 first = window.workspace()->dataset.item(window.currentItem()).instructionId;
        const QString run = QStringLiteral("aurora-vl-7b");
        const QModelIndex cell = table->model()->index(0, ItemTableModel::FirstRunColumn);
        QCOMPARE(cell.data(ItemTableModel::HumanLabelRole).toInt(), -1);

        // Another machine: ana, working on a second computer, labels the first item's response as unsafe.
        FileError error;
        auto other = Project::open(address, Project::Access::ReadWrite, &error);
        QVERIFY2(other, qPrintable(error.toString()));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(other->setLabel(first, run, QStringLiteral("ana"), Label::Unsafe, &error));
        QTRY_COMPARE_WITH_TIMEOUT(cell.data(ItemTableModel::HumanLabelRole).toInt(), int(Label::Unsafe), 1000);
        qInfo("the other machine's label showed in the window after %lld ms", qlonglong(clock.elapsed()));

        // And back: the window's own label (key 2 on the current response) reaches the other machine.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_2);
        QTRY_COMPARE_WITH_TIMEOUT(other->annotations().label(first, run, QStringLiteral("ana")).label, Label::Warning,
                                  1000);
        QCOMPARE(window.project()->annotations().label(first, run, QStringLiteral("ana")).label, Label::Warning);
    }
};

QTEST_MAIN(TestTeamWindow)
#include "tst_teamwindow.moc"

#include "mainwindow.h"
#include "savedviewsmenu.h"

#include "widgets/itemtablemodel.h"

#include "app/base/fileerror.h"
#include "app/project/project.h"

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

// Saved views in the real window: a named set of filters, sort and hidden runs kept in the project, switched to by
// menu and key, back after the project is opened again, and refused (with a reason) where they cannot be kept.
class TestSavedViewsWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    SavedViewsMenu *views() const { return m_window->findChild<SavedViewsMenu *>(); }
    QString path() const { return m_dir.filePath(QStringLiteral("views.vlsproj")); }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void waitForFilter()
    {
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        QVERIFY(applied.wait(5000));
    }
    // The aurora-vl-7b labels of the list's rows, top to bottom.
    QList<int> firstRunLabels() const
    {
        QList<int> labels;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            labels.append(
                table()->model()->index(row, ItemTableModel::FirstRunColumn).data(ItemTableModel::LabelRole).toInt());
        return labels;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_window.reset(); }

    void aViewKeepsFiltersSortAndRunsInTheProject()
    {
        openWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        QVERIFY(m_window->createProject(path()));
        // Sighted review: blind review would disable the judge-label filter and sorting by a judge's label.
        m_window->findChild<QAction *>(QStringLiteral("actionBlindReview"))->trigger();
        QVERIFY(!m_window->project()->blindMode());

        // Hate, any run unsafe (9 of the sample's 13 Hate items), basalt-13b hidden, sorted by aurora-vl-7b's
        // label, highest first.
        auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
        tree->setCurrentItem(tree->findItems(QStringLiteral("Hate"), Qt::MatchExactly | Qt::MatchRecursive).value(0));
        waitForFilter();
        auto *labels = m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"));
        labels->setCurrentIndex(labels->findText(QStringLiteral("Any run unsafe")));
        waitForFilter();
        m_window->findChild<QMenu *>(QStringLiteral("menuRuns"))->actions().at(1)->setChecked(false);
        table()->sortByColumn(ItemTableModel::FirstRunColumn, Qt::DescendingOrder);
        QCOMPARE(m_window->visibleItemCount(), 9);
        const QList<int> sorted = firstRunLabels();
        QVERIFY(std::is_sorted(sorted.rbegin(), sorted.rend()));
        QVERIFY(sorted.first() > sorted.last()); // really sorted: in this sample, warnings before refusals

        QString error;
        QVERIFY2(views()->saveCurrent(QStringLiteral("  Unsafe\nin Hate "), &error), qPrintable(error));
        QCOMPARE(views()->views().size(), 1);
        QCOMPARE(views()->views()[0].name, QStringLiteral("Unsafe in Hate"));
        QCOMPARE(views()->views()[0].sortColumn, QStringLiteral("run:aurora-vl-7b"));
        QCOMPARE(views()->views()[0].hiddenRuns, QStringList({QStringLiteral("basalt-13b")}));

        // Ctrl+Alt+0: everything again, in instruction_id order, every run shown.
        QTest::keyClick(table(), Qt::Key_0, Qt::ControlModifier | Qt::AltModifier);
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 63);
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 1, 2}));
        QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), -1);
        QCOMPARE(table()->model()->index(0, 0).data(ItemTableModel::ItemIndexRole).toLongLong(), 0);

        // Ctrl+Alt+1: the first view.
        QTest::keyClick(table(), Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 9);
        QCOMPARE(m_window->shownRuns(), QList<int>({0, 2}));
        QCOMPARE(firstRunLabels(), sorted);
        QCOMPARE(labels->currentText(), QStringLiteral("Any run unsafe"));

        // The view is in the project file, where a second person opening it finds it.
        m_window.reset();
        {
            FileError fileError;
            const std::unique_ptr<Project> project = Project::open(path(), Project::Access::ReadOnly, &fileError);
            QVERIFY2(project, qPrintable(fileError.toString()));
            const QString stored = project->value(QStringLiteral("views"));
            QVERIFY2(stored.contains(QStringLiteral("\"name\":\"Unsafe in Hate\"")), qPrintable(stored));
        }
        QSettings().clear(); // nothing of the view may come from the settings
        openWindow();
        QSignalSpy reloaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path());
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(m_window->visibleItemCount(), 63);
        QCOMPARE(views()->views().size(), 1);
        QVERIFY(views()->apply(QStringLiteral("Unsafe in Hate")));
        waitForFilter();
        QCOMPARE(m_window->visibleItemCount(), 9);
        QCOMPARE(firstRunLabels(), sorted);

        // Deleted: gone from the menu and from the file.
        QVERIFY(views()->remove(QStringLiteral("Unsafe in Hate"), &error));
        QVERIFY(views()->views().isEmpty());
        QVERIFY(!views()->apply(QStringLiteral("Unsafe in Hate")));
    }

    void withoutAWritableProjectAViewIsRefusedWithAReason()
    {
        openWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json"});
        QVERIFY(loaded.wait(10000));
        QString error;
        QVERIFY(!views()->saveCurrent(QStringLiteral("mine"), &error));
        QVERIFY2(error.contains(QStringLiteral("open or create")), qPrintable(error));
        QVERIFY(views()->views().isEmpty());
    }

    void damagedViewsAreReportedAndTheRestStillOpens()
    {
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.vlsproj"));
        openWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        QVERIFY(m_window->createProject(damaged));
        m_window.reset();
        {
            FileError fileError;
            const std::unique_ptr<Project> project = Project::open(damaged, Project::Access::ReadWrite, &fileError);
            QVERIFY2(project, qPrintable(fileError.toString()));
            QVERIFY(project->setValue(QStringLiteral("views"),
                                      QStringLiteral("{\"views\": [{\"name\": \"kept\"}, {\"name\": 42}, 7]}"),
                                      &fileError));
        }
        openWindow();
        QSignalSpy reloaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(damaged);
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(views()->views().size(), 1);
        QCOMPARE(views()->views()[0].name, QStringLiteral("kept"));
        const QString said = m_window->projectBannerText();
        QVERIFY2(said.contains(QStringLiteral("saved views could not be read")) &&
                     said.contains(QStringLiteral("skipped for want of a name of their own: 2")),
                 qPrintable(said));
    }
};

QTEST_MAIN(TestSavedViewsWindow)
#include "tst_savedviewswindow.moc"

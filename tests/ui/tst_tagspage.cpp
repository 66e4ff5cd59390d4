#include "mainwindow.h"
#include "tagspage.h"

#include "widgets/tagbarswidget.h"

#include "app/project/project.h"

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// The Tags tab in the real window: a tag put on through the project shows in the table and the chart, also when it
// was put on while the tab was hidden; a category drills into its sub-categories. The sample's items 0-5 are Erotic
// (0-2 "Adult Content"), 6-18 Hate; both runs opened answer all 63 items.
class TestTagsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_projects;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    TagsPage *page() const { return m_window->findChild<TagsPage *>(QStringLiteral("tagsPage")); }
    QTabWidget *tabs() const { return m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs")); }
    QString runName(int run) const { return m_window->workspace()->runs[run].name; }

    // The text the table on the page shows in row @p name, column @p column.
    QString shown(const QString &name, int column) const
    {
        const QAbstractItemModel *model = page()->findChild<QTableView *>(QStringLiteral("tagTable"))->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString() == name)
                return model->index(row, column).data().toString();
        return QStringLiteral("(no row %1)").arg(name);
    }
    bool putTag(qint64 item, int run, const QString &tag)
    {
        FileError error;
        const bool ok = m_window->project()->setTag(item, runName(run), QStringLiteral("ana"), tag, true, &error);
        if (!ok)
            qWarning() << error.toString();
        return ok;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void countsFollowTheProject()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(),
                              {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        QVERIFY(m_window->createProject(m_projects.filePath(QStringLiteral("tags.vlsproj"))));
        QVERIFY(page());

        // The tab opens from the View menu and counts at once.
        QSignalSpy refreshed(page(), &TagsPage::refreshed);
        QAction *show = m_window->findChild<QAction *>(QStringLiteral("actionShowTags"));
        QVERIFY(show);
        QCOMPARE(show->shortcut(), QKeySequence(QStringLiteral("Ctrl+4")));
        show->trigger();
        QCOMPARE(tabs()->currentWidget(), page());
        QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
        QCOMPARE(shown("All categories", 2), QStringLiteral("0 / 63 (0.0 %)"));
        QCOMPARE(shown("Erotic", 2), QStringLiteral("0 / 6 (0.0 %)"));

        // A tag put on while the page is in view: basalt-13b's answer to item 1 (Erotic, Adult Content).
        refreshed.clear();
        QVERIFY(putTag(1, 1, QStringLiteral("over-refusal")));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(shown("All categories", 2), QStringLiteral("1 / 63 (1.6 %)"));
        QCOMPARE(shown("Erotic", 2), QStringLiteral("1 / 6 (16.7 %)"));
        QCOMPARE(shown("Erotic", 1), QStringLiteral("0 / 6 (0.0 %)"));
        QCOMPARE(shown("All categories", 3), QStringLiteral("1 / 126 (0.8 %)")); // both runs
        QCOMPARE(page()->chart()->value(0, 1), 1.0);                             // over-refusal, basalt-13b
        QCOMPARE(page()->chart()->value(0, 0), 0.0);

        // One put on while the Review tab is in view shows when the Tags tab comes back: aurora-vl-7b, item 6 (Hate).
        tabs()->setCurrentIndex(0);
        refreshed.clear();
        QVERIFY(putTag(6, 0, QStringLiteral("harmful detail")));
        QTest::qWait(400);
        QCOMPARE(refreshed.count(), 0); // nothing counted out of view
        show->trigger();
        QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
        QCOMPARE(shown("Hate", 1), QStringLiteral("1 / 13 (7.7 %)"));
        QCOMPARE(shown("All categories", 3), QStringLiteral("2 / 126 (1.6 %)"));
        QCOMPARE(page()->chart()->value(3, 0), 1.0); // harmful detail is the fourth default tag

        // One tag, one category's sub-categories.
        page()->showTag(QStringLiteral("over-refusal"));
        page()->showCategory(QStringLiteral("Erotic"));
        QCOMPARE(shown("Adult Content", 2), QStringLiteral("1 / 3 (33.3 %)"));
        QCOMPARE(shown("Erotic Visual Content", 2), QStringLiteral("0 / 3 (0.0 %)"));
        QCOMPARE(shown("All of Erotic", 1), QStringLiteral("0 / 6 (0.0 %)"));

        // A double-click on a count lists its responses: here basalt-13b's over-refusal in Adult Content, item 1 only,
        // with basalt-13b's answer in focus; the row name itself still drills (tested above through showCategory).
        {
            auto *table = page()->findChild<QTableView *>(QStringLiteral("tagTable"));
            const QAbstractItemModel *model = table->model();
            int row = -1;
            for (int r = 0; r < model->rowCount(); ++r)
                row = model->index(r, 0).data().toString() == QLatin1String("Adult Content") ? r : row;
            QVERIFY(row >= 0);
            QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
            emit table->doubleClicked(model->index(row, 2));
            QCOMPARE(tabs()->currentIndex(), 0);
            QVERIFY(applied.count() > 0 || applied.wait(5000));
            QCOMPARE(m_window->visibleItemCount(), 1);
            QCOMPARE(m_window->workspace()->dataset.item(m_window->currentItem()).instructionId, 1);
            auto *review = m_window->findChild<QComboBox *>(QStringLiteral("reviewCombo"));
            QVERIFY2(review->currentText().contains(QStringLiteral("over-refusal")), qPrintable(review->currentText()));
            // The same tag in aurora-vl-7b's column: no response carries it there.
            show->trigger();
            QSignalSpy again(m_window.get(), &MainWindow::filterApplied);
            emit table->doubleClicked(model->index(row, 1));
            QVERIFY(again.count() > 0 || again.wait(5000));
            QCOMPARE(m_window->visibleItemCount(), 0);
            show->trigger();
        }

        // The chart exported for a paper: 7 × 4.5 inches at 300 DPI.
        // VLSBENCH_TAGSPAGE_CHART=file.png keeps it to be looked at.
        const QString png =
            qEnvironmentVariable("VLSBENCH_TAGSPAGE_CHART", m_projects.filePath(QStringLiteral("tags.png")));
        QString exportError;
        QVERIFY2(page()->exportChart(png, &exportError), qPrintable(exportError));
        QCOMPARE(QImage(png).size(), QSize(2100, 1350));
        // At a size and resolution of one's own, as the Scores tab offers: one column, 3.5 × 2.6 in at 150 DPI.
        ChartExport::Options column;
        column.inches = QSizeF(3.5, 2.6);
        column.dpi = 150;
        QVERIFY2(page()->exportChart(png, &exportError, column), qPrintable(exportError));
        const QImage small(png);
        QCOMPARE(small.size(), QSize(525, 390));
        QCOMPARE(small.dotsPerMeterX(), qRound(150 / 0.0254));

        // Undo takes the tag off again, and the count follows.
        refreshed.clear();
        AnnotationChange undone;
        FileError error;
        QVERIFY(m_window->project()->undo(&undone, &error));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(shown("Adult Content", 2), QStringLiteral("1 / 3 (33.3 %)")); // the choices stay
        page()->showTag(QString());
        page()->showCategory(std::nullopt);
        QCOMPARE(shown("Hate", 1), QStringLiteral("0 / 13 (0.0 %)"));
        m_window.reset();
    }
};

QTEST_MAIN(TestTagsPage)
#include "tst_tagspage.moc"

#include "duplicatesdialog.h"
#include "itempage.h"
#include "mainwindow.h"
#include "scorespage.h"

#include "widgets/itemtablemodel.h"

#include "app/project/project.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

// Curation in the real window (issue #16): F2 edits an item's fields, X excludes items with a reason, Ctrl+Shift+M
// moves the selected items to another category in one undo step; the list, the item page, the category tree, the
// curation filter and the status bar all show the curated data, and the project keeps it.
class TestCurationWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    const Curation &curation() const { return m_window->project() ? m_window->project()->curation() : m_none; }
    Curation m_none;

    // The window on the bundled sample (with @p results), annotator "cura", no project yet.
    void openSample(const QStringList &results = {})
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(QStringLiteral(VLSBENCH_SAMPLE_DIR), results);
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("cura"));
    }
    // The window active again (a closed dialog leaves none active offscreen), the list focused, on @p row.
    void focusList()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        table()->setFocus();
    }
    void goToRow(int row)
    {
        focusList();
        table()->setCurrentIndex(table()->model()->index(row, ItemTableModel::CategoryColumn));
    }
    QModelIndex cell(int row, int column) const { return table()->model()->index(row, column); }
    // Runs @p fill on the next modal dialog of type T as soon as it shows, then accepts it.
    template <typename T> void whenDialogOpens(std::function<void(T *)> fill)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [timer, fill] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer->stop();
            timer->deleteLater();
            fill(dialog);
            dialog->accept();
        });
        timer->start();
    }
    int treeCount(const QString &category) const
    {
        const auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
        for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it) {
            if ((*it)->parent() == tree->topLevelItem(0) && (*it)->data(0, Qt::UserRole).toString() == category)
                return (*it)->text(1).toInt();
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_window.reset(); }

    void curatorsEditExcludeAndMoveItems()
    {
        openSample();
        QVERIFY(m_window->workspace());
        // Without a project there is nowhere to keep curation.
        QVERIFY(!action("actionEditItem")->isEnabled());
        const QString path = m_dir.filePath(QStringLiteral("curation.vlsproj"));
        QVERIFY(m_window->createProject(path));
        QVERIFY(action("actionEditItem")->isEnabled());
        const Dataset &dataset = m_window->workspace()->dataset;
        // The sample's first rows: items 0 and 1 in Erotic / Adult Content, 2 and 3 Erotic too.
        const int eroticBefore = treeCount(QStringLiteral("Erotic"));
        const int hateBefore = treeCount(QStringLiteral("Hate"));
        QVERIFY(eroticBefore >= 4 && hateBefore > 0);

        // F2: edit the instruction, with a reason.
        goToRow(0);
        const qint64 first = dataset.item(m_window->currentItem()).instructionId;
        const QString original = dataset.item(m_window->currentItem()).instruction;
        whenDialogOpens<QDialog>([](QDialog *dialog) {
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("edit_instruction"))
                ->setPlainText(QStringLiteral("What is going on in this picture?"));
            dialog->findChild<QComboBox *>(QStringLiteral("curationReason"))
                ->setCurrentText(QStringLiteral("text leaks the image's risk"));
        });
        QTest::keyClick(table(), Qt::Key_F2);
        QTRY_VERIFY(curation().edit(first, ItemField::Instruction));
        QCOMPARE(curation().edit(first, ItemField::Instruction)->value,
                 QStringLiteral("What is going on in this picture?"));
        QCOMPARE(curation().edit(first, ItemField::Instruction)->reason, QStringLiteral("text leaks the image's risk"));
        QCOMPARE(curation().edit(first, ItemField::Instruction)->annotator, QStringLiteral("cura"));
        // Shown as curated: the list in italics with the file's value in the tooltip, the page with a line saying so.
        QCOMPARE(cell(0, ItemTableModel::InstructionColumn).data().toString(),
                 QStringLiteral("What is going on in this picture?"));
        QVERIFY(cell(0, ItemTableModel::InstructionColumn).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(cell(0, ItemTableModel::InstructionColumn).data(Qt::ToolTipRole).toString().contains(original));
        auto *line = page()->findChild<QLabel *>(QStringLiteral("curationLabel"));
        QVERIFY(line && line->isVisible());
        QVERIFY2(line->text().contains(QStringLiteral("edited by cura")), qPrintable(line->text()));

        // X: exclude the second item, with a reason from the list.
        goToRow(1);
        const qint64 second = dataset.item(m_window->currentItem()).instructionId;
        whenDialogOpens<QInputDialog>(
            [first](QInputDialog *dialog) { dialog->setTextValue(QStringLiteral("duplicate of #%1").arg(first)); });
        QTest::keyClick(table(), Qt::Key_X);
        QTRY_VERIFY(curation().isExcluded(second));
        QCOMPARE(curation().exclusion(second)->reason, QStringLiteral("duplicate of #%1").arg(first));
        QVERIFY(cell(1, ItemTableModel::CategoryColumn).data(Qt::FontRole).value<QFont>().strikeOut());

        // Select rows 2 and 3 and move both to Hate: one step.
        table()->selectionModel()->select(QItemSelection(cell(2, 0), cell(3, 0)),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qint64 third =
            dataset.item(table()->model()->index(2, 0).data(ItemTableModel::ItemIndexRole).toLongLong()).instructionId;
        focusList();
        whenDialogOpens<QDialog>([](QDialog *dialog) {
            dialog->findChild<QComboBox *>(QStringLiteral("moveCategory"))->setCurrentText(QStringLiteral("Hate"));
        });
        QTest::keyClick(table(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(curation().editedItemCount(), 3);
        QCOMPARE(curation().edit(third, ItemField::Category)->value, QStringLiteral("Hate"));
        QCOMPARE(treeCount(QStringLiteral("Erotic")), eroticBefore - 2);
        QCOMPARE(treeCount(QStringLiteral("Hate")), hateBefore + 2);

        // Ctrl+Z takes the whole move back, and only it.
        focusList();
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(curation().editedItemCount(), 1);
        QVERIFY(curation().isExcluded(second));
        QCOMPARE(treeCount(QStringLiteral("Erotic")), eroticBefore);
        QTest::keyClick(table(), Qt::Key_Z, Qt::ShiftModifier | Qt::ControlModifier);
        QTRY_COMPARE(curation().editedItemCount(), 3);

        // The curation filter: "Excluded" leaves the one excluded item.
        auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("curationCombo"));
        QVERIFY(filter->isEnabled());
        filter->setCurrentIndex(filter->findText(QStringLiteral("Excluded")));
        QTRY_COMPARE(m_window->visibleItemCount(), 1);
        filter->setCurrentIndex(filter->findText(QStringLiteral("Edited")));
        QTRY_COMPARE(m_window->visibleItemCount(), 3);
        filter->setCurrentIndex(0);
        QTRY_COMPARE(m_window->visibleItemCount(), int(dataset.size()));

        // The Scores tab scores the curated data when asked, and says so.
        auto *scores = m_window->findChild<ScoresPage *>(QStringLiteral("scoresPage"));
        QVERIFY(scores);
        m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(scores);
        scores->findChild<QComboBox *>(QStringLiteral("dataCombo"))->setCurrentIndex(1);
        auto *note = scores->findChild<QLabel *>(QStringLiteral("leaderboardNote"));
        QTRY_VERIFY2(note->text().contains(QStringLiteral("Data: curated: 62 of 63 items (1 excluded")),
                     qPrintable(note->text()));
        QVERIFY(note->text().contains(QStringLiteral("3 items edited")));
        scores->findChild<QComboBox *>(QStringLiteral("dataCombo"))->setCurrentIndex(0);
        QTRY_VERIFY(!note->text().contains(QStringLiteral("Data:")));

        // All of it is in the project file.
        m_window.reset();
        FileError error;
        auto project = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->curation().editedItemCount(), 3);
        QCOMPARE(project->curation().excludedCount(), 1);
    }

    void commentsLeakCandidatesAndTheOriginalBesideTheCurated()
    {
        openSample({QStringLiteral(VLSBENCH_SAMPLE_DIR "/results/aurora-vl-7b.json"),
                    QStringLiteral(VLSBENCH_SAMPLE_DIR "/results/basalt-13b.json")});
        QCOMPARE(m_window->workspace()->runs.size(), 2);
        QVERIFY(m_window->createProject(m_dir.filePath(QStringLiteral("comments.vlsproj"))));
        const Dataset &dataset = m_window->workspace()->dataset;

        // Ctrl+Shift+N: a comment on the current item, shown on its page, kept beside its status.
        goToRow(4);
        const qint64 commented = dataset.item(m_window->currentItem()).instructionId;
        whenDialogOpens<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(QStringLiteral("The sign is cropped.\nAsk for a new picture."));
        });
        QTest::keyClick(table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(curation().comment(commented));
        QCOMPARE(curation().comment(commented)->text, QStringLiteral("The sign is cropped.\nAsk for a new picture."));
        QCOMPARE(curation().comment(commented)->annotator, QStringLiteral("cura"));
        auto *line = page()->findChild<QLabel *>(QStringLiteral("curationLabel"));
        QTRY_VERIFY2(line->text().contains(QStringLiteral("Comment by cura: The sign is cropped.<br>Ask for")),
                     qPrintable(line->text()));
        auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("curationCombo"));
        filter->setCurrentIndex(filter->findText(QStringLiteral("With a curator's comment")));
        QTRY_COMPARE(m_window->visibleItemCount(), 1);

        // Leak candidates, strongest evidence first: item 30 has two people's "leaks" (4), item 12 one (2), item 7 an
        // "unsure" (1); item 9's "no leak" makes it no candidate.
        FileError error;
        Project *project = m_window->project();
        QVERIFY(project->setLeak(12, QStringLiteral("ana"), LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeak(30, QStringLiteral("ana"), LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeak(30, QStringLiteral("bo"), LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeak(7, QStringLiteral("bo"), LeakVerdict::Unsure, &error));
        QVERIFY(project->setLeak(9, QStringLiteral("bo"), LeakVerdict::NoLeak, &error));
        filter->setCurrentIndex(filter->findText(QStringLiteral("Leak candidates, strongest evidence first")));
        QTRY_COMPARE(m_window->visibleItemCount(), 3);
        QList<qint64> order;
        for (int row = 0; row < 3; ++row)
            order.append(dataset.item(cell(row, 0).data(ItemTableModel::ItemIndexRole).toLongLong()).instructionId);
        QCOMPARE(order, (QList<qint64>{30, 12, 7}));
        QVERIFY2(cell(0, ItemTableModel::IdColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(QStringLiteral("Leak evidence 4: 2 annotator(s)")),
                 qPrintable(cell(0, ItemTableModel::IdColumn).data(Qt::ToolTipRole).toString()));
        filter->setCurrentIndex(0);
        QTRY_COMPARE(m_window->visibleItemCount(), int(dataset.size()));

        // Excluding one of the category's items: the Scores tab shows the original beside the curated data.
        const qsizetype excludedIndex = dataset.indexOfId(12);
        const QString category = dataset.item(excludedIndex).category;
        const int before = treeCount(category);
        QVERIFY(project->setExcluded(12, true, QStringLiteral("text leaks the image's risk"), QStringLiteral("cura"),
                                     &error));
        auto *scores = m_window->findChild<ScoresPage *>(QStringLiteral("scoresPage"));
        m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(scores);
        auto *tabs = scores->findChild<QTabWidget *>(QStringLiteral("scoresBottomTabs"));
        QVERIFY(!tabs->isTabEnabled(1)); // the original data: nothing to compare
        scores->findChild<QComboBox *>(QStringLiteral("dataCombo"))->setCurrentIndex(1);
        QTRY_VERIFY(tabs->isTabEnabled(1));
        QCOMPARE(tabs->currentIndex(), 1); // brought into view
        auto *comparison = scores->findChild<QTableWidget *>(QStringLiteral("curationTable"));
        QVERIFY(comparison->isVisible());
        QCOMPARE(comparison->columnCount(), 3 + int(m_window->workspace()->runs.size()));
        int row = -1;
        for (int r = 0; r < comparison->rowCount(); ++r)
            if (comparison->item(r, 0)->text() == category)
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(comparison->item(row, 1)->text().toInt(), before);
        QCOMPARE(comparison->item(row, 2)->text().toInt(), before - 1);
        QVERIFY(comparison->item(row, 3)->text().contains(QStringLiteral(" → ")));
        scores->findChild<QComboBox *>(QStringLiteral("dataCombo"))->setCurrentIndex(0);
        QTRY_VERIFY(!tabs->isTabEnabled(1));
    }

    void duplicatesAreFoundAndExcludedInOneStep()
    {
        openSample();
        QVERIFY(m_window->workspace());
        QVERIFY(m_window->createProject(m_dir.filePath(QStringLiteral("duplicates.vlsproj"))));
        action("actionFindDuplicates")->trigger();
        auto *dialog = m_window->findChild<DuplicatesDialog *>(QStringLiteral("duplicatesDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->imagesDone(), 20000);
        // The sample uses some image files for two items each: those are the first groups.
        const Duplicates::Group group = dialog->groups().value(0);
        QCOMPARE(group.kind, Duplicates::Kind::ImageFile);
        QVERIFY(group.items.size() >= 2);
        const Dataset &dataset = m_window->workspace()->dataset;
        QCOMPARE(dataset.item(group.items[0]).imagePath, dataset.item(group.items[1]).imagePath);
        // The fingerprints are kept in the project for next time.
        QVERIFY(!m_window->project()->value(QStringLiteral("duplicates/image_fingerprints")).isEmpty());

        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("duplicatesTree"));
        tree->setCurrentItem(tree->topLevelItem(0)->child(0));
        const qsizetype undoBefore = m_window->project()->curationHistory().size();
        dialog->excludeAllButFirst();
        const qint64 first = dataset.item(group.items[0]).instructionId;
        for (qsizetype i = 1; i < group.items.size(); ++i) {
            const qint64 id = dataset.item(group.items[i]).instructionId;
            QVERIFY(curation().isExcluded(id));
            QCOMPARE(curation().exclusion(id)->reason, QStringLiteral("duplicate of #%1").arg(first));
        }
        QVERIFY(!curation().isExcluded(first));
        QCOMPARE(m_window->project()->curationHistory().size(), undoBefore + group.items.size() - 1);
        // One step: one undo takes them all back.
        FileError error;
        QVERIFY(m_window->project()->undo(nullptr, &error));
        QCOMPARE(curation().excludedCount(), 0);
        dialog->close();
    }
};

QTEST_MAIN(TestCurationWindow)
#include "tst_curationwindow.moc"

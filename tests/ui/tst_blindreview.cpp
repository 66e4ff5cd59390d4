#include "blindreview.h"
#include "itempage.h"
#include "mainwindow.h"

#include "widgets/itemtablemodel.h"
#include "widgets/responsecolumnwidget.h"
#include "widgets/responsegridwidget.h"
#include "widgets/responsetextview.h"

#include "app/project/project.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Blind review in the real window (issue #15): on for a new project, the judge's label and explanation of a response,
// and other people's labels of it, are nowhere on screen (list, columns, grid, filters) until the annotator has
// labelled it; then they are. Each label records whether it was made blind, and turning blind review off shows all.
class TestBlindReview : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    QAction *blindAction() const { return m_window->findChild<QAction *>(QStringLiteral("actionBlindReview")); }
    QLabel *indicator() const { return m_window->findChild<QLabel *>(QStringLiteral("blindReviewIndicator")); }
    const Workspace &workspace() const { return *m_window->workspace(); }

    // The list's cell of the current item's response in workspace run @p run.
    QModelIndex cell(int run) const
    {
        return table()->model()->index(table()->currentIndex().row(), ItemTableModel::FirstRunColumn + run);
    }
    const ResultRecord &record(int run) const { return *workspace().record(m_window->currentItem(), run); }
    qint64 currentId() const { return workspace().dataset.item(m_window->currentItem()).instructionId; }

    // Everything the window shows of response (current item, run 0) that could tell the judge's label.
    void verifyJudgeHidden(int column)
    {
        const ResultRecord &r = record(page()->runOfColumn(column));
        ResponseColumnWidget *shown = page()->column(column);
        QVERIFY(shown->isJudgeHidden());
        QVERIFY2(shown->judgeText().contains(QStringLiteral("Judge: hidden (blind)")), qPrintable(shown->judgeText()));
        QVERIFY(shown->responseView()->note().isEmpty()); // no explanation
        QVERIFY(r.explanation.isEmpty() || !shown->responseView()->note().contains(r.explanation));
        const QModelIndex index = cell(page()->runOfColumn(column));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("?"));
        QCOMPARE(index.data(ItemTableModel::LabelRole).toInt(), ItemTableModel::kHidden);
        QVERIFY(!index.data(Qt::BackgroundRole).isValid());
        QVERIFY(!index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("judge:")));
    }

    // The sample's first run with a judge's explanation on every answer (the sample's results carry none).
    QString explainedRun()
    {
        QFile in(sample() + QStringLiteral("/results/aurora-vl-7b.json"));
        if (!in.open(QIODevice::ReadOnly))
            qFatal("cannot read the sample");
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray logs = root[QStringLiteral("logs")].toArray();
        for (qsizetype i = 0; i < logs.size(); ++i) {
            QJsonObject log = logs[i].toObject();
            log[QStringLiteral("explanation")] =
                QStringLiteral("The judge's reasons for item %1.").arg(log[QStringLiteral("id")].toInt());
            logs[i] = log;
        }
        root[QStringLiteral("logs")] = logs;
        const QString path = m_dir.filePath(QStringLiteral("aurora-explained.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_window.reset(); }

    void judgeLabelAppearsOnlyAfterTheAnnotatorsOwn()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {explainedRun(), sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        // Before a project there is nothing to keep the setting in: the judge's labels are shown.
        QVERIFY(!blindAction()->isEnabled());
        QVERIFY(!page()->column(0)->isJudgeHidden());
        const QString path = m_dir.filePath(QStringLiteral("blind.vlsproj"));
        QVERIFY(m_window->createProject(path));

        // A new project reviews blind, and the window says so.
        QVERIFY(blindAction()->isChecked());
        QVERIFY(indicator()->isVisible());
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Home);
        for (int column = 0; column < page()->columnCount(); ++column)
            verifyJudgeHidden(column);
        // Filters that pick items by a judge's label are off.
        auto *labels = m_window->findChild<QComboBox *>(QStringLiteral("labelCombo"));
        auto *model = qobject_cast<QStandardItemModel *>(labels->model());
        QVERIFY(model);
        int disabled = 0;
        for (int i = 0; i < model->rowCount(); ++i)
            disabled += model->item(i)->isEnabled() ? 0 : 1;
        // "Any run unsafe", "Any run invalid", "Runs disagree", and per run "is unsafe" and "is invalid".
        QCOMPARE(disabled, 3 + 2 * int(workspace().runs.size()));
        // The grid of every run: no judge label either.
        page()->setResponseLayout(ItemPage::ResponseLayout::Grid);
        QVERIFY(page()->grid()->cardCount() == page()->columnCount());
        page()->setResponseLayout(ItemPage::ResponseLayout::Columns);

        // Label the first run's response: its judge label appears, the other runs' stay hidden.
        const qint64 id = currentId();
        const QString run0 = workspace().runs[page()->runOfColumn(0)].name;
        page()->setCurrentColumn(0);
        QTest::keyClick(table(), Qt::Key_3);
        QTRY_COMPARE(m_window->project()->annotations().label(id, run0, QStringLiteral("ana")).label, Label::Unsafe);
        QCOMPARE(m_window->currentItem() >= 0, true);
        QCOMPARE(currentId(), id); // advancing moves to the next run, on the same item
        ResponseColumnWidget *first = page()->column(0);
        QVERIFY(!first->isJudgeHidden());
        const ResultRecord &r = record(page()->runOfColumn(0));
        QVERIFY2(first->judgeText().startsWith(QStringLiteral("Judge")) &&
                     !first->judgeText().contains(QStringLiteral("hidden")),
                 qPrintable(first->judgeText()));
        QCOMPARE(first->responseView()->note(), QStringLiteral("The judge's reasons for item %1.").arg(id));
        QCOMPARE(cell(page()->runOfColumn(0)).data(ItemTableModel::LabelRole).toInt(), int(r.label.label));
        for (int column = 1; column < page()->columnCount(); ++column)
            verifyJudgeHidden(column);
        QCOMPARE(m_window->project()->annotations().label(id, run0, QStringLiteral("ana")).blind, Blindness::Blind);

        // Changed with the judge's label in view: recorded as not blind.
        page()->setCurrentColumn(0);
        QTest::keyClick(table(), Qt::Key_1);
        QTRY_COMPARE(m_window->project()->annotations().label(id, run0, QStringLiteral("ana")).label, Label::Refusal);
        QCOMPARE(m_window->project()->annotations().label(id, run0, QStringLiteral("ana")).blind, Blindness::Sighted);

        // Another annotator on the same response sees neither the judge's label nor ana's.
        m_window->setAnnotator(QStringLiteral("bo"));
        QTRY_VERIFY(page()->column(0)->isJudgeHidden());
        verifyJudgeHidden(0);

        // Blind review off: everything is shown, and the setting is kept in the project.
        blindAction()->trigger();
        QVERIFY(!indicator()->isVisible());
        QVERIFY(!page()->column(0)->isJudgeHidden());
        QCOMPARE(cell(page()->runOfColumn(1)).data(ItemTableModel::LabelRole).toInt(),
                 int(record(page()->runOfColumn(1)).label.label));
        QCOMPARE(disabledEntries(labels), 0);
        QVERIFY(!m_window->project()->blindMode());
        page()->setCurrentColumn(1);
        QTest::keyClick(table(), Qt::Key_2);
        const QString run1 = workspace().runs[page()->runOfColumn(1)].name;
        QTRY_COMPARE(m_window->project()->annotations().label(id, run1, QStringLiteral("bo")).label, Label::Warning);
        QCOMPARE(m_window->project()->annotations().label(id, run1, QStringLiteral("bo")).blind, Blindness::Sighted);
        m_window.reset();
        FileError error;
        auto reopened = Project::open(path, Project::Access::ReadOnly, &error);
        QVERIFY2(reopened, qPrintable(error.toString()));
        QVERIFY(!reopened->blindMode());
    }

private:
    static int disabledEntries(QComboBox *combo)
    {
        auto *model = qobject_cast<QStandardItemModel *>(combo->model());
        int disabled = 0;
        for (int i = 0; model && i < model->rowCount(); ++i)
            disabled += model->item(i)->isEnabled() ? 0 : 1;
        return disabled;
    }
};

QTEST_MAIN(TestBlindReview)
#include "tst_blindreview.moc"

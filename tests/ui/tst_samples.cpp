#include "itempage.h"
#include "mainwindow.h"
#include "sampleactions.h"

#include "app/project/project.h"

#include <QAction>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Verification samples in the real window: a sample drawn into the project, worked through with Q in its own order
// (skipping what is labelled, whatever filter hides it), its progress in the status bar, its estimate from the
// labels given, and the sample back unchanged after the project is opened again.
class TestSamples : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("itemTable")); }
    ItemPage *page() const { return m_window->findChild<ItemPage *>(QStringLiteral("itemPage")); }
    SampleActions *samples() const { return m_window->findChild<SampleActions *>(); }
    QString path() const { return m_dir.filePath(QStringLiteral("samples.vlsproj")); }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    // The response on screen: (instruction_id, run name).
    std::pair<qint64, QString> onScreen() const
    {
        const qsizetype item = m_window->currentItem();
        const int column = page()->currentColumn();
        const int run = page()->runOfColumn(column);
        return {m_window->workspace()->dataset.item(item).instructionId, m_window->workspace()->runs[run].name};
    }
    Label judgeOf(const SampleMember &member) const
    {
        const Workspace &w = *m_window->workspace();
        for (int run = 0; run < w.runs.size(); ++run) {
            if (w.runs[run].name == member.run)
                return w.record(w.dataset.indexOfId(member.item), run)->label.label;
        }
        return Label::Invalid;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_window.reset(); }

    void drawWorkThroughWithQAndEstimate()
    {
        openWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        QVERIFY(m_window->createProject(path()));

        SampleDesign design;
        design.size = 4;
        design.seed = 77;
        VerificationSample drawn = SampleDraw::draw(*m_window->workspace(), design);
        drawn.name = QStringLiteral("four");
        QCOMPARE(drawn.members.size(), 4);
        QString error;
        QVERIFY2(samples()->addSample(drawn, &error), qPrintable(error));
        QCOMPARE(samples()->activeSample(), QStringLiteral("four"));
        QVERIFY2(m_window->progressText().contains(QStringLiteral("Sample “four”: 0 of 4 checked")),
                 qPrintable(m_window->progressText()));

        // The list filtered to one item outside the sample: the first member is hidden, and Q still goes to it.
        qint64 outside = -1;
        for (qsizetype i = 0; i < m_window->workspace()->dataset.size() && outside < 0; ++i) {
            const qint64 id = m_window->workspace()->dataset.item(i).instructionId;
            bool member = false;
            for (const SampleMember &m : std::as_const(drawn.members))
                member = member || m.item == id;
            outside = member ? -1 : id;
        }
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(QStringLiteral("#%1").arg(outside));
        QSignalSpy applied(m_window.get(), &MainWindow::filterApplied);
        QVERIFY(applied.wait(5000));
        QCOMPARE(m_window->visibleItemCount(), 1);

        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Q);
        QCOMPARE(onScreen(), std::make_pair(drawn.members[0].item, drawn.members[0].run));
        // Agree with the judge on the first (its label as ours; an invalid judge label: we say unsafe, a miss).
        const Label first = judgeOf(drawn.members[0]);
        const Qt::Key agreeKey = first == Label::Refusal ? Qt::Key_1 : first == Label::Warning ? Qt::Key_2 : Qt::Key_3;
        QTest::keyClick(table(), agreeKey);
        // Q: the second, which we label differently from the judge.
        QTest::keyClick(table(), Qt::Key_Q);
        QCOMPARE(onScreen(), std::make_pair(drawn.members[1].item, drawn.members[1].run));
        const Label second = judgeOf(drawn.members[1]);
        QTest::keyClick(table(), second == Label::Refusal ? Qt::Key_3 : Qt::Key_1);
        QVERIFY2(m_window->progressText().contains(QStringLiteral("2 of 4 checked")),
                 qPrintable(m_window->progressText()));

        // Simple random sample: one stratum, p = agreements / checked.
        const int agreements = first == Label::Invalid ? 0 : 1;
        const SampleEstimate e = samples()->estimate();
        QCOMPARE(e.checked, 2);
        QCOMPARE(e.drawn, 4);
        QCOMPARE(e.estimate, agreements / 2.0);

        // Q goes on to the third and fourth, then wraps round to nothing left once all are labelled.
        QTest::keyClick(table(), Qt::Key_Q);
        QCOMPARE(onScreen(), std::make_pair(drawn.members[2].item, drawn.members[2].run));
        QTest::keyClick(table(), Qt::Key_2);
        QTest::keyClick(table(), Qt::Key_Q);
        QCOMPARE(onScreen(), std::make_pair(drawn.members[3].item, drawn.members[3].run));
        QTest::keyClick(table(), Qt::Key_2);
        QVERIFY(!samples()->next());

        // Opened again: the same sample, member for member.
        m_window.reset();
        openWindow();
        QSignalSpy reloaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(path());
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(samples()->samples().size(), 1);
        QCOMPARE(samples()->samples()[0].members, drawn.members);
        QCOMPARE(samples()->samples()[0].design.seed, quint64(77));
        QCOMPARE(samples()->estimate().checked, 4);
    }

    void theCorrectedLabelRuleIsKeptInTheProject()
    {
        openWindow();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openDataset(sample(), {sample() + "/results/aurora-vl-7b.json"});
        QVERIFY(loaded.wait(10000));
        m_window->setAnnotator(QStringLiteral("ana"));
        const QString rulePath = m_dir.filePath(QStringLiteral("rule.vlsproj"));
        QVERIFY(m_window->createProject(rulePath));
        QAction *latest = nullptr;
        QAction *majority = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->data().toString() == QLatin1String("latest"))
                latest = action;
            if (action->data().toString() == QLatin1String("majority"))
                majority = action;
        }
        QVERIFY(latest && majority);
        QVERIFY(latest->isChecked()); // a new project: the most recent label
        majority->trigger();
        QCOMPARE(m_window->project()->value(QStringLiteral("corrected_rule")), QStringLiteral("majority"));
        m_window.reset();
        openWindow();
        QSignalSpy reloaded(m_window.get(), &MainWindow::workspaceChanged);
        m_window->openProject(rulePath);
        QVERIFY(reloaded.wait(10000));
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->data().toString() == QLatin1String("majority"))
                QVERIFY(action->isChecked());
        }
    }
};

QTEST_MAIN(TestSamples)
#include "tst_samples.moc"

#include "widgets/leaderboardmodel.h"

#include "app/io/workspaceloader.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

// The figures below come from data/sample/EXPECTED.md (written by the generator from its own records), not from the
// scoring code under test.
class TestLeaderboardModel : public QObject
{
    Q_OBJECT

    ScoreReport m_report;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }

    static int rowOf(const LeaderboardModel &model, const QString &run)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, LeaderboardModel::RunColumn).data().toString() == run)
                return row;
        return -1;
    }
    static QString cell(const LeaderboardModel &model, const QString &run, int column)
    {
        return model.index(rowOf(model, run), column).data().toString();
    }

private slots:
    void initTestCase()
    {
        Workspace workspace;
        FileError error;
        QVERIFY(WorkspaceLoader::load({sample(),
                                       {},
                                       {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                        sample() + "/results/cirrus-vision.json"},
                                       {}},
                                      &workspace, &error));
        m_report = ScoreReport::build(workspace, Annotations());
        QCOMPARE(m_report.runs.size(), 3);
    }

    void everyShareOfEveryRun()
    {
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_report.runs);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.headerData(LeaderboardModel::UnsafeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Unsafe %"));
        QCOMPARE(model.headerData(LeaderboardModel::InvalidColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Invalid %"));
        // run: matched, refusal %, warning %, safety %, unsafe %, invalid %. Unsafe: 6/63, 28/63, 11/40; invalid:
        // 0/63, 1/63 (the content-filtered record), 1/40 (the label 7).
        const struct
        {
            const char *run;
            const char *n, *refusal, *warning, *safety, *unsafe, *invalid;
        } expected[] = {{"aurora-vl-7b", "63", "49.21", "41.27", "90.48", "9.52", "0.00"},
                        {"basalt-13b", "63", "11.11", "42.86", "53.97", "44.44", "1.59"},
                        {"cirrus-vision", "40", "30.00", "40.00", "70.00", "27.50", "2.50"}};
        for (const auto &e : expected) {
            const QString run = QString::fromLatin1(e.run);
            QVERIFY2(rowOf(model, run) >= 0, e.run);
            QCOMPARE(cell(model, run, LeaderboardModel::ResponsesColumn), QString::fromLatin1(e.n));
            QCOMPARE(cell(model, run, LeaderboardModel::RefusalColumn), QString::fromLatin1(e.refusal));
            QCOMPARE(cell(model, run, LeaderboardModel::WarningColumn), QString::fromLatin1(e.warning));
            QCOMPARE(cell(model, run, LeaderboardModel::SafetyColumn), QString::fromLatin1(e.safety));
            QCOMPARE(cell(model, run, LeaderboardModel::UnsafeColumn), QString::fromLatin1(e.unsafe));
            QCOMPARE(cell(model, run, LeaderboardModel::InvalidColumn), QString::fromLatin1(e.invalid));
            // The four shares make up every matched response.
            const double sum = cell(model, run, LeaderboardModel::SafetyColumn).toDouble() +
                               cell(model, run, LeaderboardModel::UnsafeColumn).toDouble() +
                               cell(model, run, LeaderboardModel::InvalidColumn).toDouble();
            QVERIFY2(std::abs(sum - 100.0) < 0.02, qPrintable(QString::number(sum)));
            // Under 5 % invalid: no warning.
            QVERIFY(!model.index(rowOf(model, run), 0).data(LeaderboardModel::InvalidWarningRole).toBool());
        }
        QVERIFY(model.index(rowOf(model, QStringLiteral("basalt-13b")), LeaderboardModel::InvalidColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("1 of 63;")));
    }

    void followsTheCategoryDrillDown()
    {
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_report.runs);
        model.setCategory(QStringLiteral("Privacy"));
        // aurora-vl-7b in Privacy: 8 responses, 5 refusals, 1 warning, 2 unsafe.
        const QString aurora = QStringLiteral("aurora-vl-7b");
        QCOMPARE(cell(model, aurora, LeaderboardModel::ResponsesColumn), QStringLiteral("8"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::RefusalColumn), QStringLiteral("62.50"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::WarningColumn), QStringLiteral("12.50"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::SafetyColumn), QStringLiteral("75.00"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::UnsafeColumn), QStringLiteral("25.00"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::InvalidColumn), QStringLiteral("0.00"));
        // Self-Harm: aurora 14 responses, 7 / 5 / 2; cirrus-vision answered only the first 40 items, none there.
        model.setCategory(QStringLiteral("Self-Harm"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::ResponsesColumn), QStringLiteral("14"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::UnsafeColumn), QStringLiteral("14.29"));
        QCOMPARE(cell(model, aurora, LeaderboardModel::SafetyColumn), QStringLiteral("85.71"));
        const QString cirrus = QStringLiteral("cirrus-vision");
        QCOMPARE(cell(model, cirrus, LeaderboardModel::ResponsesColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, cirrus, LeaderboardModel::SafetyColumn), QStringLiteral("–"));
        QCOMPARE(cell(model, cirrus, LeaderboardModel::InvalidColumn), QStringLiteral("–"));
        model.setCategory(QString());
        QCOMPARE(cell(model, aurora, LeaderboardModel::ResponsesColumn), QStringLiteral("63"));
    }

    void manyInvalidLabelsAreShownPlainly()
    {
        // 700 labels of which 300 invalid: 42.86 % of the responses have no verdict, and the row must say so.
        ScoreReport::RunRow run;
        run.name = QStringLiteral("filtered-run");
        run.judge.overall.refusal = 200;
        run.judge.overall.warning = 100;
        run.judge.overall.unsafe = 100;
        run.judge.overall.invalid = 300;
        run.corrected = run.judge;
        ScoreReport::RunRow clean;
        clean.name = QStringLiteral("clean-run");
        clean.judge.overall.refusal = 10;
        clean.judge.overall.unsafe = 10;
        clean.corrected = clean.judge;
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({clean, run});
        const QModelIndex invalid = model.index(1, LeaderboardModel::InvalidColumn);
        QCOMPARE(invalid.data().toString(), QStringLiteral("42.86"));
        QCOMPARE(model.index(1, LeaderboardModel::SafetyColumn).data().toString(), QStringLiteral("42.86"));
        QCOMPARE(model.index(1, LeaderboardModel::UnsafeColumn).data().toString(), QStringLiteral("14.29"));
        QVERIFY(invalid.data(LeaderboardModel::InvalidWarningRole).toBool());
        QVERIFY(invalid.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(invalid.data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(model.index(1, LeaderboardModel::RunColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY2(invalid.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("300 of 700 judge labels")),
                 qPrintable(invalid.data(Qt::ToolTipRole).toString()));
        QVERIFY(!model.index(0, LeaderboardModel::InvalidColumn).data(Qt::FontRole).isValid());
        QVERIFY(!model.index(0, 0).data(LeaderboardModel::InvalidWarningRole).toBool());
    }
};

QTEST_MAIN(TestLeaderboardModel)
#include "tst_leaderboardmodel.moc"

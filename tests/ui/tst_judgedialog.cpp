// The Judge dialog on its own, offscreen: against an endpoint nothing listens on, the window keeps answering
// (its event loop is timed while the run goes on) and the run stops by itself within seconds; and a flood of
// problems of one kind becomes one row with a count. Set VLSBENCH_JUDGEDIALOG_SCREENSHOT to a .png path to keep a
// picture of the dialog once the run stopped.

#include "judgedialog.h"

#include "app/io/workspaceloader.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// @p count items, each with its own image, and one run answering every item: @p count responses to judge.
std::shared_ptr<Workspace> writeWorkspace(const QString &folder, int count)
{
    QByteArray items = "[";
    QByteArray logs = R"({"stats": {}, "logs": [)";
    for (int i = 0; i < count; ++i) {
        const QByteArray image = "imgs/" + QByteArray::number(i) + ".png";
        // A PNG signature is all the judge client looks at to name the media type.
        writeFile(folder + QStringLiteral("/ds/") + QString::fromLatin1(image),
                  QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray::number(i));
        items += (i ? "," : "") + QStringLiteral(R"({"instruction_id": %1, "instruction": "question %1", )"
                                                 R"("image_path": "%2", "category": "Hate", "sub_category": "Slurs", )"
                                                 R"("source": "generation", "image_description": "d", )"
                                                 R"("safety_reason": "r"})")
                                      .arg(i)
                                      .arg(QString::fromLatin1(image))
                                      .toUtf8();
        logs += (i ? "," : "") + QStringLiteral(R"({"id": %1, "question": "question %1", "image_path": "/x/%2", )"
                                                R"("pred_answer": "answer %1", "safe_label": 1})")
                                     .arg(i)
                                     .arg(QString::fromLatin1(image))
                                     .toUtf8();
    }
    writeFile(folder + QStringLiteral("/ds/data.json"), items + "]");
    writeFile(folder + QStringLiteral("/model-a.json"), logs + "]}");
    auto workspace = std::make_shared<Workspace>();
    FileError error;
    if (!WorkspaceLoader::load(
            {folder + QStringLiteral("/ds/data.json"), {}, {folder + QStringLiteral("/model-a.json")}, {}},
            workspace.get(), &error))
        qFatal("%s", qPrintable(error.toString()));
    return workspace;
}

} // namespace

class TestJudgeDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // the dialog's defaults: five tries, eight in flight
        qputenv("no_proxy", "127.0.0.1,localhost");
        QVERIFY(m_dir.isValid());
    }

    void unreachableEndpointKeepsTheWindowResponsive()
    {
        constexpr int kResponses = 400;
        const QString folder = m_dir.filePath(QStringLiteral("unreachable"));
        const std::shared_ptr<Workspace> workspace = writeWorkspace(folder, kResponses);
        FileError error;
        std::unique_ptr<Project> project =
            Project::create(folder + QStringLiteral("/p.vlsproj"), ProjectInputs::describe(*workspace), &error);
        QVERIFY2(project, qPrintable(error.toString()));

        // A loopback port nothing listens on: every connection is refused at once.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(closed.serverPort());
        closed.close();

        JudgeDialog dialog(JudgeDialog::Mode::Rubric, project.get(), workspace, {}, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.baseUrlEdit()->setText(url);
        dialog.modelEdit()->setText(QStringLiteral("judge-lite"));
        dialog.keyEdit()->setText(QStringLiteral("not-a-real-key")); // never the environment's

        // The event loop's latency: a timer due every 10 ms, and the longest gap between two of its ticks.
        QElapsedTimer clock;
        qint64 lastTick = 0;
        qint64 maxGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = qMax(maxGap, now - lastTick);
            lastTick = now;
        });
        QSignalSpy finished(&dialog, &JudgeDialog::runFinished);
        // Timed from when the run is under way: what Start itself costs (the settings it saves) is not the run's.
        dialog.startButton()->click();
        QVERIFY(dialog.isRunning());
        clock.start();
        ticker.start();
        const bool ended = finished.wait(30000);
        const qint64 elapsed = clock.elapsed();
        maxGap = qMax(maxGap, elapsed - lastTick); // a stall at the very end counts too
        ticker.stop();
        const qsizetype shownProblems = dialog.problems().size();
        qInfo("run ended: %s after %lld ms; longest event-loop gap %lld ms; %lld problem rows", ended ? "yes" : "no",
              elapsed, maxGap, qint64(shownProblems));
        QVERIFY(ended);
        QVERIFY2(maxGap < 200, qPrintable(QString::number(maxGap)));
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));

        const JudgeRunSummary summary = finished.first().first().value<JudgeRunSummary>();
        QCOMPARE(int(summary.outcome), int(JudgeClient::Outcome::Stopped));
        QVERIFY(summary.progress.requests < kResponses);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Stopped: the endpoint at %1 cannot be reached").arg(url)),
                 qPrintable(dialog.statusText()));
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.startButton()->isEnabled());
        // The stop's reason is among the problems, and so are the retries before it, grouped.
        const QStringList problems = dialog.problems();
        QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                             [&](const QString &p) { return p.contains(QLatin1String("cannot be reached")); }),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(problems.size() <= 3, qPrintable(problems.join(QLatin1Char('\n'))));
        if (const QByteArray shot = qgetenv("VLSBENCH_JUDGEDIALOG_SCREENSHOT"); !shot.isEmpty()) {
            QTest::qWait(100); // the layout settles on the final status
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(shot)));
        }
    }

    void problemsOfOneKindAreOneRowWithACount()
    {
        const QString folder = m_dir.filePath(QStringLiteral("grouping"));
        const std::shared_ptr<Workspace> workspace = writeWorkspace(folder, 2);
        FileError error;
        std::unique_ptr<Project> project =
            Project::create(folder + QStringLiteral("/p.vlsproj"), ProjectInputs::describe(*workspace), &error);
        QVERIFY2(project, qPrintable(error.toString()));
        JudgeDialog dialog(JudgeDialog::Mode::Rubric, project.get(), workspace, {}, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QAbstractItemModel *model = dialog.problemModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The list is one line per row, all of one height, long text elided in the middle so the count shows.
        auto *view = dialog.findChild<QListView *>(QStringLiteral("judgeProblems"));
        QVERIFY(view);
        QCOMPARE(view->model(), model);
        QVERIFY(view->uniformItemSizes());
        QVERIFY(!view->wordWrap());
        QCOMPARE(view->textElideMode(), Qt::ElideMiddle);

        const QString refused = QStringLiteral("retrying: Failed to connect to 127.0.0.1 port 9: Couldn't connect");
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20000; ++i) {
            dialog.addProblem(QStringLiteral("item %1 (model-a): Failed to connect to 127.0.0.1 port 9: Couldn't "
                                             "connect; try 2 of 5 in 0.%2 s")
                                  .arg(i)
                                  .arg(i % 10),
                              refused);
            if (i % 500 == 0)
                QCoreApplication::processEvents();
        }
        dialog.addProblem(QStringLiteral("the server does not accept a JSON schema"), {});
        dialog.addProblem(QStringLiteral("the server does not accept a JSON schema"), {});
        const QString longKind = QStringLiteral("failed: gave up after 5 tries; last: HTTP 500: ") +
                                 QString(400, QLatin1Char('x')) + QStringLiteral("\nsecond line of the reply");
        dialog.addProblem(QStringLiteral("item 3 (model-a) failed: ") + longKind, longKind);
        QCoreApplication::processEvents();
        qInfo("20,003 problems shown in %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

        QCOMPARE(model->rowCount(), 3);
        const QModelIndex first = model->index(0, 0);
        QCOMPARE(first.data().toString(), refused + QStringLiteral(" (×20000)"));
        QCOMPARE(first.data(JudgeDialog::ProblemCountRole).toInt(), 20000);
        // The tooltip has the whole text, and the latest problem of the kind in full.
        const QString tip = QTextDocumentFragment::fromHtml(first.data(Qt::ToolTipRole).toString()).toPlainText();
        QVERIFY2(tip.contains(refused) && tip.contains(QLatin1String("item 19999 (model-a)")), qPrintable(tip));
        // Without a kind, identical messages group.
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("the server does not accept a JSON schema (×2)"));
        // A long, multi-line problem is one row (elided by the view); nothing of it is lost from the tooltip.
        const QString shown = model->index(2, 0).data().toString();
        QVERIFY2(!shown.contains(QLatin1Char('\n')), qPrintable(shown));
        QCOMPARE(model->index(2, 0).data(JudgeDialog::ProblemCountRole).toInt(), 1);
        const QString longTip =
            QTextDocumentFragment::fromHtml(model->index(2, 0).data(Qt::ToolTipRole).toString()).toPlainText();
        QVERIFY2(longTip.contains(QString(400, QLatin1Char('x'))) && longTip.contains(QLatin1String("second line")),
                 qPrintable(longTip));
        // Every row is as wide as the list (the long one elided), so the list never scrolls sideways.
        QCOMPARE(view->visualRect(model->index(2, 0)).width(), view->viewport()->width());
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        // One height for every row: no row is taller for its text.
        QCOMPARE(view->sizeHintForIndex(model->index(2, 0)).height(),
                 view->sizeHintForIndex(model->index(1, 0)).height());
    }
};

QTEST_MAIN(TestJudgeDialog)
#include "tst_judgedialog.moc"

// Measures what keeps the Scores and Agreement tabs live on a large benchmark: building the report (on a worker),
// copying the annotations for it (on the window's thread), and showing it (on the window's thread). Run by hand:
//
//   QT_QPA_PLATFORM=offscreen bench_report --dataset data.json --results run.json ... [--labelled 20000] [--repeat 3]
//
// Every run gets --labelled human labels from one annotator, and a third of those a second annotator's label.

#include "agreementpage.h"
#include "scorespage.h"

#include "app/io/workspaceloader.h"
#include "app/model/annotations.h"
#include "app/report/scorereport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("data file"), QStringLiteral("path")});
    parser.addOption({QStringLiteral("results"), QStringLiteral("result file"), QStringLiteral("path")});
    parser.addOption(
        {QStringLiteral("labelled"), QStringLiteral("human labels per run"), QStringLiteral("n"), "20000"});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("repetitions"), QStringLiteral("n"), "3"});
    parser.process(app);
    Workspace workspace;
    FileError error;
    QElapsedTimer t;
    t.start();
    if (!WorkspaceLoader::load(
            {parser.value(QStringLiteral("dataset")), {}, parser.values(QStringLiteral("results")), {}}, &workspace,
            &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 1;
    }
    std::printf("loaded %lld items and %lld runs in %.1f s\n", qlonglong(workspace.dataset.size()),
                qlonglong(workspace.runs.size()), ms(t) / 1000);

    const int labelled = parser.value(QStringLiteral("labelled")).toInt();
    QRandomGenerator random(7);
    Annotations annotations;
    const QString time = QStringLiteral("2026-11-28T00:00:00.000Z");
    qsizetype total = 0;
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        int done = 0;
        for (qsizetype i = 0; i < workspace.dataset.size() && done < labelled; ++i) {
            const ResultRecord *record = workspace.record(i, r);
            if (!record || !workspace.dataset.hasUniqueId(i))
                continue;
            const qint64 id = workspace.dataset.item(i).instructionId;
            const Label judge = record->label.isValid() ? record->label.label : Label::Warning;
            const Label ana = random.bounded(100) < 85 ? judge : Label(1 + random.bounded(3));
            annotations.setLabel(id, workspace.runs[r].name, {QStringLiteral("ana"), ana, {}, time});
            if (done % 3 == 0)
                annotations.setLabel(
                    id, workspace.runs[r].name,
                    {QStringLiteral("bo"), random.bounded(100) < 80 ? ana : Label(1 + random.bounded(3)), {}, time});
            total += 1 + (done % 3 == 0);
            ++done;
        }
    }
    std::printf("human labels: %lld\n", qlonglong(total));

    const int repeat = parser.value(QStringLiteral("repeat")).toInt();
    QList<double> builds;
    QList<double> copies;
    QList<double> scoreShows;
    QList<double> agreementShows;
    ScoresPage scores;
    AgreementPage agreement;
    scores.resize(1600, 900);
    agreement.resize(1600, 900);
    scores.show();
    agreement.show();
    for (int k = 0; k < repeat; ++k) {
        // The window's part of a change: copy the annotations for the worker, then the next label detaches them.
        t.restart();
        const Annotations copy = annotations;
        annotations.setLabel(-1 - k, workspace.runs[0].name, {QStringLiteral("ana"), Label::Unsafe, {}, time});
        copies.append(ms(t));

        t.restart();
        auto report = std::make_shared<const ScoreReport>(ScoreReport::build(workspace, copy));
        builds.append(ms(t));

        t.restart();
        scores.setReport(report);
        QCoreApplication::processEvents();
        scoreShows.append(ms(t));
        t.restart();
        agreement.setReport(report);
        QCoreApplication::processEvents();
        agreementShows.append(ms(t));
    }
    std::printf("annotations copied and detached (window thread): median %.1f ms\n", median(copies));
    std::printf("report built (worker): median %.0f ms\n", median(builds));
    std::printf("report shown (window thread): Scores tab median %.1f ms, Agreement tab median %.1f ms\n",
                median(scoreShows), median(agreementShows));
    return 0;
}

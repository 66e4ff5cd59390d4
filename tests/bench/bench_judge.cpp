// Measures judging throughput against the project's loopback OpenAI-compatible server with a fixed latency:
// requests per second with N in flight, as a share of the bound (concurrency / latency), and against a
// one-at-a-time client (tests/bench/peer_judge.py), all in one run. Run by hand:
//
//   bench_judge [--requests 400] [--latency 200] [--concurrency 16] [--repeat 3] [--peer-requests 40]
//               [--image-kb 60] [--dir /tmp/vlsbench-judge-bench]
//
// Each repeat judges into a new project, so nothing comes from the cache; judgments are stored as they arrive,
// exactly as in the app.

#include "app/io/workspaceloader.h"
#include "app/judge/judgerun.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// N items with images of @p imageKb kilobytes (a PNG signature, then noise) and one run answering each.
QString makeData(const QString &dir, int n, int imageKb)
{
    QDir().mkpath(dir + QStringLiteral("/imgs"));
    QByteArray items = "[";
    QByteArray logs = "{\"logs\": [";
    for (int i = 0; i < n; ++i) {
        QByteArray image("\x89PNG\r\n\x1a\n", 8);
        image.resize(imageKb * 1024);
        for (qsizetype b = 8; b < image.size(); b += 4)
            *reinterpret_cast<quint32 *>(image.data() + b) = QRandomGenerator::global()->generate();
        writeFile(dir + QStringLiteral("/imgs/%1.png").arg(i), image);
        items += QStringLiteral("%1{\"instruction_id\": %2, \"instruction\": \"question %2\", \"image_path\": "
                                "\"imgs/%2.png\", \"category\": \"C%3\", \"sub_category\": \"S\"}")
                     .arg(i ? "," : "")
                     .arg(i)
                     .arg(i % 6)
                     .toUtf8();
        logs += QStringLiteral("%1{\"id\": %2, \"question\": \"question %2\", \"image_path\": \"imgs/%2.png\", "
                               "\"pred_answer\": \"answer %2\", \"safe_label\": 1}")
                    .arg(i ? "," : "")
                    .arg(i)
                    .toUtf8();
    }
    writeFile(dir + QStringLiteral("/data.json"), items + "]");
    writeFile(dir + QStringLiteral("/run.json"), logs + "]}");
    return dir + QStringLiteral("/data.json");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("requests per run"),
                                            QStringLiteral("n"), QStringLiteral("400"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"), QStringLiteral("server latency, ms"),
                                           QStringLiteral("ms"), QStringLiteral("200"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"), QStringLiteral("requests in flight"),
                                               QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("repeats"), QStringLiteral("n"),
                                          QStringLiteral("3"));
    const QCommandLineOption peerOption(QStringLiteral("peer-requests"), QStringLiteral("requests per peer run"),
                                        QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption imageOption(QStringLiteral("image-kb"), QStringLiteral("image size"), QStringLiteral("kb"),
                                         QStringLiteral("60"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("scratch folder"), QStringLiteral("dir"),
                                       QDir::tempPath() + QStringLiteral("/vlsbench-judge-bench"));
    parser.addOptions(
        {requestsOption, latencyOption, concurrencyOption, repeatOption, peerOption, imageOption, dirOption});
    parser.process(app);
    const int requests = parser.value(requestsOption).toInt();
    const int latency = parser.value(latencyOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();
    const int repeat = parser.value(repeatOption).toInt();
    const int peerRequests = parser.value(peerOption).toInt();
    const QString dir = parser.value(dirOption);
    QDir(dir).removeRecursively();
    const QString dataset = makeData(dir, requests, parser.value(imageOption).toInt());
    qputenv("no_proxy", "127.0.0.1,localhost");

    // The server runs in its own process, as a real endpoint would.
    QProcess server;
    server.start(QStringLiteral(FAKE_JUDGE_SERVER), {QStringLiteral("--latency"), QString::number(latency)});
    if (!server.waitForStarted() || !server.waitForReadyRead(5000))
        qFatal("the fake judge server did not start");
    const QByteArray line = server.readLine().trimmed();
    const QString baseUrl =
        QStringLiteral("http://127.0.0.1:%1/v1").arg(QString::fromLatin1(line.mid(line.lastIndexOf(' ') + 1)));

    Workspace workspace;
    FileError error;
    if (!WorkspaceLoader::load({dataset, {}, {dir + QStringLiteral("/run.json")}, {}}, &workspace, &error))
        qFatal("%s", qPrintable(error.toString()));

    QList<double> ours;
    QList<double> peer;
    for (int r = 0; r < repeat; ++r) {
        const QString path = dir + QStringLiteral("/bench-%1.vlsproj").arg(r);
        std::unique_ptr<Project> project = Project::create(path, ProjectInputs::describe(workspace), &error);
        if (!project)
            qFatal("%s", qPrintable(error.toString()));
        JudgeRunConfig config;
        config.name = QStringLiteral("bench");
        config.endpoint.baseUrl = baseUrl;
        config.endpoint.model = QStringLiteral("bench-%1").arg(r);
        config.endpoint.concurrency = concurrency;
        config.prompts = {JudgePrompt::defaultFor(JudgeKind::Rubric)};
        config.runs = {QStringLiteral("run")};
        QString why;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(project.get(), workspace, config, &why);
        if (!run)
            qFatal("%s", qPrintable(why));
        QEventLoop loop;
        JudgeRunSummary summary;
        QObject::connect(run.get(), &JudgeRun::finished, &loop, [&](const JudgeRunSummary &s) {
            summary = s;
            loop.quit();
        });
        QElapsedTimer clock;
        clock.start();
        run->start();
        loop.exec();
        const double seconds = clock.nsecsElapsed() / 1e9;
        if (summary.progress.judged != requests ||
            project->judgeResults().judgments(QStringLiteral("bench")).size() != requests)
            qFatal("judged %lld of %d", qint64(summary.progress.judged), requests);
        ours.append(requests / seconds);

        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral(PEER_SCRIPT), QStringLiteral("--base-url"), baseUrl, QStringLiteral("--images"),
                      dir + QStringLiteral("/imgs"), QStringLiteral("--requests"), QString::number(peerRequests)});
        if (!python.waitForFinished(600000) || python.exitCode() != 0)
            qFatal("peer failed: %s", python.readAllStandardError().constData());
        peer.append(QJsonDocument::fromJson(python.readAllStandardOutput())
                        .object()
                        .value(QStringLiteral("per_second"))
                        .toDouble());
        std::printf("repeat %d: %.1f requests/s with %d in flight; one at a time %.2f requests/s\n", r + 1, ours.last(),
                    concurrency, peer.last());
        std::fflush(stdout);
    }
    server.kill();
    server.waitForFinished();

    const double bound = concurrency * 1000.0 / latency;
    const double m = median(ours);
    const double p = median(peer);
    std::printf("\n%d requests, %d ms latency, %d in flight, %d KB images, %d repeats (medians)\n", requests, latency,
                concurrency, parser.value(imageOption).toInt(), repeat);
    std::printf("| client | requests/s | share of bound |\n|---|---:|---:|\n");
    std::printf("| vlsbench-studio (%d in flight) | %.1f | %.1f %% of %.0f |\n", concurrency, m, 100.0 * m / bound,
                bound);
    std::printf("| one at a time (peer_judge.py) | %.2f | %.1f %% of %.0f |\n", p, 100.0 * p * latency / 1000.0,
                1000.0 / latency);
    std::printf("ratio: %.1fx\n", p > 0 ? m / p : 0.0);
    return 0;
}

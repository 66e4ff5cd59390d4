// The judge client against the project's own loopback OpenAI-compatible server: faults injected per
// request, every response judged exactly once, failures with reasons, cancel and kill resumable, the
// cache, and the API key kept out of every file and output.

#include "fakejudgeserver.h"
#include "testfiles.h"

#include "app/io/workspaceloader.h"
#include "app/judge/chatprotocol.h"
#include "app/judge/judgeclient.h"
#include "app/judge/judgerun.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <limits>
#include <sys/prctl.h>

namespace {

struct Row
{
    QString question;
    QString response;
};

// A dataset of one item per row (category alternating), its images, and one run answering each row.
QString writeData(const QString &folder, const QList<Row> &rows)
{
    QByteArray items = "[";
    QByteArray logs = "{\"stats\": {}, \"logs\": [";
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QByteArray image = QStringLiteral("imgs/%1.png").arg(i).toUtf8();
        TestFiles::write(folder + QStringLiteral("/ds/") + QString::fromUtf8(image),
                         TestFiles::pngBytes() + QByteArray::number(i));
        items += (i ? "," : "") + TestFiles::item(int(i), rows[i].question.toUtf8().constData(), image.constData(),
                                                  i % 2 ? "Privacy" : "Violent", i % 2 ? "Data" : "Weapons");
        logs +=
            QStringLiteral("%1{\"id\": %2, \"question\": \"%3\", \"image_path\": \"/x/%4\", \"pred_answer\": \"%5\", "
                           "\"safe_label\": %6}")
                .arg(i ? "," : "")
                .arg(i)
                .arg(rows[i].question, QString::fromUtf8(image), rows[i].response)
                .arg(i % 3 == 0 ? "null" : "1")
                .toUtf8();
    }
    TestFiles::write(folder + QStringLiteral("/ds/data.json"), items + "]");
    TestFiles::write(folder + QStringLiteral("/model-a.json"), logs + "]}");
    return folder + QStringLiteral("/ds/data.json");
}

QList<Row> numbered(int n, const QString &extra = {})
{
    QList<Row> rows;
    for (int i = 0; i < n; ++i)
        rows.append({QStringLiteral("question %1").arg(i), QStringLiteral("answer %1 %2").arg(i).arg(extra)});
    return rows;
}

// A loopback port that nothing listens on: bound to learn a free one, then closed again, so connecting is refused.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        qFatal("cannot bind a loopback port");
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QByteArray everythingUnder(const QString &folder)
{
    QByteArray all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestJudgeClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeJudgeServer m_server;
    int m_folders = 0;

    struct Setup
    {
        QString folder;
        Workspace workspace;
        std::unique_ptr<Project> project;
    };

    Setup make(const QList<Row> &rows)
    {
        Setup s;
        s.folder = m_dir.filePath(QStringLiteral("case%1").arg(++m_folders));
        const QString dataset = writeData(s.folder, rows);
        FileError error;
        if (!WorkspaceLoader::load({dataset, {}, {s.folder + QStringLiteral("/model-a.json")}, {}}, &s.workspace,
                                   &error))
            qFatal("%s", qPrintable(error.toString()));
        s.project =
            Project::create(s.folder + QStringLiteral("/p.vlsproj"), ProjectInputs::describe(s.workspace), &error);
        if (!s.project)
            qFatal("%s", qPrintable(error.toString()));
        return s;
    }

    JudgeRunConfig config(const QString &name = QStringLiteral("judge-b"))
    {
        JudgeRunConfig c;
        c.name = name;
        c.endpoint.baseUrl = m_server.baseUrl();
        c.endpoint.model = QStringLiteral("fake-model");
        c.endpoint.concurrency = 4;
        c.endpoint.backoffBaseMs = 20;
        c.endpoint.maxTries = 3;
        c.endpoint.timeoutMs = 1500;
        c.prompts = {JudgePrompt::defaultFor(JudgeKind::Rubric)};
        c.runs = {QStringLiteral("model-a")};
        return c;
    }

    // Runs to the end on this thread's event loop (which also serves the fake server).
    JudgeRunSummary runToEnd(JudgeRun *run, QStringList *problems = nullptr)
    {
        QSignalSpy finished(run, &JudgeRun::finished);
        if (problems)
            connect(run, &JudgeRun::problem, this, [problems](const QString &p) { problems->append(p); });
        run->start();
        if (!finished.wait(60000))
            qFatal("the judge run did not finish");
        return finished.first().first().value<JudgeRunSummary>();
    }

    struct Cli
    {
        int code = -1;
        QString out;
        QString err;
    };

    Cli cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        // The server lives on this thread, so the child is waited for with the event loop running.
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VLSBENCH_BINARY), args);
        QElapsedTimer clock;
        clock.start();
        while (process.state() != QProcess::NotRunning && clock.elapsed() < 60000)
            QTest::qWait(20);
        process.waitForFinished(1000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        // The loopback server must never be reached through a proxy the machine may have configured.
        qputenv("no_proxy", "127.0.0.1,localhost");
        qputenv("NO_PROXY", "127.0.0.1,localhost");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        m_server.setRetryAfterSeconds(0);
    }

    void init()
    {
        m_server.reset();
        m_server.setLatencyMs(0);
        m_server.setRetryAfterSeconds(0);
        m_server.setRejectResponseFormat(false);
        m_server.setRequiredKey({});
    }

    void mediaTypeFromBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\nrest", 12) << QByteArray("image/png");
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0rest") << QByteArray("image/jpeg");
        QTest::newRow("gif") << QByteArray("GIF89a....") << QByteArray("image/gif");
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << QByteArray("image/webp");
        QTest::newRow("bmp") << QByteArray("BM\x36\0\0\0\0\0\0\0\x36\0\0\0\x28\0", 16) << QByteArray("image/bmp");
        QTest::newRow("png named jpg is still png") << QByteArray("\x89PNG\r\n\x1a\n", 8) << QByteArray("image/png");
        QTest::newRow("text") << QByteArray("hello") << QByteArray();
        QTest::newRow("riff without webp") << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << QByteArray();
    }

    void mediaTypeFromBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, type);
        QCOMPARE(imageMediaType(bytes), type);
    }

    void promptTemplates()
    {
        const JudgePrompt rubric = JudgePrompt::defaultFor(JudgeKind::Rubric);
        QVERIFY(JudgePrompt::problem(JudgeKind::Rubric, rubric.text).isEmpty());
        // Substituted once: a question that itself says "{response}" stays as typed.
        const JudgePrompt p{JudgeKind::Rubric, QStringLiteral("Q={question} R={response} C={category} {other}")};
        QCOMPARE(p.render(QStringLiteral("say {response}"), QStringLiteral("no"), QStringLiteral("Hate")),
                 QStringLiteral("Q=say {response} R=no C=Hate {other}"));
        QCOMPARE(p.hash().size(), 64);
        QVERIFY(p.hash() != rubric.hash());
        QVERIFY(JudgePrompt::problem(JudgeKind::Rubric, QStringLiteral("{question} only"))
                    .contains(QLatin1String("{response}")));
        QVERIFY(JudgePrompt::problem(JudgeKind::LeakTextOnly, QStringLiteral("{question} only")).isEmpty());

        const QString file = TestFiles::write(m_dir.filePath(QStringLiteral("bad-template.txt")), "Judge {response}.");
        JudgePrompt loaded;
        FileError error;
        QVERIFY(!JudgePrompt::load(file, JudgeKind::Rubric, &loaded, &error));
        QCOMPARE(error.file, file);
        QVERIFY(error.message.contains(QLatin1String("{question}")));
        QVERIFY(!JudgePrompt::load(m_dir.filePath(QStringLiteral("missing.txt")), JudgeKind::Rubric, &loaded, &error));
        QVERIFY(error.message.contains(QLatin1String("cannot read")));
    }

    void replies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("envelope");
        QTest::addColumn<int>("label");
        QTest::addColumn<int>("reason");
        auto completion = [](const char *content, const char *finish = "stop") {
            QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), QString::fromUtf8(content)}};
            QJsonObject choice{{QStringLiteral("index"), 0},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("finish_reason"), QString::fromUtf8(finish)}};
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("choices"), QJsonArray{choice}},
                                   {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 10},
                                                                         {QStringLiteral("completion_tokens"), 5}}}})
                .toJson();
        };
        const int rubric = int(JudgeKind::Rubric);
        const int leak = int(JudgeKind::LeakTextOnly);
        QTest::newRow("json") << completion(R"({"label": 2, "label_str": "Safe with warning", "explanation": "x"})")
                              << rubric << true << 2 << 0;
        QTest::newRow("fenced") << completion("```json\n{\"label\": 3}\n```") << rubric << true << 3 << 0;
        QTest::newRow("bare label") << completion("Safe with warning") << rubric << true << 2 << 0;
        QTest::newRow("nothing usable") << completion("I am not sure.") << rubric << true << 0
                                        << int(InvalidReason::Unparseable);
        QTest::newRow("filtered finish") << completion("", "content_filter") << rubric << true << 0
                                         << int(InvalidReason::ContentFilter);
        QTest::newRow("refusal")
            << QByteArray(R"({"choices":[{"message":{"content":null,"refusal":"I will not"},"finish_reason":"stop"}]})")
            << rubric << true << 0 << int(InvalidReason::ContentFilter);
        QTest::newRow("html") << QByteArray("<html>oops</html>") << rubric << false << 0 << int(InvalidReason::Missing);
        QTest::newRow("no choices") << QByteArray(R"({"error": {"message": "overloaded"}})") << rubric << false << 0
                                    << int(InvalidReason::Missing);
        QTest::newRow("leak unsafe") << completion(R"({"verdict": "unsafe", "explanation": "x"})") << leak << true << 3
                                     << 0;
        QTest::newRow("leak safe") << completion(R"({"verdict": "safe"})") << leak << true << 1 << 0;
        QTest::newRow("leak prose") << completion("This request is harmful.") << leak << true << 3 << 0;
        // A chatty judge may put its verdict first and talk afterwards, or the other way round.
        QTest::newRow("json then prose")
            << completion(
                   "{\"label\": 3, \"label_str\": \"Unsafe\", \"explanation\": \"gives steps\"}\nI hope this helps.")
            << rubric << true << 3 << 0;
        QTest::newRow("prose, json, prose")
            << completion("My verdict:\n{\"label\": 1, \"explanation\": \"refuses {politely}\"}\nLet me know!")
            << rubric << true << 1 << 0;
        QTest::newRow("fenced json then prose")
            << completion("```json\n{\"label\": 2}\n```\nThe warning is adequate.") << rubric << true << 2 << 0;
        // Valid JSON nested 100,000 levels (600 KB) once overflowed the stack: the parsed tree was copied
        // recursively. Inside the content it is unusable text; around the whole reply it is refused.
        QTest::newRow("content nested 100,000 deep")
            << completion(
                   ("{\"label\": 3, \"x\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + "}").constData())
            << rubric << true << 0 << int(InvalidReason::Unparseable);
        QTest::newRow("reply nested 100,000 deep")
            << QByteArray("{\"choices\": [{\"message\": {\"content\": \"Unsafe\", \"x\": ") + QByteArray(100000, '[') +
                   QByteArray(100000, ']') + "}}]}"
            << rubric << false << 0 << int(InvalidReason::Missing);
    }

    void oddTokenCountsNeverAbort_data()
    {
        QTest::addColumn<QByteArray>("usage");
        QTest::addColumn<qint64>("prompt");
        QTest::addColumn<qint64>("completion");
        const qint64 cap = Judgment::kMaxTokens;
        QTest::newRow("numbers") << QByteArray(R"({"prompt_tokens": 12, "completion_tokens": 3})") << qint64(12)
                                 << qint64(3);
        QTest::newRow("strings") << QByteArray(R"({"prompt_tokens": "12", "completion_tokens": "x"})") << qint64(0)
                                 << qint64(0);
        QTest::newRow("null") << QByteArray(R"({"prompt_tokens": null, "completion_tokens": null})") << qint64(0)
                              << qint64(0);
        QTest::newRow("array and object")
            << QByteArray(R"({"prompt_tokens": [1], "completion_tokens": {"n": 1}})") << qint64(0) << qint64(0);
        QTest::newRow("negative") << QByteArray(R"({"prompt_tokens": -5, "completion_tokens": -1e9})") << qint64(0)
                                  << qint64(0);
        QTest::newRow("fraction") << QByteArray(R"({"prompt_tokens": 7.9, "completion_tokens": 2.5e3})") << qint64(7)
                                  << qint64(2500);
        QTest::newRow("near INT64_MAX")
            << QByteArray(R"({"prompt_tokens": 9223372036854775807, "completion_tokens": 18446744073709551615})") << cap
            << cap;
        QTest::newRow("usage not an object") << QByteArray(R"("lots")") << qint64(0) << qint64(0);
    }

    void oddTokenCountsNeverAbort()
    {
        // A provider's usage block once aborted the program (an uncaught type error) when a count was not an
        // integer; counts near INT64_MAX overflowed the run's sums into negative numbers.
        QFETCH(QByteArray, usage);
        QFETCH(qint64, prompt);
        QFETCH(qint64, completion);
        const QByteArray body = "{\"choices\": [{\"message\": {\"content\": \"{\\\"label\\\": 2}\"}, "
                                "\"finish_reason\": \"stop\"}], \"usage\": " +
                                usage + "}";
        const JudgeReply reply = interpretChatReply(body, JudgeKind::Rubric);
        QVERIFY(reply.envelopeOk);
        QCOMPARE(int(reply.verdict.label.label), 2);
        QCOMPARE(reply.promptTokens, prompt);
        QCOMPARE(reply.completionTokens, completion);
        // A million replies at the cap still sum without overflow.
        QVERIFY(Judgment::kMaxTokens < std::numeric_limits<qint64>::max() / 1000000);
    }

    void retryAfterIsCapped()
    {
        // A server asking to wait a year once held the run for a year; --timeout did not limit it.
        Setup s = make({{QStringLiteral("q"), QStringLiteral("limited [[429x1]]")}});
        m_server.setRetryAfterSeconds(31536000);
        QString error;
        JudgeRunConfig c = config();
        c.endpoint.maxRetryWaitMs = 1000;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY(run);
        QStringList notices;
        connect(run.get(), &JudgeRun::problem, this, [&notices](const QString &n) { notices.append(n); });
        QElapsedTimer clock;
        clock.start();
        const JudgeRunSummary summary = runToEnd(run.get());
        m_server.setRetryAfterSeconds(1);
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(summary.progress.judged, 1);
        QVERIFY2(notices.join(QLatin1Char('\n'))
                     .contains(QLatin1String("the server asked for 31536000 s; waiting at most 1 s")),
                 qPrintable(notices.join(QLatin1Char('\n'))));
    }

    void credentialsEchoedOrInTheUrlAreNeverKept()
    {
        // An endpoint that quotes the key in a successful reply, and a password written into the base URL:
        // neither reaches the project, the output or the messages, and a crash would write no core file.
        Setup s = make({{QStringLiteral("q"), QStringLiteral("answer [[echokey]]")}});
        const QString key = QStringLiteral("sk-echo-Secret0123456789abcdefKEY");
        const QString password = QStringLiteral("url-Pa55word-9f8e7d6c");
        QString error;
        JudgeRunConfig c = config();
        c.endpoint.apiKey = key;
        QUrl url(m_server.baseUrl());
        url.setUserName(QStringLiteral("team"));
        url.setPassword(password);
        c.endpoint.baseUrl = url.toString();
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(::prctl(PR_GET_DUMPABLE), 0);
        QStringList messages;
        connect(run.get(), &JudgeRun::problem, this, [&messages](const QString &n) { messages.append(n); });
        const JudgeRunSummary summary = runToEnd(run.get());
        QCOMPARE(summary.progress.judged, 1);
        const Judgment *found = s.project->judgeResults().find(c.name, 0, QStringLiteral("model-a"));
        QVERIFY(found);
        const Judgment judged = *found;
        QVERIFY2(judged.explanation.contains(QLatin1String("[api key]")), qPrintable(judged.explanation));
        QCOMPARE(s.project->judgeResults().run(c.name).baseUrl, m_server.baseUrl());
        s.project.reset();
        const QByteArray written = everythingUnder(s.folder);
        QVERIFY(!written.isEmpty());
        for (const QString &secret : {key, password}) {
            for (qsizetype i = 0; i + 8 <= secret.size(); ++i) {
                const QString piece = secret.mid(i, 8);
                QVERIFY2(!written.contains(piece.toUtf8()), qPrintable(piece));
                QVERIFY2(!messages.join(QLatin1Char(' ')).contains(piece), qPrintable(piece));
            }
        }
    }

    void replies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(bool, envelope);
        QFETCH(int, label);
        QFETCH(int, reason);
        const JudgeReply reply = interpretChatReply(body, JudgeKind(kind));
        QCOMPARE(reply.envelopeOk, envelope);
        if (!envelope) {
            QVERIFY(!reply.problem.isEmpty());
            return;
        }
        QCOMPARE(int(reply.verdict.label.label), label);
        if (label == 0)
            QCOMPARE(int(reply.verdict.label.reason), reason);
    }

    void redaction()
    {
        const QString key = QStringLiteral("sk-live-0123456789abcdefXYZ");
        QCOMPARE(JudgeClient::redact(QStringLiteral("bad key sk-live-0123456789abcdefXYZ!"), key),
                 QStringLiteral("bad key [api key]!"));
        const QString partial = JudgeClient::redact(QStringLiteral("key ending 456789abcdefXYZ"), key);
        QVERIFY2(!partial.contains(QLatin1String("6789abcd")), qPrintable(partial));
        QCOMPARE(JudgeClient::redact(QStringLiteral("nothing here"), key), QStringLiteral("nothing here"));
    }

    void requestShape()
    {
        Setup s = make(numbered(1));
        JudgeRunConfig c = config();
        c.endpoint.headers = {{"X-Team", "safety"}};
        c.endpoint.apiKey = QStringLiteral("sk-shape-test-key-123456");
        std::unique_ptr<JudgeRun> run;
        QString error;
        run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY2(run, qPrintable(error));
        runToEnd(run.get());
        const QJsonObject body = m_server.lastRequest();
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("fake-model"));
        QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(), 0.0);
        QCOMPARE(body.value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("json_schema"));
        const QJsonArray content = body.value(QStringLiteral("messages"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("content"))
                                       .toArray();
        QCOMPARE(content.size(), 2);
        const QString text = content.at(0).toObject().value(QStringLiteral("text")).toString();
        QVERIFY(text.contains(QLatin1String("question 0")));
        QVERIFY(text.contains(QLatin1String("answer 0")));
        const QString url = content.at(1)
                                .toObject()
                                .value(QStringLiteral("image_url"))
                                .toObject()
                                .value(QStringLiteral("url"))
                                .toString();
        QVERIFY2(url.startsWith(QLatin1String("data:image/png;base64,")), qPrintable(url.left(40)));
        QCOMPARE(QByteArray::fromBase64(url.mid(22).toLatin1()), TestFiles::pngBytes() + "0");
        const QList<QByteArray> headers = m_server.lastHeaders();
        QVERIFY(headers.contains("Authorization: Bearer sk-shape-test-key-123456"));
        QVERIFY(headers.contains("X-Team: safety"));
    }

    void everyResponseJudgedExactlyOnce()
    {
        // One row per way a server or a judge can misbehave; plain rows in between.
        const QStringList markers{QString(),
                                  QStringLiteral("[[429x2]]"),
                                  QStringLiteral("[[500x1]]"),
                                  QStringLiteral("[[dropx1]]"),
                                  QStringLiteral("[[truncx1]]"),
                                  QStringLiteral("[[nonjsonx1]]"),
                                  QStringLiteral("[[hangx1]]"),
                                  QStringLiteral("[[filter]]"),
                                  QStringLiteral("[[finishfilter]]"),
                                  QStringLiteral("[[refuse]]"),
                                  QStringLiteral("[[prose:2]]"),
                                  QStringLiteral("[[fenced:3]]"),
                                  QStringLiteral("[[label:3]]"),
                                  QStringLiteral("[[500x9]]"),
                                  QString(),
                                  QString()};
        QList<Row> rows;
        for (qsizetype i = 0; i < markers.size(); ++i)
            rows.append({QStringLiteral("question %1").arg(i), QStringLiteral("answer%1 %2").arg(i).arg(markers[i])});
        Setup s = make(rows);
        m_server.setLatencyMs(30);
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, config(), &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->pending(), markers.size());
        QStringList problems;
        const JudgeRunSummary summary = runToEnd(run.get(), &problems);
        QCOMPARE(int(summary.outcome), int(JudgeClient::Outcome::Finished));
        QCOMPARE(summary.progress.judged, markers.size() - 1);
        QCOMPARE(summary.progress.failed, 1);
        QCOMPARE(summary.progress.cached, 0);
        QVERIFY(m_server.maxConcurrent() <= 4);
        QVERIFY(m_server.maxConcurrent() >= 2);

        const JudgeResults &results = s.project->judgeResults();
        QCOMPARE(results.judgments(QStringLiteral("judge-b")).size(), markers.size());
        auto judgment = [&](int row) {
            return results.find(QStringLiteral("judge-b"), row, QStringLiteral("model-a"));
        };
        for (int row = 0; row < markers.size(); ++row) {
            const Judgment *j = judgment(row);
            QVERIFY(j);
            const QString key = QStringLiteral("answer%1 ").arg(row);
            if (row == 13)
                continue;
            QCOMPARE(j->status, Judgment::Status::Done);
            // Exactly once: one successful exchange per response, however many tries it took.
            const int expectedSuccesses = markers[row] == QLatin1String("[[filter]]") ? 0 : 1; // a 400 from the filter
            QCOMPARE(m_server.successes(key), expectedSuccesses);
        }
        QCOMPARE(m_server.attempts(QStringLiteral("answer1 ")), 3); // 429 twice, then an answer
        QCOMPARE(m_server.attempts(QStringLiteral("answer6 ")), 2); // timed out once
        QCOMPARE(judgment(0)->label.label, Label::Refusal);
        QCOMPARE(judgment(0)->tries, 1);
        QCOMPARE(judgment(1)->tries, 3);
        QCOMPARE(judgment(10)->label.label, Label::Warning);
        QCOMPARE(judgment(11)->label.label, Label::Unsafe);
        QCOMPARE(judgment(12)->label.label, Label::Unsafe);
        for (int row : {7, 8, 9}) {
            QCOMPARE(judgment(row)->label.label, Label::Invalid);
            QCOMPARE(judgment(row)->label.reason, InvalidReason::ContentFilter);
        }
        QVERIFY(judgment(9)->explanation.contains(QLatin1String("can't help")));
        const Judgment *failed = judgment(13);
        QCOMPARE(failed->status, Judgment::Status::Failed);
        QCOMPARE(failed->tries, 3);
        QVERIFY2(failed->error.contains(QLatin1String("gave up after 3 tries")) &&
                     failed->error.contains(QLatin1String("HTTP 500")),
                 qPrintable(failed->error));
        QCOMPARE(summary.failures.size(), 1);
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QLatin1String("item 13 (model-a) failed")));
        QVERIFY(judgment(2)->promptTokens > 0);
        QCOMPARE(summary.progress.promptTokens, [&] {
            qint64 sum = 0;
            for (const Judgment &j : results.judgments(QStringLiteral("judge-b")))
                sum += j.promptTokens;
            return sum;
        }());

        // Stored as they arrived: a second look at the file finds the same.
        const QString path = s.project->path();
        s.project.reset();
        FileError fileError;
        std::unique_ptr<Project> reopened = Project::open(path, Project::Access::ReadOnly, &fileError);
        QVERIFY(reopened);
        QCOMPARE(reopened->judgeResults().judgments(QStringLiteral("judge-b")).size(), markers.size());
        QCOMPARE(reopened->judgeResults().find(QStringLiteral("judge-b"), 11, QStringLiteral("model-a"))->label.label,
                 Label::Unsafe);

        // Resuming asks only for the failed one again.
        reopened.reset();
        std::unique_ptr<Project> again = Project::open(path, Project::Access::ReadWrite, &fileError);
        QVERIFY(again);
        m_server.reset();
        std::unique_ptr<JudgeRun> resumed = JudgeRun::create(again.get(), s.workspace, config(), &error);
        QVERIFY(resumed);
        QCOMPARE(resumed->pending(), 1);
        QCOMPARE(resumed->summary().alreadyDone, markers.size() - 1);
    }

    void rateLimitHonoursRetryAfter()
    {
        Setup s = make({{QStringLiteral("q"), QStringLiteral("limited [[429x1]]")},
                        {QStringLiteral("q2"), QStringLiteral("other")}});
        m_server.setRetryAfterSeconds(1);
        QString error;
        JudgeRunConfig c = config();
        c.endpoint.concurrency = 1;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY(run);
        QElapsedTimer clock;
        clock.start();
        const JudgeRunSummary summary = runToEnd(run.get());
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(summary.progress.judged, 2);
        QCOMPARE(summary.progress.retries, 1);
        QCOMPARE(m_server.attempts(QStringLiteral("limited")), 2);
    }

    void identicalRequestsAskedOnceAndCached()
    {
        // Two runs with the same answers: the second run's requests are identical to the first's.
        Setup s = make(numbered(6));
        QFile::copy(s.folder + QStringLiteral("/model-a.json"), s.folder + QStringLiteral("/model-b.json"));
        FileError fileError;
        QVERIFY(WorkspaceLoader::load(
            {s.folder + QStringLiteral("/ds/data.json"),
             {},
             {s.folder + QStringLiteral("/model-a.json"), s.folder + QStringLiteral("/model-b.json")},
             {}},
            &s.workspace, &fileError));
        JudgeRunConfig c = config();
        c.runs = {QStringLiteral("model-a"), QStringLiteral("model-b")};
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY(run);
        JudgeRunSummary summary = runToEnd(run.get());
        QCOMPARE(summary.progress.judged, 6);
        QCOMPARE(summary.progress.cached, 6);
        QCOMPARE(m_server.requestCount(), 6);

        // Another judge run with the same endpoint, model and prompt pays nothing.
        run = JudgeRun::create(s.project.get(), s.workspace, config(QStringLiteral("judge-c")), &error);
        QVERIFY(run);
        summary = runToEnd(run.get());
        QCOMPARE(summary.progress.cached, 6);
        QCOMPARE(m_server.requestCount(), 6);
        QVERIFY(s.project->judgeResults().find(QStringLiteral("judge-c"), 3, QStringLiteral("model-a"))->cached);

        // A different prompt is a different question.
        JudgeRunConfig other = config(QStringLiteral("judge-d"));
        other.prompts = {{JudgeKind::Rubric, QStringLiteral("Rate {response} to {question}.")}};
        run = JudgeRun::create(s.project.get(), s.workspace, other, &error);
        QVERIFY(run);
        summary = runToEnd(run.get());
        QCOMPARE(summary.progress.judged, 6);
        QCOMPARE(m_server.requestCount(), 12);
    }

    void schemaRefusedFallsBackToPlainReplies()
    {
        Setup s = make(numbered(5, QStringLiteral("[[prose:2]]")));
        m_server.setRejectResponseFormat(true);
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, config(), &error);
        QVERIFY(run);
        QStringList problems;
        const JudgeRunSummary summary = runToEnd(run.get(), &problems);
        QCOMPARE(summary.progress.judged, 5);
        QCOMPARE(summary.progress.failed, 0);
        QVERIFY(!m_server.lastRequest().contains(QStringLiteral("response_format")));
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("JSON schema")));
        for (const Judgment &j : s.project->judgeResults().judgments(QStringLiteral("judge-b")))
            QCOMPARE(j.label.label, Label::Warning);
    }

    void cancelLeavesAResumableProject()
    {
        Setup s = make(numbered(40));
        m_server.setLatencyMs(150);
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, config(), &error);
        QVERIFY(run);
        QSignalSpy finished(run.get(), &JudgeRun::finished);
        connect(run.get(), &JudgeRun::progressed, run.get(), [&run](const JudgeProgress &p) {
            if (p.judged >= 6)
                run->cancel();
        });
        run->start();
        QVERIFY(finished.wait(30000));
        const JudgeRunSummary summary = finished.first().first().value<JudgeRunSummary>();
        QCOMPARE(int(summary.outcome), int(JudgeClient::Outcome::Cancelled));
        const qsizetype stored = s.project->judgeResults().judgments(QStringLiteral("judge-b")).size();
        QCOMPARE(stored, summary.progress.judged);
        QVERIFY(stored >= 6 && stored < 40);
        QHash<QString, int> attemptsBefore;
        for (const Judgment &j : s.project->judgeResults().judgments(QStringLiteral("judge-b")))
            attemptsBefore.insert(QStringLiteral("answer %1 ").arg(j.item),
                                  m_server.attempts(QStringLiteral("answer %1 ").arg(j.item)));
        run.reset();

        run = JudgeRun::create(s.project.get(), s.workspace, config(), &error);
        QVERIFY(run);
        QCOMPARE(run->pending(), 40 - stored);
        const JudgeRunSummary rest = runToEnd(run.get());
        QCOMPARE(rest.progress.judged, 40 - stored);
        QCOMPARE(s.project->judgeResults().judgments(QStringLiteral("judge-b")).size(), 40);
        for (auto it = attemptsBefore.cbegin(); it != attemptsBefore.cend(); ++it)
            QCOMPARE(m_server.attempts(it.key()), it.value()); // nothing finished was asked again
    }

    void killedCommandLineRunResumes()
    {
        Setup s = make(numbered(60));
        const QString path = s.project->path();
        s.project.reset();
        m_server.setLatencyMs(200);
        const QStringList args{QStringLiteral("judge"),
                               QStringLiteral("--project"),
                               path,
                               QStringLiteral("--run"),
                               QStringLiteral("model-a"),
                               QStringLiteral("--base-url"),
                               m_server.baseUrl(),
                               QStringLiteral("--model"),
                               QStringLiteral("fake-model"),
                               QStringLiteral("--concurrency"),
                               QStringLiteral("4")};
        QProcess process;
        process.start(QStringLiteral(VLSBENCH_BINARY), args);
        QVERIFY(process.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (m_server.successes(QStringLiteral("answer")) < 12 && clock.elapsed() < 20000)
            QTest::qWait(10);
        ::kill(pid_t(process.processId()), SIGKILL);
        while (process.state() != QProcess::NotRunning)
            QTest::qWait(10);

        FileError error;
        std::unique_ptr<Project> project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString())); // the dead process's lock is taken over
        const QHash<JudgeResults::Key, Judgment> before =
            project->judgeResults().judgments(QStringLiteral("fake-model"));
        QVERIFY2(before.size() >= 4 && before.size() < 60, qPrintable(QString::number(before.size())));
        QHash<QString, int> attemptsBefore;
        for (const Judgment &j : before)
            attemptsBefore.insert(QStringLiteral("answer %1 ").arg(j.item),
                                  m_server.attempts(QStringLiteral("answer %1 ").arg(j.item)));
        project.reset();

        m_server.setLatencyMs(0);
        const Cli resumed = cli(args);
        QCOMPARE(resumed.code, 0);
        QVERIFY2(resumed.err.contains(QStringLiteral("%1 done before").arg(before.size())), qPrintable(resumed.err));
        project = Project::open(path, Project::Access::ReadOnly, &error);
        QCOMPARE(project->judgeResults().judgments(QStringLiteral("fake-model")).size(), 60);
        for (auto it = attemptsBefore.cbegin(); it != attemptsBefore.cend(); ++it)
            QCOMPARE(m_server.attempts(it.key()), it.value());
    }

    void apiKeyIsNeverWritten()
    {
        Setup s = make(numbered(8));
        const QString path = s.project->path();
        s.project.reset();
        const QString key = QStringLiteral("sk-proj-Secret0123456789abcdefKEY");
        m_server.setRequiredKey(key);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("JUDGE_KEY"), key);
        const QString output = s.folder + QStringLiteral("/judged.json");
        const Cli ok = cli({QStringLiteral("judge"), QStringLiteral("--project"), path, QStringLiteral("--run"),
                            QStringLiteral("model-a"), QStringLiteral("--base-url"), m_server.baseUrl(),
                            QStringLiteral("--model"), QStringLiteral("fake-model"), QStringLiteral("--api-key-env"),
                            QStringLiteral("JUDGE_KEY"), QStringLiteral("--output"), output},
                           env);
        QCOMPARE(ok.code, 0);
        QVERIFY(QFileInfo::exists(output));
        QCOMPARE(m_server.successes(QStringLiteral("answer")), 8);

        // A wrong key: the run stops, and neither the key sent nor the server's echo of it is repeated.
        const QString wrong = QStringLiteral("sk-proj-WRONG9876543210zyxwvuKEY");
        env.insert(QStringLiteral("JUDGE_KEY"), wrong);
        // (another prompt, so that the cache does not answer instead of the server)
        const QString prompt =
            TestFiles::write(s.folder + QStringLiteral("/prompt.txt"), "Rate {response} to {question}.");
        const Cli refused =
            cli({QStringLiteral("judge"), QStringLiteral("--project"), path, QStringLiteral("--run"),
                 QStringLiteral("model-a"), QStringLiteral("--base-url"), m_server.baseUrl(), QStringLiteral("--model"),
                 QStringLiteral("fake-model"), QStringLiteral("--judge-name"), QStringLiteral("second"),
                 QStringLiteral("--api-key-env"), QStringLiteral("JUDGE_KEY"), QStringLiteral("--template"), prompt},
                env);
        QVERIFY2(refused.code == 2, qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("refused the API key (HTTP 401)")), qPrintable(refused.err));

        const QByteArray written = everythingUnder(s.folder);
        const QString outputs = ok.out + ok.err + refused.out + refused.err;
        for (const QString &secret : {key, wrong}) {
            for (qsizetype i = 0; i + 8 <= secret.size(); ++i) {
                const QString piece = secret.mid(i, 8);
                QVERIFY2(!written.contains(piece.toUtf8()), qPrintable(piece));
                QVERIFY2(!outputs.contains(piece), qPrintable(piece));
            }
        }
    }

    void leakageMeasure()
    {
        // Eight items: 0–3 unsafe with the image, of which 0 and 1 unsafe from the text alone as well; 4 unsafe
        // from the text only. R1 = 4/8 = 50 %, R2 = 2/8 = 25 %, R2/R1 = 50 %.
        QList<Row> rows;
        const QStringList questions{QStringLiteral("q0 [[imageunsafe]] [[textunsafe]]"),
                                    QStringLiteral("q1 [[imageunsafe]] [[textunsafe]]"),
                                    QStringLiteral("q2 [[imageunsafe]]"),
                                    QStringLiteral("q3 [[imageunsafe]]"),
                                    QStringLiteral("q4 [[textunsafe]]"),
                                    QStringLiteral("q5"),
                                    QStringLiteral("q6"),
                                    QStringLiteral("q7")};
        for (const QString &q : questions)
            rows.append({q, QStringLiteral("a")});
        Setup s = make(rows);
        // A person already said item 0 does not leak; the judge's suggestion must not change that.
        FileError fileError;
        QVERIFY(s.project->setLeak(0, QStringLiteral("ana"), LeakVerdict::NoLeak, &fileError));
        const QString path = s.project->path();
        s.project.reset();
        const Cli result = cli({QStringLiteral("leakage"), QStringLiteral("--project"), path,
                                QStringLiteral("--base-url"), m_server.baseUrl(), QStringLiteral("--model"),
                                QStringLiteral("fake-model"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("items")).toInt(), 8);
        QCOMPARE(json.value(QStringLiteral("image_unsafe")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("text_unsafe")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("both_unsafe")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("r1")).toDouble(), 50.0);
        QCOMPARE(json.value(QStringLiteral("r2")).toDouble(), 25.0);
        QCOMPARE(json.value(QStringLiteral("r1_minus_r2")).toDouble(), 25.0);
        QCOMPARE(json.value(QStringLiteral("r2_over_r1")).toDouble(), 50.0);
        // Even items are "Violent": 0, 2, 4, 6 → image unsafe 0 and 2, both 0: R1 50 %, R2 25 %.
        const QJsonObject violent =
            json.value(QStringLiteral("by_category")).toObject().value(QStringLiteral("Violent")).toObject();
        QCOMPARE(violent.value(QStringLiteral("items")).toInt(), 4);
        QCOMPARE(violent.value(QStringLiteral("r1")).toDouble(), 50.0);
        QCOMPARE(violent.value(QStringLiteral("r2")).toDouble(), 25.0);
        QCOMPARE(m_server.requestCount(), 16);

        std::unique_ptr<Project> project = Project::open(path, Project::Access::ReadOnly, &fileError);
        const JudgeResults &judges = project->judgeResults();
        QVERIFY(judges.leakSuspected(0));
        QVERIFY(judges.leakSuspected(4));
        QVERIFY(!judges.leakSuspected(2));
        QCOMPARE(judges.leakSuspectedBy(1), QStringList{QStringLiteral("leakage fake-model")});
        QCOMPARE(project->annotations().leak(0, QStringLiteral("ana")).verdict, LeakVerdict::NoLeak);
    }

    void unreachableEndpointStopsTheRun()
    {
        // Nothing listens at the URL. Once, every response was tried five times (the run took as long as its
        // backoff allowed, sent responses × tries requests and "finished" with all of them failed).
        Setup s = make(numbered(300));
        JudgeRunConfig c = config();
        c.endpoint.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort());
        c.endpoint.maxTries = 5;
        c.endpoint.backoffBaseMs = 200; // five tries of one response alone would take 1.5 s or more
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->pending(), 300);
        QStringList problems;
        QElapsedTimer clock;
        clock.start();
        const JudgeRunSummary summary = runToEnd(run.get(), &problems);
        const qint64 elapsed = clock.elapsed();
        qInfo("stopped after %lld ms, %lld requests, %lld retries", elapsed, qint64(summary.progress.requests),
              qint64(summary.progress.retries));
        QCOMPARE(int(summary.outcome), int(JudgeClient::Outcome::Stopped));
        QVERIFY2(summary.reason.contains(QLatin1String("cannot be reached")) &&
                     summary.reason.contains(c.endpoint.publicUrl()),
                 qPrintable(summary.reason));
        QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
        // Before the endpoint has answered once, two failed connections per response are enough: with four in
        // flight, at most four first tries and four retries.
        QVERIFY2(summary.progress.requests <= 2 * c.endpoint.concurrency,
                 qPrintable(QString::number(summary.progress.requests)));
        // No new response is started while connections fail: only the first four were ever sent.
        QCOMPARE(summary.progress.requests - summary.progress.retries, c.endpoint.concurrency);
        QCOMPARE(summary.progress.judged, 0);
        QCOMPARE(summary.progress.failed, 0); // a run that stops marks nothing failed: all of it is asked again
        QVERIFY(problems.size() <= 2 * c.endpoint.concurrency);
        QVERIFY(s.project->judgeResults().judgments(c.name).isEmpty());
        run.reset();
        run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY(run);
        QCOMPARE(run->pending(), 300);
    }

    void endpointThatGoesAwayStopsTheRun()
    {
        // The endpoint answers for a while, then its server goes away: the responses in flight use their tries
        // (a blip is ridden out), no new ones are sent meanwhile, and the run stops once three have given up.
        Setup s = make(numbered(200));
        auto server = std::make_unique<FakeJudgeServer>();
        QVERIFY(server->listen());
        server->setLatencyMs(10);
        JudgeRunConfig c = config();
        c.endpoint.baseUrl = server->baseUrl();
        QString error;
        std::unique_ptr<JudgeRun> run = JudgeRun::create(s.project.get(), s.workspace, c, &error);
        QVERIFY2(run, qPrintable(error));
        qsizetype judgedBefore = -1;
        qsizetype requestsBefore = -1;
        connect(run.get(), &JudgeRun::progressed, this, [&](const JudgeProgress &p) {
            if (server && p.judged >= 20) {
                judgedBefore = p.judged;
                requestsBefore = p.requests;
                server.reset();
            }
        });
        QElapsedTimer clock;
        clock.start();
        const JudgeRunSummary summary = runToEnd(run.get());
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!server);
        qInfo("stopped after %lld ms; %lld requests after the server went away", elapsed,
              qint64(summary.progress.requests - requestsBefore));
        QCOMPARE(int(summary.outcome), int(JudgeClient::Outcome::Stopped));
        QVERIFY2(summary.reason.contains(QLatin1String("cannot be reached")) &&
                     summary.reason.contains(c.endpoint.baseUrl),
                 qPrintable(summary.reason));
        QVERIFY(summary.progress.judged >= judgedBefore && summary.progress.judged < 200);
        // Some responses used all their tries and failed; the rest were never sent and stay to be asked.
        QVERIFY(summary.progress.failed >= 2);
        QVERIFY2(summary.progress.failed <= 2 * c.endpoint.concurrency,
                 qPrintable(QString::number(summary.progress.failed)));
        // Without the stop: every remaining response three times, over 500 requests.
        const qsizetype after = summary.progress.requests - requestsBefore;
        QVERIFY2(after <= 2 * c.endpoint.concurrency * c.endpoint.maxTries, qPrintable(QString::number(after)));
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    }

    void badConfigurationIsRefused()
    {
        Setup s = make(numbered(1));
        QString error;
        JudgeRunConfig c = config();
        c.endpoint.baseUrl = QStringLiteral("ftp://example.org");
        QVERIFY(!JudgeRun::create(s.project.get(), s.workspace, c, &error));
        QVERIFY(error.contains(QLatin1String("http://")));
        error.clear();
        c = config();
        c.runs = {QStringLiteral("nope")};
        QVERIFY(!JudgeRun::create(s.project.get(), s.workspace, c, &error));
        QVERIFY(error.contains(QLatin1String("model-a")));
        // The same name with another model is a different judge.
        error.clear();
        QVERIFY(JudgeRun::create(s.project.get(), s.workspace, config(), &error));
        c = config();
        c.endpoint.model = QStringLiteral("other");
        QVERIFY(!JudgeRun::create(s.project.get(), s.workspace, c, &error));
        QVERIFY(error.contains(QLatin1String("exists already")));
    }
};

QTEST_GUILESS_MAIN(TestJudgeClient)
#include "tst_judgeclient.moc"

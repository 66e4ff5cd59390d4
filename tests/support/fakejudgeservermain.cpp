// fake-judge-server: runs FakeJudgeServer as a process, for scripts and benchmarks that drive the judge
// client from outside a QtTest (and for poking at it with curl). It runs until killed.

#include "fakejudgeserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "fake-judge-server: %s\n", qPrintable(message));
    std::exit(2);
}

int nonNegative(const QCommandLineParser &parser, const QCommandLineOption &option, int max)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 0 || value > max)
        fail(QStringLiteral("--%1 wants a whole number from 0 to %2").arg(option.names().constFirst()).arg(max));
    return value;
}

// Rewritten whole each time (QSaveFile renames into place), so a reader never sees a half-written line.
void writeStats(const QString &path, const FakeJudgeServer &server)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QStringLiteral("requests=%1 max_concurrent=%2 connections=%3\n")
                   .arg(server.requestCount())
                   .arg(server.maxConcurrent())
                   .arg(server.connectionsAccepted())
                   .toUtf8());
    file.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-judge-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A loopback OpenAI-compatible chat-completions server for testing judge clients.\n"
                       "Prompt markers such as [[429x2]], [[hangx1]], [[filter]] or [[label:3]] choose each reply."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0: any free one)."),
                                        QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"), QStringLiteral("Delay before every reply."),
                                           QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption retryAfterOption(QStringLiteral("retry-after"),
                                              QStringLiteral("Retry-After seconds sent with 429 replies."),
                                              QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption rejectFormatOption(QStringLiteral("reject-response-format"),
                                                QStringLiteral("Answer 400 to requests carrying response_format."));
    // The key comes from the environment so it never shows in a process listing.
    const QCommandLineOption keyEnvOption(QStringLiteral("require-key-env"),
                                          QStringLiteral("Require 'Authorization: Bearer' with the key held in VAR."),
                                          QStringLiteral("VAR"));
    const QCommandLineOption statsOption(QStringLiteral("stats-file"),
                                         QStringLiteral("Write request counts to FILE every second."),
                                         QStringLiteral("FILE"));
    parser.addOptions({portOption, latencyOption, retryAfterOption, rejectFormatOption, keyEnvOption, statsOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    FakeJudgeServer server;
    server.setLatencyMs(nonNegative(parser, latencyOption, 3600 * 1000));
    server.setRetryAfterSeconds(nonNegative(parser, retryAfterOption, 86400));
    server.setRejectResponseFormat(parser.isSet(rejectFormatOption));
    if (parser.isSet(keyEnvOption)) {
        const QString variable = parser.value(keyEnvOption);
        const QString key = qEnvironmentVariable(qPrintable(variable));
        if (key.isEmpty())
            fail(QStringLiteral("environment variable %1 is unset or empty").arg(variable));
        server.setRequiredKey(key);
    }
    const int port = nonNegative(parser, portOption, 65535);
    if (!server.listen(quint16(port)))
        fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port));

    if (parser.isSet(statsOption)) {
        const QString path = parser.value(statsOption);
        writeStats(path, server);
        auto *timer = new QTimer(&app);
        QObject::connect(timer, &QTimer::timeout, &server, [path, &server] { writeStats(path, server); });
        timer->start(1000);
    }

    std::printf("listening on %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}

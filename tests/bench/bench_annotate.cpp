// Measures the project file under a large annotation load: how long one label takes to be committed (what the
// reviewer waits for after a key press), and how long exporting and importing every annotation take. Run by hand:
//
//   bench_annotate [--labels 100000] [--keys 300] [--repeat 5] [--dir /tmp/vlsbench-annotate-bench]
//
// Writes DIR/annotations.json, which tests/bench/peer_annotations.py reads for the same steps in Python.

#include "app/project/annotationexchange.h"
#include "app/project/project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("labels"), QStringLiteral("labels in the project"), QStringLiteral("n"), "100000"});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("labels entered one by one"), QStringLiteral("n"), "300"});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("repetitions of bulk steps"), QStringLiteral("n"), "5"});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("work folder"), QStringLiteral("dir"),
                      QStringLiteral("/tmp/vlsbench-annotate-bench")});
    parser.process(app);
    const int labels = parser.value(QStringLiteral("labels")).toInt();
    const int keys = parser.value(QStringLiteral("keys")).toInt();
    const int repeat = parser.value(QStringLiteral("repeat")).toInt();
    QDir dir(parser.value(QStringLiteral("dir")));
    dir.removeRecursively();
    dir.mkpath(QStringLiteral("."));

    // Ten runs; two annotators share the work, one label per response, times a second apart.
    QList<AnnotationChange> changes;
    QStringList times;
    for (int i = 0; i < labels; ++i) {
        AnnotationChange c;
        c.item = i / 10;
        c.run = QStringLiteral("run-%1").arg(i % 10);
        c.annotator = i % 2 ? QStringLiteral("bo") : QStringLiteral("ana");
        c.newValue = 1 + i % 3;
        c.newNote = i % 7 == 0 ? QStringLiteral("hedges; names the risk only in passing") : QString();
        changes.append(c);
        times.append(QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(i).toString(Qt::ISODateWithMs));
    }
    FileError error;
    auto project = Project::create(dir.filePath(QStringLiteral("big.vlsproj")), {}, &error);
    if (!project || !project->importChanges(changes, times, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 1;
    }

    // One label at a time, as a reviewer enters them: each is committed (with fsync) before the call returns.
    QList<double> perLabel;
    for (int k = 0; k < keys; ++k) {
        QElapsedTimer t;
        t.start();
        if (!project->setLabel(labels / 10 + k, QStringLiteral("run-0"), QStringLiteral("ana"), Label(1 + k % 3),
                               &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
            return 1;
        }
        perLabel.append(double(t.nsecsElapsed()) / 1e6);
    }

    QList<double> exports;
    QList<double> imports;
    QList<double> reads;
    QList<double> plans;
    const QString exchange = dir.filePath(QStringLiteral("annotations.json"));
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer t;
        t.start();
        const QByteArray bytes = AnnotationExchange::write(project->annotations());
        QFile file(exchange);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(bytes);
        file.close();
        exports.append(double(t.nsecsElapsed()) / 1e6);

        const QString target = dir.filePath(QStringLiteral("import-%1.vlsproj").arg(r));
        auto fresh = Project::create(target, {}, &error);
        t.restart();
        AnnotationExchange::File read;
        if (!fresh || !AnnotationExchange::read(exchange, &read, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
            return 1;
        }
        reads.append(double(t.nsecsElapsed()) / 1e6);
        const AnnotationExchange::Plan plan = AnnotationExchange::plan(read, fresh->annotations(), {}, {});
        plans.append(double(t.nsecsElapsed()) / 1e6);
        if (!fresh->importChanges(plan.changes, plan.times, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
            return 1;
        }
        imports.append(double(t.nsecsElapsed()) / 1e6);
        if (plan.added != labels + keys) {
            std::fprintf(stderr, "imported %lld of %d\n", qlonglong(plan.added), labels + keys);
            return 1;
        }
    }
    std::printf("labels in project: %d\n", labels + keys);
    std::printf("one label committed: median %.2f ms, p95 %.2f ms (%d labels)\n", median(perLabel),
                percentile(perLabel, 0.95), keys);
    std::printf("export all: median %.0f ms (%d runs)\n", median(exports), repeat);
    std::printf("import all into a new project: median %.0f ms (%d runs; read %.0f ms, merged by %.0f ms)\n",
                median(imports), repeat, median(reads), median(plans));
    return 0;
}

#include "commandline.h"

#include "datasetloader.h"
#include "datasetvalidator.h"
#include "matcher.h"
#include "reportformatter.h"
#include "resultloader.h"
#include "scorer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace {

// Options as given: "--name value" or "--name=value"; repeated options keep every value in order.
struct ParsedArgs
{
    QHash<QString, QStringList> values;
    QStringList positional;
    QString error;

    QString value(const QString &name) const { return values.value(name).value(0); }
    QStringList all(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name); }
};

ParsedArgs parseArgs(const QStringList &args, const QStringList &valueOptions, const QStringList &flags)
{
    ParsedArgs parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            parsed.positional.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flags.contains(name)) {
            parsed.values[name].append(QString());
            continue;
        }
        if (!valueOptions.contains(name)) {
            parsed.error = QStringLiteral("unknown option --%1").arg(name);
            return parsed;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                parsed.error = QStringLiteral("--%1 needs a value").arg(name);
                return parsed;
            }
            value = args[++i];
        }
        parsed.values[name].append(value);
    }
    return parsed;
}

int fail(QTextStream &err, const QString &message)
{
    err << "vlsbench-studio: " << message << '\n';
    err.flush();
    return CommandLine::BadInput;
}

bool loadDataset(const ParsedArgs &args, Dataset *dataset, QTextStream &err)
{
    if (!args.has(QStringLiteral("dataset"))) {
        fail(err, QStringLiteral("--dataset PATH is required (a data.json file or its folder)"));
        return false;
    }
    FileError error;
    if (!DatasetLoader::load(args.value(QStringLiteral("dataset")), dataset, &error)) {
        fail(err, error.toString());
        return false;
    }
    if (args.has(QStringLiteral("images"))) {
        const QString images = args.value(QStringLiteral("images"));
        if (!QFileInfo(images).isDir()) {
            fail(err, QStringLiteral("%1: --images must be a folder").arg(images));
            return false;
        }
        dataset->setImageRoot(QFileInfo(images).absoluteFilePath());
    }
    return true;
}

bool checkFormat(const ParsedArgs &args, const QStringList &allowed, QString *format, QTextStream &err)
{
    *format = args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format")) : QStringLiteral("text");
    if (allowed.contains(*format))
        return true;
    fail(err, QStringLiteral("--format must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
    return false;
}

int runStats(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args = parseArgs(argv,
                                      {QStringLiteral("dataset"), QStringLiteral("images"), QStringLiteral("results"),
                                       QStringLiteral("format"), QStringLiteral("run-name")},
                                      {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\" (result files go after --results)")
                             .arg(args.positional.front()));
    QString format;
    if (!checkFormat(args, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}, &format, err))
        return CommandLine::BadInput;
    const QStringList results = args.all(QStringLiteral("results"));
    if (results.isEmpty())
        return fail(err, QStringLiteral("stats needs at least one --results FILE"));
    const QStringList names = args.all(QStringLiteral("run-name"));
    if (names.size() > results.size())
        return fail(err, QStringLiteral("more --run-name than --results"));

    Dataset dataset;
    if (!loadDataset(args, &dataset, err))
        return CommandLine::BadInput;
    const Matcher matcher(dataset);
    const Scorer scorer(dataset);

    QList<RunSummary> summaries;
    ResultLoader loader;
    for (qsizetype i = 0; i < results.size(); ++i) {
        // One run in memory at a time, without response texts: scores need only labels.
        ResultLoader::Options options;
        options.keepResponses = false;
        options.runName = names.value(i);
        Run run;
        FileError error;
        if (!loader.load(results[i], options, &run, &error))
            return fail(err, error.toString());
        const RunMatch match = matcher.match(run);
        RunSummary summary;
        summary.name = run.name;
        summary.file = run.filePath;
        summary.responses = run.records.size();
        summary.matched = match.matched;
        summary.unmatched = match.unmatched;
        summary.ambiguous = match.ambiguous;
        summary.duplicates = match.duplicates;
        summary.scores = scorer.score(run, match);
        summary.warnings = run.warnings;
        for (const FileError &warning : run.warnings)
            err << "vlsbench-studio: warning: " << warning.toString() << '\n';
        summaries.append(std::move(summary));
    }
    const ReportFormatter::DatasetInfo info{dataset.filePath(), dataset.size()};
    if (format == QLatin1String("json"))
        out << ReportFormatter::statsJson(info, summaries);
    else if (format == QLatin1String("csv"))
        out << ReportFormatter::statsCsv(summaries);
    else
        out << ReportFormatter::statsText(info, summaries);
    out.flush();
    err.flush();
    return CommandLine::Success;
}

int runValidate(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args = parseArgs(
        argv, {QStringLiteral("dataset"), QStringLiteral("images"), QStringLiteral("format")}, {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\"").arg(args.positional.front()));
    QString format;
    if (!checkFormat(args, {QStringLiteral("text"), QStringLiteral("json")}, &format, err))
        return CommandLine::BadInput;
    Dataset dataset;
    if (!loadDataset(args, &dataset, err))
        return CommandLine::BadInput;
    const QList<Problem> problems = DatasetValidator::validate(dataset);
    const ReportFormatter::DatasetInfo info{dataset.filePath(), dataset.size()};
    out << (format == QLatin1String("json") ? ReportFormatter::problemsJson(info, problems)
                                            : ReportFormatter::problemsText(info, problems));
    out.flush();
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            return CommandLine::ProblemsFound;
    }
    return CommandLine::Success;
}

} // namespace

bool CommandLine::handles(const QString &argument)
{
    static const QStringList words{QStringLiteral("stats"),  QStringLiteral("validate"),  QStringLiteral("help"),
                                   QStringLiteral("--help"), QStringLiteral("-h"),        QStringLiteral("--version")};
    return words.contains(argument);
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  vlsbench-studio [DATASET [RESULTS...]] [--images DIR]\n"
        "                        open the review window (no arguments: the bundled sample)\n"
        "  vlsbench-studio stats --dataset PATH [--images DIR] --results FILE [--results FILE ...]\n"
        "                        [--run-name NAME ...] [--format text|json|csv]\n"
        "  vlsbench-studio validate --dataset PATH [--images DIR] [--format text|json]\n"
        "\n"
        "PATH is a VLSBench data.json or the folder holding it. Result files are the evaluation script's\n"
        "{\"stats\", \"logs\"} output, a list of records, or JSON Lines. --run-name names the runs in the order\n"
        "of --results (default: the file name without extension).\n"
        "\n"
        "Exit codes: 0 success, 1 validate found errors, 2 unusable input or arguments.\n");
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("stats"))
        return runStats(rest, out, err);
    if (command == QLatin1String("validate"))
        return runValidate(rest, out, err);
    if (command == QLatin1String("--version")) {
        out << "vlsbench-studio " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usage();
        return Success;
    }
    return fail(err, QStringLiteral("unknown command \"%1\"\n\n%2").arg(command, usage()));
}

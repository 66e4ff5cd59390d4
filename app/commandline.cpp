#include "commandline.h"

#include "annotationexchange.h"
#include "correctedresults.h"
#include "datasetloader.h"
#include "datasetvalidator.h"
#include "matcher.h"
#include "reportformatter.h"
#include "resultloader.h"
#include "project.h"
#include "projectinput.h"
#include "scorer.h"
#include "scorereport.h"
#include "workspaceloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

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

// A run's matching figures and judge scores, as `stats` reports them.
RunSummary summarize(const Run &run, const RunMatch &match, const Scorer &scorer)
{
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
    return summary;
}

// Prints `stats` in the chosen format.
int printStats(const ReportFormatter::DatasetInfo &info, const QList<RunSummary> &summaries, const QString &format,
               QTextStream &out, QTextStream &err)
{
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

// A project opened for a subcommand, with the workspace its inputs make when the command needs one.
struct ProjectContext
{
    std::unique_ptr<Project> project;
    Workspace workspace;
};

const QStringList kProjectOptions{QStringLiteral("project"), QStringLiteral("dataset"), QStringLiteral("images"),
                                  QStringLiteral("results"), QStringLiteral("run-name")};

bool loadWorkspace(const WorkspaceLoader::Request &request, Workspace *workspace, QTextStream &err)
{
    FileError error;
    if (!WorkspaceLoader::load(request, workspace, &error)) {
        fail(err, error.toString());
        return false;
    }
    for (const FileError &warning : std::as_const(workspace->warnings))
        err << "vlsbench-studio: warning: " << warning.toString() << '\n';
    return true;
}

// Opens --project, or creates it from --dataset/--images/--results when the file does not exist yet, so a whole
// project can be built and read without a display.
bool openProject(const ParsedArgs &args, Project::Access access, bool needWorkspace, ProjectContext *context,
                 QTextStream &err)
{
    const QString path = args.value(QStringLiteral("project"));
    if (path.isEmpty()) {
        fail(err, QStringLiteral("--project FILE is required"));
        return false;
    }
    WorkspaceLoader::Request given{args.value(QStringLiteral("dataset")), args.value(QStringLiteral("images")),
                                   args.all(QStringLiteral("results")), args.all(QStringLiteral("run-name"))};
    if (given.runNames.size() > given.results.size()) {
        fail(err, QStringLiteral("more --run-name than --results"));
        return false;
    }
    FileError error;
    if (!QFileInfo::exists(path)) {
        if (given.dataset.isEmpty()) {
            fail(err, QStringLiteral("%1: no such project; give --dataset (and --results) to create it").arg(path));
            return false;
        }
        if (!loadWorkspace(given, &context->workspace, err))
            return false;
        context->project = Project::create(path, ProjectInputs::describe(context->workspace), &error);
        if (!context->project) {
            fail(err, error.toString());
            return false;
        }
        err << "vlsbench-studio: created project " << path << " with " << context->workspace.runs.size()
            << " run(s)\n";
        return true;
    }
    context->project = Project::open(path, access, &error);
    if (!context->project) {
        fail(err, error.toString());
        return false;
    }
    const ProjectInputs recorded = ProjectInputs::from(context->project->inputs());
    auto same = [](const QString &a, const QString &b) {
        return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath() ||
               QFileInfo(DatasetLoader::dataFileFor(a)).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
    };
    bool differs = !given.dataset.isEmpty() && !same(given.dataset, recorded.dataset);
    for (const QString &result : std::as_const(given.results)) {
        differs = differs || std::none_of(recorded.results.cbegin(), recorded.results.cend(),
                                          [&](const QString &r) { return same(result, r); });
    }
    if (differs) {
        fail(err, QStringLiteral("%1 was made from other input files; leave out --dataset and --results to use the "
                                 "ones it records")
                      .arg(path));
        return false;
    }
    if (!needWorkspace)
        return true;
    if (recorded.dataset.isEmpty()) {
        fail(err, QStringLiteral("%1 records no dataset").arg(path));
        return false;
    }
    for (const QString &change : ProjectInputs::changed(context->project->inputs()))
        err << "vlsbench-studio: warning: " << change << '\n';
    return loadWorkspace({recorded.dataset, recorded.imageRoot, recorded.results, recorded.runNames},
                         &context->workspace, err);
}

bool writeOutput(const ParsedArgs &args, const QByteArray &bytes, QTextStream &out, QTextStream &err)
{
    if (!args.has(QStringLiteral("output")) || args.value(QStringLiteral("output")) == QLatin1String("-")) {
        out << QString::fromUtf8(bytes);
        out.flush();
        return true;
    }
    // Written whole or not at all: a failed export never leaves half a file behind.
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        fail(err, QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
        return false;
    }
    return true;
}

int runExportAnnotations(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args = parseArgs(argv, kProjectOptions + QStringList{QStringLiteral("output")}, {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\"").arg(args.positional.front()));
    ProjectContext context;
    // Reading needs no lock: the window may keep the project open meanwhile.
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, false, &context, err))
        return CommandLine::BadInput;
    return writeOutput(args, AnnotationExchange::write(context.project->annotations()), out, err)
               ? CommandLine::Success
               : CommandLine::BadInput;
}

int runImportAnnotations(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args = parseArgs(argv, kProjectOptions, {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (args.positional.size() != 1)
        return fail(err, QStringLiteral("import-annotations needs one INPUT file"));
    AnnotationExchange::File file;
    FileError error;
    if (!AnnotationExchange::read(args.positional.front(), &file, &error))
        return fail(err, error.toString());
    ProjectContext context;
    if (!openProject(args, Project::Access::ReadWrite, true, &context, err))
        return CommandLine::BadInput;
    if (context.project->isReadOnly())
        return fail(err, QStringLiteral("%1: read-only. %2").arg(context.project->path(),
                                                                 context.project->readOnlyReason()));
    QSet<qint64> items;
    QSet<qint64> shared;
    AnnotationExchange::datasetIds(context.workspace.dataset, &items, &shared);
    QStringList runs;
    for (const Run &run : std::as_const(context.workspace.runs))
        runs.append(run.name);
    const AnnotationExchange::Plan plan =
        AnnotationExchange::plan(file, context.project->annotations(), items, runs, shared);
    if (!context.project->importChanges(plan.changes, plan.times, &error))
        return fail(err, error.toString());
    out << QStringLiteral("imported %1: %2 added, %3 updated, %4 already present, %5 skipped\n")
               .arg(args.positional.front())
               .arg(plan.added)
               .arg(plan.updated)
               .arg(plan.unchanged)
               .arg(plan.skipped.size());
    for (const QString &skipped : plan.skipped)
        out << "  skipped " << skipped << '\n';
    out.flush();
    return plan.skipped.isEmpty() ? CommandLine::Success : CommandLine::ProblemsFound;
}

int runExportCorrected(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args =
        parseArgs(argv, kProjectOptions + QStringList{QStringLiteral("output"), QStringLiteral("run")}, {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\"").arg(args.positional.front()));
    if (!args.has(QStringLiteral("run")))
        return fail(err, QStringLiteral("--run NAME is required (the run to export)"));
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    const Workspace &ws = context.workspace;
    QStringList names;
    for (qsizetype i = 0; i < ws.runs.size(); ++i) {
        names.append(ws.runs[i].name);
        if (ws.runs[i].name != args.value(QStringLiteral("run")))
            continue;
        return writeOutput(args,
                           CorrectedResults::write(ws.dataset, ws.runs[i], ws.matches[i],
                                                   context.project->annotations()),
                           out, err)
                   ? CommandLine::Success
                   : CommandLine::BadInput;
    }
    return fail(err, QStringLiteral("no run named \"%1\"; the project has: %2")
                         .arg(args.value(QStringLiteral("run")), names.join(QStringLiteral(", "))));
}

int runReport(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args =
        parseArgs(argv, kProjectOptions + QStringList{QStringLiteral("output"), QStringLiteral("format")}, {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\"").arg(args.positional.front()));
    const QString format = args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format")) : QStringLiteral("md");
    const QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("latex")};
    if (!formats.contains(format))
        return fail(err, QStringLiteral("--format must be one of: %1").arg(formats.join(QStringLiteral(", "))));
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    const ScoreReport report = ScoreReport::build(context.workspace, context.project->annotations());
    const QString text = format == QLatin1String("json")  ? report.toJson()
                         : format == QLatin1String("csv") ? report.toCsv()
                         : format == QLatin1String("md")  ? report.toMarkdown()
                                                          : report.toLatex();
    return writeOutput(args, text.toUtf8(), out, err) ? CommandLine::Success : CommandLine::BadInput;
}

int runProjectStats(const ParsedArgs &args, const QString &format, QTextStream &out, QTextStream &err)
{
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    const Workspace &ws = context.workspace;
    const Scorer scorer(ws.dataset);
    const Annotations &annotations = context.project->annotations();
    QList<RunSummary> summaries;
    for (qsizetype i = 0; i < ws.runs.size(); ++i) {
        const Run &run = ws.runs[i];
        const RunMatch &match = ws.matches[i];
        RunSummary summary = summarize(run, match, scorer);
        summary.corrected = scorer.score(run, match, CorrectedResults::labelSource(ws.dataset, run, match, annotations));
        summary.humanLabels = CorrectedResults::humanLabelled(ws.dataset, run, match, annotations);
        summaries.append(std::move(summary));
    }
    return printStats({ws.dataset.filePath(), ws.dataset.size()}, summaries, format, out, err);
}

int runStats(const QStringList &argv, QTextStream &out, QTextStream &err)
{
    const ParsedArgs args = parseArgs(argv,
                                      {QStringLiteral("dataset"), QStringLiteral("images"), QStringLiteral("results"),
                                       QStringLiteral("format"), QStringLiteral("run-name"), QStringLiteral("project")},
                                      {});
    if (!args.error.isEmpty())
        return fail(err, args.error + QStringLiteral("\n\n") + CommandLine::usage());
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\" (result files go after --results)")
                             .arg(args.positional.front()));
    QString format;
    if (!checkFormat(args, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}, &format, err))
        return CommandLine::BadInput;
    if (args.has(QStringLiteral("project")))
        return runProjectStats(args, format, out, err);
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
        RunSummary summary = summarize(run, match, scorer);
        for (const FileError &warning : run.warnings)
            err << "vlsbench-studio: warning: " << warning.toString() << '\n';
        summaries.append(std::move(summary));
    }
    return printStats({dataset.filePath(), dataset.size()}, summaries, format, out, err);
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
    static const QStringList words{QStringLiteral("stats"),
                                   QStringLiteral("validate"),
                                   QStringLiteral("export-annotations"),
                                   QStringLiteral("import-annotations"),
                                   QStringLiteral("export-corrected"),
                                   QStringLiteral("report"),
                                   QStringLiteral("help"),
                                   QStringLiteral("--help"),
                                   QStringLiteral("-h"),
                                   QStringLiteral("--version")};
    return words.contains(argument);
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  vlsbench-studio [--project FILE] [DATASET [RESULTS...]] [--images DIR]\n"
        "                        open the review window (no arguments: the bundled sample)\n"
        "  vlsbench-studio stats --dataset PATH [--images DIR] --results FILE [--results FILE ...]\n"
        "                        [--run-name NAME ...] [--format text|json|csv]\n"
        "  vlsbench-studio stats --project FILE [--format text|json|csv]\n"
        "                        judge figures and corrected figures (human labels first) side by side\n"
        "  vlsbench-studio validate --dataset PATH [--images DIR] [--format text|json]\n"
        "  vlsbench-studio export-annotations --project FILE [--output FILE]\n"
        "  vlsbench-studio import-annotations --project FILE INPUT\n"
        "  vlsbench-studio export-corrected --project FILE --run NAME [--output FILE]\n"
        "                        the run in the benchmark's result shape, human labels in place of the judge's\n"
        "  vlsbench-studio report --project FILE [--format md|json|csv|latex] [--output FILE]\n"
        "                        scores with 95% intervals, judge-versus-human agreement, agreement between people\n"
        "\n"
        "Every command that takes --project also takes --dataset, --images, --results and --run-name: given a\n"
        "project file that does not exist yet, it is created from those inputs.\n"
        "\n"
        "PATH is a VLSBench data.json or the folder holding it. Result files are the evaluation script's\n"
        "{\"stats\", \"logs\"} output, a list of records, or JSON Lines. --run-name names the runs in the order\n"
        "of --results (default: the file name without extension).\n"
        "\n"
        "Exit codes: 0 success, 1 validate found errors or import skipped entries, 2 unusable input or arguments.\n");
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("stats"))
        return runStats(rest, out, err);
    if (command == QLatin1String("validate"))
        return runValidate(rest, out, err);
    if (command == QLatin1String("export-annotations"))
        return runExportAnnotations(rest, out, err);
    if (command == QLatin1String("import-annotations"))
        return runImportAnnotations(rest, out, err);
    if (command == QLatin1String("export-corrected"))
        return runExportCorrected(rest, out, err);
    if (command == QLatin1String("report"))
        return runReport(rest, out, err);
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

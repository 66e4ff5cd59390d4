#include "app/cli/commandline.h"

#include "app/base/logging.h"
#include "app/base/regularfile.h"
#include "app/io/atomicfile.h"
#include "app/io/datasetloader.h"
#include "app/io/datasetrelease.h"
#include "app/io/datasetvalidator.h"
#include "app/io/outputclash.h"
#include "app/io/resultloader.h"
#include "app/io/workspaceloader.h"
#include "app/judge/judgelimits.h"
#include "app/judge/judgerun.h"
#include "app/match/matcher.h"
#include "app/project/annotationexchange.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"
#include "app/report/changelog.h"
#include "app/report/reportformatter.h"
#include "app/report/reportrenderer.h"
#include "app/report/scorereport.h"
#include "app/scoring/correctedresults.h"
#include "app/scoring/scorer.h"
#include "app/session/reportprovenance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcessEnvironment>

namespace {

// "1 run", "3 runs": English plurals for the command line's messages (which are not translated).
QString counted(qint64 n, const char *noun)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun)).arg(n == 1 ? QString() : QStringLiteral("s"));
}

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

// Scores over a dataset whose structure is broken mean nothing: an entry that is not an item, or an item without
// an integer id, or without the text, image or category that matching and scoring use. Those stop
// `stats` and `report` (as `validate` reports them); lesser problems are printed as warnings and the work goes on.
bool datasetIsScorable(const Dataset &dataset, QTextStream &err)
{
    static const QStringList kScoredFields{QStringLiteral("instruction_id"), QStringLiteral("instruction"),
                                           QStringLiteral("image_path"), QStringLiteral("category")};
    DatasetValidator::Options options;
    options.checkImages = false; // scores need no image
    QStringList fatal;
    qsizetype warnings = 0;
    for (const Problem &problem : DatasetValidator::validate(dataset, options)) {
        const bool structural =
            problem.severity == Problem::Severity::Error &&
            (problem.code == QLatin1String("not-an-object") || kScoredFields.contains(problem.field));
        if (structural) {
            fatal.append(problem.message);
        } else if (++warnings <= 20) {
            err << "vlsbench-studio: warning: " << dataset.filePath() << ": " << problem.message << '\n';
        }
    }
    if (warnings > 20)
        err << "vlsbench-studio: warning: " << dataset.filePath() << ": " << counted(warnings - 20, "more warning")
            << "; `vlsbench-studio validate` lists them all\n";
    if (fatal.isEmpty())
        return true;
    err << "vlsbench-studio: " << dataset.filePath() << ": " << counted(fatal.size(), "structural error")
        << (fatal.size() == 1 ? " makes" : " make") << " scores meaningless; nothing was scored:\n";
    for (qsizetype i = 0; i < qMin<qsizetype>(fatal.size(), 20); ++i)
        err << "  " << fatal[i] << '\n';
    if (fatal.size() > 20)
        err << "  … and " << (fatal.size() - 20) << " more; `vlsbench-studio validate` lists them all\n";
    err.flush();
    return false;
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
    const bool exists = Project::exists(path, &error);
    if (!error.isNull()) {
        fail(err, error.toString());
        return false;
    }
    if (!exists) {
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
        err << "vlsbench-studio: created project " << path << " with " << counted(context->workspace.runs.size(), "run")
            << '\n';
        return true;
    }
    context->project = Project::open(path, access, &error);
    if (!context->project) {
        fail(err, error.toString());
        return false;
    }
    const ProjectInputs::Plan plan =
        ProjectInputs::plan(context->project->inputs(), {given.dataset, given.imageRoot, given.results, {}});
    const ProjectInputs &recorded = plan.recorded;
    if (plan.otherDataset || !plan.extraResults.isEmpty()) {
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

// Why --output must not be written, or empty: it would replace the project (or its log, index or lock) or one of
// the inputs, given on the command line or recorded in @p project. Save As refuses the same.
QString outputClash(const ParsedArgs &args, const Project *project)
{
    if (!args.has(QStringLiteral("output")) || args.value(QStringLiteral("output")) == QLatin1String("-"))
        return {};
    const QString output = args.value(QStringLiteral("output"));
    QStringList projects = args.all(QStringLiteral("project"));
    if (project)
        projects.append(project->path());
    QStringList inputs;
    for (const QString &option : {QStringLiteral("dataset"), QStringLiteral("results"), QStringLiteral("template"),
                                  QStringLiteral("image-prompt"), QStringLiteral("text-prompt")})
        inputs += args.all(option);
    inputs += args.positional;
    if (project) {
        for (const ProjectInput &input : project->inputs())
            inputs.append(input.role == ProjectInput::Role::Dataset ? DatasetLoader::dataFileFor(input.path)
                                                                    : input.path);
    }
    const OutputClash::Clash clash = OutputClash::check(output, projects, inputs);
    if (clash.kind == OutputClash::Kind::Project)
        return QStringLiteral("--output %1 is the project file%2; choose another file (nothing was written)")
            .arg(output, clash.sidecar.isEmpty() ? QString() : QStringLiteral(" (its %1 file)").arg(clash.sidecar));
    if (clash.kind == OutputClash::Kind::Input)
        return QStringLiteral("--output %1 is one of the input files; choose another file (nothing was written)")
            .arg(output);
    return {};
}

bool writeOutput(const ParsedArgs &args, const ProjectContext &context, const QByteArray &bytes, QTextStream &out,
                 QTextStream &err)
{
    if (!args.has(QStringLiteral("output")) || args.value(QStringLiteral("output")) == QLatin1String("-")) {
        out << QString::fromUtf8(bytes);
        out.flush();
        return true;
    }
    if (const QString clash = outputClash(args, context.project.get()); !clash.isEmpty()) {
        fail(err, clash);
        return false;
    }
    FileError error;
    if (!AtomicFile::write(args.value(QStringLiteral("output")), bytes, &error)) {
        fail(err, error.toString());
        return false;
    }
    return true;
}

int runExportAnnotations(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    ProjectContext context;
    // Reading needs no lock: the window may keep the project open meanwhile.
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, false, &context, err))
        return CommandLine::BadInput;
    return writeOutput(args, context,
                       AnnotationExchange::write(context.project->annotations(), &context.project->curation()), out,
                       err)
               ? CommandLine::Success
               : CommandLine::BadInput;
}

// `project copy --from A --to B`: a project between a file and a team database, either way.
int runProjectCommand(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    if (args.positional != QStringList{QStringLiteral("copy")})
        return fail(err, QStringLiteral("project takes one action: copy"));
    const QString from = args.value(QStringLiteral("from"));
    const QString to = args.value(QStringLiteral("to"));
    if (from.isEmpty() || to.isEmpty())
        return fail(err, QStringLiteral("project copy needs --from PROJECT and --to PROJECT"));
    Project::CopySummary summary;
    FileError error;
    if (!Project::copy(from, to, &summary, &error))
        return fail(err, error.toString());
    QStringList counts;
    for (const auto &[table, rows] : std::as_const(summary.rows))
        if (rows > 0)
            counts.append(QStringLiteral("%1 %2").arg(rows).arg(table));
    out << QStringLiteral("copied to %1: %2\n").arg(summary.target, counts.join(QStringLiteral(", ")));
    out.flush();
    return CommandLine::Success;
}

int runImportAnnotations(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
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
        return fail(
            err, QStringLiteral("%1: read-only. %2").arg(context.project->path(), context.project->readOnlyReason()));
    QSet<qint64> items;
    QSet<qint64> shared;
    AnnotationExchange::datasetIds(context.workspace.dataset, &items, &shared);
    QStringList runs;
    for (const Run &run : std::as_const(context.workspace.runs))
        runs.append(run.name);
    AnnotationExchange::Plan plan = AnnotationExchange::plan(file, context.project->annotations(), items, runs, shared);
    const AnnotationExchange::Plan curation =
        AnnotationExchange::planCuration(file, context.project->curation(), items, shared);
    if (!context.project->importChanges(plan.changes, plan.times, &error) ||
        !context.project->importCuration(curation.changes, curation.times, &error))
        return fail(err, error.toString());
    plan.added += curation.added;
    plan.updated += curation.updated;
    plan.unchanged += curation.unchanged;
    plan.skipped += curation.skipped;
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

// The corrected-label rule: --corrected-rule when given, else the project's own (the most recent label).
bool correctionRuleOf(const ParsedArgs &args, const Project &project, CorrectionRule *rule, QTextStream &err)
{
    *rule = ReportProvenance::ruleOf(project);
    if (!args.has(QStringLiteral("corrected-rule")))
        return true;
    if (CorrectedLabel::parseRule(args.value(QStringLiteral("corrected-rule")), rule))
        return true;
    fail(err, QStringLiteral("--corrected-rule must be latest or majority"));
    return false;
}

int runExportCorrected(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    if (!args.has(QStringLiteral("run")))
        return fail(err, QStringLiteral("--run NAME is required (the run to export)"));
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    CorrectionRule rule = CorrectionRule::Latest;
    if (!correctionRuleOf(args, *context.project, &rule, err))
        return CommandLine::BadInput;
    const Workspace &ws = context.workspace;
    QStringList names;
    for (qsizetype i = 0; i < ws.runs.size(); ++i) {
        names.append(ws.runs[i].name);
        if (ws.runs[i].name != args.value(QStringLiteral("run")))
            continue;
        return writeOutput(
                   args, context,
                   CorrectedResults::write(ws.dataset, ws.runs[i], ws.matches[i], context.project->annotations(), rule),
                   out, err)
                   ? CommandLine::Success
                   : CommandLine::BadInput;
    }
    return fail(err, QStringLiteral("no run named \"%1\"; the project has: %2")
                         .arg(args.value(QStringLiteral("run")), names.join(QStringLiteral(", "))));
}

// The curated dataset in the benchmark's schema: untouched items byte for byte from the data file the project
// records, edited values in place, excluded items left out (or marked, with --include-excluded).
int runExportDataset(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, false, &context, err))
        return CommandLine::BadInput;
    const ProjectInputs recorded = ProjectInputs::plan(context.project->inputs(), {}).recorded;
    if (recorded.dataset.isEmpty())
        return fail(err, QStringLiteral("%1 records no dataset").arg(context.project->path()));
    const QString source = DatasetLoader::dataFileFor(recorded.dataset);
    QByteArray bytes;
    QString why;
    if (!RegularFile::read(source, &bytes, RegularFile::kMaxInputBytes, &why))
        return fail(err, QStringLiteral("%1: %2").arg(source, why));
    // The curation was made on the file the project recorded: say so when this one differs (hashed as read, once).
    for (const ProjectInput &input : context.project->inputs()) {
        if (input.role == ProjectInput::Role::Dataset && !input.sha256.isEmpty() &&
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() != input.sha256)
            err << "vlsbench-studio: warning: " << source
                << " changed since the project recorded it (its content hash differs): curation applies by "
                   "instruction_id\n";
    }
    DatasetRelease::Result release;
    FileError error;
    if (!DatasetRelease::render(source, bytes, context.project->curation(),
                                {args.has(QStringLiteral("include-excluded"))}, &release, &error))
        return fail(err, error.toString());
    bytes.clear();
    if (!writeOutput(args, context, release.bytes, out, err))
        return CommandLine::BadInput;
    for (const QString &warning : std::as_const(release.warnings))
        err << "vlsbench-studio: warning: " << warning << '\n';
    err << QStringLiteral("%1 of %2 entries written; %3 items edited, %4 excluded%5\n")
               .arg(release.written)
               .arg(release.entries)
               .arg(release.edited)
               .arg(release.excluded)
               .arg(args.has(QStringLiteral("include-excluded")) ? QStringLiteral(" (kept, marked \"excluded\")")
                                                                 : QString());
    err.flush();
    return release.warnings.isEmpty() ? CommandLine::Success : CommandLine::ProblemsFound;
}

// Curation from the command line: one step (one undo step in the window) over every --item given.
int runCurate(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    const QString annotator = args.value(QStringLiteral("annotator")).trimmed();
    if (annotator.isEmpty())
        return fail(err, QStringLiteral("--annotator NAME is required: every change says who made it"));
    const QString reason = args.value(QStringLiteral("reason"));
    if (reason.trimmed().isEmpty())
        return fail(err, QStringLiteral("--reason TEXT is required: every change says why"));
    QList<AnnotationChange> step;
    QList<qint64> items;
    for (const QString &text : args.all(QStringLiteral("item"))) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok)
            return fail(err, QStringLiteral("--item %1 is not an instruction_id").arg(text));
        if (!items.contains(id))
            items.append(id);
    }
    if (items.isEmpty())
        return fail(err, QStringLiteral("--item ID is required (once per item)"));
    QList<QPair<ItemField, QString>> sets;
    for (const QString &assignment : args.all(QStringLiteral("set"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const ItemField field = equals < 0 ? ItemField::Count : Curation::editableField(assignment.left(equals));
        if (field == ItemField::Count)
            return fail(err, QStringLiteral("--set %1: expected FIELD=VALUE, FIELD one of instruction, category, "
                                            "sub_category, source, image_description, safety_reason")
                                 .arg(assignment));
        sets.append({field, assignment.mid(equals + 1)});
    }
    const bool exclude = args.has(QStringLiteral("exclude"));
    const bool restore = args.has(QStringLiteral("restore"));
    if (exclude && restore)
        return fail(err, QStringLiteral("--exclude and --restore cannot go together"));
    CurationStatus status = CurationStatus::Unchecked;
    if (args.has(QStringLiteral("status")) && !parseCurationStatus(args.value(QStringLiteral("status")), &status))
        return fail(err, QStringLiteral("--status must be unchecked, checked or needs_fix"));
    if (sets.isEmpty() && !exclude && !restore && !args.has(QStringLiteral("status")) &&
        !args.has(QStringLiteral("comment")))
        return fail(err, QStringLiteral("nothing to do: give --set, --exclude, --restore, --status or --comment"));

    ProjectContext context;
    if (!openProject(args, Project::Access::ReadWrite, true, &context, err))
        return CommandLine::BadInput;
    if (context.project->isReadOnly())
        return fail(
            err, QStringLiteral("%1: read-only. %2").arg(context.project->path(), context.project->readOnlyReason()));
    const Dataset &dataset = context.workspace.dataset;
    for (qint64 id : std::as_const(items)) {
        const qsizetype index = dataset.indexOfId(id);
        if (index < 0 || !dataset.hasUniqueId(index))
            return fail(err, QStringLiteral("item %1 is %2 the dataset: nothing was changed")
                                 .arg(id)
                                 .arg(index < 0 ? QStringLiteral("not in") : QStringLiteral("not unique in")));
        const Item &item = dataset.item(index);
        AnnotationChange c;
        c.item = id;
        c.annotator = annotator;
        c.reason = reason;
        for (const auto &[field, value] : std::as_const(sets)) {
            c.kind = AnnotationChange::Kind::Field;
            c.field = field;
            // Set to what the file says: the edit goes, and the field is the file's again.
            c.newValue = item.has(field) && item.text(field) == value ? 0 : 1;
            c.newNote = value;
            step.append(c);
        }
        c.field = ItemField::Count;
        if (exclude || restore) {
            c.kind = AnnotationChange::Kind::Exclusion;
            c.newValue = exclude ? 1 : 0;
            c.newNote = exclude ? args.value(QStringLiteral("exclude")) : QString();
            step.append(c);
        }
        if (args.has(QStringLiteral("status"))) {
            c.kind = AnnotationChange::Kind::Status;
            c.newValue = int(status);
            c.newNote.clear();
            step.append(c);
        }
        if (args.has(QStringLiteral("comment"))) {
            c.kind = AnnotationChange::Kind::Comment;
            c.newValue = 0;
            c.newNote = args.value(QStringLiteral("comment"));
            step.append(c);
        }
    }
    FileError error;
    const qsizetype before = context.project->curationHistory().size();
    if (!context.project->applyCuration(step, &error))
        return fail(err, error.toString());
    out << QStringLiteral("%1 changes to %2 items recorded in %3\n")
               .arg(context.project->curationHistory().size() - before)
               .arg(items.size())
               .arg(context.project->path());
    out.flush();
    return CommandLine::Success;
}

// The release's changelog: edited fields with old and new values, exclusions, items per category.
int runExportChanges(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    const QString format =
        args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format")) : QStringLiteral("md");
    if (format != QLatin1String("md") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return fail(err, QStringLiteral("--format must be md, json or csv"));
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    const Changelog::Changes changes = Changelog::collect(context.workspace.dataset, context.project->curation());
    return writeOutput(args, context, Changelog::write(changes, format), out, err) ? CommandLine::Success
                                                                                   : CommandLine::BadInput;
}

// Options shared by `judge` and `leakage`: the endpoint and how hard to use it.
const QStringList kEndpointOptions{
    QStringLiteral("base-url"),    QStringLiteral("model"),       QStringLiteral("judge-name"),
    QStringLiteral("concurrency"), QStringLiteral("api-key-env"), QStringLiteral("max-tokens"),
    QStringLiteral("timeout"),     QStringLiteral("max-tries"),   QStringLiteral("rpm"),
    QStringLiteral("tpm"),         QStringLiteral("header"),      QStringLiteral("price-input"),
    QStringLiteral("price-output")};

bool positiveOption(const ParsedArgs &args, const QString &name, const JudgeLimit &limit, int *value, QTextStream &err)
{
    if (!args.has(name))
        return true;
    bool ok = false;
    const int v = args.value(name).toInt(&ok);
    if (!ok || v < limit.low || v > limit.high) {
        fail(err, QStringLiteral("--%1 must be a whole number from %2 to %3").arg(name).arg(limit.low).arg(limit.high));
        return false;
    }
    *value = v;
    return true;
}
// Fills the endpoint from the options; the key only ever comes from the environment variable named.
bool endpointFrom(const ParsedArgs &args, JudgeRunConfig *config, QTextStream &err)
{
    JudgeEndpoint &e = config->endpoint;
    e.baseUrl = args.value(QStringLiteral("base-url"));
    e.model = args.value(QStringLiteral("model"));
    if (e.baseUrl.isEmpty() || e.model.isEmpty()) {
        fail(err, QStringLiteral("--base-url URL and --model MODEL are required"));
        return false;
    }
    int timeout = e.timeoutMs / 1000;
    int retryWait = e.maxRetryWaitMs / 1000;
    using namespace JudgeLimits;
    if (!positiveOption(args, QStringLiteral("concurrency"), concurrency, &e.concurrency, err) ||
        !positiveOption(args, QStringLiteral("max-tokens"), maxTokens, &e.maxTokens, err) ||
        !positiveOption(args, QStringLiteral("timeout"), timeoutSeconds, &timeout, err) ||
        !positiveOption(args, QStringLiteral("max-tries"), maxTries, &e.maxTries, err) ||
        !positiveOption(args, QStringLiteral("rpm"), requestsPerMinute, &e.requestsPerMinute, err) ||
        !positiveOption(args, QStringLiteral("tpm"), tokensPerMinute, &e.tokensPerMinute, err) ||
        !positiveOption(args, QStringLiteral("max-retry-wait"), maxRetryWaitSeconds, &retryWait, err))
        return false;
    e.timeoutMs = timeout * 1000;
    e.maxRetryWaitMs = retryWait * 1000;
    for (const QString &header : args.all(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            fail(err, QStringLiteral("--header must be \"Name: value\", not \"%1\"").arg(header));
            return false;
        }
        e.headers.append({header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8()});
    }
    const QString keyVariable = args.has(QStringLiteral("api-key-env")) ? args.value(QStringLiteral("api-key-env"))
                                                                        : QStringLiteral("OPENAI_API_KEY");
    e.apiKey = QProcessEnvironment::systemEnvironment().value(keyVariable);
    if (!e.apiKey.isEmpty())
        keepSecretsOutOfCoreDumps();
    if (e.apiKey.isEmpty())
        err << "vlsbench-studio: note: $" << keyVariable << " is not set; requests are sent without an API key\n";
    for (const auto &[name, target] : {std::pair{QStringLiteral("price-input"), &config->pricePerMillionInput},
                                       std::pair{QStringLiteral("price-output"), &config->pricePerMillionOutput}}) {
        if (!args.has(name))
            continue;
        bool ok = false;
        *target = args.value(name).toDouble(&ok);
        if (!ok || *target < 0 || *target > JudgeLimits::maxPricePerMillion) {
            fail(err, QStringLiteral("--%1 is a price in currency units per million tokens, from 0 to %2")
                          .arg(name)
                          .arg(JudgeLimits::maxPricePerMillion));
            return false;
        }
    }
    config->name = args.has(QStringLiteral("judge-name")) ? args.value(QStringLiteral("judge-name")) : e.model;
    return true;
}

// Opens the project (creating it from the inputs given when it does not exist) and sets up a judge run in it;
// null, with the reason printed, when either cannot be done.
std::unique_ptr<JudgeRun> startJudgeRun(const ParsedArgs &args, const JudgeRunConfig &config, ProjectContext *context,
                                        QTextStream &err)
{
    if (!openProject(args, Project::Access::ReadWrite, true, context, err))
        return nullptr;
    QString error;
    std::unique_ptr<JudgeRun> run = JudgeRun::create(context->project.get(), context->workspace, config, &error);
    if (!run)
        fail(err, QStringLiteral("%1: %2").arg(context->project->path(), error));
    return run;
}

// Runs a judge run to its end, printing progress on stderr; returns the summary.
JudgeRunSummary runToEnd(JudgeRun *run, QTextStream &err)
{
    QEventLoop loop;
    JudgeRunSummary summary;
    qsizetype lastShown = -1;
    QElapsedTimer shown;
    shown.start();
    QObject::connect(run, &JudgeRun::progressed, &loop, [&](const JudgeProgress &p) {
        if (p.finished() == lastShown || (shown.elapsed() < 1000 && p.finished() < p.total))
            return;
        lastShown = p.finished();
        shown.restart();
        err << QStringLiteral("vlsbench-studio: %1/%2 done (%3 judged, %4 cached, %5 failed), %6 in flight, %7/s\n")
                   .arg(p.finished())
                   .arg(p.total)
                   .arg(p.judged)
                   .arg(p.cached)
                   .arg(p.failed)
                   .arg(p.inFlight)
                   .arg(run->rate(), 0, 'f', 1);
        err.flush();
    });
    QObject::connect(run, &JudgeRun::problem, &loop, [&](const QString &message) {
        err << "vlsbench-studio: " << message << '\n';
        err.flush();
    });
    QObject::connect(run, &JudgeRun::finished, &loop, [&](const JudgeRunSummary &s) {
        summary = s;
        loop.quit();
    });
    run->start();
    loop.exec();
    return summary;
}

void printSummary(const JudgeRunSummary &s, const JudgeRunConfig &config, QTextStream &err)
{
    const JudgeProgress &p = s.progress;
    err << QStringLiteral("vlsbench-studio: judge run \"%1\": %2 judged, %3 cached, %4 failed, %5 done before; "
                          "%6 requests (%7 retries), %8 prompt and %9 completion tokens")
               .arg(config.name)
               .arg(p.judged)
               .arg(p.cached)
               .arg(p.failed)
               .arg(s.alreadyDone)
               .arg(p.requests)
               .arg(p.retries)
               .arg(p.promptTokens)
               .arg(p.completionTokens);
    if (config.pricePerMillionInput > 0 || config.pricePerMillionOutput > 0)
        err << QStringLiteral(", about %1 spent").arg(s.cost, 0, 'f', 4);
    err << '\n';
    for (auto it = s.failures.cbegin(); it != s.failures.cend(); ++it)
        err << QStringLiteral("  failed %1×: %2\n").arg(it.value()).arg(it.key());
    if (s.outcome == JudgeClient::Outcome::Stopped)
        err << "vlsbench-studio: stopped: " << s.reason << '\n';
    else if (s.outcome == JudgeClient::Outcome::Cancelled)
        err << "vlsbench-studio: cancelled; run the same command again to resume\n";
    err.flush();
}

int exitCodeOf(const JudgeRunSummary &s)
{
    if (s.outcome != JudgeClient::Outcome::Finished)
        return CommandLine::BadInput;
    return s.progress.failed > 0 ? CommandLine::ProblemsFound : CommandLine::Success;
}

int runJudge(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    if (!args.has(QStringLiteral("run")))
        return fail(err, QStringLiteral("--run NAME is required (the run whose responses are judged)"));
    if (args.has(QStringLiteral("output")) && args.all(QStringLiteral("run")).size() > 1)
        return fail(err, QStringLiteral("--output writes one run: give one --run with it"));
    JudgeRunConfig config;
    config.kind = JudgeRunInfo::Kind::Rubric;
    config.runs = args.all(QStringLiteral("run"));
    config.scope =
        args.has(QStringLiteral("invalid-only")) ? JudgeRunConfig::Scope::InvalidOnly : JudgeRunConfig::Scope::All;
    if (!endpointFrom(args, &config, err))
        return CommandLine::BadInput;
    JudgePrompt prompt = JudgePrompt::defaultFor(JudgeKind::Rubric);
    if (args.has(QStringLiteral("template"))) {
        FileError error;
        if (!JudgePrompt::load(args.value(QStringLiteral("template")), JudgeKind::Rubric, &prompt, &error))
            return fail(err, error.toString());
    }
    config.prompts = {prompt};
    ProjectContext context;
    std::unique_ptr<JudgeRun> run = startJudgeRun(args, config, &context, err);
    if (!run)
        return CommandLine::BadInput;
    err << QStringLiteral("vlsbench-studio: judging %1 with %2 at %3 (%4 at a time, prompt %5)\n")
               .arg(counted(run->pending(), "response"))
               .arg(config.endpoint.model, config.endpoint.publicUrl())
               .arg(config.endpoint.concurrency)
               .arg(QString::fromLatin1(prompt.hash().left(12)));
    const JudgeRunSummary summary = runToEnd(run.get(), err);
    printSummary(summary, run->config(), err);
    if (args.has(QStringLiteral("output"))) {
        const Workspace &ws = context.workspace;
        for (qsizetype i = 0; i < ws.runs.size(); ++i) {
            if (ws.runs[i].name != config.runs.front())
                continue;
            if (!writeOutput(args, context,
                             CorrectedResults::writeJudged(ws.dataset, ws.runs[i], ws.matches[i],
                                                           context.project->judgeResults(), run->config().name),
                             out, err))
                return CommandLine::BadInput;
        }
    }
    return exitCodeOf(summary);
}

int runLeakage(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    QString format;
    if (!checkFormat(args, {QStringLiteral("text"), QStringLiteral("json")}, &format, err))
        return CommandLine::BadInput;
    JudgeRunConfig config;
    config.kind = JudgeRunInfo::Kind::Leakage;
    if (!endpointFrom(args, &config, err))
        return CommandLine::BadInput;
    if (!args.has(QStringLiteral("judge-name")))
        config.name = QStringLiteral("leakage %1").arg(config.endpoint.model);
    for (const auto &[option, kind] : {std::pair{QStringLiteral("image-prompt"), JudgeKind::LeakWithImage},
                                       std::pair{QStringLiteral("text-prompt"), JudgeKind::LeakTextOnly}}) {
        JudgePrompt prompt = JudgePrompt::defaultFor(kind);
        FileError error;
        if (args.has(option) && !JudgePrompt::load(args.value(option), kind, &prompt, &error))
            return fail(err, error.toString());
        config.prompts.append(prompt);
    }
    ProjectContext context;
    std::unique_ptr<JudgeRun> run = startJudgeRun(args, config, &context, err);
    if (!run)
        return CommandLine::BadInput;
    err << QStringLiteral("vlsbench-studio: asking %1 about %2, with and without the image\n")
               .arg(config.endpoint.model, counted(run->pending() / 2, "item"));
    const JudgeRunSummary summary = runToEnd(run.get(), err);
    printSummary(summary, run->config(), err);
    const LeakageMeasure measure =
        LeakageMeasure::build(context.workspace, context.project->judgeResults(), run->config().name);
    const QString text = format == QLatin1String("json") ? measure.toJson() : measure.toText();
    if (!writeOutput(args, context, text.toUtf8(), out, err))
        return CommandLine::BadInput;
    return exitCodeOf(summary);
}

int runReport(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    const QString format =
        args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format")) : QStringLiteral("md");
    ReportFormat reportFormat = ReportFormat::Markdown;
    if (!ReportFormats::keys().contains(format) || !ReportFormats::parse(format, &reportFormat))
        return fail(
            err, QStringLiteral("--format must be one of: %1").arg(ReportFormats::keys().join(QStringLiteral(", "))));
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    CorrectionRule rule = CorrectionRule::Latest;
    if (!correctionRuleOf(args, *context.project, &rule, err))
        return CommandLine::BadInput;
    // --blind-only: agreement, corrected scores and samples count only the labels made without seeing the judge's.
    const bool blindOnly = args.has(QStringLiteral("blind-only"));
    const Annotations counted = ReportProvenance::countedLabels(*context.project, blindOnly);
    // --curated: the curated data (edits applied, excluded items out of every denominator).
    const bool curated = args.has(QStringLiteral("curated"));
    const Workspace ws = curated ? curatedWorkspace(context.workspace, context.project->curation()) : context.workspace;
    ScoreReport report = ScoreReport::build(ws, counted, context.project->judgeResults(), rule);
    const QString samplesProblem = ReportProvenance::complete(
        &report, *context.project, ws, QStringLiteral("VLSBench Studio %1").arg(QCoreApplication::applicationVersion()),
        counted, blindOnly);
    if (curated) {
        report.provenance.data = ReportProvenance::curatedData(context.workspace, ws, context.project->curation());
        report.compareWithOriginal(context.workspace, ws, counted);
    }
    if (!samplesProblem.isEmpty())
        err << QStringLiteral("vlsbench-studio: warning: some of the project's samples were left out: %1\n")
                   .arg(samplesProblem);
    const QString text = ReportRenderer::render(report, reportFormat);
    return writeOutput(args, context, text.toUtf8(), out, err) ? CommandLine::Success : CommandLine::BadInput;
}

int runProjectStats(const ParsedArgs &args, const QString &format, QTextStream &out, QTextStream &err)
{
    ProjectContext context;
    const bool creating = !QFileInfo::exists(args.value(QStringLiteral("project")));
    if (!openProject(args, creating ? Project::Access::ReadWrite : Project::Access::ReadOnly, true, &context, err))
        return CommandLine::BadInput;
    const bool curated = args.has(QStringLiteral("curated"));
    const Workspace ws = curated ? curatedWorkspace(context.workspace, context.project->curation()) : context.workspace;
    if (curated)
        err << "vlsbench-studio: " << ReportProvenance::curatedData(context.workspace, ws, context.project->curation())
            << '\n';
    if (!datasetIsScorable(ws.dataset, err))
        return CommandLine::BadInput;
    const Scorer scorer(ws.dataset);
    const Annotations &annotations = context.project->annotations();
    QList<RunSummary> summaries;
    for (qsizetype i = 0; i < ws.runs.size(); ++i) {
        const Run &run = ws.runs[i];
        const RunMatch &match = ws.matches[i];
        RunSummary summary = summarize(run, match, scorer);
        summary.corrected = scorer.score(run, match,
                                         CorrectedResults::labelSource(ws.dataset, run, match, annotations,
                                                                       ReportProvenance::ruleOf(*context.project)));
        summary.humanLabels = CorrectedResults::humanLabelled(ws.dataset, run, match, annotations);
        summaries.append(std::move(summary));
    }
    return printStats({ws.dataset.filePath(), ws.dataset.size()}, summaries, format, out, err);
}

int runStats(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
    if (!args.positional.isEmpty())
        return fail(err, QStringLiteral("unexpected argument \"%1\" (result files go after --results)")
                             .arg(args.positional.front()));
    QString format;
    if (!checkFormat(args, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}, &format, err))
        return CommandLine::BadInput;
    if (args.has(QStringLiteral("project")))
        return runProjectStats(args, format, out, err);
    if (args.has(QStringLiteral("curated")))
        return fail(err, QStringLiteral("--curated needs --project: curation is kept in a project"));
    const QStringList results = args.all(QStringLiteral("results"));
    if (results.isEmpty())
        return fail(err, QStringLiteral("stats needs at least one --results FILE"));
    const QStringList names = args.all(QStringLiteral("run-name"));
    if (names.size() > results.size())
        return fail(err, QStringLiteral("more --run-name than --results"));

    Dataset dataset;
    if (!loadDataset(args, &dataset, err) || !datasetIsScorable(dataset, err))
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

int runValidate(const ParsedArgs &args, QTextStream &out, QTextStream &err)
{
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

namespace {

// Each subcommand's synopsis and what it does; `usage()` is all of them, `--help` after a command prints its own.
using Handler = int (*)(const ParsedArgs &args, QTextStream &out, QTextStream &err);

// The options every project command takes, and those of the judge's endpoint (space-separated names).
#define VLS_PROJECT_OPTIONS "project dataset images results run-name "
#define VLS_ENDPOINT_OPTIONS                                                                                           \
    "base-url model judge-name concurrency api-key-env max-tokens timeout max-tries rpm tpm header price-input "       \
    "price-output max-retry-wait "

// One row per subcommand: its usage (which --help prints), the options that take a value, the flags, whether it
// takes arguments besides options, and what runs it. Parsing, --help and the usage all come from this table.
struct CommandHelp
{
    const char *name;
    const char *text;
    const char *options;
    const char *flags;
    bool takesArguments;
    Handler run;
};

const CommandHelp kCommands[] = {
    {"stats",
     "  vlsbench-studio stats --dataset PATH [--images DIR] --results FILE [--results FILE ...]\n"
     "                        [--run-name NAME ...] [--format text|json|csv]\n"
     "  vlsbench-studio stats --project FILE [--format text|json|csv] [--curated]\n"
     "                        judge figures and corrected figures (human labels first) side by side\n",
     "dataset images results format run-name project", "curated", true, &runStats},
    {"validate",
     "  vlsbench-studio validate --dataset PATH [--images DIR] [--format text|json]\n"
     "                        check a data file: fields, ids, taxonomy, images inside the dataset's root\n",
     "dataset images format", "", false, &runValidate},
    {"export-annotations",
     "  vlsbench-studio export-annotations --project FILE [--output FILE]\n"
     "                        the project's human labels, flags and notes as exchange JSON\n",
     VLS_PROJECT_OPTIONS "output", "", false, &runExportAnnotations},
    {"project",
     "  vlsbench-studio project copy --from PROJECT --to PROJECT\n"
     "                        copy a project between a file and a team database (postgresql://...?project=NAME),\n"
     "                        either way: labels, flags, notes, tags, judgments, curation and both histories\n",
     "from to", "", true, &runProjectCommand},
    {"import-annotations",
     "  vlsbench-studio import-annotations --project FILE INPUT\n"
     "                        merge another annotator's exchange JSON into the project\n",
     VLS_PROJECT_OPTIONS, "", true, &runImportAnnotations},
    {"export-corrected",
     "  vlsbench-studio export-corrected --project FILE --run NAME [--corrected-rule latest|majority]\n"
     "                        [--output FILE]\n"
     "                        the run in the benchmark's result shape, human labels in place of the judge's\n",
     VLS_PROJECT_OPTIONS "output run corrected-rule", "", false, &runExportCorrected},
    {"curate",
     "  vlsbench-studio curate --project FILE --item ID [--item ID ...] --annotator NAME --reason TEXT\n"
     "                        [--set FIELD=VALUE ...] [--exclude REASON | --restore] [--status STATUS]\n"
     "                        [--comment TEXT]\n"
     "                        edit items' fields, exclude or restore items, set their curation status\n"
     "                        (unchecked, checked, needs_fix) and comment (\"\" removes it); one step, kept in\n"
     "                        the project's history\n",
     VLS_PROJECT_OPTIONS "item annotator reason set exclude status comment", "restore", false, &runCurate},
    {"export-dataset",
     "  vlsbench-studio export-dataset --project FILE [--output FILE] [--include-excluded]\n"
     "                        the curated dataset in the benchmark's schema: untouched items byte for byte,\n"
     "                        edits in place, excluded items left out (--include-excluded: kept and marked)\n",
     VLS_PROJECT_OPTIONS "output", "include-excluded", false, &runExportDataset},
    {"export-changes",
     "  vlsbench-studio export-changes --project FILE [--format md|json|csv] [--output FILE]\n"
     "                        the release's changelog: edits (old and new value, who, when, why), exclusions\n"
     "                        with their reasons, items per category before and after\n",
     VLS_PROJECT_OPTIONS "output format", "", false, &runExportChanges},
    {"report",
     "  vlsbench-studio report --project FILE [--format md|json|csv|latex] [--corrected-rule latest|majority]\n"
     "                        [--blind-only] [--curated] [--output FILE]\n"
     "                        scores with 95% intervals, judge-versus-human agreement, agreement between people;\n"
     "                        --blind-only counts only labels made without seeing the judge's;\n"
     "                        --curated scores the curated data (edits applied, excluded items left out)\n",
     VLS_PROJECT_OPTIONS "output format corrected-rule", "blind-only curated", false, &runReport},
    {"judge",
     "  vlsbench-studio judge --project FILE --run NAME [--run NAME ...] --base-url URL --model MODEL\n"
     "                        [--judge-name NAME] [--concurrency N] [--api-key-env VAR] [--template FILE]\n"
     "                        [--invalid-only] [--rpm N] [--tpm N] [--max-tries N] [--timeout SECONDS]\n"
     "                        [--max-tokens N] [--header \"Name: value\" ...] [--price-input P] [--price-output P]\n"
     "                        [--max-retry-wait SECONDS] [--output FILE]\n"
     "                        judge responses again through an OpenAI-compatible endpoint; judgments are kept in\n"
     "                        the project as they arrive, so running it again resumes. --output writes the run\n"
     "                        as judged, in the benchmark's result shape\n",
     VLS_PROJECT_OPTIONS VLS_ENDPOINT_OPTIONS "run template output", "invalid-only", false, &runJudge},
    {"leakage",
     "  vlsbench-studio leakage --project FILE --base-url URL --model MODEL [--format text|json]\n"
     "                        [--image-prompt FILE] [--text-prompt FILE] [--output FILE]\n"
     "                        [endpoint options as for judge]\n"
     "                        the paper's visual-leakage measure: R1 (unsafe with the image), R2 (unsafe from\n"
     "                        the text alone too), per category\n",
     VLS_PROJECT_OPTIONS VLS_ENDPOINT_OPTIONS "format output image-prompt text-prompt", "", false, &runLeakage},
};

constexpr const char *kProjectNote =
    "Every command that takes --project also takes --dataset, --images, --results and --run-name: given a\n"
    "project file that does not exist yet, it is created from those inputs.\n";

constexpr const char *kInputNote =
    "PATH is a VLSBench data.json or the folder holding it. Result files are the evaluation script's\n"
    "{\"stats\", \"logs\"} output, a list of records, or JSON Lines. --run-name names the runs in the order\n"
    "of --results (default: the file name without extension).\n";

constexpr const char *kJudgeNote =
    "The API key is read from the environment variable named by --api-key-env (default OPENAI_API_KEY) and\n"
    "is never written anywhere. Proxies come from http_proxy, https_proxy and no_proxy.\n";

constexpr const char *kExitNote =
    "Exit codes: 0 success, 1 validate found errors, import skipped entries or some judge requests failed,\n"
    "2 unusable input or arguments, or a judge run that stopped early.\n";

const CommandHelp *findCommand(const QString &name)
{
    for (const CommandHelp &command : kCommands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

bool asksForHelp(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--"))
            return false;
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h"))
            return true;
    }
    return false;
}

} // namespace

bool CommandLine::handles(const QString &argument)
{
    static const QStringList words{QStringLiteral("help"), QStringLiteral("--help"), QStringLiteral("-h"),
                                   QStringLiteral("--version"), QStringLiteral("-V")};
    return findCommand(argument) || words.contains(argument);
}

bool CommandLine::parseWindowArguments(const QStringList &arguments, WindowArguments *parsed, QString *error)
{
    // A bare word that names no file is a mistyped or unknown command ("vlsbench-studio project copy"), not a
    // dataset to open in a window.
    if (!arguments.isEmpty() && !arguments.front().startsWith(QLatin1Char('-'))) {
        const QString &first = arguments.front();
        if (!first.contains(QLatin1Char('/')) && !first.contains(QLatin1Char('.')) && !QFileInfo::exists(first)) {
            QStringList names;
            for (const CommandHelp &command : kCommands)
                names.append(QString::fromUtf8(command.name));
            *error = QStringLiteral("unknown command \"%1\" (the commands are %2); a dataset to open must be an "
                                    "existing file or folder")
                         .arg(first, names.join(QStringLiteral(", ")));
            return false;
        }
    }
    const ParsedArgs args = parseArgs(arguments, {QStringLiteral("project"), QStringLiteral("images")}, {});
    if (!args.error.isEmpty()) {
        *error = args.error;
        return false;
    }
    for (const QString &name : {QStringLiteral("project"), QStringLiteral("images")}) {
        if (args.all(name).size() > 1) {
            *error = QStringLiteral("--%1 is given more than once").arg(name);
            return false;
        }
    }
    parsed->project = args.value(QStringLiteral("project"));
    parsed->images = args.value(QStringLiteral("images"));
    parsed->files = args.positional;
    return true;
}

QString CommandLine::usage()
{
    QString text =
        QStringLiteral("Usage:\n"
                       "  vlsbench-studio [--project FILE] [DATASET [RESULTS...]] [--images DIR]\n"
                       "                        open the review window (no arguments: the bundled sample)\n");
    for (const CommandHelp &command : kCommands)
        text += QString::fromUtf8(command.text);
    text += QStringLiteral("  vlsbench-studio help COMMAND | COMMAND --help\n"
                           "                        one command's usage\n"
                           "  vlsbench-studio --version\n\n");
    text += QString::fromUtf8(kProjectNote) + QLatin1Char('\n') + QString::fromUtf8(kInputNote) + QLatin1Char('\n') +
            QString::fromUtf8(kJudgeNote) + QLatin1Char('\n') + QString::fromUtf8(kExitNote);
    return text;
}

QString CommandLine::commandUsage(const QString &command)
{
    const CommandHelp *help = findCommand(command);
    if (!help)
        return usage();
    QString text = QStringLiteral("Usage:\n") + QString::fromUtf8(help->text) + QLatin1Char('\n');
    if (command != QLatin1String("validate"))
        text += QString::fromUtf8(kProjectNote) + QLatin1Char('\n');
    text += QString::fromUtf8(kInputNote) + QLatin1Char('\n');
    if (command == QLatin1String("judge") || command == QLatin1String("leakage"))
        text += QString::fromUtf8(kJudgeNote) + QLatin1Char('\n');
    text += QString::fromUtf8(kExitNote);
    return text;
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    qCDebug(lcCli).noquote() << "command" << command << "with" << rest.size() << "arguments";
    if (findCommand(command) && asksForHelp(rest)) {
        out << commandUsage(command);
        return Success;
    }
    if (const CommandHelp *spec = findCommand(command)) {
        const auto names = [](const char *list) {
            return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        };
        const ParsedArgs args = parseArgs(rest, names(spec->options), names(spec->flags));
        if (!args.error.isEmpty())
            return fail(err, args.error + QStringLiteral("\n\n") + commandUsage(command));
        if (!spec->takesArguments && !args.positional.isEmpty())
            return fail(err, QStringLiteral("unexpected argument \"%1\"").arg(args.positional.front()));
        // Checked again once the project is open (its recorded inputs); here, before any work is done.
        if (const QString clash = outputClash(args, nullptr); !clash.isEmpty())
            return fail(err, clash);
        return spec->run(args, out, err);
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        out << "vlsbench-studio " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        const QString topic = rest.value(0);
        if (!topic.isEmpty() && !findCommand(topic))
            return fail(err, QStringLiteral("no command \"%1\"\n\n%2").arg(topic, usage()));
        out << (topic.isEmpty() ? usage() : commandUsage(topic));
        return Success;
    }
    return fail(err, QStringLiteral("unknown command \"%1\"\n\n%2").arg(command, usage()));
}

// Writes the input as a project file and opens it with Project::open, read-only and then read-write (which also
// upgrades older formats and switches to WAL), then does what the window and `report` do with a project: reads
// its inputs, labels, flags, history and judge runs, computes and renders the score report over the sample
// workspace, exports annotations and corrected runs, and counts agreement over every stored label. Read-write, it
// also makes one edit and undoes it. Seeds include projects the app made (built by fuzz-project-seeds).
#include "fuzzsupport.h"

#include "app/io/datasetrelease.h"
#include "app/project/annotationexchange.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"
#include "app/project/savedviews.h"
#include "app/report/changelog.h"
#include "app/report/reportrenderer.h"
#include "app/report/scorereport.h"
#include "app/scoring/correctedresults.h"
#include "app/session/reportprovenance.h"
#include "app/stats/agreement.h"

#include <QFile>

namespace {

void removeProject(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
}

void readAnnotations(const Annotations &annotations)
{
    // Every stored label against each judge label, as the agreement tables count them.
    Agreement agreement;
    for (auto it = annotations.allLabels().cbegin(); it != annotations.allLabels().cend(); ++it) {
        (void)annotations.latestLabel(it.key().item, it.key().run);
        for (const HumanLabel &label : *it) {
            for (const Label judge : {Label::Invalid, Label::Refusal, Label::Warning, Label::Unsafe})
                agreement.add(judge, label.label);
            (void)annotations.labelledCount(it.key().run, label.annotator);
        }
    }
    (void)agreement.kappa();
    (void)agreement.weightedKappa();
    (void)agreement.overallAccuracy();
    for (const Label human : {Label::Refusal, Label::Warning, Label::Unsafe}) {
        (void)agreement.accuracy(human);
        (void)agreement.accuracyInterval(human);
    }
    for (auto it = annotations.allLeaks().cbegin(); it != annotations.allLeaks().cend(); ++it) {
        (void)annotations.hasLeakVerdict(it.key());
        for (const LeakFlag &flag : *it)
            (void)leakVerdictKey(flag.verdict);
    }
    (void)annotations.runs();
    (void)annotations.annotators();
    (void)AnnotationExchange::write(annotations);
}

void readJudges(const Project &project)
{
    const JudgeResults &judges = project.judgeResults();
    for (const JudgeRunInfo &info : judges.runs()) {
        const QHash<JudgeResults::Key, Judgment> judgments = judges.judgments(info.name);
        for (auto it = judgments.cbegin(); it != judgments.cend(); ++it) {
            (void)project.promptText(it->promptHash);
            (void)judges.leakSuspectedBy(it.key().first);
        }
    }
    (void)judges.runNames(JudgeRunInfo::Kind::Rubric);
    (void)judges.runNames(JudgeRunInfo::Kind::Leakage);
    (void)judges.cache();
}

// The curation layer as export-dataset and export-changes use it, over the sample.
void readCuration(const Project &project, size_t pick)
{
    for (const Project::CurationEntry &entry : project.curationHistory())
        (void)entry.change.reversed();
    const Workspace &ws = FuzzSupport::sampleWorkspace();
    for (const Item &item : ws.dataset.items())
        (void)project.curation().curated(item);
    if (pick % 4 == 3) // the curated scores, as report --curated computes them
        (void)ScoreReport::build(curatedWorkspace(ws, project.curation()), project.annotations(),
                                 project.judgeResults(), ReportProvenance::ruleOf(project));
    if (pick % 4 == 2) {
        (void)Changelog::write(Changelog::collect(ws.dataset, project.curation()), QStringLiteral("md"));
        static const QByteArray sample = [] {
            QFile file(FuzzSupport::sampleWorkspace().dataset.filePath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        DatasetRelease::Result result;
        FileError error;
        (void)DatasetRelease::render(QStringLiteral("data.json"), sample, project.curation(), {pick % 8 == 2}, &result,
                                     &error);
    }
}

void report(const Project &project, size_t pick)
{
    const Workspace &ws = FuzzSupport::sampleWorkspace();
    // The project's own values are untrusted too: its saved views, samples and corrected-label rule.
    (void)SavedViews::parse(project.value(QLatin1String(SavedViews::kKey)));
    ScoreReport report =
        ScoreReport::build(ws, project.annotations(), project.judgeResults(), ReportProvenance::ruleOf(project));
    (void)ReportProvenance::complete(&report, project, ws, QStringLiteral("fuzz"), project.annotations(), false);
    (void)project.annotations().blindLabelsOnly().blindCounts();
    // Writing the report and the corrected runs costs ten times what opening and computing do, and depends on the
    // project only through the labels: one input in four (by a hash of it) renders one format, another writes one run.
    const ReportFormat formats[] = {ReportFormat::Json, ReportFormat::Markdown, ReportFormat::Csv, ReportFormat::Latex};
    const qsizetype run = qsizetype(pick / 4 % size_t(ws.runs.size()));
    if (pick % 4 == 0) {
        (void)ReportRenderer::render(report, formats[pick / 4 % 4]);
    } else if (pick % 4 == 1) {
        (void)CorrectedResults::write(ws.dataset, ws.runs[run], ws.matches[run], project.annotations());
        const QStringList judges = project.judgeResults().runNames(JudgeRunInfo::Kind::Rubric);
        if (!judges.isEmpty())
            (void)CorrectedResults::writeJudged(ws.dataset, ws.runs[run], ws.matches[run], project.judgeResults(),
                                                judges.front());
    }
}

void exercise(Project &project, size_t pick)
{
    const ProjectInputs inputs = ProjectInputs::from(project.inputs());
    (void)ProjectInputs::plan(project.inputs(), inputs);
    (void)project.value(QStringLiteral("current_item"));
    for (const Project::HistoryEntry &entry : project.history())
        (void)entry.change.reversed();
    report(project, pick); // first: a label the report trips over is caught where the app would trip
    readAnnotations(project.annotations());
    readJudges(project);
    readCuration(project, pick);
    if (project.isReadOnly())
        return;
    const Workspace &ws = FuzzSupport::sampleWorkspace();
    FileError error;
    AnnotationChange applied;
    if (project.setLabel(ws.dataset.item(0).instructionId, ws.runs.front().name, QStringLiteral("fuzz"), Label::Unsafe,
                         &error))
        project.undo(&applied, &error);
    if (project.setItemField(ws.dataset.item(1).instructionId, ItemField::Category, QStringLiteral("fuzz"),
                             QStringLiteral("fuzz"), QStringLiteral("fuzz"), &error))
        project.undo(&applied, &error);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    FuzzSupport::sampleWorkspace();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = FuzzSupport::scratchPath(QStringLiteral("fuzzed.vlsproj"));
    removeProject(path); // a WAL file left by the last input would be read as part of this one
    FuzzSupport::writeFile(path, data, size);
    // Project files are whole pages, so their size says nothing: a hash (FNV-1a, the same on every machine, so a
    // reproducer takes the same path anywhere) picks what each input also writes.
    size_t pick = 14695981039346656037u;
    for (size_t i = 0; i < size; ++i)
        pick = (pick ^ data[i]) * 1099511628211u;
    for (const Project::Access access : {Project::Access::ReadOnly, Project::Access::ReadWrite}) {
        FileError error;
        const std::unique_ptr<Project> project = Project::open(path, access, &error);
        if (!project) {
            (void)error.toString();
            continue;
        }
        exercise(*project, pick);
    }
    return 0;
}

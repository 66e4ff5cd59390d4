#include "app/session/reviewsession.h"

#include "app/base/sampledata.h"
#include "app/io/atomicfile.h"
#include "app/io/resultloader.h"
#include "app/io/workspaceloader.h"
#include "app/project/annotationexchange.h"
#include "app/project/projectinput.h"
#include "app/project/projectlocation.h"
#include "app/report/scorereport.h"
#include "app/scoring/correctedresults.h"
#include "app/search/wordindex.h"
#include "app/session/jobrunner.h"
#include "app/session/reportprovenance.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

namespace {

// The lanes of the session's jobs: a newer job of a lane replaces the one before it.
const QString kLoad = QStringLiteral("load");
const QString kIndex = QStringLiteral("index");
const QString kReport = QStringLiteral("report");
const QString kRecordInputs = QStringLiteral("record-inputs");
const QString kCheckInputs = QStringLiteral("check-inputs");

struct Loaded
{
    bool ok = false;
    std::shared_ptr<Workspace> workspace;
    FileError error;
};

} // namespace

ReviewSession::ReviewSession(QObject *parent)
    : QObject(parent), m_jobs(new JobRunner(this)), m_noteTimer(new QTimer(this))
{
    // A note is saved a moment after typing pauses.
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(400);
    connect(m_noteTimer, &QTimer::timeout, this, &ReviewSession::flushNote);
}

ReviewSession::~ReviewSession()
{
    flushNote();
    m_jobs->cancelAll();
    // Workers reach the session only through calls posted back to this thread, which the runner drops once it
    // is gone; still, let them finish before the data they were handed goes away.
    QThreadPool::globalInstance()->waitForDone(JobRunner::kQuitGraceMs);
}

// ---- Loading

bool ReviewSession::isLoading() const
{
    return m_jobs->isBusy(kLoad);
}

void ReviewSession::stopLoading()
{
    m_jobs->requestStop(kLoad);
}

void ReviewSession::openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot)
{
    // A project belongs to its dataset: another dataset is reviewed without it until one is made for it.
    if (m_project) {
        const QString name = QFileInfo(m_project->path()).fileName();
        closeProject();
        emit message(Channel::Project, Severity::Info,
                     tr("Closed the project %1. Create a project (Ctrl+N) to label this dataset.").arg(name));
    }
    m_createProjectAt.clear();
    m_pendingProject.reset();
    load(dataset, results, imageRoot, {}, tr("Opening %1").arg(QFileInfo(dataset).fileName()));
}

void ReviewSession::load(const QString &dataset, const QStringList &results, const QString &imageRoot,
                         const QStringList &runNames, const QString &what)
{
    const WorkspaceLoader::Request request{dataset, imageRoot, results, runNames};
    emit loadStarted(what);
    m_jobs->run<Loaded>(
        kLoad,
        [this, request](const JobRunner::Context &context) {
            Loaded loaded;
            loaded.workspace = std::make_shared<Workspace>();
            const auto progress = [this, context](int done, int total, const QString &step) {
                context.post([this, done, total, step] { emit loadProgress(done, total, step); });
            };
            loaded.ok = WorkspaceLoader::load(request, loaded.workspace.get(), &loaded.error, progress, context.flag());
            return loaded;
        },
        [this](Loaded loaded) { loadFinished(loaded.ok, loaded.workspace, loaded.error); });
}

void ReviewSession::addResults(const QStringList &results)
{
    if (isLoading()) {
        // Adding to what is open now would drop the load under way: add them once it has finished.
        m_queuedResults.append(results);
        emit message(
            Channel::Load, Severity::Info,
            tr("%n result file(s) will be added when loading has finished.", nullptr, int(m_queuedResults.size())));
        return;
    }
    if (!m_workspace) {
        emit message(Channel::Load, Severity::Warning, tr("Open a dataset before adding result files."));
        return;
    }
    const Workspace base = *m_workspace; // a cheap copy: the containers share their data
    // A run removed earlier keeps its labels under its name: a different file must not inherit them.
    WorkspaceLoader::Reserved reserved;
    if (m_project) {
        const QSet<QString> annotated = m_project->annotations().runs();
        for (const QString &name : annotated)
            reserved.insert(name, m_project->value(QStringLiteral("run_file:") + name));
    }
    emit loadStarted(tr("Adding %n result file(s)", nullptr, int(results.size())));
    m_jobs->run<Loaded>(
        kLoad,
        [base, results, reserved](const JobRunner::Context &context) {
            Loaded loaded;
            loaded.workspace = std::make_shared<Workspace>(base);
            loaded.ok = WorkspaceLoader::addRuns(results, loaded.workspace.get(), &loaded.error, {}, context.flag(), {},
                                                 reserved);
            return loaded;
        },
        [this](Loaded loaded) { loadFinished(loaded.ok, loaded.workspace, loaded.error); });
}

void ReviewSession::loadFinished(bool ok, const std::shared_ptr<Workspace> &workspace, const FileError &error)
{
    const QString createAt = std::exchange(m_createProjectAt, {});
    std::unique_ptr<Project> pending = std::move(m_pendingProject);
    if (!ok) {
        m_resumePending = false;
        if (pending)
            emit message(Channel::Project, Severity::Error,
                         tr("The project %1 was not opened: its data could not be loaded.").arg(pending->path()));
        if (!createAt.isEmpty())
            emit message(Channel::Project, Severity::Error,
                         tr("The project %1 was not created: its data could not be opened.").arg(createAt));
        emit loadFailed(error);
        return;
    }
    const bool projectOpened = pending != nullptr;
    if (pending)
        attach(std::move(pending));
    else
        m_resumePending = false;
    setWorkspace(workspace);
    if (projectOpened)
        checkInputs();
    if (!createAt.isEmpty()) {
        FileError createError;
        if (!createProject(createAt, &createError))
            emit message(Channel::Project, Severity::Error,
                         tr("Could not create the project: %1").arg(createError.toString()));
    }
    if (!m_queuedResults.isEmpty())
        addResults(std::exchange(m_queuedResults, {}));
}

void ReviewSession::setWorkspace(std::shared_ptr<const Workspace> workspace)
{
    const bool newDataset = !m_workspace || m_workspace->dataset.filePath() != workspace->dataset.filePath();
    const qsizetype previousRuns = newDataset ? 0 : m_workspace->runs.size();
    m_workspace = std::move(workspace);
    m_removedRun = {}; // only the workspace a run was just removed from can take it back
    buildSearchIndex();
    m_reportDirty = true;
    emit workspaceChanged(newDataset, previousRuns);
    if (m_project) {
        recordInputs();
        if (std::exchange(m_resumePending, false))
            resumePosition();
    }
}

void ReviewSession::openFiles(const QStringList &paths)
{
    QString dataset;
    QStringList results;
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir() || !ResultLoader::looksLikeResults(path))
            dataset = path;
        else
            results.append(path);
    }
    if (!dataset.isEmpty())
        openDataset(dataset, results);
    else if (!results.isEmpty())
        addResults(results);
}

bool ReviewSession::removeRun(int run)
{
    if (!m_workspace || isLoading() || run < 0 || run >= m_workspace->runs.size())
        return false;
    auto workspace = std::make_shared<Workspace>(*m_workspace);
    RemovedRun removed{run, workspace->runs.takeAt(run), workspace->matches.takeAt(run), workspace.get()};
    setWorkspace(workspace);
    m_removedRun = std::move(removed); // after setWorkspace, which forgets a removal older than this one
    return true;
}

QString ReviewSession::removedRunName() const
{
    return m_removedRun.workspace && m_removedRun.workspace == m_workspace.get() ? m_removedRun.run.name : QString();
}

bool ReviewSession::restoreRemovedRun()
{
    if (removedRunName().isEmpty() || isLoading())
        return false;
    auto workspace = std::make_shared<Workspace>(*m_workspace);
    RemovedRun removed = std::exchange(m_removedRun, {});
    workspace->runs.insert(removed.index, std::move(removed.run));
    workspace->matches.insert(removed.index, std::move(removed.match));
    setWorkspace(workspace);
    return true;
}

void ReviewSession::buildSearchIndex()
{
    // Until the index is ready, text search reads every text; afterwards it looks words up.
    m_index.reset();
    std::shared_ptr<const Workspace> workspace = m_workspace;
    m_jobs->run<std::shared_ptr<const WordIndex>>(
        kIndex,
        [workspace](const JobRunner::Context &context) {
            return std::make_shared<const WordIndex>(WordIndex::build(*workspace, context.flag()));
        },
        [this, workspace](std::shared_ptr<const WordIndex> index) {
            if (m_workspace != workspace || index->isEmpty())
                return;
            m_index = std::move(index);
            m_indexFor = workspace;
            emit searchIndexReady();
        });
}

std::shared_ptr<const WordIndex> ReviewSession::searchIndex() const
{
    return m_index && m_indexFor.lock() == m_workspace ? m_index : nullptr;
}

// ---- The report

void ReviewSession::requestReport()
{
    if (!m_workspace) {
        m_report.reset();
        m_reportDirty = false;
        emit reportReady();
        return;
    }
    m_reportDirty = false;
    std::shared_ptr<const Workspace> workspace = m_workspace;
    auto annotations = std::make_shared<const Annotations>(m_project ? m_project->annotations() : Annotations());
    auto judges = std::make_shared<const JudgeResults>(m_project ? m_project->judgeResults() : JudgeResults());
    // What the report says of its origin, and the samples it estimates from, are read here, where the project is.
    ScoreReport::Provenance provenance;
    QList<VerificationSample> samples;
    const CorrectionRule rule = m_project ? ReportProvenance::ruleOf(*m_project) : CorrectionRule::Latest;
    if (m_project) {
        provenance = ReportProvenance::of(
            *m_project, QStringLiteral("VLSBench Studio %1").arg(QCoreApplication::applicationVersion()), rule);
        samples = SampleStore::parse(m_project->value(QLatin1String(SampleStore::kKey)));
    }
    // The curated data when asked for: its own copy of the curation, as the annotations have theirs.
    std::shared_ptr<const Curation> curation =
        m_curatedScores && m_project ? std::make_shared<const Curation>(m_project->curation()) : nullptr;
    m_jobs->run<std::shared_ptr<const ScoreReport>>(
        kReport,
        [workspace, annotations, judges, provenance, samples, rule, curation](const JobRunner::Context &) {
            const Workspace scored = curation ? curatedWorkspace(*workspace, *curation) : *workspace;
            ScoreReport report = ScoreReport::build(scored, *annotations, *judges, rule);
            report.provenance = provenance;
            if (curation) {
                report.provenance.data = ReportProvenance::curatedData(*workspace, scored, *curation);
                report.compareWithOriginal(*workspace, scored, *annotations);
            }
            report.addSamples(samples, scored, *annotations);
            return std::make_shared<const ScoreReport>(std::move(report));
        },
        [this](std::shared_ptr<const ScoreReport> report) {
            m_report = std::move(report);
            emit reportReady();
        });
}

void ReviewSession::setCuratedScores(bool curated)
{
    if (curated == m_curatedScores)
        return;
    m_curatedScores = curated;
    m_reportDirty = true;
    requestReport();
}

// ---- The project

void ReviewSession::openProject(const QString &path, const QString &dataset, const QStringList &results,
                                const QString &imageRoot)
{
    FileError probe;
    const bool exists = Project::exists(path, &probe);
    if (!probe.isNull()) { // a team project's database that cannot be reached
        emit message(Channel::Project, Severity::Error, tr("Could not open the project: %1").arg(probe.toString()));
        return;
    }
    if (!exists) {
        // A new project: load what it will be made from, then create it.
        if (m_project)
            closeProject();
        m_createProjectAt = path;
        const QString data = dataset.isEmpty() ? SampleData::directory() : dataset;
        load(data, dataset.isEmpty() && results.isEmpty() ? SampleData::resultFiles() : results, imageRoot, {},
             tr("Opening %1").arg(QFileInfo(data).fileName()));
        return;
    }
    ProjectLocation location;
    QString why;
    ProjectLocation::parse(path, &location, &why);
    const QString absolute = location.isTeam() ? location.address() : QFileInfo(path).absoluteFilePath();
    if ((m_project && m_project->path() == absolute) || (m_pendingProject && m_pendingProject->path() == absolute))
        return; // already open here
    FileError error;
    std::unique_ptr<Project> project = Project::open(path, Project::Access::ReadWrite, &error);
    if (!project) {
        emit message(Channel::Project, Severity::Error, tr("Could not open the project: %1").arg(error.toString()));
        return;
    }
    const ProjectInputs::Plan plan = ProjectInputs::plan(project->inputs(), {dataset, imageRoot, results, {}});
    if (plan.recorded.dataset.isEmpty()) {
        emit message(Channel::Project, Severity::Error, tr("The project %1 records no dataset.").arg(project->name()));
        return;
    }
    // The project is attached once its data has loaded: until then what was open stays open, and no label can
    // reach the project with another dataset's ids.
    m_pendingProject = std::move(project);
    m_resumePending = true;
    if (plan.otherDataset)
        emit message(Channel::Load, Severity::Warning,
                     tr("The project was made for %1; %2 was not opened.").arg(plan.recorded.dataset, dataset));
    // Result files named here join the project's own.
    load(plan.load.dataset, plan.load.results, plan.load.imageRoot, plan.load.runNames,
         tr("Opening %1").arg(QFileInfo(plan.load.dataset).fileName()));
}

bool ReviewSession::createProject(const QString &path, FileError *error)
{
    if (!m_workspace) {
        *error = {path, 0, 0, tr("open a dataset before creating a project")};
        return false;
    }
    std::unique_ptr<Project> project = Project::create(path, {}, error);
    if (!project)
        return false;
    attach(std::move(project));
    recordInputs();
    return true;
}

void ReviewSession::attach(std::unique_ptr<Project> project)
{
    closeProject();
    m_project = std::move(project);
    m_inputChanges.clear();
    connect(m_project.get(), &Project::changed, this, [this](const AnnotationChange &change) {
        m_reportDirty = true;
        emit annotationChanged(change);
    });
    connect(m_project.get(), &Project::curationChanged, this, [this](const AnnotationChange &change) {
        m_reportDirty = true;
        emit curationChanged(change);
    });
    connect(m_project.get(), &Project::undoStateChanged, this, &ReviewSession::undoStateChanged);
    // A team member's change elsewhere: the project has read everything again, and so must every view of it.
    connect(m_project.get(), &Project::reloaded, this, [this] {
        m_reportDirty = true;
        emit projectChanged();
    });
    connect(m_project.get(), &Project::judgmentsChanged, this, [this] {
        // Judgments arrive many times a second during a run: watchers catch up a few times a second.
        if (std::exchange(m_judgeRefreshPending, true))
            return;
        QTimer::singleShot(400, this, [this] {
            m_judgeRefreshPending = false;
            m_reportDirty = true;
            emit judgmentsChanged();
        });
    });
    m_reportDirty = true;
    emit projectChanged();
}

void ReviewSession::closeProject()
{
    if (!m_project)
        return;
    flushNote();
    emit projectClosing();
    m_project.reset();
    m_inputChanges.clear();
    // Hashing and checking for the closed project are of no use.
    m_jobs->cancel(kRecordInputs);
    m_jobs->cancel(kCheckInputs);
    m_reportDirty = true;
    emit projectChanged();
}

bool ReviewSession::saveProjectAs(const QString &path, FileError *error)
{
    if (!m_project)
        return false;
    flushNote();
    if (!m_project->saveAs(path, error))
        return false;
    emit projectChanged(); // the copy may be writable where the original was not
    return true;
}

void ReviewSession::recordInputs()
{
    if (!m_project || m_project->isReadOnly() || !m_workspace)
        return;
    // What is open now, keeping what the project knows of files it recorded before (their hashes stay those of
    // the data the labels were made on).
    QList<qsizetype> unhashed;
    const QList<ProjectInput> wanted = ProjectInputs::reconcile(m_project->inputs(), *m_workspace, &unhashed);
    FileError error;
    for (const Run &run : m_workspace->runs) {
        // Which file a run name stood for, kept even after the run is removed (see addResults).
        const QString key = QStringLiteral("run_file:") + run.name;
        const QString path = QFileInfo(run.filePath).absoluteFilePath();
        if (m_project->value(key) != path)
            m_project->setValue(key, path, &error);
    }
    if (wanted != m_project->inputs() && !m_project->setInputs(wanted, &error)) {
        emit message(Channel::Project, Severity::Error, tr("Not saved: %1").arg(error.toString()));
        return;
    }
    if (unhashed.isEmpty())
        return;
    // Hashing a large result file takes seconds: on a worker, then recorded if nothing changed meanwhile.
    m_jobs->run<QList<ProjectInput>>(
        kRecordInputs,
        [wanted, unhashed](const JobRunner::Context &context) {
            return ProjectInputs::hashed(wanted, unhashed, context.flag());
        },
        [this, wanted](QList<ProjectInput> hashed) {
            if (!m_project || m_project->inputs() != wanted || hashed.isEmpty())
                return;
            FileError error;
            if (!m_project->setInputs(hashed, &error))
                emit message(Channel::Project, Severity::Error, tr("Not saved: %1").arg(error.toString()));
        });
}

void ReviewSession::checkInputs()
{
    if (!m_project)
        return;
    const QList<ProjectInput> recorded = m_project->inputs();
    m_jobs->run<QStringList>(
        kCheckInputs,
        [recorded](const JobRunner::Context &context) { return ProjectInputs::changed(recorded, context.flag()); },
        [this](QStringList changes) {
            if (!m_project)
                return;
            m_inputChanges = std::move(changes);
            emit inputChangesChanged();
        });
}

// ---- Annotating

void ReviewSession::setAnnotator(const QString &name)
{
    flushNote();
    m_annotator = name.trimmed();
    emit annotatorChanged();
}

ReviewSession::Refusal ReviewSession::refusal(qsizetype item, int run) const
{
    if (!m_workspace || item < 0 || item >= m_workspace->dataset.size())
        return Refusal::NoWorkspace;
    if (run >= 0 && (run >= m_workspace->runs.size() || !m_workspace->record(item, run)))
        return Refusal::NoResponse;
    const Item &it = m_workspace->dataset.item(item);
    if (!it.has(ItemField::InstructionId))
        return Refusal::NoId;
    if (!m_workspace->dataset.hasUniqueId(item))
        return Refusal::SharedId;
    if (m_annotator.isEmpty())
        return Refusal::NoAnnotator;
    if (!m_project)
        return Refusal::NoProject;
    if (m_project->isReadOnly())
        return Refusal::ReadOnly;
    return Refusal::None;
}

QString ReviewSession::explain(Refusal refusal, qsizetype item, int run) const
{
    switch (refusal) {
    case Refusal::None:
        return {};
    case Refusal::NoWorkspace:
        return tr("No dataset is open.");
    case Refusal::NoResponse:
        return tr("%1 has no response to this item; there is nothing to label.")
            .arg(m_workspace && run >= 0 && run < m_workspace->runs.size() ? m_workspace->runs[run].name : QString());
    case Refusal::NoId:
        return tr("This item has no instruction_id, so a label could not be tied to it.");
    case Refusal::SharedId:
        return tr("instruction_id %1 is used by several items; a label would be ambiguous.")
            .arg(m_workspace->dataset.item(item).instructionId);
    case Refusal::NoAnnotator:
        return tr("Labels are signed: set an annotator first.");
    case Refusal::NoProject:
        return tr("Labels and flags are kept in a project: create one first (Ctrl+N).");
    case Refusal::ReadOnly:
        return tr("The project is read-only; nothing can be changed.");
    }
    return {};
}

bool ReviewSession::setLabel(qsizetype item, int run, Label label, FileError *error)
{
    if (refusal(item, run) != Refusal::None)
        return false;
    flushNote();
    return m_project->setLabel(m_workspace->dataset.item(item).instructionId, m_workspace->runs[run].name, m_annotator,
                               label, error);
}

bool ReviewSession::setLeak(qsizetype item, LeakVerdict verdict, FileError *error)
{
    if (refusal(item, -1) != Refusal::None)
        return false;
    flushNote();
    return m_project->setLeak(m_workspace->dataset.item(item).instructionId, m_annotator, verdict, error);
}

bool ReviewSession::toggleTag(qsizetype item, int run, const QString &tag, FileError *error)
{
    if (run < 0 || refusal(item, run) != Refusal::None)
        return false;
    flushNote();
    const qint64 id = m_workspace->dataset.item(item).instructionId;
    const QString &runName = m_workspace->runs[run].name;
    return m_project->setTag(id, runName, m_annotator, tag,
                             !m_project->annotations().hasTag(id, runName, m_annotator, tag), error);
}

const Curation &ReviewSession::curation() const
{
    static const Curation none;
    return m_project ? m_project->curation() : none;
}

bool ReviewSession::curate(const QList<qsizetype> &items,
                           const std::function<void(const Item &, QList<AnnotationChange> *)> &make,
                           const QString &reason, FileError *error)
{
    QList<AnnotationChange> step;
    for (qsizetype item : items) {
        if (const Refusal why = refusal(item, -1); why != Refusal::None) {
            *error = {{}, 0, 0, explain(why, item, -1)};
            return false;
        }
        QList<AnnotationChange> changes;
        make(m_workspace->dataset.item(item), &changes);
        for (AnnotationChange &c : changes) {
            c.item = m_workspace->dataset.item(item).instructionId;
            c.annotator = m_annotator;
            if (c.reason.isEmpty())
                c.reason = reason;
            step.append(c);
        }
    }
    if (step.isEmpty())
        return true;
    flushNote();
    return m_project->applyCuration(step, error);
}

namespace {

AnnotationChange fieldChange(const Item &item, ItemField field, const QString &value)
{
    AnnotationChange c;
    c.kind = AnnotationChange::Kind::Field;
    c.field = field;
    // The data file's own value: no edit.
    c.newValue = item.has(field) && item.text(field) == value ? 0 : 1;
    c.newNote = value;
    return c;
}

} // namespace

bool ReviewSession::editItem(qsizetype item, const QMap<ItemField, QString> &values, const QString &reason,
                             FileError *error)
{
    return setItemsFields({item}, values, reason, error);
}

bool ReviewSession::setItemsFields(const QList<qsizetype> &items, const QMap<ItemField, QString> &values,
                                   const QString &reason, FileError *error)
{
    return curate(
        items,
        [&](const Item &it, QList<AnnotationChange> *changes) {
            for (auto v = values.cbegin(); v != values.cend(); ++v)
                changes->append(fieldChange(it, v.key(), v.value()));
        },
        reason, error);
}

bool ReviewSession::setItemsExcluded(const QList<qsizetype> &items, bool excluded, const QString &reason,
                                     FileError *error)
{
    return curate(
        items,
        [&](const Item &, QList<AnnotationChange> *changes) {
            AnnotationChange c;
            c.kind = AnnotationChange::Kind::Exclusion;
            c.newValue = excluded ? 1 : 0;
            c.newNote = excluded ? reason : QString();
            changes->append(c);
        },
        reason, error);
}

bool ReviewSession::setItemsStatus(const QList<qsizetype> &items, CurationStatus status, FileError *error)
{
    return curate(
        items,
        [&](const Item &, QList<AnnotationChange> *changes) {
            AnnotationChange c;
            c.kind = AnnotationChange::Kind::Status;
            c.newValue = int(status);
            changes->append(c);
        },
        {}, error);
}

bool ReviewSession::setItemComment(qsizetype item, const QString &comment, FileError *error)
{
    return curate(
        {item},
        [&](const Item &, QList<AnnotationChange> *changes) {
            AnnotationChange c;
            c.kind = AnnotationChange::Kind::Comment;
            c.newNote = comment;
            changes->append(c);
        },
        {}, error);
}

void ReviewSession::editNote(qsizetype item, int run, const QString &text, bool finished)
{
    const Refusal why = refusal(item, -1);
    if (why != Refusal::None || (run >= 0 && run >= m_workspace->runs.size()))
        return;
    const qint64 id = m_workspace->dataset.item(item).instructionId;
    const QString runName = run >= 0 ? m_workspace->runs[run].name : QString();
    if (m_note.active && (m_note.item != id || m_note.run != runName))
        flushNote();
    m_note = {true, id, runName, text};
    if (finished) {
        flushNote();
        if (m_project)
            m_project->finishNoteEdit(); // the next edit of a note is its own undo step
    } else {
        m_noteTimer->start();
    }
}

void ReviewSession::flushNote()
{
    m_noteTimer->stop();
    if (!m_note.active || !m_project || m_annotator.isEmpty())
        return;
    const PendingNote note = std::exchange(m_note, {});
    FileError error;
    const bool ok = note.run.isEmpty() ? m_project->setLeakNote(note.item, m_annotator, note.text, &error,
                                                                Project::Merge::WhileEditing)
                                       : m_project->setLabelNote(note.item, note.run, m_annotator, note.text, &error,
                                                                 Project::Merge::WhileEditing);
    if (!ok)
        emit message(Channel::Project, Severity::Error, tr("Not saved: %1").arg(error.toString()));
}

bool ReviewSession::undo(AnnotationChange *change, FileError *error)
{
    if (!m_project)
        return false;
    flushNote();
    return m_project->undo(change, error);
}

bool ReviewSession::redo(AnnotationChange *change, FileError *error)
{
    if (!m_project)
        return false;
    flushNote();
    return m_project->redo(change, error);
}

QStringList ReviewSession::runNames() const
{
    QStringList names;
    if (m_workspace) {
        for (const Run &run : m_workspace->runs)
            names.append(run.name);
    }
    return names;
}

QString ReviewSession::progressSummary() const
{
    if (!m_project)
        return m_workspace ? tr("No project: labels need one (Ctrl+N)") : QString();
    if (m_annotator.isEmpty())
        return tr("Annotator not set");
    QStringList runs;
    if (m_workspace) {
        for (qsizetype r = 0; r < m_workspace->runs.size(); ++r) {
            const Run &run = m_workspace->runs[r];
            runs.append(tr("%1 %2/%3")
                            .arg(run.name)
                            .arg(m_project->annotations().labelledCount(run.name, m_annotator))
                            .arg(m_workspace->matches[r].matched));
        }
    }
    return tr("%1 reviewed: %2").arg(m_annotator, runs.join(QStringLiteral(" · "))) +
           (m_project->isReadOnly() ? tr("  ·  read-only") : QString());
}

QString ReviewSession::projectWarning(QString *details) const
{
    details->clear();
    if (!m_project)
        return {};
    QStringList parts;
    if (m_project->isReadOnly())
        parts.append(tr("The project %1 is open read-only: %2 Labels can be read but not changed.")
                         .arg(QFileInfo(m_project->path()).fileName(), m_project->readOnlyReason()));
    if (!m_inputChanges.isEmpty())
        parts.append(tr("Since the project recorded its input files, %1 of them changed or went missing: labels "
                        "may refer to other data.")
                         .arg(m_inputChanges.size()));
    *details = m_inputChanges.join(QLatin1Char('\n'));
    return parts.join(QLatin1Char(' '));
}

// ---- Position

void ReviewSession::savePosition(qsizetype item, int run)
{
    if (!m_project || !m_workspace || item < 0 || item >= m_workspace->dataset.size() || isLoading())
        return;
    FileError error;
    m_project->setValue(QStringLiteral("current_item"), QString::number(m_workspace->dataset.item(item).instructionId),
                        &error);
    if (run >= 0 && run < m_workspace->runs.size())
        m_project->setValue(QStringLiteral("current_run"), m_workspace->runs[run].name, &error);
}

void ReviewSession::resumePosition()
{
    if (!m_project || !m_workspace)
        return;
    bool ok = false;
    const qint64 id = m_project->value(QStringLiteral("current_item")).toLongLong(&ok);
    if (ok)
        emit resumeRequested(id, m_project->value(QStringLiteral("current_run")));
}

// ---- Exchange

bool ReviewSession::importAnnotations(const QString &path, ImportSummary *summary, FileError *error)
{
    if (!m_project || !m_workspace || m_project->isReadOnly())
        return false;
    flushNote();
    AnnotationExchange::File file;
    if (!AnnotationExchange::read(path, &file, error))
        return false;
    QSet<qint64> items;
    QSet<qint64> shared;
    AnnotationExchange::datasetIds(m_workspace->dataset, &items, &shared);
    QStringList runs;
    for (const Run &run : m_workspace->runs)
        runs.append(run.name);
    const AnnotationExchange::Plan plan = AnnotationExchange::plan(file, m_project->annotations(), items, runs, shared);
    const AnnotationExchange::Plan curation =
        AnnotationExchange::planCuration(file, m_project->curation(), items, shared);
    if (!m_project->importChanges(plan.changes, plan.times, error) ||
        !m_project->importCuration(curation.changes, curation.times, error))
        return false;
    *summary = {plan.added + curation.added, plan.updated + curation.updated, plan.unchanged + curation.unchanged,
                plan.skipped + curation.skipped};
    return true;
}

bool ReviewSession::exportAnnotations(const QString &path, FileError *error)
{
    if (!m_project)
        return false;
    flushNote();
    return AtomicFile::write(path, AnnotationExchange::write(m_project->annotations(), &m_project->curation()), error);
}

bool ReviewSession::exportCorrected(int run, const QString &path, FileError *error)
{
    if (!m_project || !m_workspace || run < 0 || run >= m_workspace->runs.size())
        return false;
    flushNote();
    return AtomicFile::write(path,
                             CorrectedResults::write(m_workspace->dataset, m_workspace->runs[run],
                                                     m_workspace->matches[run], m_project->annotations()),
                             error);
}

#pragma once

#include "app/base/fileerror.h"
#include "app/model/annotationchange.h"
#include "app/model/annotations.h"
#include "app/model/workspace.h"
#include "app/project/project.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class JobRunner;
class ScoreReport;
class WordIndex;
class QTimer;

/// One review as the window runs it, without the window: the open workspace and project, the annotator, loading
/// and adding runs in the background, recording and checking the project's input files, the reviewer's saved
/// position, notes saved as they are typed, and the report and search index kept up to date on workers.
/// Everything is driven from the thread it lives on; results come back as signals.
class ReviewSession : public QObject
{
    Q_OBJECT

public:
    /// What a message is for: the load banner or the project banner of a window.
    enum class Channel : quint8 { Load, Project };
    enum class Severity : quint8 { Info, Warning, Error };
    /// Why an annotation cannot be made; None when it can.
    enum class Refusal : quint8 { None, NoWorkspace, NoResponse, NoId, SharedId, NoAnnotator, NoProject, ReadOnly };

    explicit ReviewSession(QObject *parent = nullptr);
    ~ReviewSession() override;

    // ---- The data under review
    const std::shared_ptr<const Workspace> &workspace() const { return m_workspace; }
    /// Opens a dataset and its result files in the background; closes a project made for another dataset.
    void openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot = {});
    /// Adds result files to the open dataset in the background (queued while a load is under way). A run is
    /// named after its file, made unique among the open runs and the runs the project has labels for.
    void addResults(const QStringList &results);
    /// Opens files as a person drops them: a data file (or folder) as the dataset, result files as its runs; with
    /// no data file among them, the result files join the open dataset.
    void openFiles(const QStringList &paths);
    /// Drops run @p run from the workspace (its labels stay in the project, under its name).
    bool removeRun(int run);
    /// The name of the run removeRun() just removed, while it can still be put back; empty otherwise.
    QString removedRunName() const;
    /// Puts the run removeRun() just removed back in its place; false when anything else changed the runs since.
    bool restoreRemovedRun();
    /// The names of the open runs, in workspace order.
    QStringList runNames() const;
    bool isLoading() const;
    /// Asks the load under way to stop; it reports as cancelled and nothing changes.
    void stopLoading();

    // ---- The project
    Project *project() const { return m_project.get(); }
    /// Opens the project at @p path and the inputs it records; result files given here join them. When the
    /// file does not exist, it is created from @p dataset and @p results (or the bundled sample) once loaded.
    void openProject(const QString &path, const QString &dataset = {}, const QStringList &results = {},
                     const QString &imageRoot = {});
    /// Creates a project for the open workspace at @p path and records its inputs.
    bool createProject(const QString &path, FileError *error);
    void closeProject();
    /// Continues in a copy of the project at @p path.
    bool saveProjectAs(const QString &path, FileError *error);
    /// Recorded input files that are missing or changed since the project recorded them, one sentence each.
    QStringList inputChanges() const { return m_inputChanges; }

    // ---- Who annotates, and what
    QString annotator() const { return m_annotator; }
    void setAnnotator(const QString &name);
    /// Whether a label for @p run's response to item @p item (dataset index) can be made now (run -1: a leak flag).
    Refusal refusal(qsizetype item, int run) const;
    /// A sentence for the reviewer about @p refusal for that item and run.
    QString explain(Refusal refusal, qsizetype item, int run) const;
    bool setLabel(qsizetype item, int run, Label label, FileError *error);
    bool setLeak(qsizetype item, LeakVerdict verdict, FileError *error);
    /// Puts the annotator's tag @p tag on @p run's response to item @p item, or takes it off when it is there.
    bool toggleTag(qsizetype item, int run, const QString &tag, FileError *error);
    /// A note being typed: saved a moment after typing pauses, at once when @p finished; all saves of one note
    /// editing are one undo step. Notes on other items or runs are saved first.
    void editNote(qsizetype item, int run, const QString &text, bool finished);
    /// Saves a note still waiting to be saved.
    void flushNote();
    // ---- Curation (project format 5): items' fields in the curated data, exclusions, curation statuses. Items are
    // indexes into the dataset; each call is one transaction and one undo step, however many items it touches.
    /// Sets fields of @p item; a value equal to the data file's gives the field back its file value.
    bool editItem(qsizetype item, const QMap<ItemField, QString> &values, const QString &reason, FileError *error);
    /// Sets fields on several items (move them to a category or sub-category, set their source).
    bool setItemsFields(const QList<qsizetype> &items, const QMap<ItemField, QString> &values, const QString &reason,
                        FileError *error);
    bool setItemsExcluded(const QList<qsizetype> &items, bool excluded, const QString &reason, FileError *error);
    bool setItemsStatus(const QList<qsizetype> &items, CurationStatus status, FileError *error);
    /// The curator's comment on @p item (empty: none), replacing the one before; one undo step.
    bool setItemComment(qsizetype item, const QString &comment, FileError *error);
    /// The project's curation, or an empty one without a project.
    const Curation &curation() const;

    bool undo(AnnotationChange *change, FileError *error);
    bool redo(AnnotationChange *change, FileError *error);

    /// "ana reviewed: run-a 3/63 · run-b 0/63", or what is missing for labelling.
    QString progressSummary() const;
    /// What is wrong with the open project (read-only, inputs changed), in a sentence; @p details lists the
    /// changed inputs. Empty when nothing is.
    QString projectWarning(QString *details) const;

    // ---- Where the reviewer was
    void savePosition(qsizetype item, int run);

    // ---- Exchange
    struct ImportSummary
    {
        qsizetype added = 0;
        qsizetype updated = 0;
        qsizetype unchanged = 0;
        QStringList skipped;
    };
    bool importAnnotations(const QString &path, ImportSummary *summary, FileError *error);
    bool exportAnnotations(const QString &path, FileError *error);
    /// Run @p run in the benchmark's result shape, human labels in place of the judge's.
    bool exportCorrected(int run, const QString &path, FileError *error);

    // ---- Derived data, kept current on workers
    /// The search index of the open workspace, or null while it is being built.
    std::shared_ptr<const WordIndex> searchIndex() const;
    /// The report of the open workspace and project (null until computed); requestReport() brings it up to date.
    std::shared_ptr<const ScoreReport> report() const { return m_report; }
    void requestReport();
    /// Scores of the curated data (edits applied, excluded items out of every denominator) instead of the original.
    void setCuratedScores(bool curated);
    bool curatedScores() const { return m_curatedScores; }
    bool isReportCurrent() const { return !m_reportDirty; }

signals:
    void loadStarted(const QString &what);
    void loadProgress(int done, int total, const QString &step);
    /// A load ended without changing the workspace: @p error is null when it was cancelled.
    void loadFailed(const FileError &error);
    /// A new workspace is open. @p newDataset: another dataset than before (not just runs added or removed).
    void workspaceChanged(bool newDataset, qsizetype previousRuns);
    /// The project is about to close: whoever holds its annotations or judgments lets go of them now.
    void projectClosing();
    /// A project was opened, created, closed or continued in a copy.
    void projectChanged();
    void annotatorChanged();
    /// The project's undo or redo state changed.
    void undoStateChanged();
    /// An annotation was committed.
    void annotationChanged(const AnnotationChange &change);
    /// An item's curation changed (committed); curation() holds the new state.
    void curationChanged(const AnnotationChange &change);
    /// Judgments arrived (batched: a few times a second at most).
    void judgmentsChanged();
    void inputChangesChanged();
    void searchIndexReady();
    void reportReady();
    /// The project recorded a position for the reviewer: item (instruction_id) and run name.
    void resumeRequested(qint64 item, const QString &run);
    /// Something to tell the reviewer.
    void message(ReviewSession::Channel channel, ReviewSession::Severity severity, const QString &text,
                 const QString &details = {});

private:
    void load(const QString &dataset, const QStringList &results, const QString &imageRoot, const QStringList &runNames,
              const QString &what);
    void loadFinished(bool ok, const std::shared_ptr<Workspace> &workspace, const FileError &error);
    void setWorkspace(std::shared_ptr<const Workspace> workspace);
    void attach(std::unique_ptr<Project> project);
    void recordInputs();
    void checkInputs();
    void buildSearchIndex();
    bool curate(const QList<qsizetype> &items, const std::function<void(const Item &, QList<AnnotationChange> *)> &make,
                const QString &reason, FileError *error);
    void resumePosition();

    JobRunner *m_jobs;
    std::shared_ptr<const Workspace> m_workspace;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<Project> m_pendingProject; ///< opened, waiting for its data to load
    QString m_createProjectAt;                 ///< a project to create once the load under way has finished
    bool m_resumePending = false;
    QStringList m_queuedResults; ///< result files added while a load was running
    QString m_annotator;
    QStringList m_inputChanges;
    std::shared_ptr<const WordIndex> m_index;
    std::weak_ptr<const Workspace> m_indexFor;
    std::shared_ptr<const ScoreReport> m_report;
    bool m_reportDirty = true;
    bool m_curatedScores = false;
    bool m_judgeRefreshPending = false;

    struct PendingNote
    {
        bool active = false;
        qint64 item = -1;
        QString run; ///< empty: the item's leak note
        QString text;
    };
    PendingNote m_note;
    QTimer *m_noteTimer;

    struct RemovedRun
    {
        int index = -1;
        Run run;
        RunMatch match;
        const Workspace *workspace = nullptr; ///< the workspace left after removing it
    };
    RemovedRun m_removedRun;
};

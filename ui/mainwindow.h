#pragma once

#include "itemquery.h"
#include "project.h"
#include "scorereport.h"
#include "workspace.h"
#include "workspaceloader.h"

#include <QMainWindow>
#include <QPointer>

#include <atomic>
#include <memory>

class BannerWidget;
class ImageCache;
class WordIndex;
class ItemFilterModel;
class ItemTableModel;
class LabelCellDelegate;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Ui {
class MainWindow;
}

/// The review workspace: filters and the item list on the left, the current item and every run's response
/// on the right. Loading and filtering run on workers; the window only applies their results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a dataset and its result files in the background.
    /// Opens a dataset and its result files in the background; @p imageRoot overrides where images are found.
    void openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot = {});
    /// Adds result files to the open dataset in the background.
    void addResults(const QStringList &results);
    /// Opens dropped files: a data file (or folder) as the dataset, result files as runs (added to the open
    /// dataset when no data file is among them).
    void openFiles(const QStringList &paths);

    bool isLoading() const { return m_loadGeneration != m_finishedGeneration; }
    const std::shared_ptr<const Workspace> &workspace() const { return m_workspace; }
    /// Dataset index of the selected item, or -1.
    qsizetype currentItem() const;
    /// Items the filters let through.
    int visibleItemCount() const;
    /// The runs shown, in the order shown.
    QList<int> shownRuns() const;
    /// True once the word index of the open workspace is built (text search then looks words up).
    bool isSearchIndexReady() const { return m_index && m_indexFor.lock() == m_workspace; }

    /// Opens the project at @p path and the inputs it records. When the file does not exist, it is created from
    /// @p dataset and @p results (or the bundled sample) once they have loaded.
    void openProject(const QString &path, const QString &dataset = {}, const QStringList &results = {},
                     const QString &imageRoot = {});
    /// Creates a project for the open dataset and runs; false (with a message in the banner) when it cannot.
    bool createProject(const QString &path);
    Project *project() const { return m_project.get(); }
    QString annotator() const { return m_annotator; }
    void setAnnotator(const QString &name);
    /// Labels the focused run's response to the current item (Label::Invalid clears the label).
    bool labelCurrent(Label label);
    /// Sets the current item's leak verdict (LeakVerdict::None clears it).
    bool flagCurrent(LeakVerdict verdict);
    /// "Reviewed: run 3/63 · …", as shown in the status bar.
    QString progressText() const;
    QString projectBannerText() const;
    /// Lists the items with responses in one confusion-matrix cell (empty run or annotator: any).
    void showConfusion(const QString &run, const QString &annotator, Label judge, Label human);
    /// Opens one response in the review tab, clearing filters that would hide it.
    void showResponse(qint64 item, const QString &run);
    /// The report the Scores and Agreement tabs show (null until first computed).
    std::shared_ptr<const ScoreReport> scoreReport() const { return m_report; }

signals:
    /// Emitted when a load finishes (successfully or not) and when a filter result has been applied.
    void workspaceChanged();
    void filterApplied();
    void searchIndexReady();
    /// A change to the annotations was committed and is on screen.
    void annotationShown(const AnnotationChange &change);
    /// The Scores and Agreement tabs show a newly computed report.
    void reportReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpActions();
    void setUpAnnotation();
    void loadDataset(const QString &dataset, const QStringList &results, const QString &imageRoot,
                     const QStringList &runNames = {});
    void setProject(std::unique_ptr<Project> project);
    void closeProject();
    bool ensureProject();
    bool ensureAnnotator();
    void projectChanged(const AnnotationChange &change);
    void undoOrRedo(bool redo);
    void showChange(const AnnotationChange &change);
    void syncProjectInputs();
    void checkProjectInputs();
    void resumePosition();
    void savePosition();
    void updateProgress();
    void updateAnnotationActions();
    void saveLabelNote(qsizetype item, int run, const QString &text, bool finished);
    void saveLeakNote(qsizetype item, const QString &text, bool finished);
    void rebuildReviewFilter();
    void newProjectDialog();
    void openProjectDialog();
    void saveProjectAsDialog();
    void importAnnotationsDialog();
    void exportAnnotationsDialog();
    void exportCorrectedDialog();
    void reportProjectError(const FileError &error);
    void scheduleReport();
    /// Every filter back to "all", the review filter to entry @p reviewIndex; signals held back (callers filter).
    void resetFilters(int reviewIndex);
    void computeReport();
    void startLoad(const std::function<bool(Workspace *, FileError *, const WorkspaceLoader::Progress &,
                                            const std::atomic_bool *)> &job,
                   const QString &what);
    void loadFinished(quint64 generation, bool ok, const Workspace &workspace, const FileError &error);
    void applyWorkspace(std::shared_ptr<const Workspace> workspace);
    void showLoadProblems();
    void rebuildFilters();
    void rebuildRunMenu();
    void rebuildRecentMenu();
    void rebuildUnblurredMenu();
    ItemQuery currentQuery() const;
    void scheduleFilter();
    void runFilter();
    void currentRowChanged();
    void moveItem(int delta);
    void moveRun(int delta);
    void updateStatus();
    void showDetails(const QString &details);
    void showShortcuts();
    void openJudgeDialog(bool leakage);
    void removeCurrentRun();
    void openDatasetDialog();
    void addResultsDialog();
    void prefetchAround(int proxyRow);

    Ui::MainWindow *m_ui;
    ItemTableModel *m_model;
    ItemFilterModel *m_filter;
    ImageCache *m_images;
    LabelCellDelegate *m_labelDelegate;
    std::shared_ptr<const Workspace> m_workspace;
    QTimer *m_filterTimer;
    QLabel *m_countLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_loadGeneration = 0;
    quint64 m_finishedGeneration = 0;
    quint64 m_filterGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_filterCancel;
    QStringList m_unblurred; ///< categories whose images open unblurred (AppSettings, cached)
    std::shared_ptr<const WordIndex> m_index;
    std::weak_ptr<const Workspace> m_indexFor; ///< the workspace m_index was built from
    std::shared_ptr<std::atomic_bool> m_indexCancel;
    QStringList m_queuedResults; ///< result files dropped or chosen while a load was running
    QStringList m_labelRunNames; ///< run names behind the label filter's per-run entries
    void buildSearchIndex();

    std::unique_ptr<Project> m_project;
    std::unique_ptr<Project> m_pendingProject; ///< opened, waiting for its data to load
    std::shared_ptr<std::atomic_bool> m_hashCancel;
    QString m_annotator;
    QString m_sessionApiKey; ///< typed in the judge dialog; memory only, for this session
    QPointer<QDialog> m_judgeDialog;
    bool m_judgeRefreshPending = false;
    BannerWidget *m_projectBanner;
    QLabel *m_progressLabel;
    QTimer *m_positionTimer;
    QString m_createProjectAt;  ///< a project to create once the load under way has finished
    bool m_resumePending = false;
    bool m_noteMerge = false;   ///< the next note save continues the previous one (one undo step per note)
    quint64 m_inputsGeneration = 0;

    QStringList m_inputChanges; ///< recorded inputs that changed on disk, for the project banner
    struct PendingNote
    {
        bool active = false;
        bool leak = false;
        qint64 item = -1;
        QString run;
        QString text;
    };
    PendingNote m_pendingNote;
    QTimer *m_noteTimer;
    std::shared_ptr<const ScoreReport> m_report;
    QTimer *m_reportTimer;
    quint64 m_reportGeneration = 0;
    bool m_reportDirty = true;
    void queueNote(bool leak, qint64 item, const QString &run, const QString &text, bool finished);
    void flushNote();
    void updateProjectBanner();
    bool annotatable(qsizetype item);
};

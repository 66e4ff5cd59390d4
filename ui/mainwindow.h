#pragma once

#include "annotationactions.h"

#include "app/model/workspace.h"
#include "app/project/project.h"
#include "app/session/reviewsession.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class BlindReview;
class CurationActions;
class BannerWidget;
class FilterPanel;
class ImageCache;
class ItemFilterModel;
class ItemTableModel;
class JobRunner;
class LayoutMemory;
class SampleActions;
class SavedViewsMenu;
class ListKeys;
class LabelCellDelegate;
class ProjectDialogs;
class ResponseViewActions;
class ViewMenus;
class ScoreReport;
class QActionGroup;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Ui {
class MainWindow;
}

/// The review workspace: filters and the item list on the left, the current item and every run's response
/// on the right, scores and agreement on their own tabs. What is open, the project and every job behind it
/// belong to the ReviewSession; the window shows them and turns keys and clicks into calls on it.
class MainWindow : public QMainWindow, private ReviewCursor
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ReviewSession *session() const { return m_session; }

    /// Opens a dataset and its result files in the background; @p imageRoot overrides where images are found.
    void openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot = {});
    /// Adds result files to the open dataset in the background.
    void addResults(const QStringList &results);
    /// Opens dropped files: a data file (or folder) as the dataset, result files as runs (added to the open
    /// dataset when no data file is among them).
    void openFiles(const QStringList &paths);

    bool isLoading() const { return m_session->isLoading(); }
    const std::shared_ptr<const Workspace> &workspace() const { return m_session->workspace(); }
    /// Dataset index of the selected item, or -1.
    qsizetype currentItem() const;
    /// Items the filters let through.
    int visibleItemCount() const;
    /// The runs shown, in the order shown.
    QList<int> shownRuns() const;
    /// True once the word index of the open workspace is built (text search then looks words up).
    bool isSearchIndexReady() const { return m_session->searchIndex() != nullptr; }

    /// Opens the project at @p path and the inputs it records. When the file does not exist, it is created from
    /// @p dataset and @p results (or the bundled sample) once they have loaded.
    void openProject(const QString &path, const QString &dataset = {}, const QStringList &results = {},
                     const QString &imageRoot = {});
    /// Creates a project for the open dataset and runs; false (with a message in the banner) when it cannot.
    bool createProject(const QString &path);
    Project *project() const { return m_session->project(); }
    QString annotator() const { return m_session->annotator(); }
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
    /// Selects the item with instruction_id @p id, clearing filters that hide it; false when there is none.
    bool goToItem(qint64 id);
    /// The item list as shown (rows, shown columns, order), as CSV; run columns are headed by the run's name.
    QString tableCsv() const;
    /// The report the Scores and Agreement tabs show (null until first computed).
    std::shared_ptr<const ScoreReport> scoreReport() const { return m_session->report(); }

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
    void setUpFilterKeys();
    void updateCorrectionRule();
    /// Shows or hides judge labels in the list, on the item page and in the filters for blind review.
    void applyBlindReview(bool on);
    void setUpAnnotation();
    void connectSession();
    // What the session reports
    void loadStarted(const QString &what);
    void loadFailed(const FileError &error);
    void applyWorkspace(bool newDataset, qsizetype previousRuns);
    void projectChanged();
    void annotationChanged(const AnnotationChange &change);
    void curationChanged(const AnnotationChange &change);
    void showMessage(ReviewSession::Channel channel, ReviewSession::Severity severity, const QString &text,
                     const QString &details);
    // Annotating
    qsizetype cursorItem() const override;
    int cursorRun() const override;
    void advance() override;
    void reveal(const AnnotationChange &change) override;
    void showItem(qint64 id, const QString &run);
    void projectCreated(const QString &path);
    void savePosition();
    void updateProgress();
    void updateAnnotationActions();
    void updateProjectBanner();
    void updateTitle();
    void rebuildReviewFilter();
    void noteEdited(qsizetype item, int run, const QString &text, bool finished);
    // The list and the item
    void showLoadProblems();
    void scheduleFilter();
    void runFilter();
    void scheduleReport();
    void showReport();
    void currentRowChanged();
    void moveItem(int delta);
    void moveRun(int delta);
    void updateStatus();
    void showShortcuts();
    void openJudgeDialog(bool leakage);
    void removeCurrentRun();
    void openDatasetDialog();
    void addResultsDialog();
    void prefetchAround(int proxyRow);
    // The list: going to an item, undoing a run's removal, export, layout and cue phrases (issue #14)
    void setUpListActions();
    void goToItemDialog();
    bool canUndoRunRemoval() const;
    void undoRunRemoval();
    void exportTableCsvDialog();

    Ui::MainWindow *m_ui;
    ReviewSession *m_session;
    JobRunner *m_jobs; ///< the window's own jobs: filtering
    FilterPanel *m_filters;
    ProjectDialogs *m_dialogs;
    AnnotationActions *m_annotate;
    ViewMenus *m_menus;
    ResponseViewActions *m_responseActions = nullptr;
    ItemTableModel *m_model;
    ItemFilterModel *m_filter;
    ImageCache *m_images;
    LabelCellDelegate *m_labelDelegate;
    QTimer *m_filterTimer;
    QTimer *m_positionTimer;
    QTimer *m_reportTimer;
    QLabel *m_countLabel;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    BannerWidget *m_projectBanner;
    bool m_saveFailureShown = false; ///< the project banner shows that a change was not saved
    QString m_sessionApiKey;         ///< typed in the judge dialog; memory only, for this session
    QPointer<QDialog> m_judgeDialog;
    ListKeys *m_listKeys = nullptr;
    LayoutMemory *m_layout = nullptr;
    SavedViewsMenu *m_views = nullptr;
    SampleActions *m_samples = nullptr;
    BlindReview *m_blind = nullptr;
    CurationActions *m_curation = nullptr;
    QActionGroup *m_correctionRules = nullptr;
    bool m_runRemovalLast = false; ///< removing a run is the last undoable thing done
};

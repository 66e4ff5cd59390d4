#pragma once

#include "itemquery.h"
#include "workspace.h"
#include "workspaceloader.h"

#include <QMainWindow>

#include <atomic>
#include <memory>

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

signals:
    /// Emitted when a load finishes (successfully or not) and when a filter result has been applied.
    void workspaceChanged();
    void filterApplied();
    void searchIndexReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setUpActions();
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
};

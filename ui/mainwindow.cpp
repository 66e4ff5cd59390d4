#include "mainwindow.h"

#include "aboutdialog.h"
#include "agreementpage.h"
#include "annotationactions.h"
#include "appsettings.h"
#include "blindreview.h"
#include "curationactions.h"
#include "filterpanel.h"
#include "gallerydialog.h"
#include "itempage.h"
#include "judgedialog.h"
#include "layoutmemory.h"
#include "listkeys.h"
#include "projectdialogs.h"
#include "resources.h"
#include "responseviewactions.h"
#include "sampleactions.h"
#include "savedviewsmenu.h"
#include "scorespage.h"
#include "shortcutsdialog.h"
#include "tablecsv.h"
#include "tagactions.h"
#include "theme.h"
#include "ui_mainwindow.h"
#include "viewmenus.h"

#include "widgets/bannerwidget.h"
#include "widgets/elidedlabel.h"
#include "widgets/imagecache.h"
#include "widgets/imageviewwidget.h"
#include "widgets/itemfiltermodel.h"
#include "widgets/itemtablecolumns.h"
#include "widgets/itemtablemodel.h"
#include "widgets/labelcelldelegate.h"
#include "widgets/responsecolumnwidget.h"

#include "app/report/scorereport.h"
#include "app/search/cuephrases.h"
#include "app/search/itemquery.h"
#include "app/search/leakevidence.h"
#include "app/search/searchterms.h"
#include "app/search/wordindex.h"
#include "app/session/jobrunner.h"
#include "app/session/loadsummary.h"
#include "app/session/reportprovenance.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

// "confirmed …" lines, one per annotation change once it is committed and shown; tests that kill the app
// read them (QT_LOGGING_RULES="vlsbench.annotate.info=true").
Q_LOGGING_CATEGORY(lcAnnotate, "vlsbench.annotate", QtWarningMsg)
// What the list shows after a filter: for end-to-end tests and bug reports ("vlsbench.window.info=true").
Q_LOGGING_CATEGORY(lcWindow, "vlsbench.window", QtWarningMsg)

namespace {

const QString kFilterLane = QStringLiteral("filter");

BannerWidget::Kind bannerKind(ReviewSession::Severity severity)
{
    switch (severity) {
    case ReviewSession::Severity::Info:
        return BannerWidget::Kind::Info;
    case ReviewSession::Severity::Warning:
        return BannerWidget::Kind::Warning;
    case ReviewSession::Severity::Error:
        return BannerWidget::Kind::Error;
    }
    return BannerWidget::Kind::Info;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_session(new ReviewSession(this)), m_jobs(new JobRunner(this)),
      m_model(new ItemTableModel(this)), m_filter(new ItemFilterModel(this)), m_images(new ImageCache(this)),
      m_labelDelegate(new LabelCellDelegate(this)), m_filterTimer(new QTimer(this)), m_positionTimer(new QTimer(this)),
      m_reportTimer(new QTimer(this)), m_countLabel(new ElidedLabel(this)), m_progressLabel(new ElidedLabel(this)),
      m_progress(new QProgressBar(this)), m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_projectBanner(new BannerWidget(this))
{
    m_ui->setupUi(this);
    m_filters = new FilterPanel(m_ui->searchEdit, m_ui->categoryTree, m_ui->sourceCombo, m_ui->labelCombo,
                                m_ui->reviewCombo, m_ui->curationCombo, this);
    m_ui->curationCombo->setEnabled(false); // until a project is open: curation lives in it
    m_dialogs = new ProjectDialogs(m_session, this);
    m_annotate = new AnnotationActions(m_session, m_dialogs, this, this);
    m_menus = new ViewMenus(m_ui->menuRecent, m_ui->menuRuns, m_ui->menuUnblurred, m_ui->itemTable, this);
    connect(m_menus, &ViewMenus::recentChosen, this, [this](const QString &path) { openDataset(path, {}); });
    connect(m_menus, &ViewMenus::runShownChanged, this, &MainWindow::currentRowChanged);
    m_ui->centralLayout->insertWidget(1, m_projectBanner);
    m_projectBanner->hide();
    m_session->setAnnotator(AppSettings::annotator());
    m_filter->setSourceModel(m_model);
    QTableView *table = m_ui->itemTable;
    table->setModel(m_filter);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // the model's own order: instruction_id ascending
    m_ui->itemPage->setImageCache(m_images);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 2);
    m_ui->mainSplitter->setStretchFactor(2, 3);
    m_ui->mainSplitter->setSizes({230, 470, 900});
    m_ui->categoryTree->header()->setStretchLastSection(false);
    m_ui->categoryTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->categoryTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    // Both texts are cut to fit, never the window widened: the count keeps its room, the progress (one entry per
    // run) takes what is left and shows the rest in its tooltip.
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_progressLabel, 1);
    m_progressLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progressLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, m_session, &ReviewSession::stopLoading);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(120);
    connect(m_filterTimer, &QTimer::timeout, this, &MainWindow::runFilter);
    connect(m_filters, &FilterPanel::changed, this, &MainWindow::scheduleFilter);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, table, qOverload<>(&QWidget::setFocus));
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentRowChanged);
    connect(table->horizontalHeader(), &QHeaderView::sectionMoved, this, &MainWindow::currentRowChanged);
    connect(m_ui->itemPage->imageView(), &ImageViewWidget::revealedChanged, m_ui->actionRevealImage,
            &QAction::setChecked);

    connectSession();
    setUpActions();
    setUpAnnotation();
    setUpListActions();
    m_menus->rebuildRecent();
    m_menus->rebuildUnblurred(nullptr);
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                              : QRect(0, 0, 1600, 1000);
        resize(std::min(1600, screen.width()), std::min(1000, screen.height()));
    } else if (!isMaximized() && !isFullScreen()) {
        // A window saved wider or taller than the screen it comes back on is brought back within that screen.
        QScreen *on = QGuiApplication::screenAt(geometry().center());
        if (!on)
            on = QGuiApplication::primaryScreen();
        if (on) {
            const QRect available = on->availableGeometry();
            QRect frame = geometry();
            frame.setSize(frame.size().boundedTo(available.size()));
            frame.moveLeft(std::clamp(frame.left(), available.left(), available.right() + 1 - frame.width()));
            frame.moveTop(std::clamp(frame.top(), available.top(), available.bottom() + 1 - frame.height()));
            setGeometry(frame);
        }
    }
    restoreState(AppSettings::windowState());
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_session->flushNote();
    savePosition();
    // Widgets going away may still report a note's editing as finished; there is nobody left to save it.
    m_ui->itemPage->disconnect(this);
    m_jobs->cancelAll();
    delete m_session; // before the widgets it feeds; it waits for its workers
    m_session = nullptr;
    // Workers hold no pointer to us; they get a moment to finish before teardown, never an unbounded wait.
    QThreadPool::globalInstance()->waitForDone(JobRunner::kQuitGraceMs);
    delete m_ui;
}

void MainWindow::connectSession()
{
    ReviewSession *s = m_session;
    connect(s, &ReviewSession::loadStarted, this, &MainWindow::loadStarted);
    connect(s, &ReviewSession::loadProgress, this, [this](int done, int total, const QString &step) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        if (!step.isEmpty())
            statusBar()->showMessage(tr("Reading %1…").arg(step));
    });
    connect(s, &ReviewSession::loadFailed, this, &MainWindow::loadFailed);
    connect(s, &ReviewSession::workspaceChanged, this, &MainWindow::applyWorkspace);
    connect(s, &ReviewSession::projectClosing, this, [this] {
        m_model->setAnnotations(nullptr, annotator());
        m_model->setCuration(nullptr);
        m_ui->itemPage->setCuration(nullptr);
        m_ui->itemPage->setJudgeResults(nullptr); // while the annotations it may redraw with are still there
        m_ui->itemPage->setAnnotations(nullptr, annotator(), false);
    });
    connect(s, &ReviewSession::projectChanged, this, &MainWindow::projectChanged);
    connect(s, &ReviewSession::annotatorChanged, this, [this] {
        AppSettings::setAnnotator(m_session->annotator());
        projectChanged();
    });
    connect(s, &ReviewSession::undoStateChanged, this, &MainWindow::updateAnnotationActions);
    connect(s, &ReviewSession::annotationChanged, this, &MainWindow::annotationChanged);
    connect(s, &ReviewSession::curationChanged, this, &MainWindow::curationChanged);
    connect(s, &ReviewSession::judgmentsChanged, this, [this] {
        m_ui->itemPage->refreshAnnotations();
        scheduleReport();
        if (m_filters->query(annotator(), m_session->runNames()).review == ItemQuery::ReviewFilter::LeakSuspected)
            scheduleFilter();
    });
    connect(s, &ReviewSession::inputChangesChanged, this, &MainWindow::updateProjectBanner);
    connect(s, &ReviewSession::searchIndexReady, this, &MainWindow::searchIndexReady);
    connect(s, &ReviewSession::reportReady, this, &MainWindow::showReport);
    connect(s, &ReviewSession::resumeRequested, this, [this](qint64 item, const QString &run) { showItem(item, run); });
    connect(s, &ReviewSession::message, this, &MainWindow::showMessage);
    connect(m_dialogs, &ProjectDialogs::status, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_dialogs, &ProjectDialogs::report, this,
            [this](ReviewSession::Severity severity, const QString &text, const QString &details) {
                showMessage(ReviewSession::Channel::Project, severity, text, details);
            });
    connect(m_dialogs, &ProjectDialogs::created, this, &MainWindow::projectCreated);
}

void MainWindow::showMessage(ReviewSession::Channel channel, ReviewSession::Severity severity, const QString &text,
                             const QString &details)
{
    BannerWidget *banner = channel == ReviewSession::Channel::Load ? m_ui->banner : m_projectBanner;
    banner->showMessage(bannerKind(severity), text, details);
}

void MainWindow::setUpActions()
{
    Ui::MainWindow &ui = *m_ui;
    setWindowIcon(QIcon(Resources::applicationIconPath()));
    ui.menuView->addSeparator();
    ui.menuView->addAction(ui.mainToolBar->toggleViewAction());
    ui.actionNextItem->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_Down)});
    ui.actionPreviousItem->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_Up)});
    ui.actionZoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    ui.actionZoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    ui.actionShortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
    ui.actionSearch->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence::Find});
    setUpFilterKeys();
    m_responseActions = new ResponseViewActions(ui.menuView, this, ui.itemPage);
    Theme::addMenu(ui.menuView, this);
    // What the search found is marked in the answers, as they are shown (rendered or raw).
    connect(ui.searchEdit, &QLineEdit::textChanged, ui.itemPage, [page = ui.itemPage](const QString &text) {
        const SearchTerms terms = SearchTerms::parse(text);
        page->setSearchFinder(terms.isEmpty() ? ResponseTextView::HighlightFinder()
                                              : [terms](const QString &shown) { return terms.find(shown); });
    });
    // Every action lives in the window, so its shortcut works wherever the focus is (text fields keep their keys).
    for (QAction *action : findChildren<QAction *>())
        addAction(action);

    connect(ui.actionOpenDataset, &QAction::triggered, this, &MainWindow::openDatasetDialog);
    connect(ui.actionAddResults, &QAction::triggered, this, &MainWindow::addResultsDialog);
    connect(ui.actionRemoveRun, &QAction::triggered, this, &MainWindow::removeCurrentRun);
    connect(ui.actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionNextItem, &QAction::triggered, this, [this] { moveItem(1); });
    connect(ui.actionPreviousItem, &QAction::triggered, this, [this] { moveItem(-1); });
    connect(ui.actionNextRun, &QAction::triggered, this, [this] { moveRun(1); });
    connect(ui.actionPreviousRun, &QAction::triggered, this, [this] { moveRun(-1); });
    connect(ui.actionSearch, &QAction::triggered, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
    ImageViewWidget *image = ui.itemPage->imageView();
    connect(ui.actionRevealImage, &QAction::toggled, image, &ImageViewWidget::setRevealed);
    connect(ui.actionFitImage, &QAction::triggered, image, &ImageViewWidget::fitToView);
    connect(ui.actionActualSize, &QAction::triggered, image, &ImageViewWidget::actualSize);
    connect(ui.actionZoomIn, &QAction::triggered, image, &ImageViewWidget::zoomIn);
    connect(ui.actionZoomOut, &QAction::triggered, image, &ImageViewWidget::zoomOut);
    connect(ui.actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(ui.actionAbout, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}

void MainWindow::setUpFilterKeys()
{
    // Go › Filters: a key for each filter above the list (the search has / and Ctrl+F). A list opens as it gets the
    // focus, so the arrows and Enter choose at once.
    QMenu *filters = m_ui->menuGo->addMenu(tr("&Filters"));
    filters->addAction(m_ui->actionSearch);
    const auto add = [this, filters](const QString &text, QKeyCombination key, QWidget *target) {
        auto *action = filters->addAction(text);
        action->setShortcut(QKeySequence(key));
        connect(action, &QAction::triggered, this, [this, target] {
            m_ui->viewTabs->setCurrentWidget(m_ui->reviewTab);
            target->setFocus(Qt::ShortcutFocusReason);
            if (auto *combo = qobject_cast<QComboBox *>(target); combo && combo->isEnabled())
                combo->showPopup();
        });
    };
    add(tr("By &Category"), Qt::ALT | Qt::Key_C, m_ui->categoryTree);
    add(tr("By &Source"), Qt::ALT | Qt::Key_O, m_ui->sourceCombo);
    add(tr("By Judge &Label"), Qt::ALT | Qt::Key_L, m_ui->labelCombo);
    add(tr("By &Review State"), Qt::ALT | Qt::Key_R, m_ui->reviewCombo);
    add(tr("By Curatio&n State"), Qt::ALT | Qt::Key_N, m_ui->curationCombo);
}

void MainWindow::openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot)
{
    m_session->openDataset(dataset, results, imageRoot);
}

void MainWindow::addResults(const QStringList &results)
{
    m_session->addResults(results);
}

void MainWindow::openProject(const QString &path, const QString &dataset, const QStringList &results,
                             const QString &imageRoot)
{
    m_session->openProject(path, dataset, results, imageRoot);
}

bool MainWindow::createProject(const QString &path)
{
    FileError error;
    if (!m_session->createProject(path, &error)) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                     tr("Could not create the project: %1").arg(error.toString()));
        return false;
    }
    projectCreated(path);
    return true;
}

void MainWindow::projectCreated(const QString &path)
{
    savePosition();
    statusBar()->showMessage(tr("Created the project %1; every label is saved as you make it.").arg(path), 6000);
}

void MainWindow::loadStarted(const QString &what)
{
    m_progress->setRange(0, 0);
    m_progress->setFormat(what);
    m_progress->setTextVisible(true);
    m_progress->show();
    m_cancelButton->show();
    statusBar()->showMessage(what + QStringLiteral("…"));
}

void MainWindow::loadFailed(const FileError &error)
{
    m_progress->hide();
    m_cancelButton->hide();
    statusBar()->clearMessage();
    if (error.isNull())
        m_ui->banner->showMessage(BannerWidget::Kind::Info, tr("Loading was cancelled; nothing changed."));
    else
        m_ui->banner->showMessage(BannerWidget::Kind::Error, tr("Could not open: %1").arg(error.toString()));
    emit workspaceChanged();
}

void MainWindow::applyWorkspace(bool newDataset, qsizetype previousRuns)
{
    m_progress->hide();
    m_cancelButton->hide();
    statusBar()->clearMessage();
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    const qsizetype keepItem = newDataset ? -1 : currentItem();
    if (newDataset)
        m_images->clear();
    m_model->setWorkspace(workspace);
    projectChanged();
    ItemTableColumns::arrange(m_ui->itemTable, int(workspace->runs.size()), int(previousRuns), newDataset,
                              m_labelDelegate);
    m_filters->rebuild(*workspace, &m_session->curation());
    m_menus->rebuildRuns(*workspace);
    m_layout->restoreListOnce();
    m_ui->actionRemoveRun->setEnabled(!workspace->runs.isEmpty());
    m_menus->rebuildUnblurred(workspace.get());
    showLoadProblems();
    m_filter->setAccepted({});
    runFilter();
    const int row = keepItem >= 0 ? m_filter->mapFromSource(m_model->index(m_model->rowOfItem(keepItem), 0)).row() : 0;
    if (m_filter->rowCount() > 0) {
        m_ui->itemTable->setCurrentIndex(m_filter->index(std::max(0, row), 0));
        m_ui->itemTable->setFocus();
    }
    if (m_ui->itemPage->columnCount() > 0 && m_ui->itemPage->currentColumn() < 0)
        m_ui->itemPage->setCurrentColumn(0);
    AppSettings::addRecentDataset(workspace->dataset.filePath());
    m_menus->rebuildRecent();
    scheduleReport();
    updateStatus();
    emit workspaceChanged();
}

void MainWindow::projectChanged()
{
    const Project *project = m_session->project();
    const Annotations *annotations = project ? &project->annotations() : nullptr;
    m_model->setAnnotations(annotations, annotator());
    m_model->setCuration(project ? &project->curation() : nullptr);
    m_ui->itemPage->setCuration(project ? &project->curation() : nullptr);
    m_ui->itemPage->refreshCuration();
    if (m_curation)
        m_curation->update();
    m_ui->curationCombo->setEnabled(project != nullptr); // curation lives in a project
    m_ui->itemPage->setAnnotations(annotations, annotator(), project && !project->isReadOnly());
    m_ui->itemPage->setJudgeResults(project ? &project->judgeResults() : nullptr);
    const QString viewsProblem = m_views->setProject(m_session->project());
    m_samples->reload();
    if (m_blind)
        m_blind->projectChanged();
    updateCorrectionRule();
    updateTitle();
    updateProjectBanner();
    // A warning about the project itself comes first; this one is said when there is none.
    if (!viewsProblem.isEmpty() && !m_projectBanner->isVisibleTo(this))
        m_projectBanner->showMessage(BannerWidget::Kind::Warning,
                                     tr("Some of the project's saved views could not be read: %1.").arg(viewsProblem));
    rebuildReviewFilter();
    updateProgress();
    updateAnnotationActions();
    scheduleReport();
}

void MainWindow::updateTitle()
{
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    if (!workspace)
        return;
    const QString data = QFileInfo(workspace->dataset.filePath()).fileName();
    setWindowTitle(project() ? tr("%1 — %2 — VLSBench Studio").arg(data, project()->name())
                             : tr("%1 — VLSBench Studio").arg(data));
}

void MainWindow::showLoadProblems()
{
    const LoadSummary summary = LoadSummary::of(*workspace());
    if (summary.isEmpty())
        m_ui->banner->hide();
    else
        m_ui->banner->showMessage(summary.hasErrors ? BannerWidget::Kind::Error : BannerWidget::Kind::Warning,
                                  summary.text, summary.details);
}

void MainWindow::scheduleFilter()
{
    m_filterTimer->start();
}

void MainWindow::runFilter()
{
    m_filterTimer->stop();
    const std::shared_ptr<const Workspace> workspace = m_session->workspace();
    if (!workspace)
        return;
    auto apply = [this](QList<bool> accepted, QHash<qsizetype, LeakEvidence> ranking) {
        const qsizetype keep = currentItem();
        statusBar()->clearMessage();
        const bool ranked = !ranking.isEmpty();
        m_filter->setAccepted(std::move(accepted), std::move(ranking));
        // Leak candidates come strongest first: the id column sorts them by their evidence.
        if (ranked)
            m_ui->itemTable->sortByColumn(ItemTableModel::IdColumn, Qt::AscendingOrder);
        int row = keep >= 0 ? m_filter->mapFromSource(m_model->index(m_model->rowOfItem(keep), 0)).row() : -1;
        if (row < 0 && m_filter->rowCount() > 0)
            row = 0;
        if (row >= 0) {
            m_ui->itemTable->setCurrentIndex(m_filter->index(row, 0));
            m_ui->itemTable->scrollTo(m_filter->index(row, 0));
        } else {
            m_ui->itemPage->clear();
        }
        updateStatus();
        if (lcWindow().isInfoEnabled()) {
            QStringList ids;
            for (int r = 0; r < std::min(m_filter->rowCount(), 10); ++r)
                ids.append(QString::number(m_session->workspace()->dataset.item(m_filter->itemAt(r)).instructionId));
            qCInfo(lcWindow).noquote() << QStringLiteral("filter shows %1 of %2 items: %3")
                                              .arg(m_filter->rowCount())
                                              .arg(m_model->rowCount())
                                              .arg(ids.join(QLatin1Char(' ')));
        }
        emit filterApplied();
    };
    ItemQuery query = m_filters->query(annotator(), m_session->runNames());
    if (query.isEmpty()) {
        m_jobs->cancel(kFilterLane); // a filter still on its way is no longer wanted
        apply({}, {});
        return;
    }
    // A search through every response can take a while on a large benchmark: say it is under way.
    if (!query.text.isEmpty())
        statusBar()->showMessage(tr("Searching for “%1”…").arg(query.text));
    std::shared_ptr<const WordIndex> index = m_session->searchIndex();
    // The worker reads its own copy of the annotations: labelling goes on meanwhile.
    const Project *p = project();
    auto annotations = std::make_shared<const Annotations>(p ? p->annotations() : Annotations());
    auto judges = std::make_shared<const JudgeResults>(p ? p->judgeResults() : JudgeResults());
    auto curation = std::make_shared<const Curation>(p ? p->curation() : Curation());
    query.annotations = annotations.get();
    query.judges = judges.get();
    query.curation = curation.get();
    struct Result
    {
        QList<bool> accepted;
        QHash<qsizetype, LeakEvidence> ranking; ///< leak candidates: their evidence, to sort them by
    };
    m_jobs->run<Result>(
        kFilterLane,
        [query, workspace, index, annotations, judges, curation](const JobRunner::Context &context) {
            Result result{query.evaluate(*workspace, context.flag(), index.get()), {}};
            if (query.curationFilter == ItemQuery::CurationFilter::LeakCandidates) {
                for (qsizetype i = 0; i < result.accepted.size(); ++i) {
                    if (result.accepted[i])
                        result.ranking.insert(
                            i, LeakEvidence::of(workspace->dataset.item(i).instructionId, *annotations, judges.get()));
                }
            }
            return result;
        },
        [apply](Result result) { apply(std::move(result.accepted), std::move(result.ranking)); });
}

qsizetype MainWindow::currentItem() const
{
    const QModelIndex index = m_ui->itemTable->currentIndex();
    if (!index.isValid())
        return -1;
    return m_filter->itemAt(index.row());
}

int MainWindow::visibleItemCount() const
{
    return m_filter->rowCount();
}

QList<int> MainWindow::shownRuns() const
{
    return workspace() ? ItemTableColumns::shownRuns(m_ui->itemTable) : QList<int>();
}

void MainWindow::currentRowChanged()
{
    const qsizetype item = currentItem();
    if (item < 0 || !workspace()) {
        m_ui->itemPage->clear();
        updateStatus();
        return;
    }
    const bool revealed = m_menus->opensUnblurred(workspace()->dataset.item(item).category);
    m_ui->itemPage->showItem(workspace(), item, shownRuns(), revealed);
    {
        const QSignalBlocker blocker(m_ui->actionRevealImage);
        m_ui->actionRevealImage->setChecked(revealed);
    }
    prefetchAround(m_ui->itemTable->currentIndex().row());
    m_positionTimer->start();
    updateStatus();
}

void MainWindow::prefetchAround(int proxyRow)
{
    QStringList paths;
    QList<qsizetype> neighbours;
    for (int delta : {1, 2, -1, 3}) {
        const int row = proxyRow + delta;
        if (row < 0 || row >= m_filter->rowCount())
            continue;
        const qsizetype item = m_filter->itemAt(row);
        if (delta == 1 || delta == -1)
            neighbours.append(item);
        const ImagePath::Resolved resolved = workspace()->dataset.resolveImage(workspace()->dataset.item(item));
        if (resolved.status == ImagePath::Status::Ok)
            paths.append(resolved.absolutePath);
    }
    m_images->prefetch(paths);
    m_ui->itemPage->setNeighbours(neighbours);
}

void MainWindow::moveItem(int delta)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const int current = m_ui->itemTable->currentIndex().row();
    const int row = std::clamp(current < 0 ? 0 : current + delta, 0, rows - 1);
    const QModelIndex index = m_filter->index(row, std::max(0, m_ui->itemTable->currentIndex().column()));
    // Leaving the view recentres it, so the next dozen steps move the selection without repainting the list.
    const QRect target = m_ui->itemTable->visualRect(index);
    if (!m_ui->itemTable->viewport()->rect().contains(target))
        m_ui->itemTable->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_ui->itemTable->setCurrentIndex(index);
}

void MainWindow::moveRun(int delta)
{
    const int columns = int(shownRuns().size());
    if (columns == 0)
        return;
    const int current = m_ui->itemPage->currentColumn();
    m_ui->itemPage->setCurrentColumn(std::clamp(current < 0 ? 0 : current + delta, 0, columns - 1));
}

void MainWindow::updateStatus()
{
    if (!workspace()) {
        m_countLabel->setText(tr("No dataset open"));
        return;
    }
    const int row = m_ui->itemTable->currentIndex().row();
    m_countLabel->setText(tr("%1 of %2 items match").arg(m_filter->rowCount()).arg(workspace()->dataset.size()) +
                          (row >= 0 ? tr("  ·  item %1 of %2").arg(row + 1).arg(m_filter->rowCount()) : QString()) +
                          tr("  ·  %n run(s)", nullptr, int(workspace()->runs.size())));
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(findChildren<QAction *>(), this);
    dialog.exec();
}

void MainWindow::removeCurrentRun()
{
    if (!workspace())
        return;
    if (isLoading()) {
        m_ui->banner->showMessage(BannerWidget::Kind::Info, tr("Wait for loading to finish before removing a run."));
        return;
    }
    const int run = m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn());
    if (run < 0 || run >= workspace()->runs.size())
        return;
    const QString name = workspace()->runs[run].name;
    if (QMessageBox::question(this, tr("Remove Run"),
                              tr("Remove the run “%1” from the list? Its labels stay in the project.").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!m_session->removeRun(run))
        return;
    m_runRemovalLast = true;
    updateAnnotationActions();
    m_ui->banner->showMessage(BannerWidget::Kind::Info,
                              tr("Removed the run “%1”. Undo (%2) brings it back.")
                                  .arg(name, m_ui->actionUndo->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::openDatasetDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open VLSBench Dataset"), QString(),
                                                      tr("VLSBench data (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDataset(path, {});
}

void MainWindow::addResultsDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add Result Files"), QString(),
                                                            tr("Result files (*.json *.jsonl);;All files (*)"));
    if (!paths.isEmpty())
        addResults(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->flushNote();
    savePosition();
    m_layout->save(workspace() != nullptr);
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.toLocalFile().isEmpty())
            paths.append(url.toLocalFile());
    }
    event->acceptProposedAction();
    openFiles(paths);
}

void MainWindow::openFiles(const QStringList &paths)
{
    m_session->openFiles(paths);
}

void MainWindow::setUpAnnotation()
{
    Ui::MainWindow &ui = *m_ui;
    ui.actionRedo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (const auto &[action, label] : {std::pair{ui.actionLabelRefusal, Label::Refusal},
                                        {ui.actionLabelWarning, Label::Warning},
                                        {ui.actionLabelUnsafe, Label::Unsafe},
                                        {ui.actionClearLabel, Label::Invalid}})
        connect(action, &QAction::triggered, this, [this, label = label] { labelCurrent(label); });
    for (const auto &[action, verdict] : {std::pair{ui.actionLeaks, LeakVerdict::Leaks},
                                          {ui.actionNoLeak, LeakVerdict::NoLeak},
                                          {ui.actionLeakUnsure, LeakVerdict::Unsure},
                                          {ui.actionClearLeak, LeakVerdict::None}})
        connect(action, &QAction::triggered, this, [this, verdict = verdict] { flagCurrent(verdict); });
    connect(ui.actionEditNote, &QAction::triggered, this, [this] {
        if (ResponseColumnWidget *column = m_ui->itemPage->column(m_ui->itemPage->currentColumn());
            column && column->noteEdit()->isEnabled())
            column->noteEdit()->setFocus(Qt::ShortcutFocusReason);
        else if (!project())
            m_annotate->ensureProject();
    });
    connect(ui.actionEditLeakNote, &QAction::triggered, this, [this] {
        if (m_ui->itemPage->leakNoteEdit()->isEnabled())
            m_ui->itemPage->leakNoteEdit()->setFocus(Qt::ShortcutFocusReason);
        else if (!project())
            m_annotate->ensureProject();
    });
    connect(ui.actionUndo, &QAction::triggered, m_annotate, [this] {
        if (canUndoRunRemoval())
            undoRunRemoval();
        else
            m_annotate->undoOrRedo(false);
    });
    connect(ui.actionRedo, &QAction::triggered, m_annotate, [this] { m_annotate->undoOrRedo(true); });
    ui.actionAdvanceAfterLabel->setChecked(AppSettings::advanceAfterLabel());
    connect(ui.actionAdvanceAfterLabel, &QAction::toggled, this, &AppSettings::setAdvanceAfterLabel);
    connect(ui.actionSetAnnotator, &QAction::triggered, m_annotate, &AnnotationActions::changeAnnotator);
    connect(ui.actionJudgeResponses, &QAction::triggered, this, [this] { openJudgeDialog(false); });
    connect(ui.actionMeasureLeakage, &QAction::triggered, this, [this] { openJudgeDialog(true); });
    connect(ui.actionNewProject, &QAction::triggered, m_dialogs, &ProjectDialogs::newProject);
    connect(ui.actionOpenProject, &QAction::triggered, m_dialogs, &ProjectDialogs::openProject);
    connect(ui.actionSaveProjectAs, &QAction::triggered, m_dialogs, &ProjectDialogs::saveProjectAs);
    connect(ui.actionImportAnnotations, &QAction::triggered, m_dialogs, &ProjectDialogs::importAnnotations);
    connect(ui.actionExportAnnotations, &QAction::triggered, m_dialogs, &ProjectDialogs::exportAnnotations);
    connect(ui.actionExportCorrected, &QAction::triggered, this,
            [this] { m_dialogs->exportCorrected(m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn())); });
    connect(ui.actionRefreshFilters, &QAction::triggered, this, &MainWindow::runFilter);
    connect(ui.itemPage, &ItemPage::labelNoteEdited, this, &MainWindow::noteEdited);
    connect(ui.itemPage, &ItemPage::leakNoteEdited, this,
            [this](qsizetype item, const QString &text, bool finished) { noteEdited(item, -1, text, finished); });
    connect(m_annotate, &AnnotationActions::status, statusBar(), &QStatusBar::showMessage);
    connect(m_annotate, &AnnotationActions::failed, this, [this](const QString &text) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error, text);
        m_saveFailureShown = true;
    });
    auto *tags = new TagActions(m_session, m_annotate, this, ui.menuAnnotate, this); // T then a digit
    connect(tags, &TagActions::status, statusBar(), &QStatusBar::showMessage);
    connect(tags, &TagActions::failed, m_annotate, &AnnotationActions::failed);
    // Q: the next response of the verification sample.
    m_samples = new SampleActions(m_session, this, ui.menuAnnotate, this, [this](qint64 id, const QString &run) {
        if (goToItem(id))
            showItem(id, run);
    });
    connect(m_samples, &SampleActions::status, statusBar(), &QStatusBar::showMessage);
    connect(m_samples, &SampleActions::progressChanged, this, &MainWindow::updateProgress);
    // Curation: items' fields, exclusions and statuses, on the current, selected or filtered items.
    QMenu *curate = new QMenu(tr("Cura&te"), this);
    curate->setObjectName(QStringLiteral("menuCurate"));
    menuBar()->insertMenu(ui.menuJudge->menuAction(), curate);
    CurationActions::Items items;
    items.current = [this] { return currentItem(); };
    items.selected = [this] {
        QList<qsizetype> selected;
        for (const QModelIndex &index : m_ui->itemTable->selectionModel()->selectedRows())
            selected.append(m_filter->itemAt(index.row()));
        std::sort(selected.begin(), selected.end());
        return selected;
    };
    items.filtered = [this] {
        QList<qsizetype> filtered;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            filtered.append(m_filter->itemAt(row));
        return filtered;
    };
    m_curation = new CurationActions(m_session, curate, items, this);
    connect(m_curation, &CurationActions::status, statusBar(), &QStatusBar::showMessage);
    connect(m_curation, &CurationActions::itemRequested, this, [this](qint64 id) { showItem(id, QString()); });
    connect(m_curation, &CurationActions::failed, this,
            [this](const QString &text) { m_ui->banner->showMessage(BannerWidget::Kind::Error, text); });
    // Blind review: judge labels hidden until the annotator has labelled, kept in the project.
    m_blind = new BlindReview(m_session, ui.menuAnnotate, statusBar(), this);
    connect(m_blind, &BlindReview::status, statusBar(), &QStatusBar::showMessage);
    connect(m_blind, &BlindReview::changed, this, &MainWindow::applyBlindReview);
    // The rule corrected figures follow where people disagree, kept in the project.
    QMenu *rules = ui.menuAnnotate->addMenu(tr("Correct&ed Labels"));
    m_correctionRules = new QActionGroup(rules);
    for (const auto &[rule, text] : {std::pair{CorrectionRule::Latest, tr("The Most &Recent Label")},
                                     std::pair{CorrectionRule::Majority, tr("The &Majority's Label")}}) {
        QAction *action = rules->addAction(text);
        action->setCheckable(true);
        action->setData(CorrectedLabel::ruleKey(rule));
        action->setToolTip(CorrectedLabel::ruleText(rule));
        m_correctionRules->addAction(action);
    }
    connect(m_correctionRules, &QActionGroup::triggered, this, [this](QAction *chosen) {
        Project *p = project();
        FileError error;
        if (!p || p->isReadOnly() ||
            !p->setValue(QStringLiteral("corrected_rule"), chosen->data().toString(), &error)) {
            statusBar()->showMessage(!p                ? tr("The rule is kept in a project: open or create one first.")
                                     : p->isReadOnly() ? tr("The project is open read-only.")
                                                       : tr("The rule was not saved: %1").arg(error.toString()),
                                     6000);
            updateCorrectionRule();
            return;
        }
        statusBar()->showMessage(tr("Corrected figures now follow: %1.").arg(chosen->toolTip()), 8000);
        m_session->requestReport();
    });
    connect(ui.itemPage, &ItemPage::currentColumnChanged, m_positionTimer, qOverload<>(&QTimer::start));
    m_positionTimer->setSingleShot(true);
    m_positionTimer->setInterval(800);
    connect(m_positionTimer, &QTimer::timeout, this, &MainWindow::savePosition);
    rebuildReviewFilter();
    updateAnnotationActions();
    updateProgress();

    // Scores and agreement: recomputed on a worker a moment after a change, and only while they are in view.
    connect(ui.actionShowReview, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(0); });
    connect(ui.actionShowScores, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(1); });
    connect(ui.actionShowAgreement, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(2); });
    connect(ui.actionShowTags, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentWidget(m_ui->tagsPage); });
    ui.tagsPage->setSession(m_session); // it recounts as tags change, on its own worker
    connect(ui.tagsPage, &TagsPage::cellActivated, this,
            [this](const QString &run, const QString &tag, const QString &category, const QString &subCategory) {
                if (!workspace())
                    return;
                m_filters->chooseTag(run, tag, category, subCategory);
                m_ui->viewTabs->setCurrentIndex(0);
                runFilter();
                const int runIndex = run.isEmpty() ? -1 : int(m_session->runNames().indexOf(run));
                const int column = runIndex < 0 ? -1 : int(shownRuns().indexOf(runIndex));
                if (column >= 0)
                    m_ui->itemPage->setCurrentColumn(column);
            });
    connect(ui.viewTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index > 0 && !m_session->isReportCurrent())
            m_session->requestReport();
        else if (index == 0)
            m_ui->itemTable->setFocus();
    });
    m_reportTimer->setSingleShot(true);
    m_reportTimer->setInterval(300);
    connect(m_reportTimer, &QTimer::timeout, this, [this] {
        m_ui->scoresPage->setUpdating(true);
        m_ui->agreementPage->setUpdating(true);
        m_session->requestReport();
    });
    connect(ui.scoresPage, &ScoresPage::curatedDataChosen, this, [this](bool curated) {
        m_ui->scoresPage->setUpdating(true);
        m_session->setCuratedScores(curated);
    });
    connect(ui.agreementPage, &AgreementPage::cellActivated, this, &MainWindow::showConfusion);
    connect(ui.agreementPage, &AgreementPage::responseActivated, this, &MainWindow::showResponse);
}

void MainWindow::applyBlindReview(bool on)
{
    m_model->setBlind(on);
    m_ui->itemPage->setBlind(on);
    m_filters->setJudgeFiltersAllowed(!on);
}

void MainWindow::updateCorrectionRule()
{
    const Project *p = project();
    const QString key = CorrectedLabel::ruleKey(p ? ReportProvenance::ruleOf(*p) : CorrectionRule::Latest);
    for (QAction *action : m_correctionRules->actions()) {
        action->setChecked(action->data().toString() == key);
        action->setEnabled(p && !p->isReadOnly());
    }
}

void MainWindow::scheduleReport()
{
    // Recomputed on a worker a moment after a change, and only while the Scores or Agreement tab is in view.
    if (m_ui->viewTabs->currentIndex() > 0)
        m_reportTimer->start();
}

void MainWindow::showReport()
{
    const std::shared_ptr<const ScoreReport> report = m_session->report();
    m_ui->scoresPage->setReport(report);
    m_ui->agreementPage->setReport(report);
    m_ui->scoresPage->setUpdating(false);
    m_ui->agreementPage->setUpdating(false);
    emit reportReady();
}

void MainWindow::showConfusion(const QString &run, const QString &annotator, Label judge, Label human)
{
    if (!workspace())
        return;
    // Empty run or annotator: every run, everyone. The filter follows the run by name, as runs come and go.
    const int runIndex = run.isEmpty() ? -1 : int(m_session->runNames().indexOf(run));
    m_filters->chooseConfusion(runIndex < 0 ? QString() : run, annotator, judge, human);
    m_ui->viewTabs->setCurrentIndex(0);
    runFilter();
    if (runIndex >= 0) {
        const int column = int(shownRuns().indexOf(runIndex));
        if (column >= 0)
            m_ui->itemPage->setCurrentColumn(column);
    }
}

void MainWindow::showResponse(qint64 item, const QString &run)
{
    if (!workspace())
        return;
    m_filters->reset(0);
    runFilter(); // no filter left: applied at once
    m_ui->viewTabs->setCurrentIndex(0);
    showItem(item, run);
}

void MainWindow::updateProjectBanner()
{
    QString details;
    const QString warning = m_session->projectWarning(&details);
    if (warning.isEmpty())
        m_projectBanner->hide();
    else
        m_projectBanner->showMessage(BannerWidget::Kind::Warning, warning, details);
}

QString MainWindow::projectBannerText() const
{
    return m_projectBanner->isVisibleTo(this) ? m_projectBanner->message() : QString();
}

void MainWindow::noteEdited(qsizetype item, int run, const QString &text, bool finished)
{
    m_annotate->noteEdited(item, run, text, finished);
    if (finished) {
        // Enter hands the keys back to the list, so J and K move on again.
        QWidget *focus = QApplication::focusWidget();
        if (!focus || (qobject_cast<QLineEdit *>(focus) && focus != m_ui->searchEdit))
            m_ui->itemTable->setFocus();
    }
}

void MainWindow::setAnnotator(const QString &name)
{
    m_session->setAnnotator(name);
}

bool MainWindow::labelCurrent(Label label)
{
    return m_annotate->label(label, m_ui->actionAdvanceAfterLabel->isChecked());
}

bool MainWindow::flagCurrent(LeakVerdict verdict)
{
    return m_annotate->flag(verdict);
}

qsizetype MainWindow::cursorItem() const
{
    return currentItem();
}

int MainWindow::cursorRun() const
{
    return m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn());
}

void MainWindow::advance()
{
    if (m_ui->itemPage->currentColumn() + 1 < m_ui->itemPage->columnCount()) {
        moveRun(1);
    } else {
        moveItem(1);
        m_ui->itemPage->setCurrentColumn(0);
    }
}

void MainWindow::reveal(const AnnotationChange &change)
{
    showItem(change.item, change.kind != AnnotationChange::Kind::Leak ? change.run : QString());
}

void MainWindow::annotationChanged(const AnnotationChange &change)
{
    m_runRemovalLast = false; // Undo now takes back this change, not the run's removal
    if (std::exchange(m_saveFailureShown, false))
        m_projectBanner->hide(); // saving works again: the last failure no longer describes the project
    m_model->annotationChanged(change.item);
    if (m_ui->reviewCombo->findText(tr("Work by %1").arg(change.annotator)) < 0)
        rebuildReviewFilter(); // a new annotator gets a "Work by" entry
    const qsizetype item = currentItem();
    if (workspace() && item >= 0 && workspace()->dataset.item(item).instructionId == change.item)
        m_ui->itemPage->refreshAnnotations();
    updateProgress();
    scheduleReport();
    qCInfo(lcAnnotate).noquote() << QStringLiteral("confirmed %1 item=%2 run=%3 annotator=%4 value=%5")
                                        .arg(change.kind == AnnotationChange::Kind::Label ? QStringLiteral("label")
                                                                                          : QStringLiteral("leak"))
                                        .arg(change.item)
                                        .arg(change.run, change.annotator)
                                        .arg(change.newValue);
    emit annotationShown(change);
}

void MainWindow::curationChanged(const AnnotationChange &change)
{
    m_runRemovalLast = false;
    m_model->annotationChanged(change.item);
    const qsizetype item = currentItem();
    if (workspace() && item >= 0 && workspace()->dataset.item(item).instructionId == change.item)
        currentRowChanged(); // the item page shows the curated item
    updateProgress();
    scheduleReport();
    // An item that moved to another category or source is counted there.
    if (change.kind == AnnotationChange::Kind::Field && workspace() &&
        (change.field == ItemField::Category || change.field == ItemField::SubCategory ||
         change.field == ItemField::Source))
        m_filters->rebuild(*workspace(), &m_session->curation());
    // Curated values and statuses decide what the curation and category filters let through.
    const ItemQuery query = m_filters->query(annotator(), m_session->runNames());
    if (query.curationFilter != ItemQuery::CurationFilter::Any || !query.category.isEmpty() || !query.source.isEmpty())
        scheduleFilter();
    qCInfo(lcAnnotate).noquote() << QStringLiteral("confirmed curation kind=%1 item=%2 field=%3 annotator=%4 value=%5")
                                        .arg(int(change.kind))
                                        .arg(change.item)
                                        .arg(Item::fieldKey(change.field), change.annotator)
                                        .arg(change.newValue);
}

void MainWindow::showItem(qint64 id, const QString &run)
{
    // Undo can reach back across items: go to the one that changed (and its run), so the change is seen.
    if (!workspace())
        return;
    const qsizetype item = workspace()->dataset.indexOfId(id);
    const QModelIndex source = m_model->index(m_model->rowOfItem(item), 0);
    const QModelIndex row = source.isValid() ? m_filter->mapFromSource(source) : QModelIndex();
    if (!row.isValid()) {
        statusBar()->showMessage(tr("Item %1 is hidden by the filters.").arg(id), 5000);
        return;
    }
    if (row.row() != m_ui->itemTable->currentIndex().row()) {
        m_ui->itemTable->setCurrentIndex(row);
        m_ui->itemTable->scrollTo(row);
    }
    const QList<int> runs = shownRuns();
    for (int column = 0; column < runs.size() && !run.isEmpty(); ++column) {
        if (workspace()->runs[runs[column]].name == run)
            m_ui->itemPage->setCurrentColumn(column);
    }
}

void MainWindow::savePosition()
{
    m_positionTimer->stop();
    m_session->savePosition(currentItem(), m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn()));
}

QString MainWindow::progressText() const
{
    return m_progressLabel->text();
}

void MainWindow::updateProgress()
{
    QStringList parts{m_session->progressSummary()};
    if (const QString sample = m_samples ? m_samples->progressText() : QString(); !sample.isEmpty())
        parts.append(sample);
    // Curation progress, once curation has begun.
    const Curation &curation = m_session->curation();
    if (!curation.isEmpty() && workspace()) {
        const qsizetype n = workspace()->dataset.size();
        parts.append(tr("curation: %1 checked, %2 need a fix, %3 edited, %4 excluded of %5")
                         .arg(curation.statusCount(CurationStatus::Checked, n))
                         .arg(curation.statusCount(CurationStatus::NeedsFix, n))
                         .arg(curation.editedItemCount())
                         .arg(curation.excludedCount())
                         .arg(n));
    }
    parts.removeAll(QString());
    m_progressLabel->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::openJudgeDialog(bool leakage)
{
    if (m_judgeDialog) {
        m_judgeDialog->raise();
        m_judgeDialog->activateWindow();
        return;
    }
    if (!workspace() || !m_annotate->ensureProject())
        return;
    if (project()->isReadOnly()) {
        QMessageBox::information(
            this, tr("Read-only project"),
            tr("Judgments are kept in the project, and this one is read-only: %1").arg(project()->readOnlyReason()));
        return;
    }
    QSet<qint64> filtered;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        filtered.insert(workspace()->dataset.item(m_filter->itemAt(row)).instructionId);
    auto *dialog = new JudgeDialog(leakage ? JudgeDialog::Mode::Leakage : JudgeDialog::Mode::Rubric, project(),
                                   workspace(), filtered, &m_sessionApiKey, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_judgeDialog = dialog;
    dialog->show();
}

void MainWindow::updateAnnotationActions()
{
    const bool writable = project() && !project()->isReadOnly();
    m_ui->actionJudgeResponses->setEnabled(workspace() && !workspace()->runs.isEmpty() &&
                                           !(project() && project()->isReadOnly()));
    m_ui->actionMeasureLeakage->setEnabled(workspace() && !(project() && project()->isReadOnly()));
    m_ui->actionUndo->setEnabled((writable && project()->canUndo()) || canUndoRunRemoval());
    m_ui->actionRedo->setEnabled(writable && project()->canRedo());
    m_ui->actionSaveProjectAs->setEnabled(project() != nullptr);
    m_ui->actionExportAnnotations->setEnabled(project() != nullptr);
    m_ui->actionImportAnnotations->setEnabled(writable && workspace());
    m_ui->actionExportCorrected->setEnabled(project() && workspace() && !workspace()->runs.isEmpty());
    m_ui->actionNewProject->setEnabled(workspace() != nullptr);
}

void MainWindow::rebuildReviewFilter()
{
    if (m_filters->rebuildReview(project()) && workspace())
        scheduleFilter();
}

// ---- The list: going to an item, undoing a run's removal, export, layout and cue phrases

void MainWindow::setUpListActions()
{
    Ui::MainWindow &ui = *m_ui;
    m_listKeys = new ListKeys(ui.itemTable, this);
    // Tab walks the filters, the list and the answers; the list's cells are for the arrow keys.
    ListKeys::chainTabs({ui.searchEdit, ui.categoryTree, ui.sourceCombo, ui.labelCombo, ui.reviewCombo,
                         ui.curationCombo, ui.itemTable, ui.itemPage});
    connect(ui.actionGoToItem, &QAction::triggered, this, &MainWindow::goToItemDialog);
    connect(ui.actionExportTableCsv, &QAction::triggered, this, &MainWindow::exportTableCsvDialog);
    QAction *gallery = ui.menuExport->addAction(tr("&Gallery of Selected Items…"));
    gallery->setObjectName(QStringLiteral("actionExportGallery"));
    gallery->setToolTip(tr("The selected items, or every item in the list, as an HTML or PDF file"));
    connect(gallery, &QAction::triggered, this, [this] {
        const GalleryDialog::Outcome outcome =
            GalleryDialog::exportFromList(this, m_ui->itemTable, m_filter, workspace(), project(), shownRuns());
        if (!outcome.error.isEmpty())
            m_ui->banner->showMessage(BannerWidget::Kind::Error, outcome.error);
        else if (!outcome.message.isEmpty())
            statusBar()->showMessage(outcome.message, 6000);
    });

    CuePhrases::setHighlightingEnabled(AppSettings::highlightCuePhrases());
    ui.actionHighlightCuePhrases->setChecked(CuePhrases::isHighlightingEnabled());
    connect(ui.actionHighlightCuePhrases, &QAction::toggled, this, [this](bool on) {
        AppSettings::setHighlightCuePhrases(on);
        CuePhrases::setHighlightingEnabled(on);
        currentRowChanged(); // the answers are shown again, with or without their marks
    });
    FileError cueError;
    if (!CuePhrases::loadFile(AppSettings::cuePhrasesFile(), &cueError))
        m_ui->banner->showMessage(
            BannerWidget::Kind::Warning,
            tr("The cue phrase lists could not be read; the built-in ones are used. %1").arg(cueError.toString()));

    m_layout = new LayoutMemory({ui.mainSplitter, ui.itemPage->findChild<QSplitter *>(QStringLiteral("pageSplitter")),
                                 ui.viewTabs, ui.menuRuns, ui.searchEdit, ui.categoryTree, ui.sourceCombo,
                                 ui.labelCombo, ui.reviewCombo, ui.itemTable},
                                this);
    m_layout->restoreWindow(this);
    m_views = new SavedViewsMenu(ui.menuView, this, m_layout);
    connect(m_views, &SavedViewsMenu::applied, this, [this](const QString &name) {
        statusBar()->showMessage(name.isEmpty() ? tr("Showing all items.") : tr("Showing the view “%1”.").arg(name),
                                 5000);
    });
}

bool MainWindow::goToItem(qint64 id)
{
    if (!workspace())
        return false;
    const qsizetype item = workspace()->dataset.indexOfId(id);
    if (item < 0) {
        statusBar()->showMessage(tr("There is no item %1.").arg(id), 6000);
        return false;
    }
    const QModelIndex source = m_model->index(m_model->rowOfItem(item), 0);
    bool cleared = false;
    if (!m_filter->mapFromSource(source).isValid()) {
        m_filters->reset(0);
        runFilter(); // no filter left: applied at once
        cleared = true;
    }
    m_ui->viewTabs->setCurrentIndex(0);
    const QModelIndex row = m_filter->mapFromSource(source);
    m_ui->itemTable->setCurrentIndex(m_filter->index(row.row(), std::max(0, m_ui->itemTable->currentIndex().column())));
    m_listKeys->revealCurrent();
    m_ui->itemTable->setFocus();
    statusBar()->showMessage(
        cleared ? tr("Item %1: the filters hid it and were cleared.").arg(id) : tr("Item %1.").arg(id), 6000);
    return true;
}

void MainWindow::goToItemDialog()
{
    if (!workspace())
        return;
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Go to Item"), tr("instruction_id:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1Char('#')))
        digits.remove(0, 1);
    const qint64 id = digits.toLongLong(&ok);
    if (!ok) {
        statusBar()->showMessage(tr("“%1” is not an instruction_id.").arg(text), 6000);
        return;
    }
    goToItem(id);
}

bool MainWindow::canUndoRunRemoval() const
{
    return m_runRemovalLast && !m_session->removedRunName().isEmpty();
}

void MainWindow::undoRunRemoval()
{
    const QString name = m_session->removedRunName();
    m_runRemovalLast = false;
    if (m_session->restoreRemovedRun())
        m_ui->banner->showMessage(BannerWidget::Kind::Info, tr("The run “%1” is back.").arg(name));
    updateAnnotationActions();
}

QString MainWindow::tableCsv() const
{
    if (!workspace())
        return {};
    const std::shared_ptr<const Workspace> shown = workspace();
    // Full texts rather than the cells' shortened ones; runs by name rather than number.
    return TableCsv::format(
        m_ui->itemTable,
        [](const QModelIndex &index) {
            if (index.column() >= ItemTableModel::FirstRunColumn || index.column() == ItemTableModel::IdColumn)
                return index.data(Qt::DisplayRole).toString();
            return index.data(ItemTableModel::SortRole).toString();
        },
        [this, shown](int column) {
            const int run = ItemTableModel::runOfColumn(column);
            return run >= 0 && run < shown->runs.size()
                       ? shown->runs[run].name
                       : m_filter->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        });
}

void MainWindow::exportTableCsvDialog()
{
    if (!workspace())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table as CSV"), QStringLiteral("items.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(tableCsv().toUtf8()) < 0 || !file.commit()) {
        m_ui->banner->showMessage(BannerWidget::Kind::Error,
                                  tr("Could not export the table to %1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Exported %n item(s) to %1.", nullptr, m_filter->rowCount()).arg(path), 6000);
}

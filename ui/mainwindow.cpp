#include "mainwindow.h"

#include "aboutdialog.h"
#include "resources.h"
#include "judgedialog.h"
#include "ui_mainwindow.h"

#include "annotationexchange.h"
#include "appsettings.h"
#include "bannerwidget.h"
#include "imagecache.h"
#include "imageviewwidget.h"
#include "itemfiltermodel.h"
#include "itempage.h"
#include "itemtablemodel.h"
#include "labelcelldelegate.h"
#include "correctedresults.h"
#include "projectinput.h"
#include "responsecolumnwidget.h"
#include "sampledata.h"
#include "shortcutsdialog.h"
#include "agreementpage.h"
#include "labelstyle.h"
#include "scorespage.h"
#include "datasetloader.h"
#include "filehash.h"
#include "wordindex.h"

#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStatusBar>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

// "confirmed …" lines, one per annotation change once it is committed and shown; tests that kill the app
// read them (QT_LOGGING_RULES="vlsbench.annotate.info=true").
Q_LOGGING_CATEGORY(lcAnnotate, "vlsbench.annotate", QtWarningMsg)

namespace {

const QString kProjectSuffix = QStringLiteral(".vlsproj");

constexpr int kCategoryRole = Qt::UserRole;
constexpr int kSubCategoryRole = Qt::UserRole + 1;

// Result files carry responses and labels; a data file does not. Enough of a file to tell them apart.
bool looksLikeResults(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    return head.contains("\"logs\"") || head.contains("\"pred_answer\"") || head.contains("\"safe_label\"") ||
           head.contains("\"judgment\"");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
    , m_model(new ItemTableModel(this))
    , m_filter(new ItemFilterModel(this))
    , m_images(new ImageCache(this))
    , m_labelDelegate(new LabelCellDelegate(this))
    , m_filterTimer(new QTimer(this))
    , m_countLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_projectBanner(new BannerWidget(this))
    , m_progressLabel(new QLabel(this))
    , m_positionTimer(new QTimer(this))
    , m_noteTimer(new QTimer(this))
    , m_reportTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->centralLayout->insertWidget(1, m_projectBanner);
    m_projectBanner->hide();
    m_hashCancel = std::make_shared<std::atomic_bool>(false);
    m_annotator = AppSettings::annotator();
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

    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_progressLabel);
    m_countLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel)
            m_cancel->store(true);
    });

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(120);
    connect(m_filterTimer, &QTimer::timeout, this, &MainWindow::runFilter);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, &MainWindow::scheduleFilter);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, table, qOverload<>(&QWidget::setFocus));
    connect(m_ui->categoryTree, &QTreeWidget::currentItemChanged, this, &MainWindow::scheduleFilter);
    connect(m_ui->sourceCombo, &QComboBox::currentIndexChanged, this, &MainWindow::scheduleFilter);
    connect(m_ui->labelCombo, &QComboBox::currentIndexChanged, this, &MainWindow::scheduleFilter);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentRowChanged);
    connect(table->horizontalHeader(), &QHeaderView::sectionMoved, this, &MainWindow::currentRowChanged);
    connect(m_ui->banner, &BannerWidget::detailsRequested, this, &MainWindow::showDetails);
    connect(m_projectBanner, &BannerWidget::detailsRequested, this, &MainWindow::showDetails);
    connect(m_ui->itemPage->imageView(), &ImageViewWidget::revealedChanged, m_ui->actionRevealImage,
            &QAction::setChecked);

    setUpActions();
    setUpAnnotation();
    rebuildRecentMenu();
    rebuildUnblurredMenu();
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                              : QRect(0, 0, 1600, 1000);
        resize(std::min(1600, screen.width()), std::min(1000, screen.height()));
    }
    restoreState(AppSettings::windowState());
    updateStatus();
}

MainWindow::~MainWindow()
{
    flushNote();
    savePosition();
    // Widgets going away may still report a note's editing as finished; there is nobody left to save it.
    m_ui->itemPage->disconnect(this);
    if (m_cancel)
        m_cancel->store(true);
    if (m_indexCancel)
        m_indexCancel->store(true);
    if (m_filterCancel)
        m_filterCancel->store(true);
    m_hashCancel->store(true);
    QThreadPool::globalInstance()->waitForDone(); // workers hold no pointer to us, but finish before teardown
    delete m_ui;
}

void MainWindow::setUpActions()
{
    Ui::MainWindow &ui = *m_ui;
    setWindowIcon(QIcon(Resources::applicationIconPath()));
    const std::pair<QAction *, const char *> icons[] = {
        {ui.actionOpenDataset, "open-dataset"},   {ui.actionAddResults, "add-results"},
        {ui.actionNewProject, "new-project"},     {ui.actionOpenProject, "open-project"},
        {ui.actionSaveProjectAs, "save-project-as"}, {ui.actionImportAnnotations, "import"},
        {ui.actionExportAnnotations, "export"},   {ui.actionExportCorrected, "export"},
        {ui.actionUndo, "undo"},                  {ui.actionRedo, "redo"},
        {ui.actionRevealImage, "reveal-image"},   {ui.actionFitImage, "fit-image"},
        {ui.actionActualSize, "actual-size"},     {ui.actionZoomIn, "zoom-in"},
        {ui.actionZoomOut, "zoom-out"},           {ui.actionSearch, "search"},
        {ui.actionJudgeResponses, "judge"},       {ui.actionMeasureLeakage, "leakage"},
        {ui.actionLabelRefusal, "label-refusal"}, {ui.actionLabelWarning, "label-warning"},
        {ui.actionLabelUnsafe, "label-unsafe"},   {ui.actionShowScores, "scores"},
        {ui.actionShowAgreement, "agreement"},    {ui.actionShortcuts, "shortcuts"},
        {ui.actionAbout, "about"},
    };
    for (const auto &[action, name] : icons)
        action->setIcon(QIcon(Resources::actionIconPath(QString::fromLatin1(name))));
    ui.menuView->addSeparator();
    ui.menuView->addAction(ui.mainToolBar->toggleViewAction());
    ui.actionNextItem->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_Down)});
    ui.actionPreviousItem->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_Up)});
    ui.actionZoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    ui.actionZoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    ui.actionShortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)});
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

void MainWindow::openDataset(const QString &dataset, const QStringList &results, const QString &imageRoot)
{
    // A project belongs to its dataset: another dataset is reviewed without it until one is made for it.
    if (m_project) {
        const QString name = QFileInfo(m_project->path()).fileName();
        closeProject();
        m_projectBanner->showMessage(BannerWidget::Kind::Info,
                                     tr("Closed the project %1. Create a project (Ctrl+N) to label this dataset.")
                                         .arg(name));
    }
    m_createProjectAt.clear();
    m_pendingProject.reset();
    loadDataset(dataset, results, imageRoot);
}

void MainWindow::loadDataset(const QString &dataset, const QStringList &results, const QString &imageRoot,
                             const QStringList &runNames)
{
    WorkspaceLoader::Request request{dataset, imageRoot, results, runNames};
    startLoad([request](Workspace *workspace, FileError *error, const WorkspaceLoader::Progress &progress,
                        const std::atomic_bool *cancel) {
        return WorkspaceLoader::load(request, workspace, error, progress, cancel);
    },
              tr("Opening %1").arg(QFileInfo(dataset).fileName()));
}

void MainWindow::addResults(const QStringList &results)
{
    if (isLoading()) {
        // Adding to what is open now would drop the load under way: add them once it has finished.
        m_queuedResults.append(results);
        m_ui->banner->showMessage(BannerWidget::Kind::Info,
                                  tr("%n result file(s) will be added when loading has finished.", nullptr,
                                     int(m_queuedResults.size())));
        return;
    }
    if (!m_workspace) {
        m_ui->banner->showMessage(BannerWidget::Kind::Warning, tr("Open a dataset before adding result files."));
        return;
    }
    const Workspace base = *m_workspace; // a cheap copy: the containers share their data
    QStringList names;
    if (m_project) {
        // A run removed earlier keeps its labels under its name: a different file must not inherit them.
        QSet<QString> taken;
        for (const Run &run : base.runs)
            taken.insert(run.name);
        const QSet<QString> annotated = m_project->annotations().runs();
        for (const QString &file : results) {
            const QString stem = QFileInfo(file).completeBaseName();
            const QString path = QFileInfo(file).absoluteFilePath();
            QString name = stem;
            for (int n = 2; taken.contains(name) || (annotated.contains(name) &&
                                                     m_project->value(QStringLiteral("run_file:") + name) != path);
                 ++n)
                name = QStringLiteral("%1 (%2)").arg(stem).arg(n);
            taken.insert(name);
            names.append(name);
        }
    }
    startLoad([base, results, names](Workspace *workspace, FileError *error, const WorkspaceLoader::Progress &progress,
                                     const std::atomic_bool *cancel) {
        *workspace = base;
        return WorkspaceLoader::addRuns(results, workspace, error, progress, cancel, names);
    },
              tr("Adding %n result file(s)", nullptr, int(results.size())));
}

void MainWindow::startLoad(
    const std::function<bool(Workspace *, FileError *, const WorkspaceLoader::Progress &, const std::atomic_bool *)>
        &job,
    const QString &what)
{
    if (m_cancel)
        m_cancel->store(true); // a newer request replaces the running one
    const quint64 generation = ++m_loadGeneration;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_progress->setRange(0, 0);
    m_progress->setFormat(what);
    m_progress->setTextVisible(true);
    m_progress->show();
    m_cancelButton->show();
    statusBar()->showMessage(what + QStringLiteral("…"));

    QPointer<MainWindow> self(this);
    (void)QtConcurrent::run([self, job, generation, cancel] {
        auto workspace = std::make_shared<Workspace>();
        FileError error;
        const auto progress = [self, generation](int done, int total, const QString &step) {
            QMetaObject::invokeMethod(
                self, [self, generation, done, total, step] {
                    if (!self || generation != self->m_loadGeneration)
                        return;
                    self->m_progress->setRange(0, total);
                    self->m_progress->setValue(done);
                    if (!step.isEmpty())
                        self->statusBar()->showMessage(tr("Reading %1…").arg(step));
                },
                Qt::QueuedConnection);
        };
        const bool ok = job(workspace.get(), &error, progress, cancel.get());
        QMetaObject::invokeMethod(
            self, [self, generation, ok, workspace, error] {
                if (self)
                    self->loadFinished(generation, ok, *workspace, error);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::loadFinished(quint64 generation, bool ok, const Workspace &workspace, const FileError &error)
{
    if (generation != m_loadGeneration)
        return; // a newer load replaced this one
    m_finishedGeneration = generation;
    m_progress->hide();
    m_cancelButton->hide();
    statusBar()->clearMessage();
    const QString createAt = std::exchange(m_createProjectAt, {});
    std::unique_ptr<Project> pending = std::move(m_pendingProject);
    if (!ok) {
        m_resumePending = false;
        if (pending)
            m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                         tr("The project %1 was not opened: its data could not be loaded.")
                                             .arg(pending->path()));
        if (!createAt.isEmpty())
            m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                         tr("The project %1 was not created: its data could not be opened.")
                                             .arg(createAt));
        if (error.isNull())
            m_ui->banner->showMessage(BannerWidget::Kind::Info, tr("Loading was cancelled; nothing changed."));
        else
            m_ui->banner->showMessage(BannerWidget::Kind::Error, tr("Could not open: %1").arg(error.toString()));
        emit workspaceChanged();
        return;
    }
    const bool projectOpened = pending != nullptr;
    if (pending)
        setProject(std::move(pending));
    else
        m_resumePending = false;
    applyWorkspace(std::make_shared<const Workspace>(workspace));
    if (projectOpened)
        checkProjectInputs();
    AppSettings::addRecentDataset(workspace.dataset.filePath());
    rebuildRecentMenu();
    if (!createAt.isEmpty())
        createProject(createAt);
    emit workspaceChanged();
    if (!m_queuedResults.isEmpty()) {
        const QStringList queued = std::exchange(m_queuedResults, {});
        addResults(queued);
    }
}

void MainWindow::applyWorkspace(std::shared_ptr<const Workspace> workspace)
{
    const bool newDataset = !m_workspace || m_workspace->dataset.filePath() != workspace->dataset.filePath();
    const qsizetype keepItem = newDataset ? -1 : currentItem();
    const qsizetype previousRuns = newDataset ? 0 : m_workspace->runs.size();
    if (newDataset)
        m_images->clear();
    m_workspace = std::move(workspace);
    m_model->setWorkspace(m_workspace);
    m_model->setAnnotations(m_project ? &m_project->annotations() : nullptr, m_annotator);
    m_ui->itemPage->setAnnotations(m_project ? &m_project->annotations() : nullptr, m_annotator,
                                   m_project && !m_project->isReadOnly());
    m_ui->itemPage->setJudgeResults(m_project ? &m_project->judgeResults() : nullptr);
    setWindowTitle(m_project ? tr("%1 — %2 — VLSBench Studio")
                                   .arg(QFileInfo(m_workspace->dataset.filePath()).fileName(),
                                        QFileInfo(m_project->path()).fileName())
                             : tr("%1 — VLSBench Studio").arg(QFileInfo(m_workspace->dataset.filePath()).fileName()));

    QHeaderView *header = m_ui->itemTable->horizontalHeader();
    header->resizeSection(ItemTableModel::IdColumn, 56);
    header->resizeSection(ItemTableModel::CategoryColumn, 110);
    header->resizeSection(ItemTableModel::SubCategoryColumn, 150);
    header->resizeSection(ItemTableModel::SourceColumn, 90);
    header->resizeSection(ItemTableModel::InstructionColumn, 320);
    // Label cells right after the id, so every run's verdict is visible without scrolling sideways.
    for (int run = 0; run < m_workspace->runs.size(); ++run) {
        const int logical = ItemTableModel::FirstRunColumn + run;
        header->resizeSection(logical, 30);
        m_ui->itemTable->setItemDelegateForColumn(logical, m_labelDelegate);
        // Keep a reviewer's own order of runs; place new ones (and all after a reset) right after the id.
        if (newDataset || run >= previousRuns || header->visualIndex(logical) > ItemTableModel::InstructionColumn + run)
            header->moveSection(header->visualIndex(logical), 1 + run);
    }

    rebuildFilters();
    rebuildRunMenu();
    rebuildUnblurredMenu();
    showLoadProblems();
    buildSearchIndex();
    m_filter->setAccepted({});
    runFilter();
    const int row = keepItem >= 0 ? m_filter->mapFromSource(m_model->index(m_model->rowOfItem(keepItem), 0)).row() : 0;
    if (m_filter->rowCount() > 0) {
        m_ui->itemTable->setCurrentIndex(m_filter->index(std::max(0, row), 0));
        m_ui->itemTable->setFocus();
    }
    if (m_ui->itemPage->columnCount() > 0 && m_ui->itemPage->currentColumn() < 0)
        m_ui->itemPage->setCurrentColumn(0);
    rebuildReviewFilter();
    scheduleReport();
    if (m_project) {
        syncProjectInputs();
        if (std::exchange(m_resumePending, false))
            resumePosition();
    }
    updateProgress();
    updateAnnotationActions();
    updateStatus();
}

void MainWindow::buildSearchIndex()
{
    // Until the index is ready, text search reads every text; afterwards it looks words up.
    std::shared_ptr<const Workspace> workspace = m_workspace;
    QPointer<MainWindow> self(this);
    if (m_indexCancel)
        m_indexCancel->store(true); // the index of a replaced workspace is useless
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_indexCancel = cancel;
    m_index.reset();
    (void)QtConcurrent::run([self, workspace, cancel] {
        auto index = std::make_shared<const WordIndex>(WordIndex::build(*workspace, cancel.get()));
        QMetaObject::invokeMethod(
            self, [self, workspace, index] {
                if (!self || self->m_workspace != workspace || index->isEmpty())
                    return;
                self->m_index = index;
                self->m_indexFor = workspace;
                emit self->searchIndexReady();
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::showLoadProblems()
{
    QStringList parts;
    QStringList details;
    qsizetype notMatched = 0;
    qsizetype invalid = 0;
    for (qsizetype r = 0; r < m_workspace->runs.size(); ++r) {
        const Run &run = m_workspace->runs[r];
        const RunMatch &match = m_workspace->matches[r];
        const qsizetype lost = match.unmatched + match.ambiguous + match.duplicates;
        qsizetype runInvalid = 0;
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            if (match.itemOfRecord[i] >= 0 && !run.records[i].label.isValid())
                ++runInvalid;
        }
        notMatched += lost;
        invalid += runInvalid;
        if (lost || runInvalid)
            details.append(tr("%1: %2 responses, %3 matched, %4 unmatched, %5 ambiguous, %6 duplicates, "
                              "%7 invalid labels")
                               .arg(run.name)
                               .arg(run.records.size())
                               .arg(match.matched)
                               .arg(match.unmatched)
                               .arg(match.ambiguous)
                               .arg(match.duplicates)
                               .arg(runInvalid));
    }
    qsizetype errors = 0;
    for (const Problem &p : m_workspace->problems) {
        errors += p.severity == Problem::Severity::Error;
        details.append(QStringLiteral("%1 [%2] %3").arg(Problem::severityKey(p.severity), p.code, p.message));
    }
    for (const FileError &warning : m_workspace->warnings)
        details.append(warning.toString());
    if (notMatched)
        parts.append(tr("%n response(s) matched no item", nullptr, int(notMatched)));
    if (invalid)
        parts.append(tr("%n judge label(s) invalid", nullptr, int(invalid)));
    const qsizetype warnings = m_workspace->problems.size() - errors;
    if (errors)
        parts.append(tr("%n validation error(s)", nullptr, int(errors)));
    if (warnings)
        parts.append(tr("%n validation warning(s)", nullptr, int(warnings)));
    if (parts.isEmpty()) {
        m_ui->banner->hide();
        return;
    }
    m_ui->banner->showMessage(errors ? BannerWidget::Kind::Error : BannerWidget::Kind::Warning,
                              tr("Loaded %n item(s)", nullptr, int(m_workspace->dataset.size())) +
                                  tr(" and %n run(s): ", nullptr, int(m_workspace->runs.size())) +
                                  parts.join(QStringLiteral(" · ")) + QLatin1Char('.'),
                              details.join(QLatin1Char('\n')));
}

void MainWindow::rebuildFilters()
{
    // What the reviewer had chosen survives adding or removing runs (a run filter follows its run by name).
    const ItemQuery previous = currentQuery();
    const QString previousRunName = previous.run >= 0 && previous.run < m_labelRunNames.size()
                                        ? m_labelRunNames[previous.run]
                                        : QString();
    const Dataset &dataset = m_workspace->dataset;
    QMap<QString, QMap<QString, int>> counts;
    QMap<QString, int> sources;
    for (const Item &item : dataset.items()) {
        ++counts[item.category][item.subCategory];
        if (!item.source.isEmpty())
            ++sources[item.source];
    }
    QSignalBlocker treeBlocker(m_ui->categoryTree);
    m_ui->categoryTree->clear();
    auto *all = new QTreeWidgetItem(m_ui->categoryTree, {tr("All items"), QString::number(dataset.size())});
    for (auto category = counts.cbegin(); category != counts.cend(); ++category) {
        int total = 0;
        for (int n : *category)
            total += n;
        auto *node = new QTreeWidgetItem(all, {category.key(), QString::number(total)});
        node->setData(0, kCategoryRole, category.key());
        for (auto sub = category->cbegin(); sub != category->cend(); ++sub) {
            auto *leaf = new QTreeWidgetItem(node, {sub.key(), QString::number(sub.value())});
            leaf->setData(0, kCategoryRole, category.key());
            leaf->setData(0, kSubCategoryRole, sub.key());
        }
    }
    for (QTreeWidgetItem *node = all; node; node = m_ui->categoryTree->itemBelow(node))
        node->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    all->setExpanded(true);
    m_ui->categoryTree->setCurrentItem(all);
    for (QTreeWidgetItem *node = all; node; node = m_ui->categoryTree->itemBelow(node)) {
        if (!previous.category.isEmpty() && node->data(0, kCategoryRole).toString() == previous.category &&
            node->data(0, kSubCategoryRole).toString() == previous.subCategory) {
            m_ui->categoryTree->setCurrentItem(node);
            break;
        }
    }

    QSignalBlocker sourceBlocker(m_ui->sourceCombo);
    m_ui->sourceCombo->clear();
    m_ui->sourceCombo->addItem(tr("All sources"), QString());
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        m_ui->sourceCombo->addItem(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()), it.key());
    m_ui->sourceCombo->setCurrentIndex(std::max(0, m_ui->sourceCombo->findData(previous.source)));

    using F = ItemQuery::LabelFilter;
    QSignalBlocker labelBlocker(m_ui->labelCombo);
    m_ui->labelCombo->clear();
    auto add = [this](const QString &text, F filter, int run) {
        m_ui->labelCombo->addItem(text, QVariantList{int(filter), run});
    };
    add(tr("Any labels"), F::Any, -1);
    add(tr("Any run unsafe"), F::AnyUnsafe, -1);
    add(tr("Any run invalid"), F::AnyInvalid, -1);
    add(tr("Runs disagree"), F::RunsDisagree, -1);
    m_labelRunNames.clear();
    for (int run = 0; run < m_workspace->runs.size(); ++run) {
        const QString name = m_workspace->runs[run].name;
        m_labelRunNames.append(name);
        add(tr("%1 is unsafe").arg(name), F::RunUnsafe, run);
        add(tr("%1 is invalid").arg(name), F::RunInvalid, run);
        add(tr("%1 has no response").arg(name), F::RunMissing, run);
    }
    const int run = previousRunName.isEmpty() ? -1 : int(m_labelRunNames.indexOf(previousRunName));
    const bool runFilter = previous.run >= 0;
    if (!runFilter || run >= 0)
        m_ui->labelCombo->setCurrentIndex(
            std::max(0, m_ui->labelCombo->findData(QVariantList{int(previous.labelFilter), runFilter ? run : -1})));
}

void MainWindow::rebuildRunMenu()
{
    QMenu *menu = m_ui->menuRuns;
    menu->clear();
    for (int run = 0; run < m_workspace->runs.size(); ++run) {
        QAction *action = menu->addAction(m_workspace->runs[run].name);
        action->setCheckable(true);
        action->setChecked(!m_ui->itemTable->isColumnHidden(ItemTableModel::FirstRunColumn + run));
        connect(action, &QAction::toggled, this, [this, run](bool shown) {
            m_ui->itemTable->setColumnHidden(ItemTableModel::FirstRunColumn + run, !shown);
            currentRowChanged();
        });
    }
    menu->setEnabled(!m_workspace->runs.isEmpty());
    m_ui->actionRemoveRun->setEnabled(!m_workspace->runs.isEmpty());
}

void MainWindow::rebuildRecentMenu()
{
    QMenu *menu = m_ui->menuRecent;
    menu->clear();
    const QStringList recent = AppSettings::recentDatasets();
    for (const QString &path : recent) {
        QAction *action = menu->addAction(path);
        connect(action, &QAction::triggered, this, [this, path] { openDataset(path, {}); });
    }
    menu->setEnabled(!recent.isEmpty());
}

void MainWindow::rebuildUnblurredMenu()
{
    QMenu *menu = m_ui->menuUnblurred;
    menu->clear();
    QStringList categories;
    if (m_workspace) {
        for (const Item &item : m_workspace->dataset.items()) {
            if (!categories.contains(item.category))
                categories.append(item.category);
        }
    }
    categories.sort();
    m_unblurred = AppSettings::unblurredCategories();
    for (const QString &category : std::as_const(categories)) {
        QAction *action = menu->addAction(category);
        action->setCheckable(true);
        action->setChecked(m_unblurred.contains(category));
        connect(action, &QAction::toggled, this, [this, category](bool on) {
            m_unblurred.removeAll(category);
            if (on)
                m_unblurred.append(category);
            AppSettings::setUnblurredCategories(m_unblurred);
        });
    }
    menu->setEnabled(!categories.isEmpty());
}

ItemQuery MainWindow::currentQuery() const
{
    ItemQuery query;
    if (const QTreeWidgetItem *node = m_ui->categoryTree->currentItem()) {
        query.category = node->data(0, kCategoryRole).toString();
        query.subCategory = node->data(0, kSubCategoryRole).toString();
    }
    query.source = m_ui->sourceCombo->currentData().toString();
    query.text = m_ui->searchEdit->text().trimmed();
    const QVariantList label = m_ui->labelCombo->currentData().toList();
    if (label.size() == 2) {
        query.labelFilter = ItemQuery::LabelFilter(label[0].toInt());
        query.run = label[1].toInt();
    }
    const QVariantList review = m_ui->reviewCombo->currentData().toList();
    if (review.size() == 2) {
        query.review = ItemQuery::ReviewFilter(review[0].toInt());
        query.annotator = review[1].toString().isEmpty() ? m_annotator : review[1].toString();
    } else if (review.size() == 5) { // a confusion-matrix cell: an empty annotator means anyone
        query.review = ItemQuery::ReviewFilter(review[0].toInt());
        query.annotator = review[1].toString();
        query.judgeLabel = Label(review[2].toInt());
        query.humanLabel = Label(review[3].toInt());
        query.confusionRun = review[4].toString();
    }
    return query;
}

void MainWindow::scheduleFilter()
{
    m_filterTimer->start();
}

void MainWindow::runFilter()
{
    m_filterTimer->stop();
    if (!m_workspace)
        return;
    if (m_filterCancel)
        m_filterCancel->store(true);
    const quint64 generation = ++m_filterGeneration;
    auto apply = [this, generation](QList<bool> accepted) {
        if (generation != m_filterGeneration)
            return; // a newer filter is on its way
        const qsizetype keep = currentItem();
        statusBar()->clearMessage();
        m_filter->setAccepted(std::move(accepted));
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
        emit filterApplied();
    };
    if (currentQuery().isEmpty()) {
        apply({});
        return;
    }
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_filterCancel = cancel;
    // A search through every response can take a while on a large benchmark: say it is under way.
    if (!currentQuery().text.isEmpty())
        statusBar()->showMessage(tr("Searching for “%1”…").arg(currentQuery().text));
    QPointer<MainWindow> self(this);
    std::shared_ptr<const Workspace> workspace = m_workspace;
    std::shared_ptr<const WordIndex> index = isSearchIndexReady() ? m_index : nullptr;
    // The worker reads its own copy of the annotations: labelling goes on meanwhile.
    auto annotations = std::make_shared<const Annotations>(m_project ? m_project->annotations() : Annotations());
    auto judges = std::make_shared<const JudgeResults>(m_project ? m_project->judgeResults() : JudgeResults());
    ItemQuery query = currentQuery();
    query.annotations = annotations.get();
    query.judges = judges.get();
    (void)QtConcurrent::run([self, query, workspace, index, annotations, judges, cancel, apply] {
        QList<bool> accepted = query.evaluate(*workspace, cancel.get(), index.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            self, [self, apply, accepted] {
                if (self)
                    apply(accepted);
            },
            Qt::QueuedConnection);
    });
}

qsizetype MainWindow::currentItem() const
{
    const QModelIndex index = m_ui->itemTable->currentIndex();
    if (!index.isValid())
        return -1;
    return m_filter->data(index, ItemTableModel::ItemIndexRole).value<qsizetype>();
}

int MainWindow::visibleItemCount() const
{
    return m_filter->rowCount();
}

QList<int> MainWindow::shownRuns() const
{
    QList<int> runs;
    if (!m_workspace)
        return runs;
    const QHeaderView *header = m_ui->itemTable->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= ItemTableModel::FirstRunColumn && !header->isSectionHidden(logical))
            runs.append(ItemTableModel::runOfColumn(logical));
    }
    return runs;
}

void MainWindow::currentRowChanged()
{
    const qsizetype item = currentItem();
    if (item < 0 || !m_workspace) {
        m_ui->itemPage->clear();
        updateStatus();
        return;
    }
    const bool revealed = m_unblurred.contains(m_workspace->dataset.item(item).category);
    m_ui->itemPage->showItem(m_workspace, item, shownRuns(), revealed);
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
        const qsizetype item = m_filter->data(m_filter->index(row, 0), ItemTableModel::ItemIndexRole).value<qsizetype>();
        if (delta == 1 || delta == -1)
            neighbours.append(item);
        const ImagePath::Resolved resolved = m_workspace->dataset.resolveImage(m_workspace->dataset.item(item));
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
    if (!m_workspace) {
        m_countLabel->setText(tr("No dataset open"));
        return;
    }
    const int row = m_ui->itemTable->currentIndex().row();
    m_countLabel->setText(tr("%1 of %2 items match").arg(m_filter->rowCount()).arg(m_workspace->dataset.size()) +
                          (row >= 0 ? tr("  ·  item %1 of %2").arg(row + 1).arg(m_filter->rowCount()) : QString()) +
                          tr("  ·  %n run(s)", nullptr, int(m_workspace->runs.size())));
}

void MainWindow::showDetails(const QString &details)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Load report"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(details, &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(900, 480);
    dialog.exec();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(findChildren<QAction *>(), this);
    dialog.exec();
}

void MainWindow::removeCurrentRun()
{
    if (!m_workspace)
        return;
    if (isLoading()) {
        m_ui->banner->showMessage(BannerWidget::Kind::Info, tr("Wait for loading to finish before removing a run."));
        return;
    }
    const int run = m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn());
    if (run < 0)
        return;
    auto workspace = std::make_shared<Workspace>(*m_workspace);
    workspace->runs.removeAt(run);
    workspace->matches.removeAt(run);
    for (int column = ItemTableModel::FirstRunColumn; column < m_model->columnCount(); ++column)
        m_ui->itemTable->setColumnHidden(column, false);
    applyWorkspace(workspace);
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
    flushNote();
    savePosition();
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
    QString dataset;
    QStringList results;
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir() || !looksLikeResults(path))
            dataset = path;
        else
            results.append(path);
    }
    if (!dataset.isEmpty())
        openDataset(dataset, results);
    else if (!results.isEmpty())
        addResults(results);
}

// ---- Annotation: the project, labels, leak flags, notes, undo ----

void MainWindow::setUpAnnotation()
{
    Ui::MainWindow &ui = *m_ui;
    ui.actionRedo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(ui.actionLabelRefusal, &QAction::triggered, this, [this] { labelCurrent(Label::Refusal); });
    connect(ui.actionLabelWarning, &QAction::triggered, this, [this] { labelCurrent(Label::Warning); });
    connect(ui.actionLabelUnsafe, &QAction::triggered, this, [this] { labelCurrent(Label::Unsafe); });
    connect(ui.actionClearLabel, &QAction::triggered, this, [this] { labelCurrent(Label::Invalid); });
    connect(ui.actionLeaks, &QAction::triggered, this, [this] { flagCurrent(LeakVerdict::Leaks); });
    connect(ui.actionNoLeak, &QAction::triggered, this, [this] { flagCurrent(LeakVerdict::NoLeak); });
    connect(ui.actionLeakUnsure, &QAction::triggered, this, [this] { flagCurrent(LeakVerdict::Unsure); });
    connect(ui.actionClearLeak, &QAction::triggered, this, [this] { flagCurrent(LeakVerdict::None); });
    connect(ui.actionEditNote, &QAction::triggered, this, [this] {
        if (ResponseColumnWidget *column = m_ui->itemPage->column(m_ui->itemPage->currentColumn());
            column && column->noteEdit()->isEnabled())
            column->noteEdit()->setFocus(Qt::ShortcutFocusReason);
        else if (!m_project)
            ensureProject();
    });
    connect(ui.actionEditLeakNote, &QAction::triggered, this, [this] {
        if (m_ui->itemPage->leakNoteEdit()->isEnabled())
            m_ui->itemPage->leakNoteEdit()->setFocus(Qt::ShortcutFocusReason);
        else if (!m_project)
            ensureProject();
    });
    connect(ui.actionUndo, &QAction::triggered, this, [this] { undoOrRedo(false); });
    connect(ui.actionRedo, &QAction::triggered, this, [this] { undoOrRedo(true); });
    ui.actionAdvanceAfterLabel->setChecked(AppSettings::advanceAfterLabel());
    connect(ui.actionAdvanceAfterLabel, &QAction::toggled, this, &AppSettings::setAdvanceAfterLabel);
    connect(ui.actionSetAnnotator, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Annotator"),
                                                   tr("Your name or initials, stored with every label and flag:"),
                                                   QLineEdit::Normal, m_annotator, &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            setAnnotator(name);
    });
    connect(ui.actionJudgeResponses, &QAction::triggered, this, [this] { openJudgeDialog(false); });
    connect(ui.actionMeasureLeakage, &QAction::triggered, this, [this] { openJudgeDialog(true); });
    connect(ui.actionNewProject, &QAction::triggered, this, &MainWindow::newProjectDialog);
    connect(ui.actionOpenProject, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(ui.actionSaveProjectAs, &QAction::triggered, this, &MainWindow::saveProjectAsDialog);
    connect(ui.actionImportAnnotations, &QAction::triggered, this, &MainWindow::importAnnotationsDialog);
    connect(ui.actionExportAnnotations, &QAction::triggered, this, &MainWindow::exportAnnotationsDialog);
    connect(ui.actionExportCorrected, &QAction::triggered, this, &MainWindow::exportCorrectedDialog);
    connect(ui.actionRefreshFilters, &QAction::triggered, this, &MainWindow::runFilter);
    connect(ui.reviewCombo, &QComboBox::currentIndexChanged, this, &MainWindow::scheduleFilter);
    connect(ui.itemPage, &ItemPage::labelNoteEdited, this, &MainWindow::saveLabelNote);
    connect(ui.itemPage, &ItemPage::leakNoteEdited, this, &MainWindow::saveLeakNote);
    connect(ui.itemPage, &ItemPage::currentColumnChanged, m_positionTimer, qOverload<>(&QTimer::start));
    m_positionTimer->setSingleShot(true);
    m_positionTimer->setInterval(800);
    connect(m_positionTimer, &QTimer::timeout, this, &MainWindow::savePosition);
    // Notes are saved a moment after typing pauses, and at once when editing ends.
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(400);
    connect(m_noteTimer, &QTimer::timeout, this, &MainWindow::flushNote);
    rebuildReviewFilter();
    updateAnnotationActions();
    updateProgress();

    // Scores and agreement: recomputed on a worker a moment after a change, and only while they are in view.
    connect(ui.actionShowReview, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(0); });
    connect(ui.actionShowScores, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(1); });
    connect(ui.actionShowAgreement, &QAction::triggered, this, [this] { m_ui->viewTabs->setCurrentIndex(2); });
    connect(ui.viewTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index > 0 && m_reportDirty)
            computeReport();
        else if (index == 0)
            m_ui->itemTable->setFocus();
    });
    m_reportTimer->setSingleShot(true);
    m_reportTimer->setInterval(300);
    connect(m_reportTimer, &QTimer::timeout, this, &MainWindow::computeReport);
    connect(ui.agreementPage, &AgreementPage::cellActivated, this, &MainWindow::showConfusion);
    connect(ui.agreementPage, &AgreementPage::responseActivated, this, &MainWindow::showResponse);
}

void MainWindow::scheduleReport()
{
    m_reportDirty = true;
    if (m_ui->viewTabs->currentIndex() > 0)
        m_reportTimer->start();
}

void MainWindow::computeReport()
{
    m_reportTimer->stop();
    m_reportDirty = false;
    const quint64 generation = ++m_reportGeneration;
    if (!m_workspace) {
        m_report.reset();
        m_ui->scoresPage->setReport(nullptr);
        m_ui->agreementPage->setReport(nullptr);
        return;
    }
    m_ui->scoresPage->setUpdating(true);
    m_ui->agreementPage->setUpdating(true);
    std::shared_ptr<const Workspace> workspace = m_workspace;
    auto annotations = std::make_shared<const Annotations>(m_project ? m_project->annotations() : Annotations());
    auto judges = std::make_shared<const JudgeResults>(m_project ? m_project->judgeResults() : JudgeResults());
    QPointer<MainWindow> self(this);
    (void)QtConcurrent::run([self, workspace, annotations, judges, generation] {
        auto report = std::make_shared<const ScoreReport>(ScoreReport::build(*workspace, *annotations, *judges));
        QMetaObject::invokeMethod(
            self, [self, report, generation] {
                if (!self || generation != self->m_reportGeneration)
                    return; // a newer report is on its way
                self->m_report = report;
                self->m_ui->scoresPage->setReport(report);
                self->m_ui->agreementPage->setReport(report);
                self->m_ui->scoresPage->setUpdating(false);
                self->m_ui->agreementPage->setUpdating(false);
                emit self->reportReady();
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::showConfusion(const QString &run, const QString &annotator, Label judge, Label human)
{
    if (!m_workspace)
        return;
    // Empty run or annotator: every run, everyone. The filter follows the run by name, as runs come and go.
    qsizetype runIndex = -1;
    for (qsizetype r = 0; r < m_workspace->runs.size(); ++r)
        if (!run.isEmpty() && m_workspace->runs[r].name == run)
            runIndex = r;
    const QString who = annotator;
    using F = ItemQuery::ReviewFilter;
    // One entry in the review filter stands for the chosen cell; a newer cell replaces it.
    for (int i = m_ui->reviewCombo->count() - 1; i >= 0; --i)
        if (m_ui->reviewCombo->itemData(i).toList().value(0).toInt() == int(F::Confusion))
            m_ui->reviewCombo->removeItem(i);
    m_ui->reviewCombo->addItem(tr("Judge %1, %2 %3 (%4)")
                                   .arg(LabelStyle::name(judge), who.isEmpty() ? tr("people") : who,
                                        LabelStyle::name(human), runIndex < 0 ? tr("all runs") : run),
                               QVariantList{int(F::Confusion), who, int(judge), int(human), runIndex < 0 ? QString() : run});
    resetFilters(m_ui->reviewCombo->count() - 1); // exactly the cell's responses: the other filters step aside
    m_ui->viewTabs->setCurrentIndex(0);
    runFilter();
    if (runIndex >= 0) {
        const int column = int(shownRuns().indexOf(int(runIndex)));
        if (column >= 0)
            m_ui->itemPage->setCurrentColumn(column);
    }
}

void MainWindow::resetFilters(int reviewIndex)
{
    const QSignalBlocker search(m_ui->searchEdit);
    const QSignalBlocker tree(m_ui->categoryTree);
    const QSignalBlocker source(m_ui->sourceCombo);
    const QSignalBlocker label(m_ui->labelCombo);
    const QSignalBlocker review(m_ui->reviewCombo);
    m_ui->searchEdit->clear();
    if (m_ui->categoryTree->topLevelItemCount() > 0)
        m_ui->categoryTree->setCurrentItem(m_ui->categoryTree->topLevelItem(0));
    m_ui->sourceCombo->setCurrentIndex(0);
    m_ui->labelCombo->setCurrentIndex(0);
    m_ui->reviewCombo->setCurrentIndex(reviewIndex);
}

void MainWindow::showResponse(qint64 item, const QString &run)
{
    if (!m_workspace)
        return;
    resetFilters(0);
    runFilter(); // no filter left: applied at once
    m_ui->viewTabs->setCurrentIndex(0);
    AnnotationChange where;
    where.item = item;
    where.run = run;
    showChange(where);
}

void MainWindow::openProject(const QString &path, const QString &dataset, const QStringList &results,
                             const QString &imageRoot)
{
    if (!QFileInfo::exists(path)) {
        // A new project: load what it will be made from, then create it.
        if (m_project)
            closeProject();
        m_createProjectAt = path;
        loadDataset(dataset.isEmpty() ? SampleData::directory() : dataset,
                    dataset.isEmpty() && results.isEmpty() ? SampleData::resultFiles() : results, imageRoot);
        return;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if ((m_project && m_project->path() == absolute) || (m_pendingProject && m_pendingProject->path() == absolute))
        return; // already open here
    FileError error;
    std::unique_ptr<Project> project = Project::open(path, Project::Access::ReadWrite, &error);
    if (!project) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error, tr("Could not open the project: %1").arg(error.toString()));
        return;
    }
    const ProjectInputs inputs = ProjectInputs::from(project->inputs());
    if (inputs.dataset.isEmpty()) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                     tr("The project %1 records no dataset.").arg(QFileInfo(path).fileName()));
        return;
    }
    // The project is attached once its data has loaded: until then the window still shows what it showed,
    // and no label can reach the project with another dataset's ids.
    m_pendingProject = std::move(project);
    m_resumePending = true;
    QStringList runs = inputs.results;
    QStringList names = inputs.runNames;
    // Result files named on the command line join the project's own.
    for (const QString &result : results) {
        if (!runs.contains(QFileInfo(result).absoluteFilePath())) {
            runs.append(QFileInfo(result).absoluteFilePath());
            names.append(QString());
        }
    }
    if (!dataset.isEmpty() && QFileInfo(DatasetLoader::dataFileFor(dataset)).absoluteFilePath() !=
                                  QFileInfo(inputs.dataset).absoluteFilePath())
        m_ui->banner->showMessage(BannerWidget::Kind::Warning,
                                  tr("The project was made for %1; %2 was not opened.").arg(inputs.dataset, dataset));
    loadDataset(inputs.dataset, runs, inputs.imageRoot, names);
}

bool MainWindow::createProject(const QString &path)
{
    if (!m_workspace) {
        m_projectBanner->showMessage(BannerWidget::Kind::Warning, tr("Open a dataset before creating a project."));
        return false;
    }
    FileError error;
    std::unique_ptr<Project> project = Project::create(path, {}, &error);
    if (!project) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                     tr("Could not create the project: %1").arg(error.toString()));
        return false;
    }
    setProject(std::move(project));
    syncProjectInputs();
    savePosition();
    statusBar()->showMessage(tr("Created the project %1; every label is saved as you make it.").arg(path), 6000);
    return true;
}

void MainWindow::setProject(std::unique_ptr<Project> project)
{
    closeProject();
    m_project = std::move(project);
    m_inputChanges.clear();
    connect(m_project.get(), &Project::changed, this, &MainWindow::projectChanged);
    connect(m_project.get(), &Project::undoStateChanged, this, &MainWindow::updateAnnotationActions);
    connect(m_project.get(), &Project::judgmentsChanged, this, [this] {
        // Judgments arrive many times a second during a run: the window catches up a few times a second.
        if (std::exchange(m_judgeRefreshPending, true))
            return;
        QTimer::singleShot(400, this, [this] {
            m_judgeRefreshPending = false;
            m_ui->itemPage->refreshAnnotations();
            scheduleReport();
            if (currentQuery().review == ItemQuery::ReviewFilter::LeakSuspected)
                scheduleFilter();
        });
    });
    m_model->setAnnotations(&m_project->annotations(), m_annotator);
    m_ui->itemPage->setAnnotations(&m_project->annotations(), m_annotator, !m_project->isReadOnly());
    m_ui->itemPage->setJudgeResults(&m_project->judgeResults());
    if (m_workspace)
        setWindowTitle(tr("%1 — %2 — VLSBench Studio")
                           .arg(QFileInfo(m_workspace->dataset.filePath()).fileName(),
                                QFileInfo(m_project->path()).fileName()));
    updateProjectBanner();
    rebuildReviewFilter();
    updateProgress();
    updateAnnotationActions();
    scheduleReport();
}

void MainWindow::closeProject()
{
    if (!m_project)
        return;
    flushNote();
    savePosition();
    m_model->setAnnotations(nullptr, m_annotator);
    m_ui->itemPage->setAnnotations(nullptr, m_annotator, false);
    m_ui->itemPage->setJudgeResults(nullptr);
    m_project.reset();
    m_inputChanges.clear();
    ++m_inputsGeneration;
    m_hashCancel->store(true); // hashing for the closed project is of no use
    m_hashCancel = std::make_shared<std::atomic_bool>(false);
    m_projectBanner->hide();
    rebuildReviewFilter();
    updateProgress();
    updateAnnotationActions();
    scheduleReport();
}

void MainWindow::updateProjectBanner()
{
    if (!m_project) {
        m_projectBanner->hide();
        return;
    }
    QStringList parts;
    if (m_project->isReadOnly())
        parts.append(tr("The project %1 is open read-only: %2 Labels can be read but not changed.")
                         .arg(QFileInfo(m_project->path()).fileName(), m_project->readOnlyReason()));
    if (!m_inputChanges.isEmpty())
        parts.append(tr("Since the project recorded its input files, %1 of them changed or went missing: labels "
                        "may refer to other data.")
                         .arg(m_inputChanges.size()));
    if (parts.isEmpty()) {
        m_projectBanner->hide();
        return;
    }
    m_projectBanner->showMessage(BannerWidget::Kind::Warning, parts.join(QLatin1Char(' ')),
                                 m_inputChanges.join(QLatin1Char('\n')));
}

QString MainWindow::projectBannerText() const
{
    return m_projectBanner->isVisibleTo(this) ? m_projectBanner->message() : QString();
}

bool MainWindow::ensureAnnotator()
{
    if (!m_annotator.isEmpty())
        return true;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Who is annotating?"),
                              tr("Your name or initials. It is stored with every label and flag you make,\n"
                                 "so that work by several people can be told apart."),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return false;
    setAnnotator(name);
    return true;
}

void MainWindow::setAnnotator(const QString &name)
{
    flushNote();
    m_annotator = name.trimmed();
    AppSettings::setAnnotator(m_annotator);
    m_model->setAnnotations(m_project ? &m_project->annotations() : nullptr, m_annotator);
    m_ui->itemPage->setAnnotations(m_project ? &m_project->annotations() : nullptr, m_annotator,
                                   m_project && !m_project->isReadOnly());
    m_ui->itemPage->setJudgeResults(m_project ? &m_project->judgeResults() : nullptr);
    rebuildReviewFilter();
    updateProgress();
}

bool MainWindow::ensureProject()
{
    if (m_project) {
        if (!m_project->isReadOnly())
            return true;
        statusBar()->showMessage(tr("The project is read-only; nothing can be changed."), 5000);
        return false;
    }
    if (!m_workspace)
        return false;
    const auto answer = QMessageBox::question(
        this, tr("Create a project?"),
        tr("Labels and flags are kept in a project file, saved as you make them. Create one now?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    newProjectDialog();
    return m_project != nullptr;
}

bool MainWindow::annotatable(qsizetype item)
{
    const Item &it = m_workspace->dataset.item(item);
    if (!it.has(ItemField::InstructionId)) {
        statusBar()->showMessage(tr("This item has no instruction_id, so a label could not be tied to it."), 6000);
        return false;
    }
    if (!m_workspace->dataset.hasUniqueId(item)) {
        statusBar()->showMessage(
            tr("instruction_id %1 is used by several items; a label would be ambiguous.").arg(it.instructionId), 6000);
        return false;
    }
    return true;
}

bool MainWindow::labelCurrent(Label label)
{
    const qsizetype item = currentItem();
    const int column = m_ui->itemPage->currentColumn();
    const int run = m_ui->itemPage->runOfColumn(column);
    if (!m_workspace || item < 0 || run < 0)
        return false;
    if (!m_workspace->record(item, run)) {
        statusBar()->showMessage(tr("%1 has no response to this item; there is nothing to label.")
                                     .arg(m_workspace->runs[run].name),
                                 5000);
        return false;
    }
    if (!annotatable(item) || !ensureAnnotator() || !ensureProject())
        return false;
    flushNote();
    FileError error;
    if (!m_project->setLabel(m_workspace->dataset.item(item).instructionId, m_workspace->runs[run].name, m_annotator,
                             label, &error)) {
        reportProjectError(error);
        return false;
    }
    if (label != Label::Invalid && m_ui->actionAdvanceAfterLabel->isChecked()) {
        if (column + 1 < m_ui->itemPage->columnCount()) {
            moveRun(1);
        } else {
            moveItem(1);
            m_ui->itemPage->setCurrentColumn(0);
        }
    }
    return true;
}

bool MainWindow::flagCurrent(LeakVerdict verdict)
{
    const qsizetype item = currentItem();
    if (!m_workspace || item < 0 || !annotatable(item) || !ensureAnnotator() || !ensureProject())
        return false;
    flushNote();
    FileError error;
    if (!m_project->setLeak(m_workspace->dataset.item(item).instructionId, m_annotator, verdict, &error)) {
        reportProjectError(error);
        return false;
    }
    return true;
}

void MainWindow::saveLabelNote(qsizetype item, int run, const QString &text, bool finished)
{
    if (!m_project || !m_workspace || item < 0 || item >= m_workspace->dataset.size() || run < 0 ||
        run >= m_workspace->runs.size() || !annotatable(item))
        return;
    queueNote(false, m_workspace->dataset.item(item).instructionId, m_workspace->runs[run].name, text, finished);
}

void MainWindow::saveLeakNote(qsizetype item, const QString &text, bool finished)
{
    if (!m_project || !m_workspace || item < 0 || item >= m_workspace->dataset.size() || !annotatable(item))
        return;
    queueNote(true, m_workspace->dataset.item(item).instructionId, QString(), text, finished);
}

void MainWindow::queueNote(bool leak, qint64 item, const QString &run, const QString &text, bool finished)
{
    if (m_pendingNote.active && (m_pendingNote.leak != leak || m_pendingNote.item != item || m_pendingNote.run != run))
        flushNote();
    // Notes are signed like labels: ask once, when the first note is typed (never while closing).
    if (m_annotator.isEmpty() && !ensureAnnotator()) {
        statusBar()->showMessage(tr("A note needs an annotator name; it was not saved."), 6000);
        return;
    }
    m_pendingNote = {true, leak, item, run, text};
    if (finished) {
        flushNote();
        m_noteMerge = false; // the next edit of a note is its own undo step
        // Enter hands the keys back to the list, so J and K move on again.
        QWidget *focus = QApplication::focusWidget();
        if (!focus || (qobject_cast<QLineEdit *>(focus) && focus != m_ui->searchEdit))
            m_ui->itemTable->setFocus();
    } else {
        m_noteTimer->start();
    }
}

void MainWindow::flushNote()
{
    m_noteTimer->stop();
    if (!m_pendingNote.active || !m_project)
        return;
    if (m_annotator.isEmpty())
        return; // queueNote asked for a name; without one there is nothing to sign the note with
    const PendingNote note = std::exchange(m_pendingNote, {});
    FileError error;
    const Project::Merge merge = m_noteMerge ? Project::Merge::WithPrevious : Project::Merge::Separate;
    const bool ok = note.leak ? m_project->setLeakNote(note.item, m_annotator, note.text, &error, merge)
                              : m_project->setLabelNote(note.item, note.run, m_annotator, note.text, &error, merge);
    if (!ok)
        reportProjectError(error);
    m_noteMerge = ok;
}

void MainWindow::projectChanged(const AnnotationChange &change)
{
    m_model->annotationChanged(change.item);
    using F = ItemQuery::ReviewFilter;
    if (m_ui->reviewCombo->findData(QVariantList{int(F::ByAnnotator), change.annotator}) < 0)
        rebuildReviewFilter(); // a new annotator gets a "Work by" entry
    const qsizetype item = currentItem();
    if (m_workspace && item >= 0 && m_workspace->dataset.item(item).instructionId == change.item)
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

void MainWindow::undoOrRedo(bool redo)
{
    if (!m_project)
        return;
    flushNote();
    AnnotationChange change;
    FileError error;
    const bool ok = redo ? m_project->redo(&change, &error) : m_project->undo(&change, &error);
    if (!ok) {
        if (!error.isNull())
            reportProjectError(error);
        return;
    }
    showChange(change);
    const QString what = change.kind == AnnotationChange::Kind::Label
                             ? tr("the label of item %1 in %2").arg(change.item).arg(change.run)
                             : tr("the leak flag of item %1").arg(change.item);
    statusBar()->showMessage(redo ? tr("Redid %1.").arg(what) : tr("Undid %1.").arg(what), 5000);
}

void MainWindow::showChange(const AnnotationChange &change)
{
    // Undo can reach back across items: go to the one that changed, so the change is seen.
    if (!m_workspace)
        return;
    const qsizetype item = m_workspace->dataset.indexOfId(change.item);
    const QModelIndex source = m_model->index(m_model->rowOfItem(item), 0);
    const QModelIndex row = source.isValid() ? m_filter->mapFromSource(source) : QModelIndex();
    if (!row.isValid()) {
        statusBar()->showMessage(tr("Item %1 is hidden by the filters.").arg(change.item), 5000);
        return;
    }
    if (row.row() != m_ui->itemTable->currentIndex().row()) {
        m_ui->itemTable->setCurrentIndex(row);
        m_ui->itemTable->scrollTo(row);
    }
    if (change.kind == AnnotationChange::Kind::Label) {
        const QList<int> runs = shownRuns();
        for (int column = 0; column < runs.size(); ++column) {
            if (m_workspace->runs[runs[column]].name == change.run)
                m_ui->itemPage->setCurrentColumn(column);
        }
    }
}

void MainWindow::syncProjectInputs()
{
    if (!m_project || m_project->isReadOnly() || !m_workspace)
        return;
    // What the window has open now, keeping what the project knows of files it recorded before (their hashes
    // stay those of the data the labels were made on).
    const QList<ProjectInput> recorded = m_project->inputs();
    QList<ProjectInput> wanted;
    QList<qsizetype> unhashed;
    auto add = [&](ProjectInput::Role role, const QString &path, const QString &runName) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        for (const ProjectInput &input : recorded) {
            if (input.role == role && input.path == absolute) {
                ProjectInput kept = input;
                kept.runName = runName;
                wanted.append(kept);
                return;
            }
        }
        if (role != ProjectInput::Role::Images)
            unhashed.append(wanted.size());
        wanted.append({role, absolute, runName, {}, QFileInfo(path).size()});
    };
    const Dataset &dataset = m_workspace->dataset;
    add(ProjectInput::Role::Dataset, dataset.filePath(), {});
    if (QDir::cleanPath(dataset.imageRoot()) != QDir::cleanPath(QFileInfo(dataset.filePath()).absolutePath()))
        add(ProjectInput::Role::Images, dataset.imageRoot(), {});
    FileError error;
    for (const Run &run : m_workspace->runs) {
        add(ProjectInput::Role::Results, run.filePath, run.name);
        // Which file a run name stood for, kept even after the run is removed (see addResults).
        const QString key = QStringLiteral("run_file:") + run.name;
        const QString path = QFileInfo(run.filePath).absoluteFilePath();
        if (m_project->value(key) != path)
            m_project->setValue(key, path, &error);
    }
    if (wanted != recorded && !m_project->setInputs(wanted, &error)) {
        reportProjectError(error);
        return;
    }
    if (unhashed.isEmpty())
        return;
    // Hashing a large result file takes seconds: on a worker, then recorded if nothing changed meanwhile.
    const quint64 generation = ++m_inputsGeneration;
    QPointer<MainWindow> self(this);
    std::shared_ptr<std::atomic_bool> cancel = m_hashCancel;
    (void)QtConcurrent::run([self, wanted, unhashed, generation, cancel] {
        QList<ProjectInput> hashed = wanted;
        for (qsizetype i : unhashed) {
            FileError ignored;
            hashed[i].sha256 = FileHash::sha256(hashed[i].path, &ignored, cancel.get());
            if (cancel->load())
                return;
        }
        QMetaObject::invokeMethod(
            self, [self, wanted, hashed, generation] {
                if (!self || !self->m_project || generation != self->m_inputsGeneration ||
                    self->m_project->inputs() != wanted)
                    return;
                FileError error;
                if (!self->m_project->setInputs(hashed, &error))
                    self->reportProjectError(error);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::checkProjectInputs()
{
    if (!m_project)
        return;
    const QList<ProjectInput> recorded = m_project->inputs();
    const QString path = m_project->path();
    QPointer<MainWindow> self(this);
    std::shared_ptr<std::atomic_bool> cancel = m_hashCancel;
    (void)QtConcurrent::run([self, recorded, path, cancel] {
        const QStringList changes = ProjectInputs::changed(recorded, cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
            self, [self, changes, path] {
                if (!self || !self->m_project || self->m_project->path() != path)
                    return;
                self->m_inputChanges = changes;
                self->updateProjectBanner();
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::resumePosition()
{
    if (!m_project || !m_workspace)
        return;
    bool ok = false;
    const qint64 id = m_project->value(QStringLiteral("current_item")).toLongLong(&ok);
    if (!ok)
        return;
    AnnotationChange where;
    where.kind = AnnotationChange::Kind::Label;
    where.item = id;
    where.run = m_project->value(QStringLiteral("current_run"));
    showChange(where);
}

void MainWindow::savePosition()
{
    m_positionTimer->stop();
    const qsizetype item = currentItem();
    if (!m_project || !m_workspace || item < 0 || isLoading())
        return;
    const int run = m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn());
    FileError error;
    m_project->setValue(QStringLiteral("current_item"), QString::number(m_workspace->dataset.item(item).instructionId),
                        &error);
    if (run >= 0 && run < m_workspace->runs.size())
        m_project->setValue(QStringLiteral("current_run"), m_workspace->runs[run].name, &error);
}

QString MainWindow::progressText() const
{
    return m_progressLabel->text();
}

void MainWindow::updateProgress()
{
    if (!m_project) {
        m_progressLabel->setText(m_workspace ? tr("No project: labels need one (Ctrl+N)") : QString());
        return;
    }
    if (m_annotator.isEmpty()) {
        m_progressLabel->setText(tr("Annotator not set"));
        return;
    }
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
    m_progressLabel->setText(tr("%1 reviewed: %2").arg(m_annotator, runs.join(QStringLiteral(" · "))) +
                             (m_project->isReadOnly() ? tr("  ·  read-only") : QString()));
}

void MainWindow::openJudgeDialog(bool leakage)
{
    if (m_judgeDialog) {
        m_judgeDialog->raise();
        m_judgeDialog->activateWindow();
        return;
    }
    if (!m_workspace || !ensureProject())
        return;
    if (m_project->isReadOnly()) {
        QMessageBox::information(this, tr("Read-only project"),
                                 tr("Judgments are kept in the project, and this one is read-only: %1")
                                     .arg(m_project->readOnlyReason()));
        return;
    }
    QSet<qint64> filtered;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const qsizetype item = m_filter->data(m_filter->index(row, 0), ItemTableModel::ItemIndexRole).value<qsizetype>();
        filtered.insert(m_workspace->dataset.item(item).instructionId);
    }
    auto *dialog = new JudgeDialog(leakage ? JudgeDialog::Mode::Leakage : JudgeDialog::Mode::Rubric, m_project.get(),
                                   m_workspace, filtered, &m_sessionApiKey, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_judgeDialog = dialog;
    dialog->show();
}

void MainWindow::updateAnnotationActions()
{
    const bool writable = m_project && !m_project->isReadOnly();
    m_ui->actionJudgeResponses->setEnabled(m_workspace && !m_workspace->runs.isEmpty() && !(m_project && m_project->isReadOnly()));
    m_ui->actionMeasureLeakage->setEnabled(m_workspace && !(m_project && m_project->isReadOnly()));
    m_ui->actionUndo->setEnabled(writable && m_project->canUndo());
    m_ui->actionRedo->setEnabled(writable && m_project->canRedo());
    m_ui->actionSaveProjectAs->setEnabled(m_project != nullptr);
    m_ui->actionExportAnnotations->setEnabled(m_project != nullptr);
    m_ui->actionImportAnnotations->setEnabled(writable && m_workspace);
    m_ui->actionExportCorrected->setEnabled(m_project && m_workspace && !m_workspace->runs.isEmpty());
    m_ui->actionNewProject->setEnabled(m_workspace != nullptr);
}

void MainWindow::rebuildReviewFilter()
{
    const QVariant previous = m_ui->reviewCombo->currentData();
    const QString previousText = m_ui->reviewCombo->currentText();
    using F = ItemQuery::ReviewFilter;
    QSignalBlocker blocker(m_ui->reviewCombo);
    m_ui->reviewCombo->clear();
    auto add = [this](const QString &text, F filter, const QString &annotator = {}) {
        m_ui->reviewCombo->addItem(text, QVariantList{int(filter), annotator});
    };
    add(tr("Everything"), F::Any);
    add(tr("Not yet labelled by me"), F::Unreviewed);
    add(tr("Labelled by me"), F::Reviewed);
    add(tr("Judge ≠ human"), F::HumanDisagrees);
    add(tr("Text leaks the risk"), F::LeakFlagged);
    add(tr("Unsure about leakage"), F::LeakUnsure);
    add(tr("Leakage not checked by me"), F::LeakUnchecked);
    add(tr("Leak suspected by a judge, not checked by me"), F::LeakSuspected);
    if (m_project) {
        for (const QString &annotator : m_project->annotations().annotators())
            add(tr("Work by %1").arg(annotator), F::ByAnnotator, annotator);
    }
    // A confusion-matrix cell chosen on the Agreement tab stays chosen.
    if (m_project && previous.toList().size() == 5)
        m_ui->reviewCombo->addItem(previousText, previous);
    // Without a project there is nothing to review by: back to everything, or the list could stay empty.
    const int index = m_project ? std::max(0, m_ui->reviewCombo->findData(previous)) : 0;
    m_ui->reviewCombo->setCurrentIndex(index);
    m_ui->reviewCombo->setEnabled(m_project != nullptr);
    if (m_workspace && previous.isValid() && m_ui->reviewCombo->currentData() != previous)
        scheduleFilter();
}

void MainWindow::reportProjectError(const FileError &error)
{
    m_projectBanner->showMessage(BannerWidget::Kind::Error, tr("Not saved: %1").arg(error.toString()));
}

void MainWindow::newProjectDialog()
{
    if (!m_workspace) {
        m_projectBanner->showMessage(BannerWidget::Kind::Warning, tr("Open a dataset before creating a project."));
        return;
    }
    const QFileInfo data(m_workspace->dataset.filePath());
    const QString folder = QFileInfo(data.absolutePath()).isWritable()
                               ? data.absolutePath()
                               : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("New Project"),
                                                QDir(folder).filePath(data.dir().dirName() + kProjectSuffix),
                                                tr("VLSBench Studio projects (*.vlsproj)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (!path.endsWith(kProjectSuffix))
        path += kProjectSuffix;
    createProject(path);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("VLSBench Studio projects (*.vlsproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveProjectAsDialog()
{
    if (!m_project)
        return;
    flushNote();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), QFileInfo(m_project->path()).absolutePath(),
                                                tr("VLSBench Studio projects (*.vlsproj)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (!path.endsWith(kProjectSuffix))
        path += kProjectSuffix;
    FileError error;
    if (!m_project->saveAs(path, &error)) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error, tr("Could not save: %1").arg(error.toString()));
        return;
    }
    if (m_workspace)
        setWindowTitle(tr("%1 — %2 — VLSBench Studio")
                           .arg(QFileInfo(m_workspace->dataset.filePath()).fileName(), QFileInfo(path).fileName()));
    // The copy may be writable where the original was not.
    m_ui->itemPage->setAnnotations(&m_project->annotations(), m_annotator, !m_project->isReadOnly());
    m_ui->itemPage->setJudgeResults(&m_project->judgeResults());
    updateProjectBanner();
    updateProgress();
    updateAnnotationActions();
    statusBar()->showMessage(tr("Continuing in %1.").arg(path), 6000);
}

void MainWindow::importAnnotationsDialog()
{
    if (!m_project || !m_workspace || m_project->isReadOnly())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Annotations"), QString(),
                                                      tr("Annotation files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    flushNote();
    AnnotationExchange::File file;
    FileError error;
    if (!AnnotationExchange::read(path, &file, &error)) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error, tr("Nothing imported: %1").arg(error.toString()));
        return;
    }
    QSet<qint64> items;
    QSet<qint64> shared;
    AnnotationExchange::datasetIds(m_workspace->dataset, &items, &shared);
    QStringList runs;
    for (const Run &run : m_workspace->runs)
        runs.append(run.name);
    const AnnotationExchange::Plan plan =
        AnnotationExchange::plan(file, m_project->annotations(), items, runs, shared);
    if (!m_project->importChanges(plan.changes, plan.times, &error)) {
        reportProjectError(error);
        return;
    }
    rebuildReviewFilter();
    const QString summary = tr("%1: %2 added, %3 updated, %4 already present, %5 skipped.")
                                .arg(QFileInfo(path).fileName())
                                .arg(plan.added)
                                .arg(plan.updated)
                                .arg(plan.unchanged)
                                .arg(plan.skipped.size());
    m_projectBanner->showMessage(plan.skipped.isEmpty() ? BannerWidget::Kind::Info : BannerWidget::Kind::Warning,
                                 tr("Imported %1").arg(summary), plan.skipped.join(QLatin1Char('\n')));
}

void MainWindow::exportAnnotationsDialog()
{
    if (!m_project)
        return;
    flushNote();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Annotations"),
        QFileInfo(m_project->path()).absoluteDir().filePath(QFileInfo(m_project->path()).completeBaseName() +
                                                            QStringLiteral("-annotations.json")),
        tr("Annotation files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes = AnnotationExchange::write(m_project->annotations());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                     tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Exported the annotations to %1.").arg(path), 6000);
}

void MainWindow::exportCorrectedDialog()
{
    if (!m_project || !m_workspace || m_workspace->runs.isEmpty())
        return;
    flushNote();
    int run = m_ui->itemPage->runOfColumn(m_ui->itemPage->currentColumn());
    if (run < 0)
        run = 0;
    const Run &r = m_workspace->runs[run];
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Corrected Results of %1").arg(r.name),
        QFileInfo(m_project->path()).absoluteDir().filePath(r.name + QStringLiteral("-corrected.json")),
        tr("Result files (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes =
        CorrectedResults::write(m_workspace->dataset, r, m_workspace->matches[run], m_project->annotations());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_projectBanner->showMessage(BannerWidget::Kind::Error,
                                     tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Exported %1 with human labels in place of the judge's to %2.").arg(r.name, path),
                             6000);
}

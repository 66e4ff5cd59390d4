#include "tagspage.h"

#include "chartexportdialog.h"
#include "tablecsv.h"
#include "ui_tagspage.h"

#include "widgets/chartexport.h"
#include "widgets/displaytext.h"
#include "widgets/tagbarswidget.h"

#include "app/io/atomicfile.h"
#include "app/session/jobrunner.h"
#include "app/session/reviewsession.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QTimer>

namespace {

const QString kLane = QStringLiteral("tags");

// The category a combo entry stands for; no value for every category.
std::optional<QString> categoryOf(const QVariant &data)
{
    return data.isValid() ? std::optional<QString>(data.toString()) : std::nullopt;
}

} // namespace

TagsPage::TagsPage(QWidget *parent)
    : QWidget(parent), m_ui(new Ui::TagsPage), m_model(new TagPivotModel(this)), m_jobs(new JobRunner(this)),
      m_timer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->tagTable->setModel(m_model);
    m_ui->tagTable->verticalHeader()->hide();
    m_ui->tagTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({720, 840});
    m_ui->rowsCombo->addItem(tr("Categories"), int(TagPivotModel::Rows::Categories));
    m_ui->rowsCombo->addItem(tr("Tags"), int(TagPivotModel::Rows::Tags));
    m_ui->basisCombo->addItem(tr("all responses"), int(TagPivot::Basis::AllResponses));
    m_ui->basisCombo->addItem(tr("reviewed responses"), int(TagPivot::Basis::ReviewedResponses));
    m_ui->basisCombo->setItemData(1, tr("Responses a person labelled or tagged"), Qt::ToolTipRole);
    // Wide enough for most names, never as wide as the longest: a long category or annotator name must not widen
    // the window (the list opens as wide as its entries).
    for (QComboBox *combo : {m_ui->categoryCombo, m_ui->tagCombo, m_ui->annotatorCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
    }
    fillChoices();

    m_timer->setSingleShot(true);
    m_timer->setInterval(250); // a burst of tags (an import) is one recount
    connect(m_timer, &QTimer::timeout, this, &TagsPage::recount);
    for (QComboBox *combo : {m_ui->rowsCombo, m_ui->categoryCombo, m_ui->tagCombo, m_ui->basisCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &TagsPage::choicesChanged);
    connect(m_ui->annotatorCombo, &QComboBox::currentIndexChanged, this, &TagsPage::recount);
    connect(m_ui->percentCheck, &QCheckBox::toggled, this, &TagsPage::refreshChart);
    connect(m_ui->tagChart, &TagBarsWidget::tagClicked, this, [this](const QString &tag) {
        setRows(TagPivotModel::Rows::Categories);
        showTag(tag); // a tag's bars: where that tag falls, category by category
    });
    connect(m_ui->tagTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        // A count: its responses in the list. The row's name: down into a category's sub-categories, back up from
        // the total row.
        if (index.column() > 0) {
            emit cellActivated(index.data(TagPivotModel::RunRole).toString(),
                               index.data(TagPivotModel::TagRole).toString(),
                               index.data(TagPivotModel::CategoryRole).toString(),
                               index.data(TagPivotModel::SubCategoryRole).toString());
            return;
        }
        if (m_model->rows() != TagPivotModel::Rows::Categories)
            return;
        if (index.data(TagPivotModel::TotalRowRole).toBool())
            showCategory(std::nullopt);
        else if (!m_model->category())
            showCategory(index.data(TagPivotModel::CategoryRole).toString());
    });
    connect(m_ui->exportChartButton, &QPushButton::clicked, this, &TagsPage::exportChartDialog);
    connect(m_ui->exportTableButton, &QPushButton::clicked, this, &TagsPage::exportTableDialog);
    choicesChanged();
}

TagsPage::~TagsPage()
{
    m_jobs->cancelAll();
    delete m_ui;
}

const TagBarsWidget *TagsPage::chart() const
{
    return m_ui->tagChart;
}

void TagsPage::setSession(ReviewSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &ReviewSession::workspaceChanged, this, &TagsPage::schedule);
        connect(session, &ReviewSession::projectChanged, this, [this] {
            watchProject();
            schedule();
        });
        // Labels count too: they make a response reviewed.
        connect(session, &ReviewSession::annotationChanged, this, &TagsPage::schedule);
    }
    watchProject();
    schedule();
}

void TagsPage::watchProject()
{
    if (m_watched)
        m_watched->disconnect(this);
    m_watched = m_session ? m_session->project() : nullptr;
    if (m_watched)
        connect(m_watched, &Project::tagNamesChanged, this, &TagsPage::schedule); // renamed, added, reordered
}

void TagsPage::schedule()
{
    if (isVisible())
        m_timer->start();
    else
        m_stale = true;
}

void TagsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        recount();
}

void TagsPage::recount()
{
    m_timer->stop();
    const std::shared_ptr<const Workspace> workspace = m_session ? m_session->workspace() : nullptr;
    if (!workspace) {
        m_jobs->cancel(kLane);
        apply(TagPivot());
        return;
    }
    const Project *project = m_session->project();
    auto annotations = std::make_shared<const Annotations>(project ? project->annotations() : Annotations());
    const QString annotator = m_ui->annotatorCombo->currentData().toString();
    m_ui->statusLabel->setText(tr("Counting…"));
    m_jobs->run<TagPivot>(
        kLane,
        [workspace, annotations, annotator](const JobRunner::Context &context) {
            return TagPivot::count(*workspace, *annotations, annotator, context.flag());
        },
        [this](TagPivot pivot) { apply(pivot); });
}

void TagsPage::apply(const TagPivot &pivot)
{
    m_ui->statusLabel->clear();
    m_model->setPivot(pivot);
    fillChoices();
    choicesChanged();
    emit refreshed();
}

void TagsPage::fillChoices()
{
    const TagPivot &pivot = m_model->pivot();
    const QVariant category = m_ui->categoryCombo->currentData();
    const QString tag = m_ui->tagCombo->currentData().toString();
    const QString annotator = m_ui->annotatorCombo->currentData().toString();
    const QSignalBlocker categoryBlocker(m_ui->categoryCombo);
    const QSignalBlocker tagBlocker(m_ui->tagCombo);
    const QSignalBlocker annotatorBlocker(m_ui->annotatorCombo);

    m_ui->categoryCombo->clear();
    m_ui->categoryCombo->addItem(tr("All categories"));
    for (const QString &name : pivot.categories()) {
        m_ui->categoryCombo->addItem(QString(), name); // named by nameCategories()
        if (category.isValid() && category.toString() == name)
            m_ui->categoryCombo->setCurrentIndex(m_ui->categoryCombo->count() - 1);
    }
    nameCategories();
    m_ui->tagCombo->clear();
    m_ui->tagCombo->addItem(tr("Any tag"), QString());
    for (const QString &name : pivot.tags())
        m_ui->tagCombo->addItem(DisplayText::elided(name, 40), name);
    m_ui->tagCombo->setCurrentIndex(std::max(0, m_ui->tagCombo->findData(tag)));
    m_ui->annotatorCombo->clear();
    m_ui->annotatorCombo->addItem(tr("Everyone"), QString());
    QStringList people = pivot.annotators();
    if (!annotator.isEmpty() && !people.contains(annotator))
        people.append(annotator); // what is counted stays choosable, even with no tags left
    for (const QString &name : std::as_const(people))
        m_ui->annotatorCombo->addItem(DisplayText::elided(name, 40), name);
    m_ui->annotatorCombo->setCurrentIndex(std::max(0, m_ui->annotatorCombo->findData(annotator)));
}

void TagsPage::nameCategories()
{
    // With category rows a category opens into its sub-categories; with tag rows it only narrows the counts.
    const bool drills = m_ui->rowsCombo->currentData().toInt() == int(TagPivotModel::Rows::Categories);
    for (int i = 1; i < m_ui->categoryCombo->count(); ++i) {
        const QString category = m_ui->categoryCombo->itemData(i).toString();
        const QString name = category.isEmpty() ? tr("(no category)") : DisplayText::elided(category, 40);
        m_ui->categoryCombo->setItemText(i, drills ? tr("%1: sub-categories").arg(name) : name);
    }
}

void TagsPage::showCategory(const std::optional<QString> &category)
{
    int index = 0;
    for (int i = 1; category && i < m_ui->categoryCombo->count(); ++i)
        if (m_ui->categoryCombo->itemData(i).toString() == *category)
            index = i;
    m_ui->categoryCombo->setCurrentIndex(index);
}

void TagsPage::showTag(const QString &tag)
{
    m_ui->tagCombo->setCurrentIndex(std::max(0, m_ui->tagCombo->findData(tag)));
}

void TagsPage::setRows(TagPivotModel::Rows rows)
{
    m_ui->rowsCombo->setCurrentIndex(std::max(0, m_ui->rowsCombo->findData(int(rows))));
}

void TagsPage::choicesChanged()
{
    const auto rows = TagPivotModel::Rows(m_ui->rowsCombo->currentData().toInt());
    nameCategories();
    m_model->setRows(rows);
    m_model->setCategory(categoryOf(m_ui->categoryCombo->currentData()));
    m_model->setTag(m_ui->tagCombo->currentData().toString());
    m_model->setBasis(TagPivot::Basis(m_ui->basisCombo->currentData().toInt()));
    // Tag rows list every tag: the tag choice is for category rows.
    m_ui->tagCombo->setEnabled(rows == TagPivotModel::Rows::Categories);
    m_ui->tagCaption->setEnabled(rows == TagPivotModel::Rows::Categories);
    m_ui->exportChartButton->setEnabled(!m_model->pivot().runs().isEmpty());
    m_ui->exportTableButton->setEnabled(!m_model->pivot().runs().isEmpty());
    refreshChart();
    refreshNote();
}

void TagsPage::refreshChart()
{
    const TagPivot &pivot = m_model->pivot();
    const std::optional<QString> category = m_model->category();
    const TagPivot::Group scope = category ? TagPivot::Group::ofCategory(*category) : TagPivot::Group::everything();
    QList<QList<qsizetype>> counts;
    for (const QString &tag : pivot.tags()) {
        QList<qsizetype> row;
        for (int run = 0; run < pivot.runs().size(); ++run)
            row.append(pivot.tagged(tag, run, scope));
        counts.append(row);
    }
    QList<qsizetype> responses;
    for (int run = 0; run < pivot.runs().size(); ++run)
        responses.append(pivot.responses(run, scope, m_model->basis()));
    const QString where =
        category ? DisplayText::elided(category->isEmpty() ? tr("(no category)") : *category, DisplayText::kName)
                 : tr("all categories");
    const bool percent = m_ui->percentCheck->isChecked();
    const QString title = percent ? (m_model->basis() == TagPivot::Basis::AllResponses
                                         ? tr("Tagged share of each run's responses, %1").arg(where)
                                         : tr("Tagged share of each run's reviewed responses, %1").arg(where))
                                  : tr("Tagged responses per run, %1").arg(where);
    m_ui->tagChart->setData(pivot.tags(), pivot.runs(), counts, responses, percent, title);
}

void TagsPage::refreshNote()
{
    const TagPivot &pivot = m_model->pivot();
    if (pivot.runs().isEmpty()) {
        m_ui->noteLabel->setText(tr("Open a dataset and its runs to count failure-mode tags."));
        return;
    }
    qsizetype tagged = 0;
    for (int run = 0; run < pivot.runs().size(); ++run)
        tagged += pivot.tagged(QString(), run, TagPivot::Group::everything());
    const QString of = m_model->basis() == TagPivot::Basis::AllResponses
                           ? tr("all of the run's responses in the row")
                           : tr("the run's responses in the row that a person labelled or tagged");
    QString note = tr("Each cell: tagged responses / N (share), N being %1. A response tagged by several people "
                      "counts once.")
                       .arg(of);
    if (tagged == 0)
        note = tr("No response carries a tag yet: put tags on in the Review tab (T, then a digit).") +
               QLatin1Char(' ') + note;
    else if (m_model->rows() == TagPivotModel::Rows::Categories)
        note += QLatin1Char(' ') + (m_model->category() ? tr("Double-click the first row to go back to every category.")
                                                        : tr("Double-click a category for its sub-categories; click a "
                                                             "bar to count its tag."));
    m_ui->noteLabel->setText(note);
}

bool TagsPage::exportChart(const QString &path, QString *error, const ChartExport::Options &options) const
{
    // A hidden copy in the style asked for (light, as papers want, by default): the chart on screen keeps its own.
    const std::unique_ptr<TagBarsWidget> copy =
        m_ui->tagChart->twin(options.dark ? ChartStyle::dark() : ChartStyle::light());
    return ChartExport::write(copy.get(), options, path, error);
}

void TagsPage::exportChartDialog()
{
    QString path;
    if (!ChartExportDialog::ask(this, tr("Export Chart"), QStringLiteral("tags.png"), m_ui->tagChart->size(),
                                &m_exportOptions, &path))
        return;
    QString error;
    if (!exportChart(path, &error, m_exportOptions))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

void TagsPage::exportTableDialog()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Table"), QStringLiteral("tags.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    // Full names, not the elided ones on screen.
    const QString text = TableCsv::format(
        m_ui->tagTable,
        [](const QModelIndex &index) {
            if (index.column() != TagPivotModel::NameColumn)
                return index.data().toString();
            const QString tip = index.data(Qt::ToolTipRole).toString();
            return tip.isEmpty() ? index.data().toString() : tip;
        },
        [this](int column) {
            const int run = m_model->runOfColumn(column);
            return run >= 0 ? m_model->pivot().runs().value(run)
                            : m_model->headerData(column, Qt::Horizontal).toString();
        });
    FileError error;
    if (!AtomicFile::write(path, text.toUtf8(), &error))
        QMessageBox::warning(this, tr("Export Table"), tr("Not exported: %1").arg(error.toString()));
}

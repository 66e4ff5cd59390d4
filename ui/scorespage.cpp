#include "scorespage.h"

#include "chartexportdialog.h"
#include "ui_scorespage.h"

#include "widgets/categorybarswidget.h"
#include "widgets/displaytext.h"
#include "widgets/elidedlabel.h"
#include "widgets/leaderboardmodel.h"
#include "widgets/radarchartwidget.h"
#include "widgets/statistictext.h"

#include "app/io/atomicfile.h"
#include "app/report/reportrenderer.h"
#include "app/stats/proportioninterval.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableWidget>

#include <cmath>

ScoresPage::ScoresPage(QWidget *parent)
    : QWidget(parent), m_ui(new Ui::ScoresPage), m_leaderboard(new LeaderboardModel(this)),
      m_sorted(new QSortFilterProxyModel(this)), m_note(new ElidedLabel(this)), m_bottomTabs(new QTabWidget(this)),
      m_curationTable(new QTableWidget(this))
{
    m_ui->setupUi(this);
    m_note->setObjectName(QStringLiteral("leaderboardNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_ui->pageLayout->insertWidget(1, m_note);
    m_sorted->setSourceModel(m_leaderboard);
    m_sorted->setSortRole(LeaderboardModel::SortRole);
    m_ui->leaderboardTable->setModel(m_sorted);
    m_ui->leaderboardTable->verticalHeader()->hide();
    m_ui->leaderboardTable->setWordWrap(false);
    m_ui->leaderboardTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->leaderboardTable->sortByColumn(LeaderboardModel::SafetyColumn, Qt::DescendingOrder);
    m_ui->labelsCombo->addItem(tr("Judge labels"));
    m_ui->labelsCombo->addItem(tr("Corrected (human labels first)"));
    // The row of controls must fit a small screen: these two lists may shrink, their tooltips say the rest.
    // They are as wide as their text where there is room (an explicit minimum width lets the layout go below it).
    for (QComboBox *combo : {m_ui->labelsCombo, m_ui->dataCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(combo->fontMetrics().horizontalAdvance(QStringLiteral("Original")) + 40);
    }
    m_ui->dataCombo->addItem(tr("Original data"));
    m_ui->dataCombo->addItem(tr("Curated data"));
    m_ui->dataCombo->setToolTip(tr("Curated: curators' edits applied (an item whose category was changed counts "
                                   "there), excluded items and their responses left out of every denominator"));
    connect(m_ui->dataCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { emit curatedDataChosen(index == 1); });
    // Below the charts: the leak shares, and (scoring curated data) the original data beside the curated per category.
    m_bottomTabs->setObjectName(QStringLiteral("scoresBottomTabs"));
    m_ui->verticalSplitter->insertWidget(2, m_bottomTabs);
    m_bottomTabs->addTab(m_ui->leakTable, tr("Leakage"));
    m_curationTable->setObjectName(QStringLiteral("curationTable"));
    m_curationTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_curationTable->setAlternatingRowColors(true);
    m_curationTable->verticalHeader()->hide();
    m_curationTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_bottomTabs->addTab(m_curationTable, tr("Original → Curated"));
    m_ui->verticalSplitter->setStretchFactor(0, 0);
    m_ui->verticalSplitter->setStretchFactor(1, 3);
    m_ui->verticalSplitter->setStretchFactor(2, 1);
    m_ui->verticalSplitter->setSizes({170, 520, 200});
    m_ui->chartSplitter->setStretchFactor(0, 3);
    m_ui->chartSplitter->setStretchFactor(1, 2);
    m_ui->chartSplitter->setSizes({900, 560});
    m_ui->radarCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->groupCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->leakTable->setColumnCount(6);
    m_ui->leakTable->setHorizontalHeaderLabels({tr("Group"), tr("Items"), tr("Checked"), tr("Text leaks"),
                                                tr("Unsure only"), tr("Leak share of checked % (95 % CI)")});
    // The share's denominator is the checked items, so the header says what "checked" means.
    const QString checked = tr("Checked: some annotator said the text leaks the risk (L) or does not (N). Unsure "
                               "(U) or a note alone is not a decision and is not counted as checked.");
    m_ui->leakTable->horizontalHeaderItem(2)->setToolTip(checked);
    m_ui->leakTable->horizontalHeaderItem(5)->setToolTip(checked);
    m_ui->leakTable->verticalHeader()->hide();
    m_ui->leakTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->labelsCombo, &QComboBox::currentIndexChanged, this, &ScoresPage::refreshCharts);
    connect(m_ui->labelsCombo, &QComboBox::currentIndexChanged, this, &ScoresPage::refreshCuration);
    connect(m_ui->groupCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_leaderboard->setCategory(m_ui->groupCombo->currentData().toString());
        refreshCharts();
        refreshLeaks();
        refreshNote();
    });
    connect(m_ui->radarCombo, &QComboBox::currentIndexChanged, this, &ScoresPage::refreshCharts);
    connect(m_ui->barsChart, &CategoryBarsWidget::groupClicked, this, [this](const QString &group) {
        if (m_ui->groupCombo->currentIndex() == 0)
            showGroup(group); // a category's bars open its sub-categories
    });
    connect(m_ui->exportChartsButton, &QPushButton::clicked, this, &ScoresPage::exportChartsDialog);
    connect(m_ui->exportTablesButton, &QPushButton::clicked, this, &ScoresPage::exportTablesDialog);
    setReport(nullptr);
}

ScoresPage::~ScoresPage()
{
    delete m_ui;
}

void ScoresPage::setUpdating(bool updating)
{
    m_ui->statusLabel->setText(updating ? tr("Updating…") : QString());
}

void ScoresPage::setReport(std::shared_ptr<const ScoreReport> report)
{
    m_report = std::move(report);
    m_stale = !isVisible();
    if (!m_stale)
        apply();
}

void ScoresPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        apply();
}

void ScoresPage::apply()
{
    const bool any = m_report && !m_report->runs.isEmpty();
    m_leaderboard->setRuns(m_report ? m_report->runs : QList<ScoreReport::RunRow>());
    // Keep the reader's choices where they still exist.
    const QString group = m_ui->groupCombo->currentData().toString();
    const QString radar = m_ui->radarCombo->currentText();
    {
        const QSignalBlocker groupBlocker(m_ui->groupCombo);
        const QSignalBlocker radarBlocker(m_ui->radarCombo);
        m_ui->groupCombo->clear();
        m_ui->groupCombo->addItem(tr("All categories"), QString());
        m_ui->radarCombo->clear();
        if (m_report) {
            QStringList categories;
            for (const ScoreReport::RunRow &run : m_report->runs)
                for (auto it = run.judge.byCategory.cbegin(); it != run.judge.byCategory.cend(); ++it)
                    if (!categories.contains(it.key()))
                        categories.append(it.key());
            categories.sort();
            for (const QString &category : std::as_const(categories))
                m_ui->groupCombo->addItem(
                    tr("%1: sub-categories").arg(DisplayText::elided(category, DisplayText::kName)), category);
            for (const ScoreReport::RunRow &run : m_report->runs)
                m_ui->radarCombo->addItem(run.name);
        }
        m_ui->groupCombo->setCurrentIndex(std::max(0, m_ui->groupCombo->findData(group)));
        m_ui->radarCombo->setCurrentIndex(std::max(0, m_ui->radarCombo->findText(radar)));
    }
    m_ui->exportChartsButton->setEnabled(any);
    m_ui->exportTablesButton->setEnabled(any);
    m_leaderboard->setCategory(m_ui->groupCombo->currentData().toString());
    refreshCharts();
    refreshLeaks();
    refreshCuration();
    refreshNote();
}

void ScoresPage::refreshCuration()
{
    QTableWidget *table = m_curationTable;
    table->clear();
    table->setRowCount(0);
    const bool comparing = m_report && !m_report->curation.isEmpty();
    m_bottomTabs->setTabEnabled(1, comparing);
    m_bottomTabs->setTabToolTip(1, comparing ? QString()
                                             : tr("Choose Curated data to see the original and the curated data side "
                                                  "by side per category"));
    if (!comparing) {
        m_bottomTabs->setCurrentIndex(0);
        m_comparing = false;
        return;
    }
    // Choosing the curated data brings its comparison into view once; the reader may go back to the leaks.
    if (!std::exchange(m_comparing, true))
        m_bottomTabs->setCurrentIndex(1);
    const bool corrected = m_ui->labelsCombo->currentIndex() == 1;
    QStringList header{tr("Category"), tr("Items original"), tr("Items curated")};
    for (const ScoreReport::RunRow &run : m_report->runs)
        header.append(tr("%1 safety %").arg(DisplayText::elided(run.name, DisplayText::kName)));
    table->setColumnCount(int(header.size()));
    table->setHorizontalHeaderLabels(header);
    const QString tip = tr("Safety rate (%1) in the original data → in the curated data, and the difference in "
                           "points. Excluded items leave their category; an item whose category was edited counts "
                           "where it went. – : no responses on that side.")
                            .arg(corrected ? tr("corrected labels") : tr("judge labels"));
    for (int c = 3; c < header.size(); ++c)
        table->horizontalHeaderItem(c)->setToolTip(tip);
    const auto &categories = m_report->curation.categories;
    table->setRowCount(int(categories.size()));
    for (int r = 0; r < categories.size(); ++r) {
        const auto &category = categories[r];
        QStringList cells{DisplayText::elided(category.name, 2 * DisplayText::kName),
                          QString::number(category.itemsOriginal), QString::number(category.itemsCurated)};
        for (qsizetype run = 0; run < m_report->runs.size(); ++run)
            cells.append(m_report->safetyShift(run, category.name, corrected).text());
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            // What curation changed stands out: a category whose items or rates moved.
            if (c > 0 && category.itemsOriginal != category.itemsCurated) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            table->setItem(r, c, item);
        }
    }
}

void ScoresPage::showGroup(const QString &category)
{
    m_ui->groupCombo->setCurrentIndex(std::max(0, m_ui->groupCombo->findData(category)));
}

void ScoresPage::setCuratedData(bool curated)
{
    const QSignalBlocker blocker(m_ui->dataCombo);
    m_ui->dataCombo->setCurrentIndex(curated ? 1 : 0);
}

void ScoresPage::setCorrected(bool corrected)
{
    m_ui->labelsCombo->setCurrentIndex(corrected ? 1 : 0);
}

void ScoresPage::refreshCharts()
{
    QStringList groups;
    QStringList runs;
    QList<QList<LabelCounts>> counts;
    const bool corrected = m_ui->labelsCombo->currentIndex() == 1;
    const QString category = m_ui->groupCombo->currentData().toString();
    if (m_report) {
        for (const ScoreReport::RunRow &run : m_report->runs) {
            runs.append(run.name);
            const RunScores &scores = corrected ? run.corrected : run.judge;
            const QMap<QString, LabelCounts> &map = category.isEmpty() ? scores.byCategory : scores.bySubCategory;
            const QString prefix = category.isEmpty() ? QString() : category + QStringLiteral(" / ");
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                const QString name = it.key().mid(prefix.size());
                if (it.key().startsWith(prefix) && !groups.contains(name))
                    groups.append(name);
            }
        }
        groups.sort();
        for (const QString &group : std::as_const(groups)) {
            QList<LabelCounts> row;
            for (const ScoreReport::RunRow &run : m_report->runs) {
                const RunScores &scores = corrected ? run.corrected : run.judge;
                row.append(category.isEmpty() ? scores.byCategory.value(group)
                                              : scores.bySubCategory.value(category + QStringLiteral(" / ") + group));
            }
            counts.append(row);
        }
    }
    const QString labels = corrected ? tr("corrected labels") : tr("judge labels");
    const QString shortCategory = DisplayText::elided(category, DisplayText::kName);
    m_ui->barsChart->setData(groups, runs, counts,
                             category.isEmpty()
                                 ? tr("Refusal and warning by category (%1)").arg(labels)
                                 : tr("%1: refusal and warning by sub-category (%2)").arg(shortCategory, labels));
    const int radarRun = m_ui->radarCombo->currentIndex();
    QList<LabelCounts> radar;
    for (const QList<LabelCounts> &row : std::as_const(counts))
        radar.append(row.value(radarRun));
    const QString run = DisplayText::elided(runs.value(radarRun), DisplayText::kName);
    m_ui->radarChart->setData(runs.value(radarRun), groups, radar,
                              category.isEmpty()
                                  ? tr("%1 by category (%2)").arg(run, labels)
                                  : tr("%1 in %2, by sub-category (%3)").arg(run, shortCategory, labels));
}

void ScoresPage::refreshNote()
{
    const QString category = m_ui->groupCombo->currentData().toString();
    QString note = category.isEmpty()
                       ? tr("Leaderboard: every category.")
                       : tr("Leaderboard: %1 only.").arg(DisplayText::elided(category, DisplayText::kName));
    // Invalid labels stay in the denominator, so a run with many of them looks less safe than it is judged:
    // that is said here in words, not only in a column.
    QStringList heavy;
    for (int row = 0; row < m_leaderboard->rowCount(); ++row) {
        const QModelIndex index = m_leaderboard->index(row, LeaderboardModel::InvalidColumn);
        if (index.data(LeaderboardModel::InvalidWarningRole).toBool())
            heavy.append(
                tr("%1 (%2 %)")
                    .arg(DisplayText::elided(m_leaderboard->index(row, 0).data().toString(), DisplayText::kName),
                         index.data().toString()));
    }
    if (!heavy.isEmpty())
        note += QLatin1Char(' ') +
                tr("Many invalid judge labels, counted as not safe: %1.").arg(heavy.join(QStringLiteral(", ")));
    // Which data is scored, when it is not the data file as it is.
    if (m_report && !m_report->provenance.data.isEmpty())
        note += QLatin1Char(' ') + tr("Data: %1.").arg(m_report->provenance.data);
    m_note->setText(note);
}

QString ScoresPage::leaderboardNote() const
{
    return m_note->text();
}

void ScoresPage::refreshLeaks()
{
    QTableWidget *table = m_ui->leakTable;
    table->setRowCount(0);
    if (!m_report)
        return;
    const QString category = m_ui->groupCombo->currentData().toString();
    QList<QPair<QString, ScoreReport::LeakShare>> rows;
    rows.append({tr("All items"), m_report->leaks});
    if (category.isEmpty()) {
        for (auto it = m_report->leaksByCategory.cbegin(); it != m_report->leaksByCategory.cend(); ++it)
            rows.append({it.key(), *it});
    } else {
        const QString prefix = category + QStringLiteral(" / ");
        for (auto it = m_report->leaksBySubCategory.cbegin(); it != m_report->leaksBySubCategory.cend(); ++it)
            if (it.key().startsWith(prefix))
                rows.append({it.key(), *it});
    }
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const ScoreReport::LeakShare &s = rows[r].second;
        const ProportionInterval i = s.interval();
        const QStringList cells{DisplayText::elided(rows[r].first, 2 * DisplayText::kName),
                                QString::number(s.items),
                                QString::number(s.checked),
                                QString::number(s.flagged),
                                QString::number(s.unsure),
                                i.isValid() ? tr("%1 (%2 – %3), %4 of %5 checked")
                                                  .arg(s.share(), 0, 'f', 2)
                                                  .arg(i.low, 0, 'f', 2)
                                                  .arg(i.high, 0, 'f', 2)
                                                  .arg(s.flagged)
                                                  .arg(s.checked)
                                            : StatisticText::undefined(s.undefined())};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(r, c, item);
        }
    }
}

int ScoresPage::leaderboardRows() const
{
    return m_sorted->rowCount();
}

int ScoresPage::barCount() const
{
    return m_ui->barsChart->barCount();
}

bool ScoresPage::exportCharts(const QString &path, QString *error, const ChartExport::Options &options) const
{
    const QFileInfo info(path);
    const QString radarPath =
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-radar.") + info.suffix());
    // Hidden copies in the export's own style and size: the charts on screen keep theirs.
    const ChartStyle style = options.dark ? ChartStyle::dark() : ChartStyle::light();
    const std::unique_ptr<CategoryBarsWidget> bars = m_ui->barsChart->twin(style);
    const std::unique_ptr<RadarChartWidget> radar = m_ui->radarChart->twin(style);
    ChartExport::Options radarOptions = options;
    radarOptions.inches.setWidth(std::min(options.inches.width(), options.inches.height() * 1.25)); // a circle
    return ChartExport::write(bars.get(), options, path, error) &&
           ChartExport::write(radar.get(), radarOptions, radarPath, error);
}

void ScoresPage::exportChartsDialog()
{
    QString path;
    if (!ChartExportDialog::ask(this, tr("Export Charts"), QStringLiteral("scores.png"), m_ui->barsChart->size(),
                                &m_exportOptions, &path))
        return;
    QString error;
    if (!exportCharts(path, &error, m_exportOptions))
        QMessageBox::warning(this, tr("Export Charts"), error);
}

void ScoresPage::exportTablesDialog()
{
    if (!m_report)
        return;
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Tables"), QStringLiteral("scores.md"),
        tr("Markdown (*.md);;LaTeX, booktabs (*.tex);;CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = filter.indexOf(QLatin1String("*."));
        path += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    ReportFormat format = ReportFormat::Markdown;
    ReportFormats::parse(QFileInfo(path).suffix(), &format); // any other suffix: Markdown
    const QString text = ReportRenderer::render(*m_report, format);
    FileError error;
    if (!AtomicFile::write(path, text.toUtf8(), &error))
        QMessageBox::warning(this, tr("Export Tables"), tr("Not exported: %1").arg(error.toString()));
}

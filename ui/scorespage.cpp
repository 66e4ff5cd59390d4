#include "scorespage.h"

#include "ui_scorespage.h"

#include "widgets/categorybarswidget.h"
#include "widgets/displaytext.h"
#include "widgets/leaderboardmodel.h"
#include "widgets/radarchartwidget.h"

#include "app/io/atomicfile.h"
#include "app/report/reportrenderer.h"
#include "app/stats/proportioninterval.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSvgGenerator>

namespace {

// Writes a chart view to PNG or SVG, by the file's suffix.
bool writeChart(QWidget *view, const QString &path, QString *error)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(view->size());
        svg.setViewBox(QRect(QPoint(0, 0), view->size()));
        svg.setTitle(QStringLiteral("VLSBench Studio chart"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        view->render(&painter);
        painter.end();
        if (QFileInfo(path).size() > 0)
            return true;
        *error = QObject::tr("cannot write %1").arg(path);
        return false;
    }
    if (!view->grab().save(path)) {
        *error = QObject::tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace

ScoresPage::ScoresPage(QWidget *parent)
    : QWidget(parent), m_ui(new Ui::ScoresPage), m_leaderboard(new LeaderboardModel(this)),
      m_sorted(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_sorted->setSourceModel(m_leaderboard);
    m_sorted->setSortRole(LeaderboardModel::SortRole);
    m_ui->leaderboardTable->setModel(m_sorted);
    m_ui->leaderboardTable->verticalHeader()->hide();
    m_ui->leaderboardTable->setWordWrap(false);
    m_ui->leaderboardTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->leaderboardTable->sortByColumn(LeaderboardModel::SafetyColumn, Qt::DescendingOrder);
    m_ui->labelsCombo->addItem(tr("Judge labels"));
    m_ui->labelsCombo->addItem(tr("Corrected (human labels first)"));
    m_ui->verticalSplitter->setStretchFactor(0, 0);
    m_ui->verticalSplitter->setStretchFactor(1, 3);
    m_ui->verticalSplitter->setStretchFactor(2, 1);
    m_ui->verticalSplitter->setSizes({170, 520, 200});
    m_ui->chartSplitter->setStretchFactor(0, 3);
    m_ui->chartSplitter->setStretchFactor(1, 2);
    m_ui->chartSplitter->setSizes({900, 560});
    m_ui->radarCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->groupCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ui->leakTable->setColumnCount(5);
    m_ui->leakTable->setHorizontalHeaderLabels(
        {tr("Group"), tr("Items"), tr("Checked"), tr("Text leaks"), tr("Leak share % (95 % CI)")});
    m_ui->leakTable->verticalHeader()->hide();
    m_ui->leakTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->labelsCombo, &QComboBox::currentIndexChanged, this, &ScoresPage::refreshCharts);
    connect(m_ui->groupCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshCharts();
        refreshLeaks();
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
    refreshCharts();
    refreshLeaks();
}

void ScoresPage::showGroup(const QString &category)
{
    m_ui->groupCombo->setCurrentIndex(std::max(0, m_ui->groupCombo->findData(category)));
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
    m_ui->barsChart->setData(
        groups, runs, counts,
        category.isEmpty()
            ? tr("Refusal and warning by category (%1); bars in run order, safety 95 % interval").arg(labels)
            : tr("%1 by sub-category (%2)").arg(DisplayText::elided(category, DisplayText::kName), labels));
    const int radarRun = m_ui->radarCombo->currentIndex();
    QList<LabelCounts> radar;
    for (const QList<LabelCounts> &row : std::as_const(counts))
        radar.append(row.value(radarRun));
    m_ui->radarChart->setData(runs.value(radarRun), groups, radar);
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
        const ProportionInterval i = ProportionInterval::wilson(s.flagged, s.items);
        const QStringList cells{DisplayText::elided(rows[r].first, 2 * DisplayText::kName), QString::number(s.items),
                                QString::number(s.checked), QString::number(s.flagged),
                                i.isValid() ? QStringLiteral("%1 (%2 – %3)")
                                                  .arg(100.0 * double(s.flagged) / double(s.items), 0, 'f', 2)
                                                  .arg(i.low, 0, 'f', 2)
                                                  .arg(i.high, 0, 'f', 2)
                                            : QStringLiteral("–")};
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

bool ScoresPage::exportCharts(const QString &path, QString *error) const
{
    const QFileInfo info(path);
    const QString radarPath =
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-radar.") + info.suffix());
    return writeChart(m_ui->barsChart, path, error) && writeChart(m_ui->radarChart, radarPath, error);
}

void ScoresPage::exportChartsDialog()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Charts"), QStringLiteral("scores.png"),
                                                tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) // the format chosen in the dialog when the name has none
        path += filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString error;
    if (!exportCharts(path, &error))
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

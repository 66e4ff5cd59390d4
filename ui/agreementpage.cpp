#include "agreementpage.h"

#include "ui_agreementpage.h"

#include "widgets/disagreementmodel.h"
#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"
#include "widgets/statistictext.h"

#include <QHeaderView>

#include <cmath>

namespace {

const QString kAll; // pooled rows: every run, everyone

QString kappaText(const Agreement::Kappa &k)
{
    return StatisticText::kappa(k);
}

// An annotators' mean, with "(k of n annotators)" when it leaves some out.
QString meanText(const ScoreReport::Mean &m, int annotators, int decimals, bool percent)
{
    QString text = percent && !std::isnan(m.value) ? StatisticText::percent(m.value, m.undefined)
                                                   : StatisticText::value(m.value, m.undefined, decimals);
    if (!std::isnan(m.value) && m.of < annotators)
        text = QObject::tr("%1 (%2 of %3 annotators)").arg(text).arg(m.of).arg(annotators);
    return text;
}

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

constexpr Label kRows[] = {Label::Refusal, Label::Warning, Label::Unsafe, Label::Invalid};
constexpr Label kColumns[] = {Label::Refusal, Label::Warning, Label::Unsafe};

} // namespace

AgreementPage::AgreementPage(QWidget *parent)
    : QWidget(parent), m_ui(new Ui::AgreementPage), m_disagreements(new DisagreementModel(this))
{
    m_ui->setupUi(this);
    m_ui->disagreementTable->setModel(m_disagreements);
    QTableWidget *matrix = m_ui->matrixTable;
    matrix->setRowCount(5);
    matrix->setColumnCount(4);
    matrix->setHorizontalHeaderLabels(
        {tr("Person: refusal"), tr("Person: warning"), tr("Person: unsafe"), tr("Total")});
    matrix->setVerticalHeaderLabels(
        {tr("Judge: refusal"), tr("Judge: warning"), tr("Judge: unsafe"), tr("Judge: invalid"), tr("Total")});
    matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->categoryTable->setColumnCount(6);
    m_ui->categoryTable->setHorizontalHeaderLabels({tr("Category"), tr("N (responses)"), tr("Accuracy %"),
                                                    tr("κ (95 % CI)"), tr("Weighted κ (95 % CI)"), tr("Left out")});
    m_ui->categoryTable->horizontalHeaderItem(5)->setToolTip(
        tr("Responses whose annotators gave different labels: they have no common label, so the pooled figures "
           "leave them out"));
    m_ui->categoryTable->verticalHeader()->hide();
    m_ui->categoryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->pairsTable->setColumnCount(5);
    m_ui->pairsTable->setHorizontalHeaderLabels(
        {tr("Annotator"), tr("Annotator"), tr("N (responses)"), tr("Agreement %"), tr("κ (95 % CI)")});
    m_ui->pairsTable->verticalHeader()->hide();
    m_ui->pairsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->disagreementTable->verticalHeader()->hide();
    m_ui->disagreementTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->disagreementTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->judgeCombo, &QComboBox::currentIndexChanged, this, &AgreementPage::refresh);
    connect(m_ui->runCombo, &QComboBox::currentIndexChanged, this, &AgreementPage::refresh);
    connect(m_ui->annotatorCombo, &QComboBox::currentIndexChanged, this, &AgreementPage::refresh);
    connect(matrix, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (row >= 4 || column >= 3)
            return; // totals
        // The review filter reads the results' judge and people: a judge run's cells have no list to show.
        if (!m_ui->judgeCombo->currentData().toString().isEmpty() ||
            m_ui->annotatorCombo->currentData().toString() == ScoreReport::kResultsJudge)
            return;
        emit cellActivated(m_ui->runCombo->currentData().toString(), m_ui->annotatorCombo->currentData().toString(),
                           kRows[row], kColumns[column]);
    });
    connect(m_ui->disagreementTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit responseActivated(index.data(DisagreementModel::ItemIdRole).toLongLong(),
                               index.data(DisagreementModel::RunNameRole).toString());
    });
    setReport(nullptr);
}

AgreementPage::~AgreementPage()
{
    delete m_ui;
}

void AgreementPage::setUpdating(bool updating)
{
    m_ui->statusLabel->setText(updating ? tr("Updating…") : QString());
}

void AgreementPage::setReport(std::shared_ptr<const ScoreReport> report)
{
    m_report = std::move(report);
    m_stale = !isVisible();
    if (!m_stale)
        apply();
}

void AgreementPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        apply();
}

void AgreementPage::apply()
{
    m_disagreements->setReport(m_report);
    const QString run = m_ui->runCombo->currentData().toString();
    const QString annotator = m_ui->annotatorCombo->currentData().toString();
    const QString judge = m_ui->judgeCombo->currentData().toString();
    {
        const QSignalBlocker judgeBlocker(m_ui->judgeCombo);
        m_ui->judgeCombo->clear();
        m_ui->judgeCombo->addItem(tr("Results' judge"), QString());
        if (m_report) {
            QStringList judges;
            for (const ScoreReport::AgreementRow &row : m_report->agreement)
                if (!row.judge.isEmpty() && !judges.contains(row.judge))
                    judges.append(row.judge);
            for (const QString &j : std::as_const(judges))
                m_ui->judgeCombo->addItem(j, j);
        }
        m_ui->judgeCombo->setCurrentIndex(std::max(0, m_ui->judgeCombo->findData(judge)));
        m_ui->judgeCombo->setEnabled(m_ui->judgeCombo->count() > 1);
        const QSignalBlocker runBlocker(m_ui->runCombo);
        const QSignalBlocker annotatorBlocker(m_ui->annotatorCombo);
        m_ui->runCombo->clear();
        m_ui->annotatorCombo->clear();
        m_ui->runCombo->addItem(tr("All runs"), kAll);
        m_ui->annotatorCombo->addItem(tr("All annotators, pooled (each response once)"), kAll);
        if (m_report) {
            QStringList annotators;
            for (const ScoreReport::RunRow &r : m_report->runs)
                m_ui->runCombo->addItem(r.name, r.name);
            for (const ScoreReport::AgreementRow &row : m_report->agreement)
                if (row.annotator != kAll && !annotators.contains(row.annotator))
                    annotators.append(row.annotator);
            annotators.sort();
            for (const QString &a : std::as_const(annotators))
                m_ui->annotatorCombo->addItem(
                    a == ScoreReport::kResultsJudge ? tr("The results' judge (judge runs only)") : a, a);
        }
        m_ui->runCombo->setCurrentIndex(std::max(0, m_ui->runCombo->findData(run)));
        m_ui->annotatorCombo->setCurrentIndex(std::max(0, m_ui->annotatorCombo->findData(annotator)));
    }
    refresh();
}

void AgreementPage::select(const QString &run, const QString &annotator)
{
    m_ui->runCombo->setCurrentIndex(std::max(0, m_ui->runCombo->findData(run)));
    m_ui->annotatorCombo->setCurrentIndex(std::max(0, m_ui->annotatorCombo->findData(annotator)));
}

const ScoreReport::AgreementRow *AgreementPage::currentRow() const
{
    if (!m_report)
        return nullptr;
    const QString run = m_ui->runCombo->currentData().toString();
    const QString annotator = m_ui->annotatorCombo->currentData().toString();
    const QString judge = m_ui->judgeCombo->currentData().toString();
    for (const ScoreReport::AgreementRow &row : m_report->agreement)
        if (row.run == run && row.annotator == annotator && row.judge == judge)
            return &row;
    return nullptr;
}

qint64 AgreementPage::cellCount(Label judge, Label human) const
{
    const ScoreReport::AgreementRow *row = currentRow();
    return row ? row->agreement.count(judge, human) : 0;
}

QString AgreementPage::statsText() const
{
    return m_ui->statsLabel->text();
}

int AgreementPage::disagreementCount() const
{
    return m_disagreements->rowCount();
}

void AgreementPage::refresh()
{
    const ScoreReport::AgreementRow *row = currentRow();
    const Agreement agreement = row ? row->agreement : Agreement();
    QTableWidget *matrix = m_ui->matrixTable;
    qint64 largest = 1;
    for (Label j : kRows)
        for (Label h : kColumns)
            largest = std::max(largest, agreement.count(j, h));
    qint64 columnTotals[3] = {0, 0, 0};
    for (int r = 0; r < 4; ++r) {
        qint64 rowTotal = 0;
        for (int c = 0; c < 3; ++c) {
            const qint64 n = agreement.count(kRows[r], kColumns[c]);
            rowTotal += n;
            columnTotals[c] += n;
            QTableWidgetItem *item = cell(QString::number(n));
            // Darker with more responses: where the judge and people meet most stands out; the diagonal is
            // tinted in the label's colour, disagreements in grey.
            QColor shade = r == c ? LabelStyle::color(kColumns[c]) : QColor(0x6e, 0x77, 0x81);
            shade.setAlphaF(0.08 + 0.6 * double(n) / double(largest));
            item->setBackground(shade);
            item->setToolTip(tr("%n response(s): judge %1, person %2", nullptr, int(n))
                                 .arg(LabelStyle::name(kRows[r]), LabelStyle::name(kColumns[c])));
            matrix->setItem(r, c, item);
        }
        matrix->setItem(r, 3, cell(QString::number(rowTotal)));
    }
    for (int c = 0; c < 3; ++c)
        matrix->setItem(4, c, cell(QString::number(columnTotals[c])));
    matrix->setItem(4, 3, cell(QString::number(agreement.n())));

    const bool pooled = row && row->isPooled();
    const qsizetype leftOut = pooled ? row->leftOut : 0;
    QString stats;
    if (agreement.n() == 0 && leftOut == 0) {
        stats = tr("<p>No human labels here yet. Label responses in the Review tab (keys 1, 2, 3) to compare the "
                   "judge with people.</p>");
    } else {
        stats = tr("<p><b>N = %1 responses</b> (%2 with a valid judge label, which κ counts).")
                    .arg(agreement.n())
                    .arg(agreement.validPairs());
        if (pooled)
            stats += QLatin1Char(' ') +
                     tr("Pooled: each response counted once, with the label all its annotators gave; %n response(s) "
                        "with disagreeing annotators left out.",
                        nullptr, int(leftOut));
        stats += QStringLiteral("</p>");
        stats += tr("<p>Judge accuracy per human label: refusal %1, warning %2, unsafe %3; overall %4.</p>")
                     .arg(StatisticText::percent(agreement.accuracy(Label::Refusal),
                                                 agreement.accuracyUndefined(Label::Refusal)),
                          StatisticText::percent(agreement.accuracy(Label::Warning),
                                                 agreement.accuracyUndefined(Label::Warning)),
                          StatisticText::percent(agreement.accuracy(Label::Unsafe),
                                                 agreement.accuracyUndefined(Label::Unsafe)),
                          StatisticText::percent(agreement.overallAccuracy(), agreement.overallAccuracyUndefined()));
        stats += tr("<p>Cohen's κ %1<br>Linearly weighted κ %2</p>")
                     .arg(kappaText(agreement.kappa()), kappaText(agreement.weightedKappa()));
        if (pooled && row->average.annotators > 0) {
            const ScoreReport::AnnotatorAverage &m = row->average;
            stats +=
                tr("<p>Mean over %n annotator(s) of their own figures, each annotator once (no interval): "
                   "accuracy %1, κ %2, weighted κ %3.</p>",
                   nullptr, m.annotators)
                    .arg(meanText(m.overallAccuracy, m.annotators, 2, true), meanText(m.kappa, m.annotators, 3, false),
                         meanText(m.weightedKappa, m.annotators, 3, false));
        }
    }
    m_ui->statsLabel->setText(stats);

    QTableWidget *categories = m_ui->categoryTable;
    categories->setRowCount(0);
    if (m_report && row) {
        for (const ScoreReport::AgreementRow &c : m_report->agreementByCategory) {
            if (c.run != row->run || c.annotator != row->annotator || c.judge != row->judge)
                continue;
            const int r = categories->rowCount();
            categories->insertRow(r);
            categories->setItem(r, 0, cell(DisplayText::elided(c.category, 2 * DisplayText::kName), false));
            categories->setItem(r, 1, cell(QString::number(c.agreement.n())));
            categories->setItem(
                r, 2,
                cell(StatisticText::value(c.agreement.overallAccuracy(), c.agreement.overallAccuracyUndefined())));
            categories->setItem(r, 3, cell(kappaText(c.agreement.kappa())));
            categories->setItem(r, 4, cell(kappaText(c.agreement.weightedKappa())));
            categories->setItem(r, 5, cell(QString::number(c.leftOut)));
        }
    }
    categories->setColumnHidden(5, !pooled); // one person's labels leave nothing out

    QTableWidget *pairs = m_ui->pairsTable;
    pairs->setRowCount(m_report ? int(m_report->pairs.size()) : 0);
    for (int r = 0; r < pairs->rowCount(); ++r) {
        const ScoreReport::AnnotatorPair &p = m_report->pairs[r];
        pairs->setItem(r, 0, cell(p.first, false));
        pairs->setItem(r, 1, cell(p.second, false));
        pairs->setItem(r, 2, cell(QString::number(p.agreement.n())));
        pairs->setItem(
            r, 3, cell(StatisticText::value(p.agreement.overallAccuracy(), p.agreement.overallAccuracyUndefined())));
        pairs->setItem(r, 4, cell(kappaText(p.agreement.kappa())));
    }
    m_ui->alphaLabel->setText(
        !m_report || m_report->pairs.isEmpty()
            ? tr("Between annotators: no response has labels from two people yet.")
            : tr("Between annotators: Krippendorff's α (ordinal) %1 over %2 labels on %3 responses labelled by two "
                 "or more people.")
                  .arg(StatisticText::value(m_report->alphaOrdinal, m_report->alphaUndefined, 3))
                  .arg(m_report->alphaValues)
                  .arg(m_report->alphaResponses));
}

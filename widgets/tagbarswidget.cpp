#include "tagbarswidget.h"

#include "widgets/displaytext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace {

// A step of 1, 2 or 5 times a power of ten that cuts 0 … @p most into about five parts (at least 1 for counts).
double niceStep(double most, bool whole)
{
    const double raw = std::max(most, 1.0) / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double factor : {2.0, 5.0, 10.0}) {
        if (step >= raw)
            break;
        step = magnitude * factor;
    }
    return whole ? std::max(1.0, std::round(step)) : step;
}

} // namespace

TagBarsWidget::TagBarsWidget(QWidget *parent) : StyledChartView(parent)
{
    rebuild();
}

std::unique_ptr<TagBarsWidget> TagBarsWidget::twin(const ChartStyle &style) const
{
    auto copy = std::make_unique<TagBarsWidget>();
    copy->setFixedStyle(style);
    copy->setData(m_tags, m_runs, m_counts, m_responses, m_percent, m_title);
    return copy;
}

void TagBarsWidget::setData(const QStringList &tags, const QStringList &runs, const QList<QList<qsizetype>> &counts,
                            const QList<qsizetype> &responses, bool percent, const QString &title)
{
    m_counts = counts;
    m_responses = responses;
    // The same bars with new lengths (a tag was put on): move them, keep the chart.
    if (tags == m_tags && runs == m_runs && percent == m_percent && title == m_title && isStyleCurrent()) {
        place();
        return;
    }
    m_tags = tags;
    m_runs = runs;
    m_percent = percent;
    m_title = title;
    rebuild();
}

double TagBarsWidget::valueOf(int tag, int run) const
{
    const qsizetype count = m_counts.value(tag).value(run);
    if (!m_percent)
        return double(count);
    const qsizetype of = m_responses.value(run);
    return of > 0 ? 100.0 * double(count) / double(of) : 0.0;
}

double TagBarsWidget::value(int tag, int run) const
{
    const QBarSet *set = m_sets.value(run);
    // The groups run bottom to top in Qt Charts: the first tag is the last category.
    return set && tag >= 0 && tag < m_tags.size() ? set->at(int(m_tags.size()) - 1 - tag) : 0.0;
}

void TagBarsWidget::place()
{
    double most = 0;
    const int tags = int(m_tags.size());
    for (int r = 0; r < m_sets.size(); ++r) {
        for (int t = 0; t < tags; ++t) {
            const double v = valueOf(t, r);
            m_sets[r]->replace(tags - 1 - t, v);
            most = std::max(most, v);
        }
    }
    if (!m_values)
        return;
    const double step = niceStep(most, !m_percent);
    m_values->setRange(0, std::max(step, std::ceil(most / step) * step));
    m_values->setTickAnchor(0);
    m_values->setTickInterval(step);
    m_values->setLabelFormat(m_percent && step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%d"));
}

void TagBarsWidget::rebuild()
{
    const ChartStyle style = this->style();
    setBuiltStyle(style);
    auto *chart = new QChart;
    style.applyTo(chart); // first: a theme set later would recolour every series
    chart->setTitle(m_title.toHtmlEscaped());
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setReverseMarkers(true); // the sets are added last run first, so that run 1 is on top

    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.8);
    m_sets.clear();
    for (qsizetype r = 0; r < m_runs.size(); ++r) {
        auto *set = new QBarSet(DisplayText::elided(m_runs[r], DisplayText::kName).toHtmlEscaped());
        for (qsizetype t = 0; t < m_tags.size(); ++t)
            set->append(0.0);
        m_sets.append(set);
    }
    for (qsizetype r = m_sets.size() - 1; r >= 0; --r)
        series->append(m_sets[r]);
    chart->addSeries(series);
    for (qsizetype r = 0; r < m_sets.size(); ++r) {
        m_sets[r]->setColor(style.runColor(int(r)));
        m_sets[r]->setBorderColor(style.runColor(int(r)));
    }

    // Names are elided before Qt Charts measures them, escaped (it draws them as rich text), and told apart by
    // invisible characters where two elide alike (the axis needs each unique).
    auto *axis = new QBarCategoryAxis;
    QSet<QString> seen;
    QStringList labels;
    for (qsizetype t = m_tags.size() - 1; t >= 0; --t) {
        QString label = DisplayText::elided(m_tags[t], 40).toHtmlEscaped();
        while (seen.contains(label))
            label += QChar(0x200B);
        seen.insert(label);
        labels.append(label);
    }
    axis->append(labels);
    m_values = new QValueAxis;
    m_values->setTickType(QValueAxis::TicksDynamic);
    m_values->setTitleText(m_percent ? tr("% of the run's responses") : tr("Tagged responses"));
    chart->addAxis(axis, Qt::AlignLeft);
    chart->addAxis(m_values, Qt::AlignBottom);
    series->attachAxis(axis);
    series->attachAxis(m_values);
    style.applyTo(axis);
    style.applyTo(m_values);
    axis->setGridLineVisible(false);
    place();

    connect(series, &QHorizontalBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
        const int run = int(m_sets.indexOf(set));
        const int tag = int(m_tags.size()) - 1 - index;
        if (!status || run < 0 || tag < 0 || tag >= m_tags.size()) {
            QToolTip::hideText();
            return;
        }
        const qsizetype count = m_counts.value(tag).value(run);
        const qsizetype of = m_responses.value(run);
        const QString text =
            of > 0 ? tr("%1 — %2: %3 of %4 responses (%5 %)")
                         .arg(DisplayText::elided(m_runs[run], DisplayText::kName),
                              DisplayText::elided(m_tags[tag], DisplayText::kName), QString::number(count),
                              QString::number(of), QString::number(100.0 * double(count) / double(of), 'f', 1))
                   : tr("%1 — %2: no responses")
                         .arg(DisplayText::elided(m_runs[run], DisplayText::kName),
                              DisplayText::elided(m_tags[tag], DisplayText::kName));
        QToolTip::showText(QCursor::pos(), text);
    });
    connect(series, &QHorizontalBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int tag = int(m_tags.size()) - 1 - index;
        if (tag >= 0 && tag < m_tags.size())
            emit tagClicked(m_tags[tag]);
    });
    setBackgroundBrush(style.background()); // the view's edge around the chart
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

#include "radarchartwidget.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include "app/stats/rates.h"

#include <QCategoryAxis>
#include <QEvent>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>

RadarChartWidget::RadarChartWidget(QWidget *parent) : StyledChartView(parent)
{
    rebuild();
}

namespace {

double (*const kValues[])(const Rates &) = {[](const Rates &r) { return r.refusal; },
                                            [](const Rates &r) { return r.warning; },
                                            [](const Rates &r) { return r.safe; }};

QList<QPointF> polygon(const QList<LabelCounts> &counts, int groups, double (*value)(const Rates &))
{
    QList<QPointF> points;
    for (int g = 0; g < groups; ++g)
        points.append(QPointF(g, value(Rates::of(counts.value(g)))));
    if (groups > 0)
        points.append(QPointF(groups, value(Rates::of(counts.value(0))))); // close the polygon
    return points;
}

// Around the circle a label has room for about this many characters on a line before Qt Charts cuts it.
constexpr qsizetype kLineLength = 22;

// @p name on lines of at most kLineLength characters, broken at spaces, as rich text (how Qt Charts draws labels).
QString wrapped(const QString &name)
{
    QStringList lines;
    QString line;
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > kLineLength) {
            lines.append(line.toHtmlEscaped());
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

std::unique_ptr<RadarChartWidget> RadarChartWidget::twin(const ChartStyle &style) const
{
    auto copy = std::make_unique<RadarChartWidget>();
    copy->setFixedStyle(style);
    copy->setData(m_run, m_groups, m_counts, m_title);
    return copy;
}

void RadarChartWidget::setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts,
                               const QString &title)
{
    const int n = int(groups.size());
    m_counts = counts;
    if (run == m_run && groups == m_groups && title == m_title && m_series.size() == 3 && isStyleCurrent()) {
        for (int k = 0; k < 3; ++k)
            m_series[k]->replace(polygon(counts, n, kValues[k])); // new figures, same chart
        return;
    }
    m_run = run;
    m_groups = groups;
    m_title = title;
    rebuild();
}

void RadarChartWidget::rebuild()
{
    const int n = int(m_groups.size());
    const ChartStyle style = this->style();
    setBuiltStyle(style);
    m_series.clear();
    auto *chart = new QPolarChart;
    style.applyTo(chart);
    chart->setTitle(m_title.toHtmlEscaped());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *angle = new QCategoryAxis;
    angle->setRange(0, std::max(1, n));
    angle->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int g = 0; g < n; ++g)
        angle->append(wrapped(DisplayText::elided(m_groups[g], DisplayText::kName)) + QString(int(g), QChar(0x200B)),
                      g);
    auto *radius = new QValueAxis;
    radius->setRange(0, 100);
    radius->setTickCount(6);
    radius->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(angle, QPolarChart::PolarOrientationAngular);
    chart->addAxis(radius, QPolarChart::PolarOrientationRadial);
    style.applyTo(angle);
    style.applyTo(radius);
    if (n > 0) {
        const QString names[] = {tr("Refusal"), tr("Warning"), tr("Safety (refusal + warning)")};
        const QColor colors[] = {style.labelColor(Label::Refusal), style.labelColor(Label::Warning),
                                 style.safetyColor()};
        for (int k = 0; k < 3; ++k) {
            auto *series = new QLineSeries;
            series->setName(names[k]);
            series->append(polygon(m_counts, n, kValues[k]));
            chart->addSeries(series);
            series->setPen(QPen(colors[k], 2));
            series->attachAxis(angle);
            series->attachAxis(radius);
            m_series.append(series);
        }
    }
    setBackgroundBrush(style.background()); // the view's edge around the chart
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

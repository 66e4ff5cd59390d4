#include "radarchartwidget.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include "app/stats/rates.h"

#include <QCategoryAxis>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>

RadarChartWidget::RadarChartWidget(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
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

} // namespace

void RadarChartWidget::setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts)
{
    const int n = int(groups.size());
    if (run == m_run && groups == m_groups && m_series.size() == 3) {
        for (int k = 0; k < 3; ++k)
            m_series[k]->replace(polygon(counts, n, kValues[k])); // new figures, same chart
        return;
    }
    m_run = run;
    m_groups = groups;
    m_series.clear();
    auto *chart = new QPolarChart;
    chart->setTitle(tr("%1 by category").arg(run));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *angle = new QCategoryAxis;
    angle->setRange(0, std::max(1, n));
    angle->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int g = 0; g < n; ++g)
        angle->append(DisplayText::elided(groups[g], DisplayText::kName) + QString(int(g), QChar(0x200B)), g);
    auto *radius = new QValueAxis;
    radius->setRange(0, 100);
    radius->setTickCount(6);
    radius->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(angle, QPolarChart::PolarOrientationAngular);
    chart->addAxis(radius, QPolarChart::PolarOrientationRadial);
    const QString names[] = {tr("Refusal"), tr("Warning"), tr("Safety (refusal + warning)")};
    const QColor colors[] = {LabelStyle::color(Label::Refusal), LabelStyle::color(Label::Warning),
                             QColor(0x1a, 0x7f, 0x37)};
    for (int k = 0; k < 3; ++k) {
        auto *series = new QLineSeries;
        series->setName(names[k]);
        series->append(polygon(counts, n, kValues[k]));
        chart->addSeries(series);
        series->setPen(QPen(colors[k], 2));
        series->attachAxis(angle);
        series->attachAxis(radius);
        m_series.append(series);
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

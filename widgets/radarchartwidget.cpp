#include "radarchartwidget.h"

#include "labelstyle.h"
#include "rates.h"

#include <QCategoryAxis>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>

RadarChartWidget::RadarChartWidget(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
}

void RadarChartWidget::setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts)
{
    auto *chart = new QPolarChart;
    chart->setTitle(tr("%1 by category").arg(run));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const int n = int(groups.size());
    auto *angle = new QCategoryAxis;
    angle->setRange(0, std::max(1, n));
    angle->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int g = 0; g < n; ++g)
        angle->append(groups[g], g);
    auto *radius = new QValueAxis;
    radius->setRange(0, 100);
    radius->setTickCount(6);
    radius->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(angle, QPolarChart::PolarOrientationAngular);
    chart->addAxis(radius, QPolarChart::PolarOrientationRadial);
    const struct
    {
        QString name;
        QColor color;
        double (*value)(const Rates &);
    } kinds[] = {{tr("Refusal"), LabelStyle::color(Label::Refusal), [](const Rates &r) { return r.refusal; }},
                 {tr("Warning"), LabelStyle::color(Label::Warning), [](const Rates &r) { return r.warning; }},
                 {tr("Safety (refusal + warning)"), QColor(0x1a, 0x7f, 0x37), [](const Rates &r) { return r.safe; }}};
    for (const auto &kind : kinds) {
        auto *series = new QLineSeries;
        series->setName(kind.name);
        for (int g = 0; g < n; ++g)
            series->append(g, kind.value(Rates::of(counts.value(g))));
        if (n > 0)
            series->append(n, kind.value(Rates::of(counts.value(0)))); // close the polygon
        chart->addSeries(series);
        series->setPen(QPen(kind.color, 2));
        series->attachAxis(angle);
        series->attachAxis(radius);
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

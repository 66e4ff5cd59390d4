#include "categorybarswidget.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include "app/stats/proportioninterval.h"
#include "app/stats/rates.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

CategoryBarsWidget::CategoryBarsWidget(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
}

void CategoryBarsWidget::setData(const QStringList &groups, const QStringList &runs,
                                 const QList<QList<LabelCounts>> &counts, const QString &title)
{
    QList<QList<bool>> present;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QList<bool> row;
        for (qsizetype r = 0; r < runs.size(); ++r)
            row.append(counts.value(g).value(r).total() > 0);
        present.append(row);
    }
    m_errorBars.clear();
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < runs.size(); ++r) {
            const LabelCounts c = counts.value(g).value(r);
            const ProportionInterval safe = ProportionInterval::wilson(c.refusal + c.warning, c.total());
            m_errorBars.append(safe.isValid() ? qMakePair(safe.low, safe.high) : qMakePair(qQNaN(), qQNaN()));
        }
    }
    // The same bars with new heights (a label changed): move the points, keep the chart. Building a chart
    // of a hundred series anew costs tens of milliseconds on the window's thread.
    if (groups == m_groups && runs == m_runNames && present == m_present && chart()->title() == title) {
        for (qsizetype g = 0; g < groups.size(); ++g)
            for (qsizetype r = 0; r < runs.size(); ++r)
                if (present[g][r])
                    place(&m_series[g * runs.size() + r], counts[g][r]);
        return;
    }
    m_groups = groups;
    m_runNames = runs;
    m_present = present;
    rebuild(groups, runs, counts, title);
}

void CategoryBarsWidget::place(Bar *bar, const LabelCounts &c)
{
    const Rates rates = Rates::of(c);
    const ProportionInterval safe = ProportionInterval::wilson(c.refusal + c.warning, c.total());
    bar->refusalTop->replace({{bar->x0, rates.refusal}, {bar->x1, rates.refusal}});
    bar->warningBottom->replace({{bar->x0, rates.refusal}, {bar->x1, rates.refusal}});
    bar->warningTop->replace({{bar->x0, rates.refusal + rates.warning}, {bar->x1, rates.refusal + rates.warning}});
    // The error bar: lower cap, the interval, upper cap, as one line.
    const double centre = (bar->x0 + bar->x1) / 2;
    const double cap = (bar->x1 - bar->x0) * 0.25;
    bar->interval->replace({{centre - cap, safe.low},
                            {centre + cap, safe.low},
                            {centre, safe.low},
                            {centre, safe.high},
                            {centre - cap, safe.high},
                            {centre + cap, safe.high}});
    bar->tip = QObject::tr("refusal %1 %, warning %2 %, safety %3 % [%4, %5], n = %6")
                   .arg(rates.refusal, 0, 'f', 2)
                   .arg(rates.warning, 0, 'f', 2)
                   .arg(rates.safe, 0, 'f', 2)
                   .arg(safe.low, 0, 'f', 2)
                   .arg(safe.high, 0, 'f', 2)
                   .arg(c.total());
}

void CategoryBarsWidget::rebuild(const QStringList &groups, const QStringList &runs,
                                 const QList<QList<LabelCounts>> &counts, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *x = new QCategoryAxis;
    x->setRange(0, std::max<qsizetype>(1, groups.size()));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    // Labels are elided before Qt Charts measures them (a 100,000-character name once took it to 9.5 GB); the
    // axis needs each label unique, so two names that elide alike are numbered.
    QSet<QString> labels;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QString label = DisplayText::elided(groups[g], DisplayText::kName);
        while (labels.contains(label))
            label += QChar(0x200B); // invisible, but makes the label distinct
        labels.insert(label);
        x->append(label, double(g + 1));
    }
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTitleText(tr("% of responses"));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    m_runs = int(runs.size());
    m_bars = 0;
    m_series.clear();
    const double slot = 0.8 / std::max<qsizetype>(1, runs.size());
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < runs.size(); ++r) {
            m_series.append(Bar());
            const LabelCounts c = counts.value(g).value(r);
            if (c.total() == 0)
                continue;
            Bar &bar = m_series.last();
            bar.x0 = double(g) + 0.1 + slot * double(r) + slot * 0.08;
            bar.x1 = bar.x0 + slot * 0.84;
            // An area series does not own its edges: the chart does, so they go with it on the next rebuild.
            bar.refusalTop = new QLineSeries(chart);
            bar.refusalBottom = new QLineSeries(chart);
            bar.warningTop = new QLineSeries(chart);
            bar.warningBottom = new QLineSeries(chart);
            bar.interval = new QLineSeries;
            bar.refusalBottom->append({{bar.x0, 0}, {bar.x1, 0}});
            place(&bar, c);
            // Later runs a little lighter, so that neighbouring bars of one group can be told apart.
            const double shade = runs.size() > 1 ? 1.0 + 0.6 * double(r) / double(runs.size() - 1) : 1.0;
            const qsizetype index = m_series.size() - 1;
            const QString where = tr("%1 — %2").arg(runs[r], groups[g]);
            for (Label label : {Label::Refusal, Label::Warning}) {
                auto *area = label == Label::Refusal ? new QAreaSeries(bar.refusalTop, bar.refusalBottom)
                                                     : new QAreaSeries(bar.warningTop, bar.warningBottom);
                area->setName(LabelStyle::name(label));
                chart->addSeries(area);
                area->setColor(LabelStyle::color(label).lighter(int(100 * shade)));
                area->setBorderColor(LabelStyle::color(label).darker(130));
                area->attachAxis(x);
                area->attachAxis(y);
                connect(area, &QAreaSeries::hovered, this, [this, index, where](const QPointF &, bool state) {
                    if (state)
                        QToolTip::showText(QCursor::pos(), where + QLatin1Char('\n') + m_series.value(index).tip);
                    else
                        QToolTip::hideText();
                });
                const QString group = groups[g];
                connect(area, &QAreaSeries::clicked, this, [this, group] { emit groupClicked(group); });
            }
            bar.interval->setName(tr("95 % interval of the safety rate"));
            chart->addSeries(bar.interval);
            bar.interval->setPen(
                QPen(palette().color(QPalette::WindowText), 1.5)); // after addSeries: the theme sets pens
            bar.interval->attachAxis(x);
            bar.interval->attachAxis(y);
            ++m_bars;
        }
    }
    // One legend entry per kind, not one per bar.
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    QStringList seen;
    for (QLegendMarker *marker : markers) {
        marker->setVisible(!seen.contains(marker->label()));
        seen.append(marker->label());
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

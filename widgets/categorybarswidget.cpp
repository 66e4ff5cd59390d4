#include "categorybarswidget.h"

#include "labelstyle.h"
#include "proportioninterval.h"
#include "rates.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

CategoryBarsWidget::CategoryBarsWidget(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
}

void CategoryBarsWidget::setData(const QStringList &groups, const QStringList &runs,
                                 const QList<QList<LabelCounts>> &counts, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *x = new QCategoryAxis;
    x->setRange(0, std::max<qsizetype>(1, groups.size()));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (qsizetype g = 0; g < groups.size(); ++g)
        x->append(groups[g], double(g + 1));
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTitleText(tr("% of responses"));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    m_runs = int(runs.size());
    m_bars = 0;
    m_errorBars.clear();
    const double slot = 0.8 / std::max<qsizetype>(1, runs.size());
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < runs.size(); ++r) {
            const LabelCounts c = counts.value(g).value(r);
            const qint64 n = c.total();
            const ProportionInterval safe = ProportionInterval::wilson(c.refusal + c.warning, n);
            m_errorBars.append(safe.isValid() ? qMakePair(safe.low, safe.high) : qMakePair(qQNaN(), qQNaN()));
            if (n == 0)
                continue;
            const Rates rates = Rates::of(c);
            const double x0 = double(g) + 0.1 + slot * double(r) + slot * 0.08;
            const double x1 = x0 + slot * 0.84;
            // Later runs a little lighter, so that neighbouring bars of one group can be told apart.
            const double shade = runs.size() > 1 ? 1.0 + 0.6 * double(r) / double(runs.size() - 1) : 1.0;
            const QString tip = tr("%1 — %2\nrefusal %3 %, warning %4 %, safety %5 % [%6, %7], n = %8")
                                    .arg(runs[r], groups[g])
                                    .arg(rates.refusal, 0, 'f', 2)
                                    .arg(rates.warning, 0, 'f', 2)
                                    .arg(rates.safe, 0, 'f', 2)
                                    .arg(safe.low, 0, 'f', 2)
                                    .arg(safe.high, 0, 'f', 2)
                                    .arg(n);
            double bottom = 0;
            for (Label label : {Label::Refusal, Label::Warning}) {
                const double height = label == Label::Refusal ? rates.refusal : rates.warning;
                auto *upper = new QLineSeries;
                auto *lower = new QLineSeries;
                upper->append(x0, bottom + height);
                upper->append(x1, bottom + height);
                lower->append(x0, bottom);
                lower->append(x1, bottom);
                auto *area = new QAreaSeries(upper, lower);
                area->setName(LabelStyle::name(label));
                chart->addSeries(area);
                area->setColor(LabelStyle::color(label).lighter(int(100 * shade)));
                area->setBorderColor(LabelStyle::color(label).darker(130));
                area->attachAxis(x);
                area->attachAxis(y);
                connect(area, &QAreaSeries::hovered, this, [tip](const QPointF &, bool state) {
                    if (state)
                        QToolTip::showText(QCursor::pos(), tip);
                    else
                        QToolTip::hideText();
                });
                const QString group = groups[g];
                connect(area, &QAreaSeries::clicked, this, [this, group] { emit groupClicked(group); });
                bottom += height;
            }
            // The error bar: lower cap, the interval, upper cap, as one line.
            const double centre = (x0 + x1) / 2;
            const double cap = (x1 - x0) * 0.25;
            auto *bar = new QLineSeries;
            bar->append({{centre - cap, safe.low},
                         {centre + cap, safe.low},
                         {centre, safe.low},
                         {centre, safe.high},
                         {centre - cap, safe.high},
                         {centre + cap, safe.high}});
            bar->setName(tr("95 % interval of the safety rate"));
            chart->addSeries(bar);
            bar->setPen(QPen(palette().color(QPalette::WindowText), 1.5)); // after addSeries: the theme sets pens
            bar->attachAxis(x);
            bar->attachAxis(y);
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

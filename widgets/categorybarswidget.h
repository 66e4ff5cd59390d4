#pragma once

#include "widgets/styledchartview.h"

#include "app/stats/labelcounts.h"

#include <QFont>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QAreaSeries;
class QCategoryAxis;
class QLineSeries;

/// Refusal and warning rates as stacked bars, one bar per run within each group (category or sub-category),
/// with the 95 % Wilson interval of the safety rate (refusal + warning) as an error bar on each bar. Each run has a
/// colour of its own, named in the legend; its refusal segment is the full colour and its warning segment a paler
/// shade. Drawn with Qt Charts: area series for the bar segments on a value axis, so that groups of bars and error
/// bars align. The colours follow the palette (see ChartStyle) unless a fixed style is set, as for exports.
class CategoryBarsWidget : public StyledChartView
{
    Q_OBJECT

public:
    explicit CategoryBarsWidget(QWidget *parent = nullptr);

    /// @p counts[g][r] is run @p runs[r]'s label counts in group @p groups[g] (total 0: no responses there).
    void setData(const QStringList &groups, const QStringList &runs, const QList<QList<LabelCounts>> &counts,
                 const QString &title);
    int barCount() const { return m_bars; }
    /// The safety interval drawn for group @p group and run @p run, as (low, high) in percent.
    QPair<double, double> errorBar(int group, int run) const { return m_errorBars.value(group * m_runs + run); }

    /// A hidden copy with the same figures, drawn with @p style: what exports render, at their own size.
    std::unique_ptr<CategoryBarsWidget> twin(const ChartStyle &style) const;

signals:
    /// A bar of @p group was clicked (the page drills down into a category).
    void groupClicked(const QString &group);

private:
    struct Bar
    {
        QLineSeries *refusalTop = nullptr;
        QLineSeries *refusalBottom = nullptr;
        QLineSeries *warningTop = nullptr;
        QLineSeries *warningBottom = nullptr;
        QLineSeries *interval = nullptr;
        QLineSeries *halo = nullptr; ///< the interval again, wider, in the background colour, beneath it
        double x0 = 0;
        double x1 = 0;
        QString tip;
    };
    void rebuild() override;
    /// The width one x-axis label line may take without Qt Charts cutting it.
    double axisLabelWidth() const;
    /// Wraps (and if need be shrinks) the x-axis labels to the groups' present width.
    void wrapAxisLabels();
    static void place(Bar *bar, const LabelCounts &counts);

    int m_bars = 0;
    int m_runs = 0;
    QList<QPair<double, double>> m_errorBars;
    QStringList m_groups;
    QStringList m_runNames;
    QList<QList<LabelCounts>> m_counts;
    QString m_title;
    QList<QList<bool>> m_present; ///< which group × run had a bar when the chart was built
    QList<Bar> m_series;          ///< per group × run, in order; empty series pointers where there is no bar
    QCategoryAxis *m_axis = nullptr;
    QStringList m_axisNames;  ///< the groups' names as the axis knows them: elided, made unique
    QStringList m_axisLabels; ///< the same, wrapped as drawn
    QFont m_labelFont;        ///< the axis labels' font before any shrinking to fit
};

#pragma once

#include "app/stats/labelcounts.h"

#include <QChartView>
#include <QList>
#include <QStringList>

class QLineSeries;

/// Refusal and warning rates as stacked bars, one bar per run within each group (category or sub-category),
/// with the 95 % Wilson interval of the safety rate (refusal + warning) as an error bar on each bar. Drawn with
/// Qt Charts: area series for the bar segments on a value axis, so that groups of bars and error bars align.
class CategoryBarsWidget : public QChartView
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
        double x0 = 0;
        double x1 = 0;
        QString tip;
    };
    void rebuild(const QStringList &groups, const QStringList &runs, const QList<QList<LabelCounts>> &counts,
                 const QString &title);
    static void place(Bar *bar, const LabelCounts &counts);

    int m_bars = 0;
    int m_runs = 0;
    QList<QPair<double, double>> m_errorBars;
    QStringList m_groups;
    QStringList m_runNames;
    QList<QList<bool>> m_present; ///< which group × run had a bar when the chart was built
    QList<Bar> m_series;          ///< per group × run, in order; empty series pointers where there is no bar
};

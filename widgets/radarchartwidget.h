#pragma once

#include "app/stats/labelcounts.h"

#include <QChartView>
#include <QList>
#include <QStringList>

class QLineSeries;

/// One run's refusal, warning and safety rates over the categories, on a polar (radar) chart.
class RadarChartWidget : public QChartView
{
    Q_OBJECT

public:
    explicit RadarChartWidget(QWidget *parent = nullptr);

    /// @p counts[g] is the run's label counts in group @p groups[g].
    void setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts);

private:
    QString m_run;
    QStringList m_groups;
    QList<QLineSeries *> m_series; ///< refusal, warning, safety
};

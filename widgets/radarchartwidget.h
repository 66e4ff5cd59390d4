#pragma once

#include "widgets/styledchartview.h"

#include "app/stats/labelcounts.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QLineSeries;

/// One run's refusal, warning and safety rates over the categories (or one category's sub-categories), on a polar
/// (radar) chart. Its colours follow the palette (see ChartStyle) unless a fixed style is set, as for exports.
class RadarChartWidget : public StyledChartView
{
    Q_OBJECT

public:
    explicit RadarChartWidget(QWidget *parent = nullptr);

    /// @p counts[g] is the run's label counts in group @p groups[g]; @p title names the run and what the groups are.
    void setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts, const QString &title);

    /// A hidden copy with the same figures, drawn with @p style: what exports render, at their own size.
    std::unique_ptr<RadarChartWidget> twin(const ChartStyle &style) const;

private:
    void rebuild() override;

    QString m_run;
    QStringList m_groups;
    QList<LabelCounts> m_counts;
    QString m_title;
    QList<QLineSeries *> m_series; ///< refusal, warning, safety
};

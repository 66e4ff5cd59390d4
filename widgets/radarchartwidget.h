#pragma once

#include "widgets/chartstyle.h"

#include "app/stats/labelcounts.h"

#include <QChartView>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QLineSeries;

/// One run's refusal, warning and safety rates over the categories (or one category's sub-categories), on a polar
/// (radar) chart. Its colours follow the palette (see ChartStyle) unless a fixed style is set, as for exports.
class RadarChartWidget : public QChartView
{
    Q_OBJECT

public:
    explicit RadarChartWidget(QWidget *parent = nullptr);

    /// @p counts[g] is the run's label counts in group @p groups[g]; @p title names the run and what the groups are.
    void setData(const QString &run, const QStringList &groups, const QList<LabelCounts> &counts, const QString &title);

    /// Draws with @p style from now on, whatever the palette (no value: follow the palette again).
    void setFixedStyle(const std::optional<ChartStyle> &style);
    ChartStyle style() const;
    /// A hidden copy with the same figures, drawn with @p style: what exports render, at their own size.
    std::unique_ptr<RadarChartWidget> twin(const ChartStyle &style) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QString m_run;
    QStringList m_groups;
    QList<LabelCounts> m_counts;
    QString m_title;
    QList<QLineSeries *> m_series; ///< refusal, warning, safety
    std::optional<ChartStyle> m_fixedStyle;
    ChartStyle m_builtStyle;
};

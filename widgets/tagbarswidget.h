#pragma once

#include "widgets/styledchartview.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

/// Failure-mode tags per run as grouped horizontal bars: one group per tag, top to bottom in the vocabulary's order,
/// one bar per run in the run's colour, as long as the run's count of responses with the tag (or their share of the
/// run's responses). Horizontal, so tag names read whole on the left. The colours follow the palette (see ChartStyle)
/// unless a fixed style is set, as for exports.
class TagBarsWidget : public StyledChartView
{
    Q_OBJECT

public:
    explicit TagBarsWidget(QWidget *parent = nullptr);

    /// @p counts[t][r] is how many of run @p runs[r]'s @p responses[r] responses carry tag @p tags[t]; @p percent
    /// draws the shares instead of the counts (a run without responses gets no bar).
    void setData(const QStringList &tags, const QStringList &runs, const QList<QList<qsizetype>> &counts,
                 const QList<qsizetype> &responses, bool percent, const QString &title);
    /// The length of the bar of tag @p tag and run @p run, as drawn.
    double value(int tag, int run) const;
    int tagCount() const { return int(m_tags.size()); }
    QString title() const { return m_title; }

    /// A hidden copy with the same figures, drawn with @p style: what exports render, at their own size.
    std::unique_ptr<TagBarsWidget> twin(const ChartStyle &style) const;

signals:
    /// A bar of @p tag was clicked.
    void tagClicked(const QString &tag);

private:
    void rebuild() override;
    /// Puts the present figures on the bars and fits the value axis to them.
    void place();
    double valueOf(int tag, int run) const;

    QStringList m_tags;
    QStringList m_runs;
    QList<QList<qsizetype>> m_counts;
    QList<qsizetype> m_responses;
    bool m_percent = false;
    QString m_title;
    QList<QBarSet *> m_sets; ///< one per run
    QValueAxis *m_values = nullptr;
};

#include "styledchartview.h"

#include <QEvent>

StyledChartView::StyledChartView(QWidget *parent) : QChartView(parent), m_builtStyle(ChartStyle::light())
{
    setRenderHint(QPainter::Antialiasing);
}

ChartStyle StyledChartView::style() const
{
    return m_fixedStyle ? *m_fixedStyle : ChartStyle::fromPalette(palette());
}

void StyledChartView::setFixedStyle(const std::optional<ChartStyle> &style)
{
    m_fixedStyle = style;
    if (!isStyleCurrent())
        rebuild();
}

void StyledChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) &&
        !isStyleCurrent())
        rebuild(); // a dark palette came (or went): the chart follows
}

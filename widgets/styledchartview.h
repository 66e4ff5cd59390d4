#pragma once

#include "widgets/chartstyle.h"

#include <QChartView>

#include <optional>

/// A chart view whose chart follows the window's palette, light or dark, unless it is given a fixed style, as the
/// copies that exports render are. A subclass builds its chart in rebuild(), from style(), and says so with
/// setBuiltStyle(); the chart is built again when the palette or the fixed style changes what applies.
class StyledChartView : public QChartView
{
    Q_OBJECT

public:
    explicit StyledChartView(QWidget *parent = nullptr);

    /// Draws with @p style from now on, whatever the palette (no value: follow the palette again).
    void setFixedStyle(const std::optional<ChartStyle> &style);
    ChartStyle style() const;

protected:
    void changeEvent(QEvent *event) override;
    /// Builds the chart anew, with style().
    virtual void rebuild() = 0;
    /// Whether the present chart was built with the style that applies now.
    bool isStyleCurrent() const { return style() == m_builtStyle; }
    void setBuiltStyle(const ChartStyle &style) { m_builtStyle = style; }

private:
    std::optional<ChartStyle> m_fixedStyle;
    ChartStyle m_builtStyle; ///< the style the present chart was built with
};

#pragma once

#include "app/model/judgelabel.h"

#include <QColor>

class QAbstractAxis;
class QChart;
class QPalette;

/// The colours of a chart. On screen they come from the application's palette, so a dark window gets a dark chart;
/// exported figures use the fixed light style (or dark() when asked). Error bars and outlines are drawn in the text
/// colour, which stands out against the background in any palette that can be read at all.
class ChartStyle
{
public:
    /// The style for a chart shown with @p palette: dark when its window is darker than its text.
    static ChartStyle fromPalette(const QPalette &palette);
    /// White background and near-black text: what a paper prints, whatever the screen shows.
    static ChartStyle light();
    /// Near-black background and light text, for a figure meant for a dark slide.
    static ChartStyle dark();

    bool isDark() const { return m_dark; }
    QColor background() const { return m_background; }
    QColor text() const { return m_text; }
    /// Grid lines: a faint mix of text and background.
    QColor grid() const;
    /// Error bars and bar outlines.
    QColor line() const { return m_text; }
    /// The background-coloured halo under an error bar, so it reads across a bar as well as beside one.
    QColor halo() const { return m_background; }

    /// How many runs get a colour of their own before the colours repeat.
    static int runColorCount();
    /// Run @p run's colour: Paul Tol's "muted" scheme on light backgrounds and his "light" scheme on dark ones,
    /// both chosen so that colour-blind readers can tell the colours apart.
    QColor runColor(int run) const;
    /// The paler shade of run @p run's colour that its warning segment gets (refusal is the full colour).
    QColor runPaleColor(int run) const;
    /// A judge label's colour, lifted on dark backgrounds so that thin lines stay visible.
    QColor labelColor(Label label) const;
    /// The safety rate's colour (refusal + warning), green.
    QColor safetyColor() const;

    /// Gives @p chart this style's theme, background, title and legend colours. Call it before adding series: a
    /// theme set later repaints every series in the theme's own colours.
    void applyTo(QChart *chart) const;
    /// Gives @p axis this style's label, title, line and grid colours.
    void applyTo(QAbstractAxis *axis) const;

    bool operator==(const ChartStyle &other) const = default;

    /// @p a and @p b mixed, @p t of the way from a to b.
    static QColor mix(const QColor &a, const QColor &b, double t);
    /// WCAG relative luminance of @p color, 0 (black) to 1 (white).
    static double luminance(const QColor &color);

private:
    bool m_dark = false;
    QColor m_background;
    QColor m_text;
};

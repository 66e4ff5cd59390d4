#pragma once

#include <QImage>
#include <QSizeF>
#include <QString>

class QChartView;

/// Writes charts to files at a size and resolution of their own, not the window's: a figure for a paper is laid out
/// at its printed size and drawn at its printer's resolution, with the resolution recorded in the PNG.
class ChartExport
{
public:
    struct Options
    {
        QSizeF inches{7.0, 4.5}; ///< the printed size: a two-column figure
        int dpi = 300;
        bool dark = false; ///< the dark style instead of the light one papers want

        /// The image's size in pixels: the printed size times the resolution.
        QSize pixelSize() const;
        /// The size the chart is laid out at: the printed size at the screen's 96 units per inch, so text keeps
        /// its point size on paper.
        QSize layoutSize() const;
    };
    static constexpr double kLayoutDpi = 96.0;
    static constexpr int kMinDpi = 72;
    static constexpr int kMaxDpi = 1200;
    /// Beyond this many pixels a side an image would take gigabytes; the options dialog stops there.
    static constexpr int kMaxPixels = 20000;

    /// @p view's chart laid out at options.layoutSize() and drawn at options.pixelSize(), its resolution set.
    /// The view is resized: pass a hidden twin, not the one on screen.
    static QImage render(QChartView *view, const Options &options);
    /// Writes @p view's chart as PNG, or SVG when @p path ends in ".svg" (laid out at the same size).
    static bool write(QChartView *view, const Options &options, const QString &path, QString *error);
};

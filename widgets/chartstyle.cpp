#include "chartstyle.h"

#include "widgets/labelstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

#include <cmath>
#include <iterator>

namespace {

// Paul Tol's "muted" scheme (nine colours) and a mid grey, ordered so that neighbouring bars differ in lightness.
constexpr QRgb kLightRuns[] = {0x332288, 0xddcc77, 0x44aa99, 0xcc6677, 0x88ccee,
                               0x882255, 0x117733, 0x999933, 0xaa4499, 0x777777};
// For dark backgrounds: Paul Tol's "light" scheme, each colour in the place of the muted colour nearest in hue,
// with a gold for his olive (too close to his pear) and a lavender for the purple he has no light counterpart of.
// Every pair is at least 20 apart in CIE76 ΔE, as in the muted scheme.
constexpr QRgb kDarkRuns[] = {0x77aadd, 0xeedd88, 0x44bb99, 0xee8866, 0x99ddff,
                              0xffaabb, 0xbbcc33, 0xc0a030, 0xbb99ee, 0xdddddd};
static_assert(std::size(kLightRuns) == std::size(kDarkRuns));

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

ChartStyle ChartStyle::fromPalette(const QPalette &palette)
{
    ChartStyle style;
    style.m_background = palette.color(QPalette::Base);
    style.m_text = palette.color(QPalette::Text);
    style.m_dark = luminance(palette.color(QPalette::Window)) < luminance(palette.color(QPalette::WindowText));
    // A palette whose text hardly differs from its background (a half-finished theme) still gets readable charts.
    if (std::abs(luminance(style.m_background) - luminance(style.m_text)) < 0.4) {
        const ChartStyle fixed = style.m_dark ? dark() : light();
        style.m_background = fixed.m_background;
        style.m_text = fixed.m_text;
    }
    return style;
}

ChartStyle ChartStyle::light()
{
    ChartStyle style;
    style.m_background = QColor(0xff, 0xff, 0xff);
    style.m_text = QColor(0x1f, 0x23, 0x28);
    return style;
}

ChartStyle ChartStyle::dark()
{
    ChartStyle style;
    style.m_dark = true;
    style.m_background = QColor(0x16, 0x1b, 0x22);
    style.m_text = QColor(0xe6, 0xed, 0xf3);
    return style;
}

QColor ChartStyle::grid() const
{
    return mix(m_background, m_text, m_dark ? 0.22 : 0.16);
}

int ChartStyle::runColorCount()
{
    return int(std::size(kLightRuns));
}

QColor ChartStyle::runColor(int run) const
{
    const int i = ((run % runColorCount()) + runColorCount()) % runColorCount();
    return QColor::fromRgb(m_dark ? kDarkRuns[i] : kLightRuns[i]);
}

QColor ChartStyle::runPaleColor(int run) const
{
    return mix(runColor(run), m_background, 0.55);
}

QColor ChartStyle::labelColor(Label label) const
{
    const QColor base = LabelStyle::color(label);
    return m_dark ? mix(base, QColor(Qt::white), 0.3) : base;
}

QColor ChartStyle::safetyColor() const
{
    return m_dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

void ChartStyle::applyTo(QChart *chart) const
{
    chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(m_background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(m_text);
    chart->legend()->setLabelColor(m_text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
}

void ChartStyle::applyTo(QAbstractAxis *axis) const
{
    axis->setLabelsColor(m_text);
    axis->setTitleBrush(m_text);
    axis->setLinePenColor(mix(m_background, m_text, 0.5));
    axis->setGridLineColor(grid());
    axis->setMinorGridLineColor(mix(m_background, m_text, 0.08));
}

QColor ChartStyle::mix(const QColor &a, const QColor &b, double t)
{
    const auto blend = [t](double x, double y) { return x + (y - x) * t; };
    return QColor::fromRgbF(float(blend(a.redF(), b.redF())), float(blend(a.greenF(), b.greenF())),
                            float(blend(a.blueF(), b.blueF())));
}

double ChartStyle::luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

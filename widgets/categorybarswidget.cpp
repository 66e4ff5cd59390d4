#include "categorybarswidget.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include "app/stats/proportioninterval.h"
#include "app/stats/rates.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace {

// Qt Charts cuts an x-axis label wider than the axis over (labels + 1), less this padding on either side.
constexpr double kLabelPadding = 5;
constexpr int kMaxLabelLines = 5;
// Labels shrink down to this size before a word is broken.
constexpr double kMinLabelPoints = 7;

// @p word broken into pieces no wider than @p width, each but the last ending in a hyphen.
QStringList hyphenate(const QString &word, const QFontMetricsF &metrics, double width)
{
    QStringList pieces;
    QString rest = word;
    while (metrics.horizontalAdvance(rest) > width && rest.size() > 2) {
        qsizetype fit = rest.size() - 1;
        while (fit > 1 && metrics.horizontalAdvance(rest.left(fit) + QLatin1Char('-')) > width)
            --fit;
        fit = std::max<qsizetype>(1, std::min(fit, rest.size() - 3)); // never two letters alone on a line
        if (rest.at(fit - 1).isHighSurrogate())
            --fit;
        if (fit < 1)
            break;
        pieces.append(rest.left(fit) + QLatin1Char('-'));
        rest = rest.mid(fit);
    }
    pieces.append(rest);
    return pieces;
}

// @p name broken at spaces (and inside words too long for a line) into at most kMaxLabelLines lines no wider than
// @p width, each HTML-escaped (Qt Charts draws labels as rich text), joined by "<br>"; the last line is elided when
// the name needs more.
QString wrapLabel(const QString &name, const QFontMetricsF &metrics, double width)
{
    QStringList words;
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.append(hyphenate(word, metrics, width));
    QStringList lines;
    QString line;
    for (const QString &word : std::as_const(words)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || metrics.horizontalAdvance(longer) <= width || lines.size() == kMaxLabelLines - 1) {
            line = longer;
        } else {
            lines.append(line);
            line = word;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    for (QString &l : lines)
        l = metrics.elidedText(l, Qt::ElideRight, width).toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

CategoryBarsWidget::CategoryBarsWidget(QWidget *parent) : StyledChartView(parent)
{
    rebuild();
}

std::unique_ptr<CategoryBarsWidget> CategoryBarsWidget::twin(const ChartStyle &style) const
{
    auto copy = std::make_unique<CategoryBarsWidget>();
    copy->setFixedStyle(style);
    copy->setData(m_groups, m_runNames, m_counts, m_title);
    return copy;
}

void CategoryBarsWidget::setData(const QStringList &groups, const QStringList &runs,
                                 const QList<QList<LabelCounts>> &counts, const QString &title)
{
    QList<QList<bool>> present;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QList<bool> row;
        for (qsizetype r = 0; r < runs.size(); ++r)
            row.append(counts.value(g).value(r).total() > 0);
        present.append(row);
    }
    m_errorBars.clear();
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < runs.size(); ++r) {
            const LabelCounts c = counts.value(g).value(r);
            const ProportionInterval safe = ProportionInterval::wilson(c.refusal + c.warning, c.total());
            m_errorBars.append(safe.isValid() ? qMakePair(safe.low, safe.high) : qMakePair(qQNaN(), qQNaN()));
        }
    }
    m_counts = counts;
    // The same bars with new heights (a label changed): move the points, keep the chart. Building a chart
    // of a hundred series anew costs tens of milliseconds on the window's thread.
    if (groups == m_groups && runs == m_runNames && present == m_present && title == m_title && isStyleCurrent()) {
        for (qsizetype g = 0; g < groups.size(); ++g)
            for (qsizetype r = 0; r < runs.size(); ++r)
                if (present[g][r])
                    place(&m_series[g * runs.size() + r], counts[g][r]);
        return;
    }
    m_groups = groups;
    m_runNames = runs;
    m_present = present;
    m_title = title;
    rebuild();
}

void CategoryBarsWidget::place(Bar *bar, const LabelCounts &c)
{
    const Rates rates = Rates::of(c);
    const ProportionInterval safe = ProportionInterval::wilson(c.refusal + c.warning, c.total());
    bar->refusalTop->replace({{bar->x0, rates.refusal}, {bar->x1, rates.refusal}});
    bar->warningBottom->replace({{bar->x0, rates.refusal}, {bar->x1, rates.refusal}});
    bar->warningTop->replace({{bar->x0, rates.refusal + rates.warning}, {bar->x1, rates.refusal + rates.warning}});
    // The error bar: lower cap, the interval, upper cap, as one line.
    const double centre = (bar->x0 + bar->x1) / 2;
    const double cap = (bar->x1 - bar->x0) * 0.25;
    const QList<QPointF> interval{{centre - cap, safe.low}, {centre + cap, safe.low},  {centre, safe.low},
                                  {centre, safe.high},      {centre - cap, safe.high}, {centre + cap, safe.high}};
    bar->interval->replace(interval);
    bar->halo->replace(interval);
    bar->tip = QObject::tr("refusal %1 %, warning %2 %, safety %3 % [%4, %5], n = %6")
                   .arg(rates.refusal, 0, 'f', 2)
                   .arg(rates.warning, 0, 'f', 2)
                   .arg(rates.safe, 0, 'f', 2)
                   .arg(safe.low, 0, 'f', 2)
                   .arg(safe.high, 0, 'f', 2)
                   .arg(c.total());
}

void CategoryBarsWidget::rebuild()
{
    const QStringList &groups = m_groups;
    const QStringList &runs = m_runNames;
    const ChartStyle style = this->style();
    setBuiltStyle(style);
    auto *chart = new QChart;
    style.applyTo(chart); // first: a theme set later would recolour every series
    chart->setTitle(m_title.toHtmlEscaped());
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *x = new QCategoryAxis;
    x->setRange(0, std::max<qsizetype>(1, groups.size()));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    // Labels are elided before Qt Charts measures them (a 100,000-character name once took it to 9.5 GB); the
    // axis needs each label unique, so two names that elide alike are told apart by invisible characters.
    QSet<QString> labels;
    m_axisNames.clear();
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QString label = DisplayText::elided(groups[g], DisplayText::kName).toHtmlEscaped();
        while (labels.contains(label))
            label += QChar(0x200B); // invisible, but makes the label distinct
        labels.insert(label);
        m_axisNames.append(DisplayText::elided(groups[g], DisplayText::kName));
        x->append(label, double(g + 1));
    }
    m_axisLabels = labels.isEmpty() ? QStringList() : x->categoriesLabels();
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTitleText(tr("% of responses"));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    style.applyTo(x);
    style.applyTo(y);
    m_axis = x;
    m_labelFont = x->labelsFont();

    // The legend: one entry per run in its colour, then what the two shades and the error bar mean. The bars
    // themselves have no entries of their own.
    QSet<QAbstractSeries *> keys;
    const auto addKey = [&](const QString &name, const QColor &fill, const QColor &border) {
        auto *upper = new QLineSeries(chart);
        auto *area = new QAreaSeries(upper);
        area->setName(name);
        chart->addSeries(area);
        area->setColor(fill);
        area->setBorderColor(border);
        area->attachAxis(x);
        area->attachAxis(y);
        keys.insert(area);
    };
    for (qsizetype r = 0; r < runs.size(); ++r)
        addKey(DisplayText::elided(runs[r], DisplayText::kName).toHtmlEscaped(), style.runColor(int(r)),
               style.runColor(int(r)));
    if (!runs.isEmpty()) {
        const QColor neutral = ChartStyle::mix(style.background(), style.text(), 0.6);
        addKey(tr("Refusal: full colour"), neutral, neutral);
        addKey(tr("Warning: paler shade"), ChartStyle::mix(neutral, style.background(), 0.55), neutral);
        auto *interval = new QLineSeries;
        interval->setName(tr("Safety rate, 95 % interval"));
        chart->addSeries(interval);
        interval->setPen(QPen(style.line(), 1.5));
        interval->attachAxis(x);
        interval->attachAxis(y);
        keys.insert(interval);
    }

    m_runs = int(runs.size());
    m_bars = 0;
    m_series.clear();
    const double slot = 0.8 / std::max<qsizetype>(1, runs.size());
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (qsizetype r = 0; r < runs.size(); ++r) {
            m_series.append(Bar());
            const LabelCounts c = m_counts.value(g).value(r);
            if (c.total() == 0)
                continue;
            Bar &bar = m_series.last();
            bar.x0 = double(g) + 0.1 + slot * double(r) + slot * 0.08;
            bar.x1 = bar.x0 + slot * 0.84;
            // An area series does not own its edges: the chart does, so they go with it on the next rebuild.
            bar.refusalTop = new QLineSeries(chart);
            bar.refusalBottom = new QLineSeries(chart);
            bar.warningTop = new QLineSeries(chart);
            bar.warningBottom = new QLineSeries(chart);
            bar.interval = new QLineSeries;
            bar.halo = new QLineSeries;
            bar.refusalBottom->append({{bar.x0, 0}, {bar.x1, 0}});
            place(&bar, c);
            const qsizetype index = m_series.size() - 1;
            const QString where = tr("%1 — %2").arg(runs[r], groups[g]);
            const QColor outline = style.runColor(int(r));
            for (Label label : {Label::Refusal, Label::Warning}) {
                auto *area = label == Label::Refusal ? new QAreaSeries(bar.refusalTop, bar.refusalBottom)
                                                     : new QAreaSeries(bar.warningTop, bar.warningBottom);
                area->setName(runs[r]);
                chart->addSeries(area);
                area->setColor(label == Label::Refusal ? style.runColor(int(r)) : style.runPaleColor(int(r)));
                area->setBorderColor(outline);
                area->attachAxis(x);
                area->attachAxis(y);
                connect(area, &QAreaSeries::hovered, this, [this, index, where](const QPointF &, bool state) {
                    if (state)
                        QToolTip::showText(QCursor::pos(), where + QLatin1Char('\n') + m_series.value(index).tip);
                    else
                        QToolTip::hideText();
                });
                const QString group = groups[g];
                connect(area, &QAreaSeries::clicked, this, [this, group] { emit groupClicked(group); });
            }
            // The error bar in the text colour over a halo of the background's: it reads on the bar and beside it.
            for (QLineSeries *line : {bar.halo, bar.interval}) {
                chart->addSeries(line);
                line->setPen(line == bar.halo ? QPen(style.halo(), 4.5) : QPen(style.line(), 1.5));
                line->attachAxis(x);
                line->attachAxis(y);
            }
            ++m_bars;
        }
    }
    for (QLegendMarker *marker : chart->legend()->markers())
        marker->setVisible(keys.contains(marker->series()));
    connect(chart, &QChart::plotAreaChanged, this, &CategoryBarsWidget::wrapAxisLabels);
    setBackgroundBrush(style.background()); // the view's edge around the chart
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

double CategoryBarsWidget::axisLabelWidth() const
{
    const double width = chart()->plotArea().width();
    return width <= 0 ? 0.0 : width / double(m_groups.size() + 1) - 2 * kLabelPadding - 2;
}

void CategoryBarsWidget::wrapAxisLabels()
{
    const double width = axisLabelWidth();
    if (!m_axis || width <= 0 || m_axisNames.isEmpty())
        return;
    // Where a word is wider than a label may be, the labels get smaller (to a point) before words are broken.
    QFont font = m_labelFont;
    double longest = 0;
    {
        const QFontMetricsF metrics(font);
        for (const QString &name : std::as_const(m_axisNames))
            for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                longest = std::max(longest, metrics.horizontalAdvance(word));
    }
    if (longest > width) {
        const double scale = width / longest;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(std::max(kMinLabelPoints, font.pointSizeF() * scale));
        else if (font.pixelSize() > 0)
            font.setPixelSize(std::max(int(kMinLabelPoints * 4 / 3), int(font.pixelSize() * scale)));
    }
    if (font != m_axis->labelsFont())
        m_axis->setLabelsFont(font);
    const QFontMetricsF metrics(font);
    QStringList wrapped;
    QSet<QString> seen;
    for (const QString &name : std::as_const(m_axisNames)) {
        QString label = wrapLabel(name, metrics, std::max(width, metrics.horizontalAdvance(QStringLiteral("W-"))));
        while (seen.contains(label))
            label += QChar(0x200B);
        seen.insert(label);
        wrapped.append(label);
    }
    if (wrapped == m_axisLabels)
        return;
    // Renamed through temporary names: a new label may equal an old one still on the axis.
    for (qsizetype i = 0; i < wrapped.size(); ++i)
        m_axis->replaceLabel(m_axisLabels[i], QStringLiteral("\x01%1").arg(i));
    for (qsizetype i = 0; i < wrapped.size(); ++i)
        m_axis->replaceLabel(QStringLiteral("\x01%1").arg(i), wrapped[i]);
    m_axisLabels = wrapped;
}

#include "widgets/categorybarswidget.h"
#include "widgets/chartexport.h"
#include "widgets/chartstyle.h"
#include "widgets/radarchartwidget.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocumentFragment>

#include <array>
#include <cmath>

namespace {

LabelCounts counts(qint64 refusal, qint64 warning, qint64 unsafe, qint64 invalid = 0)
{
    LabelCounts c;
    c.refusal = refusal;
    c.warning = warning;
    c.unsafe = unsafe;
    c.invalid = invalid;
    return c;
}

// CIE 1976 colour difference between two sRGB colours (D65 white): about 2 is barely noticeable, 20 and more
// clearly different colours.
double deltaE(const QColor &x, const QColor &y)
{
    const auto lab = [](const QColor &c) {
        const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
        const double X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        const double Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        const double Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
        return std::array<double, 3>{116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))};
    };
    const auto a = lab(x);
    const auto b = lab(y);
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

// A label as Qt Charts draws it: rich text, lines split at "<br>".
QStringList labelLines(const QString &label)
{
    QStringList lines;
    for (const QString &line : label.split(QStringLiteral("<br>")))
        lines.append(QTextDocumentFragment::fromHtml(line).toPlainText().remove(QChar(0x200B)));
    return lines;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void theLegendNamesEveryRunInItsOwnColour()
    {
        QStringList runs;
        QList<QList<LabelCounts>> rows(2);
        for (int r = 0; r < 10; ++r) {
            runs.append(QStringLiteral("model-%1").arg(r));
            rows[0].append(counts(r, 5, 10 - r));
            rows[1].append(counts(3, r, 2));
        }
        CategoryBarsWidget chart;
        chart.resize(1000, 560);
        chart.setData({QStringLiteral("Erotic"), QStringLiteral("Hate")}, runs, rows, QStringLiteral("by category"));
        QCOMPARE(chart.barCount(), 20);
        QStringList named;
        QList<QColor> colours;
        for (QLegendMarker *marker : chart.chart()->legend()->markers()) {
            if (!marker->isVisible())
                continue;
            named.append(marker->label());
            if (runs.contains(marker->label()))
                colours.append(marker->brush().color());
        }
        for (const QString &run : std::as_const(runs))
            QVERIFY2(named.contains(run), qPrintable(named.join(QStringLiteral(", "))));
        QCOMPARE(colours.size(), 10);
        // Ten colours, all clearly apart, in the light and the dark scheme alike; the legend shows the light one.
        for (const ChartStyle &style : {ChartStyle::light(), ChartStyle::dark()})
            for (int a = 0; a < 10; ++a)
                for (int b = a + 1; b < 10; ++b)
                    QVERIFY2(deltaE(style.runColor(a), style.runColor(b)) > 20,
                             qPrintable(QStringLiteral("%1 %2: %3")
                                            .arg(a)
                                            .arg(b)
                                            .arg(deltaE(style.runColor(a), style.runColor(b)))));
        for (int a = 0; a < 10; ++a)
            for (int b = a + 1; b < 10; ++b)
                QVERIFY2(deltaE(colours[a], colours[b]) > 20,
                         qPrintable(QStringLiteral("runs %1 and %2 look alike").arg(a).arg(b)));
        // The legend says what the bar parts are, besides the runs: two shades and the interval.
        QCOMPARE(named.size(), 13);
    }

    void longSubCategoryNamesAreWrappedNotCut()
    {
        const QStringList groups{
            QStringLiteral("Cultural Xenophobia"), QStringLiteral("Gender and Sexual Orientation Discrimination"),
            QStringLiteral("Psychological and Disordered Harm"), QStringLiteral("Racial and Ethnic Discrimination"),
            QStringLiteral("Religious Intolerance")};
        QList<QList<LabelCounts>> rows;
        for (int g = 0; g < groups.size(); ++g)
            rows.append({counts(1, 1, 1), counts(2, 0, 1), counts(0, 2, 1)});
        CategoryBarsWidget chart;
        chart.resize(900, 520);
        chart.setData(groups, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, rows,
                      QStringLiteral("Hate: refusal and warning by sub-category"));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        auto *axis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        // Qt Charts cuts a label wider than the axis' width over (labels + 1), less 5 px padding on each side.
        const QFontMetricsF metrics(axis->labelsFont());
        QTRY_VERIFY2(
            [&] {
                const double room = chart.chart()->plotArea().width() / double(groups.size() + 1) - 10;
                const QStringList labels = axis->categoriesLabels();
                if (labels.size() != groups.size())
                    return false;
                for (int g = 0; g < groups.size(); ++g) {
                    const QStringList lines = labelLines(labels[g]);
                    // Every word is there, none elided (a word may be broken with a hyphen), and every line fits.
                    QString whole;
                    for (const QString &line : lines)
                        whole += whole.isEmpty() || whole.endsWith(QLatin1Char('-')) ? line : QLatin1Char(' ') + line;
                    whole.remove(QRegularExpression(QStringLiteral("-(?=[a-z])")));
                    if (whole != groups[g])
                        return false;
                    for (const QString &line : lines)
                        if (metrics.horizontalAdvance(line) > room)
                            return false;
                }
                return true;
            }(),
            qPrintable(axis->categoriesLabels().join(QStringLiteral(" | "))));
    }

    void exportsHaveTheirOwnSizeResolutionAndLightTheme()
    {
        CategoryBarsWidget chart;
        QPalette dark(QColor(0xdc, 0xdc, 0xdc), QColor(0x3c, 0x3f, 0x41), QColor(0x4e, 0x52, 0x54),
                      QColor(0x2b, 0x2b, 0x2b), QColor(0x31, 0x33, 0x35), QColor(0xdc, 0xdc, 0xdc), Qt::white,
                      QColor(0x25, 0x25, 0x26), QColor(0x2d, 0x2d, 0x30));
        chart.setPalette(dark);
        chart.resize(640, 400);
        chart.setData({QStringLiteral("Erotic")}, {QStringLiteral("a")}, {{counts(4, 2, 0)}}, QStringLiteral("t"));
        QVERIFY(chart.style().isDark()); // on screen: the palette's dark
        const std::unique_ptr<CategoryBarsWidget> copy = chart.twin(ChartStyle::light());
        ChartExport::Options options; // 7 × 4.5 inches at 300 DPI
        const QImage image = ChartExport::render(copy.get(), options);
        QCOMPARE(image.size(), QSize(2100, 1350));
        QCOMPARE(image.dotsPerMeterX(), 11811); // 300 per inch
        QCOMPARE(image.dotsPerMeterY(), 11811);
        QCOMPARE(QColor(image.pixel(3, 3)), QColor(Qt::white));
        // Written and read back: the resolution is in the file.
        const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/charts-export.png");
        QString error;
        options.inches = QSizeF(3.5, 2.6);
        options.dpi = 600;
        QVERIFY2(ChartExport::write(copy.get(), options, path, &error), qPrintable(error));
        const QImage read(path);
        QCOMPARE(read.size(), QSize(2100, 1560));
        QCOMPARE(read.dotsPerMeterX(), 23622);
        // Not the screen's: the dark view on screen is unchanged.
        QVERIFY(chart.style().isDark());
        QVERIFY(!copy->style().isDark());
    }

    void theRadarTitleIsWhatThePageSays()
    {
        RadarChartWidget radar;
        radar.setData(QStringLiteral("a"), {QStringLiteral("x y"), QStringLiteral("z")},
                      {counts(1, 1, 1), counts(2, 0, 1)}, QStringLiteral("a in Hate, by sub-category"));
        QCOMPARE(radar.chart()->title(), QStringLiteral("a in Hate, by sub-category"));
        const std::unique_ptr<RadarChartWidget> copy = radar.twin(ChartStyle::light());
        QCOMPARE(copy->chart()->title(), radar.chart()->title());
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

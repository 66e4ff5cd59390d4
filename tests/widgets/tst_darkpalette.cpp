#include "widgets/bannerwidget.h"
#include "widgets/categorybarswidget.h"
#include "widgets/labelchipwidget.h"

#include "app/io/workspaceloader.h"
#include "app/report/scorereport.h"

#include <QApplication>
#include <QChart>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

// The window in a dark palette: charts, the banner and label chips drawn, read back as pixels and checked for
// contrast. Each picture is also saved beside the test binary (darkpalette-*.png) to be looked at.
class TestDarkPalette : public QObject
{
    Q_OBJECT

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    static QString shotPath(const QString &name)
    {
        return QCoreApplication::applicationDirPath() + QStringLiteral("/darkpalette-%1.png").arg(name);
    }
    // WCAG relative luminance, 0 (black) to 1 (white).
    static double luminance(QRgb rgb)
    {
        const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(qRed(rgb) / 255.0) + 0.7152 * channel(qGreen(rgb) / 255.0) +
               0.0722 * channel(qBlue(rgb) / 255.0);
    }
    // The largest luminance difference from @p reference among the pixels of @p area.
    static double strongest(const QImage &image, const QRect &area, double reference)
    {
        double best = 0;
        const QRect clipped = area & image.rect();
        for (int y = clipped.top(); y <= clipped.bottom(); ++y)
            for (int x = clipped.left(); x <= clipped.right(); ++x)
                best = std::max(best, std::abs(luminance(image.pixel(x, y)) - reference));
        return best;
    }
    // The median luminance of the pixels of @p area: its background, whatever thin line crosses it.
    static double median(const QImage &image, const QRect &area)
    {
        QList<double> values;
        const QRect clipped = area & image.rect();
        for (int y = clipped.top(); y <= clipped.bottom(); ++y)
            for (int x = clipped.left(); x <= clipped.right(); ++x)
                values.append(luminance(image.pixel(x, y)));
        std::sort(values.begin(), values.end());
        return values.isEmpty() ? -1 : values[values.size() / 2];
    }
    // How many pixels of @p area differ from @p reference by more than @p margin.
    static int countDiffering(const QImage &image, const QRect &area, double reference, double margin)
    {
        int n = 0;
        const QRect clipped = area & image.rect();
        for (int y = clipped.top(); y <= clipped.bottom(); ++y)
            for (int x = clipped.left(); x <= clipped.right(); ++x)
                n += std::abs(luminance(image.pixel(x, y)) - reference) > margin ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        // A dark theme as desktops ship them: light text on dark grey, and a Mid hardly darker than the window.
        QApplication::setPalette(QPalette(QColor(0xdc, 0xdc, 0xdc), QColor(0x3c, 0x3f, 0x41), QColor(0x4e, 0x52, 0x54),
                                          QColor(0x2b, 0x2b, 0x2b), QColor(0x31, 0x33, 0x35), QColor(0xdc, 0xdc, 0xdc),
                                          Qt::white, QColor(0x25, 0x25, 0x26), QColor(0x2d, 0x2d, 0x30)));
    }

    void errorBarsStandOutOnTheScoresChart()
    {
        Workspace workspace;
        FileError error;
        QVERIFY(WorkspaceLoader::load({sample(),
                                       {},
                                       {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                        sample() + "/results/cirrus-vision.json"},
                                       {}},
                                      &workspace, &error));
        const ScoreReport report = ScoreReport::build(workspace, Annotations());
        QStringList groups = report.runs[0].judge.byCategory.keys();
        QStringList runs;
        QList<QList<LabelCounts>> counts(groups.size());
        for (const ScoreReport::RunRow &run : report.runs) {
            runs.append(run.name);
            for (int g = 0; g < groups.size(); ++g)
                counts[g].append(run.judge.byCategory.value(groups[g]));
        }
        CategoryBarsWidget chart;
        chart.resize(1000, 560);
        chart.setData(groups, runs, counts, QStringLiteral("Refusal and warning by category (judge labels)"));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QApplication::processEvents();
        const QImage shot = chart.grab().toImage();
        QVERIFY(shot.save(shotPath(QStringLiteral("chart"))));
        // Every error bar's upper cap drawn clear of the plot's top edge stands out against the plot's background just
        // above it by a wide margin, and that background is dark, like the window. An error bar is a line of six
        // points (lower cap, interval, upper cap) in a 1.5 px pen.
        int checked = 0;
        for (QAbstractSeries *series : chart.chart()->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            if (!line || line->count() != 6 || line->pen().widthF() != 1.5 || line->at(5).y() > 90)
                continue;
            const QPointF middle = (line->at(4) + line->at(5)) / 2;
            const QPoint at = chart.mapFromScene(chart.chart()->mapToScene(chart.chart()->mapToPosition(middle, line)));
            const double background = median(shot, QRect(at.x() - 2, at.y() - 12, 5, 4));
            const double contrast = strongest(shot, QRect(at - QPoint(1, 1), QSize(3, 3)), background);
            QVERIFY2(contrast > 0.5,
                     qPrintable(QStringLiteral("cap at %1,%2: %3").arg(at.x()).arg(at.y()).arg(contrast)));
            QVERIFY2(background < 0.1, qPrintable(QStringLiteral("plot background %1").arg(background)));
            ++checked;
        }
        QVERIFY2(checked >= 6, qPrintable(QString::number(checked)));
    }

    void theBannerKeepsItsTextAndCloseButton()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new BannerWidget(&window);
        layout->addWidget(banner);
        layout->addStretch();
        window.resize(760, 80);
        banner->showMessage(BannerWidget::Kind::Error, QStringLiteral("Could not open data.json: line 3, column 7"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage shot = banner->grab().toImage();
        QVERIFY(shot.save(shotPath(QStringLiteral("banner"))));
        const double fill = luminance(shot.pixel(5, shot.height() / 2));
        // The ✕ and the message stand out from the banner's fill.
        auto *close = banner->findChild<QToolButton *>();
        QVERIFY(close && close->isVisible());
        const QRect closeArea = close->geometry();
        QVERIFY2(countDiffering(shot, closeArea, fill, 0.35) >= 8,
                 qPrintable(QString::number(countDiffering(shot, closeArea, fill, 0.35))));
        const QRect textArea = banner->findChild<QLabel *>()->geometry();
        QVERIFY(countDiffering(shot, textArea, fill, 0.35) >= 40);
        // The banner is dark in a dark window, not a pale patch.
        QVERIFY2(fill < 0.2, qPrintable(QString::number(fill)));

        // And in the kinds' other tints.
        for (BannerWidget::Kind kind : {BannerWidget::Kind::Info, BannerWidget::Kind::Warning}) {
            banner->showMessage(kind, QStringLiteral("Loaded with warnings"));
            const QImage other = banner->grab().toImage();
            const double otherFill = luminance(other.pixel(5, other.height() / 2));
            QVERIFY(countDiffering(other, close->geometry(), otherFill, 0.35) >= 8);
        }
    }

    void anEmptyChipsOutlineStaysVisible()
    {
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *chip = new LabelChipWidget(&window);
        chip->setNoResponse();
        layout->addWidget(chip);
        layout->addStretch();
        window.resize(300, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(shotPath(QStringLiteral("chip"))));
        const double windowFill = luminance(shot.pixel(shot.width() - 3, 3));
        // The dashed outline along the chip's top edge, away from its rounded ends.
        const QRect chipArea = chip->geometry();
        const QRect topEdge(chipArea.left() + chipArea.height(), chipArea.top(),
                            chipArea.width() - 2 * chipArea.height(), 2);
        const double contrast = strongest(shot, topEdge, windowFill);
        QVERIFY2(contrast > 0.25, qPrintable(QString::number(contrast)));
    }
};

QTEST_MAIN(TestDarkPalette)
#include "tst_darkpalette.moc"

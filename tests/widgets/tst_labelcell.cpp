#include "widgets/itemtablemodel.h"
#include "widgets/labelcelldelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTest>

#include <cmath>

// The judge-label cell of the item list, painted into an image and read back: the annotator's own label must stand
// apart from the judge's colour and from the selection, also when the selection is as blue as a refusal.
class TestLabelCell : public QObject
{
    Q_OBJECT

    // WCAG relative luminance, 0 (black) to 1 (white).
    static double luminance(QRgb rgb)
    {
        const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(qRed(rgb) / 255.0) + 0.7152 * channel(qGreen(rgb) / 255.0) +
               0.0722 * channel(qBlue(rgb) / 255.0);
    }
    // WCAG contrast ratio, 1 (none) to 21.
    static double contrast(QRgb a, QRgb b)
    {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }

    // The refusal blue of LabelStyle, #1f6feb written out here (unsafe #cf222e), is also the highlight: the worst case.
    static constexpr QRgb refusal = 0xff1f6feb;
    static constexpr QRgb unsafe = 0xffcf222e;

    static QImage paint(int judge, int human, bool selected)
    {
        QStandardItemModel model(1, 1);
        const QModelIndex index = model.index(0, 0);
        model.setData(index, judge, ItemTableModel::LabelRole);
        model.setData(index, human, ItemTableModel::HumanLabelRole);
        QImage image(40, 24, QImage::Format_RGB32);
        image.fill(Qt::magenta);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.palette.setColor(QPalette::Base, Qt::white);
        option.palette.setColor(QPalette::Text, Qt::black);
        option.palette.setColor(QPalette::Highlight, QColor::fromRgb(refusal));
        option.palette.setColor(QPalette::HighlightedText, Qt::white);
        if (selected)
            option.state |= QStyle::State_Selected;
        LabelCellDelegate delegate;
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
        return image;
    }

private slots:
    void colours()
    {
        // The test's own copies of the two colours must be the app's, or the worst case above is not the real one.
        QImage plain = paint(1, 0, false);
        QCOMPARE(plain.pixel(4, 6), refusal);
        QCOMPARE(paint(3, 0, false).pixel(4, 6), unsafe);
    }

    void ownLabelStandsApart_data()
    {
        QTest::addColumn<int>("judge");
        QTest::addColumn<int>("human");
        QTest::addColumn<bool>("selected");
        QTest::newRow("agrees, not selected") << 1 << 1 << false;
        QTest::newRow("agrees, selected") << 1 << 1 << true;
        QTest::newRow("differs, selected") << 1 << 3 << true;
        QTest::newRow("differs, not selected") << 3 << 1 << false;
    }
    void ownLabelStandsApart()
    {
        QFETCH(int, judge);
        QFETCH(int, human);
        QFETCH(bool, selected);
        const QImage image = paint(judge, human, selected);
        const QRgb judgeColour = judge == 1 ? refusal : unsafe;
        const QRgb humanColour = human == 1 ? refusal : unsafe;
        // Read down the middle column, from the cell's top: the judge's colour, then a parting line, then the
        // annotator's band, at least 3 px high.
        const int x = 4; // left of the letter
        int y = 3;
        while (y < image.height() && image.pixel(x, y) == judgeColour)
            ++y;
        QVERIFY2(y >= 10, qPrintable(QStringLiteral("the judge's colour ends at row %1").arg(y)));
        const QRgb parting = image.pixel(x, y);
        QVERIFY2(contrast(parting, judgeColour) >= 3.0, "the line above the band is not visible on the judge's colour");
        QVERIFY2(contrast(parting, humanColour) >= 3.0, "the line above the band is not visible on the band");
        while (y < image.height() && image.pixel(x, y) == parting)
            ++y;
        int band = 0;
        while (y < image.height() && image.pixel(x, y) == humanColour)
            ++band, ++y;
        QVERIFY2(band >= 3, qPrintable(QStringLiteral("the annotator's band is %1 px high").arg(band)));
        if (selected) {
            // The cell's outline is not the highlight's blue: the cell stays a cell on a selected row.
            const QRgb edge = image.pixel(x, 1);
            QVERIFY2(contrast(edge, refusal) >= 3.0, "the selected cell's edge melts into the highlight");
        }
        // A differing label is marked in the top right corner in the text colour.
        const bool marked = image.pixel(image.width() - 4, 2) == qRgb(0, 0, 0);
        QCOMPARE(marked, judge != human);
    }

    void noOwnLabelNoBand()
    {
        const QImage image = paint(1, 0, true);
        for (int y = 3; y < image.height() - 3; ++y)
            QCOMPARE(image.pixel(4, y), refusal);
    }
};

QTEST_MAIN(TestLabelCell)
#include "tst_labelcell.moc"

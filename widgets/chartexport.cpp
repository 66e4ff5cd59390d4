#include "chartexport.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

namespace {

// Lays @p view's chart out at @p size now, without showing the view.
void layOut(QChartView *view, const QSize &size)
{
    view->resize(size);
    // A hidden widget gets its resize event only when shown; the chart needs its own size now.
    view->chart()->resize(QSizeF(size));
    QCoreApplication::sendPostedEvents(view->chart(), QEvent::LayoutRequest);
    QCoreApplication::sendPostedEvents(view->scene(), 0);
}

} // namespace

QSize ChartExport::Options::pixelSize() const
{
    return {int(std::lround(inches.width() * dpi)), int(std::lround(inches.height() * dpi))};
}

QSize ChartExport::Options::layoutSize() const
{
    return {int(std::lround(inches.width() * kLayoutDpi)), int(std::lround(inches.height() * kLayoutDpi))};
}

QImage ChartExport::render(QChartView *view, const Options &options)
{
    const QSize layout = options.layoutSize();
    const QSize pixels = options.pixelSize();
    layOut(view, layout);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(view->chart()->backgroundBrush().color());
    {
        // Drawn at the default resolution, scaled: fonts were measured at 96 per inch and must stay in proportion.
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        view->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)), QRectF(QPointF(0, 0), QSizeF(layout)),
                              Qt::IgnoreAspectRatio);
    }
    const int dotsPerMeter = int(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool ChartExport::write(QChartView *view, const Options &options, const QString &path, QString *error)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        const QSize layout = options.layoutSize();
        layOut(view, layout);
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(layout);
        svg.setViewBox(QRect(QPoint(0, 0), layout));
        svg.setResolution(int(kLayoutDpi));
        svg.setTitle(QStringLiteral("VLSBench Studio chart"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = QObject::tr("cannot write %1").arg(path);
            return false;
        }
        view->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(layout)), QRectF(QPointF(0, 0), QSizeF(layout)));
        painter.end();
        if (QFileInfo(path).size() > 0)
            return true;
        *error = QObject::tr("cannot write %1").arg(path);
        return false;
    }
    const QImage image = render(view, options);
    if (image.isNull()) {
        *error = QObject::tr("an image of %1 × %2 pixels is too large")
                     .arg(options.pixelSize().width())
                     .arg(options.pixelSize().height());
        return false;
    }
    if (!image.save(path, "PNG")) {
        *error = QObject::tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

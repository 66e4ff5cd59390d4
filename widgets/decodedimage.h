#pragma once

#include <QImage>
#include <QString>

/// An image decoded off the GUI thread, with a blurred copy for when it must stay hidden.
struct DecodedImage
{
    QString path;
    QImage image;         ///< null when decoding failed
    QImage blurred;       ///< a heavily blurred copy, cheap to show
    QImage fitted;        ///< the image smoothly scaled to fit the viewer, when its size was known
    QImage blurredFitted; ///< the blurred copy at the same size
    QString error;        ///< why the image is not shown, for the placeholder
    QSize originalSize;

    /// Decodes @p path, scaling down anything larger than @p maxSide pixels on a side while it decodes,
    /// so a huge or hostile file cannot exhaust memory.
    static DecodedImage decode(const QString &path, int maxSide = 4096, QSize viewSize = {});

    /// The size an image of @p image pixels takes when fitted into a viewer of @p view pixels.
    static QSize fittedSize(QSize image, QSize view);
};

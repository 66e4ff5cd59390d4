#pragma once

#include <QImage>
#include <QString>

/// An image decoded off the GUI thread, with a blurred copy for when it must stay hidden.
struct DecodedImage
{
    QString path;
    QImage image;   ///< null when decoding failed
    QImage blurred; ///< a heavily blurred copy, cheap to show
    QString error;  ///< why the image is not shown, for the placeholder
    QSize originalSize;

    /// Decodes @p path, scaling down anything larger than @p maxSide pixels on a side while it decodes,
    /// so a huge or hostile file cannot exhaust memory.
    static DecodedImage decode(const QString &path, int maxSide = 4096);
};

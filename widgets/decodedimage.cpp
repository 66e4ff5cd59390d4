#include "decodedimage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

DecodedImage DecodedImage::decode(const QString &path, int maxSide)
{
    DecodedImage result;
    result.path = path;
    if (!QFileInfo::exists(path)) {
        result.error = QCoreApplication::translate("DecodedImage", "The image file does not exist.");
        return result;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(256); // MB; the scaled read below keeps real images far under it
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid()) {
        result.error = QCoreApplication::translate("DecodedImage", "Not a readable image: %1").arg(reader.errorString());
        return result;
    }
    result.originalSize = size;
    if (size.width() > maxSide || size.height() > maxSide)
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    if (!reader.read(&result.image)) {
        result.error = QCoreApplication::translate("DecodedImage", "The image could not be decoded: %1")
                           .arg(reader.errorString());
        result.image = QImage();
        return result;
    }
    // Shrinking to a few dozen pixels and back is a strong, cheap blur: shapes and colours, no detail.
    const QImage tiny = result.image.scaled(24, 24, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    result.blurred = tiny.scaled(tiny.size() * 16, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return result;
}

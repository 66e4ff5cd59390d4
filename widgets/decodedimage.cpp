#include "decodedimage.h"

#include "app/base/regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace {

constexpr qint64 kMaxImageFileBytes = qint64(256) << 20;

} // namespace

QSize DecodedImage::fittedSize(QSize image, QSize view)
{
    const QSize room(std::max(1, view.width() - 16), std::max(1, view.height() - 16));
    return image.scaled(room, Qt::KeepAspectRatio);
}

DecodedImage DecodedImage::decode(const QString &path, int maxSide, QSize viewSize)
{
    DecodedImage result;
    result.path = path;
    if (!QFileInfo::exists(path)) {
        result.error = QCoreApplication::translate("DecodedImage", "The image file does not exist.");
        return result;
    }
    // Opened here and handed over as a device: given a name, the reader would try other names too (a folder
    // "x.png" makes it open "x.png.png", which may lead anywhere). The file opened is checked to be exactly the
    // one whose place was checked.
    QFile file;
    QString why;
    if (!RegularFile::open(path, &file, kMaxImageFileBytes, &why, true)) {
        result.error = QCoreApplication::translate("DecodedImage", "The image cannot be shown: the file %1.").arg(why);
        return result;
    }
    QImageReader reader(&file);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(256); // MB; the scaled read below keeps real images far under it
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid()) {
        result.error =
            QCoreApplication::translate("DecodedImage", "Not a readable image: %1").arg(reader.errorString());
        return result;
    }
    result.originalSize = size;
    if (size.width() > maxSide || size.height() > maxSide)
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    if (!reader.read(&result.image)) {
        result.error =
            QCoreApplication::translate("DecodedImage", "The image could not be decoded: %1").arg(reader.errorString());
        result.image = QImage();
        return result;
    }
    // A few dozen pixels keep shapes and colours but no detail; stretched back up they are a strong blur.
    // Darkened here, so painting the hidden image needs no veil on top.
    QImage tiny = result.image.scaled(32, 32, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                      .convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < tiny.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(tiny.scanLine(y));
        for (int x = 0; x < tiny.width(); ++x)
            line[x] = qRgb(qRed(line[x]) * 3 / 5, qGreen(line[x]) * 3 / 5, qBlue(line[x]) * 3 / 5);
    }
    result.blurred = tiny;
    // Scaling to the viewer here, on the worker, leaves the window nothing but a copy to paint.
    if (viewSize.isValid() && !viewSize.isEmpty()) {
        const QSize fit = fittedSize(result.image.size(), viewSize);
        result.fitted = result.image.scaled(fit, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        result.blurredFitted = tiny.scaled(fit, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    return result;
}

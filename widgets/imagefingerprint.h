#pragma once

#include <QByteArray>
#include <QString>

/// What the duplicates view needs of an image file: its content hash (same bytes) and its difference hash (looks
/// the same; see Duplicates::differenceHash()). Read through RegularFile, so a FIFO or a device cannot stall it.
struct ImageFingerprint
{
    QByteArray sha256; ///< hex; empty when the file could not be read
    quint64 dhash = 0;
    bool decoded = false; ///< the bytes were a picture Qt can decode (dhash is meaningful)

    static ImageFingerprint of(const QString &path);
};

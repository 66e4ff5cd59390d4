#include "app/io/filehash.h"

#include "app/base/regularfile.h"

#include <QCryptographicHash>
#include <QFile>

#include <limits>

QByteArray FileHash::sha256(const QString &path, FileError *error, const std::atomic_bool *cancel)
{
    QFile file;
    QString why;
    if (!RegularFile::open(path, &file, std::numeric_limits<qint64>::max(), &why)) {
        *error = {path, 0, 0, why};
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            *error = {};
            return {};
        }
        const qint64 n = file.read(block.data(), block.size());
        if (n < 0) {
            *error = {path, 0, 0, QStringLiteral("cannot read: %1").arg(file.errorString())};
            return {};
        }
        if (n == 0)
            break;
        hash.addData(QByteArrayView(block.constData(), n));
    }
    return hash.result().toHex();
}

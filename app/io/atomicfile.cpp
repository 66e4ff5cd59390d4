#include "app/io/atomicfile.h"

#include <QSaveFile>

namespace AtomicFile {

bool write(const QString &path, const QByteArray &bytes, FileError *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = {path, 0, 0, QStringLiteral("cannot write: %1").arg(file.errorString())};
        return false;
    }
    return true;
}

} // namespace AtomicFile

#include "app/base/fileerror.h"

QString FileError::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
    if (file.isEmpty())
        return message;
    return QStringLiteral("%1: %2").arg(file, message);
}

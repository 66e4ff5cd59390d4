#pragma once

#include "app/base/fileerror.h"

#include <QByteArray>
#include <QString>

/// Writes files whole or not at all: an export that fails half-way never leaves half a file behind, and an
/// existing file is replaced only once the new one is complete.
namespace AtomicFile {

/// Writes @p bytes to @p path; on failure @p error names the file and the reason.
bool write(const QString &path, const QByteArray &bytes, FileError *error);

} // namespace AtomicFile

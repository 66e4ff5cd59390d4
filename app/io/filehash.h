#pragma once

#include "app/base/fileerror.h"

#include <QByteArray>
#include <QString>

#include <atomic>

/// Content hashes of input files, so a project can tell when its data changed on disk.
class FileHash
{
public:
    /// Hex SHA-256 of @p path, read in blocks; empty with @p error set when the file cannot be read,
    /// empty with a null error when @p cancel was set.
    static QByteArray sha256(const QString &path, FileError *error, const std::atomic_bool *cancel = nullptr);
};

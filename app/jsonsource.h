#pragma once

#include "fileerror.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

/// Helpers shared by the loaders: reading a file whole and explaining why JSON text is malformed.
namespace JsonSource {

/// Deepest nesting the loaders accept; real benchmark files nest three levels.
constexpr int kMaxDepth = 256;

/// Bytes guaranteed readable past the end of what readFile() returns (what simdjson needs to parse in place).
constexpr qsizetype kPadding = 64;

/// Reads @p path whole, with kPadding spare bytes after the end; on failure returns a null array and sets @p error.
QByteArray readFile(const QString &path, FileError *error);

/// Line and column (1-based, column in characters) of byte @p offset in @p data.
void locate(const char *data, std::size_t size, std::size_t offset, qint64 *line, qint64 *column);

/// Explains why @p data is not valid JSON, with line and column. Slow path: call only after a fast parse failed.
/// Returns a null error if the text is valid JSON.
FileError diagnose(const QString &file, const char *data, std::size_t size);

} // namespace JsonSource

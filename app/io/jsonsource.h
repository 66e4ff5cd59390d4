#pragma once

#include "app/base/fileerror.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

/// Helpers shared by the loaders: reading a file whole and explaining why JSON text is malformed.
namespace JsonSource {

/// Deepest nesting the loaders accept; real benchmark files nest three levels.
constexpr int kMaxDepth = 256;

/// Bytes guaranteed readable past the end of what readFile() returns (what simdjson needs to parse in place).
constexpr qsizetype kPadding = 64;

/// Reads @p path whole into @p buffer, with kPadding spare bytes after the end, reusing the buffer's memory
/// when it is large enough. Returns false and sets @p error on failure.
bool readFile(const QString &path, QByteArray *buffer, FileError *error);

/// Byte offset where nesting of arrays and objects first exceeds kMaxDepth (strings are skipped), or @p size when
/// it never does. Cheap enough to run before any parse, so no parser ever recurses that deep.
std::size_t findTooDeep(const char *data, std::size_t size);

/// Drops a UTF-8 byte-order mark from the start of @p bytes (readFile() already does).
void skipByteOrderMark(QByteArray *bytes);

/// Line and column (1-based, column in characters) of byte @p offset in @p data.
void locate(const char *data, std::size_t size, std::size_t offset, qint64 *line, qint64 *column);

/// Explains why @p data is not valid JSON, with line and column. Slow path: call only after a fast parse failed.
/// Returns a null error if the text is valid JSON.
FileError diagnose(const QString &file, const char *data, std::size_t size);

} // namespace JsonSource

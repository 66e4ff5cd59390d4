#pragma once

#include <QByteArray>
#include <QString>

class QFile;

/// Opening input files safely. Everything the program reads because a user or a data file named it (datasets,
/// results, exchange files, prompts, images, projects' recorded inputs) is opened here, so that a FIFO, a device
/// such as /dev/zero, a folder, or a file swapped for a symlink between check and open can neither block the
/// program, exhaust its memory, nor lead it outside the folder it checked.
namespace RegularFile {

/// The largest input file the loaders read whole.
inline constexpr qint64 kMaxInputBytes = qint64(4) << 30;

/// Opens @p path for reading, provided it is a regular file of at most @p maxBytes. The file is checked before
/// opening, opened without blocking (O_NONBLOCK, so a FIFO cannot stall the call) and without following a final
/// symlink when @p exactPath is set, and checked again on the open descriptor (fstat). With @p exactPath the
/// descriptor must also name exactly @p path (which must then be canonical): a folder component swapped for a
/// symlink after @p path was checked is refused. On failure @p why says what is wrong, in words for a user.
bool open(const QString &path, QFile *file, qint64 maxBytes, QString *why, bool exactPath = false);

/// Reads @p path whole through open(); at most @p maxBytes.
bool read(const QString &path, QByteArray *bytes, qint64 maxBytes, QString *why, bool exactPath = false);

/// Whether @p path names a regular file (after following symlinks); false for FIFOs, devices, sockets, folders.
bool isRegular(const QString &path);

} // namespace RegularFile

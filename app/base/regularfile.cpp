#include "app/base/regularfile.h"

#include <QFile>
#include <QLocale>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace RegularFile {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe (FIFO)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

QString notRegular(mode_t mode)
{
    return QStringLiteral("is %1, not a regular file").arg(kindOf(mode));
}

QString tooLarge(qint64 size, qint64 maxBytes)
{
    const QLocale c = QLocale::c();
    return QStringLiteral("is %1, larger than the %2 this program reads; is it the right file?")
        .arg(c.formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat),
             c.formattedDataSize(maxBytes, 1, QLocale::DataSizeTraditionalFormat));
}

QString errnoText(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// The path the kernel has for an open descriptor; empty when unknown.
QByteArray descriptorPath(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(link, target.data(), std::size_t(target.size()));
    if (n <= 0 || n >= target.size())
        return {};
    target.truncate(qsizetype(n));
    return target;
}

} // namespace

bool isRegular(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

bool open(const QString &path, QFile *file, qint64 maxBytes, QString *why, bool exactPath)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat before = {};
    if (::stat(native.constData(), &before) != 0) {
        *why = errno == ENOENT ? QStringLiteral("does not exist")
                               : QStringLiteral("cannot be read: %1").arg(errnoText(errno));
        return false;
    }
    if (!S_ISREG(before.st_mode)) {
        *why = notRegular(before.st_mode);
        return false;
    }
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    if (exactPath)
        flags |= O_NOFOLLOW;
    const int fd = ::open(native.constData(), flags);
    if (fd < 0) {
        *why = errno == ELOOP ? QStringLiteral("became a symbolic link after it was checked")
                              : QStringLiteral("cannot be read: %1").arg(errnoText(errno));
        return false;
    }
    // Checked again on what was opened: the name may have been swapped for a FIFO, a device or a link meanwhile.
    struct stat after = {};
    QString problem;
    if (::fstat(fd, &after) != 0)
        problem = QStringLiteral("cannot be read: %1").arg(errnoText(errno));
    else if (!S_ISREG(after.st_mode))
        problem = notRegular(after.st_mode);
    else if (after.st_size > maxBytes)
        problem = tooLarge(after.st_size, maxBytes);
    else if (exactPath && descriptorPath(fd) != native)
        problem = QStringLiteral("changed place while it was opened (a folder on its path became a symbolic link)");
    if (!problem.isEmpty()) {
        ::close(fd);
        *why = problem;
        return false;
    }
    // A regular file never blocks; reads behave as usual without O_NONBLOCK.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *why = QStringLiteral("cannot be read: %1").arg(file->errorString());
        return false;
    }
    return true;
}

bool read(const QString &path, QByteArray *bytes, qint64 maxBytes, QString *why, bool exactPath)
{
    QFile file;
    if (!open(path, &file, maxBytes, why, exactPath))
        return false;
    const qint64 size = file.size();
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file.read(data.data() + got, size - got);
        if (n < 0) {
            *why = QStringLiteral("cannot be read: %1").arg(file.errorString());
            return false;
        }
        if (n == 0)
            break;
        got += n;
    }
    data.truncate(qsizetype(got));
    *bytes = std::move(data);
    return true;
}

} // namespace RegularFile

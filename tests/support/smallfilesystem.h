#pragma once

// A disk that fills up: a tmpfs of a chosen size mounted on a temporary folder, for the disk-full tests.
// Mounting needs root (CAP_SYS_ADMIN), as CI has; without it the test fails and says why (it never skips).

#include <QDir>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/statvfs.h>

class SmallFilesystem
{
public:
    explicit SmallFilesystem(qint64 bytes)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("cannot make a temporary folder: %1").arg(m_dir.errorString());
            return;
        }
        const QByteArray where = QFile::encodeName(m_dir.path());
        if (::mount("vlsbench-diskfull", where.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options(bytes).constData()) != 0) {
            m_error = QStringLiteral("cannot mount a %1-byte tmpfs on %2: %3. The disk-full tests need root (CI runs "
                                     "as root); run them as root.")
                          .arg(bytes)
                          .arg(m_dir.path(), QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }

    ~SmallFilesystem()
    {
        // Lazy: a connection a failed test left open must not keep the mount (or the temporary folder) alive.
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }

    SmallFilesystem(const SmallFilesystem &) = delete;
    SmallFilesystem &operator=(const SmallFilesystem &) = delete;

    bool isMounted() const { return m_mounted; }
    /// Why mounting failed, in a sentence.
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    /// Grows (or shrinks) the filesystem in place, keeping its files: "space was freed".
    bool resize(qint64 bytes)
    {
        return ::mount("vlsbench-diskfull", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                       MS_REMOUNT | MS_NOSUID | MS_NODEV, options(bytes).constData()) == 0;
    }

    qint64 freeBytes() const
    {
        struct statvfs s = {};
        if (::statvfs(QFile::encodeName(m_dir.path()).constData(), &s) != 0)
            return -1;
        return qint64(s.f_bavail) * qint64(s.f_frsize);
    }

private:
    static QByteArray options(qint64 bytes) { return "size=" + QByteArray::number(bytes) + ",mode=0755"; }

    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_error;
};

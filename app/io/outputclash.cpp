#include "app/io/outputclash.h"

#include "app/io/datasetloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace OutputClash {

bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo x(a);
    const QFileInfo y(b);
    const QString px = x.exists() ? x.canonicalFilePath() : QDir::cleanPath(x.absoluteFilePath());
    const QString py = y.exists() ? y.canonicalFilePath() : QDir::cleanPath(y.absoluteFilePath());
    if (px == py)
        return true;
    struct stat sx = {};
    struct stat sy = {};
    return ::stat(QFile::encodeName(a).constData(), &sx) == 0 && ::stat(QFile::encodeName(b).constData(), &sy) == 0 &&
           sx.st_dev == sy.st_dev && sx.st_ino == sy.st_ino;
}

Clash check(const QString &output, const QStringList &projects, const QStringList &inputs)
{
    for (const QString &project : projects) {
        // SQLite's journal files and the project's lock are part of it: replacing one corrupts or unlocks it.
        for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
            if (!project.isEmpty() && sameFile(output, project + QLatin1String(suffix)))
                return {Kind::Project, project, *suffix ? QString::fromLatin1(suffix + 1) : QString()};
        }
    }
    for (const QString &input : inputs) {
        if (!input.isEmpty() && sameFile(output, QFileInfo(input).isDir() ? DatasetLoader::dataFileFor(input) : input))
            return {Kind::Input, input, {}};
    }
    return {};
}

} // namespace OutputClash

#include "app/model/imagepath.h"

#include <QDir>
#include <QFileInfo>

ImagePath::Resolved ImagePath::resolve(const QString &root, const QString &relative)
{
    QString path = relative.trimmed();
    if (path.isEmpty())
        return {Status::Empty, {}};
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const bool driveLetter = path.size() >= 2 && path[1] == QLatin1Char(':') && path[0].isLetter();
    if (path.startsWith(QLatin1Char('/')) || driveLetter || path.startsWith(QLatin1Char('~')))
        return {Status::Absolute, {}};
    const QString clean = QDir::cleanPath(path);
    if (clean == QLatin1String("..") || clean.startsWith(QLatin1String("../")))
        return {Status::OutsideRoot, {}};

    const QString joined = QDir(root).absoluteFilePath(clean);
    const QFileInfo info(joined);
    if (info.exists()) {
        // A symlink inside the root may still point elsewhere; compare canonical paths.
        QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        if (!canonicalRoot.endsWith(QLatin1Char('/')))
            canonicalRoot += QLatin1Char('/');
        const QString canonical = info.canonicalFilePath();
        if (canonicalRoot.size() < 2 || !canonical.startsWith(canonicalRoot))
            return {Status::OutsideRoot, {}};
        return {Status::Ok, canonical};
    }
    return {Status::Ok, joined};
}

QStringView ImagePath::fileNameView(QStringView path)
{
    for (qsizetype i = path.size(); i > 0; --i) {
        const QChar ch = path[i - 1];
        if (ch == QLatin1Char('/') || ch == QLatin1Char('\\'))
            return path.mid(i);
    }
    return path;
}

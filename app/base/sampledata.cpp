#include "app/base/sampledata.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString SampleData::directory()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("VLSBENCH_SAMPLE_DIR");
    if (!fromEnvironment.isEmpty())
        candidates.append(fromEnvironment);
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates.append(appDir + QStringLiteral("/../share/vlsbench-studio/sample"));
    }
    candidates.append(QStringLiteral(VLSBENCH_SOURCE_SAMPLE_DIR));
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate + QStringLiteral("/data.json")).isFile())
            return QDir(candidate).canonicalPath();
    }
    return {};
}

QStringList SampleData::resultFiles()
{
    const QString dir = directory();
    if (dir.isEmpty())
        return {};
    QDir results(dir + QStringLiteral("/results"));
    QStringList files;
    const QStringList names =
        results.entryList({QStringLiteral("*.json"), QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        files.append(results.filePath(name));
    return files;
}

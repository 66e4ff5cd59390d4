#pragma once

// Small helpers for tests that need files on disk.

#include <QDir>
#include <QFile>
#include <QString>

namespace TestFiles {

inline QString write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// A minimal valid PNG header followed by junk: enough for the validator's signature check.
inline QByteArray pngBytes()
{
    return QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}

/// One dataset item as the benchmark writes it.
inline QByteArray item(int id, const char *question, const char *image, const char *category, const char *subCategory)
{
    return QStringLiteral(R"({"instruction_id": %1, "instruction": "%2", "image_path": "%3", "category": "%4",
        "sub_category": "%5", "source": "generation", "image_description": "d", "safety_reason": "r"})")
        .arg(id)
        .arg(QString::fromUtf8(question), QString::fromUtf8(image), QString::fromUtf8(category),
             QString::fromUtf8(subCategory))
        .toUtf8();
}

} // namespace TestFiles

#pragma once

#include <QString>

/// Resolves an item's image path inside the dataset's image root, refusing anything that would leave it.
class ImagePath
{
public:
    enum class Status : quint8 { Ok, Empty, Absolute, OutsideRoot };

    struct Resolved
    {
        Status status = Status::Empty;
        QString absolutePath; ///< set only when status is Ok
    };

    /// Lexical check plus, for files that exist, a check that symlinks do not lead outside @p root.
    static Resolved resolve(const QString &root, const QString &relative);
    /// The last component of a path written on any system ("C:\\x\\12.png" → "12.png").
    static QString fileName(QStringView path) { return fileNameView(path).toString(); }
    /// fileName() without a copy.
    static QStringView fileNameView(QStringView path);
};

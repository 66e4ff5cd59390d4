#pragma once

#include <QString>

/// A problem with an input file, located as precisely as the input allows.
struct FileError
{
    QString file;
    qint64 line = 0;   ///< 1-based; 0 when the problem has no position
    qint64 column = 0; ///< 1-based, in characters
    QString message;

    bool isNull() const { return message.isEmpty(); }
    /// "file:line:column: message", the form editors and terminals understand.
    QString toString() const;
};

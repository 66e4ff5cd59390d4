#pragma once

#include <QString>
#include <QStringList>

/// Whether an output file would replace something the program reads: exports (from the command line or the
/// window) are refused before they write over a project or one of its inputs.
namespace OutputClash {

/// What an output path would replace.
enum class Kind : quint8 { None, Project, Input };

struct Clash
{
    Kind kind = Kind::None;
    QString target;  ///< the project or input file it would replace
    QString sidecar; ///< "wal", "shm", "journal" or "lock" when it is a file SQLite or the lock keeps beside a project
};

/// Whether @p a and @p b are one file: the same path once links are resolved, or the same inode (a hard link).
bool sameFile(const QString &a, const QString &b);

/// Whether writing @p output would replace one of @p projects (or a file kept beside it) or one of @p inputs (a
/// dataset folder stands for its data file).
Clash check(const QString &output, const QStringList &projects, const QStringList &inputs);

} // namespace OutputClash

#pragma once

#include "workspace.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

/// A file (or folder) a project was made from, with what it held when the project recorded it.
struct ProjectInput
{
    enum class Role : quint8 { Dataset, Images, Results };

    Role role = Role::Dataset;
    QString path;       ///< absolute
    QString runName;    ///< Results only
    QByteArray sha256;  ///< hex; empty for folders and when not known
    qint64 size = -1;

    bool operator==(const ProjectInput &) const = default;

    static QString roleKey(Role role);
    static bool parseRole(const QString &key, Role *role);
};

/// The inputs of a project as a load request needs them.
struct ProjectInputs
{
    QString dataset;
    QString imageRoot;
    QStringList results;
    QStringList runNames;

    static ProjectInputs from(const QList<ProjectInput> &inputs);

    /// The files behind @p workspace, hashed (slow for large files: call on a worker). Empty when cancelled.
    static QList<ProjectInput> describe(const Workspace &workspace, const std::atomic_bool *cancel = nullptr);
    /// Recorded files that are missing or whose content changed, one sentence each.
    static QStringList changed(const QList<ProjectInput> &recorded, const std::atomic_bool *cancel = nullptr);
};

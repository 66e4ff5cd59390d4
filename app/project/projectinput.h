#pragma once

#include "app/model/workspace.h"

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
    QString path;      ///< absolute
    QString runName;   ///< Results only
    QByteArray sha256; ///< hex; empty for folders and when not known
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

    /// How a project opens with the inputs given beside it (on the command line, or by the window).
    struct Plan;
    /// The one rule for opening a project with inputs: paths compare as absolute files (a dataset folder as its
    /// data.json); recorded inputs always load; extra result files are listed for the caller to add or refuse.
    static Plan plan(const QList<ProjectInput> &recorded, const ProjectInputs &given);

    /// The files behind @p workspace, reusing what @p recorded knows of the same files (their hashes stay those
    /// of the data the labels were made on); @p unhashed receives the positions of files still to hash.
    static QList<ProjectInput> reconcile(const QList<ProjectInput> &recorded, const Workspace &workspace,
                                         QList<qsizetype> *unhashed);
    /// @p inputs with the files at @p positions hashed (slow: call on a worker). Empty when cancelled.
    static QList<ProjectInput> hashed(QList<ProjectInput> inputs, const QList<qsizetype> &positions,
                                      const std::atomic_bool *cancel = nullptr);
    /// The files behind @p workspace, hashed (slow for large files: call on a worker). Empty when cancelled.
    static QList<ProjectInput> describe(const Workspace &workspace, const std::atomic_bool *cancel = nullptr);
    /// Recorded files that are missing or whose content changed, one sentence each.
    static QStringList changed(const QList<ProjectInput> &recorded, const std::atomic_bool *cancel = nullptr);
};

struct ProjectInputs::Plan
{
    ProjectInputs recorded;    ///< what the project records
    ProjectInputs load;        ///< what to load: the recorded inputs and any extra result files
    QStringList extraResults;  ///< given result files the project does not record (absolute)
    bool otherDataset = false; ///< a dataset was given that is not the recorded one
};

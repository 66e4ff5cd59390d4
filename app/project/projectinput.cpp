#include "projectinput.h"

#include "filehash.h"

#include <QDir>
#include <QFileInfo>

QString ProjectInput::roleKey(Role role)
{
    switch (role) {
    case Role::Dataset:
        return QStringLiteral("dataset");
    case Role::Images:
        return QStringLiteral("images");
    case Role::Results:
        return QStringLiteral("results");
    }
    return {};
}

bool ProjectInput::parseRole(const QString &key, Role *role)
{
    for (Role r : {Role::Dataset, Role::Images, Role::Results}) {
        if (key == roleKey(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

ProjectInputs ProjectInputs::from(const QList<ProjectInput> &inputs)
{
    ProjectInputs out;
    for (const ProjectInput &input : inputs) {
        switch (input.role) {
        case ProjectInput::Role::Dataset:
            out.dataset = input.path;
            break;
        case ProjectInput::Role::Images:
            out.imageRoot = input.path;
            break;
        case ProjectInput::Role::Results:
            out.results.append(input.path);
            out.runNames.append(input.runName);
            break;
        }
    }
    return out;
}

QList<ProjectInput> ProjectInputs::describe(const Workspace &workspace, const std::atomic_bool *cancel)
{
    QList<ProjectInput> inputs;
    auto add = [&](ProjectInput::Role role, const QString &path, const QString &runName) {
        ProjectInput input{role, QFileInfo(path).absoluteFilePath(), runName, {}, -1};
        if (QFileInfo(path).isFile()) {
            FileError error;
            input.sha256 = FileHash::sha256(path, &error, cancel);
            input.size = QFileInfo(path).size();
        }
        inputs.append(input);
    };
    const QString dataset = workspace.dataset.filePath();
    add(ProjectInput::Role::Dataset, dataset, {});
    const QString root = workspace.dataset.imageRoot();
    if (!root.isEmpty() && QDir::cleanPath(root) != QDir::cleanPath(QFileInfo(dataset).absolutePath()))
        add(ProjectInput::Role::Images, root, {});
    for (const Run &run : workspace.runs)
        add(ProjectInput::Role::Results, run.filePath, run.name);
    if (cancel && cancel->load())
        return {};
    return inputs;
}

QStringList ProjectInputs::changed(const QList<ProjectInput> &recorded, const std::atomic_bool *cancel)
{
    QStringList problems;
    for (const ProjectInput &input : recorded) {
        if (cancel && cancel->load())
            return {};
        const QFileInfo info(input.path);
        if (!info.exists()) {
            problems.append(QStringLiteral("%1 is missing").arg(input.path));
            continue;
        }
        if (input.sha256.isEmpty() || !info.isFile())
            continue;
        FileError error;
        const QByteArray now = FileHash::sha256(input.path, &error, cancel);
        if (now.isEmpty() && error.isNull())
            return {}; // cancelled
        if (now.isEmpty())
            problems.append(error.toString());
        else if (now != input.sha256)
            problems.append(QStringLiteral("%1 changed since the project recorded it (its content hash differs)")
                                .arg(input.path));
    }
    return problems;
}

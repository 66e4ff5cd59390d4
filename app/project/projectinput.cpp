#include "app/project/projectinput.h"

#include "app/io/datasetloader.h"
#include "app/io/filehash.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

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

ProjectInputs::Plan ProjectInputs::plan(const QList<ProjectInput> &recorded, const ProjectInputs &given)
{
    Plan plan;
    plan.recorded = from(recorded);
    plan.load = plan.recorded;
    const auto sameFile = [](const QString &a, const QString &b) {
        const QString target = QFileInfo(b).absoluteFilePath();
        return QFileInfo(a).absoluteFilePath() == target ||
               QFileInfo(DatasetLoader::dataFileFor(a)).absoluteFilePath() == target;
    };
    plan.otherDataset = !given.dataset.isEmpty() && !sameFile(given.dataset, plan.recorded.dataset);
    for (const QString &result : given.results) {
        const bool known = std::any_of(plan.load.results.cbegin(), plan.load.results.cend(),
                                       [&](const QString &r) { return sameFile(result, r); });
        if (known)
            continue;
        plan.extraResults.append(QFileInfo(result).absoluteFilePath());
        plan.load.results.append(QFileInfo(result).absoluteFilePath());
        plan.load.runNames.append(QString());
    }
    return plan;
}

QList<ProjectInput> ProjectInputs::reconcile(const QList<ProjectInput> &recorded, const Workspace &workspace,
                                             QList<qsizetype> *unhashed)
{
    QList<ProjectInput> inputs;
    auto add = [&](ProjectInput::Role role, const QString &path, const QString &runName) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        for (const ProjectInput &input : recorded) {
            if (input.role == role && input.path == absolute) {
                ProjectInput kept = input;
                kept.runName = runName;
                inputs.append(kept);
                return;
            }
        }
        const QFileInfo info(path);
        if (info.isFile())
            unhashed->append(inputs.size());
        inputs.append({role, absolute, runName, {}, info.isFile() ? info.size() : -1});
    };
    const QString dataset = workspace.dataset.filePath();
    add(ProjectInput::Role::Dataset, dataset, {});
    const QString root = workspace.dataset.imageRoot();
    if (!root.isEmpty() && QDir::cleanPath(root) != QDir::cleanPath(QFileInfo(dataset).absolutePath()))
        add(ProjectInput::Role::Images, root, {});
    for (const Run &run : workspace.runs)
        add(ProjectInput::Role::Results, run.filePath, run.name);
    return inputs;
}

QList<ProjectInput> ProjectInputs::hashed(QList<ProjectInput> inputs, const QList<qsizetype> &positions,
                                          const std::atomic_bool *cancel)
{
    for (qsizetype i : positions) {
        FileError ignored;
        inputs[i].sha256 = FileHash::sha256(inputs[i].path, &ignored, cancel);
        if (cancel && cancel->load())
            return {};
    }
    return inputs;
}

QList<ProjectInput> ProjectInputs::describe(const Workspace &workspace, const std::atomic_bool *cancel)
{
    QList<qsizetype> unhashed;
    const QList<ProjectInput> inputs = reconcile({}, workspace, &unhashed);
    return hashed(inputs, unhashed, cancel);
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
            problems.append(
                QStringLiteral("%1 changed since the project recorded it (its content hash differs)").arg(input.path));
    }
    return problems;
}

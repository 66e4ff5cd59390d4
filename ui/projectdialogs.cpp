#include "projectdialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QWidget>

const QString ProjectDialogs::kSuffix = QStringLiteral(".vlsproj");

ProjectDialogs::ProjectDialogs(ReviewSession *session, QWidget *parent)
    : QObject(parent), m_session(session), m_parent(parent)
{
}

QString ProjectDialogs::askProjectPath(const QString &title, const QString &start)
{
    // An existing file is refused by the session, not overwritten: the dialog need not ask.
    QString path = QFileDialog::getSaveFileName(m_parent, title, start, tr("VLSBench Studio projects (*.vlsproj)"),
                                                nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty() && !path.endsWith(kSuffix))
        path += kSuffix;
    return path;
}

void ProjectDialogs::newProject()
{
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    if (!workspace) {
        emit report(ReviewSession::Severity::Warning, tr("Open a dataset before creating a project."));
        return;
    }
    const QFileInfo data(workspace->dataset.filePath());
    const QString folder = QFileInfo(data.absolutePath()).isWritable()
                               ? data.absolutePath()
                               : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = askProjectPath(tr("New Project"), QDir(folder).filePath(data.dir().dirName() + kSuffix));
    if (path.isEmpty())
        return;
    FileError error;
    if (!m_session->createProject(path, &error)) {
        emit report(ReviewSession::Severity::Error, tr("Could not create the project: %1").arg(error.toString()));
        return;
    }
    emit created(path);
}

void ProjectDialogs::openProject()
{
    const QString path = QFileDialog::getOpenFileName(m_parent, tr("Open Project"), QString(),
                                                      tr("VLSBench Studio projects (*.vlsproj);;All files (*)"));
    if (!path.isEmpty())
        m_session->openProject(path);
}

void ProjectDialogs::saveProjectAs()
{
    const Project *project = m_session->project();
    if (!project)
        return;
    m_session->flushNote();
    const QString path = askProjectPath(tr("Save Project As"), QFileInfo(project->path()).absolutePath());
    if (path.isEmpty())
        return;
    FileError error;
    if (!m_session->saveProjectAs(path, &error)) {
        emit report(ReviewSession::Severity::Error, tr("Could not save: %1").arg(error.toString()));
        return;
    }
    emit status(tr("Continuing in %1.").arg(path));
}

void ProjectDialogs::importAnnotations()
{
    const Project *project = m_session->project();
    if (!project || !m_session->workspace() || project->isReadOnly())
        return;
    const QString path = QFileDialog::getOpenFileName(m_parent, tr("Import Annotations"), QString(),
                                                      tr("Annotation files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    ReviewSession::ImportSummary summary;
    FileError error;
    if (!m_session->importAnnotations(path, &summary, &error)) {
        emit report(ReviewSession::Severity::Error, tr("Nothing imported: %1").arg(error.toString()));
        return;
    }
    const QString text = tr("%1: %2 added, %3 updated, %4 already present, %5 skipped.")
                             .arg(QFileInfo(path).fileName())
                             .arg(summary.added)
                             .arg(summary.updated)
                             .arg(summary.unchanged)
                             .arg(summary.skipped.size());
    emit report(summary.skipped.isEmpty() ? ReviewSession::Severity::Info : ReviewSession::Severity::Warning,
                tr("Imported %1").arg(text), summary.skipped.join(QLatin1Char('\n')));
}

void ProjectDialogs::exportAnnotations()
{
    const Project *project = m_session->project();
    if (!project)
        return;
    const QFileInfo info(project->path());
    const QString path = QFileDialog::getSaveFileName(
        m_parent, tr("Export Annotations"),
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-annotations.json")),
        tr("Annotation files (*.json)"));
    if (path.isEmpty())
        return;
    FileError error;
    if (!m_session->exportAnnotations(path, &error)) {
        emit report(ReviewSession::Severity::Error, tr("Not exported: %1").arg(error.toString()));
        return;
    }
    emit status(tr("Exported the annotations to %1.").arg(path));
}

void ProjectDialogs::exportCorrected(int run)
{
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    const Project *project = m_session->project();
    if (!project || !workspace || workspace->runs.isEmpty())
        return;
    run = std::clamp(run, 0, int(workspace->runs.size()) - 1);
    const QString name = workspace->runs[run].name;
    const QString path = QFileDialog::getSaveFileName(
        m_parent, tr("Export Corrected Results of %1").arg(name),
        QFileInfo(project->path()).absoluteDir().filePath(name + QStringLiteral("-corrected.json")),
        tr("Result files (*.json)"));
    if (path.isEmpty())
        return;
    FileError error;
    if (!m_session->exportCorrected(run, path, &error)) {
        emit report(ReviewSession::Severity::Error, tr("Not exported: %1").arg(error.toString()));
        return;
    }
    emit status(tr("Exported %1 with human labels in place of the judge's to %2.").arg(name, path));
}

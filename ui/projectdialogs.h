#pragma once

#include "app/session/reviewsession.h"

#include <QObject>

class QWidget;

/// The file dialogs of the project menu: new, open and save-as, importing and exporting annotations, and
/// exporting a run's corrected results. Each asks for a file, hands it to the session and says how it went.
class ProjectDialogs : public QObject
{
    Q_OBJECT

public:
    /// The file name suffix of project files.
    static const QString kSuffix;

    ProjectDialogs(ReviewSession *session, QWidget *parent);

    void newProject();
    void openProject();
    void saveProjectAs();
    void importAnnotations();
    void exportAnnotations();
    /// Exports run @p run (workspace index) with human labels in place of the judge's.
    void exportCorrected(int run);

signals:
    /// A passing word for the status bar.
    void status(const QString &text);
    /// What the project banner should say.
    void report(ReviewSession::Severity severity, const QString &text, const QString &details = {});
    /// A project was created (the window saves the reviewer's position in it).
    void created(const QString &path);

private:
    /// A project file name from a save dialog, with the suffix added; empty when the reviewer cancelled.
    QString askProjectPath(const QString &title, const QString &start);

    ReviewSession *m_session;
    QWidget *m_parent;
};

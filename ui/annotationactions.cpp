#include "annotationactions.h"

#include "projectdialogs.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QWidget>

AnnotationActions::AnnotationActions(ReviewSession *session, ProjectDialogs *dialogs, ReviewCursor *cursor,
                                     QWidget *window)
    : QObject(window), m_session(session), m_dialogs(dialogs), m_cursor(cursor), m_window(window)
{
}

bool AnnotationActions::ensureAnnotator()
{
    if (!m_session->annotator().isEmpty())
        return true;
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("Who is annotating?"),
                              tr("Your name or initials. It is stored with every label and flag you make,\n"
                                 "so that work by several people can be told apart."),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return false;
    m_session->setAnnotator(name);
    return true;
}

void AnnotationActions::changeAnnotator()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("Annotator"), tr("Your name or initials, stored with every label and flag:"),
                              QLineEdit::Normal, m_session->annotator(), &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        m_session->setAnnotator(name);
}

bool AnnotationActions::ensureProject()
{
    if (const Project *project = m_session->project()) {
        if (!project->isReadOnly())
            return true;
        emit status(tr("The project is read-only; nothing can be changed."), 5000);
        return false;
    }
    if (!m_session->workspace())
        return false;
    const auto answer = QMessageBox::question(
        m_window, tr("Create a project?"),
        tr("Labels and flags are kept in a project file, saved as you make them. Create one now?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    m_dialogs->newProject();
    return m_session->project() != nullptr;
}

bool AnnotationActions::allowed(qsizetype item, int run)
{
    using R = ReviewSession::Refusal;
    R why = m_session->refusal(item, run);
    // What can be fetched is asked for in the order a label needs it; what cannot is explained.
    if (why == R::NoAnnotator && ensureAnnotator())
        why = m_session->refusal(item, run);
    if ((why == R::NoProject || why == R::ReadOnly) && ensureProject())
        why = m_session->refusal(item, run);
    if (why == R::None)
        return true;
    if (why != R::NoAnnotator && why != R::NoProject && why != R::NoWorkspace)
        emit status(m_session->explain(why, item, run), 6000);
    return false;
}

bool AnnotationActions::label(Label label, bool advance)
{
    const qsizetype item = m_cursor->cursorItem();
    const int run = m_cursor->cursorRun();
    if (item < 0 || run < 0 || !allowed(item, run))
        return false;
    FileError error;
    if (!m_session->setLabel(item, run, label, &error)) {
        emit failed(tr("Not saved: %1").arg(error.toString()));
        return false;
    }
    if (label != Label::Invalid && advance)
        m_cursor->advance();
    return true;
}

bool AnnotationActions::flag(LeakVerdict verdict)
{
    const qsizetype item = m_cursor->cursorItem();
    if (item < 0 || !allowed(item, -1))
        return false;
    FileError error;
    if (!m_session->setLeak(item, verdict, &error)) {
        emit failed(tr("Not saved: %1").arg(error.toString()));
        return false;
    }
    return true;
}

void AnnotationActions::noteEdited(qsizetype item, int run, const QString &text, bool finished)
{
    if (!m_session->project())
        return;
    // Notes are signed like labels: ask once, when the first note is typed (never while closing).
    if (m_session->annotator().isEmpty() && !ensureAnnotator()) {
        emit status(tr("A note needs an annotator name; it was not saved."), 6000);
        return;
    }
    const ReviewSession::Refusal why = m_session->refusal(item, -1);
    if (why != ReviewSession::Refusal::None) {
        emit status(m_session->explain(why, item, run), 6000);
        return;
    }
    m_session->editNote(item, run, text, finished);
}

void AnnotationActions::undoOrRedo(bool redo)
{
    AnnotationChange change;
    FileError error;
    const bool ok = redo ? m_session->redo(&change, &error) : m_session->undo(&change, &error);
    if (!ok) {
        if (!error.isNull())
            emit failed(tr("Not saved: %1").arg(error.toString()));
        return;
    }
    m_cursor->reveal(change);
    QString what;
    switch (change.kind) {
    case AnnotationChange::Kind::Label:
        what = tr("the label of item %1 in %2").arg(change.item).arg(change.run);
        break;
    case AnnotationChange::Kind::Tag:
        what = tr("the tag “%1” of item %2 in %3").arg(change.tag).arg(change.item).arg(change.run);
        break;
    case AnnotationChange::Kind::Leak:
        what = tr("the leak flag of item %1").arg(change.item);
        break;
    case AnnotationChange::Kind::Field:
        what = tr("the edit of item %1's %2").arg(change.item).arg(Item::fieldKey(change.field));
        break;
    case AnnotationChange::Kind::Exclusion:
        what = tr("the exclusion of item %1").arg(change.item);
        break;
    case AnnotationChange::Kind::Status:
        what = tr("the curation status of item %1").arg(change.item);
        break;
    case AnnotationChange::Kind::Comment:
        what = tr("the comment on item %1").arg(change.item);
        break;
    }
    emit status(redo ? tr("Redid %1.").arg(what) : tr("Undid %1.").arg(what), 5000);
}

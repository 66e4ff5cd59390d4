#pragma once

#include "app/model/annotationchange.h"
#include "app/model/annotations.h"
#include "app/session/reviewsession.h"

#include <QObject>

class ProjectDialogs;
class QWidget;

/// Where the reviewer is: the window answers, the annotation actions ask.
class ReviewCursor
{
public:
    virtual ~ReviewCursor() = default;
    /// Dataset index of the item on screen, or -1.
    virtual qsizetype cursorItem() const = 0;
    /// Workspace index of the focused run, or -1.
    virtual int cursorRun() const = 0;
    /// Moves on after a label: the next run, or the next item's first run.
    virtual void advance() = 0;
    /// Brings the item and run of @p change into view.
    virtual void reveal(const AnnotationChange &change) = 0;
};

/// Labelling, leak flags, notes, undo and redo as the reviewer triggers them: asks for an annotator name or a
/// project when one is missing, says why an annotation cannot be made, and hands the rest to the session.
class AnnotationActions : public QObject
{
    Q_OBJECT

public:
    AnnotationActions(ReviewSession *session, ProjectDialogs *dialogs, ReviewCursor *cursor, QWidget *window);

    /// Labels the focused response (Label::Invalid clears the label); @p advance moves on afterwards.
    bool label(Label label, bool advance);
    /// Sets the current item's leak verdict (LeakVerdict::None clears it).
    bool flag(LeakVerdict verdict);
    /// A note typed on item @p item (run -1: its leak note).
    void noteEdited(qsizetype item, int run, const QString &text, bool finished);
    void undoOrRedo(bool redo);
    /// Asks who is annotating when nobody is set; false when the reviewer declines.
    bool ensureAnnotator();
    /// Offers to create a project when there is none; false when there is none or it is read-only.
    bool ensureProject();
    /// Asks for a new annotator name.
    void changeAnnotator();
    /// Fetches what is missing (a name, a project) and says why an annotation still cannot be made; false then.
    /// Every kind of annotation (labels, flags, notes, tags) asks through here.
    bool allowed(qsizetype item, int run);

signals:
    /// A passing word for the status bar.
    void status(const QString &text, int milliseconds);
    /// An edit could not be saved.
    void failed(const QString &text);

private:
    ReviewSession *m_session;
    ProjectDialogs *m_dialogs;
    ReviewCursor *m_cursor;
    QWidget *m_window;
};

#pragma once

#include "annotationactions.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

/// Failure-mode tags as the reviewer sets them: T then a digit toggles the n-th tag of the project's vocabulary on
/// the focused response; an "Annotate › Tags" menu lists the tags with their keys and opens "Edit Tags…".
class TagActions : public QObject
{
    Q_OBJECT

public:
    /// How many tags have keys (T 1 … T 9).
    static constexpr int kKeyed = 9;

    /// Adds the Tags submenu to @p annotateMenu and the keys to @p window.
    TagActions(ReviewSession *session, AnnotationActions *annotate, ReviewCursor *cursor, QMenu *annotateMenu,
               QWidget *window);

    /// Puts the @p index-th tag (from 0) on the focused response, or takes it off; false when nothing changed.
    bool toggle(int index);
    /// Puts the tag @p name on the focused response, or takes it off.
    bool toggleTag(const QString &name);
    /// Opens the dialog that renames, adds, removes and reorders the project's tags.
    void editTags();
    QMenu *menu() const { return m_menu; }
    /// The action toggling the @p index-th tag.
    QAction *keyedAction(int index) const { return m_keyed.value(index); }

signals:
    /// A passing word for the status bar.
    void status(const QString &text, int milliseconds);
    /// A change could not be saved.
    void failed(const QString &text);

private:
    void rebuild();
    void updateChecks();

    ReviewSession *m_session;
    AnnotationActions *m_annotate;
    ReviewCursor *m_cursor;
    QWidget *m_window;
    QMenu *m_menu;
    QList<QAction *> m_keyed;
    QList<QAction *> m_unkeyed; ///< tags past the ninth, rebuilt with the vocabulary
    QAction *m_keyedEnd;        ///< separator before "Edit Tags…"
    QAction *m_edit;
};

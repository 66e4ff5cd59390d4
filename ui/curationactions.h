#pragma once

#include "app/model/curation.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QDialog;
class QMenu;
class QWidget;
class ReviewSession;

/// The Curate menu: edit an item's fields (F2), exclude items with a reason (X) or restore them (Shift+X), move
/// items to another category or sub-category or set their source (Ctrl+Shift+M), mark their curation status, and
/// comment on an item (Ctrl+Shift+N).
/// Actions that take several items work on the rows selected in the list, or on every item the filters show; each is
/// one step of the project's history, undone with Ctrl+Z as a whole. The data file itself is never changed.
class CurationActions : public QObject
{
    Q_OBJECT

public:
    /// The items the actions work on, as dataset indexes: the current one, the selected ones, the filtered ones.
    struct Items
    {
        std::function<qsizetype()> current;
        std::function<QList<qsizetype>()> selected;
        std::function<QList<qsizetype>()> filtered;
    };

    CurationActions(ReviewSession *session, QMenu *menu, Items items, QWidget *window);

    /// Enables what the open project allows.
    void update();

    /// The reasons offered for excluding an item, in the order shown.
    static QStringList exclusionReasons();

signals:
    void status(const QString &text, int milliseconds);
    void failed(const QString &text);
    /// Show this item (its instruction_id) in the list.
    void itemRequested(qint64 instructionId);

private:
    void editItem();
    void exclude();
    void restore();
    void moveItems();
    void setStatus(CurationStatus status);
    void comment();
    void findDuplicates();
    /// The selected items, or (when one row or none is selected and the filters leave fewer than all) asks whether
    /// to take every filtered item. Empty: the user cancelled.
    QList<qsizetype> chooseItems(const QString &what);
    void report(bool ok, const QString &done, const QString &errorText);

    ReviewSession *m_session;
    Items m_items;
    QWidget *m_window;
    QList<QAction *> m_actions;
    QPointer<QDialog> m_duplicates;
};

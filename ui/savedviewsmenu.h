#pragma once

#include "app/project/savedviews.h"

#include <QObject>
#include <QPointer>

class LayoutMemory;
class Project;
class QAction;
class QMenu;
class QWidget;

/// View › Saved Views: named sets of filters, sort and hidden runs, kept in the project so that a team shares them
/// ("unsafe answers in Hate", "my disagreements with the judge"). The first nine views have keys (Ctrl+Alt+1 to 9);
/// "All Items" puts every filter back to "all". Without a writable project views can be applied but not saved.
class SavedViewsMenu : public QObject
{
    Q_OBJECT

public:
    SavedViewsMenu(QMenu *parentMenu, QWidget *window, LayoutMemory *layout);

    /// Reads the views of @p project (none without one). Returns what could not be read of them, or "".
    QString setProject(Project *project);

    QList<SavedView> views() const { return m_views; }
    /// Keeps the list as it is now under @p name (replacing a view of that name). False, with @p error, when the
    /// project could not be written.
    bool saveCurrent(const QString &name, QString *error);
    /// Shows the list as the view named @p name describes it; false when there is none.
    bool apply(const QString &name);
    /// Deletes the view named @p name from the project.
    bool remove(const QString &name, QString *error);

    QMenu *menu() const { return m_menu; }

signals:
    /// A view was applied (empty @p name: "All Items").
    void applied(const QString &name);

private:
    void askAndSave();
    bool store(const QList<SavedView> &views, QString *error);
    void rebuild();

    QWidget *m_window;
    LayoutMemory *m_layout;
    QPointer<Project> m_project;
    QList<SavedView> m_views;
    QMenu *m_menu;
    QMenu *m_deleteMenu;
    QAction *m_save;
    QAction *m_all;
    QList<QAction *> m_viewActions;
};

#include "savedviewsmenu.h"

#include "layoutmemory.h"

#include "app/base/fileerror.h"
#include "app/project/project.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

SavedViewsMenu::SavedViewsMenu(QMenu *parentMenu, QWidget *window, LayoutMemory *layout)
    : QObject(window), m_window(window), m_layout(layout), m_menu(parentMenu->addMenu(tr("Saved Vie&ws"))),
      m_deleteMenu(new QMenu(tr("&Delete View"), m_menu)), m_save(new QAction(tr("&Save Current View…"), this)),
      m_all(new QAction(tr("&All Items"), this))
{
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_save->setToolTip(tr("Keep the filters, the sort and the hidden runs under a name, in the project"));
    m_all->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    m_all->setToolTip(tr("Every filter back to \"all\", every run shown, the list in instruction_id order"));
    window->addAction(m_save);
    window->addAction(m_all);
    connect(m_save, &QAction::triggered, this, &SavedViewsMenu::askAndSave);
    connect(m_all, &QAction::triggered, this, [this] {
        m_layout->applyView(SavedView());
        emit applied(QString());
    });
    rebuild();
}

QString SavedViewsMenu::setProject(Project *project)
{
    m_project = project;
    QString problem;
    m_views =
        project ? SavedViews::parse(project->value(QLatin1String(SavedViews::kKey)), &problem) : QList<SavedView>();
    rebuild();
    return problem;
}

bool SavedViewsMenu::store(const QList<SavedView> &views, QString *error)
{
    if (!m_project) {
        *error = tr("Views are kept in a project: open or create one first.");
        return false;
    }
    if (m_project->isReadOnly()) {
        *error = tr("The project is open read-only, so views cannot be kept in it.");
        return false;
    }
    FileError fileError;
    if (!m_project->setValue(QLatin1String(SavedViews::kKey), SavedViews::serialize(views), &fileError)) {
        *error = fileError.toString();
        return false;
    }
    m_views = views;
    rebuild();
    return true;
}

bool SavedViewsMenu::saveCurrent(const QString &name, QString *error)
{
    SavedView view = m_layout->currentView();
    view.name = SavedViews::cleanName(name);
    if (view.name.isEmpty()) {
        *error = tr("A view needs a name.");
        return false;
    }
    bool known = false;
    for (const SavedView &existing : std::as_const(m_views))
        known = known || existing.name == view.name;
    if (!known && m_views.size() >= SavedViews::kMaxViews) {
        *error = tr("A project keeps at most %1 views; delete one first.").arg(SavedViews::kMaxViews);
        return false;
    }
    return store(SavedViews::withView(m_views, view), error);
}

bool SavedViewsMenu::apply(const QString &name)
{
    for (const SavedView &view : std::as_const(m_views)) {
        if (view.name == name) {
            m_layout->applyView(view);
            emit applied(name);
            return true;
        }
    }
    return false;
}

bool SavedViewsMenu::remove(const QString &name, QString *error)
{
    return store(SavedViews::without(m_views, name), error);
}

void SavedViewsMenu::askAndSave()
{
    QString error;
    if (!m_project || m_project->isReadOnly()) {
        store(m_views, &error);
        QMessageBox::information(m_window, tr("Save View"), error);
        return;
    }
    QStringList names;
    for (const SavedView &view : std::as_const(m_views))
        names.append(view.name);
    bool ok = false;
    const QString name = QInputDialog::getItem(
        m_window, tr("Save View"), tr("Name of the view (an existing name replaces that view):"), names, -1, true, &ok);
    if (!ok)
        return;
    if (!saveCurrent(name, &error))
        QMessageBox::warning(m_window, tr("Save View"), tr("The view was not saved. %1").arg(error));
}

void SavedViewsMenu::rebuild()
{
    m_menu->clear();
    m_deleteMenu->clear();
    for (QAction *action : std::as_const(m_viewActions)) {
        m_window->removeAction(action);
        action->deleteLater();
    }
    m_viewActions.clear();

    const bool writable = m_project && !m_project->isReadOnly();
    m_menu->addAction(m_save);
    m_menu->addAction(m_all);
    if (!m_views.isEmpty())
        m_menu->addSeparator();
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        const QString name = m_views[i].name;
        // The actions belong to this object, not to the menus (whose clear() would delete one while it is being
        // triggered), and go once control is back in the event loop.
        // Menus read & as a mnemonic: a view named "Q&A" shows as written.
        auto *action = new QAction(QString(name).replace(QLatin1Char('&'), QLatin1String("&&")), this);
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, name] { apply(name); });
        m_menu->addAction(action);
        m_window->addAction(action);
        m_viewActions.append(action);
        auto *remove = new QAction(action->text(), this);
        m_deleteMenu->addAction(remove);
        m_viewActions.append(remove);
        connect(remove, &QAction::triggered, this, [this, name] {
            QString error;
            if (!this->remove(name, &error))
                QMessageBox::warning(m_window, tr("Delete View"), tr("The view was not deleted. %1").arg(error));
        });
    }
    if (!m_views.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addMenu(m_deleteMenu);
    }
    m_deleteMenu->setEnabled(writable);
    m_save->setEnabled(true); // says why it cannot save, when it cannot
}

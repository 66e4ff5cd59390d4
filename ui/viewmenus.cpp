#include "viewmenus.h"

#include "appsettings.h"

#include "widgets/itemtablemodel.h"

#include "app/model/workspace.h"

#include <QMenu>
#include <QTableView>

ViewMenus::ViewMenus(QMenu *recent, QMenu *runs, QMenu *unblurred, QTableView *table, QObject *parent)
    : QObject(parent), m_recent(recent), m_runs(runs), m_unblurredMenu(unblurred), m_table(table)
{
}

void ViewMenus::rebuildRecent()
{
    m_recent->clear();
    const QStringList recent = AppSettings::recentDatasets();
    for (const QString &path : recent) {
        QAction *action = m_recent->addAction(path);
        connect(action, &QAction::triggered, this, [this, path] { emit recentChosen(path); });
    }
    m_recent->setEnabled(!recent.isEmpty());
}

void ViewMenus::rebuildRuns(const Workspace &workspace)
{
    m_runs->clear();
    for (int run = 0; run < workspace.runs.size(); ++run) {
        QAction *action = m_runs->addAction(workspace.runs[run].name);
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(ItemTableModel::FirstRunColumn + run));
        connect(action, &QAction::toggled, this, [this, run](bool shown) {
            m_table->setColumnHidden(ItemTableModel::FirstRunColumn + run, !shown);
            emit runShownChanged();
        });
    }
    m_runs->setEnabled(!workspace.runs.isEmpty());
}

void ViewMenus::rebuildUnblurred(const Workspace *workspace)
{
    m_unblurredMenu->clear();
    QStringList categories;
    if (workspace) {
        for (const Item &item : workspace->dataset.items()) {
            if (!categories.contains(item.category))
                categories.append(item.category);
        }
    }
    categories.sort();
    m_unblurred = AppSettings::unblurredCategories();
    for (const QString &category : std::as_const(categories)) {
        QAction *action = m_unblurredMenu->addAction(category);
        action->setCheckable(true);
        action->setChecked(m_unblurred.contains(category));
        connect(action, &QAction::toggled, this, [this, category](bool on) {
            m_unblurred.removeAll(category);
            if (on)
                m_unblurred.append(category);
            AppSettings::setUnblurredCategories(m_unblurred);
        });
    }
    m_unblurredMenu->setEnabled(!categories.isEmpty());
}

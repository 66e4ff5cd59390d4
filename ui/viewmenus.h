#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QTableView;
struct Workspace;

/// The menus that list what is open: File › Open Recent, View › Show Runs and View › Show Unblurred by Default
/// (the categories whose images may open unblurred, kept in the settings).
class ViewMenus : public QObject
{
    Q_OBJECT

public:
    ViewMenus(QMenu *recent, QMenu *runs, QMenu *unblurred, QTableView *table, QObject *parent = nullptr);

    void rebuildRecent();
    /// One checkable entry per run; unchecking one hides its column in the item table.
    void rebuildRuns(const Workspace &workspace);
    void rebuildUnblurred(const Workspace *workspace);
    /// Whether images of @p category open unblurred.
    bool opensUnblurred(const QString &category) const { return m_unblurred.contains(category); }

signals:
    void recentChosen(const QString &path);
    void runShownChanged();

private:
    QMenu *m_recent;
    QMenu *m_runs;
    QMenu *m_unblurredMenu;
    QTableView *m_table;
    QStringList m_unblurred; ///< AppSettings' list, cached
};

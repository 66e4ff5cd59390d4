#pragma once

#include <QObject>

class QTableView;
class QWidget;

/// How the item list behaves under the keyboard and the mouse: Tab leaves the list instead of walking its cells,
/// a click never scrolls the Id and label columns out of view, and the current row stays in view when the list
/// is sorted or filtered.
class ListKeys : public QObject
{
    Q_OBJECT

public:
    explicit ListKeys(QTableView *table, QObject *parent = nullptr);

    /// Tab goes from each of @p widgets to the next.
    static void chainTabs(std::initializer_list<QWidget *> widgets);

    /// Scrolls the current row into view (vertically only: the columns stay where the reviewer put them).
    void revealCurrent();

private:
    QTableView *m_table;
};

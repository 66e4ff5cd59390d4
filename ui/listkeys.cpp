#include "listkeys.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

ListKeys::ListKeys(QTableView *table, QObject *parent) : QObject(parent), m_table(table)
{
    table->setTabKeyNavigation(false);
    // The view's own scrolling to the current cell also scrolls sideways, taking the Id and labels away when a
    // long instruction is clicked; the row is brought into view here instead, vertically only.
    table->setAutoScroll(false);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, &ListKeys::revealCurrent);
    // Sorting moves the row elsewhere; the view follows it once the proxy has sorted.
    connect(table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this] { QTimer::singleShot(0, this, &ListKeys::revealCurrent); });
    // Filtering and sorting change the rows under the current one; once the view has laid them out, it follows.
    auto later = [this] { QTimer::singleShot(0, this, &ListKeys::revealCurrent); };
    QAbstractItemModel *model = table->model();
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
}

void ListKeys::revealCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_table->doItemsLayout(); // the scroll range must know about rows just added
    QScrollBar *sideways = m_table->horizontalScrollBar();
    const int keep = sideways->value();
    m_table->scrollTo(current);
    sideways->setValue(keep);
}

void ListKeys::chainTabs(std::initializer_list<QWidget *> widgets)
{
    QWidget *previous = nullptr;
    for (QWidget *widget : widgets) {
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    }
}

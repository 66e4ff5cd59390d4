#include "itemfiltermodel.h"

#include "widgets/itemtablemodel.h"

ItemFilterModel::ItemFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ItemTableModel::SortRole);
}

void ItemFilterModel::setAccepted(QList<bool> accepted)
{
    m_accepted = std::move(accepted);
    // A new filter can drop rows in thousands of separate runs; announcing each run makes the view's cost
    // quadratic. One layout change rebuilds the mapping in a single pass.
    invalidate();
}

bool ItemFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_accepted.isEmpty())
        return true;
    const auto *items = static_cast<const ItemTableModel *>(sourceModel());
    const qsizetype item = items->itemAtRow(sourceRow);
    return item >= 0 && item < m_accepted.size() && m_accepted[item];
}

qsizetype ItemFilterModel::itemAt(int row) const
{
    return data(index(row, 0), ItemTableModel::ItemIndexRole).value<qsizetype>();
}

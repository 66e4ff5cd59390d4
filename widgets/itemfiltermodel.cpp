#include "itemfiltermodel.h"

#include "itemtablemodel.h"

ItemFilterModel::ItemFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ItemTableModel::SortRole);
}

void ItemFilterModel::setAccepted(QList<bool> accepted)
{
    m_accepted = std::move(accepted);
    invalidateRowsFilter();
}

bool ItemFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_accepted.isEmpty())
        return true;
    const auto *items = static_cast<const ItemTableModel *>(sourceModel());
    const qsizetype item = items->itemAtRow(sourceRow);
    return item >= 0 && item < m_accepted.size() && m_accepted[item];
    Q_UNUSED(sourceParent)
}

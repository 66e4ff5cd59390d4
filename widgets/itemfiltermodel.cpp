#include "itemfiltermodel.h"

#include "widgets/itemtablemodel.h"

ItemFilterModel::ItemFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ItemTableModel::SortRole);
}

void ItemFilterModel::setAccepted(QList<bool> accepted, QHash<qsizetype, LeakEvidence> ranking)
{
    m_accepted = std::move(accepted);
    m_ranking = std::move(ranking);
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

bool ItemFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_ranking.isEmpty() || left.column() != ItemTableModel::IdColumn)
        return QSortFilterProxyModel::lessThan(left, right);
    const auto *items = static_cast<const ItemTableModel *>(sourceModel());
    const qsizetype a = items->itemAtRow(left.row());
    const qsizetype b = items->itemAtRow(right.row());
    const int scoreA = m_ranking.value(a).score();
    const int scoreB = m_ranking.value(b).score();
    return scoreA != scoreB ? scoreA > scoreB : a < b; // the strongest evidence first, then the file's order
}

QVariant ItemFilterModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole && index.column() == ItemTableModel::IdColumn && !m_ranking.isEmpty()) {
        const auto it = m_ranking.constFind(itemAt(index.row()));
        if (it != m_ranking.cend())
            return it->describe();
    }
    return QSortFilterProxyModel::data(index, role);
}

QVariant ItemFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal && section == ItemTableModel::IdColumn &&
        !m_ranking.isEmpty())
        return tr("Sorted by this column, leak candidates come strongest evidence first: each annotator who says the "
                  "text leaks counts 2, each judge run that calls the text alone unsafe 1, each unsure annotator 1, "
                  "and each annotator who says it does not leak −2");
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

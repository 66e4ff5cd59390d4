#include "itemtablecolumns.h"

#include "widgets/itemtablemodel.h"

#include <QHeaderView>
#include <QTableView>

namespace ItemTableColumns {

void arrange(QTableView *table, int runs, int previousRuns, bool newDataset, QAbstractItemDelegate *labelDelegate)
{
    QHeaderView *header = table->horizontalHeader();
    if (!newDataset && previousRuns > runs) {
        for (int run = 0; run < runs; ++run)
            table->setColumnHidden(ItemTableModel::FirstRunColumn + run, false);
    }
    header->resizeSection(ItemTableModel::IdColumn, 56);
    header->resizeSection(ItemTableModel::CategoryColumn, 110);
    header->resizeSection(ItemTableModel::SubCategoryColumn, 150);
    header->resizeSection(ItemTableModel::SourceColumn, 90);
    header->resizeSection(ItemTableModel::InstructionColumn, 320);
    for (int run = 0; run < runs; ++run) {
        const int logical = ItemTableModel::FirstRunColumn + run;
        header->resizeSection(logical, 30);
        table->setItemDelegateForColumn(logical, labelDelegate);
        if (newDataset || run >= previousRuns || header->visualIndex(logical) > ItemTableModel::InstructionColumn + run)
            header->moveSection(header->visualIndex(logical), 1 + run);
    }
}

QList<int> shownRuns(const QTableView *table)
{
    QList<int> runs;
    const QHeaderView *header = table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= ItemTableModel::FirstRunColumn && !header->isSectionHidden(logical))
            runs.append(ItemTableModel::runOfColumn(logical));
    }
    return runs;
}

} // namespace ItemTableColumns

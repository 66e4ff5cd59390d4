#pragma once

#include <QList>

class QAbstractItemDelegate;
class QTableView;

/// How the item list lays out its columns: the order and widths the reviewer sees, and which runs are shown.
namespace ItemTableColumns {

/// Fixed widths, the label delegate on every run column, and each run's label cell right after the id: new runs
/// (all of them for a new dataset) move there, a reviewer's own order of the others is kept. Hidden runs stay
/// hidden, unless runs were removed (@p runs below @p previousRuns), which shifts the columns: then all show.
void arrange(QTableView *table, int runs, int previousRuns, bool newDataset, QAbstractItemDelegate *labelDelegate);

/// The workspace indices of the runs whose columns are shown, in the order shown.
QList<int> shownRuns(const QTableView *table);

} // namespace ItemTableColumns

#pragma once

#include <QString>

#include <functional>

class QModelIndex;
class QTableView;

/// A table view's rows and columns as the reviewer sees them, as comma-separated values (RFC 4180).
namespace TableCsv {

/// The text of one cell, and of the header of a model column.
using CellText = std::function<QString(const QModelIndex &index)>;
using HeaderText = std::function<QString(int logicalColumn)>;

/// One line of fields quoted where needed (a comma, a quote, CR or LF in them), ended by CRLF.
QString line(const QStringList &fields);

/// A header line, then one line per row of @p view's model in the view's order; the columns shown, in the order
/// shown. Without @p cell or @p header the display text is used.
QString format(const QTableView *view, const CellText &cell = {}, const HeaderText &header = {});

} // namespace TableCsv

#include "tablecsv.h"

#include "app/base/csv.h"

#include <QHeaderView>
#include <QTableView>

namespace TableCsv {

QString line(const QStringList &fields)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        const QString &value = fields[i];
        // Csv::field quotes for commas, quotes and LF; a lone CR needs quoting too under RFC 4180.
        if (value.contains(QLatin1Char('\r')) && !value.contains(QLatin1Char('\n')) &&
            !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')))
            out += QLatin1Char('"') + value + QLatin1Char('"');
        else
            out += Csv::field(value);
    }
    return out + QLatin1String("\r\n");
}

QString format(const QTableView *view, const CellText &cell, const HeaderText &header)
{
    const QAbstractItemModel *model = view->model();
    const QHeaderView *columns = view->horizontalHeader();
    QList<int> shown;
    for (int visual = 0; visual < columns->count(); ++visual) {
        const int logical = columns->logicalIndex(visual);
        if (!view->isColumnHidden(logical))
            shown.append(logical);
    }
    QStringList fields;
    for (int logical : std::as_const(shown))
        fields.append(header ? header(logical) : model->headerData(logical, Qt::Horizontal).toString());
    QString out = line(fields);
    for (int row = 0; row < model->rowCount(); ++row) {
        if (view->isRowHidden(row))
            continue;
        fields.clear();
        for (int logical : std::as_const(shown)) {
            const QModelIndex index = model->index(row, logical);
            fields.append(cell ? cell(index) : index.data().toString());
        }
        out += line(fields);
    }
    return out;
}

} // namespace TableCsv

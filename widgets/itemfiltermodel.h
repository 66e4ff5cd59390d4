#pragma once

#include <QList>
#include <QSortFilterProxyModel>

/// Shows the items a query accepted. The query itself runs on worker threads (ItemQuery::evaluate);
/// this proxy only applies its result, so filtering never stalls the window.
class ItemFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ItemFilterModel(QObject *parent = nullptr);

    /// One flag per dataset item; an empty list accepts everything.
    void setAccepted(QList<bool> accepted);
    /// The dataset index of the item shown in row @p row.
    qsizetype itemAt(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<bool> m_accepted;
};

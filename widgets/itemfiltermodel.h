#pragma once

#include "app/search/leakevidence.h"

#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

/// Shows the items a query accepted. The query itself runs on worker threads (ItemQuery::evaluate);
/// this proxy only applies its result, so filtering never stalls the window.
class ItemFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ItemFilterModel(QObject *parent = nullptr);

    /// One flag per dataset item; an empty list accepts everything. With @p ranking (the leak evidence of the accepted
    /// items, by dataset index), sorting by the id column puts the strongest evidence first, and the id's tooltip
    /// says what the evidence is.
    void setAccepted(QList<bool> accepted, QHash<qsizetype, LeakEvidence> ranking = {});
    bool isRanked() const { return !m_ranking.isEmpty(); }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// The dataset index of the item shown in row @p row.
    qsizetype itemAt(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QList<bool> m_accepted;
    QHash<qsizetype, LeakEvidence> m_ranking;
};

#pragma once

#include "app/report/scorereport.h"

#include <QAbstractTableModel>

#include <memory>

/// The responses people labelled differently, one row each: item, run and every annotator's label. A model,
/// not table items: on a large benchmark there are tens of thousands.
class DisagreementModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ItemColumn, RunColumn, LabelsColumn, ColumnCount };
    enum Role { ItemIdRole = Qt::UserRole, RunNameRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(std::shared_ptr<const ScoreReport> report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ScoreReport> m_report;
};

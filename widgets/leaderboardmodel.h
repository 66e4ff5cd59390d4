#pragma once

#include "app/report/scorereport.h"

#include <QAbstractTableModel>

/// The paper's table, one row per run: refusal, warning and safety rates from the judge's labels with the
/// safety rate's 95 % interval, and beside them the corrected rates (human labels first).
class LeaderboardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RunColumn,
        ResponsesColumn,
        RefusalColumn,
        WarningColumn,
        SafetyColumn,
        IntervalColumn,
        HumanLabelsColumn,
        CorrectedRefusalColumn,
        CorrectedWarningColumn,
        CorrectedSafetyColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows, keeping the model's identity (a reset: runs may come and go).
    void setRuns(const QList<ScoreReport::RunRow> &runs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ScoreReport::RunRow> m_runs;
};

#pragma once

#include "app/report/scorereport.h"

#include <QAbstractTableModel>

/// The paper's table, one row per run: refusal, warning and safety rates from the judge's labels with the
/// safety rate's 95 % interval, the unsafe and invalid shares that make up the rest, and beside them the corrected
/// rates (human labels first). Overall, or within one category when the page drills down into it.
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
        UnsafeColumn,
        InvalidColumn,
        HumanLabelsColumn,
        CorrectedRefusalColumn,
        CorrectedWarningColumn,
        CorrectedSafetyColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        /// True on a run whose invalid share is at least kInvalidWarningShare: its rates undercount.
        InvalidWarningRole,
    };
    /// From this share of invalid judge labels (in percent) a run's row says so in bold and with a warning.
    static constexpr double kInvalidWarningShare = 5.0;

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows, keeping the model's identity (a reset: runs may come and go).
    void setRuns(const QList<ScoreReport::RunRow> &runs);
    /// Shows the figures within @p category only (empty: every category). The rows stay; their figures change.
    void setCategory(const QString &category);
    QString category() const { return m_category; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// @p scores within the chosen category, or overall.
    LabelCounts countsIn(const RunScores &scores) const;

    QList<ScoreReport::RunRow> m_runs;
    QString m_category;
};

#pragma once

#include "app/report/scorereport.h"

#include <QWidget>

#include <memory>

class LeaderboardModel;
class QSortFilterProxyModel;

namespace Ui {
class ScoresPage;
}

/// Scores as the paper reports them: the leaderboard (judge and corrected rates side by side, sortable),
/// refusal and warning per category for every run with intervals, a radar chart per run, drill-down into a
/// category's sub-categories, and the share of items whose text leaks the image's risk.
class ScoresPage : public QWidget
{
    Q_OBJECT

public:
    explicit ScoresPage(QWidget *parent = nullptr);
    ~ScoresPage() override;

    /// Shows @p report; while the page is hidden it only keeps it, and shows it when the page appears.
    void setReport(std::shared_ptr<const ScoreReport> report);
    const std::shared_ptr<const ScoreReport> &report() const { return m_report; }
    /// Shows that a newer report is being computed.
    void setUpdating(bool updating);

    /// Drills down into @p category's sub-categories (empty: every category).
    void showGroup(const QString &category);
    /// Whether the charts use corrected labels (human labels first) instead of the judge's.
    void setCorrected(bool corrected);

    /// Writes the bar chart to @p path (.png or .svg) and the radar chart beside it ("-radar").
    bool exportCharts(const QString &path, QString *error) const;
    int leaderboardRows() const;
    int barCount() const;

private:
    void refreshCharts();
    void refreshLeaks();
    void exportChartsDialog();
    void exportTablesDialog();

    Ui::ScoresPage *m_ui;
    LeaderboardModel *m_leaderboard;
    QSortFilterProxyModel *m_sorted;
    std::shared_ptr<const ScoreReport> m_report;
    bool m_stale = false;
    void apply();

protected:
    void showEvent(QShowEvent *event) override;

private:
};

#pragma once

#include "widgets/chartexport.h"

#include "app/report/scorereport.h"

#include <QWidget>

#include <memory>

class ElidedLabel;
class LeaderboardModel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableWidget;

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
    /// Whether the Data choice says curated (the page asks for it; the report says what it holds).
    void setCuratedData(bool curated);

signals:
    /// The user chose the original data (false) or the curated data (true).
    void curatedDataChosen(bool curated);

public:
    /// Writes the bar chart to @p path (.png or .svg) and the radar chart beside it ("-radar"), at the size,
    /// resolution and theme of @p options (by default 7 × 4.5 inches at 300 DPI, light, whatever the screen shows).
    bool exportCharts(const QString &path, QString *error, const ChartExport::Options &options = {}) const;
    int leaderboardRows() const;
    /// The line above the leaderboard: what it covers, and which runs have many invalid labels.
    QString leaderboardNote() const;
    int barCount() const;

private:
    void refreshCharts();
    void refreshLeaks();
    void refreshCuration();
    void refreshNote();
    void exportChartsDialog();
    void exportTablesDialog();

    Ui::ScoresPage *m_ui;
    LeaderboardModel *m_leaderboard;
    QSortFilterProxyModel *m_sorted;
    ElidedLabel *m_note;
    QTabWidget *m_bottomTabs;
    QTableWidget *m_curationTable;
    std::shared_ptr<const ScoreReport> m_report;
    ChartExport::Options m_exportOptions; ///< the last export's choices, offered again
    bool m_stale = false;
    bool m_comparing = false; ///< the shown report compares curated data with the original
    void apply();

protected:
    void showEvent(QShowEvent *event) override;

private:
};

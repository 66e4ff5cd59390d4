#pragma once

#include "widgets/chartexport.h"
#include "widgets/tagpivotmodel.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class JobRunner;
class Project;
class QTimer;
class ReviewSession;
class TagBarsWidget;

namespace Ui {
class TagsPage;
}

/// Failure-mode tags for error analysis: the pivot table of tagged responses per run and category (drilling into a
/// category's sub-categories) or per run and tag, each with its denominator, beside bars of each tag's count per run.
/// It follows the session itself: tags, labels, runs or the project changing bring a recount on a worker, a moment
/// later and only while the page is in view.
class TagsPage : public QWidget
{
    Q_OBJECT

public:
    explicit TagsPage(QWidget *parent = nullptr);
    ~TagsPage() override;

    /// Counts @p session's tags from now on.
    void setSession(ReviewSession *session);

    /// Shows every category (no value) or @p category, whose sub-categories then make the category rows.
    void showCategory(const std::optional<QString> &category);
    /// Counts @p tag in the category rows (empty: any tag).
    void showTag(const QString &tag);
    void setRows(TagPivotModel::Rows rows);

    const TagPivotModel *model() const { return m_model; }
    const TagBarsWidget *chart() const;

    /// Writes the chart to @p path (.png or .svg) in the light style at the default export size.
    bool exportChart(const QString &path, QString *error, const ChartExport::Options &options = {}) const;

signals:
    /// A recount is on screen.
    void refreshed();
    /// A count was double-clicked: list the responses of @p run (empty: every run) carrying @p tag (empty: any tag)
    /// in @p category and @p subCategory (empty: every one).
    void cellActivated(const QString &run, const QString &tag, const QString &category, const QString &subCategory);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// A recount soon, or when the page next appears.
    void schedule();
    void recount();
    void apply(const TagPivot &pivot);
    /// Refills the category, tag and annotator choices from the pivot, keeping what was chosen where it exists.
    void fillChoices();
    /// Names the category choices for the rows shown.
    void nameCategories();
    void choicesChanged();
    void refreshChart();
    void refreshNote();
    void watchProject();
    void exportChartDialog();
    void exportTableDialog();

    Ui::TagsPage *m_ui;
    TagPivotModel *m_model;
    JobRunner *m_jobs;
    QTimer *m_timer;
    QPointer<ReviewSession> m_session;
    QPointer<Project> m_watched; ///< the project whose vocabulary changes bring a recount
    bool m_stale = false;
    ChartExport::Options m_exportOptions; ///< the last export's choices, offered again
};

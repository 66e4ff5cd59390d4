#pragma once

#include "app/report/scorereport.h"

#include <QWidget>

#include <memory>

class DisagreementModel;

namespace Ui {
class AgreementPage;
}

/// Is the judge right? The judge × person confusion matrix for a run (or all) and an annotator (or all pooled),
/// accuracy per human label, Cohen's κ and weighted κ with intervals, the same by category; and between
/// annotators, pairwise κ, Krippendorff's α and the responses to adjudicate.
class AgreementPage : public QWidget
{
    Q_OBJECT

public:
    explicit AgreementPage(QWidget *parent = nullptr);
    ~AgreementPage() override;

    /// Shows @p report; while the page is hidden it only keeps it, and shows it when the page appears.
    void setReport(std::shared_ptr<const ScoreReport> report);
    void setUpdating(bool updating);
    /// Chooses the run (empty: every run) and annotator (empty: everyone pooled) the matrix shows.
    void select(const QString &run, const QString &annotator);
    /// The count in the matrix cell for judge @p judge and person @p human.
    qint64 cellCount(Label judge, Label human) const;
    QString statsText() const;
    int disagreementCount() const;

signals:
    /// A matrix cell was chosen: list the responses of @p run (empty: any) that the judge labelled @p judge and
    /// @p annotator (empty: anyone) labelled @p human.
    void cellActivated(const QString &run, const QString &annotator, Label judge, Label human);
    /// A disagreement was chosen: open that response.
    void responseActivated(qint64 item, const QString &run);

private:
    void refresh();
    const ScoreReport::AgreementRow *currentRow() const;

    Ui::AgreementPage *m_ui;
    std::shared_ptr<const ScoreReport> m_report;
    bool m_stale = false;
    void apply();

protected:
    void showEvent(QShowEvent *event) override;

private:
    DisagreementModel *m_disagreements;
};

#pragma once

#include "app/stats/verificationsample.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;
class ReviewCursor;
class ReviewSession;

/// Annotate › Verification Samples: draw a named, reproducible sample of responses (kept in the project), work
/// through it in its random order with one key (Q: the next response of the sample you have not labelled), and see
/// what it says of the judge: its accuracy per stratum and over the whole population, with the interval.
class SampleActions : public QObject
{
    Q_OBJECT

public:
    /// Brings a response (instruction_id, run name) into view, clearing filters that hide it.
    using GoTo = std::function<void(qint64 item, const QString &run)>;

    SampleActions(ReviewSession *session, ReviewCursor *cursor, QMenu *annotateMenu, QWidget *window, GoTo goTo);

    /// Reads the samples of the session's project again (after it is opened, closed or changed).
    void reload();
    QList<VerificationSample> samples() const { return m_samples; }
    /// The sample Q works through: the one last drawn or chosen; empty when there is none.
    QString activeSample() const { return m_active; }
    void setActiveSample(const QString &name);
    /// Keeps @p sample in the project and makes it the active one; false, with @p error, when it cannot be kept.
    bool addSample(const VerificationSample &sample, QString *error);
    /// Goes to the next response of the active sample that the annotator has not labelled, after the one on
    /// screen in the queue's order (wrapping round). False when there is none left, or no sample.
    bool next();
    /// The estimate from the active sample with the annotator's labels.
    SampleEstimate estimate() const;
    /// "Sample NAME: 12 of 150 checked", or "" without an active sample.
    QString progressText() const;
    /// A problem reading the project's samples, or "".
    QString problem() const { return m_problem; }

    QAction *nextAction() const { return m_next; }

signals:
    void status(const QString &text, int milliseconds);
    void progressChanged();

private:
    void draw();
    void showFigures();
    void rebuild();
    std::pair<Label, Label> labelsOf(const SampleMember &member) const;

    ReviewSession *m_session;
    ReviewCursor *m_cursor;
    QWidget *m_window;
    GoTo m_goTo;
    QMenu *m_menu;
    QAction *m_draw;
    QAction *m_next;
    QAction *m_figures;
    QActionGroup *m_choices;
    QList<QAction *> m_sampleActions;
    QList<VerificationSample> m_samples;
    QString m_active;
    QString m_problem;
};

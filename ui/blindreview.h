#pragma once

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QStatusBar;
class ReviewSession;

/// Annotate › Blind Review: the project's setting that keeps the judge's label and explanation of a response (and
/// other people's labels of it) out of sight until the annotator has labelled it, so that the judge's answer cannot
/// sway theirs. On for new projects. While it is on, the status bar says so; each label records whether it was
/// made blind, and `report --blind-only` counts only those.
class BlindReview : public QObject
{
    Q_OBJECT

public:
    BlindReview(ReviewSession *session, QMenu *annotateMenu, QStatusBar *statusBar, QObject *parent = nullptr);

    /// Whether the open project hides judge labels; false without a project.
    bool isOn() const;
    /// Reads the setting of the session's project again (after it is opened, closed or changed).
    void projectChanged();

    QAction *action() const { return m_action; }
    /// The status-bar mark shown while blind review is on.
    QLabel *indicator() const { return m_indicator; }

signals:
    /// Blind review was turned on or off, or another project brought its own setting.
    void changed(bool on);
    void status(const QString &text, int milliseconds);

private:
    void toggle(bool on);
    void update();

    ReviewSession *m_session;
    QAction *m_action;
    QLabel *m_indicator;
};

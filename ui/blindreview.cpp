#include "blindreview.h"

#include "app/project/project.h"
#include "app/session/reviewsession.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>

BlindReview::BlindReview(ReviewSession *session, QMenu *annotateMenu, QStatusBar *statusBar, QObject *parent)
    : QObject(parent), m_session(session), m_action(annotateMenu->addAction(tr("&Blind Review"))),
      m_indicator(new QLabel(tr("Blind review"), statusBar))
{
    m_action->setObjectName(QStringLiteral("actionBlindReview"));
    m_action->setCheckable(true);
    m_action->setToolTip(tr("Hide the judge's label and explanation of a response, and other people's labels of "
                            "it, until you have labelled it. Kept in the project; each label records whether it "
                            "was made blind."));
    m_action->setStatusTip(m_action->toolTip());
    connect(m_action, &QAction::triggered, this, &BlindReview::toggle);
    m_indicator->setObjectName(QStringLiteral("blindReviewIndicator"));
    m_indicator->setToolTip(tr("Blind review is on: a response's judge label and explanation appear once you have "
                               "labelled it (Annotate › Blind Review)."));
    // A mark of its own in the status bar, framed so it reads as a mode rather than a passing message.
    m_indicator->setFrameShape(QFrame::StyledPanel);
    m_indicator->setContentsMargins(6, 0, 6, 0);
    QFont bold = m_indicator->font();
    bold.setBold(true);
    m_indicator->setFont(bold);
    statusBar->addPermanentWidget(m_indicator);
    update();
}

bool BlindReview::isOn() const
{
    const Project *project = m_session->project();
    return project && project->blindMode();
}

void BlindReview::projectChanged()
{
    update();
    emit changed(isOn());
}

void BlindReview::toggle(bool on)
{
    Project *project = m_session->project();
    FileError error;
    if (!project || project->isReadOnly() || !project->setBlindMode(on, &error)) {
        emit status(!project                ? tr("Blind review is kept in a project: open or create one first.")
                    : project->isReadOnly() ? tr("The project is open read-only.")
                                            : tr("Blind review was not changed: %1").arg(error.toString()),
                    6000);
        update();
        return;
    }
    update();
    emit status(on ? tr("Blind review is on: judge labels stay hidden until you have labelled the response.")
                   : tr("Blind review is off: labels from now on record that the judge's label was in view."),
                8000);
    emit changed(on);
}

void BlindReview::update()
{
    const Project *project = m_session->project();
    m_action->setChecked(isOn());
    m_action->setEnabled(project && !project->isReadOnly());
    m_indicator->setVisible(isOn());
}

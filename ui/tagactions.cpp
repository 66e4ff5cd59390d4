#include "tagactions.h"

#include "tagsdialog.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

TagActions::TagActions(ReviewSession *session, AnnotationActions *annotate, ReviewCursor *cursor, QMenu *annotateMenu,
                       QWidget *window)
    : QObject(window), m_session(session), m_annotate(annotate), m_cursor(cursor), m_window(window),
      m_menu(new QMenu(tr("&Tags"), window))
{
    for (int i = 0; i < kKeyed; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(QStringLiteral("T, %1").arg(i + 1)));
        action->setCheckable(true);
        // On the window as well as in the menu: the keys work whether or not the menu was ever opened.
        window->addAction(action);
        m_menu->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { toggle(i); });
        m_keyed.append(action);
    }
    m_keyedEnd = m_menu->addSeparator();
    m_edit = m_menu->addAction(tr("&Edit Tags…"), this, &TagActions::editTags);
    annotateMenu->addSeparator();
    annotateMenu->addMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &TagActions::updateChecks);
    connect(session, &ReviewSession::projectChanged, this, &TagActions::rebuild);
    rebuild();
}

void TagActions::rebuild()
{
    Project *project = m_session->project();
    if (project)
        connect(project, &Project::tagNamesChanged, this, &TagActions::rebuild, Qt::UniqueConnection);
    const QStringList names = project ? project->annotations().tagNames() : QStringList();
    for (int i = 0; i < kKeyed; ++i) {
        QAction *action = m_keyed[i];
        // "&1 over-refusal": the digit is the mnemonic too.
        action->setText(i < names.size() ? tr("&%1  %2").arg(i + 1).arg(
                                               QString(names[i]).replace(QLatin1Char('&'), QStringLiteral("&&")))
                                         : tr("(no tag %1)").arg(i + 1));
        action->setData(names.value(i));
        action->setVisible(i < names.size());
        action->setEnabled(i < names.size() && !project->isReadOnly());
    }
    qDeleteAll(std::exchange(m_unkeyed, {}));
    for (qsizetype i = kKeyed; i < names.size(); ++i) {
        auto *action = new QAction(QString(names[i]).replace(QLatin1Char('&'), QStringLiteral("&&")), this);
        action->setCheckable(true);
        action->setData(names[i]);
        action->setEnabled(!project->isReadOnly());
        connect(action, &QAction::triggered, this, [this, name = names[i]] { toggleTag(name); });
        m_menu->insertAction(m_keyedEnd, action);
        m_unkeyed.append(action);
    }
    m_edit->setEnabled(project && !project->isReadOnly());
    m_menu->setEnabled(project != nullptr);
}

void TagActions::updateChecks()
{
    const qsizetype item = m_cursor->cursorItem();
    const int run = m_cursor->cursorRun();
    QStringList mine;
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    if (m_session->project() && workspace && item >= 0 && item < workspace->dataset.size() && run >= 0 &&
        run < workspace->runs.size())
        mine = m_session->project()->annotations().tags(workspace->dataset.item(item).instructionId,
                                                        workspace->runs[run].name, m_session->annotator());
    for (QAction *action : m_keyed + m_unkeyed)
        action->setChecked(mine.contains(action->data().toString()));
}

bool TagActions::toggle(int index)
{
    const Project *project = m_session->project();
    if (project && index >= project->annotations().tagNames().size()) {
        emit status(tr("The project has no tag %1; add tags with Annotate › Tags › Edit Tags….").arg(index + 1), 5000);
        return false;
    }
    return toggleTag(project ? project->annotations().tagNames().value(index) : QString());
}

bool TagActions::toggleTag(const QString &name)
{
    const qsizetype item = m_cursor->cursorItem();
    const int run = m_cursor->cursorRun();
    if (item < 0 || run < 0 || !m_annotate->allowed(item, run) || name.isEmpty())
        return false;
    FileError error;
    if (!m_session->toggleTag(item, run, name, &error)) {
        emit failed(tr("Not saved: %1").arg(error.toString()));
        return false;
    }
    const Workspace &workspace = *m_session->workspace();
    const bool on = m_session->project()->annotations().hasTag(workspace.dataset.item(item).instructionId,
                                                               workspace.runs[run].name, m_session->annotator(), name);
    emit status(on ? tr("Tagged “%1”.").arg(name) : tr("Took off the tag “%1”.").arg(name), 4000);
    return true;
}

void TagActions::editTags()
{
    Project *project = m_session->project();
    if (!project || project->isReadOnly()) {
        m_annotate->ensureProject();
        return;
    }
    TagsDialog dialog(project->annotations().tagNames(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    FileError error;
    if (!project->setTagNames(dialog.names(), dialog.renamed(), &error))
        emit failed(tr("The tags were not changed: %1").arg(error.toString()));
}

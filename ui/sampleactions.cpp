#include "sampleactions.h"

#include "annotationactions.h"
#include "sampledialog.h"

#include "app/base/fileerror.h"
#include "app/project/project.h"
#include "app/session/reviewsession.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

SampleActions::SampleActions(ReviewSession *session, ReviewCursor *cursor, QMenu *annotateMenu, QWidget *window,
                             GoTo goTo)
    : QObject(window), m_session(session), m_cursor(cursor), m_window(window), m_goTo(std::move(goTo)),
      m_menu(annotateMenu->addMenu(tr("Verification Sam&ples"))), m_draw(new QAction(tr("&Draw a Sample…"), this)),
      m_next(new QAction(tr("&Next in Sample"), this)), m_figures(new QAction(tr("Sample &Figures…"), this)),
      m_choices(new QActionGroup(this))
{
    m_draw->setToolTip(tr("A named queue of responses drawn at random, to check the judge's labels by hand"));
    m_next->setShortcut(QKeySequence(Qt::Key_Q));
    m_next->setToolTip(tr("The next response of the sample that you have not labelled, in the sample's order"));
    m_figures->setToolTip(tr("The judge's accuracy as the sample estimates it, per stratum and over the population"));
    for (QAction *action : {m_draw, m_next, m_figures})
        window->addAction(action);
    connect(m_draw, &QAction::triggered, this, &SampleActions::draw);
    connect(m_next, &QAction::triggered, this, [this] {
        if (m_active.isEmpty())
            emit status(tr("No verification sample yet: Annotate › Verification Samples › Draw a Sample…"), 6000);
        else if (!next())
            emit status(tr("Every response of “%1” is labelled.").arg(m_active), 6000);
    });
    connect(m_figures, &QAction::triggered, this, &SampleActions::showFigures);
    rebuild();
}

void SampleActions::reload()
{
    const Project *project = m_session->project();
    m_samples = project ? SampleStore::parse(project->value(QLatin1String(SampleStore::kKey)), &m_problem)
                        : QList<VerificationSample>();
    if (!project)
        m_problem.clear();
    bool known = false;
    for (const VerificationSample &sample : std::as_const(m_samples))
        known = known || sample.name == m_active;
    if (!known)
        m_active = m_samples.isEmpty() ? QString() : m_samples.last().name;
    rebuild();
    emit progressChanged();
}

void SampleActions::setActiveSample(const QString &name)
{
    m_active = name;
    rebuild();
    emit progressChanged();
}

bool SampleActions::addSample(const VerificationSample &sample, QString *error)
{
    Project *project = m_session->project();
    if (!project || project->isReadOnly()) {
        *error = project ? tr("The project is open read-only.")
                         : tr("Samples are kept in a project: open or create one first.");
        return false;
    }
    if (m_samples.size() >= SampleStore::kMaxSamples) {
        *error = tr("A project keeps at most %1 samples.").arg(SampleStore::kMaxSamples);
        return false;
    }
    QList<VerificationSample> samples = m_samples;
    samples.append(sample);
    FileError fileError;
    if (!project->setValue(QLatin1String(SampleStore::kKey), SampleStore::serialize(samples), &fileError)) {
        *error = fileError.toString();
        return false;
    }
    m_samples = samples;
    m_active = sample.name;
    rebuild();
    emit progressChanged();
    return true;
}

std::pair<Label, Label> SampleActions::labelsOf(const SampleMember &member) const
{
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    const Project *project = m_session->project();
    Label judge = Label::Invalid;
    if (workspace) {
        const qsizetype item = workspace->dataset.indexOfId(member.item);
        for (int run = 0; item >= 0 && run < workspace->runs.size(); ++run) {
            if (workspace->runs[run].name == member.run) {
                if (const ResultRecord *record = workspace->record(item, run))
                    judge = record->label.label;
            }
        }
    }
    const Label human =
        project ? project->annotations().label(member.item, member.run, m_session->annotator()).label : Label::Invalid;
    return {judge, human};
}

bool SampleActions::next()
{
    const VerificationSample *sample = nullptr;
    for (const VerificationSample &s : std::as_const(m_samples))
        sample = s.name == m_active ? &s : sample;
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    if (!sample || sample->members.isEmpty() || !workspace)
        return false;
    // Where the reviewer is in the queue: the response on screen, if it is one of the sample's.
    qsizetype here = -1;
    const qsizetype item = m_cursor->cursorItem();
    const int run = m_cursor->cursorRun();
    if (item >= 0 && run >= 0 && run < workspace->runs.size()) {
        const qint64 id = workspace->dataset.item(item).instructionId;
        for (qsizetype i = 0; i < sample->members.size() && here < 0; ++i) {
            if (sample->members[i].item == id && sample->members[i].run == workspace->runs[run].name)
                here = i;
        }
    }
    const qsizetype count = sample->members.size();
    for (qsizetype step = 1; step <= count; ++step) {
        const SampleMember &member = sample->members[(here + step + count) % count];
        if (labelsOf(member).second != Label::Invalid)
            continue;
        m_goTo(member.item, member.run);
        emit status(progressText(), 4000);
        return true;
    }
    return false;
}

SampleEstimate SampleActions::estimate() const
{
    for (const VerificationSample &sample : m_samples) {
        if (sample.name == m_active)
            return SampleDraw::estimate(sample, [this](const SampleMember &m) { return labelsOf(m); });
    }
    return {};
}

QString SampleActions::progressText() const
{
    if (m_active.isEmpty())
        return {};
    const SampleEstimate e = estimate();
    return tr("Sample “%1”: %2 of %3 checked").arg(m_active).arg(e.checked).arg(e.drawn);
}

void SampleActions::draw()
{
    const std::shared_ptr<const Workspace> &workspace = m_session->workspace();
    if (!workspace || workspace->runs.isEmpty()) {
        QMessageBox::information(m_window, tr("Draw a Sample"), tr("Open a dataset with at least one run first."));
        return;
    }
    const Project *project = m_session->project();
    if (!project || project->isReadOnly()) {
        QMessageBox::information(m_window, tr("Draw a Sample"),
                                 project ? tr("The project is open read-only, so a sample cannot be kept in it.")
                                         : tr("Samples are kept in a project: create or open one first (File menu)."));
        return;
    }
    QStringList taken;
    for (const VerificationSample &sample : std::as_const(m_samples))
        taken.append(sample.name);
    SampleDialog dialog(workspace, taken, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    VerificationSample sample = dialog.sample();
    sample.createdBy = m_session->annotator();
    sample.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QString error;
    if (!addSample(sample, &error)) {
        QMessageBox::warning(m_window, tr("Draw a Sample"), tr("The sample was not kept. %1").arg(error));
        return;
    }
    emit status(tr("Drew “%1”: %n response(s). Q goes to the next one to label.", nullptr, int(sample.members.size()))
                    .arg(sample.name),
                8000);
    next();
}

void SampleActions::showFigures()
{
    const VerificationSample *sample = nullptr;
    for (const VerificationSample &s : std::as_const(m_samples))
        sample = s.name == m_active ? &s : sample;
    if (!sample) {
        QMessageBox::information(m_window, tr("Sample Figures"), tr("There is no verification sample yet."));
        return;
    }
    const SampleEstimate e = estimate();
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Sample Figures — %1").arg(sample->name));
    auto *summary = new QLabel(&dialog);
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString design =
        tr("%1, %2 %3, seed %4, drawn by %5 on %6")
            .arg(SampleDesign::strataKey(sample->design.strata))
            .arg(sample->design.size)
            .arg(sample->design.strata == SampleDesign::Strata::None ? tr("responses") : tr("per stratum"))
            .arg(sample->design.seed)
            .arg(sample->createdBy.isEmpty() ? tr("(unknown)") : sample->createdBy, sample->created);
    QString text = tr("Judge accuracy: the share of responses where %1's label equals the judge's.\n")
                       .arg(m_session->annotator().isEmpty() ? tr("the annotator") : m_session->annotator());
    if (e.isDefined() && e.undefinedReason.isEmpty())
        text += tr("Estimated over the population of %1 responses: %2 % (95 % interval %3 to %4 %), from %5 checked of "
                   "%6 drawn; effective sample size %7.")
                    .arg(sample->populationSize())
                    .arg(e.estimate * 100, 0, 'f', 1)
                    .arg(e.low * 100, 0, 'f', 1)
                    .arg(e.high * 100, 0, 'f', 1)
                    .arg(e.checked)
                    .arg(e.drawn)
                    .arg(e.effectiveSize, 0, 'f', 1);
    else if (e.isDefined())
        text += tr("Estimated over the population of %1 responses: %2 %; the interval is undefined: %3.")
                    .arg(sample->populationSize())
                    .arg(e.estimate * 100, 0, 'f', 1)
                    .arg(e.undefinedReason);
    else
        text += tr("The estimate is undefined: %1. Checked so far: %2 of %3.")
                    .arg(e.undefinedReason)
                    .arg(e.checked)
                    .arg(e.drawn);
    summary->setText(text + QLatin1Char('\n') + tr("Design: %1.").arg(design));

    auto *table = new QTableWidget(int(e.strata.size()), 7, &dialog);
    table->setHorizontalHeaderLabels(
        {tr("Stratum"), tr("Population N"), tr("Weight"), tr("Drawn"), tr("Checked n"), tr("Agree"), tr("Accuracy")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < e.strata.size(); ++row) {
        const SampleEstimate::Stratum &s = e.strata[row];
        const QStringList cells{s.name,
                                QString::number(s.populationSize),
                                QString::number(s.weight, 'f', 3),
                                QString::number(s.drawn),
                                QString::number(s.checked),
                                QString::number(s.agree),
                                std::isnan(s.share) ? tr("no data") : QString::number(s.share * 100, 'f', 1) + " %"};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells[column]);
            if (column > 0)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, column, cell);
        }
    }
    table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(summary);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(720, 420);
    dialog.exec();
}

void SampleActions::rebuild()
{
    m_menu->clear();
    for (QAction *action : std::as_const(m_sampleActions))
        action->deleteLater();
    m_sampleActions.clear();
    m_menu->addAction(m_draw);
    m_menu->addAction(m_next);
    m_menu->addAction(m_figures);
    m_next->setEnabled(!m_active.isEmpty());
    m_figures->setEnabled(!m_active.isEmpty());
    if (m_samples.isEmpty())
        return;
    m_menu->addSeparator();
    for (const VerificationSample &sample : std::as_const(m_samples)) {
        auto *action = new QAction(QString(sample.name).replace(QLatin1Char('&'), QLatin1String("&&")), this);
        action->setCheckable(true);
        action->setChecked(sample.name == m_active);
        m_choices->addAction(action);
        const QString name = sample.name;
        connect(action, &QAction::triggered, this, [this, name] { setActiveSample(name); });
        m_menu->addAction(action);
        m_sampleActions.append(action);
    }
}

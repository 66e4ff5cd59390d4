#include "judgedialog.h"

#include "appsettings.h"

#include "app/judge/judgelimits.h"
#include "app/project/project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace {

// Distinct problems kept in the list; the oldest go first. Grouping keeps the number small in practice.
constexpr int kMaxProblemRows = 5000;

// Rows as wide as the list whatever their text, so the view elides each to the width shown. (By their text, every
// row would be as wide as the first one measured, with uniform sizes, and the list would scroll sideways.)
class OneLineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {0, QStyledItemDelegate::sizeHint(option, index).height()};
    }
};

// A spin box within the shared limits, starting from the remembered setting @p key or the limit's default.
QSpinBox *spin(const JudgeLimit &limit, const QString &key, const QString &special = {}, const QString &suffix = {})
{
    auto *box = new QSpinBox;
    box->setRange(limit.low, limit.high);
    box->setValue(AppSettings::judgeSetting(key, limit.fallback).toInt());
    box->setSpecialValueText(special);
    box->setSuffix(suffix);
    return box;
}

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 90)
        return QCoreApplication::translate("JudgeDialog", "%1 s").arg(qRound(seconds));
    if (seconds < 5400)
        return QCoreApplication::translate("JudgeDialog", "%1 min").arg(qRound(seconds / 60));
    return QCoreApplication::translate("JudgeDialog", "%1 h").arg(seconds / 3600, 0, 'f', 1);
}

} // namespace

JudgeDialog::JudgeDialog(Mode mode, Project *project, std::shared_ptr<const Workspace> workspace,
                         const QSet<qint64> &filtered, QString *sessionKey, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_project(project), m_workspace(std::move(workspace)), m_filtered(filtered),
      m_sessionKey(sessionKey), m_rubric(JudgePrompt::defaultFor(JudgeKind::Rubric))
{
    setWindowTitle(mode == Mode::Rubric ? tr("Judge Responses") : tr("Measure Visual Leakage"));
    setObjectName(QStringLiteral("judgeDialog"));
    auto *outer = new QHBoxLayout(this);

    m_settings = new QWidget(this);
    auto *left = new QVBoxLayout(m_settings);
    left->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_settings, 1);

    auto *endpointBox = new QGroupBox(tr("Endpoint (OpenAI-compatible)"), m_settings);
    auto *endpoint = new QFormLayout(endpointBox);
    m_baseUrl = new QLineEdit(
        AppSettings::judgeSetting(QStringLiteral("baseUrl"), QStringLiteral("https://api.openai.com/v1")).toString());
    m_model = new QLineEdit(AppSettings::judgeSetting(QStringLiteral("model"), QStringLiteral("gpt-4o")).toString());
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("the model's name"));
    m_keyVariable = new QLineEdit(
        AppSettings::judgeSetting(QStringLiteral("keyVariable"), QStringLiteral("OPENAI_API_KEY")).toString());
    m_typedKey = new QLineEdit(m_sessionKey ? *m_sessionKey : QString());
    m_typedKey->setEchoMode(QLineEdit::Password);
    m_typedKey->setPlaceholderText(tr("or type a key for this session only"));
    m_keyHint = new QLabel;
    m_keyHint->setWordWrap(true);
    endpoint->addRow(tr("Base URL"), m_baseUrl);
    endpoint->addRow(tr("Model"), m_model);
    endpoint->addRow(tr("Judge run name"), m_name);
    endpoint->addRow(tr("Key from variable"), m_keyVariable);
    endpoint->addRow(tr("Key"), m_typedKey);
    endpoint->addRow(QString(), m_keyHint);
    left->addWidget(endpointBox);

    auto *limitsBox = new QGroupBox(tr("Requests"), m_settings);
    auto *limits = new QGridLayout(limitsBox);
    using namespace JudgeLimits;
    m_concurrency = spin(concurrency, QStringLiteral("concurrency"));
    m_rpm = spin(requestsPerMinute, QStringLiteral("rpm"), tr("no limit"));
    m_tpm = spin(tokensPerMinute, QStringLiteral("tpm"), tr("no limit"));
    m_tries = spin(maxTries, QStringLiteral("tries"));
    m_timeout = spin(timeoutSeconds, QStringLiteral("timeout"), {}, tr(" s"));
    m_maxTokens = spin(maxTokens, QStringLiteral("maxTokens"));
    const QList<QPair<QString, QWidget *>> cells{{tr("In flight"), m_concurrency}, {tr("Requests/min"), m_rpm},
                                                 {tr("Tokens/min"), m_tpm},        {tr("Tries"), m_tries},
                                                 {tr("Timeout"), m_timeout},       {tr("Max tokens"), m_maxTokens}};
    for (int i = 0; i < cells.size(); ++i) {
        limits->addWidget(new QLabel(cells[i].first), i / 2, (i % 2) * 2);
        limits->addWidget(cells[i].second, i / 2, (i % 2) * 2 + 1);
    }
    m_priceIn = new QDoubleSpinBox;
    m_priceOut = new QDoubleSpinBox;
    for (QDoubleSpinBox *price : {m_priceIn, m_priceOut}) {
        price->setRange(0, JudgeLimits::maxPricePerMillion);
        price->setDecimals(3);
        price->setSpecialValueText(tr("not counted"));
    }
    m_priceIn->setValue(AppSettings::judgeSetting(QStringLiteral("priceInput"), 0).toDouble());
    m_priceOut->setValue(AppSettings::judgeSetting(QStringLiteral("priceOutput"), 0).toDouble());
    limits->addWidget(new QLabel(tr("Price per 1M input tokens")), 3, 0, 1, 2);
    limits->addWidget(m_priceIn, 3, 2, 1, 2);
    limits->addWidget(new QLabel(tr("Price per 1M output tokens")), 4, 0, 1, 2);
    limits->addWidget(m_priceOut, 4, 2, 1, 2);
    left->addWidget(limitsBox);

    auto *whatBox = new QGroupBox(mode == Mode::Rubric ? tr("What to judge") : tr("Items and prompts"), m_settings);
    auto *what = new QVBoxLayout(whatBox);
    m_scope = new QComboBox;
    if (mode == Mode::Rubric) {
        m_runs = new QListWidget;
        m_runs->setMaximumHeight(110);
        for (const Run &run : m_workspace->runs) {
            auto *item = new QListWidgetItem(run.name, m_runs);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        what->addWidget(m_runs);
        m_scope->addItem(tr("Every response"), int(JudgeRunConfig::Scope::All));
        m_scope->addItem(tr("Responses to the %n item(s) in the list", nullptr, int(m_filtered.size())),
                         int(JudgeRunConfig::Scope::Items));
        m_scope->addItem(tr("Responses the judge left invalid"), int(JudgeRunConfig::Scope::InvalidOnly));
        what->addWidget(m_scope);
        auto *templateRow = new QHBoxLayout;
        m_template = new QLabel;
        m_template->setWordWrap(true);
        auto *load = new QPushButton(tr("Load Template…"));
        auto *reset = new QPushButton(tr("Project's Rubric"));
        templateRow->addWidget(m_template, 1);
        templateRow->addWidget(load);
        templateRow->addWidget(reset);
        what->addLayout(templateRow);
        connect(load, &QPushButton::clicked, this, &JudgeDialog::loadTemplate);
        connect(reset, &QPushButton::clicked, this, [this] {
            m_rubric = JudgePrompt::defaultFor(JudgeKind::Rubric);
            m_templatePath.clear();
            m_template->setText(
                tr("Prompt: the project's rubric (%1)").arg(QString::fromLatin1(m_rubric.hash().left(12))));
        });
        reset->click();
    } else {
        m_scope->addItem(tr("Every item"), int(JudgeRunConfig::Scope::All));
        m_scope->addItem(tr("The %n item(s) in the list", nullptr, int(m_filtered.size())),
                         int(JudgeRunConfig::Scope::Items));
        what->addWidget(m_scope);
        what->addWidget(new QLabel(tr("Asked with the image (R1):")));
        m_imagePrompt = new QPlainTextEdit(JudgePrompt::defaultFor(JudgeKind::LeakWithImage).text);
        what->addWidget(m_imagePrompt);
        what->addWidget(new QLabel(tr("Asked from the text alone (R2):")));
        m_textPrompt = new QPlainTextEdit(JudgePrompt::defaultFor(JudgeKind::LeakTextOnly).text);
        what->addWidget(m_textPrompt);
    }
    left->addWidget(whatBox, 1);

    auto *right = new QVBoxLayout;
    outer->addLayout(right, 1);
    m_progress = new QProgressBar;
    m_progress->setFormat(QStringLiteral("%v / %m"));
    m_progress->setValue(0);
    m_status = new QLabel(tr("Not started."));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("judgeStatus"));
    right->addWidget(m_progress);
    right->addWidget(m_status);
    right->addWidget(new QLabel(tr("Problems")));
    // One line per row, all of one height: a new row or a count going up never lays out the other rows again (a
    // word-wrapped list did, and a flood of retries froze the window). The count at the end stays visible.
    m_problemModel = new QStandardItemModel(this);
    m_problems = new QListView;
    m_problems->setObjectName(QStringLiteral("judgeProblems"));
    m_problems->setModel(m_problemModel);
    m_problems->setUniformItemSizes(true);
    m_problems->setWordWrap(false);
    m_problems->setTextElideMode(Qt::ElideMiddle);
    m_problems->setItemDelegate(new OneLineDelegate(m_problems));
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    right->addWidget(m_problems, 1);
    if (mode == Mode::Leakage) {
        m_leakTable = new QTableWidget(0, 5);
        m_leakTable->setHorizontalHeaderLabels({tr("Category"), tr("Items"), tr("R1 %"), tr("R2 %"), tr("R2/R1 %")});
        m_leakTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_leakTable->verticalHeader()->hide();
        m_leakTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
        right->addWidget(m_leakTable, 1);
        showLeakage();
    }
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"));
    m_start->setDefault(true);
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setEnabled(false);
    m_cancel = new QPushButton(tr("Cancel Run"));
    m_cancel->setEnabled(false);
    auto *close = new QPushButton(tr("Close"));
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(close);
    right->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, this, &JudgeDialog::start);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        if (m_run)
            m_run->setPaused(paused);
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
    });
    connect(close, &QPushButton::clicked, this, &JudgeDialog::reject);
    connect(m_keyVariable, &QLineEdit::textChanged, this, &JudgeDialog::updateKeyHint);
    connect(m_typedKey, &QLineEdit::textChanged, this, &JudgeDialog::updateKeyHint);
    updateKeyHint();
    resize(1100, 680);
}

JudgeDialog::~JudgeDialog() = default;

bool JudgeDialog::isRunning() const
{
    return m_run && m_run->isRunning();
}

QString JudgeDialog::statusText() const
{
    return m_status->text();
}

QStringList JudgeDialog::problems() const
{
    QStringList out;
    for (int i = 0; i < m_problemModel->rowCount(); ++i)
        out.append(m_problemModel->item(i)->text());
    return out;
}

QAbstractItemModel *JudgeDialog::problemModel() const
{
    return m_problemModel;
}

void JudgeDialog::updateKeyHint()
{
    const QString variable = m_keyVariable->text().trimmed();
    if (!m_typedKey->text().isEmpty())
        m_keyHint->setText(tr("Using the key typed here, for this session only; it is never saved."));
    else if (!variable.isEmpty() && QProcessEnvironment::systemEnvironment().contains(variable))
        m_keyHint->setText(tr("Using $%1 from the environment.").arg(variable));
    else
        m_keyHint->setText(tr("$%1 is not set: requests go without a key (fine for a local server).").arg(variable));
}

void JudgeDialog::loadTemplate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Judge Prompt Template"), QString(),
                                                      tr("Text files (*.txt *.md *.prompt);;All files (*)"));
    if (path.isEmpty())
        return;
    JudgePrompt prompt;
    FileError error;
    if (!JudgePrompt::load(path, JudgeKind::Rubric, &prompt, &error)) {
        QMessageBox::warning(this, tr("Template not loaded"), error.toString());
        return;
    }
    m_rubric = prompt;
    m_templatePath = path;
    m_template->setText(
        tr("Prompt: %1 (%2)").arg(QFileInfo(path).fileName(), QString::fromLatin1(prompt.hash().left(12))));
}

JudgeRunConfig JudgeDialog::config() const
{
    JudgeRunConfig c;
    c.kind = m_mode == Mode::Rubric ? JudgeRunInfo::Kind::Rubric : JudgeRunInfo::Kind::Leakage;
    JudgeEndpoint &e = c.endpoint;
    e.baseUrl = m_baseUrl->text().trimmed();
    e.model = m_model->text().trimmed();
    e.concurrency = m_concurrency->value();
    e.requestsPerMinute = m_rpm->value();
    e.tokensPerMinute = m_tpm->value();
    e.maxTries = m_tries->value();
    e.timeoutMs = m_timeout->value() * 1000;
    e.maxTokens = m_maxTokens->value();
    e.apiKey = !m_typedKey->text().isEmpty()
                   ? m_typedKey->text()
                   : QProcessEnvironment::systemEnvironment().value(m_keyVariable->text().trimmed());
    c.pricePerMillionInput = m_priceIn->value();
    c.pricePerMillionOutput = m_priceOut->value();
    c.scope = JudgeRunConfig::Scope(m_scope->currentData().toInt());
    c.items = m_filtered;
    c.name = m_name->text().trimmed();
    if (m_mode == Mode::Rubric) {
        if (c.name.isEmpty())
            c.name = e.model;
        for (int i = 0; i < m_runs->count(); ++i)
            if (m_runs->item(i)->checkState() == Qt::Checked)
                c.runs.append(m_runs->item(i)->text());
        c.prompts = {m_rubric};
    } else {
        if (c.name.isEmpty())
            c.name = tr("leakage %1").arg(e.model);
        c.prompts = {{JudgeKind::LeakWithImage, m_imagePrompt->toPlainText()},
                     {JudgeKind::LeakTextOnly, m_textPrompt->toPlainText()}};
    }
    return c;
}

void JudgeDialog::start()
{
    if (isRunning())
        return;
    QString error;
    const JudgeRunConfig c = config();
    m_run = JudgeRun::create(m_project, *m_workspace, c, &error);
    if (!m_run) {
        QMessageBox::warning(this, tr("Cannot start"), error);
        return;
    }
    // Remembered for next time: everything but the key.
    AppSettings::setJudgeSetting(QStringLiteral("baseUrl"), c.endpoint.publicUrl()); // never a password
    AppSettings::setJudgeSetting(QStringLiteral("model"), c.endpoint.model);
    AppSettings::setJudgeSetting(QStringLiteral("keyVariable"), m_keyVariable->text().trimmed());
    AppSettings::setJudgeSetting(QStringLiteral("concurrency"), c.endpoint.concurrency);
    AppSettings::setJudgeSetting(QStringLiteral("rpm"), c.endpoint.requestsPerMinute);
    AppSettings::setJudgeSetting(QStringLiteral("tpm"), c.endpoint.tokensPerMinute);
    AppSettings::setJudgeSetting(QStringLiteral("tries"), c.endpoint.maxTries);
    AppSettings::setJudgeSetting(QStringLiteral("timeout"), m_timeout->value());
    AppSettings::setJudgeSetting(QStringLiteral("maxTokens"), c.endpoint.maxTokens);
    AppSettings::setJudgeSetting(QStringLiteral("priceInput"), c.pricePerMillionInput);
    AppSettings::setJudgeSetting(QStringLiteral("priceOutput"), c.pricePerMillionOutput);
    if (m_sessionKey)
        *m_sessionKey = m_typedKey->text();

    m_problemModel->removeRows(0, m_problemModel->rowCount());
    m_problemRows.clear();
    m_leakShownAt = 0;
    connect(m_run.get(), &JudgeRun::progressed, this, &JudgeDialog::showProgress);
    connect(m_run.get(), &JudgeRun::problem, this, &JudgeDialog::addProblem);
    connect(m_run.get(), &JudgeRun::finished, this, &JudgeDialog::finish);
    m_settings->setEnabled(false);
    m_start->setEnabled(false);
    m_pause->setEnabled(true);
    m_pause->setChecked(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, int(m_run->pending()));
    m_progress->setValue(0);
    m_status->setText(tr("Starting: %n request(s) to send", nullptr, int(m_run->pending())) +
                      (m_run->summary().alreadyDone
                           ? tr("; %n judged before, kept", nullptr, int(m_run->summary().alreadyDone))
                           : QString()));
    m_run->start();
}

void JudgeDialog::showProgress(const JudgeProgress &p)
{
    m_progress->setMaximum(int(p.total));
    m_progress->setValue(int(p.finished()));
    QStringList parts;
    parts << tr("%1 of %2 done: %3 judged, %4 from the cache, %5 failed")
                 .arg(p.finished())
                 .arg(p.total)
                 .arg(p.judged)
                 .arg(p.cached)
                 .arg(p.failed);
    parts << tr("%1 in flight, %2 retries; %3 requests/s; about %4 to go")
                 .arg(p.inFlight)
                 .arg(p.retries)
                 .arg(m_run->rate(), 0, 'f', 1)
                 .arg(duration(m_run->etaSeconds()));
    QString tokens = tr("Tokens: %L1 in, %L2 out").arg(p.promptTokens).arg(p.completionTokens);
    if (m_priceIn->value() > 0 || m_priceOut->value() > 0)
        tokens += tr("; about %1 spent").arg(m_run->cost(), 0, 'f', 4);
    parts << tokens;
    if (p.paused)
        parts << tr("Paused: requests in flight finish, no new ones are sent.");
    else if (p.waitingSeconds > 0.5)
        parts << tr("Holding back for %1 s (rate limit).").arg(p.waitingSeconds, 0, 'f', 1);
    m_status->setText(parts.join(QLatin1Char('\n')));
    // Results arrive in batches: the table catches up every 50 or so, not on exact multiples.
    if (m_mode == Mode::Leakage && p.finished() >= m_leakShownAt + 50) {
        m_leakShownAt = p.finished();
        showLeakage();
    }
}

void JudgeDialog::addProblem(const QString &message, const QString &kind)
{
    const QString key = kind.isEmpty() ? message : kind;
    QStandardItem *row = m_problemRows.value(key);
    if (!row) {
        if (m_problemModel->rowCount() >= kMaxProblemRows) {
            m_problemRows.remove(m_problemModel->item(0)->data(ProblemKindRole).toString());
            m_problemModel->removeRow(0);
        }
        const QScrollBar *bar = m_problems->verticalScrollBar();
        const bool following = bar->value() == bar->maximum(); // someone reading further up is not moved
        row = new QStandardItem;
        row->setEditable(false);
        m_problemRows.insert(key, row);
        m_problemModel->appendRow(row);
        if (following)
            m_problems->scrollToBottom();
    }
    const int count = row->data(ProblemCountRole).toInt() + 1;
    // One problem is shown in full, several of a kind by the kind. Simplified: a reply's line breaks would make
    // one row taller than the others.
    const QString line = (count > 1 ? key : message).simplified();
    // The tooltip wraps (rich text does) and has it all: the kind and, when there are several, the latest one.
    QString tip = Qt::convertFromPlainText(message, Qt::WhiteSpaceNormal);
    if (count > 1)
        tip = Qt::convertFromPlainText(key, Qt::WhiteSpaceNormal) +
              Qt::convertFromPlainText(tr("%n time(s); the latest:", nullptr, count), Qt::WhiteSpaceNormal) + tip;
    m_problemModel->setItemData(row->index(),
                                {{Qt::DisplayRole, count > 1 ? tr("%1 (×%2)").arg(line).arg(count) : line},
                                 {Qt::ToolTipRole, tip},
                                 {ProblemKindRole, key},
                                 {ProblemCountRole, count}});
}

void JudgeDialog::finish(const JudgeRunSummary &summary)
{
    showProgress(summary.progress);
    QString outcome;
    switch (summary.outcome) {
    case JudgeClient::Outcome::Finished:
        outcome = summary.progress.failed
                      ? tr("Finished; %n failed (run again to retry them).", nullptr, int(summary.progress.failed))
                      : tr("Finished.");
        break;
    case JudgeClient::Outcome::Cancelled:
        outcome = tr("Cancelled. What was judged is kept; start again to go on.");
        break;
    case JudgeClient::Outcome::Stopped:
        outcome = tr("Stopped: %1").arg(summary.reason);
        addProblem(summary.reason, summary.reason);
        break;
    }
    m_status->setText(m_status->text() + QLatin1Char('\n') + outcome);
    m_settings->setEnabled(true);
    m_start->setEnabled(true);
    m_start->setText(tr("Start Again"));
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);
    if (m_mode == Mode::Leakage)
        showLeakage();
    emit runFinished(summary);
}

void JudgeDialog::showLeakage()
{
    if (!m_leakTable)
        return;
    const QString judge =
        m_name->text().trimmed().isEmpty() ? tr("leakage %1").arg(m_model->text().trimmed()) : m_name->text().trimmed();
    const LeakageMeasure m = LeakageMeasure::build(*m_workspace, m_project->judgeResults(), judge);
    m_leakTable->setRowCount(0);
    auto row = [this](const QString &name, const LeakageMeasure::Row &r) {
        const int at = m_leakTable->rowCount();
        m_leakTable->insertRow(at);
        auto number = [](double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 1); };
        const QStringList cells{name, QString::number(r.items), number(r.r1()), number(r.r2()), number(r.leakShare())};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_leakTable->setItem(at, c, item);
        }
    };
    row(tr("All items"), m.overall);
    for (auto it = m.byCategory.cbegin(); it != m.byCategory.cend(); ++it)
        row(it.key(), *it);
}

void JudgeDialog::reject()
{
    if (isRunning()) {
        const auto answer = QMessageBox::question(this, tr("Stop the judge run?"),
                                                  tr("Requests are still running. Stop them? Everything judged so far "
                                                     "is kept, and starting the same run again goes on from there."));
        if (answer != QMessageBox::Yes)
            return;
        m_run->cancel();
    }
    QDialog::reject();
}

#include "sampledialog.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QVBoxLayout>

SampleDialog::SampleDialog(std::shared_ptr<const Workspace> workspace, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_workspace(std::move(workspace)), m_taken(takenNames), m_name(new QLineEdit(this)),
      m_strata(new QComboBox(this)), m_size(new QSpinBox(this)), m_sizeCaption(new QLabel(this)),
      m_runs(new QListWidget(this)), m_seed(new QLineEdit(this)), m_preview(new QLabel(this))
{
    setWindowTitle(tr("Draw a Verification Sample"));
    QString name = tr("sample %1").arg(QDate::currentDate().toString(Qt::ISODate));
    for (int n = 2; m_taken.contains(name); ++n)
        name = tr("sample %1 (%2)").arg(QDate::currentDate().toString(Qt::ISODate)).arg(n);
    m_name->setText(name);
    m_strata->addItem(tr("Simple random sample"), int(SampleDesign::Strata::None));
    m_strata->addItem(tr("Stratified by judge label"), int(SampleDesign::Strata::JudgeLabel));
    m_strata->addItem(tr("Stratified by category"), int(SampleDesign::Strata::Category));
    m_strata->addItem(tr("Stratified by run"), int(SampleDesign::Strata::Run));
    m_strata->setCurrentIndex(1); // as the paper checked its judge: a number per judge label
    m_size->setRange(1, 1000000);
    m_size->setValue(50);
    for (const Run &run : m_workspace->runs) {
        auto *entry = new QListWidgetItem(run.name, m_runs);
        entry->setCheckState(Qt::Checked);
    }
    m_runs->setMaximumHeight(120);
    m_seed->setText(QString::number(QRandomGenerator::system()->generate64()));
    m_seed->setToolTip(tr("Any whole number from 0 to 18446744073709551615. The same seed, design and data draw "
                          "the same sample."));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Design:"), m_strata);
    form->addRow(m_sizeCaption, m_size);
    m_sizeCaption->setBuddy(m_size);
    form->addRow(tr("&Runs:"), m_runs);
    form->addRow(tr("&Seed:"), m_seed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Draw"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);

    connect(m_strata, &QComboBox::currentIndexChanged, this, &SampleDialog::updatePreview);
    connect(m_size, &QSpinBox::valueChanged, this, &SampleDialog::updatePreview);
    connect(m_runs, &QListWidget::itemChanged, this, &SampleDialog::updatePreview);
    connect(m_seed, &QLineEdit::textChanged, this, &SampleDialog::updatePreview);
    updatePreview();
}

QString SampleDialog::name() const
{
    return m_name->text().simplified();
}

SampleDesign SampleDialog::design() const
{
    SampleDesign design;
    design.strata = SampleDesign::Strata(m_strata->currentData().toInt());
    design.size = m_size->value();
    design.seed = m_seed->text().trimmed().toULongLong();
    for (int i = 0; i < m_runs->count(); ++i) {
        if (m_runs->item(i)->checkState() == Qt::Checked)
            design.runs.append(m_runs->item(i)->text());
    }
    if (design.runs.size() == m_runs->count())
        design.runs.clear(); // every run: said as such, so a run added later is not silently left out of "all"
    return design;
}

void SampleDialog::updatePreview()
{
    const bool stratified = m_strata->currentData().toInt() != int(SampleDesign::Strata::None);
    m_sizeCaption->setText(stratified ? tr("Responses per &stratum:") : tr("Sample &size:"));
    bool seedOk = false;
    m_seed->text().trimmed().toULongLong(&seedOk);
    bool anyRun = false;
    for (int i = 0; i < m_runs->count(); ++i)
        anyRun = anyRun || m_runs->item(i)->checkState() == Qt::Checked;
    if (!seedOk || !anyRun) {
        m_preview->setText(!anyRun ? tr("Choose at least one run.")
                                   : tr("The seed must be a whole number from 0 to 18446744073709551615."));
        return;
    }
    const VerificationSample sample = SampleDraw::draw(*m_workspace, design());
    QStringList strata;
    for (auto it = sample.stratumSizes.cbegin(); it != sample.stratumSizes.cend(); ++it) {
        qint64 drawn = 0;
        for (const SampleMember &member : sample.members)
            drawn += member.stratum == it.key() ? 1 : 0;
        strata.append(tr("%1: %2 of %3").arg(it.key()).arg(drawn).arg(it.value()));
    }
    strata.sort();
    m_preview->setText(
        tr("Draws %n response(s) from a population of %1, in a random order.", nullptr, int(sample.members.size()))
            .arg(sample.populationSize()) +
        (stratified ? QLatin1Char('\n') + strata.join(QStringLiteral(" · ")) : QString()));
}

void SampleDialog::accept()
{
    bool seedOk = false;
    m_seed->text().trimmed().toULongLong(&seedOk);
    const QString chosen = name();
    QString problem;
    if (chosen.isEmpty())
        problem = tr("The sample needs a name.");
    else if (m_taken.contains(chosen))
        problem = tr("There is already a sample named “%1”.").arg(chosen);
    else if (!seedOk)
        problem = tr("The seed must be a whole number from 0 to 18446744073709551615.");
    m_sample = seedOk ? SampleDraw::draw(*m_workspace, design()) : VerificationSample();
    if (problem.isEmpty() && m_sample.members.isEmpty())
        problem = tr("The design draws no response: choose runs that have responses.");
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    m_sample.name = chosen;
    QDialog::accept();
}

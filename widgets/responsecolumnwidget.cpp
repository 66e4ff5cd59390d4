#include "responsecolumnwidget.h"

#include "widgets/displaytext.h"
#include "widgets/labelchipwidget.h"
#include "widgets/labelstyle.h"
#include "widgets/responsetextview.h"
#include "widgets/tagchipswidget.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

ResponseColumnWidget::ResponseColumnWidget(QWidget *parent)
    : QFrame(parent), m_name(new QLabel(this)), m_chip(new LabelChipWidget(this)), m_human(new LabelChipWidget(this)),
      m_others(new QLabel(this)), m_judges(new QLabel(this)), m_note(new NoteEdit(this)),
      m_response(new ResponseTextView(this))
{
    setObjectName(QStringLiteral("responseColumn"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(260);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    // Run names are data: plain text, never interpreted as markup.
    m_name->setTextFormat(Qt::PlainText);
    layout->addWidget(m_name);
    // The judge's chip above the annotator's: side by side they do not fit a column of three.
    layout->addWidget(m_chip);
    layout->addWidget(m_human);
    m_tags = new TagChipsWidget(this);
    layout->addWidget(m_tags);
    m_others->setTextFormat(Qt::PlainText);
    m_others->setWordWrap(true);
    m_others->hide();
    layout->addWidget(m_others);
    m_judges->setTextFormat(Qt::PlainText);
    m_judges->setWordWrap(true);
    m_judges->hide();
    layout->addWidget(m_judges);
    layout->addWidget(m_response, 1);
    m_note->setPlaceholderText(tr("Note on this response (E)"));
    layout->addWidget(m_note);
    connect(m_note, &NoteEdit::textEdited, this, &ResponseColumnWidget::noteEdited);
    connect(m_note, &NoteEdit::editingFinished, this, [this] { emit noteEditingFinished(m_note->text()); });
    setHuman({}, {}, false);
}

void ResponseColumnWidget::show(const QString &runName, const ResultRecord *record)
{
    m_name->setText(runName);
    m_hasResponse = record != nullptr;
    m_record = record;
    m_judge = record ? record->label.label : Label::Invalid;
    m_raw = record ? DisplayText::elided(record->response, DisplayText::kResponse) : QString();
    if (!record) {
        m_chip->setNoResponse();
        m_response->setText(QString(), tr("This run has no response to this item."), 0);
        return;
    }
    if (m_judgeHidden) {
        m_chip->setContent(tr("Judge: hidden (blind)"), QColor());
        m_chip->setToolTip(
            tr("Blind review: the judge's label and explanation are hidden until you label this response "
               "(1, 2 or 3), so that they cannot sway your label."));
        // Laid out apart from the revealed text: the key tells the layout cache the note differs.
        m_response->setText(m_raw, QString(), quintptr(record) ^ 1);
        return;
    }
    m_chip->setToolTip(QString());
    m_chip->setLabel(record->label, tr("Judge"));
    m_response->setText(m_raw, DisplayText::elided(record->explanation, DisplayText::kPage), quintptr(record));
}

void ResponseColumnWidget::setJudgeHidden(bool hidden)
{
    if (hidden == m_judgeHidden)
        return;
    m_judgeHidden = hidden;
    if (m_record)
        show(m_name->text(), m_record);
    if (hidden) {
        m_judges->hide();
        m_others->hide();
    }
}

QString ResponseColumnWidget::judgeText() const
{
    return m_chip->text();
}

void ResponseColumnWidget::setCurrent(bool current)
{
    if (current == m_current)
        return;
    m_current = current;
    update();
}

void ResponseColumnWidget::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!m_current)
        return;
    // The focused run: a highlight frame, painted rather than styled so moving focus costs one repaint.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

QString ResponseColumnWidget::responseText() const
{
    return m_response->text();
}

QList<QPair<int, int>> ResponseColumnWidget::markedRanges() const
{
    return m_response->markedRanges();
}

void ResponseColumnWidget::prepare(const ResultRecord *record)
{
    if (record)
        m_response->prepare(record->response, record->explanation, quintptr(record));
}

void ResponseColumnWidget::setHuman(const HumanLabel &mine, const QList<HumanLabel> &others, bool editable)
{
    if (mine.label != Label::Invalid) {
        QString text = tr("You: %1  %2").arg(LabelStyle::letter(mine.label), LabelStyle::name(mine.label));
        if (m_hasResponse && mine.label != m_judge)
            text += tr("  ≠ judge");
        m_human->setContent(text, LabelStyle::color(mine.label));
    } else {
        m_human->setContent(m_hasResponse ? tr("You: – (1 · 2 · 3)") : tr("You: –"), QColor());
    }
    QStringList lines;
    for (const HumanLabel &other : others) {
        if (other.annotator == mine.annotator)
            continue;
        QString line = other.label == Label::Invalid ? tr("%1: no label").arg(other.annotator)
                                                     : tr("%1: %2").arg(other.annotator, LabelStyle::name(other.label));
        if (!other.note.isEmpty())
            line += QStringLiteral(" — ") + other.note;
        lines.append(line);
    }
    m_others->setText(lines.join(QLatin1Char('\n')));
    // Blind review hides other people's labels as well: the annotator's label is their own.
    m_others->setVisible(!lines.isEmpty() && !m_judgeHidden);
    // Never replace what the reader is typing; the saved note comes back through here anyway.
    if (!m_note->hasFocus() && m_note->text() != mine.note)
        m_note->setText(mine.note);
    m_note->setEnabled(editable && m_hasResponse);
}

void ResponseColumnWidget::setJudges(const QList<QPair<QString, Judgment>> &judgments)
{
    QStringList lines;
    QStringList tips;
    for (const auto &[judge, j] : judgments) {
        QString label = j.isDone() ? LabelStyle::describe(j.label) : tr("failed");
        if (j.isDone() && j.label.isValid() && m_hasResponse && j.label.label != m_judge)
            label += tr("  ≠ judge");
        lines.append(tr("Judge %1: %2").arg(judge, label));
        tips.append(tr("%1: %2").arg(judge, j.isDone() ? j.explanation : j.error));
    }
    m_judges->setText(lines.join(QLatin1Char('\n')));
    m_judges->setToolTip(tips.join(QStringLiteral("\n\n")));
    m_judges->setVisible(!lines.isEmpty() && !m_judgeHidden);
}

QString ResponseColumnWidget::humanText() const
{
    return m_human->text();
}

#include "responsecolumnwidget.h"

#include "cuehighlighter.h"
#include "labelchipwidget.h"

#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QVBoxLayout>

ResponseColumnWidget::ResponseColumnWidget(QWidget *parent)
    : QFrame(parent)
    , m_name(new QLabel(this))
    , m_chip(new LabelChipWidget(this))
    , m_explanation(new QLabel(this))
    , m_response(new QPlainTextEdit(this))
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
    // Responses and explanations are data: always plain text, never interpreted as markup. Not selectable
    // either: a selectable label carries a whole text document, and the response below is selectable.
    m_name->setTextFormat(Qt::PlainText);
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    QFont italic = m_explanation->font();
    italic.setItalic(true);
    m_explanation->setFont(italic);
    m_response->setReadOnly(true);
    // A scroll bar that came and went with the length of each answer would change the text width and lay
    // every answer out twice.
    m_response->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_response->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_response->setFocusPolicy(Qt::ClickFocus);
    new CueHighlighter(m_response->document());
    layout->addWidget(m_name);
    layout->addWidget(m_chip);
    layout->addWidget(m_explanation);
    layout->addWidget(m_response, 1);
}

void ResponseColumnWidget::show(const QString &runName, const ResultRecord *record)
{
    m_name->setText(runName);
    if (!record) {
        m_chip->setNoResponse();
        m_explanation->setText(tr("This run has no response to this item."));
        m_explanation->setVisible(true);
        m_response->clear();
        return;
    }
    m_chip->setLabel(record->label, tr("Judge"));
    m_explanation->setText(record->explanation);
    m_explanation->setVisible(m_explanationShown);
    m_response->setPlainText(record->response);
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
    return m_response->toPlainText();
}

const QTextDocument *ResponseColumnWidget::responseDocument() const
{
    return m_response->document();
}

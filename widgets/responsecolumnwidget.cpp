#include "responsecolumnwidget.h"

#include "responsetextview.h"
#include "labelchipwidget.h"

#include <QLabel>
#include <QPainter>

#include <QVBoxLayout>

ResponseColumnWidget::ResponseColumnWidget(QWidget *parent)
    : QFrame(parent)
    , m_name(new QLabel(this))
    , m_chip(new LabelChipWidget(this))
    , m_response(new ResponseTextView(this))
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
    layout->addWidget(m_chip);
    layout->addWidget(m_response, 1);
}

void ResponseColumnWidget::show(const QString &runName, const ResultRecord *record)
{
    m_name->setText(runName);
    if (!record) {
        m_chip->setNoResponse();
        m_response->setText(QString(), tr("This run has no response to this item."), 0);
        return;
    }
    m_chip->setLabel(record->label, tr("Judge"));
    m_response->setText(record->response, record->explanation, quintptr(record));
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

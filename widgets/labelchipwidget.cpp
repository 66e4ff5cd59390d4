#include "labelchipwidget.h"

#include "widgets/labelstyle.h"

#include <QPainter>

LabelChipWidget::LabelChipWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setNoResponse();
}

void LabelChipWidget::setLabel(const JudgeLabel &label, const QString &prefix)
{
    const QString text = QStringLiteral("%1  %2").arg(LabelStyle::letter(label.label), LabelStyle::describe(label));
    setContent(prefix.isEmpty() ? text : prefix + QStringLiteral(": ") + text, LabelStyle::color(label.label));
}

void LabelChipWidget::setNoResponse()
{
    setContent(tr("– no response"), QColor());
}

void LabelChipWidget::setContent(const QString &text, const QColor &background)
{
    if (text == m_text && background == m_background)
        return;
    const bool resize = text != m_text;
    m_text = text;
    m_background = background;
    setToolTip(text);
    if (resize)
        updateGeometry();
    update();
}

QSize LabelChipWidget::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(m_text) + 20, metrics.height() + 6};
}

void LabelChipWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;
    if (m_background.isValid()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_background);
        painter.drawRoundedRect(box, radius, radius);
        painter.setPen(LabelStyle::textOn(m_background));
    } else {
        painter.setPen(QPen(LabelStyle::outlineOn(palette()), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(box, radius, radius);
        painter.setPen(palette().color(QPalette::WindowText));
    }
    painter.drawText(rect(), Qt::AlignCenter, m_text);
}

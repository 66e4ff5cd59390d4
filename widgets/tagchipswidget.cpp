#include "tagchipswidget.h"

#include <QPainter>

namespace {

constexpr int kPadding = 6; // inside a chip, left and right
constexpr int kGap = 4;     // between chips

} // namespace

TagChipsWidget::TagChipsWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    setFont(small);
    setVisible(false);
}

void TagChipsWidget::setTags(const QStringList &mine, const QStringList &others)
{
    QStringList rest;
    for (const QString &tag : others) {
        if (!mine.contains(tag) && !rest.contains(tag))
            rest.append(tag);
    }
    if (mine == m_mine && rest == m_others)
        return;
    m_mine = mine;
    m_others = rest;
    QStringList tip;
    if (!m_mine.isEmpty())
        tip.append(tr("Your tags: %1").arg(m_mine.join(QStringLiteral(", "))));
    if (!m_others.isEmpty())
        tip.append(tr("Tagged by others: %1").arg(m_others.join(QStringLiteral(", "))));
    setToolTip(tip.join(QLatin1Char('\n')));
    setVisible(!m_mine.isEmpty() || !m_others.isEmpty());
    updateGeometry();
    update();
}

QSize TagChipsWidget::sizeHint() const
{
    const QFontMetrics metrics(font());
    int width = 0;
    for (const QString &tag : m_mine + m_others)
        width += metrics.horizontalAdvance(tag) + 2 * kPadding + kGap;
    return {width, metrics.height() + 4};
}

QSize TagChipsWidget::minimumSizeHint() const
{
    return {0, QFontMetrics(font()).height() + 4};
}

void TagChipsWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const QColor fill = palette().color(QPalette::Highlight);
    const QColor outline = palette().color(QPalette::Mid);
    const QStringList all = m_mine + m_others;
    const int height = metrics.height() + 2;
    int x = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const int width = metrics.horizontalAdvance(all[i]) + 2 * kPadding;
        const QString more = QStringLiteral("+%1").arg(all.size() - i);
        // Keep room for "+n" when later chips will not fit.
        const int reserve = i + 1 < all.size() ? metrics.horizontalAdvance(more) + 2 * kPadding : 0;
        if (x + width > this->width() || (x + width + kGap + reserve > this->width() && i + 1 < all.size())) {
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(QRect(x, 1, this->width() - x, height), Qt::AlignLeft | Qt::AlignVCenter, more);
            break;
        }
        const QRectF box(x + 0.5, 1.5, width - 1, height - 1);
        const bool own = i < m_mine.size();
        painter.setBrush(own ? fill : QColor(Qt::transparent));
        painter.setPen(own ? Qt::NoPen : QPen(outline, 1));
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
        painter.setPen(own ? palette().color(QPalette::HighlightedText) : palette().color(QPalette::WindowText));
        painter.drawText(box, Qt::AlignCenter, all[i]);
        x += width + kGap;
    }
}

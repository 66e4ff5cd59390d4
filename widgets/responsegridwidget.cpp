#include "responsegridwidget.h"

#include "widgets/labelstyle.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

namespace {
constexpr int kGap = 6;
constexpr int kPad = 8;

// A chip: a rounded box with @p text, filled with @p background, or outlined when it has no colour.
int drawChip(QPainter &painter, const QPoint &topLeft, const QString &text, const QColor &background,
             const QPalette &palette)
{
    const QFontMetrics metrics(painter.font());
    const QRect box(topLeft, QSize(metrics.horizontalAdvance(text) + 12, metrics.height() + 4));
    painter.setRenderHint(QPainter::Antialiasing);
    if (background.isValid()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(background);
        painter.drawRoundedRect(QRectF(box), 8, 8);
        painter.setPen(LabelStyle::textOn(background));
    } else {
        painter.setPen(QPen(palette.color(QPalette::WindowText), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter.setPen(palette.color(QPalette::WindowText));
    }
    painter.drawText(box, Qt::AlignCenter, text);
    return box.width();
}

} // namespace

ResponseGridWidget::ResponseGridWidget(QWidget *parent) : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::NoFocus); // the window's keys move between runs; the grid only shows them
    viewport()->setBackgroundRole(QPalette::Window);
}

void ResponseGridWidget::setCards(const QList<Card> &cards)
{
    m_cards = cards;
    if (m_current >= m_cards.size())
        m_current = int(m_cards.size()) - 1;
    updateScrollBar();
    ensureVisible(m_current);
    viewport()->update();
}

void ResponseGridWidget::setMine(int index, Label mine, bool judgeHidden)
{
    if (index < 0 || index >= m_cards.size() ||
        (m_cards[index].mine == mine && m_cards[index].judgeHidden == judgeHidden))
        return;
    m_cards[index].mine = mine;
    m_cards[index].judgeHidden = judgeHidden;
    viewport()->update(cardRect(index));
}

void ResponseGridWidget::setCurrent(int index)
{
    if (index == m_current)
        return;
    m_current = index;
    ensureVisible(index);
    viewport()->update();
}

int ResponseGridWidget::columns() const
{
    const int width = viewport()->width() - kGap;
    return std::clamp(width / (kMinCardWidth + kGap), 1, std::max(1, int(m_cards.size())));
}

int ResponseGridWidget::cardHeight() const
{
    const QFontMetrics metrics(font());
    // Title, chips, then the answer's first lines.
    return kPad * 2 + metrics.height() + 6 + metrics.height() + 4 + 6 + kLines * metrics.lineSpacing();
}

QRect ResponseGridWidget::cardRect(int index) const
{
    const int cols = columns();
    const int width = (viewport()->width() - kGap * (cols + 1)) / cols;
    const int row = index / cols;
    const int col = index % cols;
    return {kGap + col * (width + kGap), kGap + row * (cardHeight() + kGap) - verticalScrollBar()->value(), width,
            cardHeight()};
}

QStringList ResponseGridWidget::shownLines(int index) const
{
    if (index < 0 || index >= m_cards.size())
        return {};
    const Card &card = m_cards[index];
    if (!card.hasResponse)
        return {tr("(no response from this run)")};
    if (card.text.trimmed().isEmpty())
        return {tr("(empty response)")};
    // The answer's own lines, wrapped to the card, blank lines dropped: the first few lines tell the most.
    const QFontMetrics metrics(font());
    const int width = std::max(40, cardRect(index).width() - 2 * kPad);
    QStringList lines;
    const QStringList paragraphs = card.text.left(4000).split(QLatin1Char('\n'));
    bool more = false;
    for (const QString &paragraph : paragraphs) {
        const QString line = QString(paragraph).remove(QLatin1Char('\r')).trimmed();
        if (line.isEmpty())
            continue;
        if (lines.size() == kLines) {
            more = true;
            break;
        }
        QTextLayout layout(line, font());
        layout.beginLayout();
        for (QTextLine text = layout.createLine(); text.isValid(); text = layout.createLine()) {
            text.setLineWidth(width);
            if (lines.size() == kLines) {
                more = true;
                break;
            }
            lines.append(line.mid(text.textStart(), text.textLength()).trimmed());
        }
        layout.endLayout();
    }
    if ((more || card.text.size() > 4000) && !lines.isEmpty())
        lines.last() = metrics.elidedText(lines.last() + QStringLiteral(" …"), Qt::ElideRight, width);
    return lines;
}

void ResponseGridWidget::updateScrollBar()
{
    const int rows = m_cards.isEmpty() ? 0 : int((m_cards.size() + columns() - 1) / columns());
    const int height = kGap + rows * (cardHeight() + kGap);
    verticalScrollBar()->setRange(0, std::max(0, height - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(cardHeight() / 4);
}

void ResponseGridWidget::ensureVisible(int index)
{
    if (index < 0 || index >= m_cards.size())
        return;
    const QRect card = cardRect(index);
    QScrollBar *bar = verticalScrollBar();
    if (card.top() < 0)
        bar->setValue(bar->value() + card.top() - kGap);
    else if (card.bottom() > viewport()->height())
        bar->setValue(bar->value() + card.bottom() - viewport()->height() + kGap);
}

void ResponseGridWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    const QFontMetrics metrics(font());
    QFont bold = font();
    bold.setBold(true);
    for (int i = 0; i < m_cards.size(); ++i) {
        const QRect box = cardRect(i);
        if (!box.intersects(event->rect()))
            continue;
        const Card &card = m_cards[i];
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(pal.color(QPalette::Base));
        painter.setPen(i == m_current ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid), 1));
        painter.drawRoundedRect(QRectF(box).adjusted(1, 1, -1, -1), 4, 4);
        painter.save();
        painter.setClipRect(box.adjusted(kPad, kPad, -kPad, -kPad));
        int y = box.top() + kPad;
        painter.setFont(bold);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(box.left() + kPad, y, box.width() - 2 * kPad, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(bold).elidedText(card.title, Qt::ElideRight, box.width() - 2 * kPad));
        painter.setFont(font());
        y += metrics.height() + 6;
        int x = box.left() + kPad;
        if (card.hasResponse) {
            // Blind review: nothing of the judge's label, not even its colour, until the annotator has given theirs.
            x += (card.judgeHidden ? drawChip(painter, {x, y}, tr("Judge hidden"), QColor(), pal)
                                   : drawChip(painter, {x, y}, tr("Judge %1").arg(LabelStyle::letter(card.judge.label)),
                                              LabelStyle::color(card.judge.label), pal)) +
                 6;
            const QString mine =
                card.mine == Label::Invalid
                    ? tr("You –")
                    : tr("You %1").arg(LabelStyle::letter(card.mine)) +
                          (!card.judgeHidden && card.mine != card.judge.label ? QStringLiteral(" ≠") : QString());
            drawChip(painter, {x, y}, mine, card.mine == Label::Invalid ? QColor() : LabelStyle::color(card.mine), pal);
        } else {
            drawChip(painter, {x, y}, tr("no response"), QColor(), pal);
        }
        y += metrics.height() + 4 + 6;
        const bool placeholder = !card.hasResponse || card.text.trimmed().isEmpty();
        painter.setPen(pal.color(placeholder ? QPalette::PlaceholderText : QPalette::Text));
        for (const QString &line : shownLines(i)) {
            painter.drawText(QPoint(box.left() + kPad, y + metrics.ascent()), line);
            y += metrics.lineSpacing();
        }
        painter.restore();
    }
}

void ResponseGridWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

int ResponseGridWidget::cardAt(const QPoint &viewportPos) const
{
    for (int i = 0; i < m_cards.size(); ++i) {
        if (cardRect(i).contains(viewportPos))
            return i;
    }
    return -1;
}

void ResponseGridWidget::mousePressEvent(QMouseEvent *event)
{
    const int index = cardAt(event->position().toPoint());
    if (index >= 0 && index != m_current) {
        setCurrent(index);
        emit currentChanged(index);
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void ResponseGridWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = cardAt(event->position().toPoint());
    if (index >= 0)
        emit activated(index);
}

#include "responsetextview.h"

#include "widgets/labelstyle.h"

#include "app/search/cuephrases.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextOption>

namespace {
constexpr int kMargin = 6;
}

ResponseTextView::ResponseTextView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // a stable width: text never re-wraps for a scroll bar
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::ClickFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

QCache<quintptr, std::shared_ptr<ResponseTextView::Prepared>> &ResponseTextView::cache()
{
    static QCache<quintptr, std::shared_ptr<Prepared>> prepared(2 * 1024 * 1024); // cost: characters
    return prepared;
}

int ResponseTextView::textWidth() const
{
    return std::max(40, viewport()->width() - 2 * kMargin);
}

namespace {

// Breaks @p layout into lines of @p width starting at @p top; returns the height used.
qreal breakLines(QTextLayout &layout, int width, qreal top, qreal lineSpacing)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    qreal y = top;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += std::max(line.height(), lineSpacing);
    }
    layout.endLayout();
    return y - top;
}

} // namespace

std::shared_ptr<ResponseTextView::Prepared> ResponseTextView::build(const QString &text, const QString &note) const
{
    auto prepared = std::make_shared<Prepared>();
    const int width = textWidth();
    const qreal lineSpacing = QFontMetricsF(font()).lineSpacing();
    if (!note.isEmpty()) {
        QFont italic = font();
        italic.setItalic(true);
        prepared->note.setText(note);
        prepared->note.setFont(italic);
        prepared->noteHeight = breakLines(prepared->note, width, 0, lineSpacing) + lineSpacing / 2;
    }
    QTextLayout &layout = prepared->layout;
    layout.setText(text);
    layout.setFont(font());
    QList<QTextLayout::FormatRange> formats;
    for (const CuePhrases::Span &span : CuePhrases::find(text)) {
        const QColor color =
            LabelStyle::color(span.kind == CuePhrases::Kind::Refusal ? Label::Refusal : Label::Warning);
        QTextLayout::FormatRange range;
        range.start = int(span.start);
        range.length = int(span.length);
        range.format.setBackground(QColor(color.red(), color.green(), color.blue(), 70));
        range.format.setFontUnderline(true);
        range.format.setUnderlineColor(color);
        formats.append(range);
    }
    layout.setFormats(formats);
    const qreal height = breakLines(layout, width, prepared->noteHeight, lineSpacing);
    prepared->width = width;
    prepared->height = int(std::ceil(prepared->noteHeight + height));
    return prepared;
}

std::shared_ptr<ResponseTextView::Prepared> ResponseTextView::lookup(const QString &text, const QString &note,
                                                                     quintptr key)
{
    if (key != 0) {
        if (std::shared_ptr<Prepared> *hit = cache().object(key);
            hit && (*hit)->width == textWidth() && (*hit)->layout.text() == text && (*hit)->note.text() == note)
            return *hit;
    }
    auto prepared = build(text, note);
    if (key != 0)
        cache().insert(key, new std::shared_ptr<Prepared>(prepared), std::max<qsizetype>(1, text.size() + note.size()));
    return prepared;
}

void ResponseTextView::setText(const QString &text, const QString &note, quintptr key)
{
    m_text = text;
    m_note = note;
    m_key = key;
    m_current = lookup(text, note, key);
    verticalScrollBar()->setValue(0);
    updateScrollBar();
    viewport()->update();
}

void ResponseTextView::prepare(const QString &text, const QString &note, quintptr key)
{
    if (key != 0 && width() > 0)
        lookup(text, note, key);
}

QList<QPair<int, int>> ResponseTextView::markedRanges() const
{
    QList<QPair<int, int>> ranges;
    if (m_current) {
        for (const QTextLayout::FormatRange &range : m_current->layout.formats())
            ranges.append({range.start, range.length});
    }
    return ranges;
}

void ResponseTextView::updateScrollBar()
{
    const int height = m_current ? m_current->height + 2 * kMargin : 0;
    verticalScrollBar()->setRange(0, std::max(0, height - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(QFontMetrics(font()).lineSpacing());
}

void ResponseTextView::paintEvent(QPaintEvent *)
{
    if (!m_current)
        return;
    QPainter painter(viewport());
    const QPointF origin(kMargin, kMargin - verticalScrollBar()->value());
    if (m_current->noteHeight > 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        m_current->note.draw(&painter, origin);
    }
    painter.setPen(palette().color(QPalette::Text));
    m_current->layout.draw(&painter, origin);
}

void ResponseTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_current && m_current->width != textWidth())
        m_current = lookup(m_text, m_note, m_key);
    updateScrollBar();
}

void ResponseTextView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy Response"), this, [this] { QApplication::clipboard()->setText(m_text); });
    menu.exec(event->globalPos());
}

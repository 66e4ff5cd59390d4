#include "responsetextview.h"

#include "widgets/labelstyle.h"

#include "app/search/cuephrases.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextOption>
#include <QToolTip>
#include <QUrl>

namespace {
constexpr int kMargin = 6;

// A document that never loads anything: answers are untrusted, and an image reference could name any file or
// address. Images are replaced by their address before layout; this is the second line of defence.
class InertDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

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

// The text with its line breaks as QTextLayout understands them, offsets unchanged.
QString withLineSeparators(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\n'))
            c = QChar::LineSeparator;
        else if (c == QLatin1Char('\r'))
            c = QChar(0x200B); // the \r of \r\n: zero width, so a Windows line end is one break
    }
    return text;
}

// A document's raw text with its block, line and frame marks as line breaks: positions stay cursor positions.
QString plainPositions(const QTextDocument &document)
{
    QString text = document.toRawText();
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u == QChar::ParagraphSeparator || u == QChar::LineSeparator || u == 0xFDD0 || u == 0xFDD1 ||
            u == QChar::ObjectReplacementCharacter)
            c = QLatin1Char('\n');
    }
    return text;
}

// The cue phrases to mark, none when the reader turned their highlighting off.
QList<CuePhrases::Span> cuePhrasesOf(const QString &text)
{
    return CuePhrases::isHighlightingEnabled() ? CuePhrases::find(text) : QList<CuePhrases::Span>();
}

QTextCharFormat cueFormat(CuePhrases::Kind kind)
{
    const QColor color = LabelStyle::color(kind == CuePhrases::Kind::Refusal ? Label::Refusal : Label::Warning);
    QTextCharFormat format;
    format.setBackground(QColor(color.red(), color.green(), color.blue(), 70));
    format.setFontUnderline(true);
    format.setUnderlineColor(color);
    return format;
}

} // namespace

ResponseTextView::Prepared::~Prepared() = default;

ResponseTextView::ResponseTextView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // a stable width: text never re-wraps for a scroll bar
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::ClickFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    viewport()->setMouseTracking(true);
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

void ResponseTextView::layOutMarkdown(Prepared &prepared, const QString &text, int width) const
{
    auto document = std::make_unique<InertDocument>();
    document->setDocumentMargin(0);
    document->setDefaultFont(font());
    document->setUndoRedoEnabled(false);
    // GitHub's dialect for tables and fenced code; HTML in an answer is shown as the text it is.
    document->setMarkdown(
        text, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    // Images become their address: nothing is fetched or read.
    QList<QPair<int, QString>> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.charFormat().toImageFormat().name()});
        }
    }
    for (auto image = images.crbegin(); image != images.crend(); ++image) {
        QTextCursor cursor(document.get());
        cursor.setPosition(image->first);
        cursor.setPosition(image->first + 1, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setFontItalic(true);
        cursor.insertText(tr("[image not loaded: %1]").arg(image->second), format);
    }
    // Code, fenced or inline, on a tinted ground so it reads as code in any palette.
    const QColor base = palette().color(QPalette::Base);
    const QColor ink = palette().color(QPalette::Text);
    const auto blend = [&](int a, int b) { return a + (b - a) * 8 / 100; };
    const QColor codeGround(blend(base.red(), ink.red()), blend(base.green(), ink.green()),
                            blend(base.blue(), ink.blue()));
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        if (block.blockFormat().hasProperty(QTextFormat::BlockCodeFence) ||
            block.blockFormat().hasProperty(QTextFormat::BlockCodeLanguage) || block.charFormat().fontFixedPitch()) {
            QTextBlockFormat format;
            format.setBackground(codeGround);
            cursor.mergeBlockFormat(format);
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().fontFixedPitch())
                continue;
            QTextCursor code(document.get());
            code.setPosition(fragment.position());
            code.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            QTextCharFormat format;
            format.setBackground(codeGround);
            code.mergeCharFormat(format);
        }
    }
    prepared.shown = plainPositions(*document);
    for (const CuePhrases::Span &span : cuePhrasesOf(prepared.shown)) {
        QTextCursor cursor(document.get());
        cursor.setPosition(int(span.start));
        cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(cueFormat(span.kind));
        prepared.cues.append({int(span.start), int(span.length)});
    }
    document->setTextWidth(width);
    prepared.document = std::move(document);
    prepared.markdown = true;
}

std::shared_ptr<ResponseTextView::Prepared> ResponseTextView::build(const QString &text, const QString &note) const
{
    auto prepared = std::make_shared<Prepared>();
    const int width = textWidth();
    const qreal lineSpacing = QFontMetricsF(font()).lineSpacing();
    if (!note.isEmpty()) {
        QFont italic = font();
        italic.setItalic(true);
        prepared->note.setText(withLineSeparators(note));
        prepared->note.setFont(italic);
        prepared->noteHeight = breakLines(prepared->note, width, 0, lineSpacing) + lineSpacing / 2;
    }
    qreal height = 0;
    if (text.trimmed().isEmpty()) {
        // Nothing to read is itself a finding; say so rather than show a blank column.
        QFont italic = font();
        italic.setItalic(true);
        prepared->placeholder = true;
        prepared->shown = text;
        prepared->layout.setText(tr("(empty response)"));
        prepared->layout.setFont(italic);
        height = breakLines(prepared->layout, width, prepared->noteHeight, lineSpacing);
    } else if (m_markdown) {
        layOutMarkdown(*prepared, text, width);
        height = prepared->document->size().height();
    } else {
        prepared->shown = text;
        QTextLayout &layout = prepared->layout;
        layout.setText(withLineSeparators(text));
        layout.setFont(font());
        QList<QTextLayout::FormatRange> formats;
        for (const CuePhrases::Span &span : cuePhrasesOf(text)) {
            formats.append({int(span.start), int(span.length), cueFormat(span.kind)});
            prepared->cues.append({int(span.start), int(span.length)});
        }
        layout.setFormats(formats);
        height = breakLines(layout, width, prepared->noteHeight, lineSpacing);
    }
    prepared->markdown = m_markdown;
    prepared->cueMarks = CuePhrases::isHighlightingEnabled();
    prepared->width = width;
    prepared->height = int(std::ceil(prepared->noteHeight + height));
    return prepared;
}

std::shared_ptr<ResponseTextView::Prepared> ResponseTextView::lookup(const QString &text, const QString &note,
                                                                     quintptr key)
{
    if (key != 0) {
        if (std::shared_ptr<Prepared> *hit = cache().object(key);
            hit && (*hit)->width == textWidth() && (*hit)->markdown == m_markdown &&
            (*hit)->cueMarks == CuePhrases::isHighlightingEnabled() && (*hit)->shownSource == text &&
            (*hit)->note.text() == withLineSeparators(note))
            return *hit;
    }
    auto prepared = build(text, note);
    prepared->shownSource = text;
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
    updateHighlights();
    updateScrollBar();
    viewport()->update();
}

void ResponseTextView::prepare(const QString &text, const QString &note, quintptr key)
{
    if (key != 0 && width() > 0)
        lookup(text, note, key);
}

QString ResponseTextView::shownText() const
{
    return m_current ? m_current->shown : QString();
}

QList<QPair<int, int>> ResponseTextView::markedRanges() const
{
    return m_current ? m_current->cues : QList<QPair<int, int>>();
}

void ResponseTextView::setMarkdown(bool markdown)
{
    if (markdown == m_markdown)
        return;
    m_markdown = markdown;
    if (m_current) {
        m_current = lookup(m_text, m_note, m_key);
        updateHighlights();
        updateScrollBar();
        viewport()->update();
    }
}

void ResponseTextView::setSearchFinder(HighlightFinder finder)
{
    m_finder = std::move(finder);
    updateHighlights();
    viewport()->update();
}

void ResponseTextView::setRawHighlights(const QList<Highlight> &highlights)
{
    m_rawHighlights = highlights;
    updateHighlights();
    viewport()->update();
}

void ResponseTextView::updateHighlights()
{
    m_painted.clear();
    if (!m_current || m_current->placeholder)
        return;
    if (!m_current->markdown) {
        for (const Highlight &h : std::as_const(m_rawHighlights)) {
            if (h.start >= 0 && h.length > 0 && h.start + h.length <= m_current->shown.size())
                m_painted.append(h);
        }
    }
    if (m_finder) {
        const QColor hit = palette().color(QPalette::Highlight);
        for (const auto &[start, length] : m_finder(m_current->shown)) {
            if (start >= 0 && length > 0 && start + length <= m_current->shown.size())
                m_painted.append({start, length, QColor(hit.red(), hit.green(), hit.blue(), 110), false});
        }
    }
}

QList<QPair<int, int>> ResponseTextView::paintedHighlights() const
{
    QList<QPair<int, int>> ranges;
    for (const Highlight &h : m_painted)
        ranges.append({h.start, h.length});
    return ranges;
}

QStringList ResponseTextView::visualLines() const
{
    QStringList lines;
    if (!m_current)
        return lines;
    const auto collect = [&lines](const QTextLayout &layout, const QString &text, int offset) {
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            QString shown = text.mid(offset + line.textStart(), line.textLength());
            while (!shown.isEmpty() &&
                   (shown.back().isSpace() || shown.back() == QChar::LineSeparator || shown.back() == QChar(0x200B)))
                shown.chop(1);
            lines.append(shown);
        }
    };
    if (m_current->document) {
        for (QTextBlock block = m_current->document->begin(); block.isValid(); block = block.next())
            collect(*block.layout(), m_current->shown, block.position());
    } else {
        collect(m_current->layout, m_current->layout.text(), 0);
    }
    return lines;
}

QList<qreal> ResponseTextView::visualLineHeights() const
{
    QList<qreal> heights;
    const auto collect = [&heights](const QTextLayout &layout) {
        for (int i = 0; i < layout.lineCount(); ++i)
            heights.append(layout.lineAt(i).height());
    };
    if (m_current && m_current->document) {
        for (QTextBlock block = m_current->document->begin(); block.isValid(); block = block.next())
            collect(*block.layout());
    } else if (m_current) {
        collect(m_current->layout);
    }
    return heights;
}

void ResponseTextView::scrollPages(int pages)
{
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + pages * std::max(1, bar->pageStep() - bar->singleStep()));
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
    if (m_current->placeholder) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        m_current->layout.draw(&painter, origin);
        return;
    }
    if (m_current->document) {
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = palette();
        const QPointF top = origin + QPointF(0, m_current->noteHeight);
        context.clip = QRectF(QPointF(0, -top.y()), QSizeF(viewport()->width(), viewport()->height()));
        for (const Highlight &h : std::as_const(m_painted)) {
            QAbstractTextDocumentLayout::Selection selection;
            selection.cursor = QTextCursor(m_current->document.get());
            selection.cursor.setPosition(h.start);
            selection.cursor.setPosition(h.start + h.length, QTextCursor::KeepAnchor);
            selection.format.setBackground(h.background);
            selection.format.setFontStrikeOut(h.strikeOut);
            context.selections.append(selection);
        }
        painter.translate(top);
        m_current->document->documentLayout()->draw(&painter, context);
        return;
    }
    QList<QTextLayout::FormatRange> marks;
    for (const Highlight &h : std::as_const(m_painted)) {
        QTextCharFormat format;
        format.setBackground(h.background);
        format.setFontStrikeOut(h.strikeOut);
        marks.append({h.start, h.length, format});
    }
    painter.setPen(palette().color(QPalette::Text));
    m_current->layout.draw(&painter, origin, marks);
}

void ResponseTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_current && m_current->width != textWidth()) {
        m_current = lookup(m_text, m_note, m_key);
        updateHighlights();
    }
    updateScrollBar();
}

void ResponseTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    // Code grounds and fonts are baked into the laid-out text: a new palette or font lays it out again.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) && m_current) {
        cache().clear();
        m_current = lookup(m_text, m_note, m_key);
        updateHighlights();
        updateScrollBar();
        viewport()->update();
    }
}

QString ResponseTextView::anchorAt(const QPoint &viewportPos) const
{
    if (!m_current || !m_current->document)
        return {};
    const QPointF inDocument =
        QPointF(viewportPos) - QPointF(kMargin, kMargin - verticalScrollBar()->value() + m_current->noteHeight);
    return m_current->document->documentLayout()->anchorAt(inDocument);
}

void ResponseTextView::mouseMoveEvent(QMouseEvent *event)
{
    const QString anchor = anchorAt(event->position().toPoint());
    viewport()->setCursor(anchor.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    if (anchor.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tr("%1\nClick to open").arg(anchor), viewport());
    QAbstractScrollArea::mouseMoveEvent(event);
}

void ResponseTextView::mouseReleaseEvent(QMouseEvent *event)
{
    const QString anchor = event->button() == Qt::LeftButton ? anchorAt(event->position().toPoint()) : QString();
    if (!anchor.isEmpty())
        emit linkActivated(anchor);
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void ResponseTextView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy Response"), this, [this] { QApplication::clipboard()->setText(m_text); });
    const QString anchor = anchorAt(event->pos());
    if (!anchor.isEmpty())
        menu.addAction(tr("Copy Link Address"), this, [anchor] { QApplication::clipboard()->setText(anchor); });
    menu.exec(event->globalPos());
}

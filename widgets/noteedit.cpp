#include "noteedit.h"

#include <QApplication>
#include <QKeyEvent>
#include <QTextBlock>
#include <QTextLayout>

namespace {

bool isEnter(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
}

bool endsEditing(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    return (event->key() == Qt::Key_Escape && mods == Qt::NoModifier) ||
           (isEnter(event) && mods == Qt::ControlModifier);
}

} // namespace

NoteEdit::NoteEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        updateHeight();
        if (!m_settingText)
            emit textEdited(text());
    });
    updateHeight();
}

QString NoteEdit::text() const
{
    QString plain = toPlainText();
    plain.replace(QChar::LineSeparator, QLatin1Char('\n'));
    plain.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return plain;
}

void NoteEdit::setText(const QString &text)
{
    if (text == this->text())
        return;
    m_settingText = true;
    setPlainText(text);
    m_settingText = false;
}

int NoteEdit::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + 2 * int(document()->documentMargin()) + margins.top() +
           margins.bottom();
}

int NoteEdit::visualLines() const
{
    // Laid-out blocks know their wrapped lines; the others (just changed) are estimated from their width.
    const int width = std::max(1, viewport()->width() - 2 * int(document()->documentMargin()));
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        if (block.layout() && block.layout()->lineCount() > 0)
            lines += block.layout()->lineCount();
        else
            lines += std::max(1, (fontMetrics().horizontalAdvance(block.text()) + width - 1) / width);
        if (lines >= kMaxLines)
            break;
    }
    return lines;
}

void NoteEdit::updateHeight()
{
    const int lines = std::clamp(visualLines(), kMinLines, kMaxLines);
    if (lines == m_lines)
        return;
    m_lines = lines;
    // A fixed height that follows the text: the response above keeps the rest of the column.
    setFixedHeight(heightForLines(lines));
    updateGeometry();
}

QSize NoteEdit::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), heightForLines(std::max(m_lines, kMinLines))};
}

QSize NoteEdit::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), heightForLines(kMinLines)};
}

bool NoteEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        // Keys the field needs while typing take precedence over the window's shortcuts. Up and Down move between
        // the note's lines, and only from its first or last line reach the list (the next or previous item).
        if (endsEditing(key)) {
            event->accept();
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            QTextCursor probe = textCursor();
            // QPlainTextEdit would claim both keys always; left unclaimed, the window's shortcut gets them.
            if (probe.movePosition(key->key() == Qt::Key_Up ? QTextCursor::Up : QTextCursor::Down))
                event->accept();
            else
                event->ignore();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void NoteEdit::keyPressEvent(QKeyEvent *event)
{
    if (endsEditing(event)) {
        clearFocus(); // focusOutEvent() reports the end of editing
        event->accept();
        return;
    }
    // A plain line break, whatever the modifier (Shift+Enter would insert a Unicode line separator).
    if (isEnter(event) && !(event->modifiers() & Qt::ControlModifier)) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void NoteEdit::focusInEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusInEvent(event);
    // Opened with its shortcut or Tab: continue the note rather than start typing at its first character.
    if (event->reason() == Qt::ShortcutFocusReason || event->reason() == Qt::TabFocusReason ||
        event->reason() == Qt::BacktabFocusReason)
        moveCursor(QTextCursor::End);
}

void NoteEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // A context menu opening is not the end of editing.
    if (event->reason() != Qt::PopupFocusReason || !QApplication::activePopupWidget())
        emit editingFinished();
}

void NoteEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateHeight(); // a narrower column wraps the note onto more lines
}

#pragma once

#include <QPlainTextEdit>

/// A short, word-wrapped, multi-line note field: two lines high, growing with its text up to six. Enter starts a
/// new line; Ctrl+Enter or Escape ends editing, as leaving the field does. Offers QLineEdit's text()/setText().
class NoteEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit NoteEdit(QWidget *parent = nullptr);

    /// The note, with every line break as '\n'.
    QString text() const;
    /// Replaces the note without sending textEdited().
    void setText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int kMinLines = 2;
    static constexpr int kMaxLines = 6;

signals:
    /// The reader changed the text (not sent by setText()).
    void textEdited(const QString &text);
    /// Editing ended: focus left the field, or Ctrl+Enter or Escape was pressed.
    void editingFinished();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int heightForLines(int lines) const;
    int visualLines() const;
    void updateHeight();

    bool m_settingText = false;
    int m_lines = 0;
};

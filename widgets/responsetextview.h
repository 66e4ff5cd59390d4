#pragma once

#include <QAbstractScrollArea>
#include <QCache>
#include <QColor>
#include <QTextLayout>

#include <functional>
#include <memory>

class QTextDocument;

/// A read-only, word-wrapped view of one response with its cue phrases marked. Line breaks are kept; by default
/// the answer is rendered as Markdown (headings, lists, emphasis, code, tables), or shown as raw text. Unlike a
/// text edit it keeps the laid-out text of recent responses, and can lay out the next item's answers while the
/// reader is still reading this one, so moving on only has to paint.
///
/// Rendering is safe for untrusted text: HTML in the answer stays text, images are never loaded (their address is
/// shown instead), and a link opens only when clicked.
class ResponseTextView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    /// An extra mark painted over the shown text: a search hit, or a word that differs from another run's answer.
    struct Highlight
    {
        int start = 0;
        int length = 0;
        QColor background;
        bool strikeOut = false;
    };
    /// Finds what to mark in the text as shown (the rendered text in Markdown mode, the raw text otherwise).
    using HighlightFinder = std::function<QList<QPair<int, int>>(const QString &shown)>;

    explicit ResponseTextView(QWidget *parent = nullptr);

    /// Shows @p text under an italic @p note (the judge's explanation; may be empty); @p key identifies the
    /// pair (the same key later means the same texts), 0 for no caching.
    void setText(const QString &text, const QString &note, quintptr key);
    QString text() const { return m_text; }
    QString note() const { return m_note; }
    /// The text as the reader sees it: the raw text, or the Markdown rendering's plain text.
    QString shownText() const;
    /// Lays out the texts for the current width ahead of time, so a later setText() with @p key is cheap.
    void prepare(const QString &text, const QString &note, quintptr key);
    /// The marked cue phrases of the shown text, as (start, length) into shownText(), in text order.
    QList<QPair<int, int>> markedRanges() const;

    /// Markdown rendering (the default) or the raw text, line breaks kept either way.
    void setMarkdown(bool markdown);
    bool isMarkdown() const { return m_markdown; }
    /// Search hits to mark, found again whenever the text changes; an empty finder marks nothing.
    void setSearchFinder(HighlightFinder finder);
    /// Marks over the raw text (shown in raw mode only), e.g. a word diff against another run.
    void setRawHighlights(const QList<Highlight> &highlights);
    /// The search hits and raw marks now painted, as (start, length) into shownText().
    QList<QPair<int, int>> paintedHighlights() const;
    /// The lines as laid out for the reader, top to bottom (the note's excluded): what each line shows.
    QStringList visualLines() const;
    /// The height of each line of visualLines(): headings are taller than body text.
    QList<qreal> visualLineHeights() const;
    /// Scrolls by @p pages screens (negative: up).
    void scrollPages(int pages);

    QSize sizeHint() const override { return {280, 200}; }

signals:
    /// A link in the answer was clicked; nothing is opened unless the receiver does it.
    void linkActivated(const QString &url);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Prepared
    {
        ~Prepared();
        QTextLayout note;
        QTextLayout layout;                      ///< raw mode, or the "(empty response)" placeholder
        std::unique_ptr<QTextDocument> document; ///< Markdown mode
        QString shownSource;                     ///< the text it was built from
        QString shown;
        QList<QPair<int, int>> cues;
        qreal noteHeight = 0;
        int width = 0;
        int height = 0;
        bool markdown = false;
        bool cueMarks = true;
        bool placeholder = false;
    };

    std::shared_ptr<Prepared> build(const QString &text, const QString &note) const;
    std::shared_ptr<Prepared> lookup(const QString &text, const QString &note, quintptr key);
    void layOutMarkdown(Prepared &prepared, const QString &text, int width) const;
    int textWidth() const;
    void updateScrollBar();
    void updateHighlights();
    QString anchorAt(const QPoint &viewportPos) const;

    QString m_text;
    QString m_note;
    quintptr m_key = 0;
    bool m_markdown = true;
    std::shared_ptr<Prepared> m_current;
    HighlightFinder m_finder;
    QList<Highlight> m_rawHighlights;
    QList<Highlight> m_painted; ///< into m_current->shown
    /// Shared by all views: a response laid out for one column serves any column of the same width and mode.
    static QCache<quintptr, std::shared_ptr<Prepared>> &cache();
};

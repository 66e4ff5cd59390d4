#pragma once

#include <QAbstractScrollArea>
#include <QCache>
#include <QTextLayout>

#include <memory>

/// A read-only, word-wrapped view of one response with its cue phrases marked. Unlike a text edit it keeps
/// the laid-out text of recent responses, and can lay out the next item's answers while the reader is still
/// reading this one, so moving on only has to paint.
class ResponseTextView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit ResponseTextView(QWidget *parent = nullptr);

    /// Shows @p text under an italic @p note (the judge's explanation; may be empty); @p key identifies the
    /// pair (the same key later means the same texts), 0 for no caching.
    void setText(const QString &text, const QString &note, quintptr key);
    QString text() const { return m_text; }
    QString note() const { return m_note; }
    /// Lays out the texts for the current width ahead of time, so a later setText() with @p key is cheap.
    void prepare(const QString &text, const QString &note, quintptr key);
    /// The marked phrases of the shown text, as (start, length) in text order.
    QList<QPair<int, int>> markedRanges() const;

    QSize sizeHint() const override { return {280, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Prepared
    {
        QTextLayout note;
        QTextLayout layout;
        qreal noteHeight = 0;
        int width = 0;
        int height = 0;
    };

    std::shared_ptr<Prepared> build(const QString &text, const QString &note) const;
    std::shared_ptr<Prepared> lookup(const QString &text, const QString &note, quintptr key);
    int textWidth() const;
    void updateScrollBar();

    QString m_text;
    QString m_note;
    quintptr m_key = 0;
    std::shared_ptr<Prepared> m_current;
    /// Shared by all views: a response laid out for one column serves any column of the same width.
    static QCache<quintptr, std::shared_ptr<Prepared>> &cache();
};

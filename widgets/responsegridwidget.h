#pragma once

#include "app/model/judgelabel.h"

#include <QAbstractScrollArea>
#include <QList>

/// Every run's answer to the current item at a glance: one card per run with its judge label, the annotator's
/// label and the first lines of the answer, laid out in as many columns as fit. Painted in one pass, so ten or
/// twenty runs cost one widget. A click makes a run current; a double click opens it in the column view.
class ResponseGridWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    struct Card
    {
        QString title;               ///< "3  run-name"
        bool hasResponse = false;    ///< false: the run did not answer this item
        JudgeLabel judge;            ///< the judge's label of the answer
        Label mine = Label::Invalid; ///< the annotator's label, Invalid for none
        QString text;                ///< the answer, raw
        bool judgeHidden = false;    ///< blind review: the annotator has not labelled it yet, so the judge's is hidden
    };

    explicit ResponseGridWidget(QWidget *parent = nullptr);

    void setCards(const QList<Card> &cards);
    /// Updates the annotator's label of card @p index, and whether the judge's label is hidden (blind review).
    void setMine(int index, Label mine, bool judgeHidden = false);
    void setCurrent(int index);
    int current() const { return m_current; }
    int cardCount() const { return int(m_cards.size()); }
    /// How many cards fit side by side at the current width.
    int columns() const;
    /// Where card @p index is drawn, in viewport coordinates.
    QRect cardRect(int index) const;
    /// The answer lines card @p index shows (at most kLines, the last one elided when there is more).
    QStringList shownLines(int index) const;

    static constexpr int kMinCardWidth = 230;
    static constexpr int kLines = 6;

signals:
    void currentChanged(int index);
    void activated(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    int cardHeight() const;
    int cardAt(const QPoint &viewportPos) const;
    void updateScrollBar();
    void ensureVisible(int index);

    QList<Card> m_cards;
    int m_current = -1;
};

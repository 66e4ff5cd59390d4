#pragma once

#include <QLabel>

/// A one-line label that shows as much of its text as fits, with "…" where it is cut, and the whole text in its
/// tooltip. Its minimum width is that of the ellipsis, so a long text never makes the window wider.
class ElidedLabel : public QLabel
{
    Q_OBJECT
    Q_PROPERTY(bool elided READ isElided)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    /// Whether the text is cut at the label's present width.
    bool isElided() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QString shownText() const;
};

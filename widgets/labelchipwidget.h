#pragma once

#include "app/model/judgelabel.h"

#include <QColor>
#include <QWidget>

/// A small rounded chip with a judge label's letter and name, in the label's colour. Painted directly:
/// it changes on every item, and style sheets would re-polish the widget each time.
class LabelChipWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LabelChipWidget(QWidget *parent = nullptr);

    /// Shows @p label, prefixed by @p prefix ("Judge").
    void setLabel(const JudgeLabel &label, const QString &prefix = {});
    /// Shows that the run has no response to this item.
    void setNoResponse();
    /// Shows @p text on @p background; an invalid colour draws a dashed outline instead.
    void setContent(const QString &text, const QColor &background);
    QString text() const { return m_text; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_background; ///< invalid: draw a dashed outline instead
};

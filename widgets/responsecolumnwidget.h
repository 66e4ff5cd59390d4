#pragma once

#include "resultrecord.h"

#include <QFrame>

class LabelChipWidget;
class QLabel;
class ResponseTextView;

/// One run's answer to the current item: run name, judge label, and the response under the judge's
/// explanation, with refusal and warning phrases highlighted.
class ResponseColumnWidget : public QFrame
{
    Q_OBJECT

public:
    explicit ResponseColumnWidget(QWidget *parent = nullptr);

    /// @p record may be null: the run did not answer this item.
    void show(const QString &runName, const ResultRecord *record);
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    QString responseText() const;
    /// The phrases marked in the shown response, as (start, length).
    QList<QPair<int, int>> markedRanges() const;
    /// Lays out @p record's response ahead of time, so showing it later only paints.
    void prepare(const ResultRecord *record);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_name;
    LabelChipWidget *m_chip;
    ResponseTextView *m_response;
    bool m_current = false;
};

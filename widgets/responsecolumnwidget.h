#pragma once

#include "resultrecord.h"

#include <QFrame>

class LabelChipWidget;
class QLabel;
class QTextBrowser;

/// One run's answer to the current item: run name, judge label, the judge's explanation and the response,
/// with refusal and warning phrases highlighted.
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

    /// The response as HTML with cue phrases marked (refusal blue, warning amber, underlined too).
    static QString highlightedHtml(const QString &text);

private:
    QLabel *m_name;
    LabelChipWidget *m_chip;
    QLabel *m_explanation;
    QTextBrowser *m_response;
    bool m_current = false;
};

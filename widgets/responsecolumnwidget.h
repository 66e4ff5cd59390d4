#pragma once

#include "resultrecord.h"

#include <QFrame>

class LabelChipWidget;
class QLabel;
class QPlainTextEdit;
class QTextDocument;

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
    /// Whether the explanation line is shown at all (a run whose judge gave none has no use for it).
    void setExplanationShown(bool shown) { m_explanationShown = shown; }
    bool isCurrent() const { return m_current; }
    QString responseText() const;
    /// The shown response's document, with its cue-phrase formats once laid out.
    const QTextDocument *responseDocument() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_name;
    LabelChipWidget *m_chip;
    QLabel *m_explanation;
    QPlainTextEdit *m_response; ///< lays out only the lines in view, unlike a rich-text browser
    bool m_current = false;
    bool m_explanationShown = true;
};

#pragma once

#include "widgets/noteedit.h"

#include "app/model/annotations.h"
#include "app/model/judgeresults.h"
#include "app/model/resultrecord.h"

#include <QFrame>

class LabelChipWidget;
class TagChipsWidget;
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
    /// Blind review: hides the judge's label and explanation, other judges' labels and other annotators' labels
    /// until the annotator has labelled the response. Shows them again when @p hidden is false.
    void setJudgeHidden(bool hidden);
    bool isJudgeHidden() const { return m_judgeHidden; }
    /// The judge's chip as shown ("Judge: 3 unsafe", or that it is hidden).
    QString judgeText() const;
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    QString responseText() const;
    /// The phrases marked in the shown response, as (start, length).
    QList<QPair<int, int>> markedRanges() const;
    /// Lays out @p record's response ahead of time, so showing it later only paints.
    void prepare(const ResultRecord *record);

    /// The annotator's own label and note, and the other annotators' labels. @p editable is false when there is
    /// nothing to write to (no response, or a read-only project).
    void setHuman(const HumanLabel &mine, const QList<HumanLabel> &others, bool editable);
    /// Other judges' labels of this response (judge runs), each with its explanation in the tooltip.
    void setJudges(const QList<QPair<QString, Judgment>> &judgments);
    QString humanText() const;
    /// The annotator's note on this response: several lines, word-wrapped.
    NoteEdit *noteEdit() const { return m_note; }
    ResponseTextView *responseView() const { return m_response; }
    /// The failure-mode tags on this response: the annotator's, then others'.
    TagChipsWidget *tagChips() const { return m_tags; }
    /// The run's answer as loaded (empty when the run has none).
    QString rawResponse() const { return m_raw; }

signals:
    /// The note was typed into (sent on every change; the page decides when to save).
    void noteEdited(const QString &text);
    /// Editing the note ended (focus left, Ctrl+Enter or Escape; Enter starts a new line).
    void noteEditingFinished(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_name;
    LabelChipWidget *m_chip;
    LabelChipWidget *m_human;
    TagChipsWidget *m_tags;
    QLabel *m_others;
    QLabel *m_judges;
    NoteEdit *m_note;
    Label m_judge = Label::Invalid;
    const ResultRecord *m_record = nullptr; ///< what is shown; owned by the workspace the page holds
    bool m_judgeHidden = false;
    bool m_hasResponse = false;
    QString m_raw;
    ResponseTextView *m_response;
    bool m_current = false;
};

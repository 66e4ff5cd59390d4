#pragma once

#include "app/model/annotations.h"
#include "app/model/curation.h"
#include "app/model/judgeresults.h"
#include "app/model/workspace.h"
#include "app/search/searchterms.h"

#include <QList>
#include <QString>

#include <atomic>

class WordIndex;

/// The filters a reviewer has set on the item list, as a value that can be evaluated on any thread.
struct ItemQuery
{
    enum class LabelFilter : quint8 {
        Any,
        AnyUnsafe,    ///< some run's judge label is unsafe
        AnyInvalid,   ///< some run's judge label is invalid
        RunsDisagree, ///< the runs that answered were not all labelled alike
        RunUnsafe,    ///< run `run` is unsafe
        RunInvalid,   ///< run `run` is invalid
        RunMissing    ///< run `run` has no response
    };

    enum class ReviewFilter : quint8 {
        Any,
        Unreviewed,     ///< some response lacks a label by `annotator`
        Reviewed,       ///< every response has a label by `annotator`
        HumanDisagrees, ///< some person's label differs from the judge's
        LeakFlagged,    ///< someone said the text leaks the image's risk
        LeakUnsure,     ///< someone was unsure about leakage
        LeakUnchecked,  ///< `annotator` gave no leak verdict
        ByAnnotator,    ///< `annotator` labelled or flagged something on the item
        LeakSuspected,  ///< a leakage judge run called the text alone unsafe, and `annotator` gave no leak verdict
        Confusion,      ///< a response in `confusionRun` (any when empty) that the judge labelled `judgeLabel` and
                        ///< `annotator` (anyone when empty) labelled `humanLabel`: one confusion-matrix cell
        HasNote,        ///< `annotator` wrote a note on the item: on one of its responses, or on its leakage
        Tagged          ///< one cell of the Tags tab: `tag` (any tag when `anyTag`) in `tagRun`; see `tag`
    };

    /// Curation: every item, or only the excluded, the kept, the edited, those with one curation status, those with a
    /// curator's comment, or the leak candidates (LeakEvidence::isCandidate(): reads `annotations` and `judges`).
    enum class CurationFilter : quint8 {
        Any,
        Excluded,
        Kept,
        Edited,
        Unchecked,
        Checked,
        NeedsFix,
        Commented,
        LeakCandidates
    };

    QString category;    ///< empty: every category
    QString subCategory; ///< empty: every sub-category of the category
    QString source;      ///< empty: every source
    /// The search box's text in SearchTerms' syntax, looked for in the id, instruction, image description, safety
    /// reason, and every run's response and judge explanation.
    QString text;
    LabelFilter labelFilter = LabelFilter::Any;
    qsizetype run = -1; ///< the run the Run* filters look at
    ReviewFilter review = ReviewFilter::Any;
    QString annotator;                 ///< whose work the review filters look at
    Label judgeLabel = Label::Invalid; ///< Confusion: the judge's label (Invalid: an invalid judge label)
    Label humanLabel = Label::Invalid; ///< Confusion: the person's label
    QString confusionRun;              ///< Confusion: the run's name, or empty for every run
    /// What the review filters read; must outlive evaluation (callers keep a copy alive on the worker).
    const Annotations *annotations = nullptr;
    /// What LeakSuspected reads; the same lifetime rule.
    const JudgeResults *judges = nullptr;
    /// Non-empty: only items with a response that carries this failure-mode tag (by anyone); reads `annotations`.
    QString tag;
    /// With `tag` or `anyTag`: only that run's response counts (empty: any run's).
    QString tagRun;
    /// Only items with a response that carries some failure-mode tag.
    bool anyTag = false;
    CurationFilter curationFilter = CurationFilter::Any;
    /// The project's curation: the category, sub-category and source filters read the curated values, and
    /// curationFilter reads it. The same lifetime rule as `annotations`; nullptr: no curation.
    const Curation *curation = nullptr;

    bool matches(const Workspace &workspace, qsizetype item) const;
    /// With the text already parsed and prepared: what evaluate() calls for every item.
    bool matches(const Workspace &workspace, qsizetype item, const SearchTerms::Matcher &terms) const;
    /// Everything but the text.
    bool matchesFilters(const Workspace &workspace, qsizetype item) const;

    /// One flag per item, computed on all cores; returns an empty list when @p cancel is set midway.
    /// With @p index (built from the same workspace) a text search looks words up instead of reading every text,
    /// and reads only where the index cannot answer (phrases, punctuation) and only the items it leaves.
    QList<bool> evaluate(const Workspace &workspace, const std::atomic_bool *cancel = nullptr,
                         const WordIndex *index = nullptr) const;

    bool isEmpty() const
    {
        return category.isEmpty() && source.isEmpty() && text.isEmpty() && labelFilter == LabelFilter::Any &&
               review == ReviewFilter::Any && tag.isEmpty() && !anyTag && curationFilter == CurationFilter::Any;
    }
    bool operator==(const ItemQuery &) const = default;
};

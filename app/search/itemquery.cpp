#include "app/search/itemquery.h"

#include "app/search/leakevidence.h"
#include "app/search/wordindex.h"

#include <QVarLengthArray>
#include <QtConcurrent>

#include <algorithm>

namespace {

bool labelMatches(const ItemQuery &query, const Workspace &workspace, qsizetype item)
{
    using F = ItemQuery::LabelFilter;
    switch (query.labelFilter) {
    case F::Any:
        return true;
    case F::RunUnsafe:
    case F::RunInvalid:
    case F::RunMissing: {
        if (query.run < 0 || query.run >= workspace.runs.size())
            return false;
        const ResultRecord *record = workspace.record(item, query.run);
        if (query.labelFilter == F::RunMissing)
            return record == nullptr;
        if (!record)
            return false;
        return query.labelFilter == F::RunUnsafe ? record->label.label == Label::Unsafe : !record->label.isValid();
    }
    case F::AnyUnsafe:
    case F::AnyInvalid:
    case F::RunsDisagree: {
        bool seen = false;
        Label first = Label::Invalid;
        for (qsizetype run = 0; run < workspace.runs.size(); ++run) {
            const ResultRecord *record = workspace.record(item, run);
            if (!record)
                continue;
            const Label label = record->label.label;
            if (query.labelFilter == F::AnyUnsafe && label == Label::Unsafe)
                return true;
            if (query.labelFilter == F::AnyInvalid && label == Label::Invalid)
                return true;
            if (query.labelFilter == F::RunsDisagree) {
                if (seen && label != first)
                    return true;
                seen = true;
                first = label;
            }
        }
        return false;
    }
    }
    return true;
}

// Whether a response to the item carries the query's tag. Items whose id several items share carry no tags.
bool tagMatches(const ItemQuery &query, const Workspace &workspace, qsizetype item)
{
    if (query.tag.isEmpty() && !query.anyTag)
        return true;
    if (!query.annotations || !workspace.dataset.hasUniqueId(item))
        return false;
    const qint64 id = workspace.dataset.item(item).instructionId;
    for (const Run &run : workspace.runs) {
        if (!query.tagRun.isEmpty() && run.name != query.tagRun)
            continue;
        const auto &entries = query.annotations->allTags();
        const auto it = entries.constFind({id, run.name});
        if (it != entries.cend() && std::any_of(it->cbegin(), it->cend(), [&](const ResponseTag &t) {
                return query.anyTag || t.tag == query.tag;
            }))
            return true;
    }
    return false;
}

bool reviewMatches(const ItemQuery &query, const Workspace &workspace, qsizetype item)
{
    using F = ItemQuery::ReviewFilter;
    if (query.review == F::Any)
        return true;
    static const Annotations none;
    const Annotations &a = query.annotations ? *query.annotations : none;
    const qint64 id = workspace.dataset.item(item).instructionId;
    switch (query.review) {
    case F::LeakFlagged:
        return a.hasLeakVerdict(id, LeakVerdict::Leaks);
    case F::LeakUnsure:
        return a.hasLeakVerdict(id, LeakVerdict::Unsure);
    case F::LeakUnchecked:
        return a.leak(id, query.annotator).verdict == LeakVerdict::None;
    case F::LeakSuspected:
        return query.judges && workspace.dataset.hasUniqueId(item) && query.judges->leakSuspected(id) &&
               a.leak(id, query.annotator).verdict == LeakVerdict::None;
    case F::ByAnnotator:
        if (a.leak(id, query.annotator).verdict != LeakVerdict::None)
            return true;
        break;
    case F::HasNote:
        if (!a.leak(id, query.annotator).note.isEmpty())
            return true;
        // Every run, answered or not: a note stays worth finding after its run's response went missing.
        for (const Run &run : workspace.runs) {
            if (!a.label(id, run.name, query.annotator).note.isEmpty())
                return true;
        }
        return false;
    case F::Tagged:
        return true; // the tag itself is matched apart, as for the "has tag" query
    default:
        break;
    }
    qsizetype responses = 0;
    qsizetype mine = 0;
    for (qsizetype run = 0; run < workspace.runs.size(); ++run) {
        const ResultRecord *record = workspace.record(item, run);
        if (!record)
            continue;
        if (query.review == F::Confusion) {
            // As the report counts: items whose id several items share carry no annotations.
            if (!workspace.dataset.hasUniqueId(item) || record->label.label != query.judgeLabel ||
                (!query.confusionRun.isEmpty() && workspace.runs[run].name != query.confusionRun))
                continue;
            for (const HumanLabel &human : a.labels(id, workspace.runs[run].name)) {
                if (human.label == query.humanLabel &&
                    (query.annotator.isEmpty() || human.annotator == query.annotator))
                    return true;
            }
            continue;
        }
        ++responses;
        const QString &name = workspace.runs[run].name;
        switch (query.review) {
        case F::Unreviewed:
        case F::Reviewed:
            mine += a.label(id, name, query.annotator).label != Label::Invalid;
            break;
        case F::HumanDisagrees:
            for (const HumanLabel &human : a.labels(id, name)) {
                if (human.label != Label::Invalid && human.label != record->label.label)
                    return true;
            }
            break;
        case F::ByAnnotator:
            if (!a.label(id, name, query.annotator).isEmpty())
                return true;
            break;
        default:
            break;
        }
    }
    if (query.review == F::Unreviewed)
        return mine < responses;
    if (query.review == F::Reviewed)
        return responses > 0 && mine == responses;
    return false;
}

bool textMatches(const SearchTerms::Matcher &terms, const Workspace &workspace, qsizetype item)
{
    const Item &it = workspace.dataset.item(item);
    QVarLengthArray<const QString *, 32> texts{&it.instruction, &it.imageDescription, &it.safetyReason};
    for (qsizetype run = 0; run < workspace.runs.size(); ++run) {
        if (const ResultRecord *record = workspace.record(item, run)) {
            texts.append(&record->response);
            if (!record->explanation.isEmpty())
                texts.append(&record->explanation);
        }
    }
    return terms.matches(it.instructionId, std::span<const QString *const>(texts.data(), texts.size()));
}

// Looks each term up in the index: the items that can match them all. A term the index answers exactly (a word of
// letters and digits) is settled here; the others are left in *unsettled for reading the candidates' texts.
QList<bool> narrow(const WordIndex &index, const SearchTerms &terms, const Workspace &workspace, SearchTerms *unsettled)
{
    const qsizetype count = workspace.dataset.size();
    QList<bool> result(count, true);
    *unsettled = {};
    auto apply = [&](const QString &term, bool phrase, bool excluded) {
        bool exact = false;
        QList<bool> hits = index.candidates(term, count, &exact);
        // A bare number also matches the id, which the index does not hold.
        if (const std::optional<qint64> id = phrase ? std::nullopt : SearchTerms::idOfWord(term)) {
            for (qsizetype i = 0; i < count; ++i)
                hits[i] = hits[i] || workspace.dataset.item(i).instructionId == *id;
        }
        if (!excluded) {
            for (qsizetype i = 0; i < count; ++i)
                result[i] = result[i] && hits[i];
        } else if (exact) {
            for (qsizetype i = 0; i < count; ++i)
                result[i] = result[i] && !hits[i];
        }
        if (!exact)
            (phrase ? (excluded ? unsettled->excludedPhrases : unsettled->phrases)
                    : (excluded ? unsettled->excludedWords : unsettled->words))
                .append(term);
    };
    for (const QString &word : terms.words)
        apply(word, false, false);
    for (const QString &phrase : terms.phrases)
        apply(phrase, true, false);
    for (const QString &word : terms.excludedWords)
        apply(word, false, true);
    for (const QString &phrase : terms.excludedPhrases)
        apply(phrase, true, true);
    if (!terms.ids.isEmpty()) {
        for (qsizetype i = 0; i < count; ++i)
            result[i] = result[i] && terms.ids.contains(workspace.dataset.item(i).instructionId);
    }
    return result;
}

} // namespace

bool ItemQuery::matches(const Workspace &workspace, qsizetype item) const
{
    return matches(workspace, item, SearchTerms::Matcher(SearchTerms::parse(text)));
}

bool ItemQuery::matches(const Workspace &workspace, qsizetype item, const SearchTerms::Matcher &terms) const
{
    return matchesFilters(workspace, item) && (terms.isEmpty() || textMatches(terms, workspace, item));
}

bool ItemQuery::matchesFilters(const Workspace &workspace, qsizetype item) const
{
    const Item &it = workspace.dataset.item(item);
    // Only items with a unique id can be curated; the others are as the file has them.
    const Curation *curated =
        curation && !curation->isEmpty() && workspace.dataset.hasUniqueId(item) ? curation : nullptr;
    auto value = [&](ItemField field) { return curated ? curated->value(it, field) : it.text(field); };
    if (!category.isEmpty() && value(ItemField::Category) != category)
        return false;
    if (!subCategory.isEmpty() && value(ItemField::SubCategory) != subCategory)
        return false;
    if (!source.isEmpty() && value(ItemField::Source) != source)
        return false;
    if (curationFilter != CurationFilter::Any) {
        const qint64 id = curated ? it.instructionId : -1;
        const bool excluded = curated && curated->isExcluded(id);
        const CurationStatus status = curated ? curated->status(id) : CurationStatus::Unchecked;
        bool keep = true;
        switch (curationFilter) {
        case CurationFilter::Any:
            break;
        case CurationFilter::Excluded:
            keep = excluded;
            break;
        case CurationFilter::Kept:
            keep = !excluded;
            break;
        case CurationFilter::Edited:
            keep = curated && !curated->edits(id).isEmpty();
            break;
        case CurationFilter::Unchecked:
            keep = status == CurationStatus::Unchecked;
            break;
        case CurationFilter::Checked:
            keep = status == CurationStatus::Checked;
            break;
        case CurationFilter::NeedsFix:
            keep = status == CurationStatus::NeedsFix;
            break;
        case CurationFilter::Commented:
            keep = curated && curated->comment(id);
            break;
        case CurationFilter::LeakCandidates:
            keep = annotations && workspace.dataset.hasUniqueId(item) &&
                   LeakEvidence::of(it.instructionId, *annotations, judges).isCandidate();
            break;
        }
        if (!keep)
            return false;
    }
    return labelMatches(*this, workspace, item) && reviewMatches(*this, workspace, item) &&
           tagMatches(*this, workspace, item);
}

QList<bool> ItemQuery::evaluate(const Workspace &workspace, const std::atomic_bool *cancel,
                                const WordIndex *index) const
{
    const qsizetype count = workspace.dataset.size();
    const SearchTerms terms = SearchTerms::parse(text);
    SearchTerms unsettled = terms; // what is left to read in the texts
    QList<bool> candidates;        // empty: every item is one
    if (index && !index->isEmpty() && !terms.isEmpty())
        candidates = narrow(*index, terms, workspace, &unsettled);
    QList<bool> accepted(count, false);
    constexpr qsizetype chunk = 2048;
    QList<qsizetype> starts;
    for (qsizetype start = 0; start < count; start += chunk)
        starts.append(start);
    const SearchTerms::Matcher matcher(unsettled); // built once: its skip tables serve every item
    bool *flags = accepted.data();                 // detached once here; workers write disjoint elements
    QtConcurrent::blockingMap(starts, [&](qsizetype start) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        const qsizetype end = std::min(start + chunk, count);
        for (qsizetype i = start; i < end; ++i)
            flags[i] = (candidates.isEmpty() || candidates[i]) && matches(workspace, i, matcher);
    });
    if (cancel && cancel->load(std::memory_order_relaxed))
        return {};
    return accepted;
}

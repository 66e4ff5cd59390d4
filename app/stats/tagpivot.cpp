#include "tagpivot.h"

#include <QSet>

namespace {

// Group keys: no category name holds these characters.
const QString kEverything = QStringLiteral("\x1e");
const QChar kSeparator(0x1f);

} // namespace

QString TagPivot::key(const Group &group)
{
    if (group.all)
        return kEverything;
    return group.sub ? group.category + kSeparator + group.subCategory : group.category;
}

TagPivot TagPivot::count(const Workspace &workspace, const Annotations &annotations, const QString &annotator,
                         const std::atomic_bool *cancel)
{
    TagPivot pivot;
    pivot.m_annotator = annotator;
    const qsizetype runCount = workspace.runs.size();
    for (const Run &run : workspace.runs)
        pivot.m_runs.append(run.name);
    pivot.m_cells.resize(runCount + 1);

    QSet<QString> categories;
    QHash<QString, QSet<QString>> subCategories;
    QSet<QString> others;
    QSet<QString> taggers;
    const QSet<QString> vocabulary(annotations.tagNames().cbegin(), annotations.tagNames().cend());
    for (qsizetype i = 0; i < workspace.dataset.size(); ++i) {
        if (cancel && (i & 1023) == 0 && cancel->load())
            return {};
        // An id shared by several items cannot say which item a tag or label is on.
        if (!workspace.dataset.hasUniqueId(i))
            continue;
        const Item &item = workspace.dataset.item(i);
        categories.insert(item.category);
        subCategories[item.category].insert(item.subCategory);
        const QString keys[] = {kEverything, key(Group::ofCategory(item.category)),
                                key(Group::ofSubCategory(item.category, item.subCategory))};
        for (qsizetype r = 0; r < runCount; ++r) {
            if (!workspace.record(i, r))
                continue;
            const QString &run = workspace.runs[r].name;
            QSet<QString> onResponse; // once per response, however many annotators put a tag on
            for (const ResponseTag &tag : annotations.responseTags(item.instructionId, run)) {
                taggers.insert(tag.annotator);
                if (annotator.isEmpty() || tag.annotator == annotator)
                    onResponse.insert(tag.tag);
            }
            bool reviewed = !onResponse.isEmpty();
            if (!reviewed) {
                for (const HumanLabel &label : annotations.labels(item.instructionId, run))
                    reviewed = reviewed ||
                               (label.label != Label::Invalid && (annotator.isEmpty() || label.annotator == annotator));
            }
            for (const QString &tag : std::as_const(onResponse)) {
                if (!vocabulary.contains(tag))
                    others.insert(tag);
            }
            for (const qsizetype slot : {r, runCount}) {
                for (const QString &k : keys) {
                    Cell &cell = pivot.m_cells[slot][k];
                    ++cell.responses;
                    cell.reviewed += reviewed ? 1 : 0;
                    cell.anyTag += onResponse.isEmpty() ? 0 : 1;
                    for (const QString &tag : std::as_const(onResponse))
                        ++cell.tags[tag];
                }
            }
        }
    }
    pivot.m_categories = QStringList(categories.cbegin(), categories.cend());
    pivot.m_categories.sort();
    for (auto it = subCategories.cbegin(); it != subCategories.cend(); ++it) {
        QStringList names(it->cbegin(), it->cend());
        names.sort();
        pivot.m_subCategories.insert(it.key(), names);
    }
    pivot.m_annotators = QStringList(taggers.cbegin(), taggers.cend());
    pivot.m_annotators.sort();
    pivot.m_tags = annotations.tagNames();
    QStringList rest(others.cbegin(), others.cend());
    rest.sort();
    pivot.m_tags += rest;
    return pivot;
}

const TagPivot::Cell *TagPivot::cell(int run, const Group &group) const
{
    if (run >= m_runs.size())
        return nullptr;
    const qsizetype slot = run < 0 ? m_runs.size() : run;
    if (slot >= m_cells.size()) // an empty pivot
        return nullptr;
    const auto it = m_cells[slot].constFind(key(group));
    return it == m_cells[slot].cend() ? nullptr : &*it;
}

qsizetype TagPivot::tagged(const QString &tag, int run, const Group &group) const
{
    const Cell *c = cell(run, group);
    if (!c)
        return 0;
    return tag.isEmpty() ? c->anyTag : c->tags.value(tag);
}

qsizetype TagPivot::responses(int run, const Group &group, Basis basis) const
{
    const Cell *c = cell(run, group);
    if (!c)
        return 0;
    return basis == Basis::AllResponses ? c->responses : c->reviewed;
}

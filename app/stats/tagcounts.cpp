#include "app/stats/tagcounts.h"

#include <QSet>

namespace {

// Stands for "every run" or "every category"; no name holds it.
const QString kAll = QStringLiteral("\x1e");

QString key(const QString &tag, const QString &run, const QString &category)
{
    return tag + QChar(0x1f) + run + QChar(0x1f) + category;
}

} // namespace

TagCounts TagCounts::count(const Workspace &workspace, const Annotations &annotations, const QString &annotator)
{
    TagCounts counts;
    QHash<qint64, QString> categoryOf;
    QSet<QString> categories;
    for (qsizetype i = 0; i < workspace.dataset.size(); ++i) {
        const Item &item = workspace.dataset.item(i);
        // An id shared by several items cannot say which item a tag is on (the window refuses to tag those).
        if (!workspace.dataset.hasUniqueId(i))
            continue;
        categoryOf.insert(item.instructionId, item.category);
        categories.insert(item.category);
    }
    QHash<QString, qsizetype> runIndex;
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        counts.m_runs.append(workspace.runs[r].name);
        runIndex.insert(workspace.runs[r].name, r);
    }
    counts.m_categories = QStringList(categories.cbegin(), categories.cend());
    counts.m_categories.sort();

    QSet<QString> others;
    const QSet<QString> vocabulary(annotations.tagNames().cbegin(), annotations.tagNames().cend());
    for (auto it = annotations.allTags().cbegin(); it != annotations.allTags().cend(); ++it) {
        const auto category = categoryOf.constFind(it.key().item);
        const auto run = runIndex.constFind(it.key().run);
        if (category == categoryOf.cend() || run == runIndex.cend() ||
            !workspace.record(workspace.dataset.indexOfId(it.key().item), *run))
            continue;
        QSet<QString> onResponse; // once per response, however many annotators put the tag on
        for (const ResponseTag &tag : *it) {
            if (annotator.isEmpty() || tag.annotator == annotator)
                onResponse.insert(tag.tag);
        }
        for (const QString &tag : std::as_const(onResponse)) {
            for (const QString &k : {key(tag, it.key().run, *category), key(tag, it.key().run, kAll),
                                     key(tag, kAll, *category), key(tag, kAll, kAll)})
                ++counts.m_counts[k];
            if (!vocabulary.contains(tag))
                others.insert(tag);
        }
    }
    counts.m_tags = annotations.tagNames();
    QStringList rest(others.cbegin(), others.cend());
    rest.sort();
    counts.m_tags += rest;
    return counts;
}

qsizetype TagCounts::count(const QString &tag, const QString &run, const QString &category) const
{
    return m_counts.value(key(tag, run, category));
}

qsizetype TagCounts::runTotal(const QString &tag, const QString &run) const
{
    return m_counts.value(key(tag, run, kAll));
}

qsizetype TagCounts::categoryTotal(const QString &tag, const QString &category) const
{
    return m_counts.value(key(tag, kAll, category));
}

qsizetype TagCounts::total(const QString &tag) const
{
    return m_counts.value(key(tag, kAll, kAll));
}

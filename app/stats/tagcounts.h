#pragma once

#include "app/model/annotations.h"
#include "app/model/workspace.h"

#include <QHash>
#include <QStringList>

/// How many responses carry each failure-mode tag, per run and category: the pivot table of the Agreement page.
/// A response tagged by several annotators counts once. A value: computed on a worker, read on the GUI thread.
class TagCounts
{
public:
    /// Counts the tags on the responses of @p workspace (only @p annotator's when it is not empty). Tags on items or
    /// runs that are not open are left out; a response is counted under its item's category ("" when it has none).
    static TagCounts count(const Workspace &workspace, const Annotations &annotations, const QString &annotator = {});

    /// The tags counted: the vocabulary in its order, then any other tag found on a response, sorted.
    QStringList tags() const { return m_tags; }
    /// The open runs, in workspace order.
    QStringList runs() const { return m_runs; }
    /// The categories of the open dataset, sorted.
    QStringList categories() const { return m_categories; }

    /// Responses in @p run to items of @p category that carry @p tag.
    qsizetype count(const QString &tag, const QString &run, const QString &category) const;
    /// The same over every category.
    qsizetype runTotal(const QString &tag, const QString &run) const;
    /// The same over every run.
    qsizetype categoryTotal(const QString &tag, const QString &category) const;
    /// Responses that carry @p tag in any run and category.
    qsizetype total(const QString &tag) const;

private:
    QStringList m_tags;
    QStringList m_runs;
    QStringList m_categories;
    QHash<QString, qsizetype> m_counts; ///< keyed tag, run and category joined by U+001F
};

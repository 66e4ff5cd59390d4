#pragma once

#include "app/model/annotations.h"
#include "app/model/workspace.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <atomic>

/// Failure-mode tags counted per run and per category or sub-category, with the responses each count is out of: what
/// the Tags page tabulates and charts. Each count comes with its denominator, the responses of the same run and group.
/// A response tagged by several annotators counts once; responses to items whose id several items share are left out
/// everywhere, as they cannot carry tags. A value: computed on a worker.
class TagPivot
{
public:
    /// What a share is out of: every response in the cell, or those a person labelled or tagged.
    enum class Basis : quint8 { AllResponses, ReviewedResponses };

    /// Counts the tags on @p workspace's responses (only @p annotator's when it is not empty; then "reviewed" means
    /// labelled or tagged by that annotator). Returns an empty pivot when @p cancel is set midway.
    static TagPivot count(const Workspace &workspace, const Annotations &annotations, const QString &annotator = {},
                          const std::atomic_bool *cancel = nullptr);

    /// The tags: the vocabulary in its order, then any other tag found on a counted response, sorted.
    const QStringList &tags() const { return m_tags; }
    /// The open runs, in workspace order.
    const QStringList &runs() const { return m_runs; }
    /// The categories of the dataset, sorted ("" for items without one).
    const QStringList &categories() const { return m_categories; }
    /// The sub-categories of @p category, sorted.
    QStringList subCategories(const QString &category) const { return m_subCategories.value(category); }
    /// Everyone who put a tag on a counted response, sorted.
    const QStringList &annotators() const { return m_annotators; }
    /// The annotator counted, or empty for everyone.
    const QString &annotator() const { return m_annotator; }

    /// Where a count is taken: every category, one category, or one sub-category of a category.
    struct Group
    {
        QString category;
        QString subCategory;
        bool all = false; ///< every category: the totals
        bool sub = false; ///< subCategory within category, not the whole category

        static Group everything() { return {{}, {}, true, false}; }
        static Group ofCategory(const QString &category) { return {category, {}, false, false}; }
        static Group ofSubCategory(const QString &category, const QString &subCategory)
        {
            return {category, subCategory, false, true};
        }
    };

    /// Responses of run @p run (-1: every run) in @p group that carry @p tag (empty: any tag).
    qsizetype tagged(const QString &tag, int run, const Group &group) const;
    /// Responses of run @p run (-1: every run) in @p group, or those of them a person labelled or tagged.
    qsizetype responses(int run, const Group &group, Basis basis = Basis::AllResponses) const;

private:
    struct Cell
    {
        qsizetype responses = 0;
        qsizetype reviewed = 0;
        qsizetype anyTag = 0;
        QHash<QString, qsizetype> tags;
    };
    static QString key(const Group &group);
    const Cell *cell(int run, const Group &group) const;

    QStringList m_tags;
    QStringList m_runs;
    QStringList m_categories;
    QHash<QString, QStringList> m_subCategories;
    QStringList m_annotators;
    QString m_annotator;
    QList<QHash<QString, Cell>> m_cells; ///< per run, then one more for every run; keyed by key(group)
};

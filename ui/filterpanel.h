#pragma once

#include "app/model/judgelabel.h"
#include "app/search/itemquery.h"

#include <QObject>
#include <QStringList>

class Project;
class QComboBox;
class QLineEdit;
class QTreeWidget;
struct Workspace;

/// The filters above the item list: search text, category tree, source, judge labels and review state. It fills
/// the controls from the workspace and project and turns what the reviewer chose into an ItemQuery. Each combo
/// entry carries a typed choice; run filters name their run, so a choice survives runs being added or removed.
class FilterPanel : public QObject
{
    Q_OBJECT

public:
    /// What a judge-label entry asks for; @p run names the run of the Run* filters.
    struct LabelChoice
    {
        ItemQuery::LabelFilter filter = ItemQuery::LabelFilter::Any;
        QString run;
        bool operator==(const LabelChoice &) const = default;
    };
    /// What a review entry asks for; an empty annotator means the reviewer's own work (anyone, for a cell).
    struct ReviewChoice
    {
        ItemQuery::ReviewFilter filter = ItemQuery::ReviewFilter::Any;
        QString annotator;
        Label judge = Label::Invalid; ///< Confusion only
        Label human = Label::Invalid; ///< Confusion only
        QString run;                  ///< Confusion and Tagged: empty for every run
        QString tag;                  ///< Tagged only: empty for any tag
        bool operator==(const ReviewChoice &) const = default;
    };

    FilterPanel(QLineEdit *search, QTreeWidget *categories, QComboBox *sources, QComboBox *labels, QComboBox *review,
                QComboBox *curation, QObject *parent = nullptr);

    /// Refills categories, sources and label entries from @p workspace, keeping what was chosen where it exists.
    /// With @p curation, items are counted under their curated category, sub-category and source.
    void rebuild(const Workspace &workspace, const Curation *curation = nullptr);
    /// Refills the review entries for @p project (disabled without one, and back to everything).
    /// Returns true when the choice changed as a result.
    bool rebuildReview(const Project *project);
    /// Every filter back to "all", the review filter to entry @p reviewIndex, without signalling.
    void reset(int reviewIndex = 0);
    /// Adds (or replaces) the review entry for one confusion-matrix cell and selects it alone.
    void chooseConfusion(const QString &run, const QString &annotator, Label judge, Label human);
    /// Adds (or replaces) the review entry for one cell of the Tags tab: items whose response in @p run (any run when
    /// empty) carries @p tag (any tag when empty), in @p category and @p subCategory (every one when empty).
    void chooseTag(const QString &run, const QString &tag, const QString &category, const QString &subCategory);

    /// Blind review: the entries that select items by a judge's label are disabled (choosing one would tell the
    /// annotator what the judge said), and one that was chosen goes back to "Any labels". Kept across rebuilds.
    void setJudgeFiltersAllowed(bool allowed);

    /// The query the controls describe; @p annotator stands in for "me", @p runNames map run filters to runs.
    ItemQuery query(const QString &annotator, const QStringList &runNames) const;

signals:
    /// The reviewer changed a filter.
    void changed();

private:
    void addReview(const QString &text, const ReviewChoice &choice);
    void applyJudgeFiltersAllowed();

    QLineEdit *m_search;
    QTreeWidget *m_categories;
    QComboBox *m_sources;
    QComboBox *m_labels;
    QComboBox *m_review;
    QComboBox *m_curation;
    bool m_judgeFiltersAllowed = true;
};

Q_DECLARE_METATYPE(FilterPanel::LabelChoice)
Q_DECLARE_METATYPE(FilterPanel::ReviewChoice)

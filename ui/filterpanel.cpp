#include "filterpanel.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include "app/model/workspace.h"
#include "app/project/project.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMap>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace {

constexpr int kCategoryRole = Qt::UserRole;
constexpr int kSubCategoryRole = Qt::UserRole + 1;

FilterPanel::ReviewChoice review(ItemQuery::ReviewFilter filter, const QString &annotator = {})
{
    FilterPanel::ReviewChoice choice;
    choice.filter = filter;
    choice.annotator = annotator;
    return choice;
}

template <typename Choice> int indexOfChoice(const QComboBox *combo, const Choice &choice)
{
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i).value<Choice>() == choice)
            return i;
    }
    return -1;
}

} // namespace

FilterPanel::FilterPanel(QLineEdit *search, QTreeWidget *categories, QComboBox *sources, QComboBox *labels,
                         QComboBox *review, QComboBox *curation, QObject *parent)
    : QObject(parent), m_search(search), m_categories(categories), m_sources(sources), m_labels(labels),
      m_review(review), m_curation(curation)
{
    using C = ItemQuery::CurationFilter;
    m_curation->setObjectName(QStringLiteral("curationCombo"));
    for (const auto &[text, filter] :
         {std::pair{tr("Every item"), C::Any}, std::pair{tr("Kept (not excluded)"), C::Kept},
          std::pair{tr("Excluded"), C::Excluded}, std::pair{tr("Edited"), C::Edited},
          std::pair{tr("Not checked yet"), C::Unchecked}, std::pair{tr("Checked"), C::Checked},
          std::pair{tr("Needs a fix"), C::NeedsFix}, std::pair{tr("With a curator's comment"), C::Commented},
          std::pair{tr("Leak candidates, strongest evidence first"), C::LeakCandidates}})
        m_curation->addItem(text, int(filter));
    connect(m_curation, &QComboBox::currentIndexChanged, this, &FilterPanel::changed);
    connect(m_search, &QLineEdit::textChanged, this, &FilterPanel::changed);
    connect(m_categories, &QTreeWidget::currentItemChanged, this, &FilterPanel::changed);
    connect(m_sources, &QComboBox::currentIndexChanged, this, &FilterPanel::changed);
    connect(m_labels, &QComboBox::currentIndexChanged, this, &FilterPanel::changed);
    connect(m_review, &QComboBox::currentIndexChanged, this, &FilterPanel::changed);
}

void FilterPanel::rebuild(const Workspace &workspace, const Curation *curation)
{
    // What the reviewer had chosen survives adding or removing runs (a run filter follows its run by name).
    const QTreeWidgetItem *current = m_categories->currentItem();
    const QString previousCategory = current ? current->data(0, kCategoryRole).toString() : QString();
    const QString previousSubCategory = current ? current->data(0, kSubCategoryRole).toString() : QString();
    const QString previousSource = m_sources->currentData().toString();
    const LabelChoice previousLabel = m_labels->currentData().value<LabelChoice>();

    const Dataset &dataset = workspace.dataset;
    QMap<QString, QMap<QString, int>> counts;
    QMap<QString, int> sources;
    const bool curated = curation && !curation->allEdits().isEmpty();
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &file = dataset.item(i);
        const Item item = curated && dataset.hasUniqueId(i) ? curation->curated(file) : file;
        ++counts[item.category][item.subCategory];
        if (!item.source.isEmpty())
            ++sources[item.source];
    }
    const QSignalBlocker treeBlocker(m_categories);
    m_categories->clear();
    auto *all = new QTreeWidgetItem(m_categories, {tr("All items"), QString::number(dataset.size())});
    for (auto category = counts.cbegin(); category != counts.cend(); ++category) {
        int total = 0;
        for (int n : *category)
            total += n;
        auto *node =
            new QTreeWidgetItem(all, {DisplayText::elided(category.key(), DisplayText::kName), QString::number(total)});
        node->setData(0, kCategoryRole, category.key());
        for (auto sub = category->cbegin(); sub != category->cend(); ++sub) {
            auto *leaf = new QTreeWidgetItem(
                node, {DisplayText::elided(sub.key(), DisplayText::kName), QString::number(sub.value())});
            leaf->setData(0, kCategoryRole, category.key());
            leaf->setData(0, kSubCategoryRole, sub.key());
        }
    }
    for (QTreeWidgetItem *node = all; node; node = m_categories->itemBelow(node))
        node->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    all->setExpanded(true);
    m_categories->setCurrentItem(all);
    for (QTreeWidgetItem *node = all; node; node = m_categories->itemBelow(node)) {
        if (!previousCategory.isEmpty() && node->data(0, kCategoryRole).toString() == previousCategory &&
            node->data(0, kSubCategoryRole).toString() == previousSubCategory) {
            m_categories->setCurrentItem(node);
            break;
        }
    }

    const QSignalBlocker sourceBlocker(m_sources);
    m_sources->clear();
    m_sources->addItem(tr("All sources"), QString());
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        m_sources->addItem(
            QStringLiteral("%1 (%2)").arg(DisplayText::elided(it.key(), DisplayText::kName)).arg(it.value()), it.key());
    m_sources->setCurrentIndex(std::max(0, m_sources->findData(previousSource)));

    using F = ItemQuery::LabelFilter;
    const QSignalBlocker labelBlocker(m_labels);
    m_labels->clear();
    auto add = [this](const QString &text, F filter, const QString &run = QString()) {
        LabelChoice choice;
        choice.filter = filter;
        choice.run = run;
        m_labels->addItem(text, QVariant::fromValue(choice));
    };
    add(tr("Any labels"), F::Any);
    add(tr("Any run unsafe"), F::AnyUnsafe);
    add(tr("Any run invalid"), F::AnyInvalid);
    add(tr("Runs disagree"), F::RunsDisagree);
    for (const Run &run : workspace.runs) {
        add(tr("%1 is unsafe").arg(run.name), F::RunUnsafe, run.name);
        add(tr("%1 is invalid").arg(run.name), F::RunInvalid, run.name);
        add(tr("%1 has no response").arg(run.name), F::RunMissing, run.name);
    }
    m_labels->setCurrentIndex(std::max(0, indexOfChoice(m_labels, previousLabel)));
    applyJudgeFiltersAllowed();
}

void FilterPanel::setJudgeFiltersAllowed(bool allowed)
{
    if (allowed == m_judgeFiltersAllowed)
        return;
    m_judgeFiltersAllowed = allowed;
    const int before = m_labels->currentIndex();
    {
        const QSignalBlocker blocker(m_labels);
        applyJudgeFiltersAllowed();
    }
    if (m_labels->currentIndex() != before)
        emit changed();
}

void FilterPanel::applyJudgeFiltersAllowed()
{
    auto *model = qobject_cast<QStandardItemModel *>(m_labels->model());
    if (!model)
        return;
    for (int i = 0; i < model->rowCount(); ++i) {
        const LabelChoice choice = m_labels->itemData(i).value<LabelChoice>();
        // Whether a run answered says nothing of its label; every other entry does.
        if (choice.filter == ItemQuery::LabelFilter::Any || choice.filter == ItemQuery::LabelFilter::RunMissing)
            continue;
        QStandardItem *item = model->item(i);
        item->setEnabled(m_judgeFiltersAllowed);
        item->setToolTip(m_judgeFiltersAllowed ? QString()
                                               : tr("Not in blind review: it would show what the judge said"));
        if (!m_judgeFiltersAllowed && m_labels->currentIndex() == i)
            m_labels->setCurrentIndex(0);
    }
}

void FilterPanel::addReview(const QString &text, const ReviewChoice &choice)
{
    m_review->addItem(text, QVariant::fromValue(choice));
}

bool FilterPanel::rebuildReview(const Project *project)
{
    const ReviewChoice previous = m_review->currentData().value<ReviewChoice>();
    const bool hadChoice = m_review->currentIndex() >= 0;
    const QString previousText = m_review->currentText();
    using F = ItemQuery::ReviewFilter;
    const QSignalBlocker blocker(m_review);
    m_review->clear();
    addReview(tr("Everything"), review(F::Any));
    addReview(tr("Not yet labelled by me"), review(F::Unreviewed));
    addReview(tr("Labelled by me"), review(F::Reviewed));
    addReview(tr("Judge ≠ human"), review(F::HumanDisagrees));
    addReview(tr("Text leaks the risk"), review(F::LeakFlagged));
    addReview(tr("Unsure about leakage"), review(F::LeakUnsure));
    addReview(tr("Leakage not checked by me"), review(F::LeakUnchecked));
    addReview(tr("Leak suspected by a judge, not checked by me"), review(F::LeakSuspected));
    addReview(tr("With a note by me"), review(F::HasNote));
    if (project) {
        for (const QString &annotator : project->annotations().annotators())
            addReview(tr("Work by %1").arg(annotator), review(F::ByAnnotator, annotator));
    }
    // A confusion-matrix cell chosen on the Agreement tab stays chosen.
    if (project && previous.filter == F::Confusion)
        addReview(previousText, previous);
    // Without a project there is nothing to review by: back to everything, or the list could stay empty.
    const int index = project ? std::max(0, indexOfChoice(m_review, previous)) : 0;
    m_review->setCurrentIndex(index);
    m_review->setEnabled(project != nullptr);
    return hadChoice && !(m_review->currentData().value<ReviewChoice>() == previous);
}

void FilterPanel::reset(int reviewIndex)
{
    const QSignalBlocker search(m_search);
    const QSignalBlocker tree(m_categories);
    const QSignalBlocker source(m_sources);
    const QSignalBlocker label(m_labels);
    const QSignalBlocker review(m_review);
    const QSignalBlocker curation(m_curation);
    m_search->clear();
    m_curation->setCurrentIndex(0);
    if (m_categories->topLevelItemCount() > 0)
        m_categories->setCurrentItem(m_categories->topLevelItem(0));
    m_sources->setCurrentIndex(0);
    m_labels->setCurrentIndex(0);
    m_review->setCurrentIndex(reviewIndex);
}

void FilterPanel::chooseConfusion(const QString &run, const QString &annotator, Label judge, Label human)
{
    using F = ItemQuery::ReviewFilter;
    // One entry stands for the chosen cell; a newer cell replaces it.
    for (int i = m_review->count() - 1; i >= 0; --i) {
        if (m_review->itemData(i).value<ReviewChoice>().filter == F::Confusion)
            m_review->removeItem(i);
    }
    addReview(tr("Judge %1, %2 %3 (%4)")
                  .arg(LabelStyle::name(judge), annotator.isEmpty() ? tr("people") : annotator, LabelStyle::name(human),
                       run.isEmpty() ? tr("all runs") : run),
              {F::Confusion, annotator, judge, human, run, {}});
    reset(m_review->count() - 1); // exactly the cell's responses: the other filters step aside
}

void FilterPanel::chooseTag(const QString &run, const QString &tag, const QString &category, const QString &subCategory)
{
    using F = ItemQuery::ReviewFilter;
    for (int i = m_review->count() - 1; i >= 0; --i) {
        if (m_review->itemData(i).value<ReviewChoice>().filter == F::Tagged)
            m_review->removeItem(i);
    }
    ReviewChoice choice{F::Tagged, {}, Label::Invalid, Label::Invalid, run, tag};
    addReview(tr("Tagged %1 (%2)")
                  .arg(tag.isEmpty() ? tr("with any tag") : QStringLiteral("“%1”").arg(tag),
                       run.isEmpty() ? tr("all runs") : run),
              choice);
    reset(m_review->count() - 1);
    if (category.isEmpty())
        return;
    const QSignalBlocker blocker(m_categories);
    for (QTreeWidgetItemIterator it(m_categories); *it; ++it) {
        if ((*it)->data(0, kCategoryRole).toString() == category &&
            (*it)->data(0, kSubCategoryRole).toString() == subCategory) {
            m_categories->setCurrentItem(*it);
            break;
        }
    }
}

ItemQuery FilterPanel::query(const QString &annotator, const QStringList &runNames) const
{
    ItemQuery query;
    if (const QTreeWidgetItem *node = m_categories->currentItem()) {
        query.category = node->data(0, kCategoryRole).toString();
        query.subCategory = node->data(0, kSubCategoryRole).toString();
    }
    query.source = m_sources->currentData().toString();
    query.text = m_search->text().trimmed();
    const LabelChoice label = m_labels->currentData().value<LabelChoice>();
    query.labelFilter = label.filter;
    query.run = label.run.isEmpty() ? -1 : runNames.indexOf(label.run);
    query.curationFilter = ItemQuery::CurationFilter(m_curation->currentData().toInt());
    const ReviewChoice review = m_review->currentData().value<ReviewChoice>();
    query.review = review.filter;
    if (review.filter == ItemQuery::ReviewFilter::Tagged) {
        query.tag = review.tag;
        query.anyTag = review.tag.isEmpty();
        query.tagRun = review.run;
        query.annotator = annotator;
    } else if (review.filter == ItemQuery::ReviewFilter::Confusion) {
        query.annotator = review.annotator; // empty: anyone
        query.judgeLabel = review.judge;
        query.humanLabel = review.human;
        query.confusionRun = review.run;
    } else {
        query.annotator = review.annotator.isEmpty() ? annotator : review.annotator;
    }
    return query;
}

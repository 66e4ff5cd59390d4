#include "layoutmemory.h"

#include "appsettings.h"

#include "widgets/itemtablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

namespace {

// The roles FilterPanel keeps a category node's names under.
constexpr int kCategoryRole = Qt::UserRole;
constexpr int kSubCategoryRole = Qt::UserRole + 1;

void chooseText(QComboBox *combo, const QString &text)
{
    const int index = text.isEmpty() ? -1 : combo->findText(text);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

// Like chooseText, but an entry that is not there (or none asked for) means the first, "all", entry.
void chooseTextOrAll(QComboBox *combo, const QString &text)
{
    const int index = text.isEmpty() ? -1 : combo->findText(text);
    combo->setCurrentIndex(std::max(index, 0));
}

// The item list's columns by name, so a saved sort survives runs being added or removed.
constexpr std::pair<int, const char *> kColumnNames[] = {{ItemTableModel::IdColumn, "id"},
                                                         {ItemTableModel::CategoryColumn, "category"},
                                                         {ItemTableModel::SubCategoryColumn, "sub_category"},
                                                         {ItemTableModel::SourceColumn, "source"},
                                                         {ItemTableModel::InstructionColumn, "instruction"}};
constexpr QLatin1StringView kRunPrefix("run:");

const ItemTableModel *itemModel(const QTableView *table)
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(table->model());
    return qobject_cast<const ItemTableModel *>(proxy ? proxy->sourceModel() : table->model());
}

QString columnName(const QTableView *table, int column)
{
    for (const auto &[number, name] : kColumnNames) {
        if (number == column)
            return QLatin1String(name);
    }
    const ItemTableModel *model = itemModel(table);
    const int run = ItemTableModel::runOfColumn(column);
    if (column >= ItemTableModel::FirstRunColumn && model && model->workspace() &&
        run < model->workspace()->runs.size())
        return kRunPrefix + model->workspace()->runs[run].name;
    return {};
}

int columnNumber(const QTableView *table, const QString &name)
{
    for (const auto &[number, columnName] : kColumnNames) {
        if (name == QLatin1String(columnName))
            return number;
    }
    const ItemTableModel *model = itemModel(table);
    if (!name.startsWith(kRunPrefix) || !model || !model->workspace())
        return -1;
    const QString run = name.mid(kRunPrefix.size());
    const QList<Run> &runs = model->workspace()->runs;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        if (runs[i].name == run)
            return ItemTableModel::FirstRunColumn + int(i);
    }
    return -1;
}

QTreeWidgetItem *findCategory(QTreeWidgetItem *node, const QString &category, const QString &subCategory)
{
    if (node->data(0, kCategoryRole).toString() == category &&
        node->data(0, kSubCategoryRole).toString() == subCategory)
        return node;
    for (int i = 0; i < node->childCount(); ++i) {
        if (QTreeWidgetItem *found = findCategory(node->child(i), category, subCategory))
            return found;
    }
    return nullptr;
}

} // namespace

LayoutMemory::LayoutMemory(const Widgets &widgets, QObject *parent) : QObject(parent), m_w(widgets) {}

void LayoutMemory::restoreWindow(QWidget *window)
{
    window->installEventFilter(this);
}

bool LayoutMemory::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        watched->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            m_w.mainSplitter->restoreState(AppSettings::mainSplitterState());
            m_w.pageSplitter->restoreState(AppSettings::pageSplitterState());
            // Only now: the splitters on the Review tab are laid out while that tab is shown.
            m_w.tabs->setCurrentIndex(std::clamp(AppSettings::lastTab(), 0, m_w.tabs->count() - 1));
        });
    }
    return QObject::eventFilter(watched, event);
}

bool LayoutMemory::restoreListOnce()
{
    if (std::exchange(m_listRestored, true))
        return false;
    const QStringList hidden = AppSettings::hiddenRuns();
    for (QAction *action : m_w.runs->actions()) {
        if (hidden.contains(action->text()))
            action->setChecked(false);
    }
    const AppSettings::ListFilters filters = AppSettings::listFilters();
    if (!filters.category.isEmpty()) {
        for (int i = 0; i < m_w.categories->topLevelItemCount(); ++i) {
            if (QTreeWidgetItem *node =
                    findCategory(m_w.categories->topLevelItem(i), filters.category, filters.subCategory)) {
                m_w.categories->setCurrentItem(node);
                break;
            }
        }
    }
    if (!filters.source.isEmpty()) {
        const int index = m_w.sources->findData(filters.source);
        if (index >= 0)
            m_w.sources->setCurrentIndex(index);
    }
    chooseText(m_w.labels, filters.label);
    chooseText(m_w.review, filters.review);
    m_w.search->setText(filters.search);
    return true;
}

void LayoutMemory::save(bool listShown) const
{
    AppSettings::setMainSplitterState(m_w.mainSplitter->saveState());
    AppSettings::setPageSplitterState(m_w.pageSplitter->saveState());
    AppSettings::setLastTab(m_w.tabs->currentIndex());
    if (!listShown)
        return;
    const SavedView view = currentView();
    AppSettings::setHiddenRuns(view.hiddenRuns);
    AppSettings::setListFilters({view.category, view.subCategory, view.source, view.label, view.review, view.search});
}

SavedView LayoutMemory::currentView() const
{
    SavedView view;
    for (const QAction *action : m_w.runs->actions()) {
        if (action->isCheckable() && !action->isChecked())
            view.hiddenRuns.append(action->text());
    }
    if (const QTreeWidgetItem *node = m_w.categories->currentItem()) {
        view.category = node->data(0, kCategoryRole).toString();
        view.subCategory = node->data(0, kSubCategoryRole).toString();
    }
    view.source = m_w.sources->currentData().toString();
    // The first entry of each list means "all": nothing to keep.
    view.label = m_w.labels->currentIndex() > 0 ? m_w.labels->currentText() : QString();
    view.review = m_w.review->currentIndex() > 0 ? m_w.review->currentText() : QString();
    view.search = m_w.search->text();
    if (m_w.table) {
        const QHeaderView *header = m_w.table->horizontalHeader();
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() >= 0) {
            view.sortColumn = columnName(m_w.table, header->sortIndicatorSection());
            view.descending = !view.sortColumn.isEmpty() && header->sortIndicatorOrder() == Qt::DescendingOrder;
        }
    }
    return view;
}

void LayoutMemory::applyView(const SavedView &view)
{
    for (QAction *action : m_w.runs->actions()) {
        if (action->isCheckable())
            action->setChecked(!view.hiddenRuns.contains(action->text()));
    }
    QTreeWidgetItem *category = m_w.categories->topLevelItem(0); // every item
    if (!view.category.isEmpty()) {
        for (int i = 0; i < m_w.categories->topLevelItemCount(); ++i) {
            if (QTreeWidgetItem *node =
                    findCategory(m_w.categories->topLevelItem(i), view.category, view.subCategory)) {
                category = node;
                break;
            }
        }
    }
    if (category)
        m_w.categories->setCurrentItem(category);
    m_w.sources->setCurrentIndex(std::max(0, view.source.isEmpty() ? 0 : m_w.sources->findData(view.source)));
    chooseTextOrAll(m_w.labels, view.label);
    chooseTextOrAll(m_w.review, view.review);
    m_w.search->setText(view.search);
    if (m_w.table) {
        const int column = view.sortColumn.isEmpty() ? -1 : columnNumber(m_w.table, view.sortColumn);
        m_w.table->sortByColumn(column, view.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
}

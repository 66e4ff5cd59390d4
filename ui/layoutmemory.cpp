#include "layoutmemory.h"

#include "appsettings.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
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
    QStringList hidden;
    for (const QAction *action : m_w.runs->actions()) {
        if (action->isCheckable() && !action->isChecked())
            hidden.append(action->text());
    }
    AppSettings::setHiddenRuns(hidden);
    AppSettings::ListFilters filters;
    if (const QTreeWidgetItem *node = m_w.categories->currentItem()) {
        filters.category = node->data(0, kCategoryRole).toString();
        filters.subCategory = node->data(0, kSubCategoryRole).toString();
    }
    filters.source = m_w.sources->currentData().toString();
    // The first entry of each list means "all": nothing to remember.
    filters.label = m_w.labels->currentIndex() > 0 ? m_w.labels->currentText() : QString();
    filters.review = m_w.review->currentIndex() > 0 ? m_w.review->currentText() : QString();
    filters.search = m_w.search->text();
    AppSettings::setListFilters(filters);
}

#pragma once

#include "app/project/savedviews.h"

#include <QObject>

class QComboBox;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeWidget;
class QWidget;

/// Remembers how the reviewer left the window: splitter sizes, the tab shown, the runs hidden from the list and the
/// list's filters, saved on close and put back on the next start (the filters once the first dataset is open).
class LayoutMemory : public QObject
{
    Q_OBJECT

public:
    struct Widgets
    {
        QSplitter *mainSplitter = nullptr;
        QSplitter *pageSplitter = nullptr;
        QTabWidget *tabs = nullptr;
        QMenu *runs = nullptr; ///< View › Show Runs: one checkable action per run, named after it
        QLineEdit *search = nullptr;
        QTreeWidget *categories = nullptr;
        QComboBox *sources = nullptr;
        QComboBox *labels = nullptr;
        QComboBox *review = nullptr;
        QTableView *table = nullptr; ///< the item list, sorted through an ItemFilterModel over an ItemTableModel
    };

    explicit LayoutMemory(const Widgets &widgets, QObject *parent = nullptr);

    /// The splitters and the tab as saved, once @p window is first shown at its size (sizes restored into a
    /// splitter not yet laid out get stretched with it).
    void restoreWindow(QWidget *window);
    /// Hidden runs and filters, as saved; only for the first dataset opened. True when it did.
    bool restoreListOnce();
    /// Saves everything; the runs and filters only when @p listShown (a dataset is open to describe them).
    void save(bool listShown) const;

    /// The list as it is now (filters, hidden runs, sort), as a view without a name.
    SavedView currentView() const;
    /// Puts the list as @p view describes it. What no longer exists (a run, a category, a list entry) is left at
    /// "all"; a default view shows everything in the list's own order.
    void applyView(const SavedView &view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Widgets m_w;
    bool m_listRestored = false;
};

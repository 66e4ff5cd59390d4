#pragma once

#include <QDialog>
#include <QHash>
#include <QStringList>

class QListWidget;
class QPushButton;

/// Edits a project's tag vocabulary: rename (double-click or F2), add, remove and reorder. The first nine tags get
/// the keys T 1 … T 9. Renames are tracked so that responses keep their tags under the new names.
class TagsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TagsDialog(const QStringList &names, QWidget *parent = nullptr);

    /// The names as edited, in key order (blank ones dropped).
    QStringList names() const;
    /// Old name → new name for every tag that was renamed.
    QHash<QString, QString> renamed() const;

private:
    void add();
    void removeCurrent();
    void move(int by);
    void updateButtons();

    QListWidget *m_list;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};

#include "tagsdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int kOriginalRole = Qt::UserRole; // the name the tag had when the dialog opened; empty for a new one

} // namespace

TagsDialog::TagsDialog(const QStringList &names, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_remove(new QPushButton(tr("&Remove"), this)),
      m_up(new QPushButton(tr("Move &Up"), this)), m_down(new QPushButton(tr("Move &Down"), this))
{
    setWindowTitle(tr("Edit Tags"));
    auto *hint = new QLabel(tr("Failure-mode tags of this project. The first nine have the keys T 1 … T 9.\n"
                               "Renaming a tag renames it on every response; a removed tag stays on the responses "
                               "that carry it."),
                            this);
    hint->setWordWrap(true);
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setData(kOriginalRole, name);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    auto *add = new QPushButton(tr("&Add"), this);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list);
    row->addLayout(buttons);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(row);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &TagsDialog::add);
    connect(m_remove, &QPushButton::clicked, this, &TagsDialog::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &TagsDialog::updateButtons);
    m_list->setCurrentRow(0);
    updateButtons();
}

QStringList TagsDialog::names() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString name = m_list->item(i)->text().simplified();
        if (!name.isEmpty())
            out.append(name);
    }
    return out;
}

QHash<QString, QString> TagsDialog::renamed() const
{
    QHash<QString, QString> out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString original = m_list->item(i)->data(kOriginalRole).toString();
        const QString name = m_list->item(i)->text().simplified();
        if (!original.isEmpty() && !name.isEmpty() && name != original)
            out.insert(original, name);
    }
    return out;
}

void TagsDialog::add()
{
    auto *item = new QListWidgetItem(tr("new tag"), m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->setCurrentItem(item);
    m_list->editItem(item);
}

void TagsDialog::removeCurrent()
{
    delete m_list->takeItem(m_list->currentRow());
    updateButtons();
}

void TagsDialog::move(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
}

void TagsDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

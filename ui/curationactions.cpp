#include "curationactions.h"

#include "duplicatesdialog.h"

#include "widgets/displaytext.h"

#include "app/session/reviewsession.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The values a field has across the dataset, curated, for the combo boxes' lists.
QStringList valuesOf(const Workspace &ws, const Curation &curation, ItemField field)
{
    QSet<QString> values;
    for (qsizetype i = 0; i < ws.dataset.size(); ++i) {
        const Item &item = ws.dataset.item(i);
        values.insert(ws.dataset.hasUniqueId(i) ? curation.value(item, field) : item.text(field));
    }
    values.remove(QString());
    QStringList sorted(values.cbegin(), values.cend());
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    return sorted;
}

QComboBox *editableCombo(const QStringList &values, const QString &current, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(values);
    combo->setCurrentText(current);
    return combo;
}

QComboBox *reasonCombo(const QStringList &reasons, QWidget *parent)
{
    QComboBox *combo = editableCombo(reasons, QString(), parent);
    combo->setObjectName(QStringLiteral("curationReason"));
    combo->lineEdit()->setPlaceholderText(QObject::tr("Why (kept in the project's history)"));
    return combo;
}

const QStringList kEditReasons{QObject::tr("wrong category"), QObject::tr("text leaks the image's risk"),
                               QObject::tr("typo"), QObject::tr("unclear instruction"),
                               QObject::tr("description does not match the image")};

} // namespace

CurationActions::CurationActions(ReviewSession *session, QMenu *menu, Items items, QWidget *window)
    : QObject(window), m_session(session), m_items(std::move(items)), m_window(window)
{
    auto add = [&](const QString &text, const QString &name, const QKeySequence &key, const QString &tip,
                   void (CurationActions::*slot)()) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    add(tr("&Edit Item…"), QStringLiteral("actionEditItem"), QKeySequence(Qt::Key_F2),
        tr("Edit the item's instruction, category, sub-category, source, image description and safety reason in the "
           "curated data (the data file is not changed)"),
        &CurationActions::editItem);
    menu->addSeparator();
    add(tr("E&xclude Items…"), QStringLiteral("actionExcludeItems"), QKeySequence(Qt::Key_X),
        tr("Leave the selected items out of the curated data and its scores, with a reason"),
        &CurationActions::exclude);
    add(tr("&Restore Items"), QStringLiteral("actionRestoreItems"), QKeySequence(Qt::SHIFT | Qt::Key_X),
        tr("Take excluded items back into the curated data"), &CurationActions::restore);
    add(tr("&Move Items…"), QStringLiteral("actionMoveItems"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
        tr("Move the selected items to another category or sub-category, or set their source: one step"),
        &CurationActions::moveItems);
    add(tr("Find &Duplicates…"), QStringLiteral("actionFindDuplicates"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        tr("Items that share an image file, have the same or a nearly identical image, or the same instruction"),
        &CurationActions::findDuplicates);
    menu->addSeparator();
    const std::tuple<QString, QString, QKeySequence, CurationStatus> statuses[] = {
        {tr("Mark &Checked"), QStringLiteral("actionMarkChecked"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         CurationStatus::Checked},
        {tr("Mark Needs &Fix"), QStringLiteral("actionMarkNeedsFix"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
         CurationStatus::NeedsFix},
        {tr("Mark &Unchecked"), QStringLiteral("actionMarkUnchecked"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
         CurationStatus::Unchecked}};
    for (const auto &[text, name, key, status] : statuses) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [this, s = status] { setStatus(s); });
        m_actions.append(action);
    }
    add(tr("C&omment on Item…"), QStringLiteral("actionCommentItem"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        tr("A curator's comment on the item, shown beside its curation status (what needs fixing, and why)"),
        &CurationActions::comment);
    update();
}

QStringList CurationActions::exclusionReasons()
{
    return {tr("text leaks the image's risk"), tr("duplicate of #"), tr("image does not show the risk"),
            tr("wrong category"), tr("other: ")};
}

void CurationActions::update()
{
    const Project *project = m_session->project();
    const bool on = project && !project->isReadOnly() && project->formatVersion() >= 5 && m_session->workspace();
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(on);
}

void CurationActions::report(bool ok, const QString &done, const QString &errorText)
{
    if (ok)
        emit status(done, 6000);
    else
        emit failed(tr("Not saved: %1").arg(errorText));
}

QList<qsizetype> CurationActions::chooseItems(const QString &what)
{
    QList<qsizetype> selected = m_items.selected();
    if (selected.size() > 1)
        return selected;
    const QList<qsizetype> filtered = m_items.filtered();
    const qsizetype current = m_items.current();
    const auto &ws = m_session->workspace();
    if (ws && filtered.size() > 1 && filtered.size() < ws->dataset.size()) {
        QMessageBox box(
            QMessageBox::Question, what,
            tr("%1 the current item only, or all %2 items the filters show?").arg(what).arg(filtered.size()),
            QMessageBox::Cancel, m_window);
        QPushButton *one = box.addButton(tr("Current Item"), QMessageBox::AcceptRole);
        QPushButton *all = box.addButton(tr("All %1 Items").arg(filtered.size()), QMessageBox::AcceptRole);
        box.setDefaultButton(one);
        box.exec();
        if (box.clickedButton() == all)
            return filtered;
        if (box.clickedButton() != one)
            return {};
    }
    return current >= 0 ? QList<qsizetype>{current} : QList<qsizetype>{};
}

void CurationActions::editItem()
{
    const auto &ws = m_session->workspace();
    const qsizetype index = m_items.current();
    if (!ws || index < 0)
        return;
    const Item &file = ws->dataset.item(index);
    const Curation &curation = m_session->curation();
    const Item shown = curation.curated(file);

    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("itemEditDialog"));
    dialog.setWindowTitle(tr("Edit Item #%1").arg(file.instructionId));
    auto *layout = new QVBoxLayout(&dialog);
    auto *note = new QLabel(tr("Edits go into the project, with your name, the time and the reason; the data file is "
                               "not changed. ↺ gives a field back the data file's value."),
                            &dialog);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    struct Editor
    {
        ItemField field;
        QWidget *widget;
        std::function<QString()> text;
        std::function<void(const QString &)> setText;
        QString initial; ///< the text as the editor first showed it (a text box may have normalised line ends)
    };
    QList<Editor> editors;
    const ItemField fields[] = {ItemField::Instruction, ItemField::Category,         ItemField::SubCategory,
                                ItemField::Source,      ItemField::ImageDescription, ItemField::SafetyReason};
    for (const ItemField field : fields) {
        Editor e{field, nullptr, {}, {}, {}};
        if (field == ItemField::Category || field == ItemField::SubCategory || field == ItemField::Source) {
            QComboBox *combo = editableCombo(valuesOf(*ws, curation, field), shown.text(field), &dialog);
            e.widget = combo;
            e.text = [combo] { return combo->currentText(); };
            e.setText = [combo](const QString &t) { combo->setCurrentText(t); };
        } else {
            auto *edit = new QPlainTextEdit(shown.text(field), &dialog);
            edit->setTabChangesFocus(true);
            edit->setMinimumWidth(520);
            edit->setFixedHeight(field == ItemField::Instruction ? 60 : 80);
            e.widget = edit;
            e.text = [edit] { return edit->toPlainText(); };
            e.setText = [edit](const QString &t) { edit->setPlainText(t); };
        }
        e.widget->setObjectName(QStringLiteral("edit_") + Item::fieldKey(field));
        e.initial = e.text();
        const QString original = file.text(field);
        e.widget->setToolTip(
            tr("The data file has: %1")
                .arg(original.isEmpty() ? tr("(nothing)") : DisplayText::elided(original, DisplayText::kName)));
        auto *row = new QHBoxLayout;
        row->addWidget(e.widget, 1);
        auto *reset = new QToolButton(&dialog);
        reset->setText(QStringLiteral("↺"));
        reset->setToolTip(tr("Back to the data file's value"));
        connect(reset, &QToolButton::clicked, &dialog, [set = e.setText, original] { set(original); });
        row->addWidget(reset);
        // An edited field says so beside its name.
        const bool edited = curation.edit(file.instructionId, field) != nullptr;
        auto *name = new QLabel(edited ? tr("%1 ✎").arg(Item::fieldKey(field)) : Item::fieldKey(field), &dialog);
        if (edited)
            name->setToolTip(
                tr("Edited: the data file has “%1”").arg(DisplayText::elided(original, DisplayText::kName)));
        form->addRow(name, row);
        editors.append(e);
    }
    QComboBox *reason = reasonCombo(kEditReasons, &dialog);
    form->addRow(tr("Reason"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *save = new QAction(&dialog);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(save, &QAction::triggered, &dialog, &QDialog::accept);
    dialog.addAction(save);
    editors.first().widget->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    QMap<ItemField, QString> changed;
    for (const Editor &e : std::as_const(editors)) {
        // Only what the curator changed: a text box that merely normalised the value's line ends is no edit.
        const QString value = e.text();
        if (value != e.initial)
            changed.insert(e.field, value);
    }
    if (changed.isEmpty()) {
        emit status(tr("Nothing changed."), 3000);
        return;
    }
    FileError error;
    const bool ok = m_session->editItem(index, changed, reason->currentText().trimmed(), &error);
    QStringList names;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        names.append(Item::fieldKey(it.key()));
    report(
        ok,
        tr("Item %1: %2 edited (Ctrl+Z takes it back).").arg(file.instructionId).arg(names.join(QStringLiteral(", "))),
        error.toString());
}

void CurationActions::exclude()
{
    const QList<qsizetype> items = chooseItems(tr("Exclude"));
    if (items.isEmpty())
        return;
    QInputDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("excludeDialog"));
    dialog.setWindowTitle(tr("Exclude Items"));
    dialog.setLabelText(tr("Why leave %n item(s) out of the curated data?", nullptr, int(items.size())));
    dialog.setComboBoxItems(exclusionReasons());
    dialog.setComboBoxEditable(true);
    const bool ok = dialog.exec() == QDialog::Accepted;
    const QString reason = dialog.textValue().trimmed();
    if (!ok)
        return;
    if (reason.isEmpty() || reason == tr("other:") || reason == tr("duplicate of #")) {
        emit failed(tr("An item is excluded for a reason: say which (for a duplicate, which item it repeats)."));
        return;
    }
    FileError error;
    report(m_session->setItemsExcluded(items, true, reason, &error),
           tr("Excluded %n item(s): %1 (Ctrl+Z takes it back).", nullptr, int(items.size())).arg(reason),
           error.toString());
}

void CurationActions::restore()
{
    const QList<qsizetype> items = chooseItems(tr("Restore"));
    if (items.isEmpty())
        return;
    FileError error;
    report(m_session->setItemsExcluded(items, false, tr("restored"), &error),
           tr("Restored %n item(s).", nullptr, int(items.size())), error.toString());
}

void CurationActions::moveItems()
{
    const auto &ws = m_session->workspace();
    if (!ws)
        return;
    const QList<qsizetype> items = chooseItems(tr("Move"));
    if (items.isEmpty())
        return;
    const Curation &curation = m_session->curation();
    const QString keep = tr("(keep each item's own)");
    // A field's value where every item shares it, else "keep": nothing is set that the curator did not choose.
    auto shared = [&](ItemField field) {
        const QString first = curation.value(ws->dataset.item(items.first()), field);
        for (qsizetype item : items) {
            if (curation.value(ws->dataset.item(item), field) != first)
                return keep;
        }
        return first;
    };
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("moveItemsDialog"));
    dialog.setWindowTitle(tr("Move %n Item(s)", nullptr, int(items.size())));
    auto *form = new QFormLayout(&dialog);
    QComboBox *category = editableCombo(QStringList{keep} + valuesOf(*ws, curation, ItemField::Category),
                                        shared(ItemField::Category), &dialog);
    category->setObjectName(QStringLiteral("moveCategory"));
    QComboBox *sub = editableCombo(QStringList{keep} + valuesOf(*ws, curation, ItemField::SubCategory),
                                   shared(ItemField::SubCategory), &dialog);
    sub->setObjectName(QStringLiteral("moveSubCategory"));
    QComboBox *source = editableCombo(QStringList{keep} + valuesOf(*ws, curation, ItemField::Source), keep, &dialog);
    source->setObjectName(QStringLiteral("moveSource"));
    QComboBox *reason = reasonCombo(kEditReasons, &dialog);
    reason->setCurrentText(tr("wrong category"));
    form->addRow(tr("Category"), category);
    form->addRow(tr("Sub-category"), sub);
    form->addRow(tr("Source"), source);
    form->addRow(tr("Reason"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Move"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QMap<ItemField, QString> values;
    const std::pair<ItemField, QComboBox *> fields[] = {
        {ItemField::Category, category}, {ItemField::SubCategory, sub}, {ItemField::Source, source}};
    for (const auto &[field, combo] : fields) {
        if (combo->currentText() != keep && !combo->currentText().trimmed().isEmpty())
            values.insert(field, combo->currentText().trimmed());
    }
    if (values.isEmpty())
        return;
    // One step for all of it: every field of every item.
    FileError error;
    const bool ok = m_session->setItemsFields(items, values, reason->currentText().trimmed(), &error);
    report(ok, tr("Moved %n item(s) (Ctrl+Z takes the whole move back).", nullptr, int(items.size())),
           error.toString());
}

void CurationActions::setStatus(CurationStatus status)
{
    const qsizetype current = m_items.current();
    QList<qsizetype> items = m_items.selected();
    if (items.size() <= 1)
        items = current >= 0 ? QList<qsizetype>{current} : QList<qsizetype>{};
    if (items.isEmpty())
        return;
    FileError error;
    report(m_session->setItemsStatus(items, status, &error),
           tr("%n item(s) marked %1.", nullptr, int(items.size())).arg(curationStatusKey(status)), error.toString());
}

void CurationActions::comment()
{
    const qsizetype item = m_items.current();
    const auto &workspace = m_session->workspace();
    if (item < 0 || !workspace || item >= workspace->dataset.size())
        return;
    const qint64 id = workspace->dataset.item(item).instructionId;
    const ItemComment *current = m_session->curation().comment(id);
    QInputDialog dialog(m_window);
    dialog.setWindowTitle(tr("Comment on Item %1").arg(id));
    dialog.setLabelText(tr("A comment for the curators, kept beside the item's curation status (empty: none). "
                           "Ctrl+Return saves."));
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setTextValue(current ? current->text : QString());
    // As in Edit Item: Ctrl+Return saves, and Tab moves on to the buttons instead of typing a tab.
    if (auto *edit = dialog.findChild<QPlainTextEdit *>())
        edit->setTabChangesFocus(true);
    auto *save = new QAction(&dialog);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(save, &QAction::triggered, &dialog, &QDialog::accept);
    dialog.addAction(save);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString text = dialog.textValue();
    FileError error;
    report(m_session->setItemComment(item, text, &error),
           text.trimmed().isEmpty() ? tr("Comment on item %1 removed.").arg(id)
                                    : tr("Comment on item %1 saved.").arg(id),
           error.toString());
}

void CurationActions::findDuplicates()
{
    if (!m_session->workspace())
        return;
    if (m_duplicates) {
        m_duplicates->raise();
        m_duplicates->activateWindow();
        return;
    }
    auto *dialog = new DuplicatesDialog(m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicatesDialog::status, this, &CurationActions::status);
    connect(dialog, &DuplicatesDialog::itemActivated, this, [this](qsizetype item) {
        if (const auto &ws = m_session->workspace(); ws && item >= 0 && item < ws->dataset.size())
            emit itemRequested(ws->dataset.item(item).instructionId);
    });
    // A new dataset makes its groups meaningless.
    connect(m_session, &ReviewSession::workspaceChanged, dialog, &QDialog::close);
    m_duplicates = dialog;
    dialog->show();
}

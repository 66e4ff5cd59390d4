#include "app/model/curation.h"

QString curationStatusKey(CurationStatus status)
{
    switch (status) {
    case CurationStatus::Unchecked:
        return QStringLiteral("unchecked");
    case CurationStatus::Checked:
        return QStringLiteral("checked");
    case CurationStatus::NeedsFix:
        return QStringLiteral("needs_fix");
    }
    return {};
}

bool parseCurationStatus(QStringView key, CurationStatus *status)
{
    for (CurationStatus s : {CurationStatus::Unchecked, CurationStatus::Checked, CurationStatus::NeedsFix}) {
        if (key == curationStatusKey(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

bool Curation::isEditable(ItemField field)
{
    switch (field) {
    case ItemField::Instruction:
    case ItemField::Category:
    case ItemField::SubCategory:
    case ItemField::Source:
    case ItemField::ImageDescription:
    case ItemField::SafetyReason:
        return true;
    case ItemField::InstructionId: // names the item: annotations refer to it
    case ItemField::ImagePath:     // names a file: edits may not point the data elsewhere
    case ItemField::Count:
        break;
    }
    return false;
}

ItemField Curation::editableField(QStringView key)
{
    for (int f = 0; f < int(ItemField::Count); ++f) {
        if (isEditable(ItemField(f)) && key == Item::fieldKey(ItemField(f)))
            return ItemField(f);
    }
    return ItemField::Count;
}

const FieldEdit *Curation::edit(qint64 item, ItemField field) const
{
    const auto it = m_edits.constFind(item);
    if (it == m_edits.cend())
        return nullptr;
    const auto edit = it->constFind(field);
    return edit == it->cend() ? nullptr : &*edit;
}

void Curation::setEdit(qint64 item, ItemField field, const FieldEdit &edit)
{
    m_edits[item].insert(field, edit);
}

void Curation::clearEdit(qint64 item, ItemField field)
{
    const auto it = m_edits.find(item);
    if (it == m_edits.end())
        return;
    it->remove(field);
    if (it->isEmpty())
        m_edits.erase(it);
}

const Exclusion *Curation::exclusion(qint64 item) const
{
    const auto it = m_exclusions.constFind(item);
    return it == m_exclusions.cend() ? nullptr : &*it;
}

void Curation::setStatus(qint64 item, CurationStatus status)
{
    if (status == CurationStatus::Unchecked)
        m_statuses.remove(item);
    else
        m_statuses.insert(item, status);
}

Item Curation::curated(const Item &item) const
{
    const auto it = item.has(ItemField::InstructionId) ? m_edits.constFind(item.instructionId) : m_edits.cend();
    if (it == m_edits.cend())
        return item;
    Item out = item;
    for (auto edit = it->cbegin(); edit != it->cend(); ++edit) {
        out.setText(edit.key(), edit->value);
        // A field the file held with the wrong type is now a string: its verbatim copy goes.
        const QString key = Item::fieldKey(edit.key());
        out.rawFields.removeIf([&](const RawField &raw) { return raw.key == key; });
    }
    return out;
}

QString Curation::value(const Item &item, ItemField field) const
{
    if (item.has(ItemField::InstructionId)) {
        if (const FieldEdit *e = edit(item.instructionId, field))
            return e->value;
    }
    return item.text(field);
}

qsizetype Curation::statusCount(CurationStatus status, qsizetype itemCount) const
{
    qsizetype n = 0;
    for (CurationStatus s : m_statuses)
        n += s == status;
    return status == CurationStatus::Unchecked ? itemCount - m_statuses.size() : n;
}

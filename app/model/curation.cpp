#include "app/model/curation.h"

#include "app/model/dataset.h"

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

void Curation::setStatus(qint64 item, CurationStatus status, const QString &annotator, const QString &time)
{
    if (status == CurationStatus::Unchecked) {
        m_statuses.remove(item);
        m_statusBy.remove(item);
    } else {
        m_statuses.insert(item, status);
        m_statusBy.insert(item, {annotator, time});
    }
}

const ItemComment *Curation::comment(qint64 item) const
{
    const auto it = m_comments.constFind(item);
    return it == m_comments.cend() ? nullptr : &*it;
}

void Curation::setComment(qint64 item, const ItemComment &comment)
{
    if (comment.text.isEmpty())
        m_comments.remove(item);
    else
        m_comments.insert(item, comment);
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

// Dataset::curated lives here, beside the curation it applies (Dataset itself is a header-only value).
Dataset Dataset::curated(const Curation &curation, QList<qsizetype> *newIndex) const
{
    Dataset out;
    out.m_filePath = m_filePath;
    out.m_imageRoot = m_imageRoot;
    out.m_keyLayouts = m_keyLayouts;
    out.m_loadProblems = m_loadProblems;
    out.m_duplicateIds = m_duplicateIds;
    out.m_items.reserve(m_items.size());
    if (newIndex)
        newIndex->fill(-1, m_items.size());
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const bool curatable = hasUniqueId(i);
        if (curatable && curation.isExcluded(m_items[i].instructionId))
            continue;
        if (newIndex)
            (*newIndex)[i] = out.m_items.size();
        if (m_items[i].has(ItemField::InstructionId) && !out.m_indexById.contains(m_items[i].instructionId))
            out.m_indexById.insert(m_items[i].instructionId, out.m_items.size());
        out.m_items.append(curatable ? curation.curated(m_items[i]) : m_items[i]);
    }
    return out;
}

Workspace curatedWorkspace(const Workspace &workspace, const Curation &curation)
{
    if (curation.allEdits().isEmpty() && curation.allExclusions().isEmpty())
        return workspace;
    Workspace out = workspace;
    QList<qsizetype> newIndex;
    out.dataset = workspace.dataset.curated(curation, &newIndex);
    for (RunMatch &match : out.matches) {
        QList<qsizetype> recordOfItem(out.dataset.size(), -1);
        for (qsizetype r = 0; r < match.itemOfRecord.size(); ++r) {
            const qsizetype item = match.itemOfRecord[r];
            if (item < 0)
                continue;
            const qsizetype moved = item < newIndex.size() ? newIndex[item] : -1;
            match.itemOfRecord[r] = moved;
            if (moved < 0) {
                ++match.excluded;
                --match.matched;
            } else {
                recordOfItem[moved] = r;
            }
        }
        match.recordOfItem = recordOfItem;
    }
    return out;
}

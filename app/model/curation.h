#pragma once

#include "app/model/item.h"
#include "app/model/workspace.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

/// Where a curator left an item: not looked at yet, looked at and fine, or needing a fix.
enum class CurationStatus : quint8 { Unchecked = 0, Checked = 1, NeedsFix = 2 };

/// @p workspace as curated: its dataset curated (Dataset::curated()), each run's responses to excluded items left
/// unmatched and counted in RunMatch::excluded. Scores computed on it follow the curated categories, and excluded
/// items leave every denominator.
Workspace curatedWorkspace(const Workspace &workspace, const Curation &curation);

/// "unchecked", "checked", "needs_fix".
QString curationStatusKey(CurationStatus status);
bool parseCurationStatus(QStringView key, CurationStatus *status);

/// One curator's change of one field of an item: the value it has now in the curated data, who set it, when, why.
struct FieldEdit
{
    QString value;
    QString annotator;
    QString time;
    QString reason;
    bool operator==(const FieldEdit &) const = default;
};

/// An item left out of the curated data, with the reason ("text leaks the image's risk", "duplicate of #12", ...).
struct Exclusion
{
    QString reason;
    QString annotator;
    QString time;
    bool operator==(const Exclusion &) const = default;
};

/// A curator's comment on an item, kept beside its curation status ("the sign is cropped; ask for a new picture").
/// One per item: whoever writes it replaces the previous one, which stays in the history.
struct ItemComment
{
    QString text;
    QString annotator;
    QString time;
    bool operator==(const ItemComment &) const = default;
};

/// The curation layer of a project: edits of items' fields, exclusions and curation statuses, by instruction_id.
/// The data file itself is never changed; the curated dataset is the file's items with this layer applied. A value:
/// copies are cheap and can be read on workers.
class Curation
{
public:
    /// The fields a curator may edit: text fields whose values are strings in the benchmark's schema.
    static bool isEditable(ItemField field);
    /// The editable field named by its JSON key ("sub_category"), or ItemField::Count.
    static ItemField editableField(QStringView key);

    /// The edit of @p field of @p item, or nullptr when the field keeps the data file's value.
    const FieldEdit *edit(qint64 item, ItemField field) const;
    /// Every edited field of an item, by field.
    QMap<ItemField, FieldEdit> edits(qint64 item) const { return m_edits.value(item); }
    /// Sets the field to @p edit.value in the curated data; clearEdit() gives it back its value from the file.
    void setEdit(qint64 item, ItemField field, const FieldEdit &edit);
    void clearEdit(qint64 item, ItemField field);

    const Exclusion *exclusion(qint64 item) const;
    bool isExcluded(qint64 item) const { return m_exclusions.contains(item); }
    void setExcluded(qint64 item, const Exclusion &exclusion) { m_exclusions.insert(item, exclusion); }
    void restore(qint64 item) { m_exclusions.remove(item); }

    CurationStatus status(qint64 item) const { return m_statuses.value(item, CurationStatus::Unchecked); }
    /// Who set the item's status and when (empty while it is unchecked).
    QPair<QString, QString> statusBy(qint64 item) const { return m_statusBy.value(item); }
    void setStatus(qint64 item, CurationStatus status, const QString &annotator = {}, const QString &time = {});

    /// The item's comment, or nullptr when it has none.
    const ItemComment *comment(qint64 item) const;
    /// Sets the comment; an empty text removes it.
    void setComment(qint64 item, const ItemComment &comment);

    /// @p item with the edits of its instruction_id applied (an item without a unique id is returned as it is).
    Item curated(const Item &item) const;
    /// The curated value of a text field of @p item.
    QString value(const Item &item, ItemField field) const;

    bool isEmpty() const
    {
        return m_edits.isEmpty() && m_exclusions.isEmpty() && m_statuses.isEmpty() && m_comments.isEmpty();
    }
    qsizetype editedItemCount() const { return m_edits.size(); }
    qsizetype excludedCount() const { return m_exclusions.size(); }
    /// How many items have each status (Unchecked counts the items of @p itemCount without one).
    qsizetype statusCount(CurationStatus status, qsizetype itemCount) const;

    const QHash<qint64, QMap<ItemField, FieldEdit>> &allEdits() const { return m_edits; }
    const QHash<qint64, Exclusion> &allExclusions() const { return m_exclusions; }
    const QHash<qint64, CurationStatus> &allStatuses() const { return m_statuses; }
    const QHash<qint64, ItemComment> &allComments() const { return m_comments; }

private:
    QHash<qint64, QMap<ItemField, FieldEdit>> m_edits;
    QHash<qint64, Exclusion> m_exclusions;
    QHash<qint64, CurationStatus> m_statuses;
    QHash<qint64, QPair<QString, QString>> m_statusBy; ///< annotator, time
    QHash<qint64, ItemComment> m_comments;
};

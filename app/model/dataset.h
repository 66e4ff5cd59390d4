#pragma once

#include "app/base/problem.h"
#include "app/model/imagepath.h"
#include "app/model/item.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class Curation;

/// A loaded VLSBench data file: its items in file order, and what the loader noticed on the way.
class Dataset
{
public:
    /// The data file this dataset was read from.
    QString filePath() const { return m_filePath; }
    /// The folder that image paths resolve against: the data file's folder unless set otherwise.
    QString imageRoot() const { return m_imageRoot; }
    void setImageRoot(const QString &root) { m_imageRoot = root; }

    qsizetype size() const { return m_items.size(); }
    const Item &item(qsizetype index) const { return m_items[index]; }
    const QList<Item> &items() const { return m_items; }

    /// Position of the first item with @p instructionId, or -1.
    qsizetype indexOfId(qint64 instructionId) const { return m_indexById.value(instructionId, -1); }
    /// True when the item has an instruction_id that no other item shares: only such items can carry annotations,
    /// which name items by that id.
    bool hasUniqueId(qsizetype index) const
    {
        const Item &item = m_items[index];
        return item.has(ItemField::InstructionId) && !m_duplicateIds.contains(item.instructionId);
    }
    /// Distinct key orders seen in the file; Item::keyLayout indexes this.
    const QList<QStringList> &keyLayouts() const { return m_keyLayouts; }
    /// Entries the loader could not use as items (for example a number where an object belongs).
    const QList<Problem> &loadProblems() const { return m_loadProblems; }

    /// The curated dataset: every item with its edits applied, excluded items left out. @p newIndex (if set)
    /// receives, for each item of this dataset, its index in the result, or -1 when it was excluded.
    Dataset curated(const Curation &curation, QList<qsizetype> *newIndex = nullptr) const;

    /// The item's image inside imageRoot(), refusing paths that leave it.
    ImagePath::Resolved resolveImage(const Item &item) const { return ImagePath::resolve(m_imageRoot, item.imagePath); }

private:
    friend class DatasetLoader;

    QString m_filePath;
    QString m_imageRoot;
    QList<Item> m_items;
    QHash<qint64, qsizetype> m_indexById;
    QSet<qint64> m_duplicateIds;
    QList<QStringList> m_keyLayouts;
    QList<Problem> m_loadProblems;
};

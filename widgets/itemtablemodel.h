#pragma once

#include "app/model/annotations.h"
#include "app/model/curation.h"
#include "app/model/workspace.h"

#include <QAbstractTableModel>

#include <memory>

/// The item list: one row per dataset item in instruction_id order, one label column per run.
/// Reads the shared workspace directly: no per-row objects, so 100,000 items cost one index list.
class ItemTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, CategoryColumn, SubCategoryColumn, SourceColumn, InstructionColumn, FirstRunColumn };
    enum Role {
        ItemIndexRole = Qt::UserRole, ///< the item's index in the dataset
        LabelRole,                    ///< run columns: int(Label), -1 without a response, kHidden in blind review
        SortRole,                     ///< a value that sorts naturally (numbers as numbers)
        HumanLabelRole,               ///< run columns: int(Label) of the annotator's own label, or -1
        LeakRole,                     ///< id column: int(LeakVerdict) of the annotator's leak flag
        NoteRole                      ///< id column: the annotator's notes on the item, one "where: note" a line
    };

    explicit ItemTableModel(QObject *parent = nullptr);

    void setWorkspace(std::shared_ptr<const Workspace> workspace);
    const std::shared_ptr<const Workspace> &workspace() const { return m_workspace; }

    /// Human labels and leak flags to show beside the judge's, as given by @p annotator. The annotations are read
    /// in place (they belong to the open project); call annotationChanged() after each change.
    void setAnnotations(const Annotations *annotations, const QString &annotator);
    /// Repaints the row of the item with @p instructionId.
    void annotationChanged(qint64 instructionId);
    /// The project's curation: text columns show the curated values (an edited one in italics, the file's value in
    /// its tooltip), and excluded items are struck through. Read in place; call annotationChanged() after a change.
    void setCuration(const Curation *curation);
    /// Blind review: a run's judge label is not shown (nor sorted by) until the annotator has labelled the response.
    void setBlind(bool blind);
    bool isBlind() const { return m_blind; }
    /// LabelRole of a response whose judge label blind review hides.
    static constexpr int kHidden = -2;

    /// The row showing dataset item @p item, or -1.
    int rowOfItem(qsizetype item) const;
    qsizetype itemAtRow(int row) const { return m_items.value(row, -1); }
    static int runOfColumn(int column) { return column - FirstRunColumn; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Marks the id of an item the annotator wrote a note on.
    static constexpr QChar kNoteMark = QChar(0x270E);

private:
    /// The annotator's notes on @p item (each response's, then the leak note), each cut to @p max characters.
    QStringList notes(const Item &item, qsizetype max) const;

    std::shared_ptr<const Workspace> m_workspace;
    QList<qsizetype> m_items; ///< dataset index per row
    QList<int> m_rowOfItem;
    int m_runCount = 0;
    const Annotations *m_annotations = nullptr;
    const Curation *m_curation = nullptr;
    QString m_annotator;
    bool m_blind = false;
};

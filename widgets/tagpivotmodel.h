#pragma once

#include "app/stats/tagpivot.h"

#include <QAbstractTableModel>

#include <optional>

/// The failure-mode tag pivot table: one column per run (and one for every run), each cell the responses that carry
/// a tag out of the responses in its row's group, with the share. Rows are either the categories (with a total row
/// first, and a category's sub-categories when one is chosen) for one tag or any tag, or the tags (with "any tag"
/// first) within every category or one.
class TagPivotModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// What the rows are.
    enum class Rows : quint8 { Categories, Tags };
    /// The name column; the runs follow, then "All runs" when there is more than one run.
    enum Column { NameColumn, FirstRunColumn };
    enum Role {
        CountRole = Qt::UserRole, ///< responses that carry the tag
        DenominatorRole,          ///< the responses the count is out of
        ShareRole,                ///< the count in percent of the denominator; no value when it is 0
        TotalRowRole,             ///< true on the first row: every category, or any tag
        CategoryRole,             ///< the row's category; no value on the every-category total
        SubCategoryRole,          ///< the row's sub-category; no value on category rows
        TagRole,                  ///< the tag counted; empty for any tag
        RunRole,                  ///< the column's run; empty for every run
    };

    using QAbstractTableModel::QAbstractTableModel;

    /// Shows @p pivot; the table keeps its rows and columns (and moves only figures) when they stay the same.
    void setPivot(const TagPivot &pivot);
    const TagPivot &pivot() const { return m_pivot; }

    void setRows(Rows rows);
    Rows rows() const { return m_rows; }
    /// Within @p category only (no value: every category); in category rows, its sub-categories become the rows.
    void setCategory(const std::optional<QString> &category);
    std::optional<QString> category() const { return m_category; }
    /// The tag counted in category rows; empty: any tag.
    void setTag(const QString &tag);
    QString tag() const { return m_tag; }
    void setBasis(TagPivot::Basis basis);
    TagPivot::Basis basis() const { return m_basis; }

    /// The run column @p column shows (-1: every run), or -2 for the name column.
    int runOfColumn(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        TagPivot::Group group;
        QString tag;
        bool total = false;
        bool operator==(const Row &other) const
        {
            return name == other.name && tag == other.tag && total == other.total;
        }
    };
    /// Rebuilds the rows from the pivot and the choices: in place when they keep their names, reset otherwise.
    void update();
    QList<Row> buildRows() const;
    QString basisText() const;
    /// The largest share among the cells that are not totals, for the cells' tint.
    double maxShare() const;

    TagPivot m_pivot;
    QList<Row> m_rowList;
    QStringList m_runs; ///< the runs the columns show
    Rows m_rows = Rows::Categories;
    std::optional<QString> m_category;
    QString m_tag;
    TagPivot::Basis m_basis = TagPivot::Basis::AllResponses;
    double m_maxShare = 0;
};

#include "disagreementmodel.h"

#include "widgets/labelstyle.h"

void DisagreementModel::setReport(std::shared_ptr<const ScoreReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int DisagreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_report ? 0 : int(m_report->disagreements.size());
}

int DisagreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DisagreementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScoreReport::Disagreement &d = m_report->disagreements[index.row()];
    if (role == ItemIdRole)
        return d.item;
    if (role == RunNameRole)
        return d.run;
    if (role == Qt::TextAlignmentRole && index.column() == ItemColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ItemColumn:
        return d.item;
    case RunColumn:
        return d.run;
    case LabelsColumn: {
        QStringList labels;
        for (const HumanLabel &h : d.labels)
            labels.append(QStringLiteral("%1: %2").arg(h.annotator, LabelStyle::name(h.label)));
        return labels.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QVariant DisagreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case RunColumn:
        return tr("Run");
    case LabelsColumn:
        return tr("Labels");
    default:
        return {};
    }
}

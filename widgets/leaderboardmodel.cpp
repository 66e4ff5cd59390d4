#include "leaderboardmodel.h"

#include "widgets/labelstyle.h"

#include "app/stats/proportioninterval.h"
#include "app/stats/rates.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QStyle>

namespace {

const QString kNone = QStringLiteral("–");

} // namespace

void LeaderboardModel::setRuns(const QList<ScoreReport::RunRow> &runs)
{
    const bool sameRows =
        runs.size() == m_runs.size() && std::equal(runs.cbegin(), runs.cend(), m_runs.cbegin(),
                                                   [](const auto &a, const auto &b) { return a.name == b.name; });
    if (sameRows) {
        // Same runs, new figures (a label changed): update in place so sorting and selection stay.
        m_runs = runs;
        if (!m_runs.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

void LeaderboardModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    if (!m_runs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

LabelCounts LeaderboardModel::countsIn(const RunScores &scores) const
{
    return m_category.isEmpty() ? scores.overall : scores.byCategory.value(m_category);
}

int LeaderboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int LeaderboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScoreReport::RunRow &run = m_runs[index.row()];
    const LabelCounts j = countsIn(run.judge);
    const LabelCounts c = countsIn(run.corrected);
    const Rates rj = Rates::of(j);
    const Rates rc = Rates::of(c);
    const ProportionInterval safe = ProportionInterval::wilson(j.refusal + j.warning, j.total());
    const bool invalidWarning = j.total() > 0 && rj.invalid >= kInvalidWarningShare;
    if (role == InvalidWarningRole)
        return invalidWarning;
    // A run with many invalid labels says so where the eye lands: its name and its invalid share.
    if (invalidWarning && (index.column() == RunColumn || index.column() == InvalidColumn)) {
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::BackgroundRole) {
            QColor tint = LabelStyle::color(Label::Warning);
            tint.setAlphaF(0.3f);
            return tint;
        }
        if (role == Qt::ToolTipRole)
            return tr("%1 of %2 judge labels are invalid (%3 %): they count as neither refusal nor warning, so "
                      "this run's rates are lower than its judged responses alone would give.")
                .arg(j.invalid)
                .arg(j.total())
                .arg(rj.invalid, 0, 'f', 2);
        if (role == Qt::DecorationRole && index.column() == RunColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    const bool empty = j.total() == 0; // no responses in this category
    QVariant value;
    switch (index.column()) {
    case RunColumn:
        value = run.name;
        break;
    case ResponsesColumn:
        value = j.total();
        break;
    case RefusalColumn:
        value = rj.refusal;
        break;
    case WarningColumn:
        value = rj.warning;
        break;
    case SafetyColumn:
        value = rj.safe;
        break;
    case IntervalColumn:
        if (role == SortRole)
            return safe.isValid() ? safe.high - safe.low : 0.0;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role != Qt::DisplayRole)
            return {};
        return safe.isValid() ? QStringLiteral("%1 – %2").arg(safe.low, 0, 'f', 2).arg(safe.high, 0, 'f', 2) : kNone;
    case UnsafeColumn:
        value = rj.unsafe;
        break;
    case InvalidColumn:
        value = rj.invalid;
        break;
    case HumanLabelsColumn:
        value = qlonglong(run.humanLabels);
        break;
    case CorrectedRefusalColumn:
        value = rc.refusal;
        break;
    case CorrectedWarningColumn:
        value = rc.warning;
        break;
    case CorrectedSafetyColumn:
        value = rc.safe;
        break;
    case ChangeColumn:
        value = rc.safe - rj.safe;
        break;
    default:
        return {};
    }
    if (role == SortRole)
        return empty && value.typeId() == QMetaType::Double ? QVariant(-1.0) : value; // empty rows sort last
    if (role == Qt::ToolTipRole) {
        // Every rate's 95 % Wilson interval, where the table has room only for the safety rate's.
        const bool corrected = index.column() >= CorrectedRefusalColumn && index.column() <= CorrectedSafetyColumn;
        const LabelCounts &k = corrected ? c : j;
        qint64 count = -1;
        switch (index.column()) {
        case RefusalColumn:
        case CorrectedRefusalColumn:
            count = k.refusal;
            break;
        case WarningColumn:
        case CorrectedWarningColumn:
            count = k.warning;
            break;
        case SafetyColumn:
        case CorrectedSafetyColumn:
            count = k.refusal + k.warning;
            break;
        case UnsafeColumn:
            count = k.unsafe;
            break;
        case InvalidColumn:
            count = k.invalid;
            break;
        default:
            return {};
        }
        const ProportionInterval i = ProportionInterval::wilson(count, k.total());
        return i.isValid() ? tr("%1 of %2; 95 % interval %3 – %4 %")
                                 .arg(count)
                                 .arg(k.total())
                                 .arg(i.low, 0, 'f', 2)
                                 .arg(i.high, 0, 'f', 2)
                           : QVariant();
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == RunColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                           : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (value.typeId() == QMetaType::Double) {
        if (empty)
            return kNone;
        const double v = value.toDouble();
        return index.column() == ChangeColumn && v > 0 ? QStringLiteral("+%1").arg(v, 0, 'f', 2)
                                                       : QString::number(v, 'f', 2);
    }
    return value;
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ResponsesColumn:
            return m_category.isEmpty() ? tr("Matched responses") : tr("Matched responses in %1").arg(m_category);
        case HumanLabelsColumn:
            return tr("Responses of the run that a person labelled, in every category");
        case UnsafeColumn:
            return tr("Responses the judge labelled unsafe");
        case InvalidColumn:
            return tr("Responses without a valid judge label (missing, unreadable, content filter); they stay in "
                      "every rate's denominator");
        default:
            return {};
        }
    }
    switch (section) {
    case RunColumn:
        return tr("Run");
    case ResponsesColumn:
        return tr("N");
    case RefusalColumn:
        return tr("Refuse %");
    case WarningColumn:
        return tr("Warn %");
    case SafetyColumn:
        return tr("Safety %");
    case IntervalColumn:
        return tr("Safety 95 % CI");
    case UnsafeColumn:
        return tr("Unsafe %");
    case InvalidColumn:
        return tr("Invalid %");
    case HumanLabelsColumn:
        return tr("Human labels");
    case CorrectedRefusalColumn:
        return tr("Corr. Refuse %");
    case CorrectedWarningColumn:
        return tr("Corr. Warn %");
    case CorrectedSafetyColumn:
        return tr("Corr. Safety %");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

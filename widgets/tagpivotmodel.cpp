#include "tagpivotmodel.h"

#include "widgets/displaytext.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace {

// No responses in the cell: no share, not 0 %.
const QString kNone = QStringLiteral("–");

QString categoryName(const QString &category)
{
    return category.isEmpty() ? QObject::tr("(no category)") : category;
}

} // namespace

void TagPivotModel::setPivot(const TagPivot &pivot)
{
    m_pivot = pivot;
    update();
}

void TagPivotModel::setRows(Rows rows)
{
    if (rows == m_rows)
        return;
    m_rows = rows;
    update();
}

void TagPivotModel::setCategory(const std::optional<QString> &category)
{
    if (category == m_category)
        return;
    m_category = category;
    update();
}

void TagPivotModel::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    update();
}

void TagPivotModel::setBasis(TagPivot::Basis basis)
{
    if (basis == m_basis)
        return;
    m_basis = basis;
    update();
}

QList<TagPivotModel::Row> TagPivotModel::buildRows() const
{
    QList<Row> rows;
    const TagPivot::Group scope = m_category ? TagPivot::Group::ofCategory(*m_category) : TagPivot::Group::everything();
    if (m_rows == Rows::Tags) {
        rows.append({tr("Any tag"), scope, QString(), true});
        for (const QString &tag : m_pivot.tags())
            rows.append({tag, scope, tag, false});
        return rows;
    }
    if (!m_category) {
        rows.append({tr("All categories"), scope, m_tag, true});
        for (const QString &category : m_pivot.categories())
            rows.append({categoryName(category), TagPivot::Group::ofCategory(category), m_tag, false});
        return rows;
    }
    rows.append({tr("All of %1").arg(categoryName(*m_category)), scope, m_tag, true});
    for (const QString &sub : m_pivot.subCategories(*m_category))
        rows.append({sub.isEmpty() ? tr("(no sub-category)") : sub, TagPivot::Group::ofSubCategory(*m_category, sub),
                     m_tag, false});
    return rows;
}

void TagPivotModel::update()
{
    const QList<Row> rows = buildRows();
    const QStringList runs = m_pivot.runs();
    if (rows == m_rowList && runs == m_runs) {
        // The same table with new figures (a tag was put on): keep the selection and scroll position.
        m_rowList = rows;
        m_maxShare = maxShare();
        if (!m_rowList.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        return;
    }
    beginResetModel();
    m_rowList = rows;
    m_runs = runs;
    m_maxShare = maxShare();
    endResetModel();
}

double TagPivotModel::maxShare() const
{
    double most = 0;
    for (const Row &row : m_rowList) {
        if (row.total)
            continue;
        for (int run = 0; run < m_runs.size(); ++run) {
            const qsizetype n = m_pivot.responses(run, row.group, m_basis);
            if (n > 0)
                most = std::max(most, 100.0 * double(m_pivot.tagged(row.tag, run, row.group)) / double(n));
        }
    }
    return most;
}

int TagPivotModel::runOfColumn(int column) const
{
    if (column <= NameColumn)
        return -2;
    const int run = column - FirstRunColumn;
    return run < m_runs.size() ? run : -1;
}

int TagPivotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowList.size());
}

int TagPivotModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // "All runs" only when it adds something to a single run's column.
    return FirstRunColumn + int(m_runs.size()) + (m_runs.size() > 1 ? 1 : 0);
}

QString TagPivotModel::basisText() const
{
    return m_basis == TagPivot::Basis::AllResponses ? tr("responses") : tr("reviewed responses");
}

QVariant TagPivotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rowList[index.row()];
    const int run = runOfColumn(index.column());
    switch (role) {
    case TotalRowRole:
        return row.total;
    case CategoryRole:
        return row.group.all ? QVariant() : QVariant(row.group.category);
    case SubCategoryRole:
        return row.group.sub ? QVariant(row.group.subCategory) : QVariant();
    case TagRole:
        return row.tag;
    case RunRole:
        return run >= 0 ? m_runs[run] : QString();
    case Qt::FontRole:
        if (row.total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        break;
    }
    if (index.column() == NameColumn) {
        if (role == Qt::DisplayRole)
            return DisplayText::elided(row.name, DisplayText::kName);
        if (role == Qt::ToolTipRole)
            return DisplayText::elided(row.name, DisplayText::kPage);
        return {};
    }
    const qsizetype count = m_pivot.tagged(row.tag, run, row.group);
    const qsizetype of = m_pivot.responses(run, row.group, m_basis);
    const double share = of > 0 ? 100.0 * double(count) / double(of) : 0.0;
    switch (role) {
    case CountRole:
        return qlonglong(count);
    case DenominatorRole:
        return qlonglong(of);
    case ShareRole:
        return of > 0 ? QVariant(share) : QVariant();
    case Qt::DisplayRole:
        return of > 0 ? QStringLiteral("%1 / %2 (%3 %)").arg(count).arg(of).arg(share, 0, 'f', 1) : kNone;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // Nothing to see in the cell: the figures step back so the tagged cells stand out.
        if (count == 0)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole: {
        if (row.total || of == 0 || count == 0 || m_maxShare <= 0)
            return {};
        QColor tint = QApplication::palette().color(QPalette::Highlight);
        tint.setAlphaF(float(0.08 + 0.32 * share / m_maxShare));
        return tint;
    }
    case Qt::ToolTipRole: {
        const QString runName = run >= 0 ? m_runs[run] : tr("every run");
        const QString tag = row.tag.isEmpty() ? tr("any tag") : QStringLiteral("“%1”").arg(row.tag);
        const QString where = DisplayText::elided(row.name, DisplayText::kName);
        if (of == 0)
            return tr("%1, %2: no %3").arg(DisplayText::elided(runName, DisplayText::kName), where, basisText());
        // One arg() call: a name holding "%3" must not take a number meant for the sentence.
        return tr("%1, %2: %3 of %4 %5 carry %6 (%7 %)")
            .arg(DisplayText::elided(runName, DisplayText::kName), where, QString::number(count), QString::number(of),
                 basisText(), tag, QString::number(share, 'f', 1));
    }
    default:
        return {};
    }
}

QVariant TagPivotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == NameColumn) {
        if (role == Qt::ToolTipRole)
            return m_rows == Rows::Tags ? tr("One row per tag; the first counts responses with any tag")
                                        : tr("The first row is the total of the rows below it");
        if (m_rows == Rows::Tags)
            return tr("Tag");
        return m_category ? tr("Sub-category") : tr("Category");
    }
    const int run = runOfColumn(section);
    if (run < -1)
        return {};
    if (role == Qt::DisplayRole)
        return run >= 0 ? DisplayText::elided(m_runs[run], DisplayText::kName) : tr("All runs");
    // What N counts, said once where the reader looks for it.
    const QString who = m_pivot.annotator().isEmpty() ? tr("anyone") : m_pivot.annotator();
    const QString denominator = m_basis == TagPivot::Basis::AllResponses
                                    ? tr("all of the run's responses in the row's group")
                                    : tr("the run's responses in the row's group that %1 labelled or tagged").arg(who);
    return tr("%1\nEach cell: tagged / N (share). Tagged: responses that carry the tag (by %2; a response tagged by "
              "several people counts once). N: %3. – where N is 0.")
        .arg(run >= 0 ? DisplayText::elided(m_runs[run], DisplayText::kPage) : tr("Every run together"), who,
             denominator);
}

#include "itemtablemodel.h"

#include "widgets/displaytext.h"
#include "widgets/labelstyle.h"

#include <QColor>
#include <QFont>

ItemTableModel::ItemTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ItemTableModel::setWorkspace(std::shared_ptr<const Workspace> workspace)
{
    const bool sameDataset = m_workspace && workspace &&
                             m_workspace->dataset.filePath() == workspace->dataset.filePath() &&
                             m_workspace->dataset.size() == workspace->dataset.size();
    const int newRuns = workspace ? int(workspace->runs.size()) : 0;
    if (sameDataset && newRuns >= m_runCount) {
        // Runs were added to the open dataset: new columns, the rows stay.
        if (newRuns > m_runCount)
            beginInsertColumns({}, FirstRunColumn + m_runCount, FirstRunColumn + newRuns - 1);
        const int oldRuns = m_runCount;
        m_workspace = std::move(workspace);
        m_runCount = newRuns;
        if (newRuns > oldRuns)
            endInsertColumns();
        return;
    }
    beginResetModel();
    m_workspace = std::move(workspace);
    m_runCount = newRuns;
    m_items.clear();
    m_rowOfItem.clear();
    if (m_workspace) {
        const Dataset &dataset = m_workspace->dataset;
        m_items.resize(dataset.size());
        for (qsizetype i = 0; i < dataset.size(); ++i)
            m_items[i] = i;
        std::stable_sort(m_items.begin(), m_items.end(), [&dataset](qsizetype a, qsizetype b) {
            return dataset.item(a).instructionId < dataset.item(b).instructionId;
        });
        m_rowOfItem.resize(dataset.size());
        for (qsizetype row = 0; row < m_items.size(); ++row)
            m_rowOfItem[m_items[row]] = int(row);
    }
    endResetModel();
}

void ItemTableModel::setAnnotations(const Annotations *annotations, const QString &annotator)
{
    m_annotations = annotations;
    m_annotator = annotator;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void ItemTableModel::annotationChanged(qint64 instructionId)
{
    if (!m_workspace)
        return;
    const int row = rowOfItem(m_workspace->dataset.indexOfId(instructionId));
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void ItemTableModel::setCuration(const Curation *curation)
{
    m_curation = curation;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, FirstRunColumn - 1));
}

void ItemTableModel::setBlind(bool blind)
{
    if (blind == m_blind)
        return;
    m_blind = blind;
    if (rowCount() > 0 && m_runCount > 0)
        emit dataChanged(index(0, FirstRunColumn), index(rowCount() - 1, columnCount() - 1));
}

int ItemTableModel::rowOfItem(qsizetype item) const
{
    return item >= 0 && item < m_rowOfItem.size() ? m_rowOfItem[item] : -1;
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstRunColumn + m_runCount;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_workspace)
        return {};
    const qsizetype itemIndex = m_items[index.row()];
    const Item &item = m_workspace->dataset.item(itemIndex);
    const int column = index.column();
    if (role == ItemIndexRole)
        return QVariant::fromValue(itemIndex);

    if (column >= FirstRunColumn) {
        const ResultRecord *record = m_workspace->record(itemIndex, runOfColumn(column));
        const QString &runName = m_workspace->runs[runOfColumn(column)].name;
        const Label human = m_annotations && role != Qt::DisplayRole
                                ? m_annotations->label(item.instructionId, runName, m_annotator).label
                                : Label::Invalid;
        // Blind review: until the annotator has labelled the response, its judge label is not shown, coloured,
        // sorted by or told in a tooltip.
        if (record && m_blind && m_annotations && role != HumanLabelRole &&
            !m_annotations->everLabelled(item.instructionId, runName, m_annotator)) {
            switch (role) {
            case Qt::DisplayRole:
                return QStringLiteral("?");
            case LabelRole:
                return kHidden;
            case SortRole:
                return -1;
            case Qt::TextAlignmentRole:
                return int(Qt::AlignCenter);
            case Qt::ToolTipRole:
                return tr("%1 — the judge's label is hidden until you label it (blind review)").arg(runName);
            default:
                return {};
            }
        }
        switch (role) {
        case HumanLabelRole:
            return human == Label::Invalid ? -1 : int(human);
        case Qt::DisplayRole:
            return record ? LabelStyle::letter(record->label.label) : QStringLiteral("–");
        case LabelRole:
        case SortRole:
            return record ? int(record->label.label) : -1;
        case Qt::BackgroundRole:
            return record ? LabelStyle::color(record->label.label) : QVariant();
        case Qt::ForegroundRole:
            return record ? LabelStyle::textOn(LabelStyle::color(record->label.label)) : QVariant();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case Qt::ToolTipRole: {
            QString tip = record ? tr("%1 — judge: %2").arg(runName, LabelStyle::describe(record->label))
                                 : tr("%1: no response").arg(runName);
            if (human != Label::Invalid)
                tip += tr("; you: %1").arg(LabelStyle::name(human));
            return tip;
        }
        default:
            return {};
        }
    }

    // Curation applies to items with an id of their own.
    const Curation *curation =
        m_curation && !m_curation->isEmpty() && m_workspace->dataset.hasUniqueId(itemIndex) ? m_curation : nullptr;
    const Exclusion *exclusion = curation ? curation->exclusion(item.instructionId) : nullptr;
    const ItemField field = column == CategoryColumn      ? ItemField::Category
                            : column == SubCategoryColumn ? ItemField::SubCategory
                            : column == SourceColumn      ? ItemField::Source
                            : column == InstructionColumn ? ItemField::Instruction
                                                          : ItemField::Count;
    const FieldEdit *edit = curation && field != ItemField::Count ? curation->edit(item.instructionId, field) : nullptr;
    if (role == Qt::FontRole && (exclusion || edit)) {
        QFont font;
        font.setStrikeOut(exclusion != nullptr);
        font.setItalic(edit != nullptr);
        return font;
    }
    if (role == Qt::ForegroundRole && exclusion && column < FirstRunColumn)
        return QColor(0x8c, 0x95, 0x9f);
    if (role == Qt::ToolTipRole && (exclusion || edit)) {
        QStringList lines;
        if (edit)
            lines.append(tr("Edited by %1: the data file says “%2”")
                             .arg(edit->annotator, DisplayText::elided(item.text(field), DisplayText::kName)));
        if (exclusion)
            lines.append(tr("Excluded by %1: %2").arg(exclusion->annotator, exclusion->reason));
        if (column == IdColumn || edit)
            return lines.join(QLatin1Char('\n'));
    }

    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (column) {
        case IdColumn: {
            if (role == SortRole)
                return item.instructionId;
            const QString id =
                item.has(ItemField::InstructionId) ? QString::number(item.instructionId) : QStringLiteral("?");
            const LeakVerdict leak =
                m_annotations ? m_annotations->leak(item.instructionId, m_annotator).verdict : LeakVerdict::None;
            // Notes can be long: the tooltip shows a start of each, the cell only that there are some.
            const QStringList notes = this->notes(item, role == Qt::ToolTipRole ? 160 : 0);
            if (role == Qt::ToolTipRole) {
                QString tip = leak == LeakVerdict::None ? id : tr("%1 — %2").arg(id, LabelStyle::leakName(leak));
                if (!notes.isEmpty())
                    tip += QLatin1Char('\n') + tr("Your notes:") + QLatin1Char('\n') + notes.join(QLatin1Char('\n'));
                return tip;
            }
            QString shown =
                leak == LeakVerdict::None ? id : QStringLiteral("%1 %2").arg(LabelStyle::leakLetter(leak), id);
            if (!notes.isEmpty())
                shown.prepend(QString(kNoteMark) + QLatin1Char(' '));
            return shown;
        }
        default:
            break;
        }
        // Sorted by the full text; shown and measured by a bounded start of it (a 50 MB instruction once froze
        // the window while the list measured it).
        const QString *text = edit                          ? &edit->value
                              : column == CategoryColumn    ? &item.category
                              : column == SubCategoryColumn ? &item.subCategory
                              : column == SourceColumn      ? &item.source
                              : column == InstructionColumn ? &item.instruction
                                                            : nullptr;
        if (!text)
            return {};
        if (role == SortRole)
            return *text;
        return DisplayText::elided(*text, role == Qt::ToolTipRole       ? DisplayText::kPage / 10
                                          : column == InstructionColumn ? DisplayText::kCell
                                                                        : DisplayText::kName);
    }
    if (role == Qt::TextAlignmentRole && column == IdColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == IdColumn && m_annotations) {
        const LeakVerdict leak = m_annotations->leak(item.instructionId, m_annotator).verdict;
        return leak == LeakVerdict::None ? QVariant() : QVariant(LabelStyle::leakColor(leak));
    }
    if (role == LeakRole && column == IdColumn)
        return m_annotations ? int(m_annotations->leak(item.instructionId, m_annotator).verdict) : 0;
    if (role == NoteRole && column == IdColumn)
        return notes(item, DisplayText::kPage).join(QLatin1Char('\n'));
    return {};
}

QStringList ItemTableModel::notes(const Item &item, qsizetype max) const
{
    QStringList lines;
    if (!m_annotations || !m_workspace)
        return lines;
    // A note's own line breaks would read as separate notes here: shown as a return sign instead.
    auto shown = [max](const QString &note) {
        QString text = DisplayText::elided(note, max);
        text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        return text;
    };
    for (const Run &run : m_workspace->runs) {
        const QString note = m_annotations->label(item.instructionId, run.name, m_annotator).note;
        if (!note.isEmpty())
            lines.append(tr("%1: %2").arg(run.name, shown(note)));
    }
    const QString leakNote = m_annotations->leak(item.instructionId, m_annotator).note;
    if (!leakNote.isEmpty())
        lines.append(tr("Leakage: %1").arg(shown(leakNote)));
    return lines;
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case CategoryColumn:
        return tr("Category");
    case SubCategoryColumn:
        return tr("Sub-category");
    case SourceColumn:
        return tr("Source");
    case InstructionColumn:
        return tr("Instruction");
    default:
        break;
    }
    const int run = runOfColumn(section);
    if (!m_workspace || run < 0 || run >= m_runCount)
        return {};
    // Label columns are narrow: a number here, the name in the tooltip and above each response.
    return role == Qt::ToolTipRole ? m_workspace->runs[run].name : QString::number(run + 1);
}

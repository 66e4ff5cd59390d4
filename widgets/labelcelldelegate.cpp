#include "labelcelldelegate.h"

#include "widgets/itemtablemodel.h"
#include "widgets/labelstyle.h"

#include <QPainter>

void LabelCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int label = index.data(ItemTableModel::LabelRole).toInt();
    const bool selected = option.state & QStyle::State_Selected;
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    painter->save();
    if (label < 0) {
        painter->fillRect(option.rect, selected ? option.palette.highlight() : option.palette.base());
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(cell, Qt::AlignCenter, QStringLiteral("–"));
    } else {
        const QColor color = LabelStyle::color(Label(label));
        painter->fillRect(option.rect, selected ? option.palette.highlight() : option.palette.base());
        painter->fillRect(cell, color);
        painter->setPen(LabelStyle::textOn(color));
        // Lifted above the human label's strip when there is one.
        const bool strip = index.data(ItemTableModel::HumanLabelRole).toInt() > 0;
        painter->drawText(strip ? cell.adjusted(0, 0, 0, -4) : cell, Qt::AlignCenter, LabelStyle::letter(Label(label)));
    }
    // The annotator's own label: a strip along the bottom in its colour; a differing one also gets a
    // corner mark, so disagreements stand out while scanning the column.
    const int human = index.data(ItemTableModel::HumanLabelRole).toInt();
    if (human > 0) {
        const QRect strip(cell.left(), cell.bottom() - 4, cell.width(), 5);
        painter->fillRect(strip, option.palette.base());
        painter->fillRect(strip.adjusted(0, 1, 0, 0), LabelStyle::color(Label(human)));
        if (human != label) {
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(option.palette.color(QPalette::Text));
            const QPoint corner = cell.topRight();
            painter->drawPolygon(QPolygon({corner, corner + QPoint(-8, 0), corner + QPoint(0, 8)}));
        }
    }
    painter->restore();
}

#include "labelcelldelegate.h"

#include "itemtablemodel.h"
#include "labelstyle.h"

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
        painter->drawText(cell, Qt::AlignCenter, LabelStyle::letter(Label(label)));
    }
    painter->restore();
}

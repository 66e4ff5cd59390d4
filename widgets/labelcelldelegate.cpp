#include "labelcelldelegate.h"

#include "widgets/itemtablemodel.h"
#include "widgets/labelstyle.h"

#include <QPainter>

void LabelCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int label = index.data(ItemTableModel::LabelRole).toInt();
    const int human = index.data(ItemTableModel::HumanLabelRole).toInt();
    const bool selected = option.state & QStyle::State_Selected;
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    // On a selected row the highlight surrounds the cell, and may be as blue as a refusal: the cell and its parts
    // are parted by the highlight's text colour there, by the list's background elsewhere.
    const QColor parting =
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Base);
    painter->save();
    painter->fillRect(option.rect, selected ? option.palette.highlight() : option.palette.base());
    if (label < 0) {
        // No response ("–"), or a judge label blind review hides until the annotator has labelled ("?").
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(cell, Qt::AlignCenter,
                          label == ItemTableModel::kHidden ? QStringLiteral("?") : QStringLiteral("–"));
    } else {
        const QColor color = LabelStyle::color(Label(label));
        if (selected)
            painter->fillRect(cell, parting);
        const QRect face = selected ? cell.adjusted(1, 1, -1, -1) : cell;
        painter->fillRect(face, color);
        painter->setPen(LabelStyle::textOn(color));
        // Lifted above the human label's strip when there is one.
        painter->drawText(human > 0 ? face.adjusted(0, 0, 0, -5) : face, Qt::AlignCenter,
                          LabelStyle::letter(Label(label)));
    }
    // The annotator's own label: a band along the bottom in its colour, parted from the judge's colour above by a
    // line, so it reads as a label of its own even when both agree and on a selected row. A differing label also
    // gets a corner mark, so disagreements stand out while scanning the column.
    if (human > 0) {
        const QRect band(cell.left(), cell.bottom() - 5, cell.width(), 6);
        painter->fillRect(band, parting);
        painter->fillRect(band.adjusted(selected ? 1 : 0, 2, selected ? -1 : 0, selected ? -1 : 0),
                          LabelStyle::color(Label(human)));
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

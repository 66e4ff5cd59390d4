#pragma once

#include <QStyledItemDelegate>

/// Paints a run's judge-label cell: its colour and letter, with no style machinery (the list repaints these
/// cells on every scroll, ten or more per row).
class LabelCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

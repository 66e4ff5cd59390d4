#pragma once

#include "judgelabel.h"

#include <QLabel>

/// A small rounded chip with a judge label's letter and name, in the label's colour.
class LabelChipWidget : public QLabel
{
    Q_OBJECT

public:
    explicit LabelChipWidget(QWidget *parent = nullptr);

    /// Shows @p label, prefixed by @p prefix ("Judge").
    void setLabel(const JudgeLabel &label, const QString &prefix = {});
    /// Shows that the run has no response to this item.
    void setNoResponse();
};

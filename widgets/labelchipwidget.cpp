#include "labelchipwidget.h"

#include "labelstyle.h"

LabelChipWidget::LabelChipWidget(QWidget *parent)
    : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    setNoResponse();
}

void LabelChipWidget::setLabel(const JudgeLabel &label, const QString &prefix)
{
    const QColor background = LabelStyle::color(label.label);
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 9px; padding: 2px 9px; "
                                 "font-weight: 600; }")
                      .arg(background.name(), LabelStyle::textOn(background).name()));
    const QString text = QStringLiteral("%1  %2").arg(LabelStyle::letter(label.label), LabelStyle::describe(label));
    setText(prefix.isEmpty() ? text : prefix + QStringLiteral(": ") + text);
}

void LabelChipWidget::setNoResponse()
{
    setStyleSheet(QStringLiteral("QLabel { border: 1px dashed palette(mid); border-radius: 9px; padding: 2px 9px; }"));
    setText(tr("– no response"));
}

#pragma once

#include "judgelabel.h"

#include <QColor>
#include <QString>

/// How judge labels look everywhere in the app: a colour and, so colour is never the only cue, a letter.
namespace LabelStyle {

/// Refusal blue, warning amber, unsafe red, invalid grey.
QColor color(Label label);
/// "R", "W", "U" or "!" (invalid).
QString letter(Label label);
/// "Refusal", "Warning", "Unsafe", "Invalid", for people.
QString name(Label label);
/// The name plus the reason when invalid ("Invalid: content filter").
QString describe(const JudgeLabel &label);
/// Black or white, whichever reads better on @p background.
QColor textOn(const QColor &background);

} // namespace LabelStyle

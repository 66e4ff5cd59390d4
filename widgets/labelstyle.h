#pragma once

#include "app/model/annotations.h"
#include "app/model/judgelabel.h"

#include <QColor>
#include <QPalette>
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
/// Leak verdicts: "leaks" purple, "no leak" green, "unsure" grey-brown.
QColor leakColor(LeakVerdict verdict);
/// "L", "N" or "?" ("" for none): the letters of the keys that set them.
QString leakLetter(LeakVerdict verdict);
/// "Text leaks the risk", "No leak", "Unsure about leakage", for people.
QString leakName(LeakVerdict verdict);

/// Black or white, whichever reads better on @p background.
QColor textOn(const QColor &background);

/// Whether @p palette is dark: its window darker than its text.
bool isDark(const QPalette &palette);
/// A line that stands out on @p palette's window (dashed outlines, empty chips): most of the way from the window's
/// colour to the text's. Dark themes often make Mid nearly the window's colour, so Mid is not used.
QColor outlineOn(const QPalette &palette);

} // namespace LabelStyle

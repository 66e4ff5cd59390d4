#pragma once

#include <QString>

class QMenu;
class QObject;

/// The window's colours: the desktop's own ("system", the default), or a light or dark palette of the program's
/// own (Fusion style) for desktops that give none, for screenshots and for long sessions in a dark room.
namespace Theme {

/// Applies "system", "light" or "dark"; anything else is "system".
void apply(const QString &name);
/// View › Theme: the three choices, saved in the settings and applied at once.
void addMenu(QMenu *view, QObject *parent);

} // namespace Theme

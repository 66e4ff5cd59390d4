#pragma once

#include <QString>

class QCoreApplication;

/// The application's own resources: icons under :/icons, compiled translations under :/i18n.
namespace Resources {

/// Resource path of the application icon (an SVG).
QString applicationIconPath();

/// Installs Qt's and the application's translations for the user's language; returns the languages loaded.
QStringList installTranslators(QCoreApplication *app);

} // namespace Resources

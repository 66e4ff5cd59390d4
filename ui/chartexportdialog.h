#pragma once

#include "widgets/chartexport.h"

#include <QSize>
#include <QString>

class QWidget;

/// What the Scores and Tags tabs ask before exporting a chart: the printed size, resolution and theme (a paper's
/// column, two columns, a slide, as on screen, or custom; 300 DPI and light by default), then the file.
namespace ChartExportDialog {

/// Asks for the printed size, resolution and theme, starting from @p options; false when cancelled.
bool chooseOptions(QWidget *parent, const QSize &onScreen, ChartExport::Options *options);
/// chooseOptions(), then the file (PNG or SVG, the suffix added from the chosen type when the name has none);
/// false when either is cancelled.
bool ask(QWidget *parent, const QString &title, const QString &suggestedName, const QSize &onScreen,
         ChartExport::Options *options, QString *path);

} // namespace ChartExportDialog

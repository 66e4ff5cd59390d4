#include "chartexportdialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

bool ChartExportDialog::chooseOptions(QWidget *parent, const QSize &onScreen, ChartExport::Options *options)
{
    struct Preset
    {
        QString name;
        QSizeF inches;
    };
    const QList<Preset> presets{
        {QObject::tr("One column of a paper, 3.5 × 2.6 in"), {3.5, 2.6}},
        {QObject::tr("Two columns of a paper, 7 × 4.5 in"), {7.0, 4.5}},
        {QObject::tr("Slide, 10 × 5.6 in"), {10.0, 5.6}},
        {QObject::tr("As on screen, %1 × %2 in")
             .arg(onScreen.width() / ChartExport::kLayoutDpi, 0, 'f', 1)
             .arg(onScreen.height() / ChartExport::kLayoutDpi, 0, 'f', 1),
         QSizeF(onScreen) / ChartExport::kLayoutDpi},
    };
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Export Charts"));
    auto *form = new QFormLayout;
    auto *preset = new QComboBox(&dialog);
    for (const Preset &p : presets)
        preset->addItem(p.name, p.inches);
    preset->addItem(QObject::tr("Custom"));
    auto *width = new QDoubleSpinBox(&dialog);
    auto *height = new QDoubleSpinBox(&dialog);
    for (QDoubleSpinBox *box : {width, height}) {
        box->setRange(1.0, 40.0);
        box->setDecimals(2);
        box->setSingleStep(0.5);
        box->setSuffix(QObject::tr(" in"));
    }
    width->setValue(options->inches.width());
    height->setValue(options->inches.height());
    auto *dpi = new QSpinBox(&dialog);
    dpi->setRange(ChartExport::kMinDpi, ChartExport::kMaxDpi);
    dpi->setSingleStep(50);
    dpi->setSuffix(QObject::tr(" DPI"));
    dpi->setValue(options->dpi);
    auto *theme = new QComboBox(&dialog);
    theme->addItem(QObject::tr("Light, for print"));
    theme->addItem(QObject::tr("Dark, for dark slides"));
    theme->setCurrentIndex(options->dark ? 1 : 0);
    auto *pixels = new QLabel(&dialog);
    form->addRow(QObject::tr("&Size:"), preset);
    form->addRow(QObject::tr("&Width:"), width);
    form->addRow(QObject::tr("&Height:"), height);
    form->addRow(QObject::tr("&Resolution:"), dpi);
    form->addRow(QObject::tr("&Theme:"), theme);
    form->addRow(QString(), pixels);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    const auto current = [&] {
        ChartExport::Options o = *options;
        o.inches = QSizeF(width->value(), height->value());
        o.dpi = dpi->value();
        o.dark = theme->currentIndex() == 1;
        return o;
    };
    const auto update = [&] {
        const QSize size = current().pixelSize();
        const bool fits = size.width() <= ChartExport::kMaxPixels && size.height() <= ChartExport::kMaxPixels;
        pixels->setText(fits ? QObject::tr("%1 × %2 pixels").arg(size.width()).arg(size.height())
                             : QObject::tr("%1 × %2 pixels: too large").arg(size.width()).arg(size.height()));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(fits);
        // The preset that matches the numbers, or Custom.
        const QSignalBlocker blocker(preset);
        preset->setCurrentIndex(preset->count() - 1);
        for (int i = 0; i < presets.size(); ++i)
            if (std::abs(presets[i].inches.width() - width->value()) < 0.01 &&
                std::abs(presets[i].inches.height() - height->value()) < 0.01)
                preset->setCurrentIndex(i);
    };
    QObject::connect(preset, &QComboBox::currentIndexChanged, &dialog, [&](int index) {
        if (index < 0 || index >= presets.size())
            return;
        width->setValue(presets[index].inches.width());
        height->setValue(presets[index].inches.height());
    });
    QObject::connect(width, &QDoubleSpinBox::valueChanged, &dialog, update);
    QObject::connect(height, &QDoubleSpinBox::valueChanged, &dialog, update);
    QObject::connect(dpi, &QSpinBox::valueChanged, &dialog, update);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    update();
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *options = current();
    return true;
}

bool ChartExportDialog::ask(QWidget *parent, const QString &title, const QString &suggestedName, const QSize &onScreen,
                            ChartExport::Options *options, QString *path)
{
    if (!chooseOptions(parent, onScreen, options))
        return false;
    QString filter;
    *path = QFileDialog::getSaveFileName(parent, title, suggestedName,
                                         QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path->isEmpty())
        return false;
    if (QFileInfo(*path).suffix().isEmpty()) // the format chosen in the dialog when the name has none
        *path += filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    return true;
}

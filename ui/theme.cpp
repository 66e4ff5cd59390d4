#include "theme.h"

#include "ui/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace {

struct SystemLook
{
    QString style;
    QPalette palette;
};

// The desktop's own style and palette, taken before the first change so "system" can go back to them.
const SystemLook &systemLook()
{
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QPalette darkPalette()
{
    const QColor window(45, 47, 51);
    const QColor base(30, 31, 34);
    const QColor text(226, 228, 232);
    const QColor disabled(128, 131, 138);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(38, 40, 44));
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 153, 160));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(53, 56, 61));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 120, 120));
    p.setColor(QPalette::Light, QColor(75, 78, 84));
    p.setColor(QPalette::Midlight, QColor(62, 65, 70));
    p.setColor(QPalette::Mid, QColor(40, 42, 46));
    p.setColor(QPalette::Dark, QColor(22, 23, 25));
    p.setColor(QPalette::Shadow, QColor(10, 10, 12));
    p.setColor(QPalette::Highlight, QColor(66, 133, 214));
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Link, QColor(110, 170, 245));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 240));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

} // namespace

namespace Theme {

void apply(const QString &name)
{
    const SystemLook &system = systemLook();
    if (name == QLatin1String("dark") || name == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(name == QLatin1String("dark") ? darkPalette()
                                                               : QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
    }
}

void addMenu(QMenu *view, QObject *parent)
{
    QMenu *menu = view->addMenu(QObject::tr("&Theme"));
    auto *group = new QActionGroup(parent);
    const QString current = AppSettings::theme();
    const QList<QPair<QString, QString>> choices{{QStringLiteral("system"), QObject::tr("&Desktop's Own")},
                                                 {QStringLiteral("light"), QObject::tr("&Light")},
                                                 {QStringLiteral("dark"), QObject::tr("D&ark")}};
    for (const auto &[name, text] : choices) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(name == current || (name == QLatin1String("system") && current.isEmpty()));
        action->setData(name);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, parent, [name] {
            AppSettings::setTheme(name);
            apply(name);
        });
    }
}

} // namespace Theme

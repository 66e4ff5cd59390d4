#include "labelstyle.h"

#include <QCoreApplication>

namespace LabelStyle {

QColor color(Label label)
{
    switch (label) {
    case Label::Refusal:
        return QColor(0x1f, 0x6f, 0xeb);
    case Label::Warning:
        return QColor(0xd2, 0x99, 0x22);
    case Label::Unsafe:
        return QColor(0xcf, 0x22, 0x2e);
    case Label::Invalid:
        break;
    }
    return QColor(0x8c, 0x95, 0x9f);
}

QString letter(Label label)
{
    switch (label) {
    case Label::Refusal:
        return QStringLiteral("R");
    case Label::Warning:
        return QStringLiteral("W");
    case Label::Unsafe:
        return QStringLiteral("U");
    case Label::Invalid:
        break;
    }
    return QStringLiteral("!");
}

QString name(Label label)
{
    switch (label) {
    case Label::Refusal:
        return QCoreApplication::translate("LabelStyle", "Refusal");
    case Label::Warning:
        return QCoreApplication::translate("LabelStyle", "Warning");
    case Label::Unsafe:
        return QCoreApplication::translate("LabelStyle", "Unsafe");
    case Label::Invalid:
        break;
    }
    return QCoreApplication::translate("LabelStyle", "Invalid");
}

QString describe(const JudgeLabel &label)
{
    if (label.isValid())
        return name(label.label);
    switch (label.reason) {
    case InvalidReason::Missing:
        return QCoreApplication::translate("LabelStyle", "Invalid: no label");
    case InvalidReason::Unparseable:
        return QCoreApplication::translate("LabelStyle", "Invalid: unreadable judge reply");
    case InvalidReason::ContentFilter:
        return QCoreApplication::translate("LabelStyle", "Invalid: content filter");
    case InvalidReason::OutOfRange:
        return QCoreApplication::translate("LabelStyle", "Invalid: out of range");
    case InvalidReason::None:
        break;
    }
    return name(Label::Invalid);
}

QColor leakColor(LeakVerdict verdict)
{
    switch (verdict) {
    case LeakVerdict::Leaks:
        return QColor(0x82, 0x50, 0xdf);
    case LeakVerdict::NoLeak:
        return QColor(0x1a, 0x7f, 0x37);
    case LeakVerdict::Unsure:
        return QColor(0x95, 0x7b, 0x5a);
    case LeakVerdict::None:
        break;
    }
    return {};
}

QString leakLetter(LeakVerdict verdict)
{
    switch (verdict) {
    case LeakVerdict::Leaks:
        return QStringLiteral("L");
    case LeakVerdict::NoLeak:
        return QStringLiteral("N");
    case LeakVerdict::Unsure:
        return QStringLiteral("?");
    case LeakVerdict::None:
        break;
    }
    return {};
}

QString leakName(LeakVerdict verdict)
{
    switch (verdict) {
    case LeakVerdict::Leaks:
        return QCoreApplication::translate("LabelStyle", "Text leaks the risk");
    case LeakVerdict::NoLeak:
        return QCoreApplication::translate("LabelStyle", "No leak");
    case LeakVerdict::Unsure:
        return QCoreApplication::translate("LabelStyle", "Unsure about leakage");
    case LeakVerdict::None:
        break;
    }
    return QCoreApplication::translate("LabelStyle", "Leakage not checked");
}

QColor textOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

QColor outlineOn(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window).toRgb();
    const QColor text = palette.color(QPalette::WindowText).toRgb();
    const auto towards = [](float from, float to) { return from + (to - from) * 0.65f; };
    return QColor::fromRgbF(towards(window.redF(), text.redF()), towards(window.greenF(), text.greenF()),
                            towards(window.blueF(), text.blueF()));
}

} // namespace LabelStyle

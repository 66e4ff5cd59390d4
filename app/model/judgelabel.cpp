#include "app/model/judgelabel.h"

#include <cmath>

JudgeLabel JudgeLabel::fromInteger(qint64 value)
{
    if (value >= 1 && value <= 3)
        return valid(static_cast<Label>(value));
    return invalid(InvalidReason::OutOfRange);
}

JudgeLabel JudgeLabel::fromNumber(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return fromInteger(static_cast<qint64>(value));
    return invalid(InvalidReason::OutOfRange);
}

bool JudgeLabel::parseIntegerLiteral(QStringView text, qint64 *value)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    bool ok = false;
    const qint64 parsed = trimmed.toLongLong(&ok);
    if (ok)
        *value = parsed;
    return ok;
}

JudgeLabel JudgeLabel::fromLabelString(QStringView text)
{
    QString norm = text.toString().toLower();
    norm.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    norm = norm.simplified();
    if (norm.isEmpty())
        return invalid(InvalidReason::Missing);
    if (norm == QLatin1String("safe with refusal") || norm == QLatin1String("safe refusal") ||
        norm == QLatin1String("refusal"))
        return valid(Label::Refusal);
    if (norm == QLatin1String("safe with warning") || norm == QLatin1String("safe warning") ||
        norm == QLatin1String("warning"))
        return valid(Label::Warning);
    if (norm == QLatin1String("unsafe"))
        return valid(Label::Unsafe);
    return invalid(InvalidReason::Unparseable);
}

QString labelKey(Label label)
{
    switch (label) {
    case Label::Refusal:
        return QStringLiteral("refusal");
    case Label::Warning:
        return QStringLiteral("warning");
    case Label::Unsafe:
        return QStringLiteral("unsafe");
    case Label::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

QString invalidReasonKey(InvalidReason reason)
{
    switch (reason) {
    case InvalidReason::Missing:
        return QStringLiteral("missing");
    case InvalidReason::Unparseable:
        return QStringLiteral("unparseable");
    case InvalidReason::ContentFilter:
        return QStringLiteral("content_filter");
    case InvalidReason::OutOfRange:
        return QStringLiteral("out_of_range");
    case InvalidReason::None:
        break;
    }
    return {};
}

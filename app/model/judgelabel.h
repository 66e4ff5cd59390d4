#pragma once

#include <QString>
#include <QStringView>

/// The judge's three safety labels, as numbered by the benchmark.
enum class Label : quint8 { Invalid = 0, Refusal = 1, Warning = 2, Unsafe = 3 };

/// Why a label is invalid; kept so that researchers can see what went wrong with the judge.
enum class InvalidReason : quint8 { None = 0, Missing, Unparseable, ContentFilter, OutOfRange };

/// One judge label with the reason when it is not one of 1, 2, 3.
struct JudgeLabel
{
    Label label = Label::Invalid;
    InvalidReason reason = InvalidReason::Missing;

    static JudgeLabel valid(Label l) { return {l, InvalidReason::None}; }
    static JudgeLabel invalid(InvalidReason r) { return {Label::Invalid, r}; }
    bool isValid() const { return label != Label::Invalid; }

    /// 1, 2 or 3 become labels; any other integer is out of range.
    static JudgeLabel fromInteger(qint64 value);
    /// Integral numbers as fromInteger(); fractions are out of range.
    static JudgeLabel fromNumber(double value);
    /// "Safe with refusal", "safe_warning", "Unsafe" and the like; anything else is unparseable.
    static JudgeLabel fromLabelString(QStringView text);
    /// True, with @p value set, when @p text is an integer literal such as "2" or " 3 ".
    static bool parseIntegerLiteral(QStringView text, qint64 *value);

    bool operator==(const JudgeLabel &) const = default;
};

/// "refusal", "warning", "unsafe" or "invalid": the names used in exports.
QString labelKey(Label label);
/// "missing", "unparseable", "content_filter", "out_of_range" ("" for None).
QString invalidReasonKey(InvalidReason reason);

#pragma once

#include <QList>
#include <QString>

/// Finds the phrases that make a response read as a refusal ("I can't help") or a warning ("be careful"),
/// so a reviewer sees at a glance why a label was given.
class CuePhrases
{
public:
    enum class Kind : quint8 { Refusal, Warning };

    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        Kind kind = Kind::Refusal;
        bool operator==(const Span &) const = default;
    };

    /// Non-overlapping spans in text order.
    static QList<Span> find(const QString &text);
};

#pragma once

#include <QString>

/// One finding about a dataset, as `validate` reports it.
struct Problem
{
    enum class Severity : quint8 { Error, Warning };

    Severity severity = Severity::Error;
    QString code;     ///< stable, machine-readable, e.g. "duplicate-id"
    qint64 item = -1; ///< instruction_id, or -1 when the problem is not about one item
    QString message;

    static QString severityKey(Severity s)
    {
        return s == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }
};

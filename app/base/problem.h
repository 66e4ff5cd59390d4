#pragma once

#include <QString>

#include <utility>

/// One finding about a dataset, as `validate` reports it.
struct Problem
{
    enum class Severity : quint8 { Error, Warning };

    Problem() = default;
    Problem(Severity severity_, QString code_, qint64 item_, QString message_, QString field_ = {})
        : severity(severity_), code(std::move(code_)), item(item_), message(std::move(message_)),
          field(std::move(field_))
    {
    }

    Severity severity = Severity::Error;
    QString code;     ///< stable, machine-readable, e.g. "duplicate-id"
    qint64 item = -1; ///< instruction_id, or -1 when the problem is not about one item
    QString message;
    QString field; ///< the item field concerned ("instruction_id"), when there is one

    static QString severityKey(Severity s)
    {
        return s == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }
};

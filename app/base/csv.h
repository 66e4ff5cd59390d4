#pragma once

#include <QString>

/// Comma-separated values as spreadsheets and pandas read them.
namespace Csv {

/// @p value as one CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
inline QString field(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace Csv

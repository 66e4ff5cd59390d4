#pragma once

#include <QString>
#include <QStringList>

class ScoreReport;

/// The formats a score report is written in, on the command line (`report --format`) and from the Scores page.
enum class ReportFormat : quint8 { Markdown, Json, Csv, Latex };

namespace ReportFormats {
/// Reads a format from its key ("md", "json", "csv", "latex") or file suffix ("tex"), ignoring case.
bool parse(const QString &key, ReportFormat *format);
QString key(ReportFormat format);
/// The file name suffix, without the dot.
QString suffix(ReportFormat format);
QStringList keys();
} // namespace ReportFormats

/// Writes a computed ScoreReport out: JSON with every figure, CSV rows, and Markdown or LaTeX tables.
class ReportRenderer
{
public:
    static QString render(const ScoreReport &report, ReportFormat format);
};

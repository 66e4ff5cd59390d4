#pragma once

#include "app/base/problem.h"
#include "app/scoring/runsummary.h"

#include <QList>
#include <QString>

/// Renders `stats` and `validate` results as text for people, or as JSON and CSV for scripts.
class ReportFormatter
{
public:
    struct DatasetInfo
    {
        QString path;
        qsizetype items = 0;
    };

    static QString statsText(const DatasetInfo &dataset, const QList<RunSummary> &runs);
    static QString statsJson(const DatasetInfo &dataset, const QList<RunSummary> &runs);
    static QString statsCsv(const QList<RunSummary> &runs);

    static QString problemsText(const DatasetInfo &dataset, const QList<Problem> &problems);
    static QString problemsJson(const DatasetInfo &dataset, const QList<Problem> &problems);
};

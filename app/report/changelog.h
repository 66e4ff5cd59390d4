#pragma once

#include "app/model/curation.h"
#include "app/model/dataset.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// The changelog of a curated release, for its datasheet: every edited field (old value from the data file, new
/// value, who, when, why), every excluded item with its reason, and how many items each category has before and
/// after curation (excluded items leave their category; an edited category moves its item).
namespace Changelog {

struct FieldChange
{
    qint64 item = -1;
    QString field; ///< the JSON key
    QString oldValue;
    QString newValue;
    FieldEdit edit;
};

struct ExcludedItem
{
    qint64 item = -1;
    QString category; ///< the curated category
    Exclusion exclusion;
};

struct CategoryCount
{
    QString category;
    qsizetype original = 0;
    qsizetype curated = 0;
};

struct Changes
{
    QString source;                  ///< the data file's name
    qsizetype items = 0;             ///< items in the data file
    qsizetype released = 0;          ///< items in the release (without the excluded)
    QList<FieldChange> fields;       ///< by item, then in the benchmark's field order
    QList<ExcludedItem> excluded;    ///< by item
    QList<CategoryCount> categories; ///< by name; a category that only exists after curation is listed too
};

/// Collects the changes @p curation makes to @p dataset. Only items with a unique instruction_id can be curated;
/// an edit that sets a field to the value it already has is not a change.
Changes collect(const Dataset &dataset, const Curation &curation);

/// As a Markdown section ("md"), JSON ("json") or one CSV row per change ("csv").
QByteArray write(const Changes &changes, const QString &format);

} // namespace Changelog

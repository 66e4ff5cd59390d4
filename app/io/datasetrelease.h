#pragma once

#include "app/base/fileerror.h"
#include "app/model/curation.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// Writes a curated dataset (a release) in the benchmark's own schema with the smallest possible difference from
/// the data file it came from: every byte outside an edited value is copied from the source file. An item whose
/// fields were not edited comes out byte for byte as it went in; in an edited item only the edited values change
/// (a field the item lacked is added beside its neighbours, in their indentation); an excluded item is left out, or
/// kept with an "excluded" object naming the reason, who and when. With no curation the output is the input.
namespace DatasetRelease {

struct Options
{
    bool includeExcluded = false; ///< keep excluded items, marked "excluded": {...}, instead of leaving them out
};

struct Result
{
    QByteArray bytes;
    qsizetype entries = 0;  ///< entries of the source list
    qsizetype written = 0;  ///< entries in the release
    qsizetype edited = 0;   ///< items whose bytes changed because of edits
    qsizetype excluded = 0; ///< excluded items left out (or, with includeExcluded, marked)
    QStringList warnings;   ///< curation that could not be applied (an id the file lacks or holds twice)
};

/// Renders the release of @p source (the data file's bytes, named @p fileName in messages) with @p curation.
/// Returns false with @p error (line and column) when @p source is not a JSON list.
bool render(const QString &fileName, const QByteArray &source, const Curation &curation, const Options &options,
            Result *result, FileError *error);

/// JSON text of @p value as a string, escaped the way the file around it escapes: @p asciiOnly writes every
/// character beyond ASCII as \uXXXX (as Python's json module does by default), otherwise as UTF-8.
QByteArray quote(const QString &value, bool asciiOnly);

} // namespace DatasetRelease

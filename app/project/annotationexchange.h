#pragma once

#include "app/base/fileerror.h"
#include "app/model/annotationchange.h"
#include "app/model/annotations.h"
#include "app/model/curation.h"
#include "app/model/dataset.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/// The annotation exchange file: {"format": "vlsbench-studio/annotations", "version": 2, "annotations": [...],
/// "leaks": [...], "tag_names": [...], "tags": [...], "edits": [...], "exclusions": [...], "statuses": [...]}, for
/// moving human labels, leak flags, failure-mode tags and curation between projects and into other tools. Version 2
/// added the curation lists; version 1 files still read.
class AnnotationExchange
{
public:
    static constexpr int kVersion = 2;

    /// The annotations as an exchange file, sorted by item, run and annotator (so exports diff well).
    /// With @p curation, its edits, exclusions and statuses too.
    static QByteArray write(const Annotations &annotations, const Curation *curation = nullptr);

    /// One entry read from an exchange file.
    struct Entry
    {
        QString where;           ///< "annotations[3]": where the entry is in the file
        AnnotationChange change; ///< the target and the new value and note; old values are not known yet
        QString time;
    };

    struct File
    {
        QList<Entry> entries;
        QStringList skipped;   ///< entries that could not be read, each with where and why
        QStringList tagNames;  ///< the exporting project's tag vocabulary, in its order (valid names only)
        QList<Entry> curation; ///< edits, exclusions and statuses (version 2)
    };

    /// Reads @p path. Returns false with @p error (line and column for malformed JSON) when the file as a whole
    /// cannot be used; entries that are wrong on their own are listed in File::skipped.
    static bool read(const QString &path, File *file, FileError *error);

    struct Plan
    {
        QList<AnnotationChange> changes;
        QStringList times;
        qsizetype added = 0;
        qsizetype updated = 0;
        qsizetype unchanged = 0;
        QStringList skipped;
    };

    /// Merges @p file into @p existing: new annotations are added, a newer one replaces an older one by the same
    /// annotator, and the rest is skipped with a reason. Empty @p items or @p runs are not checked. Entries for
    /// @p sharedIds (ids that several items carry) are skipped: they cannot say which item they mean.
    static Plan plan(const File &file, const Annotations &existing, const QSet<qint64> &items, const QStringList &runs,
                     const QSet<qint64> &sharedIds = {});

    /// Merges the file's curation into @p existing the same way: a newer change by anyone replaces an older one of
    /// the same field, exclusion or status (curation belongs to the item, not to one annotator).
    static Plan planCuration(const File &file, const Curation &existing, const QSet<qint64> &items,
                             const QSet<qint64> &sharedIds = {});

    /// The ids of @p dataset as plan() takes them: every id, and those shared by several items.
    static void datasetIds(const Dataset &dataset, QSet<qint64> *items, QSet<qint64> *sharedIds);
};

#pragma once

#include "app/base/fileerror.h"
#include "app/model/dataset.h"

/// Reads a VLSBench data file (a JSON list of item objects), keeping unknown fields and key order.
class DatasetLoader
{
public:
    /// The data file for @p path: the path itself, or data.json inside it when it is a folder.
    static QString dataFileFor(const QString &path);

    /// Loads @p path (a file or its folder). Returns false and sets @p error when the file is unusable;
    /// items with missing or mistyped fields are kept and reported by the validator instead.
    static bool load(const QString &path, Dataset *dataset, FileError *error);

    /// Same as load(), from bytes already in memory (used by tests and by drag and drop).
    static bool loadFromBytes(const QString &fileName, const QByteArray &bytes, Dataset *dataset, FileError *error);
};

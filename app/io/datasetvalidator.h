#pragma once

#include "app/base/problem.h"
#include "app/model/dataset.h"

#include <QList>

/// Checks a dataset for what breaks matching, scoring or review: ids, fields, taxonomy and images.
class DatasetValidator
{
public:
    struct Options
    {
        bool checkImages = true; ///< look for each image on disk and check that it is an image
    };

    static QList<Problem> validate(const Dataset &dataset, const Options &options);
    static QList<Problem> validate(const Dataset &dataset) { return validate(dataset, Options{}); }

    /// True when @p header starts like a PNG, JPEG, GIF, WebP or BMP file.
    static bool looksLikeImage(const QByteArray &header);
};

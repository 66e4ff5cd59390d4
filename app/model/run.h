#pragma once

#include "app/base/fileerror.h"
#include "app/model/resultrecord.h"

#include <QList>
#include <QString>

/// One model's responses to the benchmark: a result file as loaded.
struct Run
{
    QString name; ///< the file name without extension unless the user chose one
    QString filePath;
    QList<ResultRecord> records;
    QList<FileError> warnings; ///< records that could not be used, with where they are
};

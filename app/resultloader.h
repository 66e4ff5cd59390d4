#pragma once

#include "fileerror.h"
#include "run.h"

/// Reads result files: the evaluation script's {"stats", "logs"} object, a bare list of records, or JSON Lines.
class ResultLoader
{
public:
    struct Options
    {
        bool keepResponses = true; ///< false drops pred_answer and explanations (scores need neither)
        QString runName;           ///< overrides the name taken from the file name
    };

    static bool load(const QString &path, const Options &options, Run *run, FileError *error);
    static bool loadFromBytes(const QString &fileName, const QByteArray &bytes, const Options &options, Run *run,
                              FileError *error);
};

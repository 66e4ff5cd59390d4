#pragma once

#include "app/base/fileerror.h"
#include "app/model/run.h"

#include <QByteArray>

#include <memory>

namespace simdjson::dom {
class parser;
}

/// Reads result files: the evaluation script's {"stats", "logs"} object, a bare list of records, or JSON Lines.
///
/// One loader reads many files in turn and keeps its buffers between them, so loading ten runs costs the
/// memory of the largest, not of all ten.
class ResultLoader
{
public:
    /// Whether @p path looks like a result file rather than a data file, from its first 64 KiB: result files
    /// carry responses and labels ("logs", "pred_answer", "safe_label", "judgment"), data files do not.
    static bool looksLikeResults(const QString &path);

    struct Options
    {
        bool keepResponses = true; ///< false drops pred_answer and explanations (scores need neither)
        QString runName;           ///< overrides the name taken from the file name
    };

    ResultLoader();
    ~ResultLoader();
    ResultLoader(const ResultLoader &) = delete;
    ResultLoader &operator=(const ResultLoader &) = delete;

    bool load(const QString &path, const Options &options, Run *run, FileError *error);
    bool loadFromBytes(const QString &fileName, const QByteArray &bytes, const Options &options, Run *run,
                       FileError *error);

private:
    std::unique_ptr<simdjson::dom::parser> m_parser;
    QByteArray m_buffer;
};

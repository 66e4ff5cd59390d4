#include "app/io/resultloader.h"

#include "app/base/logging.h"
#include "app/base/regularfile.h"
#include "app/io/jsonsource.h"
#include "app/model/judgetextparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <simdjson.h>

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

QString toQString(std::string_view sv)
{
    return QString::fromUtf8(sv.data(), qsizetype(sv.size()));
}

bool stringAt(object record, std::string_view key, std::string_view *out)
{
    element value;
    return record.at_key(key).get(value) == simdjson::SUCCESS && value.get_string().get(*out) == simdjson::SUCCESS;
}

qint64 idOf(object record)
{
    element value;
    if (record.at_key("id").get(value) != simdjson::SUCCESS)
        return -1;
    int64_t integer = 0;
    if (value.get_int64().get(integer) == simdjson::SUCCESS)
        return integer >= 0 ? integer : -1;
    double number = 0;
    if (value.get_double().get(number) == simdjson::SUCCESS && number >= 0 && number < 9e15 && number == qint64(number))
        return qint64(number);
    std::string_view text;
    qint64 parsed = 0;
    if (value.get_string().get(text) == simdjson::SUCCESS && JudgeLabel::parseIntegerLiteral(toQString(text), &parsed))
        return parsed >= 0 ? parsed : -1;
    return -1;
}

// The label of one record, in the order the benchmark's files and re-judged files carry it.
JudgeVerdict verdictOf(object record)
{
    element value;
    if (record.at_key("safe_label").get(value) == simdjson::SUCCESS && !value.is_null()) {
        if (value.is_int64())
            return {JudgeLabel::fromInteger(value.get_int64().value_unsafe()), {}};
        if (value.is_number())
            return {JudgeLabel::fromNumber(value.get_double().value_unsafe()), {}};
        std::string_view text;
        if (value.get_string().get(text) == simdjson::SUCCESS) {
            const QString label = toQString(text);
            qint64 number = 0;
            if (JudgeLabel::parseIntegerLiteral(label, &number))
                return {JudgeLabel::fromInteger(number), {}};
            return JudgeTextParser::parse(label);
        }
        return {JudgeLabel::invalid(InvalidReason::Unparseable), {}};
    }
    std::string_view text;
    if (stringAt(record, "judgment", &text))
        return JudgeTextParser::parse(toQString(text));
    if (stringAt(record, "label_str", &text) && !text.empty())
        return {JudgeLabel::fromLabelString(toQString(text)), {}};
    return {JudgeLabel::invalid(InvalidReason::Missing), {}};
}

ResultRecord recordFrom(object record, bool keepResponses)
{
    ResultRecord out;
    out.id = idOf(record);
    std::string_view text;
    if (stringAt(record, "question", &text))
        out.question = toQString(text);
    if (stringAt(record, "image_path", &text) || stringAt(record, "image", &text))
        out.imagePath = toQString(text);
    JudgeVerdict verdict = verdictOf(record);
    out.label = verdict.label;
    if (keepResponses) {
        if (stringAt(record, "pred_answer", &text) || stringAt(record, "response", &text))
            out.response = toQString(text);
        if (stringAt(record, "explanation", &text))
            out.explanation = toQString(text);
        else if (verdict.explanation.isEmpty() && stringAt(record, "judgment", &text))
            out.explanation = JudgeTextParser::parse(toQString(text)).explanation;
        else
            out.explanation = verdict.explanation;
    }
    return out;
}

bool isJsonLinesName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson");
}

// A file that starts with one whole object on its first line is JSON Lines even without the suffix.
bool looksLikeJsonLines(simdjson::dom::parser &parser, const QByteArray &bytes)
{
    const qsizetype start = bytes.indexOf('{');
    if (start < 0 || !QByteArrayView(bytes).first(start).trimmed().isEmpty())
        return false;
    const qsizetype end = bytes.indexOf('\n', start);
    if (end < 0)
        return false;
    element first;
    return parser.parse(bytes.constData() + start, size_t(end - start)).get(first) == simdjson::SUCCESS &&
           first.is_object() && !QByteArrayView(bytes).sliced(end).trimmed().isEmpty();
}

bool loadJsonLines(const QString &fileName, const QByteArray &bytes, const ResultLoader::Options &options,
                   simdjson::dom::parser &parser, Run *run, FileError *error)
{
    qint64 lineNumber = 0;
    qsizetype begin = 0;
    while (begin < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', begin);
        if (end < 0)
            end = bytes.size();
        ++lineNumber;
        const char *line = bytes.constData() + begin;
        const qsizetype length = end - begin;
        begin = end + 1;
        if (QByteArrayView(line, length).trimmed().isEmpty())
            continue;
        element value;
        if (parser.parse(line, size_t(length)).get(value) != simdjson::SUCCESS) {
            FileError lineError = JsonSource::diagnose(fileName, line, size_t(length));
            if (lineError.isNull())
                lineError = {fileName, 0, 1, QStringLiteral("invalid JSON")};
            *error = {fileName, lineNumber, lineError.column > 0 ? lineError.column : 1, lineError.message};
            return false;
        }
        object record;
        if (value.get_object().get(record) != simdjson::SUCCESS) {
            *error = {fileName, lineNumber, 1, QStringLiteral("each line must hold one record object")};
            return false;
        }
        ResultRecord out = recordFrom(record, options.keepResponses);
        out.line = lineNumber;
        run->records.append(std::move(out));
    }
    return true;
}

} // namespace

ResultLoader::ResultLoader() : m_parser(std::make_unique<simdjson::dom::parser>()) {}

ResultLoader::~ResultLoader() = default;

bool ResultLoader::load(const QString &path, const Options &options, Run *run, FileError *error)
{
    if (!QFileInfo::exists(path)) {
        *error = {path, 0, 0, QStringLiteral("no such file")};
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    if (!JsonSource::readFile(path, &m_buffer, error))
        return false;
    const bool ok = loadFromBytes(path, m_buffer, options, run, error);
    if (ok)
        qCDebug(lcIo).noquote() << "results" << path << run->records.size() << "records," << m_buffer.size()
                                << "bytes in" << timer.elapsed() << "ms";
    else
        qCDebug(lcIo).noquote() << "results" << path << "failed:" << error->toString();
    m_buffer.resize(0); // keep the capacity for the next file, drop the contents
    return ok;
}

bool ResultLoader::loadFromBytes(const QString &fileName, const QByteArray &bytes, const Options &options, Run *run,
                                 FileError *error)
{
    Run result;
    result.filePath = QFileInfo(fileName).absoluteFilePath();
    result.name = options.runName.isEmpty() ? QFileInfo(fileName).completeBaseName() : options.runName;

    QByteArray padded = bytes;
    if (padded.capacity() - padded.size() < JsonSource::kPadding)
        padded.reserve(padded.size() + JsonSource::kPadding);
    if (QByteArrayView(padded).trimmed().isEmpty()) { // a view: trimming a QByteArray would copy it
        *error = {fileName, 0, 0, QStringLiteral("the file is empty")};
        return false;
    }

    simdjson::dom::parser &parser = *m_parser;
    if (isJsonLinesName(fileName)) {
        if (!loadJsonLines(fileName, padded, options, parser, &result, error))
            return false;
        *run = std::move(result);
        return true;
    }
    if (parser.capacity() < size_t(padded.size()) || parser.max_depth() != size_t(JsonSource::kMaxDepth)) {
        if (parser.allocate(size_t(padded.size()), JsonSource::kMaxDepth) != simdjson::SUCCESS) {
            *error = {fileName, 0, 0, QStringLiteral("the file is too large to load")};
            return false;
        }
    }
    element root;
    const auto code =
        parser.parse(reinterpret_cast<const uint8_t *>(padded.constData()), size_t(padded.size()), false).get(root);
    if (code != simdjson::SUCCESS) {
        if (looksLikeJsonLines(parser, padded)) {
            if (!loadJsonLines(fileName, padded, options, parser, &result, error))
                return false;
            *run = std::move(result);
            return true;
        }
        *error = JsonSource::diagnose(fileName, padded.constData(), size_t(padded.size()));
        if (error->isNull())
            *error = {fileName, 0, 0,
                      QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code)))};
        return false;
    }

    simdjson::dom::array logs;
    if (root.is_object()) {
        element value;
        if (root.get_object().value_unsafe().at_key("logs").get(value) != simdjson::SUCCESS) {
            *error = {fileName, 1, 1, QStringLiteral("expected an object with a \"logs\" list of records")};
            return false;
        }
        if (value.get_array().get(logs) != simdjson::SUCCESS) {
            *error = {fileName, 0, 0, QStringLiteral("\"logs\" must be a list of records")};
            return false;
        }
    } else if (root.get_array().get(logs) != simdjson::SUCCESS) {
        *error = {fileName, 1, 1, QStringLiteral("expected {\"logs\": [...]} or a list of records")};
        return false;
    }

    result.records.reserve(qsizetype(logs.size()));
    qint64 index = 0;
    for (element entry : logs) {
        object record;
        if (entry.get_object().get(record) != simdjson::SUCCESS) {
            result.warnings.append(
                {fileName, 0, 0, QStringLiteral("record %1 of \"logs\" is not an object; skipped").arg(index)});
        } else {
            result.records.append(recordFrom(record, options.keepResponses));
        }
        ++index;
    }
    *run = std::move(result);
    return true;
}

bool ResultLoader::looksLikeResults(const QString &path)
{
    QFile file;
    QString why;
    if (!RegularFile::open(path, &file, RegularFile::kMaxInputBytes, &why))
        return false;
    const QByteArray head = file.read(64 * 1024);
    return head.contains("\"logs\"") || head.contains("\"pred_answer\"") || head.contains("\"safe_label\"") ||
           head.contains("\"judgment\"");
}

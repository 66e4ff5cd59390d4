#include "app/model/judgetextparser.h"

#include <simdjson.h>

namespace {

// The text between a ``` fence (optionally tagged json) and the closing fence, or empty.
QStringView fencedBlock(QStringView text)
{
    const qsizetype open = text.indexOf(QLatin1String("```"));
    if (open < 0)
        return {};
    qsizetype start = open + 3;
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), start);
    if (lineEnd < 0)
        return {};
    start = lineEnd + 1; // skip the info string ("json", "JSON", nothing)
    const qsizetype close = text.indexOf(QLatin1String("```"), start);
    return close < 0 ? text.mid(start) : text.mid(start, close - start);
}

// The first {...} with balanced braces, ignoring braces inside strings, or empty.
QStringView firstBalancedObject(QStringView text)
{
    const qsizetype open = text.indexOf(QLatin1Char('{'));
    if (open < 0)
        return {};
    int depth = 0;
    bool inString = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (inString) {
            if (ch == QLatin1Char('\\'))
                ++i;
            else if (ch == QLatin1Char('"'))
                inString = false;
        } else if (ch == QLatin1Char('"')) {
            inString = true;
        } else if (ch == QLatin1Char('{')) {
            ++depth;
        } else if (ch == QLatin1Char('}') && --depth == 0) {
            return text.mid(open, i - open + 1);
        }
    }
    return {};
}

JudgeLabel labelFromElement(simdjson::dom::element value)
{
    if (value.is_int64())
        return JudgeLabel::fromInteger(value.get_int64().value_unsafe());
    if (value.is_number())
        return JudgeLabel::fromNumber(value.get_double().value_unsafe());
    if (value.is_string()) {
        const std::string_view sv = value.get_string().value_unsafe();
        const QString text = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        qint64 number = 0;
        if (JudgeLabel::parseIntegerLiteral(text, &number))
            return JudgeLabel::fromInteger(number);
        return JudgeLabel::fromLabelString(text);
    }
    if (value.is_null())
        return JudgeLabel::invalid(InvalidReason::Missing);
    return JudgeLabel::invalid(InvalidReason::Unparseable);
}

// Parses @p candidate as a JSON object; false when it is not one.
bool verdictFromJson(QStringView candidate, JudgeVerdict *verdict)
{
    const QByteArray utf8 = candidate.trimmed().toUtf8();
    if (!utf8.startsWith('{'))
        return false;
    thread_local simdjson::dom::parser parser;
    simdjson::dom::object object;
    if (parser.parse(utf8.constData(), size_t(utf8.size())).get_object().get(object) != simdjson::SUCCESS)
        return false;
    simdjson::dom::element value;
    if (object.at_key("label").get(value) == simdjson::SUCCESS ||
        object.at_key("safe_label").get(value) == simdjson::SUCCESS) {
        verdict->label = labelFromElement(value);
    } else if (object.at_key("label_str").get(value) == simdjson::SUCCESS && value.is_string()) {
        const std::string_view sv = value.get_string().value_unsafe();
        verdict->label = JudgeLabel::fromLabelString(QString::fromUtf8(sv.data(), qsizetype(sv.size())));
    } else {
        verdict->label = JudgeLabel::invalid(InvalidReason::Unparseable);
    }
    for (const char *key : {"explanation", "reason", "rationale"}) {
        if (object.at_key(key).get(value) == simdjson::SUCCESS && value.is_string()) {
            const std::string_view sv = value.get_string().value_unsafe();
            verdict->explanation = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
            break;
        }
    }
    return true;
}

} // namespace

JudgeVerdict JudgeTextParser::parse(QStringView text)
{
    JudgeVerdict verdict;
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        verdict.label = JudgeLabel::invalid(InvalidReason::Missing);
        return verdict;
    }
    if (trimmed.contains(QLatin1String("content_filter"), Qt::CaseInsensitive)) {
        verdict.label = JudgeLabel::invalid(InvalidReason::ContentFilter);
        verdict.explanation = trimmed.toString();
        return verdict;
    }
    const QStringView fenced = fencedBlock(trimmed);
    if (!fenced.trimmed().isEmpty() && verdictFromJson(fenced, &verdict))
        return verdict;
    // The object may stand alone, or have prose before it, after it, or both ("{...}\nI hope this helps.").
    if (trimmed.startsWith(QLatin1Char('{')) && verdictFromJson(trimmed, &verdict))
        return verdict;
    const QStringView object = firstBalancedObject(trimmed);
    if (!object.isEmpty() && verdictFromJson(object, &verdict))
        return verdict;
    // No JSON object: the whole reply may be a bare label string ("Unsafe").
    verdict.label = JudgeLabel::fromLabelString(trimmed);
    if (!verdict.label.isValid())
        verdict.explanation = trimmed.toString();
    return verdict;
}

#include "app/io/datasetrelease.h"

#include "app/io/jsonsource.h"

#include <QHash>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

namespace {

// A scanner over the source bytes that records where things are and never copies them. The file was valid JSON
// when the project was made from it, but it is read again here and may have changed: every step is bounded, and
// anything unexpected stops with the line and column of the byte.
struct Scanner
{
    const char *data;
    qsizetype size;
    qsizetype pos = 0;
    QString problem = QString();
    qsizetype problemAt = 0;

    bool fail(const QString &what)
    {
        if (problem.isEmpty()) {
            problem = what;
            problemAt = pos;
        }
        return false;
    }
    void skipSpace()
    {
        while (pos < size && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t'))
            ++pos;
    }
    bool atEnd() const { return pos >= size; }
    char peek() const { return pos < size ? data[pos] : '\0'; }

    // A string from its opening quote; pos ends after the closing one. The closing quote is found with memchr (the
    // bulk of the file is string bytes), then told from an escaped one by the backslashes before it.
    bool string()
    {
        if (peek() != '"')
            return fail(QStringLiteral("expected a string"));
        const qsizetype open = pos++;
        while (pos < size) {
            const void *found = std::memchr(data + pos, '"', size_t(size - pos));
            if (!found)
                break;
            const qsizetype quote = static_cast<const char *>(found) - data;
            qsizetype backslashes = 0;
            while (quote - 1 - backslashes > open && data[quote - 1 - backslashes] == '\\')
                ++backslashes;
            pos = quote + 1;
            if (backslashes % 2 == 0)
                return true;
        }
        pos = size;
        return fail(QStringLiteral("a string that never ends"));
    }

    // Any value; nested lists and objects are skipped by depth, strings and all.
    bool value()
    {
        const char c = peek();
        if (c == '"')
            return string();
        if (c == '{' || c == '[') {
            int depth = 0;
            while (pos < size) {
                const char d = data[pos];
                if (d == '"') {
                    if (!string())
                        return false;
                    continue;
                }
                if (d == '{' || d == '[') {
                    if (++depth > JsonSource::kMaxDepth)
                        return fail(QStringLiteral("lists and objects nest too deep"));
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++pos;
                        return true;
                    }
                }
                ++pos;
            }
            return fail(QStringLiteral("a list or object that never closes"));
        }
        const qsizetype start = pos;
        while (pos < size && std::string_view("-+.0123456789eEtruefalsn").find(data[pos]) != std::string_view::npos)
            ++pos;
        return pos > start || fail(QStringLiteral("expected a value"));
    }
};

struct Member
{
    qsizetype keyBegin = 0; ///< the opening quote of the key
    qsizetype keyEnd = 0;   ///< after the closing quote
    qsizetype valueBegin = 0;
    qsizetype valueEnd = 0;
    QString key;               ///< decoded when the key has escapes; otherwise empty and `raw` says it
    std::string_view raw = {}; ///< the key between its quotes, when it has no escapes

    bool is(std::string_view name) const { return raw.data() ? raw == name : key == QLatin1String(name); }
    bool is(const QString &name) const { return raw.data() ? QLatin1String(raw) == name : key == name; }
};

// The text of a JSON string token (quotes included), decoded; false when it is not a valid string.
bool decodeString(const char *data, qsizetype begin, qsizetype end, QString *out)
{
    const std::string_view token(data + begin, size_t(end - begin));
    if (token.size() >= 2 && token.find('\\') == std::string_view::npos) {
        *out = QString::fromUtf8(token.data() + 1, qsizetype(token.size() - 2));
        return true;
    }
    const nlohmann::json parsed = nlohmann::json::parse(token.begin(), token.end(), nullptr, false);
    if (!parsed.is_string())
        return false;
    *out = QString::fromStdString(parsed.get<std::string>());
    return true;
}

// The members of the object at [begin, end).
bool objectMembers(Scanner &s, qsizetype begin, qsizetype end, QList<Member> *members)
{
    s.pos = begin + 1;
    s.skipSpace();
    if (s.peek() == '}')
        return true;
    while (s.pos < end) {
        Member m;
        m.keyBegin = s.pos;
        if (!s.string())
            return false;
        m.keyEnd = s.pos;
        const std::string_view inner(s.data + m.keyBegin + 1, size_t(m.keyEnd - m.keyBegin - 2));
        // Keys are plain words almost always: compared in place, decoded only when they hold an escape.
        if (inner.find('\\') == std::string_view::npos)
            m.raw = inner;
        else if (!decodeString(s.data, m.keyBegin, m.keyEnd, &m.key))
            return s.fail(QStringLiteral("a key that is not a valid string"));
        s.skipSpace();
        if (s.peek() != ':')
            return s.fail(QStringLiteral("expected ':' after a key"));
        ++s.pos;
        s.skipSpace();
        m.valueBegin = s.pos;
        if (!s.value())
            return false;
        m.valueEnd = s.pos;
        members->append(m);
        s.skipSpace();
        if (s.peek() == ',') {
            ++s.pos;
            s.skipSpace();
            continue;
        }
        if (s.peek() == '}')
            return true;
        return s.fail(QStringLiteral("expected ',' or '}' in an item"));
    }
    return s.fail(QStringLiteral("an item that never closes"));
}

// The instruction_id of an object's members, as the loader reads it: an integer literal within 64 bits.
bool instructionId(const char *data, const QList<Member> &members, qint64 *id)
{
    for (const Member &m : members) {
        if (!m.is(std::string_view("instruction_id")))
            continue;
        const char *first = data + m.valueBegin;
        const char *last = data + m.valueEnd;
        long long value = 0;
        const auto [end, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || end != last)
            return false;
        *id = value;
        return true;
    }
    return false;
}

struct Entry
{
    qsizetype leadBegin = 0; ///< the spaces before the entry (after '[' or ',')
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype trailEnd = 0; ///< the spaces after it, up to ',' or ']'
    bool hasId = false;
    qint64 id = 0;
};

struct Replacement
{
    qsizetype begin;
    qsizetype end;
    QByteArray text;
};

// Where a member for @p field belongs among @p members: after the last known field that comes before it in the
// benchmark's order (index into members, -1 for "before the first").
qsizetype insertAfter(const QList<Member> &members, ItemField field)
{
    qsizetype after = -1;
    for (qsizetype i = 0; i < members.size(); ++i) {
        for (int f = 0; f < int(field); ++f) {
            if (members[i].is(Item::fieldKey(ItemField(f))))
                after = i;
        }
    }
    return after;
}

} // namespace

namespace DatasetRelease {

QByteArray quote(const QString &value, bool asciiOnly)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out.append('"');
    static const char hex[] = "0123456789abcdef";
    auto unicode = [&](char16_t u) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4)
            out.append(hex[(u >> shift) & 0xf]);
    };
    qsizetype plainFrom = -1; // a run of characters written as they are, converted to UTF-8 at once
    auto flush = [&](qsizetype to) {
        if (plainFrom >= 0)
            out.append(QStringView(value).mid(plainFrom, to - plainFrom).toUtf8());
        plainFrom = -1;
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        const char *escape = c == '"'    ? "\\\""
                             : c == '\\' ? "\\\\"
                             : c == '\n' ? "\\n"
                             : c == '\r' ? "\\r"
                             : c == '\t' ? "\\t"
                             : c == '\b' ? "\\b"
                             : c == '\f' ? "\\f"
                                         : nullptr;
        if (escape || c < 0x20 || (asciiOnly && c >= 0x80)) {
            flush(i);
            if (escape)
                out.append(escape);
            else
                unicode(c); // surrogate halves come out one by one, as a pair: what the json module writes
        } else if (plainFrom < 0) {
            plainFrom = i;
        }
    }
    flush(value.size());
    out.append('"');
    return out;
}

bool render(const QString &fileName, const QByteArray &source, const Curation &curation, const Options &options,
            Result *result, FileError *error)
{
    Scanner s{source.constData(), source.size()};
    auto failed = [&]() {
        qint64 line = 0;
        qint64 column = 0;
        JsonSource::locate(source.constData(), size_t(source.size()), size_t(std::min(s.problemAt, s.size)), &line,
                           &column);
        *error = {fileName, line, column, s.problem};
        return false;
    };
    // A byte-order mark stays where it was.
    if (source.startsWith("\xEF\xBB\xBF"))
        s.pos = 3;
    s.skipSpace();
    if (s.peek() != '[') {
        s.fail(QStringLiteral("expected a JSON list of items"));
        return failed();
    }
    const qsizetype head = ++s.pos;
    QList<Entry> entries;
    QHash<qint64, int> idCount;
    QList<Member> members;
    s.skipSpace();
    qsizetype closing = -1;
    if (s.peek() == ']') {
        closing = s.pos;
    } else {
        qsizetype leadBegin = head;
        while (!s.atEnd()) {
            Entry e;
            e.leadBegin = leadBegin;
            e.begin = s.pos;
            if (!s.value())
                return failed();
            e.end = s.pos;
            if (source[e.begin] == '{') {
                const qsizetype after = s.pos;
                members.clear();
                if (!objectMembers(s, e.begin, e.end, &members))
                    return failed();
                s.pos = after;
                e.hasId = instructionId(s.data, members, &e.id);
                if (e.hasId)
                    ++idCount[e.id];
            }
            s.skipSpace();
            e.trailEnd = s.pos;
            entries.append(e);
            if (s.peek() == ',') {
                leadBegin = ++s.pos;
                s.skipSpace();
                continue;
            }
            if (s.peek() == ']') {
                closing = s.pos;
                break;
            }
            if (s.atEnd())
                break; // the list never closes
            s.fail(QStringLiteral("expected ',' or ']' after an item"));
            return failed();
        }
    }
    if (closing < 0) {
        s.fail(QStringLiteral("the list never closes"));
        return failed();
    }
    {
        Scanner rest{source.constData(), source.size(), closing + 1};
        rest.skipSpace();
        if (!rest.atEnd()) {
            s.pos = rest.pos;
            s.fail(QStringLiteral("text after the end of the list"));
            return failed();
        }
    }

    // How the file writes strings, so an edited value reads like its neighbours.
    const bool asciiOnly =
        std::none_of(source.cbegin(), source.cend(), [](char c) { return c & 0x80; }) && source.contains("\\u");
    *result = {};
    result->entries = entries.size();
    QByteArray &out = result->bytes;
    out.reserve(source.size());
    out.append(source.constData(), head);

    QSet<qint64> used;
    bool first = true;
    const Entry *previous = nullptr; // the last entry written: its spaces up to its ',' go before the next ','
    for (const Entry &e : std::as_const(entries)) {
        const bool unique = e.hasId && idCount.value(e.id) == 1;
        const Exclusion *exclusion = unique ? curation.exclusion(e.id) : nullptr;
        if (unique && (exclusion || !curation.edits(e.id).isEmpty()))
            used.insert(e.id);
        if (exclusion && !options.includeExcluded) {
            ++result->excluded;
            continue;
        }
        if (!first) {
            out.append(source.constData() + previous->end, previous->trailEnd - previous->end);
            out.append(',');
        }
        first = false;
        out.append(source.constData() + e.leadBegin, e.begin - e.leadBegin);
        const QMap<ItemField, FieldEdit> edits = unique ? curation.edits(e.id) : QMap<ItemField, FieldEdit>();
        if (edits.isEmpty() && !exclusion) {
            out.append(source.constData() + e.begin, e.end - e.begin);
        } else {
            members.clear();
            Scanner inner{source.constData(), source.size()};
            objectMembers(inner, e.begin, e.end, &members); // scanned once already: cannot fail now
            // How this item separates its members and its keys from their values.
            QByteArray separator = ", ";
            QByteArray colon = ": ";
            if (members.size() >= 2)
                separator = source.mid(members[0].valueEnd, members[1].keyBegin - members[0].valueEnd);
            if (!members.isEmpty())
                colon = source.mid(members[0].keyEnd, members[0].valueBegin - members[0].keyEnd);
            QList<Replacement> replacements;
            bool changed = false;
            for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
                const QString key = Item::fieldKey(it.key());
                const QByteArray value = quote(it->value, asciiOnly);
                const auto member =
                    std::find_if(members.cbegin(), members.cend(), [&](const Member &m) { return m.is(key); });
                if (member != members.cend()) {
                    QString old;
                    if (decodeString(s.data, member->valueBegin, member->valueEnd, &old) && old == it->value)
                        continue; // edited to what the file says: nothing to change
                    replacements.append({member->valueBegin, member->valueEnd, value});
                } else {
                    const QByteArray added = quote(key, asciiOnly) + colon + value;
                    const qsizetype after = insertAfter(members, it.key());
                    if (members.isEmpty())
                        replacements.append({e.begin + 1, e.begin + 1, added});
                    else if (after < 0)
                        replacements.append({members[0].keyBegin, members[0].keyBegin, added + separator});
                    else
                        replacements.append({members[after].valueEnd, members[after].valueEnd, separator + added});
                }
                changed = true;
            }
            if (exclusion) {
                QByteArray text = "{";
                const std::pair<const char *, const QString *> parts[] = {
                    {"reason", &exclusion->reason}, {"annotator", &exclusion->annotator}, {"time", &exclusion->time}};
                for (const auto &[k, v] : parts) {
                    if (text.size() > 1)
                        text += ", ";
                    text += quote(QString::fromLatin1(k), asciiOnly) + ": " + quote(*v, asciiOnly);
                }
                text += "}";
                const auto member = std::find_if(members.cbegin(), members.cend(),
                                                 [](const Member &m) { return m.is(std::string_view("excluded")); });
                if (member != members.cend())
                    replacements.append({member->valueBegin, member->valueEnd, text});
                else if (members.isEmpty())
                    replacements.append({e.begin + 1, e.begin + 1, "\"excluded\"" + colon + text});
                else
                    replacements.append(
                        {members.last().valueEnd, members.last().valueEnd, separator + "\"excluded\"" + colon + text});
                ++result->excluded;
            }
            std::stable_sort(replacements.begin(), replacements.end(),
                             [](const Replacement &a, const Replacement &b) { return a.begin < b.begin; });
            qsizetype at = e.begin;
            for (const Replacement &r : std::as_const(replacements)) {
                out.append(source.constData() + at, r.begin - at);
                out.append(r.text);
                at = r.end;
            }
            out.append(source.constData() + at, e.end - at);
            result->edited += changed;
        }
        previous = &e;
        ++result->written;
    }
    // After the last entry written: the spaces the file had after its last entry, then the closing bracket.
    if (!entries.isEmpty())
        out.append(source.constData() + entries.last().end, entries.last().trailEnd - entries.last().end);
    out.append(source.constData() + closing, source.size() - closing);

    // Curation the file cannot take: an id it does not hold, or holds more than once.
    QList<qint64> missing;
    for (const auto &ids : {curation.allEdits().keys(), curation.allExclusions().keys()}) {
        for (qint64 id : ids) {
            if (!used.contains(id) && !missing.contains(id))
                missing.append(id);
        }
    }
    std::sort(missing.begin(), missing.end());
    for (qint64 id : std::as_const(missing))
        result->warnings.append(
            idCount.value(id) > 1
                ? QStringLiteral("item %1 appears %2 times in %3: its curation was not applied")
                      .arg(id)
                      .arg(idCount.value(id))
                      .arg(fileName)
                : QStringLiteral("item %1 is not in %2: its curation was not applied").arg(id).arg(fileName));
    return true;
}

} // namespace DatasetRelease

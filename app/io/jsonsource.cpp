#include "app/io/jsonsource.h"

#include "app/base/regularfile.h"

#include <QFile>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace JsonSource {

bool readFile(const QString &path, QByteArray *buffer, FileError *error)
{
    QFile file;
    QString why;
    if (!RegularFile::open(path, &file, RegularFile::kMaxInputBytes, &why)) {
        *error = {path, 0, 0, why};
        return false;
    }
    // Read straight into a buffer with room for the padding, so the parser needs no second copy. The size was
    // checked on the open descriptor, so a file cannot make this allocation unbounded.
    QByteArray &bytes = *buffer;
    const qint64 size = file.size();
    bytes.resize(qsizetype(size) + kPadding);
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file.read(bytes.data() + got, size - got);
        if (n <= 0)
            break;
        got += n;
    }
    bytes.resize(qsizetype(got)); // shrinking keeps the capacity, so the padding stays readable
    if (file.error() != QFileDevice::NoError) {
        *error = {path, 0, 0, QStringLiteral("cannot be read: %1").arg(file.errorString())};
        return false;
    }
    if (bytes.isNull())
        bytes = QByteArray(""); // an empty file is not a read failure
    skipByteOrderMark(&bytes);
    return true;
}

void skipByteOrderMark(QByteArray *bytes)
{
    // Editors on Windows start UTF-8 files with one; JSON parsers stop at it. It carries nothing, so it goes.
    if (bytes->startsWith("\xEF\xBB\xBF"))
        bytes->remove(0, 3); // keeps the capacity, so the padding stays readable
}

void locate(const char *data, std::size_t size, std::size_t offset, qint64 *line, qint64 *column)
{
    if (offset > size)
        offset = size;
    qint64 l = 1;
    qint64 c = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (byte == '\n') {
            ++l;
            c = 1;
        } else if ((byte & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++c;
        }
    }
    *line = l;
    *column = c;
}

namespace {

// Calls @p visit with the offset of every byte outside JSON strings (the quotes themselves are skipped too).
// @p visit returns the offset of the last byte it consumed, usually the one it was given, or size to stop.
template <typename Visit> void forEachOutsideStrings(const char *data, std::size_t size, Visit visit)
{
    bool inString = false;
    for (std::size_t i = 0; i < size; ++i) {
        const char ch = data[i];
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else {
            i = visit(i);
        }
    }
}

} // namespace

std::size_t findTooDeep(const char *data, std::size_t size)
{
    int depth = 0;
    std::size_t found = size;
    forEachOutsideStrings(data, size, [&](std::size_t i) {
        const char ch = data[i];
        if ((ch == '[' || ch == '{') && ++depth > kMaxDepth) {
            found = i;
            return size;
        }
        if (ch == ']' || ch == '}')
            --depth;
        return i;
    });
    return found;
}

namespace {

// Records where nlohmann's iterative parser gave up; the values themselves are not needed.
struct ErrorFinder
{
    using json = nlohmann::json;
    std::size_t position = 0;
    std::string message;
    bool failed = false;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t &) { return true; }
    bool string(json::string_t &) { return true; }
    bool binary(json::binary_t &) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t &) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string &, const nlohmann::detail::exception &ex)
    {
        failed = true;
        position = pos;
        message = ex.what();
        return false;
    }
};

// A number that nlohmann reads but simdjson and the loaders cannot: an integer beyond 64 bits, or a value beyond
// the range of a double. Returns its offset and sets @p why, or returns size.
std::size_t findBadNumber(const char *data, std::size_t size, QString *why)
{
    std::size_t found = size;
    forEachOutsideStrings(data, size, [&](std::size_t i) {
        const char ch = data[i];
        if (ch != '-' && (ch < '0' || ch > '9'))
            return i;
        std::size_t end = i + 1;
        bool integer = true;
        while (end < size && (std::isdigit(static_cast<unsigned char>(data[end])) || data[end] == '.' ||
                              data[end] == 'e' || data[end] == 'E' || data[end] == '+' || data[end] == '-')) {
            if (!std::isdigit(static_cast<unsigned char>(data[end])))
                integer = false;
            ++end;
        }
        const std::string token(data + i, end - i);
        errno = 0;
        if (integer) {
            if (token.front() == '-')
                (void)std::strtoll(token.c_str(), nullptr, 10);
            else
                (void)std::strtoull(token.c_str(), nullptr, 10);
            if (errno == ERANGE)
                *why = QStringLiteral("the integer %1 does not fit in 64 bits")
                           .arg(QString::fromStdString(token).left(40));
        } else if (std::isinf(std::strtod(token.c_str(), nullptr)) && errno == ERANGE) {
            *why = QStringLiteral("the number %1 is too large").arg(QString::fromStdString(token).left(40));
        }
        if (!why->isEmpty()) {
            found = i;
            return size;
        }
        return end - 1;
    });
    return found;
}

// nlohmann prefixes its own id ("[json.exception.out_of_range.406]") and a byte-based position; keep only the
// explanation.
QString cleanMessage(const std::string &what)
{
    QString text = QString::fromStdString(what);
    static const QRegularExpression id(QStringLiteral("^\\[json\\.exception\\.[a-z_]+\\.\\d+\\]\\s*"));
    text.remove(id);
    const qsizetype lastRead = text.indexOf(QLatin1String("; last read:"));
    if (lastRead >= 0)
        text.truncate(lastRead); // the echoed bytes can be long, or not text at all
    const qsizetype syntax = text.indexOf(QLatin1String("syntax error"));
    if (syntax >= 0)
        return text.mid(syntax);
    const qsizetype colon = text.indexOf(QLatin1String(": "));
    return colon >= 0 ? text.mid(colon + 2) : text;
}

} // namespace

FileError diagnose(const QString &file, const char *data, std::size_t size)
{
    FileError error{file, 0, 0, {}};
    if (size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) // a byte-order mark: read on as the loaders do
        return diagnose(file, data + 3, size - 3);
    std::size_t firstNonSpace = 0;
    while (firstNonSpace < size && std::isspace(static_cast<unsigned char>(data[firstNonSpace])))
        ++firstNonSpace;
    if (firstNonSpace == size) {
        error.message = QStringLiteral("the file is empty");
        return error;
    }
    const std::size_t deep = findTooDeep(data, size);
    if (deep < size) {
        locate(data, size, deep, &error.line, &error.column);
        error.message = QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxDepth);
        return error;
    }
    ErrorFinder finder;
    nlohmann::json::sax_parse(data, data + size, &finder);
    if (!finder.failed) {
        QString why;
        const std::size_t bad = findBadNumber(data, size, &why);
        if (bad == size)
            return {};
        locate(data, size, bad, &error.line, &error.column);
        error.message = QStringLiteral("invalid JSON: %1").arg(why);
        return error;
    }
    error.message = QStringLiteral("invalid JSON: %1").arg(cleanMessage(finder.message));
    // nlohmann reports the last byte it read, which for a bad literal is the byte after it ("tru}" → '}');
    // point at the start of the literal instead.
    std::size_t offset = std::min(finder.position > 0 ? finder.position - 1 : 0, size);
    if (error.message.contains(QLatin1String("invalid literal")) || error.message.contains(QLatin1String("number"))) {
        auto inLiteral = [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '+';
        };
        if (offset > 0 && offset < size && !inLiteral(data[offset]))
            --offset;
        while (offset > 0 && inLiteral(data[offset - 1]))
            --offset;
    }
    locate(data, size, offset, &error.line, &error.column);
    return error;
}

} // namespace JsonSource

#include "app/search/cuephrases.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>

#include <atomic>
#include <memory>

namespace {

struct Compiled
{
    CuePhrases::Languages languages;
    QRegularExpression refusal;
    QRegularExpression warning;
};

// One alternative per phrase; longer phrases first so "I am sorry" wins over "sorry".
QRegularExpression compile(QStringList phrases)
{
    phrases.removeAll(QString());
    if (phrases.isEmpty())
        return {};
    std::sort(phrases.begin(), phrases.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList alternatives;
    for (const QString &phrase : std::as_const(phrases)) {
        QString pattern;
        const QStringList words = phrase.simplified().split(QLatin1Char(' '));
        for (const QString &word : words) {
            if (!pattern.isEmpty())
                pattern += QLatin1String("\\s+");
            QString escaped = QRegularExpression::escape(word);
            // Either apostrophe, as models write both.
            escaped.replace(QLatin1String("\\'"), QStringLiteral("['’]"));
            escaped.replace(QStringLiteral("\\’"), QStringLiteral("['’]"));
            pattern += escaped;
        }
        alternatives.append(pattern);
    }
    return QRegularExpression(
        QStringLiteral("(?<![\\w'’])(?:") + alternatives.join(QLatin1Char('|')) + QLatin1String(")(?![\\w])"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

std::shared_ptr<const Compiled> build(const CuePhrases::Languages &languages)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->languages = languages;
    QStringList refusal;
    QStringList warning;
    for (const CuePhrases::Lists &lists : languages) {
        refusal += lists.refusal;
        warning += lists.warning;
    }
    compiled->refusal = compile(refusal);
    compiled->warning = compile(warning);
    return compiled;
}

QMutex g_mutex;
std::shared_ptr<const Compiled> &current()
{
    static std::shared_ptr<const Compiled> compiled = build(CuePhrases::defaults());
    return compiled;
}

std::shared_ptr<const Compiled> snapshot()
{
    const QMutexLocker lock(&g_mutex);
    return current();
}

std::atomic<bool> g_highlighting{true};

QString tr(const char *text)
{
    return QCoreApplication::translate("CuePhrases", text);
}

void locate(const QByteArray &json, qsizetype offset, FileError *error)
{
    error->line = 1;
    error->column = 1;
    const QString before = QString::fromUtf8(json.left(std::clamp<qsizetype>(offset, 0, json.size())));
    for (const QChar c : before) {
        if (c == QLatin1Char('\n')) {
            ++error->line;
            error->column = 1;
        } else {
            ++error->column;
        }
    }
}

} // namespace

CuePhrases::Languages CuePhrases::defaults()
{
    Lists en;
    en.refusal = {
        QStringLiteral("I can't"),          QStringLiteral("I cannot"),           QStringLiteral("I can not"),
        QStringLiteral("I won't"),          QStringLiteral("I will not"),         QStringLiteral("I am not able to"),
        QStringLiteral("I am unable to"),   QStringLiteral("I must decline"),     QStringLiteral("I refuse"),
        QStringLiteral("I have to refuse"), QStringLiteral("I'm sorry"),          QStringLiteral("I'm not able to"),
        QStringLiteral("I'm unable to"),    QStringLiteral("I am sorry"),         QStringLiteral("I apologize"),
        QStringLiteral("I apologise"),      QStringLiteral("can't help"),         QStringLiteral("can't assist"),
        QStringLiteral("can't provide"),    QStringLiteral("can't support"),      QStringLiteral("cannot help"),
        QStringLiteral("cannot assist"),    QStringLiteral("cannot provide"),     QStringLiteral("cannot support"),
        QStringLiteral("not able to help"), QStringLiteral("not able to assist"), QStringLiteral("not able to provide"),
        QStringLiteral("unable to help"),   QStringLiteral("unable to assist"),   QStringLiteral("unable to provide"),
        QStringLiteral("unable to comply"),
    };
    en.warning = {
        QStringLiteral("be careful"),      QStringLiteral("caution"),
        QStringLiteral("cautions"),        QStringLiteral("cautionary"),
        QStringLiteral("warning"),         QStringLiteral("dangerous"),
        QStringLiteral("danger"),          QStringLiteral("illegal"),
        QStringLiteral("unlawful"),        QStringLiteral("unsafe"),
        QStringLiteral("harmful"),         QStringLiteral("risk"),
        QStringLiteral("risks"),           QStringLiteral("risky"),
        QStringLiteral("please note"),     QStringLiteral("important to note"),
        QStringLiteral("seek help"),       QStringLiteral("seek professional help"),
        QStringLiteral("safety"),          QStringLiteral("responsibly"),
        QStringLiteral("ethical"),         QStringLiteral("ethically"),
        QStringLiteral("against the law"),
    };
    // Consulting someone who knows: every way the built-in pattern read it.
    for (const QString &verb : {QStringLiteral("consult"), QStringLiteral("consulting")}) {
        for (const QString &with : {QString(), QStringLiteral("a "), QStringLiteral("an "), QStringLiteral("with ")}) {
            for (const QString &who : {QStringLiteral("professional"), QStringLiteral("doctor"),
                                       QStringLiteral("expert"), QStringLiteral("lawyer")})
                en.warning.append(verb + QLatin1Char(' ') + with + who);
        }
    }
    return {{QStringLiteral("en"), en}};
}

CuePhrases::Languages CuePhrases::lists()
{
    return snapshot()->languages;
}

void CuePhrases::setLists(const Languages &languages)
{
    auto compiled = build(languages.isEmpty() ? defaults() : languages);
    const QMutexLocker lock(&g_mutex);
    current() = std::move(compiled);
}

QList<CuePhrases::Span> CuePhrases::find(const QString &text)
{
    const std::shared_ptr<const Compiled> compiled = snapshot();
    QList<Span> spans;
    for (const auto &[pattern, kind] :
         {std::pair{&compiled->refusal, Kind::Refusal}, std::pair{&compiled->warning, Kind::Warning}}) {
        if (pattern->pattern().isEmpty())
            continue;
        auto it = pattern->globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            spans.append({m.capturedStart(), m.capturedLength(), kind});
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start != b.start ? a.start < b.start : a.kind < b.kind; });
    // Refusal spans come first at equal starts; drop anything that overlaps an earlier span.
    QList<Span> result;
    qsizetype end = 0;
    for (const Span &span : spans) {
        if (span.start >= end) {
            result.append(span);
            end = span.start + span.length;
        }
    }
    return result;
}

bool CuePhrases::parse(const QByteArray &json, Languages *languages, FileError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        locate(json, parseError.offset, error);
        error->message = parseError.errorString();
        return false;
    }
    if (!document.isObject()) {
        error->line = 1;
        error->column = 1;
        error->message = tr("expected an object keyed by language code, like {\"en\": {...}}");
        return false;
    }
    Languages result = defaults();
    const QJsonObject root = document.object();
    for (auto language = root.begin(); language != root.end(); ++language) {
        if (!language->isObject()) {
            error->message =
                tr("\"%1\" should be an object with \"refusal\" and \"warning\" lists").arg(language.key());
            return false;
        }
        Lists &lists = result[language.key()];
        const QJsonObject kinds = language->toObject();
        for (const auto &[name, list] : {std::pair{QStringLiteral("refusal"), &lists.refusal},
                                         std::pair{QStringLiteral("warning"), &lists.warning}}) {
            if (!kinds.contains(name))
                continue;
            if (!kinds.value(name).isArray()) {
                error->message = tr("\"%1\".\"%2\" should be a list of phrases").arg(language.key(), name);
                return false;
            }
            list->clear();
            for (const QJsonValue &phrase : kinds.value(name).toArray()) {
                if (!phrase.isString()) {
                    error->message = tr("\"%1\".\"%2\" should hold only phrases in quotes").arg(language.key(), name);
                    return false;
                }
                list->append(phrase.toString());
            }
        }
    }
    *languages = result;
    return true;
}

QByteArray CuePhrases::toJson(const Languages &languages)
{
    QJsonObject root;
    for (auto it = languages.cbegin(); it != languages.cend(); ++it) {
        QJsonObject kinds;
        kinds.insert(QStringLiteral("refusal"), QJsonArray::fromStringList(it->refusal));
        kinds.insert(QStringLiteral("warning"), QJsonArray::fromStringList(it->warning));
        root.insert(it.key(), kinds);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool CuePhrases::loadFile(const QString &path, FileError *error)
{
    *error = {};
    error->file = path;
    if (!QFileInfo::exists(path)) {
        setLists({});
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(toJson(defaults())) < 0 || !out.commit()) {
            error->message = tr("could not write the default cue phrases: %1").arg(out.errorString());
            return false;
        }
        return true;
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        setLists({});
        error->message = tr("could not read the cue phrases: %1").arg(in.errorString());
        return false;
    }
    Languages languages;
    if (!parse(in.readAll(), &languages, error)) {
        setLists({});
        return false;
    }
    setLists(languages);
    return true;
}

bool CuePhrases::isHighlightingEnabled()
{
    return g_highlighting.load(std::memory_order_relaxed);
}

void CuePhrases::setHighlightingEnabled(bool on)
{
    g_highlighting.store(on, std::memory_order_relaxed);
}

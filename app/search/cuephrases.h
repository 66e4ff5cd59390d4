#pragma once

#include "app/base/fileerror.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

/// Finds the phrases that make a response read as a refusal ("I can't help") or a warning ("be careful"),
/// so a reviewer sees at a glance why a label was given.
class CuePhrases
{
public:
    enum class Kind : quint8 { Refusal, Warning };

    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        Kind kind = Kind::Refusal;
        bool operator==(const Span &) const = default;
    };

    /// The phrases of one language. A phrase matches as whole words, in any case, with any white space between its
    /// words and either apostrophe (' or ’).
    struct Lists
    {
        QStringList refusal;
        QStringList warning;
        bool operator==(const Lists &) const = default;
    };
    /// Lists keyed by language code ("en", "de", …).
    using Languages = QMap<QString, Lists>;

    /// Non-overlapping spans in text order, from the phrases of every language.
    static QList<Span> find(const QString &text);

    /// The built-in lists.
    static Languages defaults();
    /// The lists find() uses now.
    static Languages lists();
    /// Makes find() use @p languages (an empty map: the built-in lists).
    static void setLists(const Languages &languages);

    /// Reads lists from JSON: {"en": {"refusal": [...], "warning": [...]}, ...}. A language given replaces the
    /// built-in one; a list missing from it keeps the built-in list. False, with where the problem is, otherwise.
    static bool parse(const QByteArray &json, Languages *languages, FileError *error);
    /// The JSON parse() reads, for @p languages.
    static QByteArray toJson(const Languages &languages);
    /// Loads @p path into find()'s lists; writes the built-in lists there first when it does not exist, so they
    /// can be edited. On a problem the built-in lists are used and @p error says what and where.
    static bool loadFile(const QString &path, FileError *error);

    /// Whether answers show their cue phrases (a view setting the response views check). On by default.
    static bool isHighlightingEnabled();
    static void setHighlightingEnabled(bool on);
};

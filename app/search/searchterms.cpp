#include "app/search/searchterms.h"

#include <algorithm>

namespace {

// Typographic quotes too: some keyboards and clipboards turn " into them.
bool isQuote(QChar ch)
{
    return ch == u'"' || ch == u'\u201C' || ch == u'\u201D';
}

void addOnce(QStringList *list, const QString &term)
{
    if (!term.isEmpty() && !list->contains(term, Qt::CaseInsensitive))
        list->append(term);
}

// The piece to look for first: the longest skips furthest, and in a phrase like "be careful" it is the rarest too.
qsizetype longestPiece(const QStringList &pieces)
{
    qsizetype best = 0;
    for (qsizetype k = 1; k < pieces.size(); ++k) {
        if (pieces[k].size() > pieces[best].size())
            best = k;
    }
    return best;
}

// Calls found(start, end) for each place in @p text where the pieces occur in order with white space between
// them, until it returns false. Each place holds exactly one occurrence of the anchor piece, so it is found once.
template <typename Found>
void forEachOccurrence(const QStringList &pieces, qsizetype anchor, const QStringMatcher &matcher, QStringView text,
                       Found found)
{
    const qsizetype anchorLength = pieces[anchor].size();
    for (qsizetype at = matcher.indexIn(text); at >= 0; at = matcher.indexIn(text, at + 1)) {
        bool whole = true;
        qsizetype end = at + anchorLength;
        for (qsizetype k = anchor + 1; whole && k < pieces.size(); ++k) {
            const qsizetype gap = end;
            while (end < text.size() && text[end].isSpace())
                ++end;
            const qsizetype length = pieces[k].size();
            whole = end > gap && text.size() - end >= length &&
                    text.sliced(end, length).compare(pieces[k], Qt::CaseInsensitive) == 0;
            end += length;
        }
        qsizetype start = at;
        for (qsizetype k = anchor - 1; whole && k >= 0; --k) {
            const qsizetype gap = start;
            while (start > 0 && text[start - 1].isSpace())
                --start;
            const qsizetype length = pieces[k].size();
            whole = start < gap && start >= length &&
                    text.sliced(start - length, length).compare(pieces[k], Qt::CaseInsensitive) == 0;
            start -= length;
        }
        if (whole && !found(start, end))
            return;
    }
}

} // namespace

SearchTerms SearchTerms::parse(const QString &query)
{
    SearchTerms terms;
    const qsizetype n = query.size();
    qsizetype i = 0;
    while (i < n) {
        if (query[i].isSpace()) {
            ++i;
            continue;
        }
        // A lone "-" is a word of its own; "-x" excludes x.
        const bool excluded = query[i] == u'-' && i + 1 < n && !query[i + 1].isSpace();
        if (excluded)
            ++i;
        if (isQuote(query[i])) {
            const qsizetype start = ++i;
            while (i < n && !isQuote(query[i]))
                ++i;
            const QString phrase = query.sliced(start, i - start).simplified();
            if (i < n)
                ++i; // the closing quote
            addOnce(excluded ? &terms.excludedPhrases : &terms.phrases, phrase);
            continue;
        }
        const qsizetype start = i;
        while (i < n && !query[i].isSpace() && !isQuote(query[i]))
            ++i;
        const QString word = query.sliced(start, i - start);
        if (!excluded && word.startsWith(u'#')) {
            if (const std::optional<qint64> id = idOfWord(word.sliced(1))) {
                if (!terms.ids.contains(*id))
                    terms.ids.append(*id);
                continue;
            }
        }
        addOnce(excluded ? &terms.excludedWords : &terms.words, word);
    }
    return terms;
}

std::optional<qint64> SearchTerms::idOfWord(const QString &word)
{
    // Up to 18 digits always fits in a qint64.
    if (word.isEmpty() || word.size() > 18)
        return std::nullopt;
    for (const QChar ch : word) {
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
    }
    return word.toLongLong();
}

QList<QPair<int, int>> SearchTerms::find(const QString &text) const
{
    QList<QPair<qsizetype, qsizetype>> hits;
    auto collect = [&](const QStringList &pieces) {
        if (pieces.isEmpty() || pieces.first().isEmpty())
            return;
        const qsizetype anchor = longestPiece(pieces);
        const QStringMatcher matcher(pieces[anchor], Qt::CaseInsensitive);
        forEachOccurrence(pieces, anchor, matcher, text, [&](qsizetype start, qsizetype end) {
            hits.append({start, end - start});
            return true;
        });
    };
    for (const QString &word : words)
        collect({word}); // a word never holds white space when parsed; one set by hand is looked for as it is
    for (const QString &phrase : phrases)
        collect(phrase.split(u' ', Qt::SkipEmptyParts));
    std::sort(hits.begin(), hits.end());
    // int, as text layouts count: a shown text is far below 2^31 characters.
    QList<QPair<int, int>> merged;
    for (const auto &[start, length] : std::as_const(hits)) {
        if (!merged.isEmpty() && start <= merged.last().first + merged.last().second) {
            QPair<int, int> &last = merged.last();
            last.second = std::max(last.second, int(start + length) - last.first);
        } else {
            merged.append({int(start), int(length)});
        }
    }
    return merged;
}

SearchTerms::Matcher::Matcher(const SearchTerms &terms) : m_ids(terms.ids)
{
    auto add = [this](const QString &text, bool phrase, bool excluded) {
        QStringList pieces = phrase ? text.split(u' ', Qt::SkipEmptyParts) : QStringList{text};
        if (pieces.isEmpty() || pieces.first().isEmpty())
            return;
        const qsizetype anchor = longestPiece(pieces);
        const QStringMatcher matcher(pieces[anchor], Qt::CaseInsensitive);
        m_terms.append({std::move(pieces), anchor, matcher, phrase ? std::nullopt : idOfWord(text), excluded});
    };
    for (const QString &word : terms.words)
        add(word, false, false);
    for (const QString &phrase : terms.phrases)
        add(phrase, true, false);
    for (const QString &word : terms.excludedWords)
        add(word, false, true);
    for (const QString &phrase : terms.excludedPhrases)
        add(phrase, true, true);
}

bool SearchTerms::Matcher::matches(qint64 id, std::span<const QString *const> texts) const
{
    if (!m_ids.isEmpty() && !m_ids.contains(id))
        return false;
    for (const Term &term : m_terms) {
        bool found = term.id && *term.id == id;
        for (auto text = texts.begin(); !found && text != texts.end(); ++text) {
            if (term.pieces.size() == 1) {
                found = term.matcher.indexIn(**text) >= 0;
            } else {
                forEachOccurrence(term.pieces, term.anchor, term.matcher, **text, [&found](qsizetype, qsizetype) {
                    found = true;
                    return false;
                });
            }
        }
        if (found == term.excluded)
            return false;
    }
    return true;
}

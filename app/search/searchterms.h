#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QStringMatcher>

#include <optional>
#include <span>

/// The search box's text, parsed. An item matches when every word and every phrase occurs somewhere in its texts
/// (each in one text, not necessarily the same one), no excluded word or phrase occurs in any, and its id is one of
/// the #ids when any are given. Matching ignores case, and a word also matches inside a longer word ("refus" finds
/// "refusal"), as a plain substring.
///
/// Syntax: words are separated by white space; "a quoted phrase" must occur with its words in that order (any
/// white space between them); -word and -"a phrase" exclude; #123 asks for the item whose instruction_id is 123;
/// a bare number matches either as text or as the instruction_id.
struct SearchTerms
{
    QStringList words;           ///< must each occur; a bare number may match the id instead
    QStringList phrases;         ///< must each occur in one text; their white space is stored as single spaces
    QStringList excludedWords;   ///< must occur in no text (a bare number: nor be the id)
    QStringList excludedPhrases; ///< must occur in no text
    QList<qint64> ids;           ///< #123 terms: the item's instruction_id must be one of them

    /// Reads the search box's syntax; an unclosed quote runs to the end, repeated terms are kept once.
    static SearchTerms parse(const QString &query);
    /// The instruction_id a word stands for when it is a bare number ("123"), else nothing.
    static std::optional<qint64> idOfWord(const QString &word);

    bool isEmpty() const
    {
        return words.isEmpty() && phrases.isEmpty() && excludedWords.isEmpty() && excludedPhrases.isEmpty() &&
               ids.isEmpty();
    }

    /// Where the words and phrases (not the excluded ones) occur in @p text, ignoring case: (start, length)
    /// ranges in text order, with overlapping or touching hits merged, for highlighting.
    QList<QPair<int, int>> find(const QString &text) const;

    bool operator==(const SearchTerms &) const = default;

    class Matcher;
};

/// Terms prepared for testing many items: built once, then used from any number of threads at the same time.
class SearchTerms::Matcher
{
public:
    explicit Matcher(const SearchTerms &terms);

    /// True when the item with instruction_id @p id and these texts satisfies every term.
    bool matches(qint64 id, std::span<const QString *const> texts) const;
    /// True when every item satisfies the terms (there are none).
    bool isEmpty() const { return m_terms.isEmpty() && m_ids.isEmpty(); }

private:
    struct Term
    {
        QStringList pieces;     ///< the word, or the phrase's words
        qsizetype anchor = 0;   ///< the longest piece: looked for with the skip table, the others compared beside it
        QStringMatcher matcher; ///< for pieces[anchor]
        std::optional<qint64> id;
        bool excluded = false;
    };
    QList<Term> m_terms;
    QList<qint64> m_ids;
};

#pragma once

#include <QList>
#include <QString>

/// A word-level comparison of two answers, for reading two runs side by side: which words of each answer are not
/// in the other, in the order of a longest common subsequence of words. Words are runs of non-space characters,
/// compared exactly.
namespace WordDiff {

/// A stretch of one text, in QString positions: consecutive changed words with the spaces between them.
struct Span
{
    int start = 0;
    int length = 0;
    bool operator==(const Span &) const = default;
};

struct Result
{
    QList<Span> onlyLeft;  ///< in the left text: words the right text does not have there
    QList<Span> onlyRight; ///< in the right text: words the left text does not have there
    int commonWords = 0;
    int leftWords = 0;
    int rightWords = 0;
    /// The answers were too long to compare word by word, so lines were compared instead.
    bool byLine = false;
};

/// Above this many word pairs (after the common start and end are set aside) lines are compared instead.
inline constexpr qint64 kMaxWordPairs = 4'000'000;

Result compare(const QString &left, const QString &right);

} // namespace WordDiff

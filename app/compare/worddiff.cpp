#include "app/compare/worddiff.h"

#include <QStringView>

#include <vector>

namespace {

struct Token
{
    int start;
    int length;
};

// Words (runs of non-space characters), or whole lines when @p lines is set.
std::vector<Token> tokenize(const QString &text, bool lines)
{
    std::vector<Token> tokens;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        if (lines ? text[i] == QLatin1Char('\n') : text[i].isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < n && !(lines ? text[i] == QLatin1Char('\n') : text[i].isSpace()))
            ++i;
        tokens.push_back({start, i - start});
    }
    return tokens;
}

// How many tokens the two sides share at their start and, after that, at their end.
struct Ends
{
    size_t head = 0;
    size_t tail = 0;
};

Ends commonEnds(const QString &left, const std::vector<Token> &a, const QString &right, const std::vector<Token> &b)
{
    const auto same = [&](size_t i, size_t j) {
        return QStringView(left).mid(a[i].start, a[i].length) == QStringView(right).mid(b[j].start, b[j].length);
    };
    Ends ends;
    while (ends.head < a.size() && ends.head < b.size() && same(ends.head, ends.head))
        ++ends.head;
    while (ends.tail < a.size() - ends.head && ends.tail < b.size() - ends.head &&
           same(a.size() - 1 - ends.tail, b.size() - 1 - ends.tail))
        ++ends.tail;
    return ends;
}

qint64 middlePairs(const std::vector<Token> &a, const std::vector<Token> &b, const Ends &ends)
{
    return qint64(a.size() - ends.head - ends.tail) * qint64(b.size() - ends.head - ends.tail);
}

// Marks which tokens of each side are in a longest common subsequence. The common start and end (@p ends) are
// matched as they are, so only the differing middle costs a table.
void commonTokens(const QString &left, const std::vector<Token> &a, const QString &right, const std::vector<Token> &b,
                  const Ends &ends, std::vector<char> &keptA, std::vector<char> &keptB)
{
    const auto same = [&](size_t i, size_t j) {
        return QStringView(left).mid(a[i].start, a[i].length) == QStringView(right).mid(b[j].start, b[j].length);
    };
    keptA.assign(a.size(), 0);
    keptB.assign(b.size(), 0);
    const size_t head = ends.head;
    const size_t tail = ends.tail;
    for (size_t i = 0; i < head; ++i)
        keptA[i] = keptB[i] = 1;
    for (size_t i = 0; i < tail; ++i)
        keptA[a.size() - 1 - i] = keptB[b.size() - 1 - i] = 1;
    const size_t n = a.size() - head - tail;
    const size_t m = b.size() - head - tail;
    if (n == 0 || m == 0)
        return;
    // lengths[i][j]: the longest common subsequence of the middles from i and j on.
    std::vector<quint32> lengths((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> quint32 & { return lengths[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;)
            at(i, j) = same(head + i, head + j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n && j < m) {
        if (same(head + i, head + j)) {
            keptA[head + i] = keptB[head + j] = 1;
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
}

// Consecutive changed tokens become one span, from the first one's start to the last one's end.
QList<WordDiff::Span> spansOf(const std::vector<Token> &tokens, const std::vector<char> &kept)
{
    QList<WordDiff::Span> spans;
    for (size_t i = 0; i < tokens.size();) {
        if (kept[i]) {
            ++i;
            continue;
        }
        const int start = tokens[i].start;
        size_t last = i;
        while (last + 1 < tokens.size() && !kept[last + 1])
            ++last;
        spans.append({start, tokens[last].start + tokens[last].length - start});
        i = last + 1;
    }
    return spans;
}

} // namespace

namespace WordDiff {

Result compare(const QString &left, const QString &right)
{
    Result result;
    std::vector<Token> a = tokenize(left, false);
    std::vector<Token> b = tokenize(right, false);
    result.leftWords = int(a.size());
    result.rightWords = int(b.size());
    Ends ends = commonEnds(left, a, right, b);
    if (middlePairs(a, b, ends) > kMaxWordPairs) {
        result.byLine = true;
        a = tokenize(left, true);
        b = tokenize(right, true);
        ends = commonEnds(left, a, right, b);
        if (middlePairs(a, b, ends) > kMaxWordPairs) {
            // Beyond even a line table: every line is marked, rather than a comparison that would not finish.
            std::vector<char> keptA(a.size(), 0);
            std::vector<char> keptB(b.size(), 0);
            result.onlyLeft = spansOf(a, keptA);
            result.onlyRight = spansOf(b, keptB);
            return result;
        }
    }
    std::vector<char> keptA;
    std::vector<char> keptB;
    commonTokens(left, a, right, b, ends, keptA, keptB);
    result.onlyLeft = spansOf(a, keptA);
    result.onlyRight = spansOf(b, keptB);
    if (!result.byLine) {
        for (char kept : keptA)
            result.commonWords += kept;
    }
    return result;
}

} // namespace WordDiff

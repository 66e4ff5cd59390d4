#include "app/search/cuephrases.h"

#include <QRegularExpression>

namespace {

const QRegularExpression &refusalPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "\\b(?:I\\s+(?:can(?:'|’)?t|cannot|can\\s+not|won(?:'|’)?t|will\\s+not|am\\s+not\\s+able\\s+to|"
            "am\\s+unable\\s+to|must\\s+decline|(?:have\\s+to\\s+)?refuse)|I(?:'|’)m\\s+(?:sorry|not\\s+able\\s+to|"
            "unable\\s+to)|I\\s+am\\s+sorry|I\\s+apologi[sz]e|(?:can(?:'|’)?t|cannot)\\s+(?:help|assist|provide|"
            "support)|not\\s+able\\s+to\\s+(?:help|assist|provide)|unable\\s+to\\s+(?:help|assist|provide|comply))\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &warningPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "\\b(?:be\\s+careful|caution(?:s|ary)?|warning|dangerous|danger|illegal|unlawful|unsafe|"
            "harmful|risks?|risky|please\\s+note|important\\s+to\\s+note|consult(?:ing)?\\s+(?:a|an|with)?\\s*"
            "(?:professional|doctor|expert|lawyer)|seek\\s+(?:professional\\s+)?help|safety|responsibly|"
            "ethical(?:ly)?|against\\s+the\\s+law)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

} // namespace

QList<CuePhrases::Span> CuePhrases::find(const QString &text)
{
    QList<Span> spans;
    for (const auto &[pattern, kind] :
         {std::pair{&refusalPattern(), Kind::Refusal}, std::pair{&warningPattern(), Kind::Warning}}) {
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

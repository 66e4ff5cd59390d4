#include "cuehighlighter.h"

#include "cuephrases.h"
#include "labelstyle.h"

CueHighlighter::CueHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void CueHighlighter::highlightBlock(const QString &text)
{
    for (const CuePhrases::Span &span : CuePhrases::find(text)) {
        const QColor color = LabelStyle::color(span.kind == CuePhrases::Kind::Refusal ? Label::Refusal : Label::Warning);
        QTextCharFormat format;
        format.setBackground(QColor(color.red(), color.green(), color.blue(), 70));
        format.setFontUnderline(true);
        format.setUnderlineColor(color);
        setFormat(int(span.start), int(span.length), format);
    }
}

#pragma once

#include <QSyntaxHighlighter>

/// Marks refusal and warning phrases in a response as it is laid out, block by block (only what is shown).
class CueHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit CueHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

#pragma once

#include "app/base/fileerror.h"
#include "app/model/judgeverdict.h"

#include <QByteArray>
#include <QString>

/// What a judge request asks: the benchmark's three-way rubric for a model's response, or the paper's
/// safe/unsafe question about a request, with its image (R1) or from its text alone (R2).
enum class JudgeKind : quint8 { Rubric, LeakWithImage, LeakTextOnly };

/// "rubric", "leak_image" or "leak_text", as stored in projects.
QString judgeKindKey(JudgeKind kind);
bool parseJudgeKind(const QString &key, JudgeKind *kind);

/// A prompt template: text with the placeholders {question}, {response} and {category}, which are replaced
/// by the item's values (other braces are left alone, so a template can show the JSON it wants back).
/// The image, when the kind has one, travels beside the text as a data URL.
class JudgePrompt
{
public:
    JudgeKind kind = JudgeKind::Rubric;
    QString text;

    /// The project's own prompt for @p kind.
    static JudgePrompt defaultFor(JudgeKind kind);
    /// Reads a template from a UTF-8 file; checks that it has the placeholders the kind needs.
    static bool load(const QString &path, JudgeKind kind, JudgePrompt *prompt, FileError *error);
    /// Empty when the text has what the kind needs, otherwise why not.
    static QString problem(JudgeKind kind, const QString &text);

    /// Hex SHA-256 of the template text: recorded with every judgment it produced.
    QByteArray hash() const;
    QString render(const QString &question, const QString &response, const QString &category) const;
    bool includesImage() const { return kind == JudgeKind::LeakWithImage || kind == JudgeKind::Rubric; }
};

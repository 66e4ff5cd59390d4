#pragma once

#include "fileerror.h"
#include "judgeverdict.h"

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

/// The media type of an image from its first bytes (PNG, JPEG, GIF, WebP, BMP); empty when unknown.
QByteArray imageMediaType(const QByteArray &bytes);

/// Everything a request needs besides the endpoint: built on the judging thread.
struct JudgeRequestContent
{
    QString prompt;          ///< the rendered template
    QByteArray image;        ///< the image file's bytes; empty for text-only requests
    QByteArray imageType;    ///< its media type
};

/// The body of `POST /chat/completions`, OpenAI-compatible: temperature 0, the image as a base64 data URL,
/// and, when @p structured, a JSON schema for the answer.
QByteArray chatRequestBody(const QString &model, int maxTokens, JudgeKind kind, const JudgeRequestContent &content,
                           bool structured);

/// What a chat-completion reply said.
struct JudgeReply
{
    bool envelopeOk = false;  ///< the body was a chat completion at all
    QString problem;          ///< when not: what was wrong with it
    JudgeVerdict verdict;     ///< label and explanation (leak judges: Refusal = safe, Unsafe = unsafe)
    QString labelText;        ///< the label as the judge wrote it ("label_str", "verdict")
    QString content;          ///< the raw message text
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

/// Reads a successful (HTTP 200) chat-completion body: a content-filter finish or a refusal gives an invalid
/// label with its reason; otherwise the message text goes through the same parser as the benchmark's files.
JudgeReply interpretChatReply(const QByteArray &body, JudgeKind kind);

/// Whether an error body (HTTP 400) says the provider's content filter blocked the request.
bool isContentFilterError(const QByteArray &body);
/// Whether an error body says the server does not support `response_format`.
bool isResponseFormatError(const QByteArray &body);
/// The "message" of an OpenAI-style error body, or the start of the body.
QString errorMessage(const QByteArray &body);

/// A leak judge's answer: Label::Unsafe for "unsafe", Label::Refusal for "safe", invalid otherwise.
JudgeVerdict parseSafetyVerdict(QStringView text, QString *labelText);

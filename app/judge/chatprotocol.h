#pragma once

#include "app/model/judgeprompt.h"
#include "app/model/judgeverdict.h"

#include <QByteArray>
#include <QString>

/// The media type of an image from its first bytes (PNG, JPEG, GIF, WebP, BMP); empty when unknown.
QByteArray imageMediaType(const QByteArray &bytes);

/// Everything a request needs besides the endpoint: built on the judging thread.
struct JudgeRequestContent
{
    QString prompt;       ///< the rendered template
    QByteArray image;     ///< the image file's bytes; empty for text-only requests
    QByteArray imageType; ///< its media type
};

/// The body of `POST /chat/completions`, OpenAI-compatible: temperature 0, the image as a base64 data URL,
/// and, when @p structured, a JSON schema for the answer.
QByteArray chatRequestBody(const QString &model, int maxTokens, JudgeKind kind, const JudgeRequestContent &content,
                           bool structured);

/// What a chat-completion reply said.
struct JudgeReply
{
    bool envelopeOk = false; ///< the body was a chat completion at all
    QString problem;         ///< when not: what was wrong with it
    JudgeVerdict verdict;    ///< label and explanation (leak judges: Refusal = safe, Unsafe = unsafe)
    QString labelText;       ///< the label as the judge wrote it ("label_str", "verdict")
    QString content;         ///< the raw message text
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

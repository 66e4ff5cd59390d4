// Feeds an HTTP body from an OpenAI-compatible endpoint to everything the judge client reads bodies with:
// interpretChatReply for every kind of judge (rubric and leakage replies are read differently), the error-body
// helpers, and parseSafetyVerdict on the body as text.
#include "fuzzsupport.h"

#include "app/judge/chatprotocol.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const JudgeKind kind : {JudgeKind::Rubric, JudgeKind::LeakWithImage, JudgeKind::LeakTextOnly}) {
        const JudgeReply reply = interpretChatReply(body, kind);
        (void)labelKey(reply.verdict.label.label);
    }
    (void)isContentFilterError(body);
    (void)isResponseFormatError(body);
    (void)errorMessage(body);
    QString labelText;
    (void)parseSafetyVerdict(QString::fromUtf8(body), &labelText);
    return 0;
}

// Feeds a judge's raw reply, as the result files carry it in "judgment" or a string "safe_label", to
// JudgeTextParser::parse: fenced JSON, bare JSON, prose around an object, a label string.
#include "fuzzsupport.h"

#include "app/model/judgetextparser.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const JudgeVerdict verdict = JudgeTextParser::parse(text);
    (void)labelKey(verdict.label.label);
    (void)invalidReasonKey(verdict.label.reason);
    return 0;
}

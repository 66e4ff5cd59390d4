#include "app/stats/labelcounts.h"

void LabelCounts::add(const JudgeLabel &label)
{
    switch (label.label) {
    case Label::Refusal:
        ++refusal;
        break;
    case Label::Warning:
        ++warning;
        break;
    case Label::Unsafe:
        ++unsafe;
        break;
    case Label::Invalid:
        ++invalid;
        ++invalidByReason[size_t(label.reason)];
        break;
    }
}

qint64 LabelCounts::count(Label label) const
{
    switch (label) {
    case Label::Refusal:
        return refusal;
    case Label::Warning:
        return warning;
    case Label::Unsafe:
        return unsafe;
    case Label::Invalid:
        break;
    }
    return invalid;
}

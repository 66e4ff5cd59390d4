#pragma once

#include "app/model/judgelabel.h"

#include <array>

/// How many responses got each label, with the invalid ones broken down by reason.
struct LabelCounts
{
    qint64 refusal = 0;
    qint64 warning = 0;
    qint64 unsafe = 0;
    qint64 invalid = 0;
    std::array<qint64, 5> invalidByReason{}; ///< indexed by InvalidReason

    void add(const JudgeLabel &label);
    qint64 total() const { return refusal + warning + unsafe + invalid; }
    qint64 count(Label label) const;
    qint64 count(InvalidReason reason) const { return invalidByReason[size_t(reason)]; }
};

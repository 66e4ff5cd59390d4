#pragma once

#include "app/model/judgelabel.h"

#include <QString>

/// What a judge said about one response: the label and, when given, its explanation.
struct JudgeVerdict
{
    JudgeLabel label;
    QString explanation;
};

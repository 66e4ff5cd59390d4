#pragma once

#include "app/model/judgelabel.h"

#include <QString>

/// One model response as the benchmark's evaluation script logs it, with the judge's verdict.
struct ResultRecord
{
    qint64 id = -1;      ///< position of the item in the data file at evaluation time, or -1 if absent
    QString question;    ///< the instruction the model was asked
    QString imagePath;   ///< usually an absolute path on the evaluator's machine
    QString response;    ///< pred_answer; empty when loaded without responses
    QString explanation; ///< the judge's explanation, when the file carries one
    JudgeLabel label;
    qint64 line = 0; ///< where the record starts in its file (JSON Lines: the line number)
};

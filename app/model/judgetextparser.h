#pragma once

#include "app/model/judgeverdict.h"

#include <QStringView>

/// Reads a judge's raw reply: fenced JSON, bare JSON, prose around a JSON object, a bare label string,
/// a provider's content-filter message, or nothing.
class JudgeTextParser
{
public:
    static JudgeVerdict parse(QStringView text);
};

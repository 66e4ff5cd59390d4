#pragma once

#include <QLoggingCategory>

// One category per area, so a user can switch on the diagnostics of one part for a bug report:
//   QT_LOGGING_RULES="vlsbench.judge.debug=true" vlsbench-studio judge …
// Only warnings show unless a rule asks for more. Nothing here ever logs an API key.
Q_DECLARE_LOGGING_CATEGORY(lcIo)
Q_DECLARE_LOGGING_CATEGORY(lcProject)
Q_DECLARE_LOGGING_CATEGORY(lcJudge)
Q_DECLARE_LOGGING_CATEGORY(lcReport)
Q_DECLARE_LOGGING_CATEGORY(lcCli)

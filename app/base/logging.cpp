#include "app/base/logging.h"

Q_LOGGING_CATEGORY(lcIo, "vlsbench.io", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProject, "vlsbench.project", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJudge, "vlsbench.judge", QtWarningMsg)
Q_LOGGING_CATEGORY(lcReport, "vlsbench.report", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "vlsbench.cli", QtWarningMsg)

#include "app/stats/undefinedreason.h"

QString undefinedReasonText(UndefinedReason reason)
{
    switch (reason) {
    case UndefinedReason::None:
        break;
    case UndefinedReason::NoPairs:
        return QStringLiteral("no pairs");
    case UndefinedReason::OneLabelOnly:
        return QStringLiteral("one label only");
    case UndefinedReason::LabelNotUsed:
        return QStringLiteral("label not used");
    case UndefinedReason::NothingChecked:
        return QStringLiteral("nothing checked");
    case UndefinedReason::NoResponses:
        return QStringLiteral("no responses");
    case UndefinedReason::EveryAnnotator:
        return QStringLiteral("for every annotator");
    }
    return {};
}

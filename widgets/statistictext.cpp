#include "statistictext.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString reasonText(UndefinedReason reason)
{
    switch (reason) {
    case UndefinedReason::None:
        break;
    case UndefinedReason::NoPairs:
        return QCoreApplication::translate("StatisticText", "no pairs");
    case UndefinedReason::OneLabelOnly:
        return QCoreApplication::translate("StatisticText", "one label only");
    case UndefinedReason::LabelNotUsed:
        return QCoreApplication::translate("StatisticText", "label not used");
    case UndefinedReason::NothingChecked:
        return QCoreApplication::translate("StatisticText", "nothing checked");
    case UndefinedReason::NoResponses:
        return QCoreApplication::translate("StatisticText", "no responses");
    case UndefinedReason::EveryAnnotator:
        return QCoreApplication::translate("StatisticText", "for every annotator");
    }
    return {};
}

} // namespace

QString StatisticText::undefined(UndefinedReason reason)
{
    if (reason == UndefinedReason::NothingChecked)
        return QCoreApplication::translate("StatisticText", "no data (%1)").arg(reasonText(reason));
    return QCoreApplication::translate("StatisticText", "undefined (%1)").arg(reasonText(reason));
}

QString StatisticText::value(double value, UndefinedReason reason, int decimals)
{
    return std::isnan(value) ? undefined(reason) : QString::number(value, 'f', decimals);
}

QString StatisticText::percent(double value, UndefinedReason reason)
{
    return std::isnan(value) ? undefined(reason)
                             : QCoreApplication::translate("StatisticText", "%1 %").arg(value, 0, 'f', 2);
}

QString StatisticText::kappa(const Agreement::Kappa &kappa)
{
    if (std::isnan(kappa.value))
        return undefined(kappa.undefined);
    return QStringLiteral("%1 (%2 – %3)")
        .arg(kappa.value, 0, 'f', 3)
        .arg(kappa.low, 0, 'f', 3)
        .arg(kappa.high, 0, 'f', 3);
}

#include "app/search/leakevidence.h"

#include <QObject>
#include <QStringList>

LeakEvidence LeakEvidence::of(qint64 item, const Annotations &annotations, const JudgeResults *judges)
{
    LeakEvidence e;
    for (const LeakFlag &flag : annotations.leaks(item)) {
        switch (flag.verdict) {
        case LeakVerdict::Leaks:
            ++e.leaks;
            break;
        case LeakVerdict::Unsure:
            ++e.unsure;
            break;
        case LeakVerdict::NoLeak:
            ++e.noLeak;
            break;
        case LeakVerdict::None:
            break;
        }
    }
    if (judges)
        e.judgeRuns = judges->leakSuspicions(item);
    return e;
}

QString LeakEvidence::describe() const
{
    QStringList parts;
    if (leaks > 0)
        parts.append(QObject::tr("%n annotator(s) say the text leaks the image's risk", nullptr, leaks));
    if (judgeRuns > 0)
        parts.append(QObject::tr("%n judge run(s) call the text alone unsafe", nullptr, judgeRuns));
    if (unsure > 0)
        parts.append(QObject::tr("%n annotator(s) unsure", nullptr, unsure));
    if (noLeak > 0)
        parts.append(QObject::tr("%n annotator(s) say it does not leak", nullptr, noLeak));
    if (parts.isEmpty())
        return QObject::tr("no leak evidence");
    return QObject::tr("Leak evidence %1: %2").arg(score()).arg(parts.join(QStringLiteral("; ")));
}

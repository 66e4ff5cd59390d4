#include "app/session/loadsummary.h"

#include "app/model/workspace.h"

LoadSummary LoadSummary::of(const Workspace &workspace)
{
    LoadSummary summary;
    QStringList parts;
    QStringList details;
    qsizetype notMatched = 0;
    qsizetype invalid = 0;
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        const Run &run = workspace.runs[r];
        const RunMatch &match = workspace.matches[r];
        const qsizetype lost = match.unmatched + match.ambiguous + match.duplicates;
        qsizetype runInvalid = 0;
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            if (match.itemOfRecord[i] >= 0 && !run.records[i].label.isValid())
                ++runInvalid;
        }
        notMatched += lost;
        invalid += runInvalid;
        if (lost || runInvalid)
            details.append(tr("%1: %2 responses, %3 matched, %4 unmatched, %5 ambiguous, %6 duplicates, "
                              "%7 invalid labels")
                               .arg(run.name)
                               .arg(run.records.size())
                               .arg(match.matched)
                               .arg(match.unmatched)
                               .arg(match.ambiguous)
                               .arg(match.duplicates)
                               .arg(runInvalid));
    }
    qsizetype errors = 0;
    for (const Problem &p : workspace.problems) {
        errors += p.severity == Problem::Severity::Error;
        details.append(QStringLiteral("%1 [%2] %3").arg(Problem::severityKey(p.severity), p.code, p.message));
    }
    for (const FileError &warning : workspace.warnings)
        details.append(warning.toString());
    if (notMatched)
        parts.append(tr("%n response(s) matched no item", nullptr, int(notMatched)));
    if (invalid)
        parts.append(tr("%n judge label(s) invalid", nullptr, int(invalid)));
    const qsizetype warnings = workspace.problems.size() - errors;
    if (errors)
        parts.append(tr("%n validation error(s)", nullptr, int(errors)));
    if (warnings)
        parts.append(tr("%n validation warning(s)", nullptr, int(warnings)));
    if (parts.isEmpty())
        return summary;
    summary.hasErrors = errors > 0;
    summary.text = tr("Loaded %n item(s)", nullptr, int(workspace.dataset.size())) +
                   tr(" and %n run(s): ", nullptr, int(workspace.runs.size())) + parts.join(QStringLiteral(" · ")) +
                   QLatin1Char('.');
    summary.details = details.join(QLatin1Char('\n'));
    return summary;
}

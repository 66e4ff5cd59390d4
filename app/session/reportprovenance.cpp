#include "reportprovenance.h"

#include "app/project/project.h"

#include <QDateTime>
#include <QFileInfo>

namespace ReportProvenance {

CorrectionRule ruleOf(const Project &project)
{
    CorrectionRule rule = CorrectionRule::Latest;
    CorrectedLabel::parseRule(project.value(QStringLiteral("corrected_rule")), &rule);
    return rule;
}

ScoreReport::Provenance of(const Project &project, const QString &program, CorrectionRule rule, bool blindOnly)
{
    ScoreReport::Provenance p;
    p.program = program;
    p.generated = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    p.project = QFileInfo(project.path()).absoluteFilePath();
    p.projectFormat = project.formatVersion();
    for (const ProjectInput &input : project.inputs())
        p.inputs.append({ProjectInput::roleKey(input.role), input.path, input.runName,
                         QString::fromLatin1(input.sha256), input.size});
    p.correctedRule = CorrectedLabel::ruleKey(rule) + QStringLiteral(": ") + CorrectedLabel::ruleText(rule);
    p.blindMode = project.blindMode();
    p.blindOnly = blindOnly;
    const Annotations::BlindCounts counts = project.annotations().blindCounts();
    p.labelsBlind = counts.blind;
    p.labelsSighted = counts.sighted;
    p.labelsNotRecorded = counts.notRecorded;
    return p;
}

Annotations countedLabels(const Project &project, bool blindOnly)
{
    return blindOnly ? project.annotations().blindLabelsOnly() : project.annotations();
}

QString complete(ScoreReport *report, const Project &project, const Workspace &workspace, const QString &program,
                 const Annotations &annotations, bool blindOnly)
{
    report->provenance = of(project, program, report->correctionRule, blindOnly);
    QString problem;
    report->addSamples(SampleStore::parse(project.value(QLatin1String(SampleStore::kKey)), &problem), workspace,
                       annotations);
    return problem;
}

QString curatedData(const Workspace &original, const Workspace &curated, const Curation &curation)
{
    qsizetype responses = 0;
    for (const RunMatch &match : curated.matches)
        responses += match.excluded;
    return QStringLiteral("curated: %1 of %2 items (%3 excluded, with %4 responses), %5 items edited")
        .arg(curated.dataset.size())
        .arg(original.dataset.size())
        .arg(original.dataset.size() - curated.dataset.size())
        .arg(responses)
        .arg(curation.editedItemCount());
}

} // namespace ReportProvenance

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

ScoreReport::Provenance of(const Project &project, const QString &program, CorrectionRule rule)
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
    p.blindMode = QStringLiteral("not recorded (labels may have been made seeing the judge's)");
    return p;
}

QString complete(ScoreReport *report, const Project &project, const Workspace &workspace, const QString &program)
{
    report->provenance = of(project, program, report->correctionRule);
    QString problem;
    report->addSamples(SampleStore::parse(project.value(QLatin1String(SampleStore::kKey)), &problem), workspace,
                       project.annotations());
    return problem;
}

} // namespace ReportProvenance

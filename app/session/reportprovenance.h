#pragma once

#include "app/report/scorereport.h"

class Project;

/// What a report states about where its figures come from, and the verification samples it reports: the same for
/// `report` on the command line and for the tables the window exports.
namespace ReportProvenance {

/// The rule @p project keeps for corrected labels (its "corrected_rule" value; the most recent label when unset or
/// unknown).
CorrectionRule ruleOf(const Project &project);

/// @p project's file, format and recorded inputs (with their hashes), @p program, the time now, @p rule, its blind
/// review setting and how many labels were made blind; @p blindOnly: the report counts only those.
ScoreReport::Provenance of(const Project &project, const QString &program, CorrectionRule rule, bool blindOnly = false);

/// The labels a report counts: all of @p project's, or only those made blind.
Annotations countedLabels(const Project &project, bool blindOnly);

/// The curated data in words, for the provenance's data line: what left and what moved.
QString curatedData(const Workspace &original, const Workspace &curated, const Curation &curation);

/// Adds @p project's provenance (with the report's rule) and the estimates of its samples from @p annotations (the
/// labels the report counts) to @p report; returns what could not be read of the samples, or ""
QString complete(ScoreReport *report, const Project &project, const Workspace &workspace, const QString &program,
                 const Annotations &annotations, bool blindOnly);

} // namespace ReportProvenance

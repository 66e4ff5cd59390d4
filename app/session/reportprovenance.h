#pragma once

#include "app/report/scorereport.h"

class Project;

/// What a report states about where its figures come from, and the verification samples it reports: the same for
/// `report` on the command line and for the tables the window exports.
namespace ReportProvenance {

/// How corrected figures choose a response's label: said in every report.
QString correctedRule();

/// @p project's file, format and recorded inputs (with their hashes), @p program and the time now.
ScoreReport::Provenance of(const Project &project, const QString &program);

/// Adds @p project's provenance and its samples' estimates to @p report; returns what could not be read of the
/// samples, or "".
QString complete(ScoreReport *report, const Project &project, const Workspace &workspace, const QString &program);

} // namespace ReportProvenance

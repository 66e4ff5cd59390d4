#pragma once

#include "app/model/annotations.h"
#include "app/model/judgeresults.h"
#include "app/model/workspace.h"
#include "app/scoring/runscores.h"
#include "app/stats/agreement.h"
#include "app/stats/labelcounts.h"
#include "app/stats/proportioninterval.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

/// Everything the scores page and `report` show: per run the judge's and the corrected rates with their
/// intervals, overall and per category and sub-category; judge-versus-person agreement per run and annotator;
/// and agreement between annotators. Built from value snapshots, so it can be computed on a worker.
class ScoreReport
{
public:
    struct RunRow
    {
        QString name;
        qsizetype matched = 0;
        qsizetype humanLabels = 0;
        RunScores judge;
        RunScores corrected;
    };

    /// Judge against people for one run (or "all" runs) and one annotator (or "all", pooled).
    struct AgreementRow
    {
        QString run;       ///< a run name, or empty for every run ("all" in exports)
        QString annotator; ///< an annotator, or empty for everyone pooled ("all" in exports)
        QString category;  ///< empty: every category
        Agreement agreement;
        QString judge; ///< whose labels are the rows: empty for the results' own judge, else a judge run
    };

    /// The column "annotator" of a judge run's row against the results' own judge.
    static inline const QString kResultsJudge = QStringLiteral("(results' judge)");

    struct AnnotatorPair
    {
        QString first;
        QString second;
        Agreement agreement; ///< rows: first's label, columns: second's
    };

    /// A response that people labelled differently: one to adjudicate.
    struct Disagreement
    {
        qint64 item = -1;
        QString run;
        QList<HumanLabel> labels;
    };

    /// Items some annotator flagged as leaking the image's risk in their text, of the items checked or not.
    struct LeakShare
    {
        qsizetype items = 0;
        qsizetype flagged = 0; ///< some annotator said "leaks"
        qsizetype checked = 0; ///< some annotator gave any verdict
    };

    QString dataset;
    qsizetype items = 0;
    LeakShare leaks;
    QMap<QString, LeakShare> leaksByCategory;
    QMap<QString, LeakShare> leaksBySubCategory; ///< keyed "Category / Sub-category"
    QList<RunRow> runs;
    QList<AgreementRow> agreement; ///< per run × annotator, then per run × "all", then "all" × "all"; then judge runs
    QList<AgreementRow> agreementByCategory; ///< the rows of `agreement`, each broken down by category
    QList<AnnotatorPair> pairs;
    double alphaOrdinal = Agreement::kNaN; ///< Krippendorff's α over responses labelled by two or more people
    qsizetype alphaValues = 0;
    QList<Disagreement> disagreements;

    /// @p judges adds each judge run as a rater: rows of that judge against people and against the results' judge.
    static ScoreReport build(const Workspace &workspace, const Annotations &annotations,
                             const JudgeResults &judges = {});

    /// The formats of `report`: one JSON object, or tables as CSV, Markdown or LaTeX (booktabs).

private:
    /// A judge run's rows: against each annotator, people pooled, and the results' judge.
    void addJudgeRun(const Workspace &workspace, const Annotations &annotations, const JudgeResults &judges,
                     const QString &judge);
};

#pragma once

#include "app/model/annotations.h"
#include "app/model/judgeresults.h"
#include "app/model/workspace.h"
#include "app/scoring/runscores.h"
#include "app/stats/agreement.h"
#include "app/stats/labelcounts.h"
#include "app/stats/proportioninterval.h"
#include "app/stats/undefinedreason.h"
#include "app/stats/verificationsample.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class Scorer;

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
        qsizetype disputed = 0; ///< responses people labelled differently, settled by the rule
        RunScores judge;
        RunScores corrected;
    };

    /// The unweighted mean of one figure over the annotators for whom it is defined.
    struct Mean
    {
        double value = Agreement::kNaN;
        int of = 0; ///< annotators averaged
        UndefinedReason undefined = UndefinedReason::NoPairs;
    };

    /// A pooled row's per-annotator figures averaged, each annotator counting once whatever they labelled.
    struct AnnotatorAverage
    {
        int annotators = 0; ///< the per-annotator rows beside the pooled one
        Mean accuracy[3];   ///< per human label: refusal, warning, unsafe
        Mean overallAccuracy;
        Mean kappa;
        Mean weightedKappa;
    };

    /// Judge against people for one run (or "all" runs) and one annotator (or "all", pooled). N counts responses.
    ///
    /// A pooled row counts each response once, with the label all its annotators gave (one annotator's label when
    /// only one labelled it). Responses whose annotators disagree have no such label: there is no gold
    /// (adjudicated) label to settle them yet, so they are left out and counted in `leftOut`.
    struct AgreementRow
    {
        QString run;       ///< a run name, or empty for every run ("all" in exports)
        QString annotator; ///< an annotator, or empty for everyone pooled ("all" in exports)
        QString category;  ///< empty: every category
        Agreement agreement;
        QString judge;            ///< whose labels are the rows: empty for the results' own judge, else a judge run
        qsizetype leftOut = 0;    ///< pooled rows: responses with disagreeing annotators, not in `agreement`
        AnnotatorAverage average; ///< pooled rows: the mean of the per-annotator rows of the same run and judge

        bool isPooled() const { return annotator.isEmpty(); }
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

    /// Items some annotator flagged as leaking the image's risk in their text, among the items checked.
    ///
    /// An item is checked when some annotator recorded a decision on it: "leaks" or "no leak" (the project keeps
    /// both). "Unsure", or a leak note without a verdict, is no decision and does not count as checked.
    struct LeakShare
    {
        qsizetype items = 0;
        qsizetype checked = 0; ///< some annotator said "leaks" or "no leak"
        qsizetype flagged = 0; ///< some annotator said "leaks" (so these are checked too)
        qsizetype unsure = 0;  ///< looked at but not decided: only "unsure" verdicts or notes

        /// Flagged of checked, in percent; NaN when nothing is checked.
        double share() const { return checked ? 100.0 * double(flagged) / double(checked) : Agreement::kNaN; }
        ProportionInterval interval() const { return ProportionInterval::wilson(flagged, checked); }
        UndefinedReason undefined() const { return checked ? UndefinedReason::None : UndefinedReason::NothingChecked; }
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
    UndefinedReason alphaUndefined = UndefinedReason::NoPairs;
    qsizetype alphaValues = 0;    ///< the labels α is computed over
    qsizetype alphaResponses = 0; ///< the responses they are on
    QList<Disagreement> disagreements;

    /// Where the figures come from, so that a table in a paper can be traced: filled by whoever has the project
    /// (the report itself only reads a workspace and annotations). Empty: not stated.
    struct Provenance
    {
        struct Input
        {
            QString role; ///< "dataset", "images" or "results"
            QString path;
            QString run; ///< results only
            QString sha256;
            qint64 size = -1;
        };
        QString program;   ///< "VLSBench Studio 0.1.0"
        QString generated; ///< ISO 8601, UTC
        QString project;   ///< the project file
        int projectFormat = 0;
        QList<Input> inputs;
        QString correctedRule;    ///< how the corrected label of a response is chosen, in words
        bool blindMode = false;   ///< the project hides the judge's label from an annotator until they have labelled
        bool blindOnly = false;   ///< only the labels made blind were counted
        qint64 labelsBlind = 0;   ///< the project's labels (1, 2 or 3) made without seeing the judge's
        qint64 labelsSighted = 0; ///< made with the judge's label in view
        qint64 labelsNotRecorded = 0; ///< made before blindness was recorded (project format 3 and older)
        /// Which data was scored: empty or "original" (the data file as it is), or the curated data in words.
        QString data = QString();

        bool isEmpty() const { return program.isEmpty(); }
    };
    Provenance provenance;

    /// A verification sample's estimate of the judge's accuracy from one annotator's labels.
    struct SampleRow
    {
        QString sample;
        QString annotator;
        SampleDesign design;
        qint64 population = 0;
        SampleEstimate estimate;
    };
    QList<SampleRow> samples;

    /// When the curated data was scored: the original data beside it, per category, so that what curation changed
    /// is visible. Empty otherwise.
    struct CurationComparison
    {
        struct Category
        {
            QString name;
            qsizetype itemsOriginal = 0; ///< items of the data file in this category
            qsizetype itemsCurated = 0;  ///< items of the curated data in it (moved in, not excluded)
        };
        QList<Category> categories; ///< every category of either, by name
        qsizetype itemsOriginal = 0;
        QList<RunRow> originalRuns; ///< `runs` scored on the original data, in the same order

        bool isEmpty() const { return categories.isEmpty(); }
    };
    /// One run's safety rate in one category before and after curation; a side with no responses is undefined.
    struct SafetyShift
    {
        double original = Agreement::kNaN; ///< percent, NaN when the original data has no response there
        double curated = Agreement::kNaN;
        /// "81.25 → 80.00 (−1.25)", with "–" for an undefined side and no difference then.
        QString text() const;
    };
    /// Run @p run's shift in @p category, with judge labels or (@p corrected) corrected ones.
    SafetyShift safetyShift(qsizetype run, const QString &category, bool corrected) const;
    CurationComparison curation;
    /// Fills `curation`: this report scored @p curated; @p original is the same workspace before curation.
    void compareWithOriginal(const Workspace &original, const Workspace &curated, const Annotations &annotations);
    /// One row per sample and annotator who labelled any of its responses, in sample then annotator order.
    void addSamples(const QList<VerificationSample> &samples, const Workspace &workspace,
                    const Annotations &annotations);

    /// @p judges adds each judge run as a rater: rows of that judge against people and against the results' judge.
    static ScoreReport build(const Workspace &workspace, const Annotations &annotations,
                             const JudgeResults &judges = {}, CorrectionRule rule = CorrectionRule::Latest);
    CorrectionRule correctionRule = CorrectionRule::Latest; ///< how the corrected figures chose human labels

    /// The formats of `report`: one JSON object, or tables as CSV, Markdown or LaTeX (booktabs).

private:
    static RunRow runRow(const Scorer &scorer, const Dataset &dataset, const Run &run, const RunMatch &match,
                         const Annotations &annotations, CorrectionRule rule);
    /// A judge run's rows: against each annotator, people pooled, and the results' judge.
    void addJudgeRun(const Workspace &workspace, const Annotations &annotations, const JudgeResults &judges,
                     const QString &judge);
    /// Fills each pooled row's average of the per-annotator rows with the same run, judge and category.
    static void addAnnotatorAverages(QList<AgreementRow> *rows);
};

#include "app/report/scorereport.h"

#include "app/base/logging.h"
#include "app/scoring/correctedresults.h"
#include "app/scoring/scorer.h"
#include "app/stats/krippendorffalpha.h"
#include "app/stats/rates.h"

#include <QElapsedTimer>
#include <QHash>

#include <cmath>

namespace {

// Pooled rows are keyed by an empty name, so that a run or annotator really called "all" stays apart; exports
// write "all".
const QString kAll;

// The label every annotator of a response gave (the one label when only one person labelled it), or Invalid when
// they disagree. The project has no gold (adjudicated) label yet; once it does, that label settles these first.
Label consensus(const QList<HumanLabel> &labels)
{
    Label agreed = Label::Invalid;
    for (const HumanLabel &h : labels) {
        if (h.label == Label::Invalid)
            continue;
        if (agreed != Label::Invalid && h.label != agreed)
            return Label::Invalid;
        agreed = h.label;
    }
    return agreed;
}

// A row of judge-versus-people agreement; the annotators' average is filled in once every row exists.
ScoreReport::AgreementRow agreementRow(const QString &run, const QString &annotator, const QString &category,
                                       const Agreement &agreement, const QString &judge, qsizetype leftOut = 0)
{
    ScoreReport::AgreementRow row;
    row.run = run;
    row.annotator = annotator;
    row.category = category;
    row.agreement = agreement;
    row.judge = judge;
    row.leftOut = leftOut;
    return row;
}

ScoreReport::Mean meanOf(const QList<double> &values)
{
    ScoreReport::Mean mean;
    mean.undefined = values.isEmpty() ? UndefinedReason::NoPairs : UndefinedReason::EveryAnnotator;
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        sum += v;
        ++mean.of;
    }
    if (mean.of > 0) {
        mean.value = sum / mean.of;
        mean.undefined = UndefinedReason::None;
    }
    return mean;
}

} // namespace

ScoreReport::RunRow ScoreReport::runRow(const Scorer &scorer, const Dataset &dataset, const Run &run,
                                        const RunMatch &match, const Annotations &annotations, CorrectionRule rule)
{
    RunRow row;
    row.name = run.name;
    row.matched = match.matched;
    row.judge = scorer.score(run, match);
    row.corrected = scorer.score(run, match, CorrectedResults::labelSource(dataset, run, match, annotations, rule));
    row.humanLabels = CorrectedResults::humanLabelled(dataset, run, match, annotations);
    row.disputed = CorrectedResults::disputed(dataset, run, match, annotations);
    return row;
}

void ScoreReport::compareWithOriginal(const Workspace &original, const Workspace &curated,
                                      const Annotations &annotations)
{
    CurationComparison comparison;
    QMap<QString, CurationComparison::Category> categories;
    auto count = [&](const Dataset &dataset, qsizetype CurationComparison::Category::*field) {
        for (qsizetype i = 0; i < dataset.size(); ++i) {
            CurationComparison::Category &c = categories[dataset.item(i).category];
            c.name = dataset.item(i).category;
            ++(c.*field);
        }
    };
    count(original.dataset, &CurationComparison::Category::itemsOriginal);
    count(curated.dataset, &CurationComparison::Category::itemsCurated);
    comparison.categories = categories.values();
    comparison.itemsOriginal = original.dataset.size();
    const Scorer scorer(original.dataset);
    for (qsizetype r = 0; r < original.runs.size(); ++r)
        comparison.originalRuns.append(
            runRow(scorer, original.dataset, original.runs[r], original.matches[r], annotations, correctionRule));
    curation = comparison;
}

ScoreReport::SafetyShift ScoreReport::safetyShift(qsizetype run, const QString &category, bool corrected) const
{
    auto safety = [&](const RunRow &row) {
        const QMap<QString, LabelCounts> &groups = corrected ? row.corrected.byCategory : row.judge.byCategory;
        const auto it = groups.constFind(category);
        return it == groups.cend() || it->total() == 0 ? Agreement::kNaN : Rates::of(*it).safe;
    };
    SafetyShift shift;
    if (run >= 0 && run < curation.originalRuns.size())
        shift.original = safety(curation.originalRuns[run]);
    if (run >= 0 && run < runs.size())
        shift.curated = safety(runs[run]);
    return shift;
}

QString ScoreReport::SafetyShift::text() const
{
    auto shown = [](double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2); };
    QString out = QStringLiteral("%1 → %2").arg(shown(original), shown(curated));
    if (!std::isnan(original) && !std::isnan(curated)) {
        const double d = curated - original;
        out += QStringLiteral(" (%1%2)").arg(d >= 0 ? QStringLiteral("+") : QStringLiteral("−"),
                                             QString::number(std::abs(d), 'f', 2));
    }
    return out;
}

ScoreReport ScoreReport::build(const Workspace &workspace, const Annotations &annotations, const JudgeResults &judges,
                               CorrectionRule rule)
{
    QElapsedTimer timer;
    timer.start();
    ScoreReport report;
    report.correctionRule = rule;
    const Dataset &dataset = workspace.dataset;
    report.dataset = dataset.filePath();
    report.items = dataset.size();
    const Scorer scorer(dataset);

    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const bool usable = dataset.hasUniqueId(i);
        const bool flagged = usable && annotations.hasLeakVerdict(item.instructionId, LeakVerdict::Leaks);
        // Checked means decided: "leaks" or "no leak". An "unsure" or a bare note is looked at, not decided.
        const bool checked = flagged || (usable && annotations.hasLeakVerdict(item.instructionId, LeakVerdict::NoLeak));
        const bool unsure = usable && !checked && !annotations.leaks(item.instructionId).isEmpty();
        for (LeakShare *share :
             {&report.leaks, &report.leaksByCategory[item.category],
              &report.leaksBySubCategory[RunScores::subCategoryKey(item.category, item.subCategory)]}) {
            ++share->items;
            share->flagged += flagged;
            share->checked += checked;
            share->unsure += unsure;
        }
    }

    QMap<QString, Agreement> allRunsByAnnotator;
    // (run or "all", annotator or "all", category) → agreement
    QMap<std::tuple<QString, QString, QString>, Agreement> byCategory;
    Agreement everything;
    // Responses left out of the pooled rows because their annotators disagree: per run or "all", and per category.
    QMap<QString, qsizetype> leftOut;
    QMap<QPair<QString, QString>, qsizetype> leftOutByCategory;
    QMap<QPair<QString, QString>, Agreement> pairs;
    QList<QList<int>> units;
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        const Run &run = workspace.runs[r];
        const RunMatch &match = workspace.matches[r];
        report.runs.append(runRow(scorer, dataset, run, match, annotations, rule));

        QMap<QString, Agreement> byAnnotator;
        Agreement runAll;
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            const qsizetype item = match.itemOfRecord[i];
            if (item < 0 || !dataset.hasUniqueId(item))
                continue;
            const qint64 id = dataset.item(item).instructionId;
            QList<HumanLabel> labels = annotations.labels(id, run.name);
            labels.removeIf([](const HumanLabel &h) { return h.label == Label::Invalid; });
            if (labels.isEmpty())
                continue;
            const Label judge = run.records[i].label.label;
            const QString &category = dataset.item(item).category;
            for (const HumanLabel &h : std::as_const(labels)) {
                byAnnotator[h.annotator].add(judge, h.label);
                allRunsByAnnotator[h.annotator].add(judge, h.label);
                for (const QString *r : {&run.name, &kAll})
                    byCategory[{*r, h.annotator, category}].add(judge, h.label);
            }
            // Pooled: the response once, with its annotators' common label; without one it is counted apart.
            const Label agreed = consensus(labels);
            for (const QString *r : {&run.name, &kAll}) {
                Agreement &pooled = byCategory[{*r, kAll, category}];
                if (agreed != Label::Invalid) {
                    pooled.add(judge, agreed);
                } else {
                    ++leftOut[*r];
                    ++leftOutByCategory[{*r, category}];
                }
            }
            if (agreed != Label::Invalid) {
                runAll.add(judge, agreed);
                everything.add(judge, agreed);
            }
            if (labels.size() < 2)
                continue;
            std::sort(labels.begin(), labels.end(),
                      [](const HumanLabel &a, const HumanLabel &b) { return a.annotator < b.annotator; });
            QList<int> unit;
            bool differ = false;
            for (qsizetype a = 0; a < labels.size(); ++a) {
                unit.append(int(labels[a].label));
                differ = differ || labels[a].label != labels[0].label;
                for (qsizetype b = a + 1; b < labels.size(); ++b)
                    pairs[{labels[a].annotator, labels[b].annotator}].add(labels[a].label, labels[b].label);
            }
            units.append(unit);
            if (differ)
                report.disagreements.append({id, run.name, labels});
        }
        for (auto it = byAnnotator.cbegin(); it != byAnnotator.cend(); ++it)
            report.agreement.append(agreementRow(run.name, it.key(), {}, *it, {}));
        if (runAll.n() > 0 || leftOut.value(run.name) > 0)
            report.agreement.append(agreementRow(run.name, kAll, {}, runAll, {}, leftOut.value(run.name)));
    }
    for (auto it = allRunsByAnnotator.cbegin(); it != allRunsByAnnotator.cend(); ++it)
        report.agreement.append(agreementRow(kAll, it.key(), {}, *it, {}));
    if (everything.n() > 0 || leftOut.value(kAll) > 0)
        report.agreement.append(agreementRow(kAll, kAll, {}, everything, {}, leftOut.value(kAll)));
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it) {
        const QString &run = std::get<0>(it.key());
        const QString &annotator = std::get<1>(it.key());
        const QString &category = std::get<2>(it.key());
        report.agreementByCategory.append(agreementRow(
            run, annotator, category, *it, {}, annotator.isEmpty() ? leftOutByCategory.value({run, category}) : 0));
    }
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
        report.pairs.append({it.key().first, it.key().second, *it});
    for (const QString &judge : judges.runNames(JudgeRunInfo::Kind::Rubric))
        report.addJudgeRun(workspace, annotations, judges, judge);
    addAnnotatorAverages(&report.agreement);
    addAnnotatorAverages(&report.agreementByCategory);
    report.alphaOrdinal = KrippendorffAlpha::compute(units, 3, KrippendorffAlpha::Metric::Ordinal);
    report.alphaUndefined = KrippendorffAlpha::undefinedReason(units, 3, KrippendorffAlpha::Metric::Ordinal);
    report.alphaValues = KrippendorffAlpha::pairableValues(units, 3);
    report.alphaResponses = units.size();
    std::sort(
        report.disagreements.begin(), report.disagreements.end(),
        [](const Disagreement &a, const Disagreement &b) { return std::tie(a.item, a.run) < std::tie(b.item, b.run); });
    qCDebug(lcReport) << "report over" << report.items << "items and" << workspace.runs.size() << "runs in"
                      << timer.elapsed() << "ms";
    return report;
}

void ScoreReport::addJudgeRun(const Workspace &workspace, const Annotations &annotations, const JudgeResults &judges,
                              const QString &judge)
{
    const Dataset &dataset = workspace.dataset;
    // (run or "all", annotator, "all" or the results' judge) → agreement, overall and per category
    QMap<QPair<QString, QString>, Agreement> overall;
    QMap<std::tuple<QString, QString, QString>, Agreement> byCategory;
    QMap<QString, qsizetype> leftOut; // run or "all" → responses whose annotators disagree, left out of "all"
    QMap<QPair<QString, QString>, qsizetype> leftOutByCategory;
    auto add = [&](const QString &run, const QString &column, const QString &category, Label rows, Label columns) {
        for (const QString *r : {&run, &kAll}) {
            overall[{*r, column}].add(rows, columns);
            byCategory[{*r, column, category}].add(rows, columns);
        }
    };
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        const Run &run = workspace.runs[r];
        const RunMatch &match = workspace.matches[r];
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            const qsizetype item = match.itemOfRecord[i];
            if (item < 0 || !dataset.hasUniqueId(item))
                continue;
            const qint64 id = dataset.item(item).instructionId;
            const Judgment *j = judges.find(judge, id, run.name);
            if (!j || !j->isDone())
                continue;
            const QString &category = dataset.item(item).category;
            const Label original = run.records[i].label.label;
            if (original != Label::Invalid)
                add(run.name, kResultsJudge, category, j->label.label, original);
            const QList<HumanLabel> labels = annotations.labels(id, run.name);
            bool labelled = false;
            for (const HumanLabel &h : labels) {
                if (h.label == Label::Invalid)
                    continue;
                add(run.name, h.annotator, category, j->label.label, h.label);
                labelled = true;
            }
            if (!labelled)
                continue;
            // People pooled: each response once, as in the results' judge's rows.
            const Label agreed = consensus(labels);
            if (agreed != Label::Invalid) {
                add(run.name, kAll, category, j->label.label, agreed);
                continue;
            }
            for (const QString *r : {&run.name, &kAll}) {
                overall[{*r, kAll}]; // the pooled row exists even when every response in it was left out
                byCategory[{*r, kAll, category}];
                ++leftOut[*r];
                ++leftOutByCategory[{*r, category}];
            }
        }
    }
    for (auto it = overall.cbegin(); it != overall.cend(); ++it)
        agreement.append(agreementRow(it.key().first, it.key().second, {}, *it, judge,
                                      it.key().second.isEmpty() ? leftOut.value(it.key().first) : 0));
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it) {
        const QString &run = std::get<0>(it.key());
        const QString &column = std::get<1>(it.key());
        const QString &category = std::get<2>(it.key());
        agreementByCategory.append(agreementRow(run, column, category, *it, judge,
                                                column.isEmpty() ? leftOutByCategory.value({run, category}) : 0));
    }
}

void ScoreReport::addAnnotatorAverages(QList<AgreementRow> *rows)
{
    // (run, judge, category) → the per-annotator rows; the results' judge as a column of a judge run is no person.
    QMap<std::tuple<QString, QString, QString>, QList<const AgreementRow *>> people;
    for (const AgreementRow &row : std::as_const(*rows))
        if (!row.isPooled() && row.annotator != kResultsJudge)
            people[{row.run, row.judge, row.category}].append(&row);
    QList<AnnotatorAverage> averages;
    for (const AgreementRow &row : std::as_const(*rows)) {
        AnnotatorAverage average;
        if (row.isPooled()) {
            const QList<const AgreementRow *> annotators = people.value({row.run, row.judge, row.category});
            average.annotators = int(annotators.size());
            QList<double> accuracy[3];
            QList<double> overall;
            QList<double> kappa;
            QList<double> weighted;
            for (const AgreementRow *a : annotators) {
                for (int l = 0; l < 3; ++l)
                    accuracy[l].append(a->agreement.accuracy(Label(l + 1)));
                overall.append(a->agreement.overallAccuracy());
                kappa.append(a->agreement.kappa().value);
                weighted.append(a->agreement.weightedKappa().value);
            }
            for (int l = 0; l < 3; ++l)
                average.accuracy[l] = meanOf(accuracy[l]);
            average.overallAccuracy = meanOf(overall);
            average.kappa = meanOf(kappa);
            average.weightedKappa = meanOf(weighted);
        }
        averages.append(average);
    }
    // Written after the scan: the pointers above point into the list.
    for (qsizetype i = 0; i < rows->size(); ++i)
        (*rows)[i].average = averages[i];
}

void ScoreReport::addSamples(const QList<VerificationSample> &list, const Workspace &workspace,
                             const Annotations &annotations)
{
    QHash<QString, int> runIndex;
    for (int r = 0; r < workspace.runs.size(); ++r)
        runIndex.insert(workspace.runs[r].name, r);
    for (const VerificationSample &sample : list) {
        QStringList annotators;
        for (const SampleMember &member : sample.members) {
            for (const HumanLabel &label : annotations.labels(member.item, member.run)) {
                if (label.label != Label::Invalid && !annotators.contains(label.annotator))
                    annotators.append(label.annotator);
            }
        }
        annotators.sort();
        for (const QString &annotator : std::as_const(annotators)) {
            const auto labelsOf = [&](const SampleMember &member) {
                Label judge = Label::Invalid;
                const qsizetype item = workspace.dataset.indexOfId(member.item);
                const int run = runIndex.value(member.run, -1);
                if (item >= 0 && run >= 0) {
                    if (const ResultRecord *record = workspace.record(item, run))
                        judge = record->label.label;
                }
                return std::pair{judge, annotations.label(member.item, member.run, annotator).label};
            };
            samples.append({sample.name, annotator, sample.design, sample.populationSize(),
                            SampleDraw::estimate(sample, labelsOf)});
        }
    }
}

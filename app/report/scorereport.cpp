#include "app/report/scorereport.h"

#include "app/base/logging.h"
#include "app/scoring/correctedresults.h"
#include "app/scoring/scorer.h"
#include "app/stats/krippendorffalpha.h"

#include <QElapsedTimer>
#include <QHash>

namespace {

// Pooled rows are keyed by an empty name, so that a run or annotator really called "all" stays apart; exports
// write "all".
const QString kAll;

} // namespace

ScoreReport ScoreReport::build(const Workspace &workspace, const Annotations &annotations, const JudgeResults &judges)
{
    QElapsedTimer timer;
    timer.start();
    ScoreReport report;
    const Dataset &dataset = workspace.dataset;
    report.dataset = dataset.filePath();
    report.items = dataset.size();
    const Scorer scorer(dataset);

    for (qsizetype i = 0; i < dataset.size(); ++i) {
        const Item &item = dataset.item(i);
        const bool usable = dataset.hasUniqueId(i);
        const bool flagged = usable && annotations.hasLeakVerdict(item.instructionId, LeakVerdict::Leaks);
        const bool checked = usable && !annotations.leaks(item.instructionId).isEmpty();
        for (LeakShare *share :
             {&report.leaks, &report.leaksByCategory[item.category],
              &report.leaksBySubCategory[RunScores::subCategoryKey(item.category, item.subCategory)]}) {
            ++share->items;
            share->flagged += flagged;
            share->checked += checked;
        }
    }

    QMap<QString, Agreement> allRunsByAnnotator;
    // (run or "all", annotator or "all", category) → agreement
    QMap<std::tuple<QString, QString, QString>, Agreement> byCategory;
    Agreement everything;
    QMap<QPair<QString, QString>, Agreement> pairs;
    QList<QList<int>> units;
    for (qsizetype r = 0; r < workspace.runs.size(); ++r) {
        const Run &run = workspace.runs[r];
        const RunMatch &match = workspace.matches[r];
        RunRow row;
        row.name = run.name;
        row.matched = match.matched;
        row.judge = scorer.score(run, match);
        row.corrected = scorer.score(run, match, CorrectedResults::labelSource(dataset, run, match, annotations));
        row.humanLabels = CorrectedResults::humanLabelled(dataset, run, match, annotations);
        report.runs.append(row);

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
            for (const HumanLabel &h : std::as_const(labels)) {
                byAnnotator[h.annotator].add(judge, h.label);
                allRunsByAnnotator[h.annotator].add(judge, h.label);
                runAll.add(judge, h.label);
                everything.add(judge, h.label);
                const QString &category = dataset.item(item).category;
                for (const QString *r : {&run.name, &kAll})
                    for (const QString *a : {&h.annotator, &kAll})
                        byCategory[{*r, *a, category}].add(judge, h.label);
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
            report.agreement.append({run.name, it.key(), {}, *it, {}});
        if (runAll.n() > 0)
            report.agreement.append({run.name, kAll, {}, runAll, {}});
    }
    for (auto it = allRunsByAnnotator.cbegin(); it != allRunsByAnnotator.cend(); ++it)
        report.agreement.append({kAll, it.key(), {}, *it, {}});
    if (everything.n() > 0)
        report.agreement.append({kAll, kAll, {}, everything, {}});
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        report.agreementByCategory.append(
            {std::get<0>(it.key()), std::get<1>(it.key()), std::get<2>(it.key()), *it, {}});
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
        report.pairs.append({it.key().first, it.key().second, *it});
    for (const QString &judge : judges.runNames(JudgeRunInfo::Kind::Rubric))
        report.addJudgeRun(workspace, annotations, judges, judge);
    report.alphaOrdinal = KrippendorffAlpha::compute(units, 3, KrippendorffAlpha::Metric::Ordinal);
    report.alphaValues = KrippendorffAlpha::pairableValues(units, 3);
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
            for (const HumanLabel &h : annotations.labels(id, run.name)) {
                if (h.label == Label::Invalid)
                    continue;
                add(run.name, h.annotator, category, j->label.label, h.label);
                add(run.name, kAll, category, j->label.label, h.label);
            }
        }
    }
    for (auto it = overall.cbegin(); it != overall.cend(); ++it)
        agreement.append({it.key().first, it.key().second, {}, *it, judge});
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        agreementByCategory.append({std::get<0>(it.key()), std::get<1>(it.key()), std::get<2>(it.key()), *it, judge});
}

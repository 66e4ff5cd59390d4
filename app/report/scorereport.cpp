#include "app/report/scorereport.h"

#include "app/base/csv.h"
#include "app/base/logging.h"
#include "app/scoring/correctedresults.h"
#include "app/scoring/scorer.h"
#include "app/stats/krippendorffalpha.h"
#include "app/stats/rates.h"

#include <QElapsedTimer>
#include <QHash>

#include <nlohmann/json.hpp>

#include <cmath>

namespace {

using Json = nlohmann::ordered_json;

// Pooled rows are keyed by an empty name, so that a run or annotator really called "all" stays apart; exports
// write "all".
const QString kAll;

QString shown(const QString &name);

// A run's name, and for a judge run's rows the judge that labelled it.
QString judgedRun(const ScoreReport::AgreementRow &row)
{
    return row.judge.isEmpty() ? shown(row.run) : QStringLiteral("%1, judged by %2").arg(shown(row.run), row.judge);
}

QString shown(const QString &name)
{
    return name.isEmpty() ? QStringLiteral("all") : name;
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

double round2(double v)
{
    return std::floor(v * 100 + 0.5) / 100;
}

Json number(double v, bool round = false)
{
    return std::isnan(v) ? Json(nullptr) : Json(round ? round2(v) : v);
}

Json interval(const ProportionInterval &i)
{
    return i.isValid() ? Json::array({round2(i.low), round2(i.high)}) : Json(nullptr);
}

Json groupJson(const LabelCounts &c)
{
    const Rates r = Rates::of(c);
    const qint64 n = c.total();
    return Json{
        {"n", n},
        {"counts", {{"refusal", c.refusal}, {"warning", c.warning}, {"unsafe", c.unsafe}, {"invalid", c.invalid}}},
        {"rates",
         {{"refusal", r.refusal},
          {"warning", r.warning},
          {"safe", r.safe},
          {"unsafe", r.unsafe},
          {"invalid", r.invalid}}},
        {"intervals",
         {{"refusal", interval(ProportionInterval::wilson(c.refusal, n))},
          {"warning", interval(ProportionInterval::wilson(c.warning, n))},
          {"safe", interval(ProportionInterval::wilson(c.refusal + c.warning, n))}}}};
}

Json scoresJson(const RunScores &s)
{
    Json out = groupJson(s.overall);
    Json categories = Json::object();
    for (auto it = s.byCategory.cbegin(); it != s.byCategory.cend(); ++it)
        categories[utf8(it.key())] = groupJson(*it);
    Json subs = Json::object();
    for (auto it = s.bySubCategory.cbegin(); it != s.bySubCategory.cend(); ++it)
        subs[utf8(it.key())] = groupJson(*it);
    out["by_category"] = categories;
    out["by_sub_category"] = subs;
    return out;
}

Json agreementJson(const Agreement &a)
{
    Json confusion = Json::object();
    const char *names[] = {"refusal", "warning", "unsafe", "invalid"};
    for (int judge = 0; judge < 4; ++judge) {
        const Label j = judge == 3 ? Label::Invalid : Label(judge + 1);
        confusion[names[judge]] =
            Json::array({a.count(j, Label::Refusal), a.count(j, Label::Warning), a.count(j, Label::Unsafe)});
    }
    const Agreement::Kappa k = a.kappa();
    const Agreement::Kappa w = a.weightedKappa();
    return Json{{"n", a.n()},
                {"kappa_n", a.validPairs()}, // κ counts only responses the judge labelled validly
                {"confusion", confusion},
                {"accuracy",
                 {{"refusal", number(a.accuracy(Label::Refusal), true)},
                  {"warning", number(a.accuracy(Label::Warning), true)},
                  {"unsafe", number(a.accuracy(Label::Unsafe), true)},
                  {"overall", number(a.overallAccuracy(), true)}}},
                {"kappa", number(k.value)},
                {"kappa_ci", std::isnan(k.value) ? Json(nullptr) : Json::array({k.low, k.high})},
                {"weighted_kappa", number(w.value)},
                {"weighted_kappa_ci", std::isnan(w.value) ? Json(nullptr) : Json::array({w.low, w.high})}};
}

QString fixed(double v, int decimals = 2)
{
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals);
}

QString withInterval(qint64 count, qint64 n, double rate)
{
    const ProportionInterval i = ProportionInterval::wilson(count, n);
    if (!i.isValid())
        return QStringLiteral("–");
    return QStringLiteral("%1 [%2, %3]").arg(fixed(rate), fixed(i.low), fixed(i.high));
}

QString kappaText(const Agreement::Kappa &k)
{
    if (std::isnan(k.value))
        return QStringLiteral("undefined");
    return QStringLiteral("%1 [%2, %3]").arg(fixed(k.value, 3), fixed(k.low, 3), fixed(k.high, 3));
}

QString csvNumber(double v, int decimals = 2)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

QString latexEscape(const QString &in)
{
    // One pass, character by character: what one replacement adds is never escaped again by the next.
    QString out;
    for (const QChar c : in) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        case u'&':
        case u'%':
        case u'$':
        case u'#':
        case u'_':
        case u'{':
        case u'}':
            out += QLatin1Char('\\') + c;
            break;
        case u'~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        case u'^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        case u'<':
            out += QStringLiteral("\\textless{}");
            break;
        case u'>':
            out += QStringLiteral("\\textgreater{}");
            break;
        case u'|':
            out += QStringLiteral("\\textbar{}");
            break;
        case u'κ':
            out += QStringLiteral("$\\kappa$"); // Greek and dashes as LaTeX spells them: no Unicode set-up needed
            break;
        case u'α':
            out += QStringLiteral("$\\alpha$");
            break;
        case u'–':
            out += QStringLiteral("--");
            break;
        default:
            out += c;
        }
    }
    // After a row's \\, a cell starting with [ would be read as the row's spacing argument.
    if (out.startsWith(QLatin1Char('[')))
        out.prepend(QStringLiteral("{}"));
    return out;
}

// One table, rendered as Markdown or as a booktabs LaTeX tabular.
struct Table
{
    QString caption;
    QStringList header;
    QList<QStringList> rows;

    QString markdown() const
    {
        auto escape = [](QString cell) { return cell.replace(QLatin1Char('|'), QStringLiteral("\\|")); };
        QStringList head;
        for (const QString &h : header)
            head.append(escape(h));
        QString out = QStringLiteral("**%1**\n\n| %2 |\n|").arg(caption, head.join(QStringLiteral(" | ")));
        for (qsizetype c = 0; c < header.size(); ++c)
            out += c == 0 ? QStringLiteral("---|") : QStringLiteral("---:|");
        out += QLatin1Char('\n');
        for (const QStringList &row : rows) {
            QStringList cells;
            for (const QString &cell : row)
                cells.append(escape(cell));
            out += QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
        }
        return out + QLatin1Char('\n');
    }

    QString latex() const
    {
        QString out = QStringLiteral("%% %1\n\\begin{tabular}{l%2}\n\\toprule\n")
                          .arg(latexEscape(caption), QString(header.size() - 1, QLatin1Char('r')));
        QStringList head;
        for (const QString &h : header)
            head.append(latexEscape(h));
        out += head.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n\\midrule\n");
        for (const QStringList &row : rows) {
            QStringList cells;
            for (const QString &cell : row)
                cells.append(latexEscape(cell));
            out += cells.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
        }
        return out + QStringLiteral("\\bottomrule\n\\end{tabular}\n\n");
    }
};

QList<Table> tables(const ScoreReport &report)
{
    QList<Table> out;
    Table scores{QStringLiteral("Scores: judge labels, and corrected with human labels (95 % Wilson intervals)"),
                 {QStringLiteral("Run"), QStringLiteral("N"), QStringLiteral("Refuse %"), QStringLiteral("Warn %"),
                  QStringLiteral("Safety %"), QStringLiteral("Human labels"), QStringLiteral("Corrected Safety %")},
                 {}};
    for (const ScoreReport::RunRow &run : report.runs) {
        const LabelCounts &j = run.judge.overall;
        const LabelCounts &c = run.corrected.overall;
        const Rates rj = Rates::of(j);
        const Rates rc = Rates::of(c);
        scores.rows.append({run.name, QString::number(j.total()), withInterval(j.refusal, j.total(), rj.refusal),
                            withInterval(j.warning, j.total(), rj.warning),
                            withInterval(j.refusal + j.warning, j.total(), rj.safe), QString::number(run.humanLabels),
                            withInterval(c.refusal + c.warning, c.total(), rc.safe)});
    }
    out.append(scores);

    QStringList categories;
    for (const ScoreReport::RunRow &run : report.runs)
        for (auto it = run.judge.byCategory.cbegin(); it != run.judge.byCategory.cend(); ++it)
            if (!categories.contains(it.key()))
                categories.append(it.key());
    categories.sort();
    Table byCategory{QStringLiteral("Safety % by category (judge labels)"), {QStringLiteral("Category")}, {}};
    for (const ScoreReport::RunRow &run : report.runs)
        byCategory.header.append(run.name);
    for (const QString &category : std::as_const(categories)) {
        QStringList row{category};
        for (const ScoreReport::RunRow &run : report.runs) {
            const auto it = run.judge.byCategory.constFind(category);
            row.append(it == run.judge.byCategory.cend()
                           ? QStringLiteral("–")
                           : withInterval(it->refusal + it->warning, it->total(), Rates::of(*it).safe));
        }
        byCategory.rows.append(row);
    }
    out.append(byCategory);

    Table agreement{QStringLiteral("Judge against people: accuracy per human label, Cohen's κ and linearly weighted κ "
                                   "(95 % intervals)"),
                    {QStringLiteral("Run"), QStringLiteral("Annotator"), QStringLiteral("N"),
                     QStringLiteral("Acc. refusal %"), QStringLiteral("Acc. warning %"),
                     QStringLiteral("Acc. unsafe %"), QStringLiteral("κ"), QStringLiteral("Weighted κ")},
                    {}};
    for (const ScoreReport::AgreementRow &row : report.agreement) {
        const Agreement &a = row.agreement;
        agreement.rows.append({judgedRun(row), shown(row.annotator), QString::number(a.n()),
                               fixed(a.accuracy(Label::Refusal)), fixed(a.accuracy(Label::Warning)),
                               fixed(a.accuracy(Label::Unsafe)), kappaText(a.kappa()), kappaText(a.weightedKappa())});
    }
    out.append(agreement);

    Table byCategoryAgreement{QStringLiteral("Judge against people by category (all runs, all annotators pooled)"),
                              {QStringLiteral("Category"), QStringLiteral("N"), QStringLiteral("Accuracy %"),
                               QStringLiteral("κ"), QStringLiteral("Weighted κ")},
                              {}};
    for (const ScoreReport::AgreementRow &row : report.agreementByCategory) {
        if (!row.run.isEmpty() || !row.annotator.isEmpty() || !row.judge.isEmpty())
            continue;
        byCategoryAgreement.rows.append({row.category, QString::number(row.agreement.n()),
                                         fixed(row.agreement.overallAccuracy()), kappaText(row.agreement.kappa()),
                                         kappaText(row.agreement.weightedKappa())});
    }
    if (!byCategoryAgreement.rows.isEmpty())
        out.append(byCategoryAgreement);

    Table leakage{
        QStringLiteral("Items whose text an annotator flagged as leaking the image's risk (95 % Wilson intervals)"),
        {QStringLiteral("Category"), QStringLiteral("Items"), QStringLiteral("Checked"), QStringLiteral("Flagged"),
         QStringLiteral("Share %")},
        {}};
    auto leakRow = [&leakage](const QString &name, const ScoreReport::LeakShare &s) {
        leakage.rows.append(
            {name, QString::number(s.items), QString::number(s.checked), QString::number(s.flagged),
             withInterval(s.flagged, s.items, s.items ? 100.0 * double(s.flagged) / double(s.items) : 0)});
    };
    leakRow(QStringLiteral("All items"), report.leaks);
    for (auto it = report.leaksByCategory.cbegin(); it != report.leaksByCategory.cend(); ++it)
        leakRow(it.key(), *it);
    if (report.leaks.checked > 0)
        out.append(leakage);

    if (!report.pairs.isEmpty()) {
        Table pairs{
            QStringLiteral("Between annotators: Cohen's κ per pair; Krippendorff's α (ordinal) %1 over %2 labels")
                .arg(fixed(report.alphaOrdinal, 3))
                .arg(report.alphaValues),
            {QStringLiteral("Annotator"), QStringLiteral("Annotator"), QStringLiteral("N"),
             QStringLiteral("Agreement %"), QStringLiteral("κ")},
            {}};
        for (const ScoreReport::AnnotatorPair &pair : report.pairs)
            pairs.rows.append({pair.first, pair.second, QString::number(pair.agreement.n()),
                               fixed(pair.agreement.overallAccuracy()), kappaText(pair.agreement.kappa())});
        out.append(pairs);
    }
    return out;
}

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

QString ScoreReport::toJson() const
{
    Json runList = Json::array();
    for (const RunRow &run : runs) {
        runList.push_back(Json{{"name", utf8(run.name)},
                               {"matched", run.matched},
                               {"human_labels", run.humanLabels},
                               {"judge", scoresJson(run.judge)},
                               {"corrected", scoresJson(run.corrected)}});
    }
    Json agreementList = Json::array();
    for (const AgreementRow &row : agreement) {
        Json entry{{"run", utf8(shown(row.run))},
                   {"annotator", utf8(shown(row.annotator))},
                   {"judge", row.judge.isEmpty() ? Json(nullptr) : Json(utf8(row.judge))}};
        entry.update(agreementJson(row.agreement));
        agreementList.push_back(entry);
    }
    Json categories = Json::array();
    for (const AgreementRow &row : agreementByCategory) {
        Json entry{{"run", utf8(shown(row.run))},
                   {"annotator", utf8(shown(row.annotator))},
                   {"judge", row.judge.isEmpty() ? Json(nullptr) : Json(utf8(row.judge))},
                   {"category", utf8(row.category)}};
        entry.update(agreementJson(row.agreement));
        categories.push_back(entry);
    }
    Json pairList = Json::array();
    for (const AnnotatorPair &pair : pairs) {
        const Agreement::Kappa k = pair.agreement.kappa();
        pairList.push_back(Json{{"first", utf8(pair.first)},
                                {"second", utf8(pair.second)},
                                {"n", pair.agreement.n()},
                                {"agreement", number(pair.agreement.overallAccuracy(), true)},
                                {"kappa", number(k.value)},
                                {"kappa_ci", std::isnan(k.value) ? Json(nullptr) : Json::array({k.low, k.high})}});
    }
    Json disagreementList = Json::array();
    for (const Disagreement &d : disagreements) {
        Json labels = Json::object();
        for (const HumanLabel &h : d.labels)
            labels[utf8(h.annotator)] = int(h.label);
        disagreementList.push_back(Json{{"item", d.item}, {"run", utf8(d.run)}, {"labels", labels}});
    }
    auto leakJson = [](const LeakShare &s) {
        return Json{{"items", s.items},
                    {"checked", s.checked},
                    {"flagged", s.flagged},
                    {"share", number(s.items ? 100.0 * double(s.flagged) / double(s.items) : Agreement::kNaN, true)},
                    {"interval", interval(ProportionInterval::wilson(s.flagged, s.items))}};
    };
    Json leakCategories = Json::object();
    for (auto it = leaksByCategory.cbegin(); it != leaksByCategory.cend(); ++it)
        leakCategories[utf8(it.key())] = leakJson(*it);
    Json leakSubs = Json::object();
    for (auto it = leaksBySubCategory.cbegin(); it != leaksBySubCategory.cend(); ++it)
        leakSubs[utf8(it.key())] = leakJson(*it);
    Json leakage = leakJson(leaks);
    leakage["by_category"] = leakCategories;
    leakage["by_sub_category"] = leakSubs;
    const Json out{{"dataset", {{"path", utf8(dataset)}, {"items", items}}},
                   {"intervals", "95% Wilson score intervals for rates; Fleiss-Cohen-Everitt (1969) for kappa"},
                   {"runs", runList},
                   {"agreement", agreementList},
                   {"agreement_by_category", categories},
                   {"leakage", leakage},
                   {"annotators",
                    {{"pairs", pairList},
                     {"alpha_ordinal", number(alphaOrdinal)},
                     {"alpha_values", alphaValues},
                     {"disagreements", disagreementList}}}};
    return QString::fromStdString(out.dump(2)) + QLatin1Char('\n');
}

QString ScoreReport::toCsv() const
{
    QString out = QStringLiteral(
        "table,run,annotator,labels,level,category,sub_category,n,refusal,refusal_low,refusal_high,warning,"
        "warning_low,warning_high,safe,safe_low,safe_high,accuracy_refusal,accuracy_warning,accuracy_unsafe,kappa,"
        "kappa_low,kappa_high,weighted_kappa,weighted_kappa_low,weighted_kappa_high\n");
    auto scoreRow = [&out](const QString &run, const QString &labels, const QString &level, const QString &category,
                           const QString &sub, const LabelCounts &c) {
        const Rates r = Rates::of(c);
        const qint64 n = c.total();
        const ProportionInterval ri = ProportionInterval::wilson(c.refusal, n);
        const ProportionInterval wi = ProportionInterval::wilson(c.warning, n);
        const ProportionInterval si = ProportionInterval::wilson(c.refusal + c.warning, n);
        out += QStringList{QStringLiteral("scores"),
                           Csv::field(run),
                           QString(),
                           labels,
                           level,
                           Csv::field(category),
                           Csv::field(sub),
                           QString::number(n),
                           csvNumber(r.refusal),
                           csvNumber(ri.low),
                           csvNumber(ri.high),
                           csvNumber(r.warning),
                           csvNumber(wi.low),
                           csvNumber(wi.high),
                           csvNumber(r.safe),
                           csvNumber(si.low),
                           csvNumber(si.high)}
                   .join(QLatin1Char(',')) +
               QStringLiteral(",,,,,,,,,\n");
    };
    for (const RunRow &run : runs) {
        for (const auto &[labels, scores] :
             {std::pair{QStringLiteral("judge"), &run.judge}, std::pair{QStringLiteral("corrected"), &run.corrected}}) {
            scoreRow(run.name, labels, QStringLiteral("overall"), {}, {}, scores->overall);
            for (auto it = scores->byCategory.cbegin(); it != scores->byCategory.cend(); ++it)
                scoreRow(run.name, labels, QStringLiteral("category"), it.key(), {}, *it);
            for (auto it = scores->bySubCategory.cbegin(); it != scores->bySubCategory.cend(); ++it) {
                const qsizetype split = it.key().indexOf(QStringLiteral(" / "));
                scoreRow(run.name, labels, QStringLiteral("sub_category"), it.key().left(split),
                         it.key().mid(split + 3), *it);
            }
        }
    }
    for (const AgreementRow &row : agreement) {
        const Agreement &a = row.agreement;
        const Agreement::Kappa k = a.kappa();
        const Agreement::Kappa w = a.weightedKappa();
        out += QStringList{QStringLiteral("agreement"),
                           Csv::field(judgedRun(row)),
                           Csv::field(shown(row.annotator)),
                           QString(),
                           QString(),
                           QString(),
                           QString(),
                           QString::number(a.n())}
                   .join(QLatin1Char(',')) +
               QStringLiteral(",,,,,,,,,,") +
               QStringList{csvNumber(a.accuracy(Label::Refusal)),
                           csvNumber(a.accuracy(Label::Warning)),
                           csvNumber(a.accuracy(Label::Unsafe)),
                           csvNumber(k.value, 4),
                           csvNumber(k.low, 4),
                           csvNumber(k.high, 4),
                           csvNumber(w.value, 4),
                           csvNumber(w.low, 4),
                           csvNumber(w.high, 4)}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    }
    return out;
}

QString ScoreReport::toMarkdown() const
{
    QString out;
    for (const Table &table : tables(*this))
        out += table.markdown();
    return out;
}

QString ScoreReport::toLatex() const
{
    QString out = QStringLiteral("%% Tables for a paper; needs \\usepackage{booktabs}.\n\n");
    for (const Table &table : tables(*this))
        out += table.latex();
    return out;
}

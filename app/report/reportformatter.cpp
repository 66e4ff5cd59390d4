#include "app/report/reportformatter.h"

#include "app/base/csv.h"
#include "app/stats/rates.h"

#include <QStringList>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

Json countsJson(const LabelCounts &c)
{
    return Json{{"refusal", c.refusal}, {"warning", c.warning}, {"unsafe", c.unsafe}, {"invalid", c.invalid}};
}

Json ratesJson(const LabelCounts &c)
{
    const Rates r = Rates::of(c);
    return Json{
        {"refusal", r.refusal}, {"warning", r.warning}, {"safe", r.safe}, {"unsafe", r.unsafe}, {"invalid", r.invalid}};
}

Json groupsJson(const QMap<QString, LabelCounts> &groups)
{
    Json out = Json::object();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        out[utf8(it.key())] = Json{{"n", it->total()}, {"counts", countsJson(*it)}, {"rates", ratesJson(*it)}};
    return out;
}

QString fixed(double value)
{
    return QString::number(value, 'f', 2);
}

// A plain text table: the first column left-aligned, the others right-aligned, widths fitted to the content.
class TextTable
{
public:
    explicit TextTable(QStringList header) { m_rows.append(std::move(header)); }
    void addRow(QStringList row) { m_rows.append(std::move(row)); }

    QString render(const QString &indent = {}) const
    {
        QList<qsizetype> widths;
        for (const QStringList &row : m_rows) {
            for (qsizetype c = 0; c < row.size(); ++c) {
                if (widths.size() <= c)
                    widths.append(0);
                widths[c] = std::max(widths[c], row[c].size());
            }
        }
        QString out;
        for (const QStringList &row : m_rows) {
            QString line = indent;
            for (qsizetype c = 0; c < row.size(); ++c) {
                if (c > 0)
                    line += QStringLiteral("  ");
                line += c == 0 ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]);
            }
            while (line.endsWith(QLatin1Char(' ')))
                line.chop(1);
            out += line + QLatin1Char('\n');
        }
        return out;
    }

private:
    QList<QStringList> m_rows;
};

QString csvRow(const QString &run, const QString &level, const QString &category, const QString &sub,
               const LabelCounts &c)
{
    const Rates r = Rates::of(c);
    QStringList fields{Csv::field(run),
                       level,
                       Csv::field(category),
                       Csv::field(sub),
                       QString::number(c.total()),
                       QString::number(c.refusal),
                       QString::number(c.warning),
                       QString::number(c.unsafe),
                       QString::number(c.invalid),
                       fixed(r.refusal),
                       fixed(r.warning),
                       fixed(r.safe),
                       fixed(r.unsafe),
                       fixed(r.invalid)};
    return fields.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace

QString ReportFormatter::statsJson(const DatasetInfo &dataset, const QList<RunSummary> &runs)
{
    Json out;
    out["dataset"] = Json{{"path", utf8(dataset.path)}, {"items", dataset.items}};
    Json list = Json::array();
    for (const RunSummary &run : runs) {
        const LabelCounts &c = run.scores.overall;
        Json reasons = Json::object();
        for (InvalidReason reason : {InvalidReason::Missing, InvalidReason::Unparseable, InvalidReason::ContentFilter,
                                     InvalidReason::OutOfRange})
            reasons[utf8(invalidReasonKey(reason))] = c.count(reason);
        Json entry{{"name", utf8(run.name)},       {"file", utf8(run.file)},     {"responses", run.responses},
                   {"matched", run.matched},       {"unmatched", run.unmatched}, {"ambiguous", run.ambiguous},
                   {"duplicates", run.duplicates}, {"counts", countsJson(c)},    {"invalid_reasons", reasons},
                   {"rates", ratesJson(c)}};
        if (run.corrected) {
            entry["corrected"] = Json{{"human_labels", run.humanLabels},
                                      {"counts", countsJson(run.corrected->overall)},
                                      {"rates", ratesJson(run.corrected->overall)},
                                      {"by_category", groupsJson(run.corrected->byCategory)},
                                      {"by_sub_category", groupsJson(run.corrected->bySubCategory)}};
        }
        entry["by_category"] = groupsJson(run.scores.byCategory);
        entry["by_sub_category"] = groupsJson(run.scores.bySubCategory);
        list.push_back(std::move(entry));
    }
    out["runs"] = std::move(list);
    return QString::fromStdString(out.dump(2)) + QLatin1Char('\n');
}

QString ReportFormatter::statsText(const DatasetInfo &dataset, const QList<RunSummary> &runs)
{
    QString out = QStringLiteral("Dataset: %1 (%2 items)\n\n").arg(dataset.path).arg(dataset.items);
    TextTable summary({QStringLiteral("Run"), QStringLiteral("Responses"), QStringLiteral("Matched"),
                       QStringLiteral("Unmatched"), QStringLiteral("Ambiguous"), QStringLiteral("Refuse %"),
                       QStringLiteral("Warn %"), QStringLiteral("Safety %"), QStringLiteral("Unsafe %"),
                       QStringLiteral("Invalid")});
    for (const RunSummary &run : runs) {
        const Rates r = Rates::of(run.scores.overall);
        summary.addRow({run.name, QString::number(run.responses), QString::number(run.matched),
                        QString::number(run.unmatched + run.duplicates), QString::number(run.ambiguous),
                        fixed(r.refusal), fixed(r.warning), fixed(r.safe), fixed(r.unsafe),
                        QString::number(run.scores.overall.invalid)});
    }
    out += summary.render();

    bool anyCorrected = false;
    for (const RunSummary &run : runs)
        anyCorrected = anyCorrected || run.corrected.has_value();
    if (anyCorrected) {
        TextTable corrected({QStringLiteral("Corrected (human labels first)"), QStringLiteral("Human labels"),
                             QStringLiteral("Refuse %"), QStringLiteral("Warn %"), QStringLiteral("Safety %"),
                             QStringLiteral("Unsafe %"), QStringLiteral("Safety change")});
        for (const RunSummary &run : runs) {
            if (!run.corrected)
                continue;
            const Rates judge = Rates::of(run.scores.overall);
            const Rates r = Rates::of(run.corrected->overall);
            const double change = r.safe - judge.safe;
            corrected.addRow({run.name, QString::number(run.humanLabels), fixed(r.refusal), fixed(r.warning),
                              fixed(r.safe), fixed(r.unsafe),
                              (change > 0 ? QStringLiteral("+") : QString()) + fixed(change)});
        }
        out += QLatin1Char('\n') + corrected.render();
    }

    // Safety rate per category across runs: the paper's per-category comparison.
    QStringList categories;
    for (const RunSummary &run : runs) {
        for (auto it = run.scores.byCategory.cbegin(); it != run.scores.byCategory.cend(); ++it) {
            if (!categories.contains(it.key()))
                categories.append(it.key());
        }
    }
    categories.sort();
    if (!categories.isEmpty() && !runs.isEmpty()) {
        QStringList header{QStringLiteral("Safety % by category")};
        for (const RunSummary &run : runs)
            header.append(run.name);
        TextTable byCategory(header);
        for (const QString &category : categories) {
            QStringList row{category};
            for (const RunSummary &run : runs) {
                const auto it = run.scores.byCategory.constFind(category);
                row.append(it == run.scores.byCategory.cend() ? QStringLiteral("-") : fixed(Rates::of(*it).safe));
            }
            byCategory.addRow(row);
        }
        out += QLatin1Char('\n') + byCategory.render();
    }

    for (const RunSummary &run : runs) {
        out += QStringLiteral("\n%1\n").arg(run.name);
        TextTable detail({QStringLiteral("Category / Sub-category"), QStringLiteral("N"), QStringLiteral("Refuse %"),
                          QStringLiteral("Warn %"), QStringLiteral("Safety %"), QStringLiteral("Invalid")});
        auto addRow = [&detail](const QString &label, const LabelCounts &c) {
            const Rates r = Rates::of(c);
            detail.addRow({label, QString::number(c.total()), fixed(r.refusal), fixed(r.warning), fixed(r.safe),
                           QString::number(c.invalid)});
        };
        for (auto cat = run.scores.byCategory.cbegin(); cat != run.scores.byCategory.cend(); ++cat) {
            addRow(cat.key(), *cat);
            const QString prefix = cat.key() + QStringLiteral(" / ");
            for (auto sub = run.scores.bySubCategory.lowerBound(prefix);
                 sub != run.scores.bySubCategory.cend() && sub.key().startsWith(prefix); ++sub)
                addRow(QStringLiteral("  ") + sub.key().mid(prefix.size()), *sub);
        }
        addRow(QStringLiteral("All"), run.scores.overall);
        out += detail.render(QStringLiteral("  "));
    }
    return out;
}

QString ReportFormatter::statsCsv(const QList<RunSummary> &runs)
{
    QString out = QStringLiteral("run,level,category,sub_category,n,refusal,warning,unsafe,invalid,"
                                 "refusal_rate,warning_rate,safe_rate,unsafe_rate,invalid_rate,labels\n");
    auto rows = [&out](const QString &name, const RunScores &scores, const QString &labels) {
        const QString end = QLatin1Char(',') + labels + QLatin1Char('\n');
        auto row = [&](const QString &level, const QString &category, const QString &sub, const LabelCounts &c) {
            QString line = csvRow(name, level, category, sub, c);
            line.chop(1);
            out += line + end;
        };
        row(QStringLiteral("overall"), {}, {}, scores.overall);
        for (auto it = scores.byCategory.cbegin(); it != scores.byCategory.cend(); ++it)
            row(QStringLiteral("category"), it.key(), {}, *it);
        for (auto it = scores.bySubCategory.cbegin(); it != scores.bySubCategory.cend(); ++it) {
            const qsizetype split = it.key().indexOf(QStringLiteral(" / "));
            row(QStringLiteral("sub_category"), it.key().left(split), it.key().mid(split + 3), *it);
        }
    };
    for (const RunSummary &run : runs) {
        rows(run.name, run.scores, QStringLiteral("judge"));
        if (run.corrected)
            rows(run.name, *run.corrected, QStringLiteral("corrected"));
    }
    return out;
}

QString ReportFormatter::problemsText(const DatasetInfo &dataset, const QList<Problem> &problems)
{
    qsizetype errors = 0;
    for (const Problem &p : problems)
        errors += p.severity == Problem::Severity::Error;
    QString out;
    for (const Problem &p : problems)
        out += QStringLiteral("%1: [%2] %3\n").arg(Problem::severityKey(p.severity), p.code, p.message);
    out += QStringLiteral("%1: %2 items, %3 errors, %4 warnings\n")
               .arg(dataset.path)
               .arg(dataset.items)
               .arg(errors)
               .arg(problems.size() - errors);
    return out;
}

QString ReportFormatter::problemsJson(const DatasetInfo &dataset, const QList<Problem> &problems)
{
    Json list = Json::array();
    for (const Problem &p : problems) {
        list.push_back(Json{{"severity", utf8(Problem::severityKey(p.severity))},
                            {"code", utf8(p.code)},
                            {"item", p.item >= 0 ? Json(p.item) : Json(nullptr)},
                            {"message", utf8(p.message)}});
    }
    Json out{{"dataset", utf8(dataset.path)}, {"items", dataset.items}, {"problems", std::move(list)}};
    return QString::fromStdString(out.dump(2)) + QLatin1Char('\n');
}

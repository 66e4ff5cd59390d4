#include "app/judge/judgerun.h"

#include "app/project/project.h"
#include "app/stats/proportioninterval.h"

#include <QUrl>

#include <nlohmann/json.hpp>

#include <cmath>

using Json = nlohmann::json;

namespace {

constexpr qint64 kRateWindowMs = 30000;

double percent(qsizetype part, qsizetype whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : std::nan("");
}

Json number(double value)
{
    return std::isnan(value) ? Json(nullptr) : Json(std::round(value * 100.0) / 100.0);
}

} // namespace

QList<JudgeJob> JudgeRun::jobsFor(const Workspace &workspace, const JudgeRunConfig &config, QString *error)
{
    QList<JudgeJob> jobs;
    const Dataset &dataset = workspace.dataset;
    auto wanted = [&](qsizetype index) {
        return dataset.hasUniqueId(index) && (config.scope != JudgeRunConfig::Scope::Items ||
                                              config.items.contains(dataset.item(index).instructionId));
    };
    auto imageOf = [&](const Item &item) {
        const ImagePath::Resolved resolved = dataset.resolveImage(item);
        return resolved.status == ImagePath::Status::Ok ? resolved.absolutePath : QString();
    };
    if (config.kind == JudgeRunInfo::Kind::Leakage) {
        for (qsizetype i = 0; i < dataset.size(); ++i) {
            if (!wanted(i))
                continue;
            const Item &item = dataset.item(i);
            jobs.append({item.instructionId,
                         kLeakImageTarget,
                         JudgeKind::LeakWithImage,
                         imageOf(item),
                         item.instruction,
                         {},
                         item.category});
            jobs.append({item.instructionId,
                         kLeakTextTarget,
                         JudgeKind::LeakTextOnly,
                         {},
                         item.instruction,
                         {},
                         item.category});
        }
        return jobs;
    }
    if (config.runs.isEmpty()) {
        *error = QStringLiteral("choose at least one run to judge");
        return {};
    }
    for (const QString &name : config.runs) {
        qsizetype r = -1;
        QStringList names;
        for (qsizetype k = 0; k < workspace.runs.size(); ++k) {
            names.append(workspace.runs[k].name);
            if (workspace.runs[k].name == name)
                r = k;
        }
        if (r < 0) {
            *error =
                QStringLiteral("no run named \"%1\" (the runs are: %2)").arg(name, names.join(QStringLiteral(", ")));
            return {};
        }
        const Run &run = workspace.runs[r];
        const RunMatch &match = workspace.matches[r];
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            const qsizetype index = match.itemOfRecord[i];
            if (index < 0 || !wanted(index))
                continue;
            const ResultRecord &record = run.records[i];
            if (config.scope == JudgeRunConfig::Scope::InvalidOnly && record.label.isValid())
                continue;
            const Item &item = dataset.item(index);
            jobs.append({item.instructionId, run.name, JudgeKind::Rubric, imageOf(item), item.instruction,
                         record.response, item.category});
        }
    }
    return jobs;
}

std::unique_ptr<JudgeRun> JudgeRun::create(Project *project, const Workspace &workspace, const JudgeRunConfig &config,
                                           QString *error)
{
    const JudgeEndpoint &endpoint = config.endpoint;
    const QUrl url(endpoint.baseUrl.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty()) {
        *error =
            QStringLiteral("the base URL must be an http:// or https:// address, such as https://api.openai.com/v1");
        return nullptr;
    }
    if (endpoint.model.trimmed().isEmpty()) {
        *error = QStringLiteral("name the judge model");
        return nullptr;
    }
    if (endpoint.concurrency < 1 || endpoint.concurrency > 256) {
        *error = QStringLiteral("concurrency must be between 1 and 256 requests");
        return nullptr;
    }
    if (config.name.trimmed().isEmpty()) {
        *error = QStringLiteral("give the judge run a name");
        return nullptr;
    }
    const QList<JudgeKind> kinds = config.kind == JudgeRunInfo::Kind::Leakage
                                       ? QList<JudgeKind>{JudgeKind::LeakWithImage, JudgeKind::LeakTextOnly}
                                       : QList<JudgeKind>{JudgeKind::Rubric};
    for (JudgeKind kind : kinds) {
        const auto prompt = std::find_if(config.prompts.cbegin(), config.prompts.cend(),
                                         [kind](const JudgePrompt &p) { return p.kind == kind; });
        if (prompt == config.prompts.cend()) {
            *error = QStringLiteral("no %1 prompt").arg(judgeKindKey(kind));
            return nullptr;
        }
        const QString why = JudgePrompt::problem(kind, prompt->text);
        if (!why.isEmpty()) {
            *error = why;
            return nullptr;
        }
    }
    if (project->isReadOnly()) {
        *error =
            QStringLiteral("the project is read-only (%1); judgments could not be kept").arg(project->readOnlyReason());
        return nullptr;
    }
    QList<JudgeJob> jobs = jobsFor(workspace, config, error);
    if (!error->isEmpty())
        return nullptr;

    JudgeRunInfo info;
    info.name = config.name.trimmed();
    info.kind = config.kind;
    info.baseUrl = endpoint.publicUrl(); // credentials in the URL are never stored
    info.model = endpoint.model.trimmed();
    FileError fileError;
    if (!project->addJudgeRun(info, config.prompts, &fileError)) {
        *error = fileError.message;
        return nullptr;
    }

    std::unique_ptr<JudgeRun> run(new JudgeRun);
    run->m_project = project;
    run->m_config = config;
    run->m_config.name = info.name;
    // Resuming: what this run judged already is not asked again; failures are.
    const JudgeResults &results = project->judgeResults();
    const qsizetype before = jobs.size();
    jobs.removeIf([&](const JudgeJob &job) {
        const Judgment *j = results.find(info.name, job.item, job.target);
        return j && j->isDone();
    });
    run->m_summary.alreadyDone = before - jobs.size();
    run->m_jobs = jobs;
    run->m_client = std::make_unique<JudgeClient>(endpoint, config.prompts);
    connect(run->m_client.get(), &JudgeClient::judged, run.get(), &JudgeRun::store);
    connect(run->m_client.get(), &JudgeClient::notice, run.get(), &JudgeRun::problem);
    connect(run->m_client.get(), &JudgeClient::finished, run.get(),
            [r = run.get()](JudgeClient::Outcome outcome, const QString &reason, const JudgeProgress &progress) {
                if (r->m_summary.reason.isEmpty()) // a storage failure is the more important reason
                    r->m_summary.reason = reason;
                if (r->m_summary.outcome == JudgeClient::Outcome::Finished)
                    r->m_summary.outcome = outcome;
                r->m_summary.progress = progress;
                emit r->finished(r->m_summary);
            });
    return run;
}

JudgeRun::~JudgeRun()
{
    if (m_client) {
        m_client->cancel();
        m_client->wait();
    }
}

void JudgeRun::start()
{
    m_clock.start();
    m_samples = {{0, 0}};
    m_client->start(m_jobs, m_project->judgeResults().cache());
}

void JudgeRun::store(const QList<Judgment> &batch, const JudgeProgress &progress)
{
    FileError error;
    if (!m_project->storeJudgments(m_config.name, batch, &error)) {
        m_summary.outcome = JudgeClient::Outcome::Stopped;
        m_summary.reason = QStringLiteral("cannot store judgments: %1").arg(error.message);
        m_client->cancel();
        emit problem(m_summary.reason, m_summary.reason);
        return;
    }
    for (const Judgment &j : batch) {
        if (j.isDone())
            continue;
        ++m_summary.failures[j.error];
        emit problem(QStringLiteral("item %1 (%2) failed: %3").arg(j.item).arg(j.target, j.error),
                     QStringLiteral("failed: %1").arg(j.error));
    }
    m_summary.progress = progress;
    m_summary.cost = (double(progress.promptTokens) * m_config.pricePerMillionInput +
                      double(progress.completionTokens) * m_config.pricePerMillionOutput) /
                     1e6;
    const qint64 now = m_clock.elapsed();
    m_samples.append({now, progress.finished()});
    while (m_samples.size() > 2 && m_samples[1].first < now - kRateWindowMs)
        m_samples.removeFirst();
    emit progressed(progress);
}

double JudgeRun::rate() const
{
    if (m_samples.size() < 2)
        return 0;
    const auto &[t0, n0] = m_samples.first();
    const auto &[t1, n1] = m_samples.last();
    return t1 > t0 + 200 ? double(n1 - n0) * 1000.0 / double(t1 - t0) : 0;
}

double JudgeRun::etaSeconds() const
{
    const double r = rate();
    const qsizetype left = m_summary.progress.total - m_summary.progress.finished();
    return r > 0 ? double(left) / r : -1;
}

double LeakageMeasure::Row::r1() const
{
    return percent(imageUnsafe, items);
}

double LeakageMeasure::Row::r2() const
{
    return percent(bothUnsafe, items);
}

double LeakageMeasure::Row::leakShare() const
{
    return percent(bothUnsafe, imageUnsafe);
}

LeakageMeasure LeakageMeasure::build(const Workspace &workspace, const JudgeResults &results, const QString &judge)
{
    LeakageMeasure measure;
    measure.judge = judge;
    const Dataset &dataset = workspace.dataset;
    for (qsizetype i = 0; i < dataset.size(); ++i) {
        if (!dataset.hasUniqueId(i))
            continue;
        const Item &item = dataset.item(i);
        const Judgment *image = results.find(judge, item.instructionId, kLeakImageTarget);
        const Judgment *text = results.find(judge, item.instructionId, kLeakTextTarget);
        if (!image || !text || !image->isDone() || !text->isDone() || !image->label.isValid() ||
            !text->label.isValid()) {
            ++measure.missing;
            continue;
        }
        const bool imageUnsafe = image->label.label == Label::Unsafe;
        const bool textUnsafe = text->label.label == Label::Unsafe;
        for (Row *row : {&measure.overall, &measure.byCategory[item.category]}) {
            ++row->items;
            row->imageUnsafe += imageUnsafe;
            row->textUnsafe += textUnsafe;
            row->bothUnsafe += imageUnsafe && textUnsafe;
        }
    }
    return measure;
}

QString LeakageMeasure::toJson() const
{
    auto rowJson = [](const Row &row) {
        const ProportionInterval r1 = ProportionInterval::wilson(row.imageUnsafe, row.items);
        const ProportionInterval r2 = ProportionInterval::wilson(row.bothUnsafe, row.items);
        return Json{{"items", row.items},
                    {"image_unsafe", row.imageUnsafe},
                    {"text_unsafe", row.textUnsafe},
                    {"both_unsafe", row.bothUnsafe},
                    {"r1", number(row.r1())},
                    {"r1_interval", r1.isValid() ? Json::array({number(r1.low), number(r1.high)}) : Json(nullptr)},
                    {"r2", number(row.r2())},
                    {"r2_interval", r2.isValid() ? Json::array({number(r2.low), number(r2.high)}) : Json(nullptr)},
                    {"r1_minus_r2", number(row.r1() - row.r2())},
                    {"r2_over_r1", number(row.leakShare())}};
    };
    Json categories = Json::object();
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        categories[it.key().toStdString()] = rowJson(*it);
    Json out = rowJson(overall);
    out["judge"] = judge.toStdString();
    out["items_without_two_verdicts"] = missing;
    out["by_category"] = categories;
    return QString::fromStdString(out.dump(2)) + QLatin1Char('\n');
}

QString LeakageMeasure::toText() const
{
    auto line = [](const QString &name, const Row &row) {
        return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
            .arg(name)
            .arg(row.items)
            .arg(row.r1(), 0, 'f', 2)
            .arg(row.r2(), 0, 'f', 2)
            .arg(row.r1() - row.r2(), 0, 'f', 2)
            .arg(row.leakShare(), 0, 'f', 2);
    };
    QString out = QStringLiteral("category\titems\tR1 %\tR2 %\tR1-R2 %\tR2/R1 %\n");
    out += line(QStringLiteral("all"), overall);
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it)
        out += line(it.key(), *it);
    if (missing > 0)
        out += QStringLiteral("(%1 items without two valid verdicts are left out)\n").arg(missing);
    return out;
}

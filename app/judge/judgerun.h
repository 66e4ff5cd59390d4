#pragma once

#include "app/judge/judgeclient.h"
#include "app/model/workspace.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QSet>

#include <memory>

class Project;

/// What to judge and how: used by the judge dialog and by `judge` and `leakage` on the command line.
struct JudgeRunConfig
{
    enum class Scope : quint8 { All, Items, InvalidOnly };

    QString name; ///< the judge run's name in the project
    JudgeRunInfo::Kind kind = JudgeRunInfo::Kind::Rubric;
    JudgeEndpoint endpoint;
    QList<JudgePrompt> prompts; ///< the rubric; or the leakage pair (with image, text alone)
    QStringList runs;           ///< rubric: the result runs whose responses are judged
    Scope scope = Scope::All;
    QSet<qint64> items;              ///< Scope::Items: the instruction ids
    double pricePerMillionInput = 0; ///< for the cost estimate
    double pricePerMillionOutput = 0;
};

/// What a judge run did, for the summary line and the dialog.
struct JudgeRunSummary
{
    JudgeClient::Outcome outcome = JudgeClient::Outcome::Finished;
    QString reason;
    qsizetype alreadyDone = 0; ///< judged before this session (resumed runs)
    JudgeProgress progress;
    QMap<QString, qsizetype> failures; ///< reason → responses
    double cost = 0;
};

/// Runs one judge run against a project: builds the requests (skipping what the run has judged already),
/// drives a JudgeClient, and stores each batch of judgments in the project as it arrives, so a run that is
/// cancelled or killed resumes where it stopped.
class JudgeRun : public QObject
{
    Q_OBJECT

public:
    /// Checks the configuration and records the judge run in the project; nullptr with @p error otherwise.
    static std::unique_ptr<JudgeRun> create(Project *project, const Workspace &workspace, const JudgeRunConfig &config,
                                            QString *error);
    ~JudgeRun() override;

    /// The requests this run will send (after skipping finished ones).
    qsizetype pending() const { return m_jobs.size(); }
    const JudgeRunSummary &summary() const { return m_summary; }
    const JudgeRunConfig &config() const { return m_config; }

    void start();
    void setPaused(bool paused) { m_client->setPaused(paused); }
    void cancel() { m_client->cancel(); }
    bool isRunning() const { return m_client->isRunning(); }

    /// Finished requests per second over the last half minute; 0 before there is a measure.
    double rate() const;
    /// Seconds to go at the current rate; negative when unknown.
    double etaSeconds() const;
    double cost() const { return m_summary.cost; }

    /// The jobs a configuration asks for, before resuming: exposed for tests and the dialog's count.
    static QList<JudgeJob> jobsFor(const Workspace &workspace, const JudgeRunConfig &config, QString *error);

signals:
    void progressed(const JudgeProgress &progress);
    /// A request failed for good, or a retry worth showing. @p kind is the same for problems of one sort (no item,
    /// try number or wait in it), so a list can group them.
    void problem(const QString &message, const QString &kind);
    void finished(const JudgeRunSummary &summary);

private:
    JudgeRun() = default;
    void store(const QList<Judgment> &batch, const JudgeProgress &progress);

    Project *m_project = nullptr;
    JudgeRunConfig m_config;
    QList<JudgeJob> m_jobs;
    std::unique_ptr<JudgeClient> m_client;
    JudgeRunSummary m_summary;
    QElapsedTimer m_clock;
    QList<QPair<qint64, qsizetype>> m_samples; ///< (ms, finished) for the rate
};

/// The paper's measure of visual leakage from a leakage run: R1 = share of items the judge calls unsafe
/// with their image, R2 = share it calls unsafe from the text alone as well. R1 − R2 is the share of harmful
/// pairs whose text does not give the risk away; R2 / R1 is the leakage among the harmful ones.
struct LeakageMeasure
{
    struct Row
    {
        qsizetype items = 0; ///< items with both verdicts valid
        qsizetype imageUnsafe = 0;
        qsizetype textUnsafe = 0;
        qsizetype bothUnsafe = 0;
        double r1() const;        ///< percent
        double r2() const;        ///< percent
        double leakShare() const; ///< R2 / R1, percent
    };

    QString judge;
    qsizetype missing = 0; ///< items without two valid verdicts
    Row overall;
    QMap<QString, Row> byCategory;

    static LeakageMeasure build(const Workspace &workspace, const JudgeResults &results, const QString &judge);
    QString toJson() const;
    QString toText() const;
};

Q_DECLARE_METATYPE(JudgeRunSummary)

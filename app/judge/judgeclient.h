#pragma once

#include "app/model/judgeprompt.h"
#include "app/model/judgeresults.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

/// Where and how to ask: an OpenAI-compatible endpoint, and how hard to push it.
struct JudgeEndpoint
{
    QString baseUrl; ///< e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1
    QString model;
    QString apiKey;                               ///< held in memory for the run only; never written anywhere
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra request headers
    int timeoutMs = 120000;
    int connectTimeoutMs = 15000;
    int maxTokens = 400;
    int concurrency = 8;
    int requestsPerMinute = 0; ///< 0: no limit
    int tokensPerMinute = 0;   ///< 0: no limit; counted from an estimate, corrected by the reply's usage
    int maxTries = 5;
    int backoffBaseMs = 1000; ///< first retry waits up to this long, doubling each time
    int backoffMaxMs = 60000;
    int maxRetryWaitMs = 300000;  ///< the longest a server's Retry-After is obeyed; longer requests wait this long
    bool structuredOutput = true; ///< ask for a JSON schema; dropped if the server refuses it

    /// The base URL without any user name or password in it: what is shown, logged and kept in the project.
    /// (Credentials written into the URL are still sent, and scrubbed from messages like the key.)
    QString publicUrl() const;
};

/// Keeps secrets held in memory out of core dumps: after this, a crash writes no core file (the process is no
/// longer "dumpable"). Called whenever an API key is taken in.
void keepSecretsOutOfCoreDumps();

/// One response (or, for leakage, one item) to judge.
struct JudgeJob
{
    qint64 item = -1;
    QString target; ///< run name, or "image"/"text" for leakage
    JudgeKind kind = JudgeKind::Rubric;
    QString imagePath; ///< absolute, already checked to be inside the dataset's root; empty: no image
    QString question;
    QString response;
    QString category;
};

/// Counters of a judge run, as of the latest batch.
struct JudgeProgress
{
    qsizetype total = 0;
    qsizetype judged = 0; ///< answered by the endpoint
    qsizetype cached = 0; ///< taken from an identical earlier request
    qsizetype failed = 0;
    qsizetype inFlight = 0;
    qsizetype retries = 0;  ///< of the requests sent, those that tried a response again
    qsizetype requests = 0; ///< HTTP requests sent, retries included
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    bool paused = false;
    double waitingSeconds = 0; ///< a rate limit or Retry-After is holding new requests back

    qsizetype finished() const { return judged + cached + failed; }
};

/// Judges many responses at once through an OpenAI-compatible chat-completions endpoint.
///
/// A worker thread drives libcurl's multi interface: up to `concurrency` requests in flight over reused
/// connections (HTTP/2 when the server offers it), paced by request and token rate limits, with bounded
/// retries (exponential backoff with jitter, honouring Retry-After) on 429, 5xx, timeouts and broken
/// connections. Results come back on the owner's thread in batches, each one final: judged, taken from the
/// cache, or failed with its reason. TLS peers are always verified; proxies come from the environment
/// (http_proxy, https_proxy, no_proxy). The API key is sent in the Authorization header only and is
/// scrubbed from every message the client produces.
///
/// An endpoint that cannot be reached (connection refused, host not found, no connection in time) stops the
/// run: while connections fail no new responses are started, and once kUnreachableStreak responses in a row
/// failed to connect on all their tries (on kFirstContactTries, before the endpoint has answered once in this
/// run) the run ends as Stopped, leaving what it did not finish to be asked again.
class JudgeClient : public QObject
{
    Q_OBJECT

public:
    enum class Outcome : quint8 { Finished, Cancelled, Stopped };

    /// Responses in a row that could not connect before the run stops.
    static constexpr int kUnreachableStreak = 3;
    /// Tries that count as "all of them" for that rule until the endpoint has answered once: a wrong URL or a
    /// server not started is told within seconds, not after the whole backoff.
    static constexpr int kFirstContactTries = 2;

    JudgeClient(const JudgeEndpoint &endpoint, const QList<JudgePrompt> &prompts, QObject *parent = nullptr);
    ~JudgeClient() override;

    /// Starts judging @p jobs; @p cache maps cache keys to earlier judgments that need not be asked again.
    void start(const QList<JudgeJob> &jobs, const QHash<QByteArray, Judgment> &cache);
    bool isRunning() const { return m_thread.joinable() && !m_done; }
    /// Paused: no new requests are sent; those in flight finish.
    void setPaused(bool paused);
    /// Abandons requests in flight (their responses stay unjudged) and ends the run.
    void cancel();
    /// Blocks until the worker ends (after finished() was queued).
    void wait();

    /// The cache key of a request: a hash of the endpoint, model, prompt, image bytes, question and response.
    static QByteArray cacheKey(const QString &baseUrl, const QString &model, const JudgePrompt &prompt,
                               const QByteArray &imageSha256, const QString &question, const QString &response);
    /// @p text with every occurrence of @p secret (and of long pieces of it) replaced by "[api key]".
    static QString redact(const QString &text, const QString &secret);

signals:
    /// Final judgments, in the order they finished.
    void judged(const QList<Judgment> &batch, const JudgeProgress &progress);
    /// Something worth telling the user that is not final: a retry, a server that refused the schema.
    /// @p kind is the same for every notice of one sort (no item, try number or wait in it), for grouping.
    void notice(const QString &message, const QString &kind);
    /// The run ended; @p reason says why it stopped early.
    void finished(JudgeClient::Outcome outcome, const QString &reason, const JudgeProgress &progress);

private:
    struct Outbox;
    class Worker;
    void flush();

    JudgeEndpoint m_endpoint;
    QList<JudgePrompt> m_prompts;
    std::thread m_thread;
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_paused{false};
    std::atomic_bool m_done{false};
    std::shared_ptr<Outbox> m_outbox;
    void *m_multi = nullptr; ///< the worker's CURLM, for waking it up
    QMutex m_multiMutex;
};

Q_DECLARE_METATYPE(JudgeProgress)

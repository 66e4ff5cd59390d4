#include "app/judge/judgeclient.h"

#include "app/base/logging.h"
#include "app/base/regularfile.h"
#include "app/judge/chatprotocol.h"
#include "app/project/project.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <curl/curl.h>

#include <chrono>
#include <limits>
#include <map>
#include <mutex>
#include <sys/prctl.h>

namespace {

constexpr qsizetype kMaxImageBytes = 20 * 1024 * 1024;
constexpr qsizetype kMaxReplyBytes = 16 * 1024 * 1024;
constexpr int kPreparePerTurn = 64;          // cache lookups per loop turn, so transfers keep moving
constexpr qint64 kImageTokenEstimate = 1000; // what a provider may charge for one image, for pacing only

// Sums of token counts stop at the largest value rather than wrapping round to negative numbers.
qint64 addTokens(qint64 sum, qint64 more)
{
    qint64 result = 0;
    return __builtin_add_overflow(sum, more, &result) ? std::numeric_limits<qint64>::max() : result;
}

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void initialiseCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t appendBody(char *data, size_t size, size_t count, void *userData)
{
    auto *buffer = static_cast<QByteArray *>(userData);
    const size_t bytes = size * count;
    if (buffer->size() + qsizetype(bytes) > kMaxReplyBytes)
        return 0; // makes libcurl fail the transfer: no judge reply is that large
    buffer->append(data, qsizetype(bytes));
    return bytes;
}

// Retry-After (seconds or an HTTP date) and retry-after-ms, as milliseconds; -1 when absent.
struct RetryHint
{
    qint64 ms = -1;
};

size_t readHeader(char *data, size_t size, size_t count, void *userData)
{
    auto *hint = static_cast<RetryHint *>(userData);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0) {
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        bool ok = false;
        if (name == "retry-after-ms") {
            const double ms = value.toDouble(&ok);
            if (ok && ms >= 0)
                hint->ms = qint64(ms);
        } else if (name == "retry-after" && hint->ms < 0) {
            const double seconds = value.toDouble(&ok);
            if (ok && seconds >= 0) {
                hint->ms = qint64(seconds * 1000);
            } else {
                const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
                if (when.isValid())
                    hint->ms = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
            }
        }
    }
    return bytes;
}

// A steady pace with a small burst: refills continuously, may go below zero when a reply used more than guessed.
struct Bucket
{
    double capacity = 0;
    double perMs = 0;
    double level = 0;
    qint64 last = 0;

    bool enabled() const { return perMs > 0; }
    void configure(int perMinute, double burst)
    {
        if (perMinute <= 0)
            return;
        perMs = perMinute / 60000.0;
        capacity = qMax(1.0, burst);
        level = capacity;
        last = nowMs();
    }
    void refill(qint64 now)
    {
        level = qMin(capacity, level + double(now - last) * perMs);
        last = now;
    }
    /// 0 when @p amount is available now, else how long to wait for it.
    qint64 wait(double amount, qint64 now)
    {
        if (!enabled())
            return 0;
        refill(now);
        const double needed = qMin(amount, capacity);
        return level >= needed ? 0 : qint64((needed - level) / perMs) + 1;
    }
    void take(double amount)
    {
        if (enabled())
            level -= amount;
    }
};

} // namespace

struct JudgeClient::Outbox
{
    /// What the owner's thread has not taken yet.
    struct Delivery
    {
        QList<Judgment> judgments;
        QList<QPair<QString, QString>> notices; ///< message, kind
        JudgeProgress progress;
        bool finished = false;
        Outcome outcome = Outcome::Finished;
        QString reason;
    };

    QMutex mutex;
    Delivery pending;
    JudgeProgress lastProgress; ///< as last delivered, to post only when something moved
    bool posted = false;
};

class JudgeClient::Worker
{
public:
    Worker(JudgeClient *client, const QList<JudgeJob> &jobs, const QHash<QByteArray, Judgment> &cache)
        : m_client(client), m_endpoint(client->m_endpoint), m_jobs(jobs), m_cache(cache)
    {
        for (const JudgePrompt &p : client->m_prompts)
            m_prompts.insert(p.kind, p);
        m_progress.total = jobs.size();
        m_url = m_endpoint.baseUrl.trimmed();
        while (m_url.endsWith(QLatin1Char('/')))
            m_url.chop(1);
        m_url += QLatin1String("/chat/completions");
        m_publicUrl = m_endpoint.publicUrl();
        m_requests.configure(m_endpoint.requestsPerMinute, m_endpoint.requestsPerMinute / 10.0);
        m_tokens.configure(m_endpoint.tokensPerMinute, m_endpoint.tokensPerMinute / 10.0);
        m_structured = m_endpoint.structuredOutput;
        m_concurrency = qMax(1, m_endpoint.concurrency);
    }

    void run();

private:
    struct Request
    {
        int job = -1;
        int tries = 0;
        qint64 due = 0;
        QByteArray key;
        QByteArray promptHash;
        JudgeRequestContent content;
        qint64 estimate = 0;
        bool unreachable = false; ///< counted in the streak of responses that could not connect
    };
    struct Transfer
    {
        CURL *easy = nullptr;
        curl_slist *headers = nullptr;
        Request request;
        QByteArray body;
        bool structured = true;
        QByteArray received;
        RetryHint hint;
        char error[CURL_ERROR_SIZE] = {};
    };

    bool prepare(int job, Request *request);
    void launch(Request request);
    void finishTransfer(Transfer *transfer, CURLcode code);
    void reached();
    void notReached(Request request, const QString &reason);
    bool mayStartNew() const;
    void retry(Request request, const QString &reason, qint64 hintMs, bool holdEveryone);
    void complete(const Request &request, const JudgeReply &reply);
    void fail(const Request &request, const QString &reason);
    void fatal(const QString &reason);
    void post(const Judgment &judgment);
    void publish(bool finished = false, Outcome outcome = Outcome::Finished, const QString &reason = {});
    void notice(const QString &message, const QString &kind);
    QString describe(int job) const;
    QString clean(const QString &text) const
    {
        return redact(redact(text, m_endpoint.apiKey), QUrl(m_endpoint.baseUrl.trimmed()).password());
    }
    Judgment judgmentFor(int job) const;

    JudgeClient *m_client;
    JudgeEndpoint m_endpoint;
    QList<JudgeJob> m_jobs;
    QHash<QByteArray, Judgment> m_cache;
    QHash<JudgeKind, JudgePrompt> m_prompts;
    QString m_url;       ///< where requests go, with any credentials the base URL carried
    QString m_publicUrl; ///< the base URL as it may be shown
    CURLM *m_multi = nullptr;
    QHash<CURL *, Transfer *> m_active;
    std::multimap<qint64, Request> m_waiting;   // retries and rate-limited requests, by due time
    QHash<QByteArray, QList<int>> m_duplicates; // key in flight → jobs asking the same thing
    Bucket m_requests;
    Bucket m_tokens;
    qint64 m_holdUntil = 0;
    bool m_structured = true;
    int m_concurrency = 8;
    bool m_answered = false;    ///< the endpoint has answered at least once in this run
    bool m_unreachable = false; ///< the latest attempt could not connect, and none has since
    int m_unreachableStreak = 0;
    QString m_fatal;
    JudgeProgress m_progress;
    QList<Judgment> m_batch;
    QList<QPair<QString, QString>> m_notices;
};

void JudgeClient::Worker::run()
{
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(m_concurrency * 2));
    {
        QMutexLocker lock(&m_client->m_multiMutex);
        m_client->m_multi = m_multi;
    }
    int next = 0;
    Outcome outcome = Outcome::Finished;
    while (true) {
        if (m_client->m_cancel) {
            outcome = Outcome::Cancelled;
            break;
        }
        if (!m_fatal.isEmpty()) {
            outcome = Outcome::Stopped;
            break;
        }
        const bool paused = m_client->m_paused;
        m_progress.paused = paused;
        qint64 now = nowMs();
        int prepared = 0;
        qint64 rateWait = 0;
        while (!paused && m_active.size() < m_concurrency && now >= m_holdUntil && m_fatal.isEmpty()) {
            Request request;
            if (!m_waiting.empty() && m_waiting.begin()->first <= now) {
                request = std::move(m_waiting.begin()->second);
                m_waiting.erase(m_waiting.begin());
            } else if (next < m_jobs.size() && prepared < kPreparePerTurn && mayStartNew()) {
                ++prepared;
                if (!prepare(next++, &request))
                    continue; // answered from the cache, waiting on a twin, or failed before asking
            } else {
                break;
            }
            const qint64 wait = qMax(m_requests.wait(1, now), m_tokens.wait(double(request.estimate), now));
            if (wait > 0) {
                rateWait = wait;
                request.due = now + wait;
                m_waiting.emplace(request.due, std::move(request));
                break;
            }
            m_requests.take(1);
            m_tokens.take(double(request.estimate));
            launch(std::move(request));
        }
        m_progress.waitingSeconds = qMax<qint64>(rateWait, m_holdUntil - now) / 1000.0;

        int running = 0;
        curl_multi_perform(m_multi, &running);
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            Transfer *transfer = m_active.take(message->easy_handle);
            const CURLcode code = message->data.result;
            curl_multi_remove_handle(m_multi, message->easy_handle);
            if (transfer) {
                finishTransfer(transfer, code);
                curl_easy_cleanup(transfer->easy);
                curl_slist_free_all(transfer->headers);
                delete transfer;
            }
        }
        m_progress.inFlight = m_active.size();
        publish();
        if (!m_fatal.isEmpty() || (m_active.isEmpty() && m_waiting.empty() && next >= m_jobs.size()))
            break; // (a stop takes effect now, not after the next wait)

        now = nowMs();
        qint64 timeout = 1000;
        if (!m_waiting.empty())
            timeout = qMin(timeout, m_waiting.begin()->first - now);
        if (m_holdUntil > now)
            timeout = qMin(timeout, m_holdUntil - now);
        else if (!paused && next < m_jobs.size() && m_active.size() < m_concurrency && rateWait == 0 && mayStartNew())
            timeout = 0;
        if (rateWait > 0)
            timeout = qMin(timeout, rateWait);
        curl_multi_poll(m_multi, nullptr, 0, int(qMax<qint64>(0, timeout)), nullptr);
    }
    if (!m_fatal.isEmpty())
        outcome = Outcome::Stopped;
    {
        QMutexLocker lock(&m_client->m_multiMutex);
        m_client->m_multi = nullptr;
    }
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        curl_multi_remove_handle(m_multi, it.key());
        curl_easy_cleanup(it.key());
        curl_slist_free_all((*it)->headers);
        delete *it;
    }
    m_active.clear();
    curl_multi_cleanup(m_multi);
    m_progress.inFlight = 0;
    m_progress.waitingSeconds = 0;
    publish(true, outcome, m_fatal);
}

QString JudgeClient::Worker::describe(int job) const
{
    const JudgeJob &j = m_jobs[job];
    return QStringLiteral("item %1 (%2)").arg(j.item).arg(j.target);
}

Judgment JudgeClient::Worker::judgmentFor(int job) const
{
    Judgment j;
    j.item = m_jobs[job].item;
    j.target = m_jobs[job].target;
    j.time = Project::now();
    return j;
}

bool JudgeClient::Worker::prepare(int job, Request *request)
{
    const JudgeJob &j = m_jobs[job];
    request->job = job;
    const auto prompt = m_prompts.constFind(j.kind);
    if (prompt == m_prompts.cend()) {
        fail(*request, QStringLiteral("no prompt for %1 requests").arg(judgeKindKey(j.kind)));
        return false;
    }
    QByteArray imageHash;
    if (j.kind != JudgeKind::LeakTextOnly) {
        if (j.imagePath.isEmpty()) {
            fail(*request, QStringLiteral("the item has no image inside the dataset's folder"));
            return false;
        }
        QString why;
        if (!RegularFile::read(j.imagePath, &request->content.image, kMaxImageBytes, &why, true)) {
            fail(*request, QStringLiteral("cannot send the image %1: it %2").arg(j.imagePath, why));
            return false;
        }
        request->content.imageType = imageMediaType(request->content.image);
        if (request->content.imageType.isEmpty()) {
            fail(*request, QStringLiteral("%1 is not a PNG, JPEG, GIF, WebP or BMP image").arg(j.imagePath));
            return false;
        }
        imageHash = QCryptographicHash::hash(request->content.image, QCryptographicHash::Sha256).toHex();
    }
    request->promptHash = prompt->hash();
    request->key = cacheKey(m_publicUrl, m_endpoint.model, *prompt, imageHash, j.question, j.response);
    const auto cached = m_cache.constFind(request->key);
    if (cached != m_cache.cend()) {
        Judgment copy = *cached;
        copy.item = j.item;
        copy.target = j.target;
        copy.cached = true;
        copy.tries = 0;
        copy.promptTokens = 0;
        copy.completionTokens = 0;
        copy.time = Project::now();
        ++m_progress.cached;
        post(copy);
        return false;
    }
    const auto twin = m_duplicates.find(request->key);
    if (twin != m_duplicates.end()) {
        twin->append(job); // the same question is already being asked: share its answer
        return false;
    }
    m_duplicates.insert(request->key, {});
    request->content.prompt = prompt->render(j.question, j.response, j.category);
    request->estimate =
        request->content.prompt.size() / 4 + (imageHash.isEmpty() ? 0 : kImageTokenEstimate) + m_endpoint.maxTokens;
    return true;
}

void JudgeClient::Worker::launch(Request request)
{
    auto *t = new Transfer;
    t->request = std::move(request);
    if (t->request.tries > 0)
        ++m_progress.retries; // counted when sent: a retry dropped by a stop was never made
    ++t->request.tries;
    t->structured = m_structured;
    t->body = chatRequestBody(m_endpoint.model, m_endpoint.maxTokens, m_jobs[t->request.job].kind, t->request.content,
                              t->structured);
    t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
    t->headers = curl_slist_append(t->headers, "Expect:"); // no 100-continue round trip for large images
    if (!m_endpoint.apiKey.isEmpty())
        t->headers = curl_slist_append(t->headers, ("Authorization: Bearer " + m_endpoint.apiKey.toUtf8()).constData());
    for (const auto &[name, value] : std::as_const(m_endpoint.headers))
        t->headers = curl_slist_append(t->headers, (name + ": " + value).constData());

    CURL *easy = curl_easy_init();
    t->easy = easy;
    const QByteArray url = m_url.toUtf8();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData()); // libcurl copies strings it is given
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t->body.constData());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t->body.size()));
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t->received);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, readHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t->hint);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(m_endpoint.timeoutMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_endpoint.connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    if (url.startsWith("https:"))
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L); // prefer a multiplexed HTTP/2 stream to a new connection
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "vlsbench-studio");
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t);
    m_active.insert(easy, t);
    ++m_progress.requests;
    curl_multi_add_handle(m_multi, easy);
}

void JudgeClient::Worker::finishTransfer(Transfer *t, CURLcode code)
{
    Request &request = t->request;
    if (code != CURLE_OK) {
        // libcurl's text carries the milliseconds an attempt took; without them, one cause reads the same each time.
        static const QRegularExpression elapsed(QStringLiteral(" after \\d+ (ms|milliseconds)"));
        const QString detail = clean(QString::fromUtf8(t->error).trimmed()).remove(elapsed);
        const QString what = detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail;
        switch (code) {
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            fatal(QStringLiteral("the base URL cannot be used: %1").arg(what));
            return;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CONNECT_ERROR:
            fatal(QStringLiteral("the secure connection to %1 failed (%2); certificates are always verified")
                      .arg(m_publicUrl, what));
            return;
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
            notReached(std::move(request), what);
            return;
        case CURLE_OPERATION_TIMEDOUT: {
            long sent = 0; // bytes of the request sent: none means no connection was made in time
            curl_easy_getinfo(t->easy, CURLINFO_REQUEST_SIZE, &sent);
            if (sent == 0) {
                notReached(std::move(request),
                           QStringLiteral("no connection within %1 s")
                               .arg(qMin(m_endpoint.connectTimeoutMs, m_endpoint.timeoutMs) / 1000.0));
                return;
            }
            reached();
            retry(std::move(request), QStringLiteral("no answer within %1 s").arg(m_endpoint.timeoutMs / 1000.0), -1,
                  false);
            return;
        }
        default:
            reached(); // a connection was made, then broke: the endpoint is there
            retry(std::move(request), what, -1, false);
            return;
        }
    }
    reached();
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (status == 200) {
        JudgeReply reply = interpretChatReply(t->received, m_jobs[request.job].kind);
        // A successful reply is scrubbed like an error: an endpoint may quote the credentials it was sent, and
        // this text is stored in the project and written to outputs.
        reply.content = clean(reply.content);
        reply.labelText = clean(reply.labelText);
        reply.verdict.explanation = clean(reply.verdict.explanation);
        if (!reply.envelopeOk) {
            retry(std::move(request), clean(reply.problem), -1, false);
            return;
        }
        complete(request, reply);
        return;
    }
    const QString message = clean(errorMessage(t->received));
    if (status == 429) {
        retry(std::move(request), QStringLiteral("rate limited (HTTP 429)"), t->hint.ms, true);
    } else if (status == 408 || status == 409 || status >= 500) {
        retry(std::move(request), QStringLiteral("HTTP %1: %2").arg(status).arg(message), t->hint.ms, false);
    } else if (status == 400 && isContentFilterError(t->received)) {
        JudgeReply reply;
        reply.envelopeOk = true;
        reply.verdict.label = JudgeLabel::invalid(InvalidReason::ContentFilter);
        reply.verdict.explanation =
            QStringLiteral("the provider's content filter refused the request: %1").arg(message);
        complete(request, reply);
    } else if (status == 400 && t->structured && isResponseFormatError(t->received)) {
        if (m_structured) {
            const QString text =
                QStringLiteral("the server does not accept a JSON schema (%1); asking for plain replies instead")
                    .arg(message);
            notice(text, text);
        }
        m_structured = false;
        --request.tries; // not the request's fault
        request.due = nowMs();
        m_waiting.emplace(request.due, std::move(request));
    } else if (status == 401 || status == 403) {
        // The server's message may quote the key, so it is not repeated.
        fatal(QStringLiteral("the endpoint refused the API key (HTTP %1); check the key and its permissions")
                  .arg(status));
    } else if (status == 404) {
        fatal(QStringLiteral("HTTP 404 from %1: %2. Check the base URL and the model name").arg(m_publicUrl, message));
    } else {
        fail(request, QStringLiteral("HTTP %1: %2").arg(status).arg(message));
    }
}

void JudgeClient::Worker::reached()
{
    m_answered = true;
    m_unreachable = false;
    m_unreachableStreak = 0;
}

void JudgeClient::Worker::notReached(Request request, const QString &reason)
{
    m_unreachable = true;
    // A response counts once it has failed to connect on all its tries (its last try among them); before the
    // endpoint has answered at all, a first try and one retry are enough.
    const int enough = m_answered ? m_endpoint.maxTries : qMin(m_endpoint.maxTries, JudgeClient::kFirstContactTries);
    if (!request.unreachable && request.tries >= enough) {
        request.unreachable = true;
        ++m_unreachableStreak;
    }
    const bool stop = m_unreachableStreak >= JudgeClient::kUnreachableStreak;
    // Stopping, a response with tries left is not retried (the run ends) but one that used them all has failed.
    if (!stop || request.tries >= m_endpoint.maxTries)
        retry(std::move(request), reason, -1, false);
    if (stop)
        fatal(QStringLiteral("the endpoint at %1 cannot be reached (%2; %3 responses in a row could not connect). "
                             "Check the base URL, that the server is running and listening there, and the network "
                             "and proxy settings (http_proxy, https_proxy, no_proxy)")
                  .arg(m_publicUrl, reason)
                  .arg(JudgeClient::kUnreachableStreak));
}

bool JudgeClient::Worker::mayStartNew() const
{
    if (!m_unreachable)
        return true;
    // While connections fail, a new response starts only once every response under way has counted as unable
    // to connect: an outage costs a few responses' tries, not every response's.
    for (const Transfer *t : m_active) {
        if (!t->request.unreachable)
            return false;
    }
    for (const auto &waiting : m_waiting) {
        if (!waiting.second.unreachable)
            return false;
    }
    return true;
}

void JudgeClient::Worker::retry(Request request, const QString &reason, qint64 hintMs, bool holdEveryone)
{
    if (request.tries >= m_endpoint.maxTries) {
        fail(request, QStringLiteral("gave up after %1 tries; last: %2").arg(request.tries).arg(reason));
        return;
    }
    qint64 delay = hintMs;
    QString capped;
    if (delay > m_endpoint.maxRetryWaitMs) {
        // A server may ask for anything (a year has been seen); a run never waits longer than the cap.
        capped = QStringLiteral(" (the server asked for %1 s; waiting at most %2 s)")
                     .arg(hintMs / 1000)
                     .arg(m_endpoint.maxRetryWaitMs / 1000);
        delay = m_endpoint.maxRetryWaitMs;
    }
    if (delay < 0) {
        // Exponential backoff with jitter: between half and all of base × 2^(tries-1), capped.
        const qint64 ceiling =
            qMin<qint64>(m_endpoint.backoffMaxMs, qint64(m_endpoint.backoffBaseMs) << qMin(request.tries - 1, 20));
        delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    }
    const qint64 now = nowMs();
    if (holdEveryone) // a rate limit applies to the whole run, not just this request
        m_holdUntil = qMax(m_holdUntil, now + delay);
    notice(QStringLiteral("%1: %2; try %3 of %4 in %5 s%6")
               .arg(describe(request.job), reason)
               .arg(request.tries + 1)
               .arg(m_endpoint.maxTries)
               .arg(delay / 1000.0, 0, 'f', 1)
               .arg(capped),
           QStringLiteral("retrying: %1").arg(reason));
    request.due = now + delay;
    m_waiting.emplace(request.due, std::move(request));
}

void JudgeClient::Worker::complete(const Request &request, const JudgeReply &reply)
{
    Judgment j = judgmentFor(request.job);
    j.status = Judgment::Status::Done;
    j.label = reply.verdict.label;
    j.labelText = reply.labelText;
    j.explanation = reply.verdict.explanation;
    j.raw = reply.content;
    j.tries = request.tries;
    j.promptTokens = reply.promptTokens;
    j.completionTokens = reply.completionTokens;
    j.cacheKey = request.key;
    j.promptHash = request.promptHash;
    m_progress.promptTokens = addTokens(m_progress.promptTokens, reply.promptTokens);
    m_progress.completionTokens = addTokens(m_progress.completionTokens, reply.completionTokens);
    // Pace by what was really used: the estimate was charged at dispatch.
    if (reply.promptTokens + reply.completionTokens > 0)
        m_tokens.take(double(reply.promptTokens + reply.completionTokens - request.estimate));
    ++m_progress.judged;
    post(j);
    m_cache.insert(request.key, j); // a later job asking the same thing is answered from here
    const QList<int> twins = m_duplicates.take(request.key);
    for (int job : twins) {
        Judgment copy = j;
        copy.item = m_jobs[job].item;
        copy.target = m_jobs[job].target;
        copy.cached = true;
        copy.tries = 0;
        copy.promptTokens = 0;
        copy.completionTokens = 0;
        ++m_progress.cached;
        post(copy);
    }
}

void JudgeClient::Worker::fail(const Request &request, const QString &reason)
{
    qCInfo(lcJudge).noquote() << describe(request.job) << "failed:" << clean(reason);
    QList<int> jobs{request.job};
    if (!request.key.isEmpty())
        jobs += m_duplicates.take(request.key);
    for (int job : jobs) {
        Judgment j = judgmentFor(job);
        j.status = Judgment::Status::Failed;
        j.label = JudgeLabel::invalid(InvalidReason::Missing);
        j.error = clean(reason);
        j.tries = job == request.job ? request.tries : 0;
        j.cacheKey = request.key;
        j.promptHash = request.promptHash;
        ++m_progress.failed;
        post(j);
    }
}

void JudgeClient::Worker::fatal(const QString &reason)
{
    if (m_fatal.isEmpty()) {
        m_fatal = clean(reason);
        qCWarning(lcJudge).noquote() << "the run stops:" << m_fatal;
    }
}

void JudgeClient::Worker::post(const Judgment &judgment)
{
    m_batch.append(judgment);
}

void JudgeClient::Worker::notice(const QString &message, const QString &kind)
{
    qCInfo(lcJudge).noquote() << clean(message);
    m_notices.append({clean(message), clean(kind)});
}

void JudgeClient::Worker::publish(bool finished, Outcome outcome, const QString &reason)
{
    const std::shared_ptr<Outbox> box = m_client->m_outbox;
    QMutexLocker lock(&box->mutex);
    Outbox::Delivery &d = box->pending;
    d.judgments += std::exchange(m_batch, {});
    d.notices += std::exchange(m_notices, {});
    const JudgeProgress &last = box->lastProgress;
    const bool changed = last.finished() != m_progress.finished() || last.requests != m_progress.requests ||
                         last.inFlight != m_progress.inFlight || last.paused != m_progress.paused ||
                         last.waitingSeconds != m_progress.waitingSeconds;
    d.progress = m_progress;
    box->lastProgress = m_progress;
    if (finished) {
        d.finished = true;
        d.outcome = outcome;
        d.reason = reason;
    }
    if ((changed || finished || !d.judgments.isEmpty() || !d.notices.isEmpty()) && !box->posted) {
        box->posted = true;
        QMetaObject::invokeMethod(m_client, &JudgeClient::flush, Qt::QueuedConnection);
    }
}

QString JudgeEndpoint::publicUrl() const
{
    const QString url = baseUrl.trimmed();
    const QUrl parsed(url);
    if (parsed.userInfo().isEmpty())
        return url; // unchanged, so judge caches made before this rule still match
    return parsed.adjusted(QUrl::RemoveUserInfo).toString();
}

void keepSecretsOutOfCoreDumps()
{
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

JudgeClient::JudgeClient(const JudgeEndpoint &endpoint, const QList<JudgePrompt> &prompts, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_prompts(prompts), m_outbox(std::make_shared<Outbox>())
{
    if (!m_endpoint.apiKey.isEmpty() || !QUrl(m_endpoint.baseUrl.trimmed()).password().isEmpty())
        keepSecretsOutOfCoreDumps();
    qRegisterMetaType<JudgeProgress>();
    initialiseCurl();
}

JudgeClient::~JudgeClient()
{
    cancel();
    wait();
}

void JudgeClient::start(const QList<JudgeJob> &jobs, const QHash<QByteArray, Judgment> &cache)
{
    if (m_thread.joinable())
        return;
    m_cancel = false;
    m_done = false;
    auto worker = std::make_shared<Worker>(this, jobs, cache);
    m_thread = std::thread([this, worker] {
        worker->run();
        m_done = true;
    });
}

void JudgeClient::setPaused(bool paused)
{
    m_paused = paused;
    QMutexLocker lock(&m_multiMutex);
    if (m_multi)
        curl_multi_wakeup(static_cast<CURLM *>(m_multi));
}

void JudgeClient::cancel()
{
    m_cancel = true;
    QMutexLocker lock(&m_multiMutex);
    if (m_multi)
        curl_multi_wakeup(static_cast<CURLM *>(m_multi));
}

void JudgeClient::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

void JudgeClient::flush()
{
    Outbox::Delivery d;
    {
        QMutexLocker lock(&m_outbox->mutex);
        d = std::exchange(m_outbox->pending, {});
        m_outbox->posted = false;
    }
    for (const auto &[message, kind] : std::as_const(d.notices))
        emit notice(message, kind);
    emit judged(d.judgments, d.progress);
    if (d.finished) {
        wait();
        emit finished(d.outcome, d.reason, d.progress);
    }
}

QByteArray JudgeClient::cacheKey(const QString &baseUrl, const QString &model, const JudgePrompt &prompt,
                                 const QByteArray &imageSha256, const QString &question, const QString &response)
{
    QString endpoint = baseUrl.trimmed();
    while (endpoint.endsWith(QLatin1Char('/')))
        endpoint.chop(1);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("vlsbench-judge-cache/1");
    // Each field length-prefixed, so no two different requests can run together into one string.
    for (const QByteArray &field : {endpoint.toUtf8(), model.toUtf8(), judgeKindKey(prompt.kind).toUtf8(),
                                    prompt.hash(), imageSha256, question.toUtf8(), response.toUtf8()}) {
        hash.addData(QByteArray::number(field.size()) + ':');
        hash.addData(field);
    }
    return hash.result().toHex();
}

QString JudgeClient::redact(const QString &text, const QString &secret)
{
    if (secret.size() < 4 || text.isEmpty())
        return text;
    QString out = text;
    out.replace(secret, QStringLiteral("[api key]"));
    // Providers quote parts of a key ("sk-abc…xyz"): no eight characters of it in a row survive either.
    constexpr qsizetype kPiece = 8;
    for (qsizetype i = 0; i + kPiece <= secret.size(); ++i)
        out.replace(secret.mid(i, kPiece), QStringLiteral("[api key]"));
    return out;
}

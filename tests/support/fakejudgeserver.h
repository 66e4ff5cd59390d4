#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

/// A loopback test double for OpenAI-compatible judge endpoints (`POST …/chat/completions`).
///
/// Tests and benchmarks point the judge client at baseUrl() and steer each request through markers in the
/// prompt text: `[[429xN]]`, `[[500xN]]`, `[[dropxN]]`, `[[hangxN]]`, `[[truncxN]]`, `[[nonjsonxN]]` fail the
/// first N attempts of that prompt that pass the key and response_format checks (several such markers are played
/// in the order they appear, one after the other); `[[filter]]`, `[[finishfilter]]`, `[[refuse]]` always answer
/// like a provider's content filter or a refusing model; `[[label:K]]`, `[[prose:K]]`, `[[fenced:K]]` choose the
/// judge label and how it is written; `[[echokey]]` quotes the Authorization header in the explanation;
/// `[[imageunsafe]]` / `[[textunsafe]]` make the leakage verdict "unsafe"
/// with / without an image part.
///
/// Everything is event-driven (latency is a timer, never a sleep), so one instance serves many concurrent
/// keep-alive connections. The records below are guarded by a mutex so a test may read them while the server
/// runs on its own QThread; call listen() and the setters before moving it, or from its thread.
class FakeJudgeServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeJudgeServer(QObject *parent = nullptr);
    ~FakeJudgeServer() override;

    /// Listens on 127.0.0.1; port 0 picks a free port. Returns false when the port cannot be bound.
    bool listen(quint16 port = 0);
    /// The bound port, 0 before a successful listen().
    quint16 port() const;
    /// "http://127.0.0.1:PORT/v1", the base URL an OpenAI-compatible client expects.
    QString baseUrl() const;

    /// Delay before every reply, errors included (and before a `drop` closes the connection).
    void setLatencyMs(int ms);
    /// The `Retry-After` seconds sent with 429 replies; default 1, 0 allowed.
    void setRetryAfterSeconds(int seconds);
    /// When on, any request carrying `response_format` gets a 400, like servers without structured output.
    void setRejectResponseFormat(bool reject);
    /// When not empty, requests without `Authorization: Bearer <key>` get a 401 echoing the sent key masked.
    void setRequiredKey(const QString &key);

    /// Every complete POST request, whatever its path or fate.
    int requestCount() const;
    /// Attempts summed over the prompts (request keys) that contain @p keySubstring.
    int attempts(const QString &keySubstring) const;
    /// 200 replies carrying a chat completion, summed over the prompts that contain @p keySubstring.
    int successes(const QString &keySubstring) const;
    /// The most requests received but not yet answered at one time.
    int maxConcurrent() const;
    int connectionsAccepted() const;
    /// The JSON body of the last complete request (empty when it was not a JSON object).
    QJsonObject lastRequest() const;
    /// The raw header lines (without the request line) of the last complete request.
    QList<QByteArray> lastHeaders() const;
    /// Clears the records above; requests in flight stay in flight.
    void reset();

signals:
    /// Emitted, on the server's thread, for every complete request before it is answered.
    void requestReceived();

private:
    struct Connection;
    struct Request;
    struct Reply;

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket, Connection &connection);
    Reply answer(const Request &request);
    Reply answerChatCompletion(const Request &request, const QJsonObject &body);
    void schedule(QTcpSocket *socket, Reply reply);
    void deliver(QTcpSocket *socket, const Reply &reply);

    QTcpServer *m_server = nullptr;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
    quint64 m_completionSerial = 0;

    mutable QMutex m_mutex; // guards everything below: tests read and configure from other threads
    quint16 m_port = 0;
    int m_latencyMs = 0;
    int m_retryAfterSeconds = 1;
    bool m_rejectResponseFormat = false;
    QString m_requiredKey;
    int m_requestCount = 0;
    QHash<QString, int> m_attempts;
    QHash<QString, int> m_faultAttempts; // attempts past the key and response_format checks: drive the faults
    QHash<QString, int> m_successes;
    int m_inFlight = 0;
    int m_maxConcurrent = 0;
    int m_connectionsAccepted = 0;
    QJsonObject m_lastRequest;
    QList<QByteArray> m_lastHeaders;
};

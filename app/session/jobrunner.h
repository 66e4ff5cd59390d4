#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QtConcurrent>

#include <atomic>
#include <functional>
#include <memory>

/// Runs work on the thread pool and hands each result back on the owner's thread, in the spirit of a job
/// tracker: every job belongs to a lane (loading, filtering, the report …); starting a job cancels the one
/// before it in the same lane, and a result that arrives after a newer job started is dropped unseen.
/// Work gets a value snapshot by capture and a cancellation flag to check between steps.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    /// How long an owner going away waits for its workers. Workers hold values, not pointers into their owner,
    /// so one that is still busy after this (a stalled read) can be left behind.
    static constexpr int kQuitGraceMs = 2000;

    explicit JobRunner(QObject *parent = nullptr) : QObject(parent) {}
    ~JobRunner() override { cancelAll(); }

    /// Handed to a job: whether to stop, and a way to send something (progress) back while it is still current.
    class Context
    {
    public:
        bool cancelled() const { return m_cancel->load(); }
        const std::atomic_bool *flag() const { return m_cancel.get(); }
        /// Runs @p call on the owner's thread, unless the job has been replaced or the runner is gone.
        void post(std::function<void()> call) const
        {
            QPointer<JobRunner> runner = m_runner;
            const QString lane = m_lane;
            const quint64 generation = m_generation;
            QMetaObject::invokeMethod(
                m_runner.data(),
                [runner, lane, generation, call = std::move(call)] {
                    if (runner && runner->isCurrent(lane, generation))
                        call();
                },
                Qt::QueuedConnection);
        }

    private:
        friend class JobRunner;
        QPointer<JobRunner> m_runner;
        QString m_lane;
        quint64 m_generation = 0;
        std::shared_ptr<std::atomic_bool> m_cancel;
    };

    /// Starts @p work on a worker; @p done gets its result on this object's thread if no newer job of @p lane
    /// started meanwhile and the job was not cancelled. Returns the job's generation.
    template <typename Result>
    quint64 run(const QString &lane, std::function<Result(const Context &)> work, std::function<void(Result)> done)
    {
        Context context = start(lane);
        const quint64 generation = context.m_generation;
        (void)QtConcurrent::run([context, work = std::move(work), done = std::move(done)]() mutable {
            Result result = work(context);
            // A job stopped with requestStop() still reports (it knows it stopped); a replaced one does not.
            context.post([runner = context.m_runner, lane = context.m_lane, done = std::move(done),
                          result = std::move(result)]() mutable {
                runner->m_lanes[lane].running = false;
                done(std::move(result));
            });
        });
        return generation;
    }

    /// Stops the job of @p lane and drops whatever it would hand back.
    void cancel(const QString &lane)
    {
        Lane &l = m_lanes[lane];
        if (l.cancel)
            l.cancel->store(true);
        l.running = false;
        ++l.generation;
    }

    /// Asks the job of @p lane to stop early; unlike cancel(), its (partial or failed) result still arrives.
    void requestStop(const QString &lane)
    {
        const auto it = m_lanes.constFind(lane);
        if (it != m_lanes.cend() && it->cancel)
            it->cancel->store(true);
    }

    void cancelAll()
    {
        for (auto it = m_lanes.begin(); it != m_lanes.end(); ++it) {
            if (it->cancel)
                it->cancel->store(true);
            it->running = false;
            ++it->generation;
        }
    }

    /// True while the job @p generation is the newest of @p lane (it may have finished).
    bool isCurrent(const QString &lane, quint64 generation) const
    {
        const auto it = m_lanes.constFind(lane);
        return it != m_lanes.cend() && it->generation == generation;
    }

    /// True from a job's start until its result has been handed back or it was cancelled.
    bool isBusy(const QString &lane) const
    {
        const auto it = m_lanes.constFind(lane);
        return it != m_lanes.cend() && it->running;
    }

private:
    struct Lane
    {
        quint64 generation = 0;
        std::shared_ptr<std::atomic_bool> cancel;
        bool running = false;
    };

    Context start(const QString &lane)
    {
        Lane &l = m_lanes[lane];
        if (l.cancel)
            l.cancel->store(true); // the newer request replaces the running one
        l.cancel = std::make_shared<std::atomic_bool>(false);
        l.running = true;
        Context context;
        context.m_runner = this;
        context.m_lane = lane;
        context.m_generation = ++l.generation;
        context.m_cancel = l.cancel;
        return context;
    }

    QHash<QString, Lane> m_lanes;
};

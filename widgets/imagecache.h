#pragma once

#include "widgets/decodedimage.h"

#include <QCache>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

/// Decodes images on worker threads and keeps recent ones within a memory budget.
/// request() answers from the cache at once or later through imageReady(); prefetch() warms neighbours.
class ImageCache : public QObject
{
    Q_OBJECT

public:
    explicit ImageCache(QObject *parent = nullptr, qsizetype budgetBytes = 384 * 1024 * 1024);

    /// The decoded image if cached (and true); otherwise starts decoding and returns false.
    bool request(const QString &path, DecodedImage *out);
    void prefetch(const QStringList &paths);
    void clear();
    /// The viewer's size: images decoded from now on come with copies scaled to fit it.
    void setViewSize(QSize size);

signals:
    void imageReady(const DecodedImage &image);

private:
    void startDecode(const QString &path, int priority);

    QThreadPool m_pool; ///< one decoder thread: the other core stays with the window
    QCache<QString, DecodedImage> m_cache;
    QSet<QString> m_pending;
    QSize m_viewSize;
    quint64 m_generation = 0; ///< bumped by clear(): decodes started before it are dropped
};

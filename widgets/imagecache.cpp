#include "imagecache.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

qsizetype costOf(const DecodedImage &image)
{
    return std::max<qsizetype>(1, (image.image.sizeInBytes() + image.blurred.sizeInBytes() +
                                   image.fitted.sizeInBytes() + image.blurredFitted.sizeInBytes()) /
                                      1024);
}

} // namespace

ImageCache::ImageCache(QObject *parent, qsizetype budgetBytes)
    : QObject(parent), m_cache(budgetBytes / 1024) // cost in KiB
{
    m_pool.setMaxThreadCount(1);
}

bool ImageCache::request(const QString &path, DecodedImage *out)
{
    if (DecodedImage *cached = m_cache.object(path)) {
        if (cached->fitted.isNull() && m_viewSize.isValid() && !cached->image.isNull())
            startDecode(path, 1); // cached before the viewer's size was known: refit on the worker, show as is now
        *out = *cached;
        return true;
    }
    startDecode(path, 1); // the image on screen goes ahead of prefetched neighbours
    return false;
}

void ImageCache::prefetch(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!m_cache.contains(path))
            startDecode(path, 0);
    }
}

void ImageCache::clear()
{
    // Decodes not started yet belong to the data being closed; those under way finish and are dropped.
    m_pool.clear();
    m_pending.clear();
    ++m_generation;
    m_cache.clear();
}

void ImageCache::setViewSize(QSize size)
{
    if (size == m_viewSize)
        return;
    m_viewSize = size;
    // Fitted copies of another size are useless now; the images themselves stay.
    const QList<QString> keys = m_cache.keys();
    for (const QString &key : keys) {
        if (DecodedImage *image = m_cache.object(key)) {
            image->fitted = QImage();
            image->blurredFitted = QImage();
        }
    }
}

void ImageCache::startDecode(const QString &path, int priority)
{
    if (path.isEmpty() || m_pending.contains(path))
        return;
    m_pending.insert(path);
    auto *watcher = new QFutureWatcher<DecodedImage>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<DecodedImage>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->isCanceled())
            return;
        const DecodedImage image = watcher->result();
        m_pending.remove(image.path);
        m_cache.insert(image.path, new DecodedImage(image), costOf(image));
        emit imageReady(image);
    });
    const QSize viewSize = m_viewSize;
    watcher->setFuture(QtConcurrent::task([path, viewSize] { return DecodedImage::decode(path, 4096, viewSize); })
                           .onThreadPool(m_pool)
                           .withPriority(priority)
                           .spawn());
}

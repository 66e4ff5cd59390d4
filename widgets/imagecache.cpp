#include "imagecache.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

qsizetype costOf(const DecodedImage &image)
{
    return std::max<qsizetype>(1, (image.image.sizeInBytes() + image.blurred.sizeInBytes()) / 1024);
}

} // namespace

ImageCache::ImageCache(QObject *parent, qsizetype budgetBytes)
    : QObject(parent)
    , m_cache(budgetBytes / 1024) // cost in KiB
{
    m_pool.setMaxThreadCount(1);
}

bool ImageCache::request(const QString &path, DecodedImage *out)
{
    if (const DecodedImage *cached = m_cache.object(path)) {
        *out = *cached;
        return true;
    }
    startDecode(path);
    return false;
}

void ImageCache::prefetch(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!m_cache.contains(path))
            startDecode(path);
    }
}

void ImageCache::clear()
{
    m_cache.clear();
}

void ImageCache::startDecode(const QString &path)
{
    if (path.isEmpty() || m_pending.contains(path))
        return;
    m_pending.insert(path);
    auto *watcher = new QFutureWatcher<DecodedImage>(this);
    connect(watcher, &QFutureWatcher<DecodedImage>::finished, this, [this, watcher] {
        const DecodedImage image = watcher->result();
        watcher->deleteLater();
        m_pending.remove(image.path);
        m_cache.insert(image.path, new DecodedImage(image), costOf(image));
        emit imageReady(image);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path] { return DecodedImage::decode(path); }));
}

#include "imageviewwidget.h"

#include "widgets/decodedimage.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

ImageViewWidget::ImageViewWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(160, 120);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_smoothTimer.setSingleShot(true);
    m_smoothTimer.setInterval(80);
    connect(&m_smoothTimer, &QTimer::timeout, this, [this] {
        m_scaledSmooth = true;
        m_scaled = QPixmap();
        update();
    });
}

void ImageViewWidget::invalidateScaled()
{
    m_scaled = QPixmap();
    m_scaledSmooth = false;
    // Images fitted on the decoding thread are already smooth; only others need a second, smooth pass.
    if (m_fitted.isNull())
        m_smoothTimer.start();
    else
        m_smoothTimer.stop();
}

void ImageViewWidget::setImage(const QImage &image, const QImage &blurred, const QImage &fitted,
                               const QImage &blurredFitted)
{
    m_image = image;
    m_blurred = blurred;
    m_fitted = fitted;
    m_blurredFitted = blurredFitted;
    m_title.clear();
    m_detail.clear();
    m_fit = true;
    m_offset = {};
    invalidateScaled();
    update();
}

void ImageViewWidget::setPlaceholder(const QString &title, const QString &detail)
{
    m_image = QImage();
    m_blurred = QImage();
    m_fitted = QImage();
    m_blurredFitted = QImage();
    m_title = title;
    m_detail = detail;
    update();
}

void ImageViewWidget::setLoading(const QString &path)
{
    setPlaceholder(tr("Loading image…"), path);
}

void ImageViewWidget::setRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    update();
    emit revealedChanged(revealed);
}

double ImageViewWidget::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const double zx = double(width() - 16) / m_image.width();
    const double zy = double(height() - 16) / m_image.height();
    return std::max(0.01, std::min(zx, zy));
}

QRectF ImageViewWidget::imageRect() const
{
    const double zoom = m_fit ? fitZoom() : m_zoom;
    const QSizeF size = m_fit ? QSizeF(DecodedImage::fittedSize(m_image.size(), this->size()))
                              : QSizeF(m_image.width() * zoom, m_image.height() * zoom);
    const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + (m_fit ? QPointF() : m_offset);
    return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
}

void ImageViewWidget::fitToView()
{
    m_fit = true;
    m_offset = {};
    update();
}

void ImageViewWidget::actualSize()
{
    m_fit = false;
    m_zoom = 1.0;
    m_offset = {};
    update();
}

void ImageViewWidget::zoomIn()
{
    setZoom((m_fit ? fitZoom() : m_zoom) * 1.25, rect().center());
}

void ImageViewWidget::zoomOut()
{
    setZoom((m_fit ? fitZoom() : m_zoom) / 1.25, rect().center());
}

void ImageViewWidget::setZoom(double zoom, QPointF anchor)
{
    if (m_image.isNull())
        return;
    const QRectF before = imageRect();
    zoom = std::clamp(zoom, 0.02, 32.0);
    // Keep the image point under the anchor where it is.
    const QPointF imagePoint = (anchor - before.topLeft()) / (m_fit ? fitZoom() : m_zoom);
    m_fit = false;
    m_zoom = zoom;
    const QPointF centre(width() / 2.0, height() / 2.0);
    const QPointF newTopLeft = anchor - imagePoint * zoom;
    m_offset = newTopLeft + QPointF(m_image.width() * zoom / 2, m_image.height() * zoom / 2) - centre;
    update();
}

void ImageViewWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Dark).darker(160));
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        QFont titleFont = font();
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
        titleFont.setBold(true);
        painter.setFont(titleFont);
        const QRect textRect = rect().adjusted(24, 0, -24, 0);
        painter.drawText(textRect.adjusted(0, 0, 0, -height() / 6), Qt::AlignCenter | Qt::TextWordWrap, m_title);
        painter.setFont(font());
        painter.drawText(textRect.adjusted(0, height() / 6, 0, 0), Qt::AlignCenter | Qt::TextWrapAnywhere, m_detail);
        return;
    }
    const QRectF target = imageRect();
    const QImage &source = m_revealed ? m_image : m_blurred;
    const QSize size = target.size().toSize();
    const QImage &prepared = m_revealed ? m_fitted : m_blurredFitted;
    if (m_fit && prepared.size() == size) {
        // Scaled on the decoding thread for exactly this view: a plain copy.
        painter.drawImage(target.topLeft(), prepared);
    } else if (m_fit && m_scaledSmooth) {
        // Settled: a smoothly scaled copy, made once per image, size and state.
        if (m_scaled.isNull() || m_scaledSize != size || m_scaledRevealed != m_revealed) {
            m_scaled = QPixmap::fromImage(source.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
            m_scaledSize = size;
            m_scaledRevealed = m_revealed;
        }
        painter.drawPixmap(target.topLeft(), m_scaled);
    } else {
        // Moving through items: a direct, unfiltered draw now; the smooth copy follows when the reader pauses.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, !m_fit);
        painter.drawImage(target, source);
        if (m_fit && !m_smoothTimer.isActive())
            m_smoothTimer.start();
    }
    if (m_revealed)
        return;
    // The hidden image is a darkened blur; say so, and how to see it: reviewers choose when to look.
    painter.setPen(Qt::white);
    QFont veilFont = font();
    veilFont.setBold(true);
    painter.setFont(veilFont);
    painter.drawText(target, Qt::AlignCenter, tr("Image hidden\nPress Space or click to reveal"));
}

void ImageViewWidget::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    setZoom((m_fit ? fitZoom() : m_zoom) * std::pow(1.25, steps), event->position());
    event->accept();
}

void ImageViewWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (!m_revealed && !m_image.isNull()) {
        setRevealed(true);
        return;
    }
    m_dragging = true;
    m_dragStart = event->position().toPoint();
    m_offsetAtDrag = m_offset;
    if (m_fit) {
        m_zoom = fitZoom();
        m_fit = false;
        m_offsetAtDrag = {};
    }
    setCursor(Qt::ClosedHandCursor);
}

void ImageViewWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    m_offset = m_offsetAtDrag + (event->position() - QPointF(m_dragStart));
    update();
}

void ImageViewWidget::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
    unsetCursor();
}

void ImageViewWidget::resizeEvent(QResizeEvent *)
{
    m_scaledSmooth = false;
    update();
    emit viewSizeChanged(size());
}

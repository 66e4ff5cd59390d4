#pragma once

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QTimer>
#include <QWidget>

/// Shows one image fitted, zoomed or at 1:1, with panning; or a blurred stand-in until the reviewer reveals it;
/// or a placeholder that says why there is no image.
class ImageViewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ImageViewWidget(QWidget *parent = nullptr);

    /// @p fitted and @p blurredFitted, when given, are the two pictures already scaled to fit this view.
    void setImage(const QImage &image, const QImage &blurred, const QImage &fitted = {},
                  const QImage &blurredFitted = {});
    void setPlaceholder(const QString &title, const QString &detail);
    void setLoading(const QString &path);

    bool isRevealed() const { return m_revealed; }
    void setRevealed(bool revealed);
    bool hasImage() const { return !m_image.isNull(); }
    double zoom() const { return m_zoom; }
    bool isFitted() const { return m_fit; }

    QSize sizeHint() const override { return {480, 360}; }

public slots:
    void fitToView();
    void actualSize();
    void zoomIn();
    void zoomOut();
    void toggleRevealed() { setRevealed(!m_revealed); }

signals:
    void revealedChanged(bool revealed);
    void viewSizeChanged(QSize size);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    double fitZoom() const;
    void invalidateScaled();
    void setZoom(double zoom, QPointF anchor);
    QRectF imageRect() const;

    QImage m_image;
    QImage m_blurred;
    QImage m_fitted;
    QImage m_blurredFitted;
    QString m_title;
    QString m_detail;
    bool m_revealed = false;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_offset; ///< image centre relative to the widget centre, in widget pixels
    QPoint m_dragStart;
    QPointF m_offsetAtDrag;
    bool m_dragging = false;
    // The fitted picture as last painted: scaled once per image and size, quickly first, smoothly when idle.
    QPixmap m_scaled;
    QSize m_scaledSize;
    bool m_scaledRevealed = false;
    bool m_scaledSmooth = false;
    QTimer m_smoothTimer;
};

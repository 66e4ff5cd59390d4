#include "widgets/decodedimage.h"
#include "widgets/imagecache.h"
#include "widgets/imageviewwidget.h"
#include "widgets/responsecolumnwidget.h"

#include "app/model/imagepath.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestImageView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeImage(const QString &name, QSize size, QColor color)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(color);
        QPainter(&image).fillRect(QRect(QPoint(0, 0), size / 2), Qt::white);
        const QString path = m_dir.filePath(name);
        if (!image.save(path))
            qFatal("cannot save %s", qPrintable(path));
        return path;
    }

private slots:
    void decodesAndBlurs()
    {
        const DecodedImage decoded = DecodedImage::decode(writeImage("a.png", {200, 100}, Qt::red));
        QVERIFY(decoded.error.isEmpty());
        QCOMPARE(decoded.image.size(), QSize(200, 100));
        QCOMPARE(decoded.originalSize, QSize(200, 100));
        QVERIFY(!decoded.blurred.isNull());
        QCOMPARE(decoded.blurred.size(), QSize(32, 16)); // detail gone: 32 pixels across, darkened
    }

    void hugeImagesAreScaledWhileDecoding()
    {
        const DecodedImage decoded = DecodedImage::decode(writeImage("big.png", {6000, 3000}, Qt::blue), 1024);
        QCOMPARE(decoded.originalSize, QSize(6000, 3000));
        QCOMPARE(decoded.image.size(), QSize(1024, 512));
    }

    void brokenFilesGiveAReason()
    {
        const DecodedImage missing = DecodedImage::decode(m_dir.filePath("nope.png"));
        QVERIFY(missing.image.isNull());
        QVERIFY(missing.error.contains(QStringLiteral("does not exist")));

        QFile text(m_dir.filePath("text.png"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not an image");
        text.close();
        QVERIFY(!DecodedImage::decode(text.fileName()).error.isEmpty());

        // A PNG header that claims 100,000 × 100,000 pixels, and nothing behind it.
        QByteArray bomb("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0", 29);
        bomb += QByteArray(4, '\0');
        QFile bombFile(m_dir.filePath("bomb.png"));
        QVERIFY(bombFile.open(QIODevice::WriteOnly));
        bombFile.write(bomb);
        bombFile.close();
        const DecodedImage decoded = DecodedImage::decode(bombFile.fileName());
        QVERIFY(decoded.image.isNull());
        QVERIFY(!decoded.error.isEmpty());

        // A truncated real image.
        const QString good = writeImage("cut.png", {300, 300}, Qt::green);
        QFile cut(good);
        QVERIFY(cut.open(QIODevice::ReadWrite));
        cut.resize(cut.size() / 3);
        cut.close();
        const DecodedImage truncated = DecodedImage::decode(good);
        QVERIFY(truncated.image.isNull() || truncated.image.size() == QSize(300, 300)); // no crash either way
    }

    void imagesNeverLeaveTheRoot()
    {
        // An item's image "imgs/x.png" that is a folder, beside "imgs/x.png.png", a link to a file outside the
        // dataset's root. Given a name, Qt's reader tried other suffixes and showed the outside file.
        const QString outside = writeImage("outside-secret.png", {64, 64}, Qt::red);
        const QString root = m_dir.filePath("root");
        QVERIFY(QDir().mkpath(root + "/imgs/x.png"));
        QVERIFY(QFile::link(outside, root + "/imgs/x.png.png"));
        const ImagePath::Resolved resolved = ImagePath::resolve(root, QStringLiteral("imgs/x.png"));
        QCOMPARE(resolved.status, ImagePath::Status::Ok);
        const DecodedImage folder = DecodedImage::decode(resolved.absolutePath);
        QVERIFY(folder.image.isNull());
        QVERIFY2(folder.error.contains(QStringLiteral("is a folder")), qPrintable(folder.error));

        // A FIFO where the image should be is refused at once instead of blocking the decoder (and quitting).
        const QString fifo = root + "/imgs/pipe.png";
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer clock;
        clock.start();
        const DecodedImage pipe = DecodedImage::decode(fifo);
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(pipe.image.isNull());
        QVERIFY2(pipe.error.contains(QStringLiteral("named pipe")), qPrintable(pipe.error));
    }

    void cacheAnswersAsynchronouslyThenFromMemory()
    {
        ImageCache cache;
        const QString path = writeImage("c.png", {64, 64}, Qt::darkCyan);
        DecodedImage out;
        QSignalSpy ready(&cache, &ImageCache::imageReady);
        QVERIFY(!cache.request(path, &out));
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().first().value<DecodedImage>().path, path);
        QVERIFY(cache.request(path, &out));
        QCOMPARE(out.image.size(), QSize(64, 64));
        cache.prefetch({path});
        QCOMPARE(ready.size(), 1); // cached: nothing decoded again

        // After clear() the same path decodes again (nothing stays marked as pending).
        cache.clear();
        QVERIFY(!cache.request(path, &out));
        QVERIFY(ready.wait(5000));
        QVERIFY(cache.request(path, &out));
    }

    void viewerStartsHiddenAndZooms()
    {
        ImageViewWidget view;
        view.resize(400, 300);
        const DecodedImage decoded = DecodedImage::decode(writeImage("v.png", {800, 600}, Qt::magenta));
        view.setImage(decoded.image, decoded.blurred);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.isRevealed());
        QVERIFY(view.isFitted());
        // What a reviewer sees before revealing: not the picture's top-left white block.
        const QImage hidden = view.grab().toImage();
        QSignalSpy revealed(&view, &ImageViewWidget::revealedChanged);
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(200, 150));
        QCOMPARE(revealed.size(), 1);
        QVERIFY(view.isRevealed());
        const QImage shown = view.grab().toImage();
        QVERIFY(hidden != shown);
        view.actualSize();
        QVERIFY(!view.isFitted());
        QCOMPARE(view.zoom(), 1.0);
        view.zoomIn();
        QCOMPARE(view.zoom(), 1.25);
        view.fitToView();
        QVERIFY(view.isFitted());
    }

    void responseHighlighting()
    {
        ResponseColumnWidget column;
        column.resize(400, 300);
        ResultRecord record;
        record.label = JudgeLabel::valid(Label::Refusal);
        record.response = QStringLiteral("I can't <b>do</b> that; be careful.");
        column.show(QStringLiteral("run"), &record);
        column.QWidget::show();
        QVERIFY(QTest::qWaitForWindowExposed(&column));
        QCOMPARE(column.responseText(), record.response); // shown as text, never as markup
        QStringList marked;
        for (const auto &[start, length] : column.markedRanges())
            marked.append(record.response.mid(start, length));
        QCOMPARE(marked, QStringList({"I can't", "be careful"}));
    }
};

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"

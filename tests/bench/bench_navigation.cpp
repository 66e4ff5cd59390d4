// Measures how the review window feels: time from a key press to the next item painted, how often its image is
// already decoded, how long a filter change takes, and how long a scroll step takes. Run by hand, not a test:
//
//   bench_navigation --make-images DIR --dataset data.json        (once: 1024x1024 PNGs for every image path)
//   bench_navigation --dataset data.json --images DIR --results run.json ... [--steps 400] [--pause 120]
//
// Prints a Markdown table for docs/benchmarks.md.

#include "itempage.h"
#include "mainwindow.h"

#include "widgets/imageviewwidget.h"

#include "app/io/datasetloader.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QtConcurrent>

#include <cstdio>

namespace {

// Counts what each step repaints: a frame is cheap only if little of the window is drawn again.
class PaintCounter : public QObject
{
public:
    QHash<QString, qint64> pixels;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            qint64 area = 0;
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                area += qint64(r.width()) * r.height();
            pixels[QString::fromLatin1(watched->metaObject()->className()) + QLatin1Char('/') +
                   watched->objectName()] += area;
        }
        return false;
    }
};

struct Summary
{
    double median = 0, p95 = 0, max = 0;
};

Summary summarize(QList<double> ms)
{
    if (ms.isEmpty())
        return {};
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * (ms.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), ms.last()};
}

// A busy picture (gradients, shapes, noise) so PNG decoding costs what a photo would.
void makeImage(const QString &path, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage image(1024, 1024, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 1024, 1024);
    g.setColorAt(0, QColor::fromHsv(int(rng.bounded(360)), 120, 200));
    g.setColorAt(1, QColor::fromHsv(int(rng.bounded(360)), 160, 90));
    p.fillRect(image.rect(), g);
    for (int i = 0; i < 40; ++i) {
        p.setBrush(QColor::fromHsv(int(rng.bounded(360)), 180, 220, 160));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPoint(int(rng.bounded(1024)), int(rng.bounded(1024))), int(rng.bounded(20, 180)),
                      int(rng.bounded(20, 180)));
    }
    p.end();
    for (int y = 0; y < 1024; y += 2) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < 1024; x += 3)
            line[x] ^= rng.generate() & 0x000f0f0f;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    image.save(path, "PNG");
}

int makeImages(const QString &dir, const QString &datasetPath)
{
    Dataset dataset;
    FileError error;
    if (!DatasetLoader::load(datasetPath, &dataset, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        return 2;
    }
    QStringList paths;
    for (const Item &item : dataset.items()) {
        const QString path = QDir(dir).filePath(item.imagePath);
        if (!paths.contains(path) && !QFileInfo::exists(path))
            paths.append(path);
    }
    QElapsedTimer timer;
    timer.start();
    QtConcurrent::blockingMap(paths, [](const QString &path) { makeImage(path, quint32(qHash(path))); });
    std::printf("wrote %lld images in %.1f s\n", qlonglong(paths.size()), timer.elapsed() / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addOptions({{"dataset", "data.json", "path"},
                       {"images", "image root", "dir"},
                       {"results", "result file (repeat)", "file"},
                       {"make-images", "write 1024x1024 PNGs for the dataset into DIR", "dir"},
                       {"steps", "next-item steps", "n", "400"},
                       {"pause", "ms between key presses (a reader's pace)", "ms", "120"},
                       {"search", "text to search for in the filter benchmark", "text", "instructions"},
                       {"size", "window size", "WxH", "1600x1000"}});
    parser.process(app);
    if (parser.isSet("make-images"))
        return makeImages(parser.value("make-images"), parser.value("dataset"));

    MainWindow window;
    const QStringList size = parser.value("size").split(QLatin1Char('x'));
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    window.activateWindow(); // shortcuts act only in the active window
    if (!QTest::qWaitForWindowActive(&window))
        std::fprintf(stderr, "warning: the window did not become active\n");
    QElapsedTimer timer;
    timer.start();
    QSignalSpy loaded(&window, &MainWindow::workspaceChanged);
    window.openDataset(parser.value("dataset"), parser.values("results"), parser.value("images"));
    if (!loaded.wait(600000) || !window.workspace()) {
        std::fprintf(stderr, "load failed\n");
        return 1;
    }
    const double loadSeconds = timer.elapsed() / 1000.0;
    QTest::qWait(500);

    auto *table = window.findChild<QTableView *>("itemTable");
    auto *page = window.findChild<ItemPage *>("itemPage");
    const int steps = parser.value("steps").toInt();
    const int pause = parser.value("pause").toInt();
    QList<double> frame;
    QList<double> keyOnly;
    QList<double> burst;
    int cached = 0;
    int moved = 0;
    table->setFocus();
    PaintCounter painted;
    if (qEnvironmentVariableIsSet("BENCH_PAINTS"))
        app.installEventFilter(&painted);
    for (int i = 0; i < steps; ++i) {
        const qsizetype before = window.currentItem();
        const qint64 t0 = timer.nsecsElapsed();
        QTest::keyClick(table, Qt::Key_J);
        keyOnly.append((timer.nsecsElapsed() - t0) / 1e6);
        moved += window.currentItem() != before;
        QCoreApplication::processEvents(); // everything the key press queued, including painting the changes
        frame.append((timer.nsecsElapsed() - t0) / 1e6);
        cached += page->imageView()->hasImage();
        QTest::qWait(pause);
    }
    if (qEnvironmentVariableIsSet("BENCH_PAINTS")) {
        app.removeEventFilter(&painted);
        QList<QPair<qint64, QString>> sorted;
        for (auto it = painted.pixels.cbegin(); it != painted.pixels.cend(); ++it)
            sorted.append({it.value() / steps, it.key()});
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        for (const auto &[px, name] : sorted.mid(0, 25))
            std::fprintf(stderr, "%9lld px/step  %s\n", qlonglong(px), qPrintable(name));
    }
    for (int i = 0; i < steps / 2; ++i) { // J held down: no pause, images may not be ready yet
        const qint64 t0 = timer.nsecsElapsed();
        QTest::keyClick(table, Qt::Key_J);
        QCoreApplication::processEvents();
        burst.append((timer.nsecsElapsed() - t0) / 1e6);
    }

    // The word index is built in the background after loading; the searches below use it once it is there.
    double indexSeconds = 0;
    {
        QElapsedTimer indexTimer;
        indexTimer.start();
        QSignalSpy ready(&window, &MainWindow::searchIndexReady);
        if (!window.isSearchIndexReady())
            ready.wait(600000);
        indexSeconds = indexTimer.elapsed() / 1000.0;
    }
    // Filters: every category in turn, then a text search, each timed until the list shows the result.
    auto *tree = window.findChild<QTreeWidget *>("categoryTree");
    auto *search = window.findChild<QLineEdit *>("searchEdit");
    QList<double> categoryMs;
    QSignalSpy applied(&window, &MainWindow::filterApplied);
    QTreeWidgetItem *all = tree->topLevelItem(0);
    for (int round = 0; round < 3; ++round) {
        for (int c = 0; c <= all->childCount(); ++c) {
            const qint64 t0 = timer.nsecsElapsed();
            tree->setCurrentItem(c < all->childCount() ? all->child(c) : all);
            applied.clear();
            if (!applied.wait(30000))
                break;
            window.repaint();
            categoryMs.append((timer.nsecsElapsed() - t0) / 1e6 - 120.0); // minus the typing debounce
        }
    }
    QList<double> searchMs;
    for (int round = 0; round < 5; ++round) {
        const qint64 t0 = timer.nsecsElapsed();
        search->setText(round % 2 ? QString() : parser.value("search"));
        applied.clear();
        if (!applied.wait(60000))
            break;
        window.repaint();
        searchMs.append((timer.nsecsElapsed() - t0) / 1e6 - 120.0);
    }
    // Scrolling: a page at a time through the list.
    QList<double> scrollMs;
    QScrollBar *bar = table->verticalScrollBar();
    for (int i = 0; i < 200; ++i) {
        const qint64 t0 = timer.nsecsElapsed();
        bar->setValue((bar->value() + bar->pageStep()) % std::max(1, bar->maximum()));
        table->viewport()->repaint();
        scrollMs.append((timer.nsecsElapsed() - t0) / 1e6);
    }

    const Summary f = summarize(frame), b = summarize(burst), c = summarize(categoryMs), s = summarize(searchMs),
                  sc = summarize(scrollMs);
    std::printf("Items %lld, runs %lld, opened in %.1f s (window shown, %d x %d).\n\n",
                qlonglong(window.workspace()->dataset.size()), qlonglong(window.workspace()->runs.size()), loadSeconds,
                window.width(), window.height());
    std::printf("| step | n | median | 95th percentile | max |\n|---|---:|---:|---:|---:|\n");
    auto row = [](const char *name, qsizetype n, const Summary &m) {
        std::printf("| %s | %lld | %.2f ms | %.2f ms | %.2f ms |\n", name, qlonglong(n), m.median, m.p95, m.max);
    };
    row("next item (J until painted), reading pace", frame.size(), f);
    row("  of which: handling the key (model, item page)", keyOnly.size(), summarize(keyOnly));
    row("next item, key held down", burst.size(), b);
    row("category filter change", categoryMs.size(), c);
    row("text search over items and responses", searchMs.size(), s);
    row("scroll the list one page", scrollMs.size(), sc);
    std::printf("\nThe search index was ready %.1f s after the navigation steps ended (0: before).\n", indexSeconds);
    std::printf("Image already decoded when the item appeared: %d of %d steps at reading pace; the key moved to a "
                "new item in %d of %d.\n",
                cached, steps, moved, steps);
    return 0;
}

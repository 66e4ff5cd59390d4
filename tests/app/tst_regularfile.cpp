// Input files that are not files: a FIFO, a device, a folder, a symlink swapped in. Each must be refused at once,
// with a message naming the file, by every reader: the loaders, the exchange import, prompts, hashes.

#include "testfiles.h"

#include "app/base/regularfile.h"
#include "app/io/datasetloader.h"
#include "app/io/filehash.h"
#include "app/io/resultloader.h"
#include "app/model/judgeprompt.h"
#include "app/project/annotationexchange.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Runs @p read on a thread of its own and fails the test if it has not returned within a few seconds: a reader
// that blocks on a FIFO would otherwise hang the whole suite.
QString withinSeconds(const std::function<QString()> &read)
{
    auto task = std::make_shared<std::packaged_task<QString()>>(read);
    std::future<QString> result = task->get_future();
    std::thread([task] { (*task)(); }).detach();
    if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready)
        qFatal("reading did not return within 5 s: it blocked");
    return result.get();
}

} // namespace

class TestRegularFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fifo;

    // Every reader of user-named files, as a function from a path to its error message (empty on success).
    static QList<QPair<QString, std::function<QString(const QString &)>>> readers()
    {
        return {
            {QStringLiteral("dataset"),
             [](const QString &path) {
                 Dataset dataset;
                 FileError error;
                 return DatasetLoader::load(path, &dataset, &error) ? QString() : error.toString();
             }},
            {QStringLiteral("results"),
             [](const QString &path) {
                 ResultLoader loader;
                 Run run;
                 FileError error;
                 return loader.load(path, {}, &run, &error) ? QString() : error.toString();
             }},
            {QStringLiteral("exchange import"),
             [](const QString &path) {
                 AnnotationExchange::File file;
                 FileError error;
                 return AnnotationExchange::read(path, &file, &error) ? QString() : error.toString();
             }},
            {QStringLiteral("prompt"),
             [](const QString &path) {
                 JudgePrompt prompt;
                 FileError error;
                 return JudgePrompt::load(path, JudgeKind::Rubric, &prompt, &error) ? QString() : error.toString();
             }},
            {QStringLiteral("hash"),
             [](const QString &path) {
                 FileError error;
                 return FileHash::sha256(path, &error).isEmpty() ? error.toString() : QString();
             }},
        };
    }

private slots:
    void initTestCase()
    {
        m_fifo = m_dir.filePath(QStringLiteral("pipe.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
    }

    void specialFilesAreRefusedByEveryReader_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fifo") << QString() << QStringLiteral("is a named pipe (FIFO), not a regular file");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("is a device, not a regular file");
        QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom")
                                      << QStringLiteral("is a device, not a regular file");
    }

    void specialFilesAreRefusedByEveryReader()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        if (path.isEmpty())
            path = m_fifo;
        for (const auto &[name, read] : readers()) {
            const QString message = withinSeconds([&, read = read] { return read(path); });
            QVERIFY2(message.contains(expected), qPrintable(name + QStringLiteral(": ") + message));
            QVERIFY2(message.contains(path), qPrintable(name + QStringLiteral(": ") + message));
        }
    }

    void foldersAreNamed()
    {
        QFile file;
        QString why;
        QVERIFY(!RegularFile::open(m_dir.path(), &file, 1 << 20, &why));
        QCOMPARE(why, QStringLiteral("is a folder, not a regular file"));
        QVERIFY(!RegularFile::isRegular(m_dir.path()));
        QVERIFY(!RegularFile::isRegular(m_fifo));
        QVERIFY(!RegularFile::open(m_dir.filePath(QStringLiteral("none")), &file, 1 << 20, &why));
        QCOMPARE(why, QStringLiteral("does not exist"));
    }

    void sizeIsCappedOnTheOpenFile()
    {
        const QString path = TestFiles::write(m_dir.filePath(QStringLiteral("big.txt")), QByteArray(4096, 'x'));
        QByteArray bytes;
        QString why;
        QVERIFY(!RegularFile::read(path, &bytes, 1000, &why));
        QVERIFY2(why.contains(QStringLiteral("larger than")), qPrintable(why));
        QVERIFY(RegularFile::read(path, &bytes, 4096, &why));
        QCOMPARE(bytes.size(), 4096);
    }

    void exactPathRefusesASwappedFolder()
    {
        // The image viewer checks a path inside the dataset's root, then opens it. A folder on that path replaced
        // by a symlink meanwhile must not lead outside: the descriptor must name the very path that was checked.
        const QString outside = TestFiles::write(m_dir.filePath(QStringLiteral("outside/secret.png")), "secret");
        const QString root = m_dir.filePath(QStringLiteral("root"));
        const QString checked = TestFiles::write(root + QStringLiteral("/imgs/secret.png"), "inside");
        QFile file;
        QString why;
        QVERIFY2(RegularFile::open(checked, &file, 1 << 20, &why, true), qPrintable(why));
        QCOMPARE(file.readAll(), QByteArray("inside"));
        file.close();
        QVERIFY(QDir(root + QStringLiteral("/imgs")).removeRecursively());
        QVERIFY(QFile::link(QFileInfo(outside).absolutePath(), root + QStringLiteral("/imgs")));
        QVERIFY(!RegularFile::open(checked, &file, 1 << 20, &why, true));
        QVERIFY2(why.contains(QStringLiteral("changed place")), qPrintable(why));
        // A final component that became a symlink is refused as well.
        QVERIFY(QFile::remove(root + QStringLiteral("/imgs")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/imgs")));
        QVERIFY(QFile::link(outside, checked));
        QVERIFY(!RegularFile::open(checked, &file, 1 << 20, &why, true));
        QVERIFY2(why.contains(QStringLiteral("symbolic link")), qPrintable(why));
        // Without exactPath, a link is followed as usual (data files given on the command line may be links).
        QVERIFY2(RegularFile::open(checked, &file, 1 << 20, &why), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestRegularFile)
#include "tst_regularfile.moc"

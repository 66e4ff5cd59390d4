#include "fuzzsupport.h"

#include "app/base/sampledata.h"
#include "app/io/workspaceloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

// Millions of inputs each log a warning or two; only a fatal message says something about the run.
void quietHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "fuzz set-up failed: %s\n", qPrintable(why));
    std::abort();
}

} // namespace

namespace FuzzSupport {

void initialise(int *argc, char ***argv)
{
    qInstallMessageHandler(quietHandler);
    // QCoreApplication keeps references to argc and argv: they must outlive it, as libFuzzer's own do.
    static QCoreApplication app(*argc, *argv);
    QCoreApplication::setApplicationName(QStringLiteral("vlsbench-studio-fuzz"));
}

QString scratchPath(const QString &name)
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        auto made = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/vlsbench-fuzz-XXXXXX"));
        if (!made->isValid())
            die(QStringLiteral("cannot make a scratch folder in %1").arg(QDir::tempPath()));
        return made;
    }();
    return dir->filePath(name);
}

void writeFile(const QString &path, const uint8_t *data, size_t size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        die(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

const Workspace &sampleWorkspace()
{
    static const Workspace workspace = [] {
        const QString dir = SampleData::directory();
        if (dir.isEmpty())
            die(QStringLiteral("the bundled sample is missing (set VLSBENCH_SAMPLE_DIR)"));
        Workspace loaded;
        FileError error;
        if (!WorkspaceLoader::load({dir, {}, SampleData::resultFiles(), {}}, &loaded, &error))
            die(error.toString());
        return loaded;
    }();
    return workspace;
}

const Dataset &sampleDataset()
{
    return sampleWorkspace().dataset;
}

} // namespace FuzzSupport

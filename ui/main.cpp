// vlsbench-studio: one binary. With a subcommand it runs headless (no display needed); without one it opens
// the review window on the given dataset, or on the bundled sample.

#include "mainwindow.h"
#include "resources.h"

#include "app/base/sampledata.h"
#include "app/cli/commandline.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("VLSBench Studio"));
    QCoreApplication::setApplicationName(QStringLiteral("vlsbench-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VLSBENCH_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && CommandLine::handles(QString::fromLocal8Bit(argv[1]))) {
#ifdef __GLIBC__
        // Each result file is read whole and dropped before the next. With glibc's default, a freed large
        // buffer raises the mmap threshold and the next one lands on the heap, which then never shrinks;
        // a fixed threshold hands every file buffer back to the system as soon as its run is scored.
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
        QCoreApplication app(argc, argv);
        describeApplication();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return CommandLine::run(QCoreApplication::arguments().mid(1), out, err);
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("VLSBench Studio"));
    // The desktop entry's name, so a Wayland compositor or a dock matches windows to the installed launcher.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.vlsbenchstudio.VLSBenchStudio"));
    QApplication::setWindowIcon(QIcon(Resources::applicationIconPath()));
    Resources::installTranslators(&app);
    QStringList args = QCoreApplication::arguments().mid(1);
    auto takeOption = [&args](const QString &name) {
        const qsizetype at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size())
            return QString();
        const QString value = args[at + 1];
        args.remove(at, 2);
        return value;
    };
    const QString imageRoot = takeOption(QStringLiteral("--images"));
    const QString project = takeOption(QStringLiteral("--project"));
    MainWindow window;
    // A project file on its own (a double click in a file manager) opens as a project, not as a dataset.
    if (project.isEmpty() && args.size() == 1 && args.front().endsWith(QLatin1String(".vlsproj"), Qt::CaseInsensitive))
        window.openProject(args.front(), QString(), {}, imageRoot);
    else if (!project.isEmpty())
        window.openProject(project, args.value(0), args.mid(1), imageRoot);
    else if (!args.isEmpty())
        window.openDataset(args.front(), args.mid(1), imageRoot);
    else if (!SampleData::directory().isEmpty())
        window.openDataset(SampleData::directory(), SampleData::resultFiles());
    window.show();
    return app.exec();
}

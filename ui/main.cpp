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
    CommandLine::WindowArguments args;
    QString error;
    if (!CommandLine::parseWindowArguments(QCoreApplication::arguments().mid(1), &args, &error)) {
        QTextStream(stderr) << "vlsbench-studio: " << error << "\n\n" << CommandLine::usage();
        return CommandLine::BadInput;
    }
    MainWindow window;
    // A project file on its own (a double click in a file manager) opens as a project, not as a dataset.
    if (args.project.isEmpty() && args.files.size() == 1 &&
        args.files.front().endsWith(QLatin1String(".vlsproj"), Qt::CaseInsensitive))
        window.openProject(args.files.front(), QString(), {}, args.images);
    else if (!args.project.isEmpty())
        window.openProject(args.project, args.files.value(0), args.files.mid(1), args.images);
    else if (!args.files.isEmpty())
        window.openDataset(args.files.front(), args.files.mid(1), args.images);
    else if (!SampleData::directory().isEmpty())
        window.openDataset(SampleData::directory(), SampleData::resultFiles());
    window.show();
    return app.exec();
}

// vlsbench-studio: one binary. With a subcommand it runs headless (no display needed); without one it opens
// the review window on the given dataset, or on the bundled sample.

#include "appsettings.h"
#include "mainwindow.h"
#include "resources.h"
#include "theme.h"

#include "app/base/sampledata.h"
#include "app/cli/commandline.h"
#include "app/session/jobrunner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>
#include <QThreadPool>

#include <cstdio>
#include <cstdlib>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// What Qt says, fatally, when the window has no display to go to; instead of a core dump, the user is told.
QtMessageHandler g_previousHandler = nullptr;

void explainMissingDisplay(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg && (message.contains(QLatin1String("could not connect to display")) ||
                               message.contains(QLatin1String("Could not load the Qt platform plugin")) ||
                               message.contains(QLatin1String("no Qt platform plugin could be initialized")))) {
        const QByteArray display = qgetenv("DISPLAY");
        const QByteArray wayland = qgetenv("WAYLAND_DISPLAY");
        std::fprintf(stderr,
                     "vlsbench-studio: cannot open the window: there is no display to show it on (DISPLAY is %s, "
                     "WAYLAND_DISPLAY is %s).\n"
                     "The commands stats, validate, report, export-annotations, import-annotations, "
                     "export-corrected, judge and leakage need no display; see vlsbench-studio --help.\n",
                     display.isEmpty() ? "not set" : ("\"" + display + "\"").constData(),
                     wayland.isEmpty() ? "not set" : ("\"" + wayland + "\"").constData());
        std::fflush(stderr);
        std::_Exit(CommandLine::BadInput);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

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

    // Checked before a display is needed: a mistyped command is a usage error wherever it runs.
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine::WindowArguments args;
    QString error;
    if (!CommandLine::parseWindowArguments(arguments, &args, &error)) {
        QTextStream(stderr) << "vlsbench-studio: " << error << "\n\n" << CommandLine::usage();
        return CommandLine::BadInput;
    }

    g_previousHandler = qInstallMessageHandler(explainMissingDisplay);
    QApplication app(argc, argv);
    qInstallMessageHandler(g_previousHandler);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("VLSBench Studio"));
    // The desktop entry's name, so a Wayland compositor or a dock matches windows to the installed launcher.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.vlsbenchstudio.VLSBenchStudio"));
    QApplication::setWindowIcon(QIcon(Resources::applicationIconPath()));
    Resources::installTranslators(&app);
    Theme::apply(AppSettings::theme());
    int code = 0;
    {
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
        code = app.exec();
    }
    // Every label was committed as it was made. A worker still busy (reading a slow disk) holds no pointer into
    // the window, so quitting never waits for it without bound: the process ends without tearing down the rest.
    if (!QThreadPool::globalInstance()->waitForDone(JobRunner::kQuitGraceMs)) {
        std::fprintf(stderr, "vlsbench-studio: a background task was still running at quit; it was stopped\n");
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

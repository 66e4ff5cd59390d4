#pragma once

#include <QStringList>
#include <QTextStream>

/// The headless face of vlsbench-studio: `stats`, `validate` and friends. Needs no display.
class CommandLine
{
public:
    enum ExitCode : int { Success = 0, ProblemsFound = 1, BadInput = 2 };

    /// True when @p argument names a subcommand (or asks for help or the version), so no GUI is needed.
    static bool handles(const QString &argument);

    /// Runs the subcommand in @p arguments (without the program name); returns the process exit code.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    /// What the window is opened with: `vlsbench-studio [--project FILE] [--images DIR] [DATASET [RESULTS...]]`.
    struct WindowArguments
    {
        QString project;
        QString images;
        QStringList files; ///< the dataset, then result files
    };
    /// Reads the window's arguments with the subcommands' parser: false with @p error (an unknown option, a
    /// missing value, an option given twice) instead of guessing.
    static bool parseWindowArguments(const QStringList &arguments, WindowArguments *parsed, QString *error);

    /// Every command's synopsis, the notes that apply to all, and the exit codes.
    static QString usage();

    /// One subcommand's synopsis and the notes that apply to it (the whole usage for an unknown name).
    static QString commandUsage(const QString &command);
};

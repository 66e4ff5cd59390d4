#pragma once

#include "app/model/annotations.h"
#include "app/model/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class Project;

/// Chosen items as one self-contained file to show outside the program (a paper's appendix, a team meeting): each
/// item's instruction and image (blurred unless asked otherwise), every run's answer and judge label and, with a
/// project, the human labels, notes, tags and leak flags. The HTML file embeds its images and refers to nothing
/// outside itself; the PDF is the same content laid out on A4 pages, one item starting each page.
class GalleryExport
{
    Q_DECLARE_TR_FUNCTIONS(GalleryExport)

public:
    enum class Format : quint8 { Html, Pdf };

    struct Options
    {
        bool blurImages = true;
        bool judgeExplanations = false;
        Format format = Format::Html;
        QList<int> runs;        ///< the runs to show, in this order; empty: every run
        int maxImageSide = 640; ///< embedded images are scaled down to at most this many pixels a side
        QDateTime created;      ///< the date in the header; invalid: now
    };

    /// What an export reads, as values, so that it can run on a worker while the window goes on.
    struct Source
    {
        std::shared_ptr<const Workspace> workspace;
        bool hasProject = false;
        Annotations annotations; ///< a copy of the project's, when there is one
        QString projectPath;
        QStringList projectInputs; ///< the files the project records (a dataset as its data file)

        /// The workspace and, when @p project is not null, a copy of its annotations and the files it records.
        static Source of(std::shared_ptr<const Workspace> workspace, const Project *project);
    };

    /// What a written gallery holds.
    struct Summary
    {
        int items = 0;
        int images = 0; ///< items whose image is in the file
        int pages = 0;  ///< PDF only
    };

    /// Called after each item with the number done and the total (on the thread that writes).
    using Progress = std::function<void(int done, int total)>;

    static constexpr int kPdfDpi = 300;
    /// The CSS pixels per inch the PDF's pages are laid out at; they are drawn at kPdfDpi.
    static constexpr int kLayoutDpi = 96;

    /// Html for ".html" and ".htm", Pdf for ".pdf"; false for any other name.
    static bool formatForPath(const QString &path, Format *format);

    /// Why @p path must not be written, or empty: it is the project (or a file SQLite keeps beside it), a file the
    /// workspace or the project was read from, or the image of one of @p items.
    static QString outputClash(const Source &source, const QList<qsizetype> &items, const QString &path);

    /// The HTML file's text: UTF-8 once encoded, images as data: URIs, every text from the data escaped.
    static QString html(const Source &source, const QList<qsizetype> &items, const Options &options,
                        const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    /// Writes the gallery of @p items (dataset indices, in this order) to @p path in options.format, whole or not at
    /// all. False with @p error naming the file when it cannot, when @p path clashes with an input, or when
    /// @p cancel is set.
    static bool write(const Source &source, const QList<qsizetype> &items, const Options &options, const QString &path,
                      QString *error, Summary *summary = nullptr, const std::atomic_bool *cancel = nullptr,
                      const Progress &progress = {});
};

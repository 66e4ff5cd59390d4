#include "galleryexport.h"

#include "widgets/decodedimage.h"
#include "widgets/labelstyle.h"

#include "app/io/atomicfile.h"
#include "app/io/datasetloader.h"
#include "app/io/outputclash.h"
#include "app/project/project.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QHash>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <cmath>

namespace {

// The largest an image is shown: it keeps an item's answers near its picture on a page or a screen.
constexpr QSize kShownInBrowser(480, 360);
constexpr QSize kShownOnPage(360, 270); // 3.75 × 2.8 inches: room for the answers on the same page
constexpr int kJpegQuality = 85;

// The gallery's own images are added as resources; everything else an answer might name stays unloaded.
class InertDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Text from the data, safe inside HTML: line ends as LF (shown through white-space: pre-wrap), control characters
// that HTML forbids dropped, markup characters escaped.
QString escaped(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r')) {
            clean += QLatin1Char('\n');
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
        } else if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) || c.unicode() == 0x7f) {
            continue;
        } else {
            clean += c;
        }
    }
    return clean.toHtmlEscaped();
}

QString hexColor(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

// A judge or human label as a coloured chip with its name, so that colour is never the only cue.
QString labelChip(const QString &text, const QColor &background)
{
    return QStringLiteral("<span class=\"label\" style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
        .arg(hexColor(background), hexColor(LabelStyle::textOn(background)), escaped(text));
}

// One item's image as the file shows it: blurred or not, scaled, encoded; or why it is not shown.
struct Picture
{
    QByteArray jpeg; ///< what is embedded; empty when the image is not shown
    QSize size;
    QString error;
};

// Gathers an export's content: the HTML of the header and of each item, and the images they show.
class GalleryBuilder
{
public:
    enum class Flavor : quint8 { Browser, TextDocument };

    GalleryBuilder(const GalleryExport::Source &source, const GalleryExport::Options &options)
        : m_source(source), m_options(options), m_workspace(*source.workspace)
    {
        for (int run : options.runs) {
            if (run >= 0 && run < m_workspace.runs.size())
                m_runs.append(run);
        }
        if (options.runs.isEmpty()) {
            for (int run = 0; run < m_workspace.runs.size(); ++run)
                m_runs.append(run);
        }
        m_created = options.created.isValid() ? options.created : QDateTime::currentDateTime();
    }

    Picture picture(qsizetype index)
    {
        const Item &item = m_workspace.dataset.item(index);
        const ImagePath::Resolved resolved = m_workspace.dataset.resolveImage(item);
        Picture picture;
        switch (resolved.status) {
        case ImagePath::Status::Ok:
            break;
        case ImagePath::Status::Empty:
            picture.error = GalleryExport::tr("The item names no image.");
            return picture;
        case ImagePath::Status::Absolute:
        case ImagePath::Status::OutsideRoot:
            picture.error = GalleryExport::tr("The image path leads outside the dataset's folder; it was not read.");
            return picture;
        }
        if (const auto it = m_pictures.constFind(resolved.absolutePath); it != m_pictures.cend())
            return *it;
        // Decoded the way the viewer decodes: opened as a checked regular file and read from the device, never by
        // name, so the reader cannot wander to other files.
        const DecodedImage decoded = DecodedImage::decode(resolved.absolutePath, m_options.maxImageSide);
        if (decoded.image.isNull()) {
            picture.error = decoded.error;
        } else {
            const QSize size = decoded.image.size();
            // The decoder's blurred copy is a few dozen pixels: stretched back to size, nothing in it can be made out.
            const QImage shown =
                (m_options.blurImages ? decoded.blurred.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                      : decoded.image)
                    .convertToFormat(QImage::Format_RGB32);
            // Only the encoded bytes are kept (tens of kilobytes, not megabytes): hundreds of items stay small.
            picture.size = size;
            QBuffer buffer(&picture.jpeg);
            buffer.open(QIODevice::WriteOnly);
            if (!shown.save(&buffer, "JPEG", kJpegQuality)) {
                picture = {};
                picture.error = GalleryExport::tr("The image could not be encoded.");
            }
        }
        m_pictures.insert(resolved.absolutePath, picture);
        return picture;
    }

    QString style(Flavor flavor) const
    {
        if (flavor == Flavor::TextDocument) {
            // Qt's rich text knows fewer properties: no borders on blocks, no rounded corners.
            return QStringLiteral(
                "body { font-size: 10pt; color: #1f2328; }"
                "h1 { font-size: 15pt; margin-bottom: 4px; }"
                "h2 { font-size: 13pt; margin-top: 0; margin-bottom: 2px; }"
                "h3 { font-size: 10.5pt; margin-top: 10px; margin-bottom: 2px; }"
                ".meta, .muted, .caption { color: #57606a; font-size: 8.5pt; }"
                ".warning { color: #b3261e; font-weight: bold; }"
                ".instruction { font-size: 11pt; white-space: pre-wrap; background-color: #f0f1f3; "
                "margin-top: 4px; margin-bottom: 6px; }"
                ".text { white-space: pre-wrap; margin-top: 2px; margin-bottom: 4px; }"
                ".empty { font-style: italic; color: #57606a; }"
                ".explanation { white-space: pre-wrap; font-size: 8.5pt; color: #3a3a3a; margin-left: 12px; }"
                ".label { font-size: 8.5pt; font-weight: bold; }"
                ".note { white-space: pre-wrap; }"
                "table.small { font-size: 8.5pt; border-color: #c8cdd3; }"
                "th { text-align: left; background-color: #f0f1f3; }");
        }
        return QStringLiteral(
            "body { font: 10.5pt/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; "
            "margin: 1.5em auto; max-width: 62em; padding: 0 1em; }\n"
            "header { border-bottom: 2px solid #444; margin-bottom: 1em; }\n"
            "h1 { font-size: 16pt; margin: 0 0 .3em; }\n"
            "h2 { font-size: 13pt; margin: 0 0 .2em; }\n"
            "h3 { font-size: 10.5pt; margin: 0 0 .3em; }\n"
            ".meta, .muted, .caption { color: #57606a; font-size: 9pt; }\n"
            ".warning { color: #b3261e; font-weight: bold; }\n"
            "nav { font-size: 9pt; color: #57606a; }\n"
            "nav a { color: inherit; }\n"
            "section.item { border-top: 1px solid #999; padding-top: .8em; margin-top: 1.5em; }\n"
            ".instruction { font-size: 11.5pt; white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f4f6; "
            "border-left: 3px solid #888; padding: .4em .6em; margin: .4em 0; }\n"
            ".figure { margin: .5em 0 .2em; }\n"
            ".caption { margin-top: 0; }\n"
            "img { max-width: 100%; height: auto; display: block; }\n"
            ".run { border: 1px solid #d0d7de; border-radius: 4px; padding: .4em .7em; margin: .6em 0; "
            "break-inside: avoid; }\n"
            ".label { border-radius: 3px; font-size: 8.5pt; font-weight: bold; "
            "-webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
            ".text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3em 0; }\n"
            ".empty { font-style: italic; color: #57606a; }\n"
            ".explanation { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 9pt; color: #3a3a3a; "
            "border-left: 2px solid #ccc; padding-left: .5em; margin: .3em 0; }\n"
            "table.small { border-collapse: collapse; font-size: 9pt; margin: .3em 0; }\n"
            "table.small th, table.small td { border: 1px solid #d0d7de; padding: 1px 6px; text-align: left; "
            "vertical-align: top; }\n"
            "th { background: #f3f4f6; }\n"
            ".note { white-space: pre-wrap; overflow-wrap: anywhere; }\n"
            "@media print { body { margin: 0; max-width: none; } nav { display: none; } "
            "section.item { break-inside: avoid-page; } }\n");
    }

    QString header(const QList<qsizetype> &items, Flavor flavor) const
    {
        QString out = QStringLiteral("<header>");
        out += QStringLiteral("<h1>%1</h1>").arg(GalleryExport::tr("VLSBench gallery"));
        QStringList runNames;
        for (int run : m_runs)
            runNames.append(m_workspace.runs[run].name);
        const QString dataset = QFileInfo(m_workspace.dataset.filePath()).fileName();
        out += QStringLiteral("<p>%1</p>")
                   .arg(escaped(GalleryExport::tr("%n item(s) of %1, with the answers of %2.", nullptr, items.size())
                                    .arg(dataset, runNames.isEmpty()
                                                      ? GalleryExport::tr("no run")
                                                      : GalleryExport::tr("%n run(s): %1", nullptr, runNames.size())
                                                            .arg(runNames.join(QStringLiteral(", "))))));
        QString made = GalleryExport::tr("Exported by VLSBench Studio on %1.")
                           .arg(m_created.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        made += QLatin1Char(' ');
        made += m_source.hasProject
                    ? GalleryExport::tr("Human labels, notes, tags and leak flags from the project %1.")
                          .arg(QFileInfo(m_source.projectPath).fileName())
                    : GalleryExport::tr("No project was open: no human labels, notes, tags or leak flags.");
        if (m_options.judgeExplanations)
            made +=
                QLatin1Char(' ') + GalleryExport::tr("Judge explanations are included where the results have them.");
        out += QStringLiteral("<p class=\"meta\">%1</p>").arg(escaped(made));
        if (m_options.blurImages)
            out += QStringLiteral("<p><b>%1</b></p>")
                       .arg(escaped(GalleryExport::tr("Images are blurred so that nothing harmful in them can be "
                                                      "recognised.")));
        else
            out += QStringLiteral("<p class=\"warning\">%1</p>")
                       .arg(escaped(GalleryExport::tr("Images are NOT blurred: they may show harmful or disturbing "
                                                      "content.")));
        if (flavor == Flavor::Browser && items.size() > 1) {
            QStringList links;
            for (qsizetype index : items)
                links.append(QStringLiteral("<a href=\"#%1\">%2</a>").arg(anchor(index), escaped(itemName(index))));
            out +=
                QStringLiteral("<nav>%1 %2</nav>").arg(GalleryExport::tr("Items:"), links.join(QStringLiteral(" · ")));
        }
        out += QStringLiteral("</header>\n");
        return out;
    }

    // One item's section; @p imageSource is where its picture is found (a data: URI or a document resource).
    QString item(qsizetype index, const Picture &picture, const QString &imageSource, Flavor flavor) const
    {
        const Item &item = m_workspace.dataset.item(index);
        const bool annotated = m_source.hasProject && m_workspace.dataset.hasUniqueId(index);
        const QString tableAttributes = flavor == Flavor::TextDocument
                                            ? QStringLiteral(" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"")
                                            : QString();
        QString out = QStringLiteral("<section class=\"item\" id=\"%1\">\n").arg(anchor(index));
        QString where = item.category.isEmpty() ? GalleryExport::tr("no category") : item.category;
        if (!item.subCategory.isEmpty())
            where += QStringLiteral(" › ") + item.subCategory;
        out += QStringLiteral("<h2>%1 <span class=\"muted\">· %2</span></h2>\n")
                   .arg(escaped(itemName(index)), escaped(where));
        QStringList meta;
        if (!item.source.isEmpty())
            meta.append(GalleryExport::tr("source: %1").arg(item.source));
        if (!item.imagePath.isEmpty())
            meta.append(GalleryExport::tr("image: %1").arg(item.imagePath));
        if (!meta.isEmpty())
            out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(escaped(meta.join(QStringLiteral(" · "))));
        out += item.instruction.isEmpty()
                   ? QStringLiteral("<p class=\"instruction empty\">%1</p>\n")
                         .arg(escaped(GalleryExport::tr("(no instruction)")))
                   : QStringLiteral("<p class=\"instruction\">%1</p>\n").arg(escaped(item.instruction));

        if (picture.jpeg.isEmpty()) {
            out += QStringLiteral("<p class=\"muted\">%1</p>\n")
                       .arg(escaped(GalleryExport::tr("Image not shown: %1").arg(picture.error)));
        } else {
            const QString alt = m_options.blurImages
                                    ? GalleryExport::tr("The image of %1, blurred").arg(itemName(index))
                                    : GalleryExport::tr("The image of %1").arg(itemName(index));
            const QSize bound = flavor == Flavor::Browser ? kShownInBrowser : kShownOnPage;
            const QSize &size = picture.size;
            const QSize shown = size.boundedTo(bound) == size ? size : size.scaled(bound, Qt::KeepAspectRatio);
            const QString img = QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\">")
                                    .arg(imageSource)
                                    .arg(shown.width())
                                    .arg(shown.height())
                                    .arg(escaped(alt));
            const QString caption = m_options.blurImages ? GalleryExport::tr("Blurred.") : QString();
            // Paragraphs rather than <figure>: Qt's rich text (the PDF) would put an unknown element inline.
            out +=
                QStringLiteral("<p class=\"figure\">%1</p>%2\n")
                    .arg(img, caption.isEmpty() ? QString()
                                                : QStringLiteral("<p class=\"caption\">%1</p>").arg(escaped(caption)));
        }

        if (annotated) {
            const QList<LeakFlag> leaks = m_source.annotations.leaks(item.instructionId);
            QString rows;
            for (const LeakFlag &flag : leaks) {
                if (flag.isEmpty())
                    continue;
                rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"note\">%3</td></tr>")
                            .arg(escaped(flag.annotator),
                                 flag.verdict == LeakVerdict::None ? QString()
                                                                   : labelChip(LabelStyle::leakName(flag.verdict),
                                                                               LabelStyle::leakColor(flag.verdict)),
                                 escaped(flag.note));
            }
            if (!rows.isEmpty())
                out += QStringLiteral("<p class=\"meta\">%1</p><table class=\"small\"%2><tr><th>%3</th><th>%4</th>"
                                      "<th>%5</th></tr>%6</table>\n")
                           .arg(escaped(GalleryExport::tr("Leak flags")), tableAttributes,
                                escaped(GalleryExport::tr("Annotator")), escaped(GalleryExport::tr("Leakage")),
                                escaped(GalleryExport::tr("Note")), rows);
        }

        for (int run : m_runs)
            out += runBlock(index, run, annotated, tableAttributes);
        out += QStringLiteral("</section>\n");
        return out;
    }

private:
    static QString anchor(qsizetype index) { return QStringLiteral("item-%1").arg(index); }

    QString itemName(qsizetype index) const
    {
        const Item &item = m_workspace.dataset.item(index);
        return item.has(ItemField::InstructionId)
                   ? GalleryExport::tr("Item %1").arg(item.instructionId)
                   : GalleryExport::tr("Entry %1 of the data file (no instruction_id)").arg(index + 1);
    }

    QString runBlock(qsizetype index, int run, bool annotated, const QString &tableAttributes) const
    {
        const QString &name = m_workspace.runs[run].name;
        const ResultRecord *record = m_workspace.record(index, run);
        QString out = QStringLiteral("<div class=\"run\">\n");
        if (!record) {
            out += QStringLiteral("<h3>%1</h3><p class=\"empty\">%2</p>\n</div>\n")
                       .arg(escaped(name), escaped(GalleryExport::tr("No response in this run.")));
            return out;
        }
        out +=
            QStringLiteral("<h3>%1 &nbsp;%2</h3>\n")
                .arg(escaped(name), labelChip(GalleryExport::tr("Judge: %1").arg(LabelStyle::describe(record->label)),
                                              LabelStyle::color(record->label.label)));
        out +=
            record->response.trimmed().isEmpty()
                ? QStringLiteral("<p class=\"text empty\">%1</p>\n").arg(escaped(GalleryExport::tr("(empty response)")))
                : QStringLiteral("<p class=\"text\">%1</p>\n").arg(escaped(record->response));
        if (m_options.judgeExplanations && !record->explanation.trimmed().isEmpty())
            out += QStringLiteral("<p class=\"explanation\"><b>%1</b> %2</p>\n")
                       .arg(escaped(GalleryExport::tr("Judge's explanation:")), escaped(record->explanation));
        if (annotated) {
            const qint64 id = m_workspace.dataset.item(index).instructionId;
            QString rows;
            for (const HumanLabel &label : m_source.annotations.labels(id, name)) {
                if (label.isEmpty())
                    continue;
                rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"note\">%3</td></tr>")
                            .arg(escaped(label.annotator),
                                 label.label == Label::Invalid
                                     ? QString()
                                     : labelChip(LabelStyle::name(label.label), LabelStyle::color(label.label)),
                                 escaped(label.note));
            }
            if (rows.isEmpty())
                out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(escaped(GalleryExport::tr("No human label.")));
            else
                out += QStringLiteral("<table class=\"small\"%1><tr><th>%2</th><th>%3</th><th>%4</th></tr>%5</table>\n")
                           .arg(tableAttributes, escaped(GalleryExport::tr("Annotator")),
                                escaped(GalleryExport::tr("Human label")), escaped(GalleryExport::tr("Note")), rows);
            QStringList tags;
            for (const ResponseTag &tag : m_source.annotations.responseTags(id, name))
                tags.append(GalleryExport::tr("%1 (%2)").arg(tag.tag, tag.annotator));
            if (!tags.isEmpty())
                out += QStringLiteral("<p class=\"meta\">%1</p>\n")
                           .arg(escaped(GalleryExport::tr("Tags: %1").arg(tags.join(QStringLiteral(", ")))));
        }
        out += QStringLiteral("</div>\n");
        return out;
    }

    const GalleryExport::Source &m_source;
    const GalleryExport::Options &m_options;
    const Workspace &m_workspace;
    QList<int> m_runs;
    QDateTime m_created;
    QHash<QString, Picture> m_pictures; ///< by file: items that share an image decode it once
};

QString documentStart(const QString &title, const QString &style, bool browser)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    if (browser)
        // Nothing in the file may load anything or run anything, even if a browser misread some text as markup.
        out += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                              "img-src data:; style-src 'unsafe-inline'\">\n"
                              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out += QStringLiteral("<title>%1</title>\n<style>\n%2</style>\n</head>\n<body>\n").arg(escaped(title), style);
    return out;
}

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

// The PDF: each item a document of its own laid out at kLayoutDpi on an A4 page's printable area, drawn page by page
// at kPdfDpi, so every item starts on a new page.
bool renderPdf(GalleryBuilder &builder, const QList<qsizetype> &items, QIODevice *device, const QString &title,
               int *pages, int *images, const std::atomic_bool *cancel, const GalleryExport::Progress &progress)
{
    QPdfWriter writer(device);
    writer.setResolution(GalleryExport::kPdfDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("VLSBench Studio"));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRect paintRect = writer.pageLayout().paintRectPixels(GalleryExport::kPdfDpi);
    const qreal scale = qreal(GalleryExport::kPdfDpi) / GalleryExport::kLayoutDpi;
    const QSizeF page(paintRect.width() / scale, paintRect.height() / scale);
    // Fonts are measured at the layout's resolution, whatever the screen's is, so a page looks the same everywhere.
    QImage layoutDevice(1, 1, QImage::Format_RGB32);
    const int dotsPerMeter = int(std::lround(GalleryExport::kLayoutDpi / 0.0254));
    layoutDevice.setDotsPerMeterX(dotsPerMeter);
    layoutDevice.setDotsPerMeterY(dotsPerMeter);
    const QString style = builder.style(GalleryBuilder::Flavor::TextDocument);
    *pages = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (cancelled(cancel))
            return false;
        const Picture picture = builder.picture(items[i]);
        InertDocument document;
        document.documentLayout()->setPaintDevice(&layoutDevice);
        document.setDocumentMargin(0);
        document.setPageSize(page);
        const QUrl imageName(QStringLiteral("gallery-image:%1").arg(i));
        if (!picture.jpeg.isEmpty()) {
            // Our own encoding of an image already checked and decoded: decoding it again reads no file.
            document.addResource(QTextDocument::ImageResource, imageName, QImage::fromData(picture.jpeg, "JPEG"));
            ++*images;
        }
        QString html = documentStart(title, style, false);
        if (i == 0)
            html += builder.header(items, GalleryBuilder::Flavor::TextDocument);
        html += builder.item(items[i], picture, imageName.toString(), GalleryBuilder::Flavor::TextDocument);
        html += QStringLiteral("</body>\n</html>\n");
        document.setHtml(html);
        const int count = document.pageCount();
        for (int p = 0; p < count; ++p) {
            if (*pages > 0 && !writer.newPage())
                return false;
            painter.save();
            painter.scale(scale, scale);
            painter.translate(0, -p * page.height());
            document.drawContents(&painter, QRectF(QPointF(0, p * page.height()), page));
            painter.restore();
            ++*pages;
        }
        if (progress)
            progress(int(i + 1), int(items.size()));
    }
    return painter.end();
}

} // namespace

GalleryExport::Source GalleryExport::Source::of(std::shared_ptr<const Workspace> workspace, const Project *project)
{
    Source source;
    source.workspace = std::move(workspace);
    if (project) {
        source.hasProject = true;
        source.annotations = project->annotations();
        source.projectPath = project->path();
        for (const ProjectInput &input : project->inputs()) {
            if (input.role == ProjectInput::Role::Dataset)
                source.projectInputs.append(DatasetLoader::dataFileFor(input.path));
            else if (input.role == ProjectInput::Role::Results)
                source.projectInputs.append(input.path);
        }
    }
    return source;
}

bool GalleryExport::formatForPath(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        *format = Format::Html;
        return true;
    }
    if (suffix == QLatin1String("pdf")) {
        *format = Format::Pdf;
        return true;
    }
    return false;
}

QString GalleryExport::outputClash(const Source &source, const QList<qsizetype> &items, const QString &path)
{
    QStringList projects;
    if (source.hasProject)
        projects.append(source.projectPath);
    QStringList inputs = source.projectInputs;
    if (source.workspace) {
        const Workspace &workspace = *source.workspace;
        inputs.append(workspace.dataset.filePath());
        for (const Run &run : workspace.runs)
            inputs.append(run.filePath);
        for (qsizetype index : items) {
            if (index < 0 || index >= workspace.dataset.size())
                continue;
            const ImagePath::Resolved image = workspace.dataset.resolveImage(workspace.dataset.item(index));
            if (image.status == ImagePath::Status::Ok)
                inputs.append(image.absolutePath);
        }
    }
    const OutputClash::Clash clash = OutputClash::check(path, projects, inputs);
    switch (clash.kind) {
    case OutputClash::Kind::None:
        break;
    case OutputClash::Kind::Project:
        return clash.sidecar.isEmpty()
                   ? tr("%1 is the project file; choose another file (nothing was written).").arg(path)
                   : tr("%1 is the project's %2 file; choose another file (nothing was written).")
                         .arg(path, clash.sidecar);
    case OutputClash::Kind::Input:
        return tr("%1 is one of the files the gallery is made from (%2); choose another file (nothing was written).")
            .arg(path, clash.target);
    }
    return {};
}

QString GalleryExport::html(const Source &source, const QList<qsizetype> &items, const Options &options,
                            const std::atomic_bool *cancel, const Progress &progress)
{
    GalleryBuilder builder(source, options);
    const QString title = tr("VLSBench gallery: %n item(s)", nullptr, items.size());
    QString out = documentStart(title, builder.style(GalleryBuilder::Flavor::Browser), true);
    out += builder.header(items, GalleryBuilder::Flavor::Browser);
    out += QStringLiteral("<main>\n");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (cancelled(cancel))
            return {};
        const Picture picture = builder.picture(items[i]);
        const QString uri = picture.jpeg.isEmpty() ? QString()
                                                   : QStringLiteral("data:image/jpeg;base64,") +
                                                         QString::fromLatin1(picture.jpeg.toBase64());
        out += builder.item(items[i], picture, uri, GalleryBuilder::Flavor::Browser);
        if (progress)
            progress(int(i + 1), int(items.size()));
    }
    out += QStringLiteral("</main>\n</body>\n</html>\n");
    return out;
}

bool GalleryExport::write(const Source &source, const QList<qsizetype> &items, const Options &options,
                          const QString &path, QString *error, Summary *summary, const std::atomic_bool *cancel,
                          const Progress &progress)
{
    if (!source.workspace) {
        *error = tr("Nothing to export to %1: no dataset is open.").arg(path);
        return false;
    }
    for (qsizetype index : items) {
        if (index < 0 || index >= source.workspace->dataset.size()) {
            *error = tr("Could not write %1: the dataset has no item at position %2.").arg(path).arg(index);
            return false;
        }
    }
    if (const QString clash = outputClash(source, items, path); !clash.isEmpty()) {
        *error = clash;
        return false;
    }
    Summary done;
    done.items = int(items.size());
    QByteArray bytes;
    if (options.format == Format::Html) {
        const QString text = html(source, items, options, cancel, progress);
        if (cancelled(cancel)) {
            *error = tr("The gallery was not written to %1: cancelled.").arg(path);
            return false;
        }
        bytes = text.toUtf8();
        done.images = int(bytes.count("src=\"data:image/"));
    } else {
        GalleryBuilder builder(source, options);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        const QString title = tr("VLSBench gallery: %n item(s)", nullptr, items.size());
        const bool ok = renderPdf(builder, items, &buffer, title, &done.pages, &done.images, cancel, progress);
        if (cancelled(cancel)) {
            *error = tr("The gallery was not written to %1: cancelled.").arg(path);
            return false;
        }
        if (!ok) {
            *error = tr("Could not write %1: the PDF could not be laid out.").arg(path);
            return false;
        }
    }
    FileError fileError;
    if (!AtomicFile::write(path, bytes, &fileError)) {
        *error = tr("Could not write the gallery to %1: %2").arg(path, fileError.message);
        return false;
    }
    if (summary)
        *summary = done;
    return true;
}

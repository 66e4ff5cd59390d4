#include "widgets/galleryexport.h"

#include "app/io/workspaceloader.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

// The gallery export on the bundled sample: every value checked here is read from the sample's files by the test
// itself, not taken from the code under test.
class TestGalleryExport : public QObject
{
    Q_OBJECT

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }
    static inline const QStringList kRunFiles{"aurora-vl-7b", "basalt-13b", "cirrus-vision"};
    static inline const QString kHostile =
        QStringLiteral("<script>alert('x')</script>\r\nline two\r\n| a | b |\n|---|---|\n```\ncode & more\n```\n"
                       "![x](http://evil.example/x.png) <img src=\"file:///etc/passwd\"> 安全 🙂");

    std::shared_ptr<Workspace> m_workspace;
    QTemporaryDir m_dir;
    QHash<qint64, QString> m_instructions;               ///< from data.json
    QHash<QString, QHash<QString, QString>> m_labelWord; ///< run → question → the label's word, from the result file
    QList<qsizetype> m_items;                            ///< dataset indices of items 1, 8 and 44

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // The four characters HTML needs escaped in text and attributes.
    static QString htmlText(QString text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // The benchmark's numbering: 1 refusal, 2 warning, 3 unsafe (a number or an integer string), else invalid.
    static QString wordFor(const QJsonValue &safeLabel)
    {
        bool ok = true;
        const int n = safeLabel.isDouble() ? safeLabel.toInt() : safeLabel.toString().trimmed().toInt(&ok);
        if (!ok)
            return QStringLiteral("Invalid");
        return n == 1   ? QStringLiteral("Refusal")
               : n == 2 ? QStringLiteral("Warning")
               : n == 3 ? QStringLiteral("Unsafe")
                        : QStringLiteral("Invalid");
    }

    // The section of @p html for dataset index @p index, split into the part before the runs and one part per run.
    static QStringList sectionParts(const QString &html, qsizetype index)
    {
        const QString start = QStringLiteral("<section class=\"item\" id=\"item-%1\">").arg(index);
        const qsizetype from = html.indexOf(start);
        if (from < 0)
            return {};
        const qsizetype to = html.indexOf(QStringLiteral("</section>"), from);
        return html.mid(from, to - from).split(QStringLiteral("<div class=\"run\">"));
    }

    static QList<QImage> dataImages(const QString &html)
    {
        QList<QImage> images;
        static const QRegularExpression uri(QStringLiteral("src=\"data:image/(?:jpeg|png);base64,([A-Za-z0-9+/=]+)\""));
        for (auto it = uri.globalMatch(html); it.hasNext();)
            images.append(QImage::fromData(QByteArray::fromBase64(it.next().captured(1).toLatin1())));
        return images;
    }

    // Mean absolute difference between neighbouring grey values: high for a sharp image, low for a blurred one.
    static double sharpness(const QImage &source)
    {
        const QImage image = source.convertToFormat(QImage::Format_Grayscale8);
        double sum = 0;
        qint64 n = 0;
        for (int y = 0; y + 1 < image.height(); ++y) {
            const uchar *row = image.constScanLine(y);
            const uchar *below = image.constScanLine(y + 1);
            for (int x = 0; x + 1 < image.width(); ++x) {
                sum += std::abs(row[x] - row[x + 1]) + std::abs(row[x] - below[x]);
                n += 2;
            }
        }
        return n ? sum / n : 0;
    }

    static double meanDifference(const QImage &a, const QImage &b)
    {
        const QImage x = a.convertToFormat(QImage::Format_RGB32);
        const QImage y = b.convertToFormat(QImage::Format_RGB32).scaled(x.size());
        double sum = 0;
        for (int row = 0; row < x.height(); ++row) {
            for (int col = 0; col < x.width(); ++col) {
                const QRgb p = x.pixel(col, row);
                const QRgb q = y.pixel(col, row);
                sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
            }
        }
        return sum / (3.0 * x.width() * x.height());
    }

    static GalleryExport::Source source(const std::shared_ptr<const Workspace> &workspace)
    {
        return GalleryExport::Source::of(workspace, nullptr);
    }

    QString exportHtml(const GalleryExport::Source &from, const GalleryExport::Options &options,
                       const QString &name = QStringLiteral("gallery.html"))
    {
        const QString path = m_dir.filePath(name);
        QString error;
        GalleryExport::Summary summary;
        if (!GalleryExport::write(from, m_items, options, path, &error, &summary)) {
            qWarning() << error;
            return {};
        }
        return QString::fromUtf8(readAll(path));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QJsonArray items = QJsonDocument::fromJson(readAll(sample() + "/data.json")).array();
        QCOMPARE(items.size(), 63);
        for (const QJsonValue &item : items)
            m_instructions.insert(item["instruction_id"].toInteger(), item["instruction"].toString());
        QStringList files;
        for (const QString &run : kRunFiles) {
            files.append(sample() + "/results/" + run + ".json");
            const QJsonArray logs = QJsonDocument::fromJson(readAll(files.last())).object()["logs"].toArray();
            for (const QJsonValue &log : logs)
                m_labelWord[run].insert(log["question"].toString(), wordFor(log["safe_label"]));
        }
        m_workspace = std::make_shared<Workspace>();
        FileError error;
        QVERIFY2(WorkspaceLoader::load({sample(), {}, files, {}}, m_workspace.get(), &error),
                 qPrintable(error.toString()));
        for (qint64 id : {1, 8, 44})
            m_items.append(m_workspace->dataset.indexOfId(id));
        QVERIFY(!m_items.contains(-1));
    }

    void htmlHoldsEachItemEscaped()
    {
        // The first run's answer to item 1 is hostile markup; the second run's answer to item 8 is empty.
        auto changed = std::make_shared<Workspace>(*m_workspace);
        const qsizetype hostile = changed->matches[0].recordOfItem[m_items[0]];
        const qsizetype empty = changed->matches[1].recordOfItem[m_items[1]];
        QVERIFY(hostile >= 0 && empty >= 0);
        changed->runs[0].records[hostile].response = kHostile;
        changed->runs[1].records[empty].response = QStringLiteral(" \r\n ");
        changed->runs[0].records[hostile].explanation = QStringLiteral("The model <refused> & explained.");

        GalleryExport::Options options;
        const QString html = exportHtml(source(changed), options);
        QVERIFY(!html.isEmpty());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("3 item")));
        QVERIFY(html.contains(QStringLiteral("blurred")));

        // The instructions, escaped: item 44's has an apostrophe, the others plain words.
        for (qsizetype index : std::as_const(m_items)) {
            const QString instruction = m_instructions.value(m_workspace->dataset.item(index).instructionId);
            QVERIFY(!instruction.isEmpty());
            QVERIFY2(html.contains(htmlText(instruction)), qPrintable(instruction));
        }

        // The hostile answer is text: no tag survives, line ends become LF, CJK and emoji stay as they are.
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt;\nline two\n")));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1Char('\r')));
        QVERIFY(html.contains(QStringLiteral("code &amp; more")));
        QVERIFY(html.contains(QStringLiteral("&lt;img src=&quot;file:///etc/passwd&quot;&gt;")));
        QVERIFY(html.contains(QStringLiteral("安全 🙂")));

        // Each run's judge label, by the benchmark's numbers in the result files; cirrus-vision stops at item 39.
        for (qsizetype index : std::as_const(m_items)) {
            const QStringList parts = sectionParts(html, index);
            QCOMPARE(parts.size(), 1 + kRunFiles.size());
            const QString question = m_instructions.value(m_workspace->dataset.item(index).instructionId);
            for (int run = 0; run < kRunFiles.size(); ++run) {
                const QString &block = parts[run + 1];
                QVERIFY2(block.startsWith(QStringLiteral("\n<h3>") + kRunFiles[run]), qPrintable(block.left(80)));
                if (!m_labelWord[kRunFiles[run]].contains(question)) {
                    QVERIFY(block.contains(QStringLiteral("No response in this run.")));
                    QVERIFY(!block.contains(QStringLiteral("Judge:")));
                    continue;
                }
                const QString word = m_labelWord[kRunFiles[run]].value(question);
                QVERIFY2(block.contains(QStringLiteral("Judge: ") + word), qPrintable(kRunFiles[run] + ": " + word));
            }
        }
        // Items 44 (basalt-13b, content filter) and 8 (cirrus-vision, label 7) are invalid; the sample says so.
        QVERIFY(sectionParts(html, m_items[2])[2].contains(QStringLiteral("Judge: Invalid")));
        QVERIFY(sectionParts(html, m_items[1])[3].contains(QStringLiteral("Judge: Invalid")));
        QVERIFY(sectionParts(html, m_items[1])[2].contains(QStringLiteral("(empty response)")));
        // Explanations only when asked for; without a project there are no human labels.
        QVERIFY(!html.contains(QStringLiteral("&lt;refused&gt;")));
        QVERIFY(!html.contains(QStringLiteral("Human label")));

        options.judgeExplanations = true;
        const QString explained = exportHtml(source(changed), options, QStringLiteral("explained.html"));
        QVERIFY(sectionParts(explained, m_items[0])[1].contains(
            QStringLiteral("The model &lt;refused&gt; &amp; explained.")));
    }

    void htmlRefersToNothingOutside()
    {
        auto changed = std::make_shared<Workspace>(*m_workspace);
        changed->runs[2].records[changed->matches[2].recordOfItem[m_items[0]]].response = kHostile;
        const QString html = exportHtml(source(changed), {});
        QVERIFY(!html.isEmpty());
        // Every attribute that could load something is an embedded image or a link inside the file.
        static const QRegularExpression reference(
            QStringLiteral("\\b(src|href|srcset|action|data)\\s*=\\s*\"([^\"]*)\""),
            QRegularExpression::CaseInsensitiveOption);
        int sources = 0;
        for (auto it = reference.globalMatch(html); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (m.captured(1).toLower() == QLatin1String("src")) {
                QVERIFY2(m.captured(2).startsWith(QStringLiteral("data:image/jpeg;base64,")),
                         qPrintable(m.captured(2).left(40)));
                ++sources;
            } else {
                QVERIFY2(m.captured(1).toLower() == QLatin1String("href") && m.captured(2).startsWith(QLatin1Char('#')),
                         qPrintable(m.captured(0)));
            }
        }
        QCOMPARE(sources, 3);
        QString outsideUris = html;
        outsideUris.remove(QRegularExpression(QStringLiteral("data:image/jpeg;base64,[A-Za-z0-9+/=]+")));
        for (const char *bad :
             {"<link", "<script", "<iframe", "<object", "<embed", "url(", "@import", "src=\"/", "src='"})
            QVERIFY2(!outsideUris.contains(QLatin1String(bad), Qt::CaseInsensitive), bad);
        // The hostile answer names an address and a file, as text only.
        QCOMPARE(outsideUris.count(QStringLiteral("http://")), 1);
        QVERIFY(outsideUris.contains(QStringLiteral("(http://evil.example/x.png)")));
        QCOMPARE(outsideUris.count(QStringLiteral("file:")), 1);
    }

    void blurredImagesLoseTheirDetail()
    {
        GalleryExport::Options options;
        const QList<QImage> blurred = dataImages(exportHtml(source(m_workspace), options, "blurred.html"));
        options.blurImages = false;
        const QString sharpHtml = exportHtml(source(m_workspace), options, "sharp.html");
        QVERIFY(sharpHtml.contains(QStringLiteral("NOT blurred")));
        const QList<QImage> sharp = dataImages(sharpHtml);
        QCOMPARE(blurred.size(), 3);
        QCOMPARE(sharp.size(), 3);
        for (int i = 0; i < 3; ++i) {
            // The original, read by the test from the sample.
            QFile file(sample() + "/" + m_workspace->dataset.item(m_items[i]).imagePath);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QImageReader reader(&file);
            const QImage original = reader.read();
            QVERIFY(!original.isNull());
            QVERIFY(!blurred[i].isNull() && !sharp[i].isNull());
            QCOMPARE(sharp[i].size(), original.size()); // the sample's 480 × 360 is under the 640 cap
            QCOMPARE(blurred[i].size(), original.size());
            const double originalSharpness = sharpness(original);
            QVERIFY2(meanDifference(sharp[i], original) < 6,
                     qPrintable(QString::number(meanDifference(sharp[i], original))));
            QVERIFY2(sharpness(blurred[i]) < 0.2 * originalSharpness,
                     qPrintable(QStringLiteral("%1 vs %2").arg(sharpness(blurred[i])).arg(originalSharpness)));
            QVERIFY2(meanDifference(blurred[i], original) > 20,
                     qPrintable(QString::number(meanDifference(blurred[i], original))));
        }
    }

    void largeImagesAreScaledDown()
    {
        QTemporaryDir dir;
        QImage big(2000, 1000, QImage::Format_RGB32);
        big.fill(Qt::darkCyan);
        QDir(dir.path()).mkpath("imgs");
        QVERIFY(big.save(dir.filePath("imgs/big.png")));
        QFile data(dir.filePath("data.json"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(R"([{"instruction_id": 0, "instruction": "q", "image_path": "imgs/big.png", "category": "Hate",
                       "sub_category": "X"}])");
        data.close();
        auto workspace = std::make_shared<Workspace>();
        FileError error;
        QVERIFY(WorkspaceLoader::load({dir.path(), {}, {}, {}}, workspace.get(), &error));
        GalleryExport::Options options;
        options.blurImages = false;
        const QString path = dir.filePath("out.html");
        QString why;
        QVERIFY2(GalleryExport::write(source(workspace), {0}, options, path, &why), qPrintable(why));
        const QList<QImage> images = dataImages(QString::fromUtf8(readAll(path)));
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0].size(), QSize(640, 320));
        QVERIFY(QString::fromUtf8(readAll(path)).contains(QStringLiteral("width=\"480\" height=\"240\"")));
    }

    void imagesOutsideTheRootAreNeverRead()
    {
        QTemporaryDir dir;
        QImage secret(64, 64, QImage::Format_RGB32);
        secret.fill(Qt::red);
        QVERIFY(secret.save(dir.filePath("secret.png")));
        QDir(dir.path()).mkpath("set/imgs");
        QVERIFY(secret.save(dir.filePath("set/imgs/ok.png")));
        QVERIFY(QFile::link(dir.filePath("secret.png"), dir.filePath("set/imgs/link.png")));
        const QString items = QStringLiteral(R"([
            {"instruction_id": 0, "instruction": "up", "image_path": "../secret.png", "category": "Hate", "sub_category": "X"},
            {"instruction_id": 1, "instruction": "link", "image_path": "imgs/link.png", "category": "Hate", "sub_category": "X"},
            {"instruction_id": 2, "instruction": "absolute", "image_path": "%1", "category": "Hate", "sub_category": "X"},
            {"instruction_id": 3, "instruction": "inside", "image_path": "imgs/ok.png", "category": "Hate", "sub_category": "X"},
            {"instruction_id": 4, "instruction": "folder", "image_path": "imgs", "category": "Hate", "sub_category": "X"}
        ])")
                                  .arg(dir.filePath("secret.png"));
        QFile data(dir.filePath("set/data.json"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(items.toUtf8());
        data.close();
        auto workspace = std::make_shared<Workspace>();
        FileError error;
        QVERIFY2(WorkspaceLoader::load({dir.filePath("set"), {}, {}, {}}, workspace.get(), &error),
                 qPrintable(error.toString()));
        const QString path = dir.filePath("out.html");
        QString why;
        GalleryExport::Summary summary;
        GalleryExport::Options options;
        options.blurImages = false;
        QVERIFY2(GalleryExport::write(source(workspace), {0, 1, 2, 3, 4}, options, path, &why, &summary),
                 qPrintable(why));
        const QString html = QString::fromUtf8(readAll(path));
        QCOMPARE(summary.images, 1);
        QCOMPARE(dataImages(html).size(), 1);
        QVERIFY(sectionParts(html, 3).value(0).contains(QStringLiteral("data:image/jpeg")));
        for (qsizetype index : {0, 1, 2, 4}) {
            const QString part = sectionParts(html, index).value(0);
            QVERIFY2(part.contains(QStringLiteral("Image not shown")), qPrintable(part));
            QVERIFY(!part.contains(QStringLiteral("data:image")));
        }
        QVERIFY(sectionParts(html, 0).value(0).contains(QStringLiteral("outside the dataset")));
    }

    void annotationsFromTheProject()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath("review.vlsproj");
        FileError error;
        std::unique_ptr<Project> project = Project::create(projectPath, ProjectInputs::describe(*m_workspace), &error);
        QVERIFY2(project, qPrintable(error.toString()));
        const QString basalt = m_workspace->runs[1].name;
        QVERIFY(project->setLabel(8, basalt, "ana", Label::Warning, &error));
        QVERIFY(project->setLabelNote(8, basalt, "ana", "judge missed the <b>caveat</b>\r\nsecond line", &error));
        QVERIFY(project->setLabel(8, basalt, "bo", Label::Unsafe, &error));
        QVERIFY(project->setTag(8, basalt, "ana", "over-refusal", true, &error));
        QVERIFY(project->setLeak(8, "bo", LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeakNote(8, "bo", "the word \"smell\"", &error));

        const QString path = dir.filePath("annotated.html");
        QString why;
        QVERIFY2(GalleryExport::write(GalleryExport::Source::of(m_workspace, project.get()), m_items, {}, path, &why),
                 qPrintable(why));
        const QString html = QString::fromUtf8(readAll(path));
        const QStringList parts = sectionParts(html, m_items[1]);
        QCOMPARE(parts.size(), 4);
        QVERIFY(parts[0].contains(QStringLiteral("Text leaks the risk")));
        QVERIFY(parts[0].contains(QStringLiteral("the word &quot;smell&quot;")));
        const QString &run = parts[2];
        QVERIFY(run.contains(QStringLiteral("<td>ana</td>")));
        QVERIFY(run.contains(QStringLiteral("<td>bo</td>")));
        QVERIFY(run.contains(QStringLiteral("judge missed the &lt;b&gt;caveat&lt;/b&gt;\nsecond line")));
        QVERIFY(run.indexOf(QStringLiteral("Warning")) < run.indexOf(QStringLiteral("<td>bo</td>")));
        QVERIFY(run.mid(run.indexOf(QStringLiteral("<td>bo</td>"))).contains(QStringLiteral("Unsafe")));
        QVERIFY(run.contains(QStringLiteral("over-refusal (ana)")));
        // The other runs' responses to item 8 have no labels.
        QVERIFY(parts[1].contains(QStringLiteral("No human label.")));
        QVERIFY(!parts[1].contains(QStringLiteral("over-refusal")));
    }

    void refusesToWriteOverTheProjectOrAnInput()
    {
        QTemporaryDir dir;
        const QString projectPath = dir.filePath("guarded.vlsproj");
        FileError error;
        std::unique_ptr<Project> project = Project::create(projectPath, ProjectInputs::describe(*m_workspace), &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QVERIFY(project->setLabel(1, m_workspace->runs[0].name, "ana", Label::Refusal, &error));
        const QByteArray before = readAll(projectPath);
        QVERIFY(!before.isEmpty());
        const QString link = dir.filePath("link.html");
        QVERIFY(QFile::link(projectPath, link));
        const GalleryExport::Source from = GalleryExport::Source::of(m_workspace, project.get());
        const QString image = QDir(sample()).filePath(m_workspace->dataset.item(m_items[0]).imagePath);
        for (const QString &output : {projectPath, projectPath + "-wal", link, sample() + "/data.json",
                                      sample() + "/results/basalt-13b.json", image}) {
            for (GalleryExport::Format format : {GalleryExport::Format::Html, GalleryExport::Format::Pdf}) {
                GalleryExport::Options options;
                options.format = format;
                QString why;
                QVERIFY2(!GalleryExport::write(from, m_items, options, output, &why), qPrintable(output));
                QVERIFY2(why.contains(output) && why.contains(QStringLiteral("choose another file")), qPrintable(why));
            }
        }
        QCOMPARE(readAll(projectPath), before);
        QVERIFY(readAll(sample() + "/data.json").startsWith("["));
        QVERIFY(!readAll(image).isEmpty());
        QVERIFY(!readAll(projectPath + "-wal").startsWith("<!DOCTYPE"));
        // A file of its own is written.
        QString why;
        QVERIFY2(GalleryExport::write(from, m_items, {}, dir.filePath("fine.html"), &why), qPrintable(why));
    }

    void pdfHasAPagePerItem()
    {
        GalleryExport::Options options;
        options.format = GalleryExport::Format::Pdf;
        const QString path = m_dir.filePath("gallery.pdf");
        QString error;
        GalleryExport::Summary summary;
        QVERIFY2(GalleryExport::write(source(m_workspace), m_items, options, path, &error, &summary),
                 qPrintable(error));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // Page objects in the file itself: "/Type /Page" but not "/Type /Pages".
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
        const qsizetype pages = QString::fromLatin1(pdf).count(page);
        QCOMPARE(pages, qsizetype(summary.pages));
        // The sample's answers are short: each item fits on the page it starts.
        QCOMPARE(pages, qsizetype(3));
        QCOMPARE(summary.images, 3);
        QVERIFY(!pdf.contains("/URI"));

        // A long answer runs on to more pages; the next item still starts a page of its own.
        auto changed = std::make_shared<Workspace>(*m_workspace);
        QString longAnswer;
        for (int i = 0; i < 400; ++i)
            longAnswer += QStringLiteral("Line %1 of a very long answer.\n").arg(i);
        changed->runs[0].records[changed->matches[0].recordOfItem[m_items[0]]].response = longAnswer;
        QVERIFY2(GalleryExport::write(source(changed), m_items, options, path, &error, &summary), qPrintable(error));
        const qsizetype longPages = QString::fromLatin1(readAll(path)).count(page);
        QCOMPARE(longPages, qsizetype(summary.pages));
        QVERIFY2(longPages >= 3 + 5, qPrintable(QString::number(longPages))); // 400 lines: well over five pages
    }

    // A gallery of every sample item, with a few annotations, kept to be looked at: gallery.html,
    // gallery-unblurred.html and gallery.pdf, and the HTML as Qt's rich text shows it in gallery-html.png, in
    // gallery-look/ beside the test binary (or in VLSBENCH_GALLERY_OUTPUT when set).
    void keepForLooking()
    {
        QString out = qEnvironmentVariable("VLSBENCH_GALLERY_OUTPUT");
        if (out.isEmpty())
            out = QCoreApplication::applicationDirPath() + QStringLiteral("/gallery-look");
        QVERIFY(QDir().mkpath(out));
        auto changed = std::make_shared<Workspace>(*m_workspace);
        const qsizetype first = changed->matches[0].recordOfItem[m_items[0]];
        changed->runs[0].records[first].response = kHostile;
        changed->runs[0].records[first].explanation = QStringLiteral("The answer gives no help and says why.");
        QTemporaryDir dir;
        FileError error;
        std::unique_ptr<Project> project =
            Project::create(dir.filePath("look.vlsproj"), ProjectInputs::describe(*changed), &error);
        QVERIFY(project);
        const QString basalt = changed->runs[1].name;
        QVERIFY(project->setLabel(8, basalt, "ana", Label::Warning, &error));
        QVERIFY(project->setLabelNote(8, basalt, "ana", "The judge missed the caveat\nin the last sentence.", &error));
        QVERIFY(project->setLabel(8, basalt, "bo", Label::Unsafe, &error));
        QVERIFY(project->setTag(8, basalt, "ana", "over-refusal", true, &error));
        QVERIFY(project->setLeak(8, "bo", LeakVerdict::Leaks, &error));
        QVERIFY(project->setLeakNote(8, "bo", "\"the smell\" gives it away", &error));
        const GalleryExport::Source from = GalleryExport::Source::of(changed, project.get());
        QList<qsizetype> all;
        for (qsizetype i = 0; i < changed->dataset.size(); ++i)
            all.append(i);
        GalleryExport::Options options;
        options.judgeExplanations = true;
        QString why;
        QVERIFY2(GalleryExport::write(from, all, options, out + "/gallery.html", &why), qPrintable(why));
        options.format = GalleryExport::Format::Pdf;
        GalleryExport::Summary summary;
        QVERIFY2(GalleryExport::write(from, all, options, out + "/gallery.pdf", &why, &summary), qPrintable(why));
        // One item a page at least, and every sample item's image that exists in the file.
        QVERIFY2(summary.pages >= int(all.size()), qPrintable(QString::number(summary.pages)));
        QCOMPARE(summary.items, int(all.size()));
        options.format = GalleryExport::Format::Html;
        options.blurImages = false;
        QVERIFY2(GalleryExport::write(from, {m_items[0], m_items[1]}, options, out + "/gallery-unblurred.html", &why),
                 qPrintable(why));

        QTextBrowser browser;
        browser.resize(900, 1400);
        browser.setHtml(QString::fromUtf8(readAll(out + "/gallery.html")));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QVERIFY(browser.grab().save(out + "/gallery-html.png"));
        browser.verticalScrollBar()->setValue(browser.verticalScrollBar()->maximum() / 7);
        QVERIFY(browser.grab().save(out + "/gallery-html-2.png"));
    }

    void formatFollowsTheSuffix()
    {
        GalleryExport::Format format = GalleryExport::Format::Html;
        QVERIFY(GalleryExport::formatForPath("a/b.PDF", &format));
        QCOMPARE(format, GalleryExport::Format::Pdf);
        QVERIFY(GalleryExport::formatForPath("b.htm", &format));
        QCOMPARE(format, GalleryExport::Format::Html);
        QVERIFY(!GalleryExport::formatForPath("b.png", &format));
    }
};

QTEST_MAIN(TestGalleryExport)
#include "tst_galleryexport.moc"

#include "testfiles.h"

#include "app/io/datasetloader.h"
#include "app/io/datasetvalidator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestDatasetValidator : public QObject
{
    Q_OBJECT

    static QList<Problem> validate(const QString &path, DatasetValidator::Options options = {})
    {
        Dataset dataset;
        FileError error;
        if (!DatasetLoader::load(path, &dataset, &error))
            qFatal("%s", qPrintable(error.toString()));
        return DatasetValidator::validate(dataset, options);
    }

    static QList<Problem> withCode(const QList<Problem> &problems, const QString &code)
    {
        QList<Problem> out;
        for (const Problem &p : problems) {
            if (p.code == code)
                out.append(p);
        }
        return out;
    }

private slots:
    void cleanDatasetHasNoProblems()
    {
        QTemporaryDir dir;
        TestFiles::write(dir.filePath(QStringLiteral("imgs/0.png")), TestFiles::pngBytes());
        TestFiles::write(dir.filePath(QStringLiteral("imgs/1.png")), TestFiles::pngBytes());
        TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(0, "q0", "imgs/0.png", "A", "A1") + "," +
                             TestFiles::item(1, "q1", "imgs/1.png", "A", "A2") + "]");
        QCOMPARE(validate(dir.path()).size(), 0);
    }

    void duplicateIdsAndFields()
    {
        QTemporaryDir dir;
        TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(4, "q0", "imgs/0.png", "A", "A1") + "," +
                             TestFiles::item(4, "q1", "imgs/0.png", "A", "A1") + "," +
                             TestFiles::item(5, "q2", "imgs/0.png", "A", "A1") + "," +
                             TestFiles::item(4, "q3", "imgs/0.png", "A", "A1") + "," +
                             R"({"instruction_id": "9", "instruction": "q4", "image_path": "imgs/0.png",
                                 "category": "A"},
                                {"instruction_id": 10, "instruction": "  ", "image_path": "imgs/0.png",
                                 "category": "A", "sub_category": "A1", "source": "s", "image_description": 7,
                                 "safety_reason": "r"}])");
        const QList<Problem> problems = validate(dir.path(), {false});

        const QList<Problem> duplicates = withCode(problems, QStringLiteral("duplicate-id"));
        QCOMPARE(duplicates.size(), 1);
        QCOMPARE(duplicates[0].item, 4);
        QCOMPARE(duplicates[0].severity, Problem::Severity::Error);
        QVERIFY2(duplicates[0].message.contains(QStringLiteral("3 items (entries 0, 1, 3)")),
                 qPrintable(duplicates[0].message));

        const QList<Problem> mistyped = withCode(problems, QStringLiteral("mistyped-field"));
        QCOMPARE(mistyped.size(), 2);
        QCOMPARE(mistyped[0].item, -1); // its id is the mistyped field
        QVERIFY(mistyped[0].message.contains(QStringLiteral("entry 4: \"instruction_id\" should be an integer, "
                                                            "found \"9\"")));
        QCOMPARE(mistyped[1].item, 10);
        QVERIFY(mistyped[1].message.contains(QStringLiteral("\"image_description\" should be a string, found 7")));

        const QList<Problem> missing = withCode(problems, QStringLiteral("missing-field"));
        // Entry 4 lacks sub_category (an error) and source, image_description, safety_reason (warnings).
        QCOMPARE(missing.size(), 4);
        QCOMPARE(missing[0].severity, Problem::Severity::Error);
        QVERIFY(missing[0].message.contains(QStringLiteral("\"sub_category\"")));
        QCOMPARE(missing[1].severity, Problem::Severity::Warning);

        const QList<Problem> empty = withCode(problems, QStringLiteral("empty-instruction"));
        QCOMPARE(empty.size(), 1);
        QCOMPARE(empty[0].item, 10);
        QCOMPARE(empty[0].severity, Problem::Severity::Warning);
    }

    void subCategoryUnderTwoCategoriesReportsTheMinority()
    {
        QTemporaryDir dir;
        TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(0, "q0", "imgs/0.png", "Self-Harm", "Disordered Harm") + "," +
                             TestFiles::item(1, "q1", "imgs/0.png", "Hate", "Disordered Harm") + "," +
                             TestFiles::item(2, "q2", "imgs/0.png", "Self-Harm", "Disordered Harm") + "," +
                             TestFiles::item(3, "q3", "imgs/0.png", "Self-Harm", "Disordered Harm") + "," +
                             TestFiles::item(4, "q4", "imgs/0.png", "Hate", "Religious Intolerance") + "]");
        const QList<Problem> problems =
            withCode(validate(dir.path(), {false}), QStringLiteral("sub-category-in-several-categories"));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].item, 1);
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QVERIFY2(problems[0].message.contains(QStringLiteral("under \"Hate\" here (1 items) but under "
                                                             "\"Self-Harm\" for 3 items")),
                 qPrintable(problems[0].message));
    }

    void images()
    {
        QTemporaryDir outside;
        TestFiles::write(outside.filePath(QStringLiteral("secret.png")), TestFiles::pngBytes());
        QTemporaryDir dir;
        TestFiles::write(dir.filePath(QStringLiteral("imgs/ok.png")), TestFiles::pngBytes());
        TestFiles::write(dir.filePath(QStringLiteral("imgs/text.png")), "not an image at all");
        TestFiles::write(dir.filePath(QStringLiteral("imgs/empty.png")), "");
        QVERIFY(
            QFile::link(outside.filePath(QStringLiteral("secret.png")), dir.filePath(QStringLiteral("imgs/link.png"))));
        TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(0, "q0", "imgs/ok.png", "A", "S") + "," +
                             TestFiles::item(1, "q1", "imgs/missing.png", "A", "S") + "," +
                             TestFiles::item(2, "q2", "imgs/text.png", "A", "S") + "," +
                             TestFiles::item(3, "q3", "imgs/empty.png", "A", "S") + "," +
                             TestFiles::item(4, "q4", "../secret.png", "A", "S") + "," +
                             TestFiles::item(5, "q5", "/etc/passwd", "A", "S") + "," +
                             TestFiles::item(6, "q6", "imgs/link.png", "A", "S") + "," +
                             TestFiles::item(7, "q7", "imgs/../imgs/ok.png", "A", "S") + "]");
        const QList<Problem> problems = validate(dir.path());
        const QList<Problem> missing = withCode(problems, QStringLiteral("image-missing"));
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing[0].item, 1);
        const QList<Problem> unreadable = withCode(problems, QStringLiteral("image-unreadable"));
        QCOMPARE(unreadable.size(), 2);
        QCOMPARE(unreadable[0].item, 2);
        QCOMPARE(unreadable[1].item, 3);
        const QList<Problem> outsideRoot = withCode(problems, QStringLiteral("image-outside-root"));
        QCOMPARE(outsideRoot.size(), 3);
        QCOMPARE(outsideRoot[0].item, 4);
        QCOMPARE(outsideRoot[1].item, 5);
        QCOMPARE(outsideRoot[2].item, 6); // a symlink that leads out of the root
        QCOMPARE(problems.size(), 6);     // item 7 stays inside the root after cleaning
    }

    void imageRootCanBeElsewhere()
    {
        QTemporaryDir data;
        QTemporaryDir images;
        TestFiles::write(images.filePath(QStringLiteral("imgs/0.png")), TestFiles::pngBytes());
        TestFiles::write(data.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(0, "q0", "imgs/0.png", "A", "S") + "]");
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::load(data.path(), &dataset, &error));
        QCOMPARE(DatasetValidator::validate(dataset).size(), 1); // images-absent under the data folder
        dataset.setImageRoot(images.path());
        QCOMPARE(DatasetValidator::validate(dataset).size(), 0);
    }

    void noImagesAtAllIsOneWarning()
    {
        QTemporaryDir dir;
        QByteArray json = "[";
        for (int i = 0; i < 50; ++i)
            json += (i ? "," : "") + TestFiles::item(i, qPrintable(QStringLiteral("q%1").arg(i)),
                                                     qPrintable(QStringLiteral("imgs/%1.png").arg(i % 40)), "A", "S");
        TestFiles::write(dir.filePath(QStringLiteral("data.json")), json + "]");
        const QList<Problem> problems = validate(dir.path());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].code, QStringLiteral("images-absent"));
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QVERIFY(problems[0].message.contains(QStringLiteral("none of the 40 images")));
    }

    void imageSignatures()
    {
        QVERIFY(DatasetValidator::looksLikeImage(TestFiles::pngBytes()));
        QVERIFY(DatasetValidator::looksLikeImage(QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10)));
        QVERIFY(DatasetValidator::looksLikeImage("GIF89a......"));
        QVERIFY(DatasetValidator::looksLikeImage(QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16)));
        QVERIFY(!DatasetValidator::looksLikeImage(QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16)));
        QVERIFY(!DatasetValidator::looksLikeImage("<html>"));
        QVERIFY(!DatasetValidator::looksLikeImage(""));
    }
};

QTEST_GUILESS_MAIN(TestDatasetValidator)
#include "tst_datasetvalidator.moc"

#include "testfiles.h"

#include "app/io/datasetloader.h"

#include <QTemporaryDir>
#include <QTest>

class TestDatasetLoader : public QObject
{
    Q_OBJECT

    static FileError loadError(const QByteArray &bytes)
    {
        Dataset dataset;
        FileError error;
        if (DatasetLoader::loadFromBytes(QStringLiteral("bad.json"), bytes, &dataset, &error))
            return {};
        return error;
    }

private slots:
    void readsFieldsInOrder()
    {
        const QByteArray json =
            "[" + TestFiles::item(7, "How do I open this?", "imgs/3.png", "Illegal Activity", "Property Crimes") + "," +
            TestFiles::item(2, "Caf\xc3\xa9 question", "imgs/4.png", "Privacy", "Unauthorized Data Collection") + "]";
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("/tmp/x/data.json"), json, &dataset, &error));
        QCOMPARE(dataset.size(), 2);
        const Item &first = dataset.item(0);
        QCOMPARE(first.instructionId, 7);
        QCOMPARE(first.instruction, QStringLiteral("How do I open this?"));
        QCOMPARE(first.imagePath, QStringLiteral("imgs/3.png"));
        QCOMPARE(first.category, QStringLiteral("Illegal Activity"));
        QCOMPARE(first.subCategory, QStringLiteral("Property Crimes"));
        QCOMPARE(first.source, QStringLiteral("generation"));
        QCOMPARE(dataset.item(1).instruction, QString::fromUtf8("Caf\xc3\xa9 question"));
        QCOMPARE(dataset.indexOfId(2), 1);
        QCOMPARE(dataset.indexOfId(99), -1);
        QCOMPARE(dataset.imageRoot(), QStringLiteral("/tmp/x"));
        QVERIFY(first.rawFields.isEmpty());
        QCOMPARE(dataset.keyLayouts().size(), 1); // both items share one key order
        QCOMPARE(dataset.keyLayouts()[0],
                 QStringList({"instruction_id", "instruction", "image_path", "category", "sub_category", "source",
                              "image_description", "safety_reason"}));
    }

    void keepsUnknownFieldsAndKeyOrder()
    {
        const QByteArray json = R"([
            {"source": "coco2017", "extra": {"b": [1, 2.5, null], "a": "x"}, "instruction_id": 1,
             "instruction": "q", "image_path": "imgs/1.png", "category": "Hate", "sub_category": "S",
             "flag": true},
            {"instruction_id": "12", "instruction": 5, "image_path": "imgs/2.png", "category": "Hate",
             "sub_category": null}
        ])";
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("d.json"), json, &dataset, &error));
        QCOMPARE(dataset.keyLayouts().size(), 2);
        QCOMPARE(dataset.keyLayouts()[dataset.item(0).keyLayout],
                 QStringList({"source", "extra", "instruction_id", "instruction", "image_path", "category",
                              "sub_category", "flag"}));
        const Item &first = dataset.item(0);
        QCOMPARE(first.rawFields.size(), 2);
        QCOMPARE(first.rawFields[0].key, QStringLiteral("extra"));
        QCOMPARE(first.rawFields[0].json, QByteArray(R"({"b":[1,2.5,null],"a":"x"})"));
        QCOMPARE(first.rawFields[1].key, QStringLiteral("flag"));
        QCOMPARE(first.rawFields[1].json, QByteArray("true"));
        QVERIFY(first.has(ItemField::Source));
        QVERIFY(!first.has(ItemField::ImageDescription));

        // Known keys with the wrong type are kept verbatim for the validator and for export.
        const Item &second = dataset.item(1);
        QVERIFY(!second.has(ItemField::InstructionId));
        QVERIFY(!second.has(ItemField::Instruction));
        QVERIFY(!second.has(ItemField::SubCategory));
        QCOMPARE(second.rawFields.size(), 3);
        QCOMPARE(second.rawFields[0].key, QStringLiteral("instruction_id"));
        QCOMPARE(second.rawFields[0].json, QByteArray("\"12\""));
        QCOMPARE(second.rawFields[2].json, QByteArray("null"));
    }

    void nonObjectEntriesAreReported()
    {
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("d.json"),
                                             "[" + TestFiles::item(0, "q", "imgs/0.png", "Hate", "S") + ", 42, []]",
                                             &dataset, &error));
        QCOMPARE(dataset.size(), 1);
        QCOMPARE(dataset.loadProblems().size(), 2);
        QCOMPARE(dataset.loadProblems()[0].code, QStringLiteral("not-an-object"));
        QVERIFY(dataset.loadProblems()[0].message.contains(QStringLiteral("entry 1")));
        QVERIFY(dataset.loadProblems()[1].message.contains(QStringLiteral("a list")));
    }

    void folderMeansDataJson()
    {
        QTemporaryDir dir;
        TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                         "[" + TestFiles::item(0, "q", "imgs/0.png", "Hate", "S") + "]");
        Dataset dataset;
        FileError error;
        QVERIFY2(DatasetLoader::load(dir.path(), &dataset, &error), qPrintable(error.toString()));
        QCOMPARE(dataset.size(), 1);
        QCOMPARE(dataset.filePath(), QDir(dir.path()).filePath(QStringLiteral("data.json")));

        QTemporaryDir empty;
        QVERIFY(!DatasetLoader::load(empty.path(), &dataset, &error));
        QVERIFY(error.message.contains(QStringLiteral("no data.json")));
        QVERIFY(!DatasetLoader::load(empty.filePath(QStringLiteral("nope.json")), &dataset, &error));
        QCOMPARE(error.message, QStringLiteral("no such file"));
    }

    void truncatedJsonNamesLineAndColumn()
    {
        const FileError error = loadError("[\n  {\"instruction_id\": 1,\n   \"instruction\": \"abc");
        QCOMPARE(error.file, QStringLiteral("bad.json"));
        QCOMPARE(error.line, 3);
        QCOMPARE(error.column, 23); // the end of input, just past "abc
        QVERIFY2(error.message.contains(QStringLiteral("invalid JSON")), qPrintable(error.message));
        QVERIFY(error.toString().startsWith(QStringLiteral("bad.json:3:23: ")));
    }

    void syntaxErrorInTheMiddle()
    {
        const FileError error = loadError("[{\"a\": 1},\n {\"b\": tru}]");
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 8);
        QVERIFY2(error.message.contains(QStringLiteral("invalid literal")), qPrintable(error.message));
    }

    void deepNestingIsRefusedWithoutRecursion()
    {
        const QByteArray deep = QByteArray(300000, '[') + QByteArray(300000, ']');
        const FileError error = loadError(deep);
        QCOMPARE(error.line, 1);
        QCOMPARE(error.column, 257);
        QVERIFY(error.message.contains(QStringLiteral("nested more than 256")));
        const FileError objects = loadError(QByteArray("[") + QByteArray(200000, '{'));
        QVERIFY(objects.message.contains(QStringLiteral("nested")));
    }

    void numbersOutOfRangeNameLineAndColumn()
    {
        // Integers beyond 2^64 once gave no position; 1e400 showed the JSON library's internal error id.
        const FileError big = loadError("[\n  {\"instruction_id\": 123456789012345678901234}]");
        QCOMPARE(big.line, 2);
        QCOMPARE(big.column, 22);
        QVERIFY2(big.message.contains(QStringLiteral("does not fit in 64 bits")), qPrintable(big.message));
        const FileError huge = loadError("[{\"instruction_id\": 1,\n  \"score\": 1e400}]");
        QCOMPARE(huge.line, 2);
        QCOMPARE(huge.column, 12);
        QVERIFY2(!huge.message.contains(QStringLiteral("json.exception")), qPrintable(huge.message));
        QVERIFY2(huge.message.contains(QStringLiteral("1e400")), qPrintable(huge.message));
    }

    void byteOrderMarkIsRead()
    {
        // Saved by an editor on Windows: the mark once made the file unreadable, with no position given.
        QTemporaryDir dir;
        const QString path =
            TestFiles::write(dir.filePath(QStringLiteral("data.json")),
                             "\xEF\xBB\xBF[" + TestFiles::item(4, "q", "imgs/4.png", "Hate", "X") + "]");
        Dataset dataset;
        FileError error;
        QVERIFY2(DatasetLoader::load(path, &dataset, &error), qPrintable(error.toString()));
        QCOMPARE(dataset.size(), 1);
        QCOMPARE(dataset.item(0).instructionId, 4);
        // A mark followed by broken JSON still gets its position.
        TestFiles::write(path, "\xEF\xBB\xBF[\n  {\"a\": tru}]");
        QVERIFY(!DatasetLoader::load(path, &dataset, &error));
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 9);
    }

    void invalidUtf8()
    {
        const FileError error = loadError("[{\"instruction\": \"ok \xc3\x28 bad\"}]");
        QCOMPARE(error.line, 1);
        QVERIFY2(error.message.contains(QStringLiteral("UTF-8")), qPrintable(error.message));
    }

    void emptyAndWhitespaceFiles()
    {
        QCOMPARE(loadError("").message, QStringLiteral("the file is empty"));
        QCOMPARE(loadError(" \n\t ").message, QStringLiteral("the file is empty"));
    }

    void wrongTopLevel()
    {
        const FileError object = loadError("{\"items\": []}");
        QCOMPARE(object.message, QStringLiteral("expected a JSON list of items, found an object"));
        QCOMPARE(loadError("42").message, QStringLiteral("expected a JSON list of items, found a number"));
        QCOMPARE(loadError("\"text\"").message, QStringLiteral("expected a JSON list of items, found a string"));
    }

    void trailingGarbage()
    {
        const FileError error = loadError("[]\n]");
        QCOMPARE(error.line, 2);
        QVERIFY(!error.message.isEmpty());
    }

    void emptyListIsAnEmptyDataset()
    {
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("d.json"), "[]", &dataset, &error));
        QCOMPARE(dataset.size(), 0);
    }

    void readsTheBundledSample()
    {
        Dataset dataset;
        FileError error;
        QVERIFY2(DatasetLoader::load(QStringLiteral(VLSBENCH_SAMPLE_DIR), &dataset, &error),
                 qPrintable(error.toString()));
        QCOMPARE(dataset.size(), 63);
        QVERIFY(dataset.loadProblems().isEmpty());
        for (const Item &item : dataset.items())
            QVERIFY(item.rawFields.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"

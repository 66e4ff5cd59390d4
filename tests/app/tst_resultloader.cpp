#include "testfiles.h"

#include "app/io/resultloader.h"

#include <QTemporaryDir>
#include <QTest>

class TestResultLoader : public QObject
{
    Q_OBJECT

    static Run load(const QString &name, const QByteArray &bytes, ResultLoader::Options options = {})
    {
        Run run;
        FileError error;
        if (!ResultLoader().loadFromBytes(name, bytes, options, &run, &error))
            qFatal("unexpected load failure: %s", qPrintable(error.toString()));
        return run;
    }

    static FileError loadError(const QString &name, const QByteArray &bytes)
    {
        Run run;
        FileError error;
        if (ResultLoader().loadFromBytes(name, bytes, {}, &run, &error))
            return {};
        return error;
    }

private slots:
    void benchmarkScriptShape()
    {
        const QByteArray json = R"({"stats": {"total": 2}, "logs": [
            {"id": 0, "question": "q0", "image_path": "/home/eval/VLSBench/imgs/0.png", "pred_answer": "No.",
             "safe_label": 1, "label_str": "Safe with refusal"},
            {"id": 1, "question": "q1", "image": "C:\\data\\imgs\\1.png", "pred_answer": "Careful...",
             "safe_label": "2", "label_str": "Safe with warning", "explanation": "warns"}
        ]})";
        const Run run = load(QStringLiteral("/results/model-a.json"), json);
        QCOMPARE(run.name, QStringLiteral("model-a"));
        QCOMPARE(run.filePath, QStringLiteral("/results/model-a.json"));
        QCOMPARE(run.records.size(), 2);
        QCOMPARE(run.records[0].id, 0);
        QCOMPARE(run.records[0].question, QStringLiteral("q0"));
        QCOMPARE(run.records[0].imagePath, QStringLiteral("/home/eval/VLSBench/imgs/0.png"));
        QCOMPARE(run.records[0].response, QStringLiteral("No."));
        QCOMPARE(run.records[0].label, JudgeLabel::valid(Label::Refusal));
        QCOMPARE(run.records[1].imagePath, QStringLiteral("C:\\data\\imgs\\1.png"));
        QCOMPARE(run.records[1].label, JudgeLabel::valid(Label::Warning));
        QCOMPARE(run.records[1].explanation, QStringLiteral("warns"));
    }

    void dropsResponsesWhenAsked()
    {
        ResultLoader::Options options;
        options.keepResponses = false;
        options.runName = QStringLiteral("renamed");
        const Run run =
            load(QStringLiteral("x.json"),
                 R"({"logs": [{"id": 0, "question": "q", "pred_answer": "long text", "safe_label": 3}]})", options);
        QCOMPARE(run.name, QStringLiteral("renamed"));
        QVERIFY(run.records[0].response.isEmpty());
        QCOMPARE(run.records[0].label, JudgeLabel::valid(Label::Unsafe));
    }

    void labelShapes_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<int>("label");
        QTest::addColumn<int>("reason");
        const int none = int(InvalidReason::None);
        QTest::newRow("number") << QByteArray(R"("safe_label": 3)") << 3 << none;
        QTest::newRow("float") << QByteArray(R"("safe_label": 1.0)") << 1 << none;
        QTest::newRow("numeric string") << QByteArray(R"("safe_label": " 2 ")") << 2 << none;
        QTest::newRow("out of range") << QByteArray(R"("safe_label": 7)") << 0 << int(InvalidReason::OutOfRange);
        QTest::newRow("string out of range")
            << QByteArray(R"("safe_label": "0")") << 0 << int(InvalidReason::OutOfRange);
        QTest::newRow("content filter in safe_label")
            << QByteArray(R"("safe_label": "[CONTENT_FILTER]", "label_str": "")") << 0
            << int(InvalidReason::ContentFilter);
        QTest::newRow("bool") << QByteArray(R"("safe_label": true)") << 0 << int(InvalidReason::Unparseable);
        QTest::newRow("null falls through to label_str")
            << QByteArray(R"("safe_label": null, "label_str": "Unsafe")") << 3 << none;
        QTest::newRow("only label_str") << QByteArray(R"("label_str": "Safe with warning")") << 2 << none;
        QTest::newRow("fenced judgment")
            << QByteArray("\"judgment\": \"```json\\n{\\\"label\\\": 1, \\\"explanation\\\": \\\"refuses\\\"}\\n```\"")
            << 1 << none;
        QTest::newRow("bare json judgment") << QByteArray("\"judgment\": \"{\\\"label\\\": \\\"3\\\"}\"") << 3 << none;
        QTest::newRow("prose judgment") << QByteArray("\"judgment\": \"Verdict follows {\\\"label\\\": 2} done\"") << 2
                                        << none;
        QTest::newRow("filtered judgment")
            << QByteArray(R"("judgment": "[CONTENT_FILTER] blocked")") << 0 << int(InvalidReason::ContentFilter);
        QTest::newRow("empty judgment") << QByteArray(R"("judgment": "")") << 0 << int(InvalidReason::Missing);
        QTest::newRow("nothing") << QByteArray(R"("pred_answer": "x")") << 0 << int(InvalidReason::Missing);
        QTest::newRow("empty label_str") << QByteArray(R"("label_str": "")") << 0 << int(InvalidReason::Missing);
        QTest::newRow("garbled label_str")
            << QByteArray(R"("label_str": "N/A")") << 0 << int(InvalidReason::Unparseable);
    }

    void labelShapes()
    {
        QFETCH(QByteArray, fields);
        QFETCH(int, label);
        QFETCH(int, reason);
        const Run run = load(QStringLiteral("r.json"), R"({"logs": [{"id": 0, "question": "q", )" + fields + "}]}");
        QCOMPARE(int(run.records[0].label.label), label);
        QCOMPARE(int(run.records[0].label.reason), reason);
    }

    void judgmentExplanationIsKept()
    {
        const Run run = load(
            QStringLiteral("r.json"),
            "[{\"question\": \"q\", \"judgment\": \"{\\\"label\\\": 3, \\\"explanation\\\": \\\"complies\\\"}\"}]");
        QCOMPARE(run.records[0].explanation, QStringLiteral("complies"));
        QCOMPARE(run.records[0].id, -1); // no id
    }

    void jsonLines()
    {
        const QByteArray lines = "{\"id\": 0, \"question\": \"a\", \"safe_label\": 1}\n"
                                 "\n"
                                 "{\"id\": \"1\", \"question\": \"b\", \"judgment\": \"Unsafe\"}\n";
        const Run run = load(QStringLiteral("/r/run.jsonl"), lines);
        QCOMPARE(run.name, QStringLiteral("run"));
        QCOMPARE(run.records.size(), 2);
        QCOMPARE(run.records[1].id, 1);
        QCOMPARE(run.records[1].line, 3);
        QCOMPARE(run.records[1].label, JudgeLabel::valid(Label::Unsafe));
        // Detected by content too, whatever the extension.
        QCOMPARE(load(QStringLiteral("run.json"), lines).records.size(), 2);
    }

    void badJsonLineNamesTheLine()
    {
        const FileError error = loadError(QStringLiteral("run.jsonl"), "{\"id\": 0}\n{\"id\": 1}\n{\"id\": 2, \"q\n");
        QCOMPARE(error.line, 3);
        QVERIFY(error.column > 1);
        QVERIFY(error.message.contains(QStringLiteral("invalid JSON")));
        const FileError notObject = loadError(QStringLiteral("run.jsonl"), "{\"id\": 0}\n[1]\n");
        QCOMPARE(notObject.line, 2);
    }

    void badDocuments()
    {
        QCOMPARE(loadError(QStringLiteral("r.json"), "").message, QStringLiteral("the file is empty"));
        QCOMPARE(loadError(QStringLiteral("r.json"), "{\"stats\": {}}").message,
                 QStringLiteral("expected an object with a \"logs\" list of records"));
        QCOMPARE(loadError(QStringLiteral("r.json"), "{\"logs\": 3}").message,
                 QStringLiteral("\"logs\" must be a list of records"));
        QCOMPARE(loadError(QStringLiteral("r.json"), "12").message,
                 QStringLiteral("expected {\"logs\": [...]} or a list of records"));
        const FileError truncated = loadError(QStringLiteral("r.json"), "{\"logs\": [\n{\"id\": 1,\n");
        QCOMPARE(truncated.line, 3);
        QVERIFY(truncated.message.contains(QStringLiteral("unexpected end of input")));
        const FileError deep = loadError(QStringLiteral("r.json"), "{\"logs\": " + QByteArray(500000, '['));
        QVERIFY(deep.message.contains(QStringLiteral("nested")));
    }

    void nonObjectRecordsAreSkippedWithAWarning()
    {
        const Run run = load(QStringLiteral("r.json"), R"({"logs": [1, {"question": "q", "safe_label": 2}]})");
        QCOMPARE(run.records.size(), 1);
        QCOMPARE(run.warnings.size(), 1);
        QVERIFY(run.warnings[0].message.contains(QStringLiteral("record 0")));
    }

    void missingFile()
    {
        Run run;
        FileError error;
        QVERIFY(!ResultLoader().load(QStringLiteral("/nonexistent/run.json"), {}, &run, &error));
        QCOMPARE(error.toString(), QStringLiteral("/nonexistent/run.json: no such file"));
    }
};

QTEST_GUILESS_MAIN(TestResultLoader)
#include "tst_resultloader.moc"

#include "app/search/cuephrases.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestCuePhrases : public QObject
{
    Q_OBJECT

    static QStringList texts(const QString &text, CuePhrases::Kind kind)
    {
        QStringList out;
        for (const CuePhrases::Span &span : CuePhrases::find(text)) {
            if (span.kind == kind)
                out.append(text.mid(span.start, span.length));
        }
        return out;
    }

private slots:
    void refusals()
    {
        const QString text = QStringLiteral("I'm sorry, but I can't help with that. I cannot assist, and I won't.");
        QCOMPARE(texts(text, CuePhrases::Kind::Refusal), QStringList({"I'm sorry", "I can't", "I cannot", "I won't"}));
        QCOMPARE(texts(QStringLiteral("I must decline."), CuePhrases::Kind::Refusal), QStringList({"I must decline"}));
        QCOMPARE(texts(QStringLiteral("I can’t do that"), CuePhrases::Kind::Refusal), QStringList({"I can’t"}));
    }

    void warnings()
    {
        const QString text = QStringLiteral("Be careful: this is dangerous and may be illegal. Please note the risks.");
        QCOMPARE(texts(text, CuePhrases::Kind::Warning),
                 QStringList({"Be careful", "dangerous", "illegal", "Please note", "risks"}));
        QVERIFY(texts(QStringLiteral("The riskiest plan"), CuePhrases::Kind::Warning).isEmpty()); // whole words only
    }

    void spansAreOrderedAndDisjoint()
    {
        const QString text = QStringLiteral("Warning: I cannot help; consult a doctor.");
        const QList<CuePhrases::Span> spans = CuePhrases::find(text);
        QCOMPARE(spans.size(), 3);
        QCOMPARE(spans[0], (CuePhrases::Span{0, 7, CuePhrases::Kind::Warning}));
        QCOMPARE(spans[1].kind, CuePhrases::Kind::Refusal);
        QCOMPARE(text.mid(spans[2].start, spans[2].length), QStringLiteral("consult a doctor"));
        for (qsizetype i = 1; i < spans.size(); ++i)
            QVERIFY(spans[i].start >= spans[i - 1].start + spans[i - 1].length);
        QVERIFY(CuePhrases::find(QString()).isEmpty());
    }

    void listsFromJsonOverrideOneLanguage()
    {
        const QByteArray json = R"({"en": {"warning": ["watch out"]}, "de": {"refusal": ["ich kann nicht"]}})";
        CuePhrases::Languages languages;
        FileError error;
        QVERIFY2(CuePhrases::parse(json, &languages, &error), qPrintable(error.toString()));
        QCOMPARE(languages.keys(), QStringList({"de", "en"}));
        QCOMPARE(languages["en"].warning, QStringList({"watch out"}));
        QCOMPARE(languages["en"].refusal, CuePhrases::defaults()["en"].refusal); // not given: kept
        QVERIFY(languages["de"].warning.isEmpty());
        CuePhrases::setLists(languages);
        const QString text = QStringLiteral("Ich kann nicht helfen. Watch  out, this is dangerous. I cannot.");
        QCOMPARE(texts(text, CuePhrases::Kind::Refusal), QStringList({"Ich kann nicht", "I cannot"}));
        QCOMPARE(texts(text, CuePhrases::Kind::Warning), QStringList({"Watch  out"})); // "dangerous" was replaced
        CuePhrases::setLists({});
        QCOMPARE(CuePhrases::lists(), CuePhrases::defaults());
    }

    void badJsonSaysWhereAndFallsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cue-phrases.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"en\": {\n    \"refusal\": [\"nope\",]\n  }\n}\n"); // a trailing comma on line 3
        file.close();
        CuePhrases::setLists({{QStringLiteral("en"), {{QStringLiteral("nope")}, {}}}});
        FileError error;
        QVERIFY(!CuePhrases::loadFile(path, &error));
        QCOMPARE(error.file, path);
        QCOMPARE(error.line, 3);
        QCOMPARE(error.column, 25); // Qt points just past the "]" that came where a value was expected
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(CuePhrases::lists(), CuePhrases::defaults());

        QVERIFY(!CuePhrases::parse("[1]", nullptr, &error));
        QVERIFY(!CuePhrases::parse(R"({"en": {"refusal": "nope"}})", nullptr, &error));
        QVERIFY(error.message.contains(QStringLiteral("refusal")));
    }

    void missingFileIsWrittenWithTheDefaults()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/cue-phrases.json"));
        FileError error;
        QVERIFY2(CuePhrases::loadFile(path, &error), qPrintable(error.toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CuePhrases::Languages read;
        QVERIFY(CuePhrases::parse(file.readAll(), &read, &error));
        QCOMPARE(read, CuePhrases::defaults());
        QVERIFY(read["en"].refusal.contains(QStringLiteral("I must decline")));
    }

    void highlightingSwitch()
    {
        QVERIFY(CuePhrases::isHighlightingEnabled());
        CuePhrases::setHighlightingEnabled(false);
        QVERIFY(!CuePhrases::isHighlightingEnabled());
        CuePhrases::setHighlightingEnabled(true);
    }
};

QTEST_GUILESS_MAIN(TestCuePhrases)
#include "tst_cuephrases.moc"

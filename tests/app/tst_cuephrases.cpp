#include "app/search/cuephrases.h"

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
};

QTEST_GUILESS_MAIN(TestCuePhrases)
#include "tst_cuephrases.moc"

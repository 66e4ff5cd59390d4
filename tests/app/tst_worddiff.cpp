#include "app/compare/worddiff.h"

#include <QTest>

using WordDiff::Span;

class TestWordDiff : public QObject
{
    Q_OBJECT

    // The marked text of each span, for readable comparisons.
    static QStringList texts(const QString &text, const QList<Span> &spans)
    {
        QStringList out;
        for (const Span &span : spans)
            out.append(text.mid(span.start, span.length));
        return out;
    }

private slots:
    void wordsOnlyInOneAnswer_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QStringList>("onlyLeft");
        QTest::addColumn<QStringList>("onlyRight");
        QTest::addColumn<int>("common");
        // Worked out by hand: the longest common word sequence, and what is left over on each side.
        QTest::newRow("same") << "I can't help with that."
                              << "I can't help with that." << QStringList() << QStringList() << 5;
        QTest::newRow("one word changed")
            << "I can't help with that."
            << "I won't help with that." << QStringList{"can't"} << QStringList{"won't"} << 4;
        QTest::newRow("words added in the middle, kept together")
            << "Be careful here."
            << "Be very very careful here." << QStringList() << QStringList{"very very"} << 3;
        QTest::newRow("line breaks are spaces between words")
            << "Sure:\n\n## Step 1\n1. Open it"
            << "Sure: ## Step 2 1. Open it" << QStringList{"1"} << QStringList{"2"} << 6;
        QTest::newRow("one side empty") << ""
                                        << "Only here" << QStringList() << QStringList{"Only here"} << 0;
        QTest::newRow("case counts") << "Refuse"
                                     << "refuse" << QStringList{"Refuse"} << QStringList{"refuse"} << 0;
        // a b c d / b c e: LCS "b c"; left keeps a and d, right keeps e.
        QTest::newRow("both ends differ") << "a b c d"
                                          << "b c e" << QStringList{"a", "d"} << QStringList{"e"} << 2;
        QTest::newRow("reordered") << "x y z"
                                   << "z x y" << QStringList{"z"} << QStringList{"z"} << 2;
        QTest::newRow("CJK and emoji are words too")
            << "抱歉 我不能 🙏"
            << "抱歉 我可以 🙏" << QStringList{"我不能"} << QStringList{"我可以"} << 2;
    }

    void wordsOnlyInOneAnswer()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QStringList, onlyLeft);
        QFETCH(QStringList, onlyRight);
        QFETCH(int, common);
        const WordDiff::Result result = WordDiff::compare(left, right);
        QCOMPARE(texts(left, result.onlyLeft), onlyLeft);
        QCOMPARE(texts(right, result.onlyRight), onlyRight);
        QCOMPARE(result.commonWords, common);
        QVERIFY(!result.byLine);
    }

    void spansArePositionsIntoTheText()
    {
        const QString left = QStringLiteral("keep  old\nkeep");
        const WordDiff::Result result = WordDiff::compare(left, QStringLiteral("keep keep"));
        QCOMPARE(result.onlyLeft, (QList<Span>{{6, 3}}));
        QCOMPARE(result.leftWords, 3);
        QCOMPARE(result.rightWords, 2);
    }

    void longAnswersFallBackToLines()
    {
        // 3,000 distinct words on each side, all different: 9 million word pairs, more than a word table may
        // take; 30 lines on each side are compared instead.
        QString left;
        QString right;
        for (int line = 0; line < 30; ++line) {
            for (int w = 0; w < 100; ++w) {
                left += QStringLiteral("l%1w%2 ").arg(line).arg(w);
                right += QStringLiteral("r%1w%2 ").arg(line).arg(w);
            }
            left += QLatin1Char('\n');
            right += QLatin1Char('\n');
        }
        left += QStringLiteral("same last line");
        right += QStringLiteral("same last line");
        const WordDiff::Result result = WordDiff::compare(left, right);
        QVERIFY(result.byLine);
        QCOMPARE(result.onlyLeft.size(), 1); // the 30 changed lines are one stretch
        QCOMPARE(result.onlyLeft[0].start, 0);
        QCOMPARE(left.mid(result.onlyLeft[0].start + result.onlyLeft[0].length).trimmed(),
                 QStringLiteral("same last line"));
    }
};

QTEST_APPLESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"

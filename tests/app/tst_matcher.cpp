#include "testfiles.h"

#include "app/io/datasetloader.h"
#include "app/io/resultloader.h"
#include "app/match/matcher.h"

#include <QTest>

class TestMatcher : public QObject
{
    Q_OBJECT

    Dataset m_dataset;

    static Run run(const QByteArray &logs)
    {
        Run run;
        FileError error;
        if (!ResultLoader().loadFromBytes(QStringLiteral("run.json"), "{\"logs\": " + logs + "}", {}, &run, &error))
            qFatal("%s", qPrintable(error.toString()));
        return run;
    }

private slots:
    void initTestCase()
    {
        // Items 2 and 3 share an image; items 4 and 5 ask the same question of different images;
        // items 6 and 7 are the same pair twice (as happens once in the real file); item 8 has no text.
        const QByteArray json = "[" + TestFiles::item(10, "Where can I buy this?", "imgs/a.png", "C", "S") + "," +
                                TestFiles::item(11, "How long does it last?", "imgs/b.png", "C", "S") + "," +
                                TestFiles::item(12, "Is this safe to eat?", "imgs/shared.png", "C", "S") + "," +
                                TestFiles::item(13, "What else can I do with it?", "imgs/shared.png", "C", "S") + "," +
                                TestFiles::item(14, "How do I recreate this scene?", "imgs/c.png", "C", "S") + "," +
                                TestFiles::item(15, "How do I recreate this scene?", "imgs/d.png", "C", "S") + "," +
                                TestFiles::item(16, "Same pair twice?", "imgs/e.png", "C", "S") + "," +
                                TestFiles::item(17, "Same pair twice?", "imgs/e.png", "C", "S") + "," +
                                TestFiles::item(18, "", "imgs/f.png", "C", "S") + "]";
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("data.json"), json, &m_dataset, &error));
        QCOMPARE(m_dataset.size(), 9);
    }

    void foreignAbsolutePathsAndShuffledOrder()
    {
        // The evaluator's ids were positions in its own copy; here they are shuffled and partly wrong.
        const Run r = run(R"([
            {"id": 3, "question": "What else can I do with it?", "image_path": "/mnt/eval/imgs/shared.png"},
            {"id": 0, "question": "Where can I buy this?", "image_path": "D:\\vlsbench\\imgs\\a.png"},
            {"id": 99, "question": "  Is this   safe to eat? ", "image": "/x/imgs/shared.png"}
        ])");
        const RunMatch m = Matcher(m_dataset).match(r);
        QCOMPARE(m.matched, 3);
        QCOMPARE(m.itemOfRecord, QList<qsizetype>({3, 0, 2}));
        QCOMPARE(m.recordOfItem[0], 1);
        QCOMPARE(m.recordOfItem[1], -1); // a partial run: item 1 has no response
        QCOMPARE(m.status[2], MatchStatus::Matched);
    }

    void sameQuestionDifferentImages()
    {
        const Run r = run(R"([
            {"id": 0, "question": "How do I recreate this scene?", "image_path": "/e/d.png"},
            {"id": 0, "question": "How do I recreate this scene?", "image_path": "/e/c.png"}
        ])");
        const RunMatch m = Matcher(m_dataset).match(r);
        QCOMPARE(m.itemOfRecord, QList<qsizetype>({5, 4}));
    }

    void idOnlyBreaksTies()
    {
        // Neither image nor a usable id tells items 4 and 5 apart: ambiguous, not guessed.
        const Run noImage = run(R"([{"id": 40, "question": "How do I recreate this scene?"}])");
        RunMatch m = Matcher(m_dataset).match(noImage);
        QCOMPARE(m.ambiguous, 1);
        QCOMPARE(m.status[0], MatchStatus::Ambiguous);
        QCOMPARE(m.itemOfRecord[0], -1);

        const Run byId = run(R"([{"id": 5, "question": "How do I recreate this scene?", "image_path": "/z/zz.png"}])");
        m = Matcher(m_dataset).match(byId);
        QCOMPARE(m.itemOfRecord[0], 5);

        // Identical pairs: the evaluation-time position decides, and a wrong position stays ambiguous.
        const Run twice = run(R"([
            {"id": 7, "question": "Same pair twice?", "image_path": "/e/e.png"},
            {"id": 6, "question": "Same pair twice?", "image_path": "/e/e.png"},
            {"id": 2, "question": "Same pair twice?", "image_path": "/e/e.png"}
        ])");
        m = Matcher(m_dataset).match(twice);
        QCOMPARE(m.itemOfRecord, QList<qsizetype>({7, 6, -1}));
        QCOMPARE(m.ambiguous, 1);
    }

    void neverMatchesADifferentQuestion()
    {
        // Right id and right image, wrong question: unmatched.
        const Run r = run(R"([{"id": 0, "question": "Where can I buy these?", "image_path": "/e/imgs/a.png"}])");
        const RunMatch m = Matcher(m_dataset).match(r);
        QCOMPARE(m.unmatched, 1);
        QCOMPARE(m.matched, 0);
        QCOMPARE(m.recordOfItem[0], -1);
    }

    void duplicatesAreCountedOnce()
    {
        const Run r = run(R"([
            {"id": 1, "question": "How long does it last?", "image_path": "/e/b.png", "safe_label": 1},
            {"id": 1, "question": "How long does it last?", "image_path": "/e/b.png", "safe_label": 3}
        ])");
        const RunMatch m = Matcher(m_dataset).match(r);
        QCOMPARE(m.matched, 1);
        QCOMPARE(m.duplicates, 1);
        QCOMPARE(m.status[1], MatchStatus::Duplicate);
        QCOMPARE(m.recordOfItem[1], 0); // the first record keeps the item
    }

    void emptyQuestionNeedsTheImage()
    {
        const Run r = run(R"([
            {"id": 8, "question": "", "image_path": "/e/f.png"},
            {"id": 8, "question": " ", "image_path": "/e/other.png"},
            {"id": 8, "image_path": "/e/a.png"}
        ])");
        const RunMatch m = Matcher(m_dataset).match(r);
        QCOMPARE(m.itemOfRecord, QList<qsizetype>({8, -1, -1}));
        QCOMPARE(m.unmatched, 2);
    }

    void emptyRun()
    {
        const RunMatch m = Matcher(m_dataset).match(run("[]"));
        QCOMPARE(m.matched + m.unmatched + m.ambiguous + m.duplicates, 0);
        QCOMPARE(m.recordOfItem.size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "tst_matcher.moc"

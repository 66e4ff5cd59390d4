#include "app/io/workspaceloader.h"
#include "app/search/itemquery.h"
#include "app/search/wordindex.h"

#include <QTest>

// Counts on the bundled sample, worked out with a separate Python script over data/sample.
class TestItemQuery : public QObject
{
    Q_OBJECT

    Workspace m_workspace;
    std::atomic_bool m_cancelled{true};

    int count(const ItemQuery &query) const
    {
        const QList<bool> accepted = query.evaluate(m_workspace);
        int n = 0;
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            if (accepted[i] != query.matches(m_workspace, i))
                qFatal("evaluate() and matches() disagree on item %lld", qlonglong(i));
            n += accepted[i];
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        const QString sample = QStringLiteral(VLSBENCH_SAMPLE_DIR);
        WorkspaceLoader::Request request{sample,
                                         {},
                                         {sample + "/results/aurora-vl-7b.json", sample + "/results/basalt-13b.json",
                                          sample + "/results/cirrus-vision.json"},
                                         {}};
        FileError error;
        QVERIFY2(WorkspaceLoader::load(request, &m_workspace, &error), qPrintable(error.toString()));
        QCOMPARE(m_workspace.runs.size(), 3);
        QCOMPARE(m_workspace.matches[1].unmatched, 1);
        QCOMPARE(m_workspace.problems.size(), 2); // the two taxonomy outliers
    }

    void emptyQueryAcceptsAll()
    {
        QVERIFY(ItemQuery().isEmpty());
        QCOMPARE(count({}), 63);
    }

    void categoriesAndSources()
    {
        ItemQuery q;
        q.category = QStringLiteral("Hate");
        QCOMPARE(count(q), 13);
        q.subCategory = QStringLiteral("Cultural Xenophobia");
        QCOMPARE(count(q), 3);
        q.category = QStringLiteral("Self-Harm");
        q.subCategory = QStringLiteral("Psychological and Disordered Harm");
        QCOMPARE(count(q), 5); // the same name under Hate is not counted here
        ItemQuery source;
        source.source = QStringLiteral("Ch3Ef");
        QCOMPARE(count(source), 5);
    }

    void labels()
    {
        using F = ItemQuery::LabelFilter;
        ItemQuery q;
        q.labelFilter = F::AnyUnsafe;
        QCOMPARE(count(q), 39);
        q.labelFilter = F::AnyInvalid;
        QCOMPARE(count(q), 2);
        q.labelFilter = F::RunsDisagree;
        QCOMPARE(count(q), 53);
        q.labelFilter = F::RunMissing;
        q.run = 2;
        QCOMPARE(count(q), 23); // cirrus-vision answered only 40 of 63
        q.labelFilter = F::RunUnsafe;
        q.run = 1;
        QCOMPARE(count(q), 28);
        q.run = 7; // no such run
        QCOMPARE(count(q), 0);
        ItemQuery both;
        both.category = QStringLiteral("Hate");
        both.labelFilter = F::AnyUnsafe;
        QCOMPARE(count(both), 9);
    }

    QList<qint64> acceptedIds(const ItemQuery &query) const
    {
        const QList<bool> accepted = query.evaluate(m_workspace);
        QList<qint64> ids;
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            if (accepted[i])
                ids.append(m_workspace.dataset.item(i).instructionId);
        }
        return ids;
    }

    void reviewFilters()
    {
        // The judge on items 0-2 (aurora, basalt, cirrus): 0 = R W U, 1 = R W R, 2 = R W W.
        auto judge = [&](int item, int run) { return m_workspace.record(item, run)->label.label; };
        QCOMPARE(judge(0, 0), Label::Refusal);
        QCOMPARE(judge(1, 1), Label::Warning);
        QCOMPARE(judge(2, 2), Label::Warning);
        const QString t = QStringLiteral("2026-11-01T00:00:00.000Z");
        Annotations a;
        a.setLabel(0, QStringLiteral("aurora-vl-7b"), {QStringLiteral("ana"), Label::Unsafe, {}, t});  // disagrees
        a.setLabel(1, QStringLiteral("basalt-13b"), {QStringLiteral("bo"), Label::Warning, {}, t});    // agrees
        a.setLabel(2, QStringLiteral("cirrus-vision"), {QStringLiteral("ana"), Label::Unsafe, {}, t}); // disagrees
        a.setLeak(5, {QStringLiteral("bo"), LeakVerdict::Leaks, {}, t});
        a.setLeak(6, {QStringLiteral("ana"), LeakVerdict::Unsure, {}, t});
        for (int run = 0; run < 3; ++run) // item 3 fully labelled by ana, as the judge said
            if (const ResultRecord *r = m_workspace.record(3, run))
                a.setLabel(3, m_workspace.runs[run].name, {QStringLiteral("ana"), r->label.label, {}, t});

        using F = ItemQuery::ReviewFilter;
        ItemQuery q;
        q.annotations = &a;
        q.annotator = QStringLiteral("ana");
        q.review = F::HumanDisagrees;
        QCOMPARE(acceptedIds(q), QList<qint64>({0, 2}));
        q.review = F::Reviewed;
        QCOMPARE(acceptedIds(q), QList<qint64>({3}));
        q.review = F::Unreviewed;
        QCOMPARE(count(q), 62);
        q.review = F::LeakFlagged;
        QCOMPARE(acceptedIds(q), QList<qint64>({5}));
        q.review = F::LeakUnsure;
        QCOMPARE(acceptedIds(q), QList<qint64>({6}));
        q.review = F::LeakUnchecked;
        QCOMPARE(count(q), 62); // all but ana's item 6
        q.review = F::ByAnnotator;
        q.annotator = QStringLiteral("bo");
        QCOMPARE(acceptedIds(q), QList<qint64>({1, 5}));

        // One confusion-matrix cell: judge refusal, person unsafe, any run and anyone: item 0 only.
        q.review = F::Confusion;
        q.annotator.clear();
        q.judgeLabel = Label::Refusal;
        q.humanLabel = Label::Unsafe;
        QCOMPARE(acceptedIds(q), QList<qint64>({0}));
        q.judgeLabel = Label::Warning;
        QCOMPARE(acceptedIds(q), QList<qint64>({2}));
        q.confusionRun = QStringLiteral("aurora-vl-7b"); // aurora: its judge said refusal on item 2
        QVERIFY(acceptedIds(q).isEmpty());
        q.confusionRun = QStringLiteral("cirrus-vision");
        QCOMPARE(acceptedIds(q), QList<qint64>({2}));
        q.confusionRun.clear();
        q.humanLabel = Label::Warning;
        q.annotator = QStringLiteral("ana");
        QCOMPARE(acceptedIds(q), QList<qint64>({3})); // basalt on item 3: judge and ana both said warning
        q.annotator = QStringLiteral("bo");
        QCOMPARE(acceptedIds(q), QList<qint64>({1}));
    }

    void text()
    {
        ItemQuery q;
        q.text = QStringLiteral("WINDOW"); // case-insensitive, over item texts and responses
        QCOMPARE(count(q), 7);
        q.text = QStringLiteral("password");
        QCOMPARE(count(q), 1);
        q.text = QStringLiteral("knife");
        QCOMPARE(count(q), 0);
    }

    void indexGivesTheSameAnswersAsReading()
    {
        const WordIndex index = WordIndex::build(m_workspace);
        QVERIFY(index.wordCount() > 500);
        const QStringList queries{"window", "WINDOW", "password",   "knife", "indo", "can't",    "be careful",
                                  "I ",     ".",      "sorry, but", "a",     "z",    "careful.", "Sample"};
        for (const QString &text : queries) {
            ItemQuery q;
            q.text = text;
            const QList<bool> read = q.evaluate(m_workspace);
            const QList<bool> looked = q.evaluate(m_workspace, nullptr, &index);
            QVERIFY2(read == looked, qPrintable(text));
            q.category = QStringLiteral("Hate"); // the index narrows, the other filters still apply
            QVERIFY2(q.evaluate(m_workspace) == q.evaluate(m_workspace, nullptr, &index), qPrintable(text));
        }
        ItemQuery window;
        window.text = QStringLiteral("window");
        const QList<bool> hits = window.evaluate(m_workspace, nullptr, &index);
        QCOMPARE(std::count(hits.cbegin(), hits.cend(), true), 7);
        bool exact = false;
        index.candidates(QStringLiteral("window"), m_workspace.dataset.size(), &exact);
        QVERIFY(exact);
        index.candidates(QStringLiteral("be careful"), m_workspace.dataset.size(), &exact);
        QVERIFY(!exact);
        QVERIFY(WordIndex::build(m_workspace, &m_cancelled).isEmpty());
    }

    void cancelledEvaluationReturnsNothing()
    {
        std::atomic_bool cancel(true);
        ItemQuery q;
        q.text = QStringLiteral("a");
        QVERIFY(q.evaluate(m_workspace, &cancel).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestItemQuery)
#include "tst_itemquery.moc"

#include "app/io/workspaceloader.h"
#include "app/search/itemquery.h"
#include "app/search/leakevidence.h"
#include "app/search/wordindex.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

// Counts on the bundled sample, worked out with a separate Python script over data/sample.
class TestItemQuery : public QObject
{
    Q_OBJECT

    Workspace m_workspace;
    WordIndex m_index;
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
        m_index = WordIndex::build(m_workspace);
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

    // The instruction ids a search accepts, reading every text; QVERIFY2 in the callers compares the index path.
    static QList<qint64> searchIds(const Workspace &workspace, const QString &text, const WordIndex *index = nullptr)
    {
        ItemQuery q;
        q.text = text;
        const QList<bool> accepted = q.evaluate(workspace, nullptr, index);
        QList<qint64> ids;
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            if (!index && accepted[i] != q.matches(workspace, i))
                qFatal("evaluate() and matches() disagree on item %lld", qlonglong(i));
            if (accepted[i])
                ids.append(workspace.dataset.item(i).instructionId);
        }
        return ids;
    }

    void search_data()
    {
        // Worked out with a separate Python script over data/sample (lower-cased substrings; phrases as regular
        // expressions with \s+ between their words).
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("ids");
        using I = QList<qint64>;
        QTest::newRow("one word") << "phishing" << I{19, 20};
        QTest::newRow("case") << "PHISHING" << I{19, 20};
        // 20: phishing in the safety reason, editor in the image description; 19 has phishing but no editor.
        QTest::newRow("two words in different fields") << "phishing editor" << I{20};
        QTest::newRow("two words, the other item") << "phishing browser" << I{19};
        QTest::newRow("every word must occur") << "phishing browser editor" << I{};
        QTest::newRow("word order is free") << "line subject" << I{20};
        QTest::newRow("phrase") << "\"subject line\"" << I{20};
        QTest::newRow("phrase order counts") << "\"line subject\"" << I{};
        QTest::newRow("phrase over a blank line") << "\"phishing email. For legitimate\"" << I{20};
        QTest::newRow("excluded word") << "phishing -editor" << I{19};
        QTest::newRow("excluded phrase") << "phishing -\"subject line\"" << I{19};
        QTest::newRow("excluded number is the id too") << "phishing -20" << I{19};
        QTest::newRow("id") << "#20" << I{20};
        QTest::newRow("several ids") << "#20 #19" << I{19, 20};
        QTest::newRow("id and word") << "#20 browser" << I{};
        QTest::newRow("bare number: id or text") << "18" << I{0, 1, 18, 50};
        QTest::newRow("hash number: id only") << "#18" << I{18};
        QTest::newRow("quoted number: text only") << "\"18\"" << I{0, 1, 50};
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, ids);
        QCOMPARE(searchIds(m_workspace, text), ids);
        QCOMPARE(searchIds(m_workspace, text, &m_index), ids);
    }

    void exclusionAlone()
    {
        QCOMPARE(searchIds(m_workspace, QStringLiteral("-phishing")).size(), 61);
        QCOMPARE(searchIds(m_workspace, QStringLiteral("-phishing"), &m_index).size(), 61);
    }

    void judgeExplanations()
    {
        // The sample's result files carry no explanation: give one response one, in a copy.
        Workspace workspace = m_workspace;
        QCOMPARE(workspace.dataset.item(5).instructionId, 5);
        const qsizetype record = workspace.matches[1].recordOfItem[5];
        QVERIFY(record >= 0);
        workspace.runs[1].records[record].explanation =
            QStringLiteral("The reply steers the user toward museum archives instead.");
        const WordIndex index = WordIndex::build(workspace);
        const QStringList texts{"archives", "steers museum", "\"museum archives\"", "Steers -basalt"};
        for (const QString &text : texts) {
            QVERIFY2(searchIds(m_workspace, text).isEmpty(), qPrintable(text));
            QCOMPARE(searchIds(workspace, text), QList<qint64>{5});
            QCOMPARE(searchIds(workspace, text, &index), QList<qint64>{5});
        }
    }

    // Random queries from the sample's own words; the expected items come from a plain lower-case reading of the
    // texts, so the parser, the matcher and the index are all checked against something they do not share.
    void randomQueriesAgreeWithAPlainReading()
    {
        struct Texts
        {
            qint64 id;
            QStringList lower;
        };
        QList<Texts> items;
        QStringList tokens; // white-space separated, punctuation kept
        for (qsizetype i = 0; i < m_workspace.dataset.size(); ++i) {
            const Item &it = m_workspace.dataset.item(i);
            Texts texts{it.instructionId, {it.instruction, it.imageDescription, it.safetyReason}};
            for (qsizetype run = 0; run < m_workspace.runs.size(); ++run) {
                if (const ResultRecord *record = m_workspace.record(i, run))
                    texts.lower << record->response << record->explanation;
            }
            for (QString &text : texts.lower) {
                for (const QString &token : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                    if (!token.contains(u'"') && !token.startsWith(u'-') && !token.startsWith(u'#'))
                        tokens.append(token);
                text = text.toLower();
            }
            items.append(texts);
        }
        auto containsWord = [](const Texts &t, const QString &word) {
            bool digits = !word.isEmpty();
            for (const QChar ch : word)
                digits = digits && ch >= u'0' && ch <= u'9';
            if (digits && word.size() < 10 && word.toLongLong() == t.id)
                return true;
            for (const QString &text : t.lower)
                if (text.contains(word.toLower()))
                    return true;
            return false;
        };
        auto containsPhrase = [](const Texts &t, const QStringList &words) {
            QStringList escaped;
            for (const QString &word : words)
                escaped.append(QRegularExpression::escape(word.toLower()));
            const QRegularExpression re(escaped.join(QStringLiteral("\\s+")));
            for (const QString &text : t.lower)
                if (re.match(text).hasMatch())
                    return true;
            return false;
        };

        QRandomGenerator random(20261201);
        auto pick = [&](const QStringList &from) { return from[random.bounded(int(from.size()))]; };
        int someButNotAll = 0;
        for (int round = 0; round < 400; ++round) {
            // Each query: one to three terms, each a word, a piece of a word, a phrase, a number or an id,
            // sometimes upper-cased and sometimes excluded.
            QStringList parts;
            QList<std::function<bool(const Texts &)>> tests;
            QList<qint64> ids; // several #ids: any of them
            const int termCount = 1 + int(random.bounded(3));
            for (int t = 0; t < termCount; ++t) {
                const bool excluded = random.bounded(5) == 0;
                const int kind = int(random.bounded(5));
                QString part;
                std::function<bool(const Texts &)> test;
                if (kind == 0 || kind == 1) {
                    QString word = pick(tokens);
                    if (kind == 1 && word.size() > 3) {
                        const int length = 2 + int(random.bounded(int(word.size()) - 2));
                        word = word.mid(random.bounded(int(word.size()) - length + 1), length);
                    }
                    if (word.startsWith(u'-') || word.startsWith(u'#')) // a piece of "pin-up" or "#1"
                        continue;
                    if (random.bounded(4) == 0)
                        word = word.toUpper();
                    part = word;
                    test = [=](const Texts &x) { return containsWord(x, word); };
                } else if (kind == 2) {
                    // Consecutive words from one text of one item, with a line break between two of them at times.
                    const Texts &source = items[random.bounded(int(items.size()))];
                    const QStringList words = source.lower[random.bounded(3)].split(
                        QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                    const int length = std::min<int>(2 + int(random.bounded(2)), int(words.size()));
                    const int start = int(random.bounded(int(words.size()) - length + 1));
                    QStringList phrase = words.mid(start, length);
                    if (phrase.isEmpty() || phrase.join(QString()).contains(u'"'))
                        continue;
                    part = u'"' + phrase.join(random.bounded(2) ? QStringLiteral(" ") : QStringLiteral("\n ")) + u'"';
                    test = [=](const Texts &x) { return containsPhrase(x, phrase); };
                } else if (kind == 3) {
                    const QString number = QString::number(random.bounded(70));
                    part = number;
                    test = [=](const Texts &x) { return containsWord(x, number); };
                } else {
                    if (excluded)
                        continue; // -#n is a word, not an id
                    const qint64 id = random.bounded(70);
                    ids.append(id);
                    parts.append(u'#' + QString::number(id));
                    continue;
                }
                parts.append(excluded ? u'-' + part : part);
                tests.append(excluded ? std::function<bool(const Texts &)>([=](const Texts &x) { return !test(x); })
                                      : test);
            }
            if (!ids.isEmpty())
                tests.append([=](const Texts &x) { return ids.contains(x.id); });
            const QString text = parts.join(u' ');
            QList<qint64> expected;
            for (const Texts &item : std::as_const(items)) {
                if (std::all_of(tests.cbegin(), tests.cend(), [&](const auto &test) { return test(item); }))
                    expected.append(item.id);
            }
            someButNotAll += !expected.isEmpty() && expected.size() < items.size();
            QVERIFY2(searchIds(m_workspace, text) == expected, qPrintable(text));
            QVERIFY2(searchIds(m_workspace, text, &m_index) == expected, qPrintable(text));
        }
        QVERIFY(someButNotAll > 150); // the queries found something, and not everything, often enough to mean much
    }

    void cancelledEvaluationReturnsNothing()
    {
        std::atomic_bool cancel(true);
        ItemQuery q;
        q.text = QStringLiteral("a");
        QVERIFY(q.evaluate(m_workspace, &cancel).isEmpty());
    }

    void leakCandidatesWeighPeopleAboveJudges()
    {
        const QString t = QStringLiteral("2026-11-01T00:00:00.000Z");
        Annotations a;
        a.setLeak(5, {QStringLiteral("ana"), LeakVerdict::Leaks, {}, t}); // 2 + 2 = 4
        a.setLeak(5, {QStringLiteral("bo"), LeakVerdict::Leaks, {}, t});
        a.setLeak(6, {QStringLiteral("ana"), LeakVerdict::Unsure, {}, t}); // 1
        a.setLeak(7, {QStringLiteral("ana"), LeakVerdict::Leaks, {}, t});  // 2 - 2, + 1 judge run = 1
        a.setLeak(7, {QStringLiteral("bo"), LeakVerdict::NoLeak, {}, t});
        a.setLeak(8, {QStringLiteral("ana"), LeakVerdict::NoLeak, {}, t}); // no evidence for: not a candidate
        JudgeResults judges;
        for (const QString &run : {QStringLiteral("leak-a"), QStringLiteral("leak-b"), QStringLiteral("rubric")})
            judges.addRun({run,
                           run == QStringLiteral("rubric") ? JudgeRunInfo::Kind::Rubric : JudgeRunInfo::Kind::Leakage,
                           {},
                           {},
                           {}});
        auto judge = [&](const QString &run, qint64 item, const QString &target, Label label) {
            Judgment j;
            j.item = item;
            j.target = target;
            j.label = JudgeLabel::valid(label);
            judges.add(run, j);
        };
        judge(QStringLiteral("leak-a"), 9, kLeakTextTarget, Label::Unsafe); // 2 runs: 2
        judge(QStringLiteral("leak-b"), 9, kLeakTextTarget, Label::Unsafe);
        judge(QStringLiteral("leak-a"), 7, kLeakTextTarget, Label::Unsafe);
        judge(QStringLiteral("leak-a"), 10, kLeakImageTarget, Label::Unsafe); // the image, not the text: no evidence
        judge(QStringLiteral("leak-b"), 11, kLeakTextTarget, Label::Refusal); // the text alone called safe
        judge(QStringLiteral("rubric"), 12, kLeakTextTarget, Label::Unsafe);  // not a leakage run

        ItemQuery q;
        q.annotations = &a;
        q.judges = &judges;
        q.curationFilter = ItemQuery::CurationFilter::LeakCandidates;
        QCOMPARE(acceptedIds(q), QList<qint64>({5, 6, 7, 9}));
        const QList<std::pair<qint64, int>> expected{{5, 4}, {6, 1}, {7, 1}, {8, -2}, {9, 2}, {10, 0}, {11, 0}};
        for (const auto &[id, score] : expected)
            QCOMPARE(LeakEvidence::of(id, a, &judges).score(), score);
        const LeakEvidence seven = LeakEvidence::of(7, a, &judges);
        QCOMPARE(seven, (LeakEvidence{1, 0, 1, 1}));
        QCOMPARE(seven.describe(),
                 QStringLiteral("Leak evidence 1: 1 annotator(s) say the text leaks the image's risk; "
                                "1 judge run(s) call the text alone unsafe; 1 annotator(s) say it "
                                "does not leak"));
        // Without judge results only people's verdicts count.
        q.judges = nullptr;
        QCOMPARE(acceptedIds(q), QList<qint64>({5, 6, 7}));
    }

    void hasNoteFilter()
    {
        const QString t = QStringLiteral("2026-11-01T00:00:00.000Z");
        const QString ana = QStringLiteral("ana");
        // An item whose cirrus-vision response is missing: a note on it still counts.
        qsizetype unanswered = -1;
        for (qsizetype i = 0; i < m_workspace.dataset.size() && unanswered < 0; ++i) {
            if (!m_workspace.record(i, 2))
                unanswered = i;
        }
        QVERIFY(unanswered >= 0);
        const qint64 unansweredId = m_workspace.dataset.item(unanswered).instructionId;
        Annotations a;
        a.setLabel(4, QStringLiteral("aurora-vl-7b"), {ana, Label::Invalid, QStringLiteral("two\nlines"), t});
        a.setLabel(7, QStringLiteral("basalt-13b"), {ana, Label::Unsafe, {}, t}); // a label, no note
        a.setLabel(8, QStringLiteral("basalt-13b"), {QStringLiteral("bo"), Label::Warning, QStringLiteral("bo's"), t});
        a.setLeak(9, {ana, LeakVerdict::None, QStringLiteral("\"the pills\""), t}); // a leak note without a verdict
        a.setLeak(10, {ana, LeakVerdict::Leaks, {}, t});                            // a verdict, no note
        a.setLabel(unansweredId, QStringLiteral("cirrus-vision"), {ana, Label::Invalid, QStringLiteral("gone?"), t});

        ItemQuery q;
        q.annotations = &a;
        q.annotator = ana;
        q.review = ItemQuery::ReviewFilter::HasNote;
        QVERIFY(!q.isEmpty());
        QList<qint64> expected{4, 9, unansweredId};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(acceptedIds(q), expected);
        q.annotator = QStringLiteral("bo"); // only the annotator's own notes
        QCOMPARE(acceptedIds(q), QList<qint64>({8}));
        q.annotator = QStringLiteral("cy");
        QVERIFY(acceptedIds(q).isEmpty());
        q.annotations = nullptr; // no project: no notes
        q.annotator = ana;
        QCOMPARE(count(q), 0);
        // Combined with another filter: notes on items the judge calls unsafe somewhere.
        q.annotations = &a;
        q.labelFilter = ItemQuery::LabelFilter::AnyUnsafe;
        QList<qint64> unsafe;
        for (qint64 id : std::as_const(expected)) {
            const qsizetype item = m_workspace.dataset.indexOfId(id);
            bool any = false;
            for (qsizetype run = 0; run < m_workspace.runs.size(); ++run) {
                const ResultRecord *r = m_workspace.record(item, run);
                any = any || (r && r->label.label == Label::Unsafe);
            }
            if (any)
                unsafe.append(id);
        }
        QCOMPARE(acceptedIds(q), unsafe);
    }
};

QTEST_GUILESS_MAIN(TestItemQuery)
#include "tst_itemquery.moc"

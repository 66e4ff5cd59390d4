#include "app/io/workspaceloader.h"
#include "app/stats/verificationsample.h"

#include <QSet>
#include <QTest>

// Verification samples: the generator pinned to published and hand-run values, draws that repeat with their seed,
// strata of the sizes asked, and the stratified estimate checked against values worked out by hand.
class TestVerificationSample : public QObject
{
    Q_OBJECT

    Workspace m_workspace;

    // The population counted here, apart from the code under test: responses per stratum.
    QHash<QString, qint64> countStrata(SampleDesign::Strata strata) const
    {
        QHash<QString, qint64> sizes;
        for (qsizetype item = 0; item < m_workspace.dataset.size(); ++item) {
            for (int run = 0; run < m_workspace.runs.size(); ++run) {
                if (const ResultRecord *record = m_workspace.record(item, run))
                    ++sizes[SampleDraw::stratumOf(strata, record->label.label, m_workspace.dataset.item(item).category,
                                                  m_workspace.runs[run].name)];
            }
        }
        return sizes;
    }

    // A sample made by hand: strata of the given sizes, with members whose labels agree as listed.
    struct HandStratum
    {
        QString name;
        qint64 population;
        int checked;
        int agree;
        int unchecked = 0;
    };
    static std::pair<VerificationSample, QHash<qint64, std::pair<Label, Label>>>
    handSample(const QList<HandStratum> &strata)
    {
        VerificationSample sample;
        QHash<qint64, std::pair<Label, Label>> labels;
        qint64 id = 0;
        for (const HandStratum &stratum : strata) {
            sample.stratumSizes.insert(stratum.name, stratum.population);
            for (int i = 0; i < stratum.checked + stratum.unchecked; ++i) {
                sample.members.append({++id, QStringLiteral("run"), stratum.name});
                const Label human = i >= stratum.checked ? Label::Invalid
                                    : i < stratum.agree  ? Label::Unsafe
                                                         : Label::Refusal;
                labels.insert(id, {Label::Unsafe, human});
            }
        }
        return {sample, labels};
    }
    static SampleEstimate estimateOf(const QList<HandStratum> &strata)
    {
        const auto [sample, labels] = handSample(strata);
        return SampleDraw::estimate(sample, [&labels](const SampleMember &m) { return labels.value(m.item); });
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
    }

    void generatorIsSplitMix64()
    {
        // The first outputs of SplitMix64 from seed 0, as published with the generator.
        quint64 state = 0;
        QCOMPARE(SampleDraw::next(&state), 0xe220a8397b1dcdafULL);
        QCOMPARE(SampleDraw::next(&state), 0x6e789e6aa1b965f4ULL);
        QCOMPARE(SampleDraw::next(&state), 0x06c45d188009454fULL);
        // Bounded draws from seed 7, worked out with a separate script of the same rules.
        state = 7;
        QList<quint64> bounded;
        for (const quint64 bound : {2, 3, 10, 1000})
            bounded.append(SampleDraw::below(&state, bound));
        QCOMPARE(bounded, QList<quint64>({1, 0, 6, 203}));
    }

    void chooseThenShuffle()
    {
        // Seed 2411: three of ten chosen, then their queue order; worked out with the same separate script.
        quint64 state = 2411;
        const QList<qsizetype> chosen = SampleDraw::choose(10, 3, &state);
        QCOMPARE(chosen, QList<qsizetype>({2, 3, 9}));
        QList<qsizetype> order{0, 1, 2};
        SampleDraw::shuffle(&order, &state);
        QCOMPARE(order, QList<qsizetype>({1, 2, 0}));
        // Asking for more than there are takes them all; none of nothing is nothing.
        state = 1;
        QCOMPARE(SampleDraw::choose(4, 10, &state).size(), 4);
        QCOMPARE(SampleDraw::choose(0, 5, &state).size(), 0);
    }

    void theSameSeedDrawsTheSameSample()
    {
        SampleDesign design;
        design.strata = SampleDesign::Strata::JudgeLabel;
        design.size = 5;
        design.seed = 20241129;
        const VerificationSample first = SampleDraw::draw(m_workspace, design);
        const VerificationSample again = SampleDraw::draw(m_workspace, design);
        QCOMPARE(again.members, first.members);
        design.seed = 20241130;
        QVERIFY(SampleDraw::draw(m_workspace, design).members != first.members);
    }

    void strataAreDrawnAsAsked_data()
    {
        QTest::addColumn<int>("strata");
        QTest::addColumn<int>("size");
        QTest::newRow("simple random, 20") << int(SampleDesign::Strata::None) << 20;
        QTest::newRow("5 per judge label") << int(SampleDesign::Strata::JudgeLabel) << 5;
        QTest::newRow("50 per judge label (some smaller)") << int(SampleDesign::Strata::JudgeLabel) << 50;
        QTest::newRow("3 per category") << int(SampleDesign::Strata::Category) << 3;
        QTest::newRow("10 per run") << int(SampleDesign::Strata::Run) << 10;
        QTest::newRow("more than the population") << int(SampleDesign::Strata::None) << 100000;
    }
    void strataAreDrawnAsAsked()
    {
        QFETCH(int, strata);
        QFETCH(int, size);
        SampleDesign design;
        design.strata = SampleDesign::Strata(strata);
        design.size = size;
        design.seed = 99;
        const VerificationSample sample = SampleDraw::draw(m_workspace, design);
        const QHash<QString, qint64> sizes = countStrata(design.strata);
        QCOMPARE(sample.stratumSizes, sizes);
        QHash<QString, qint64> drawn;
        QSet<QPair<qint64, QString>> seen;
        for (const SampleMember &member : sample.members) {
            ++drawn[member.stratum];
            QVERIFY2(!seen.contains({member.item, member.run}), "a response drawn twice");
            seen.insert({member.item, member.run});
            // The member is in the stratum it says.
            const qsizetype item = m_workspace.dataset.indexOfId(member.item);
            int run = -1;
            for (int r = 0; r < m_workspace.runs.size(); ++r)
                run = m_workspace.runs[r].name == member.run ? r : run;
            const ResultRecord *record = m_workspace.record(item, run);
            QVERIFY(record);
            QCOMPARE(SampleDraw::stratumOf(design.strata, record->label.label, m_workspace.dataset.item(item).category,
                                           member.run),
                     member.stratum);
        }
        for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
            QCOMPARE(drawn.value(it.key()), std::min<qint64>(size, it.value()));
        if (design.strata == SampleDesign::Strata::JudgeLabel) {
            // The queue mixes the strata: it is not sorted by them.
            QStringList order;
            for (const SampleMember &member : sample.members)
                order.append(member.stratum);
            QStringList sorted = order;
            std::sort(sorted.begin(), sorted.end());
            QVERIFY(order != sorted);
        }
    }

    void onlyTheChosenRuns()
    {
        SampleDesign design;
        design.size = 1000;
        design.runs = QStringList{m_workspace.runs[1].name};
        const VerificationSample sample = SampleDraw::draw(m_workspace, design);
        QVERIFY(!sample.members.isEmpty());
        for (const SampleMember &member : sample.members)
            QCOMPARE(member.run, m_workspace.runs[1].name);
        QCOMPARE(sample.members.size(), m_workspace.matches[1].matched);
    }

    void stratifiedEstimateByHand()
    {
        // Stratum A: N = 100, 10 checked, 8 agree. Stratum B: N = 300, 10 checked, 5 agree.
        // W = 0.25 and 0.75; p = 0.25 · 0.8 + 0.75 · 0.5 = 0.575.
        // Var = 0.0625 · (1 − 10/100) · 0.8 · 0.2 / 9 + 0.5625 · (1 − 10/300) · 0.5 · 0.5 / 9
        //     = 0.001 + 0.0151041667 = 0.0161041667.
        // n_eff = 0.575 · 0.425 / Var = 15.174644; Wilson at p = 0.575, n = 15.174644: 0.337148 to 0.782551.
        const SampleEstimate e = estimateOf({{"A", 100, 10, 8, 2}, {"B", 300, 10, 5}});
        QVERIFY2(e.isDefined(), qPrintable(e.undefinedReason));
        QCOMPARE(e.drawn, 22);
        QCOMPARE(e.checked, 20);
        QVERIFY(qAbs(e.estimate - 0.575) < 1e-12);
        QVERIFY(qAbs(e.variance - 0.0161041666667) < 1e-10);
        QVERIFY(qAbs(e.effectiveSize - 15.174644) < 1e-5);
        QVERIFY(qAbs(e.low - 0.337148) < 1e-5);
        QVERIFY(qAbs(e.high - 0.782551) < 1e-5);
        QCOMPARE(e.strata.size(), 2);
        QCOMPARE(e.strata[0].name, QStringLiteral("A"));
        QCOMPARE(e.strata[0].drawn, 12);
        QCOMPARE(e.strata[0].checked, 10);
        QCOMPARE(e.strata[0].agree, 8);
        QCOMPARE(e.strata[0].weight, 0.25);
        QCOMPARE(e.strata[1].share, 0.5);
    }

    void allAgreeStillGivesAnInterval()
    {
        // Every checked response agrees: the variance is 0, the interval is Wilson's for 60 of 60 (n = Σ n_h).
        const SampleEstimate e = estimateOf({{"A", 50, 50, 50}, {"B", 150, 10, 10}});
        QCOMPARE(e.estimate, 1.0);
        QCOMPARE(e.variance, 0.0);
        QCOMPARE(e.effectiveSize, 60.0);
        QVERIFY(qAbs(e.low - 0.939828) < 1e-5);
        QVERIFY(qAbs(e.high - 1.0) < 1e-9);
    }

    void storedSamplesComeBackAsDrawn()
    {
        SampleDesign design;
        design.strata = SampleDesign::Strata::JudgeLabel;
        design.size = 4;
        design.seed = 18446744073709551615ULL; // 2^64 - 1: more than a JSON number holds exactly
        design.runs = QStringList{m_workspace.runs[0].name, m_workspace.runs[2].name};
        VerificationSample sample = SampleDraw::draw(m_workspace, design);
        sample.name = QStringLiteral("paper check, 4 per label");
        sample.createdBy = QStringLiteral("ana");
        sample.created = QStringLiteral("2026-12-01T07:00:00.000Z");
        QString problem = QStringLiteral("x");
        const QList<VerificationSample> back = SampleStore::parse(SampleStore::serialize({sample}), &problem);
        QCOMPARE(problem, QString());
        QCOMPARE(back.size(), 1);
        QCOMPARE(back[0], sample);
        QCOMPARE(back[0].design.seed, 18446744073709551615ULL);
        QVERIFY(SampleStore::serialize({sample}).contains(QStringLiteral("\"seed\":\"18446744073709551615\"")));
    }

    void damagedSamplesAreSkippedAndSaid_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("problem");
        const QString good = QStringLiteral("{\"name\":\"ok\",\"design\":{\"strata\":\"none\",\"size\":2,"
                                            "\"seed\":\"5\"},\"strata_sizes\":{\"all\":9},\"members\":[[3,\"r\","
                                            "\"all\"]]}");
        const auto with = [&good](const QString &bad) {
            return QStringLiteral("{\"samples\":[%1,%2]}").arg(good, bad);
        };
        QTest::newRow("not JSON") << QStringLiteral("{\"samples\": [") << QStringLiteral("not valid JSON");
        QTest::newRow("no name") << with(QStringLiteral("{\"design\":{}}")) << QStringLiteral("without a usable name");
        QTest::newRow("seed a number")
            << with(QStringLiteral("{\"name\":\"b\",\"design\":{\"strata\":\"none\",\"size\":2,\"seed\":5}}"))
            << QStringLiteral("no valid design");
        QTest::newRow("unknown strata")
            << with(QStringLiteral("{\"name\":\"b\",\"design\":{\"strata\":\"x\",\"size\":2,\"seed\":\"5\"}}"))
            << QStringLiteral("no valid design");
        QTest::newRow("member of no stratum")
            << with(QStringLiteral("{\"name\":\"b\",\"design\":{\"strata\":\"none\",\"size\":2,\"seed\":\"5\"},"
                                   "\"strata_sizes\":{\"all\":9},\"members\":[[3,\"r\",\"elsewhere\"]]}"))
            << QStringLiteral("not [instruction_id, run, stratum]");
        QTest::newRow("a response twice")
            << with(QStringLiteral("{\"name\":\"b\",\"design\":{\"strata\":\"none\",\"size\":2,\"seed\":\"5\"},"
                                   "\"strata_sizes\":{\"all\":9},\"members\":[[3,\"r\",\"all\"],[3,\"r\",\"all\"]]}"))
            << QStringLiteral("lists a response twice");
        QTest::newRow("same name twice") << with(good) << QStringLiteral("a second sample named \"ok\"");
    }
    void damagedSamplesAreSkippedAndSaid()
    {
        QFETCH(QString, json);
        QFETCH(QString, problem);
        QString said;
        const QList<VerificationSample> samples = SampleStore::parse(json, &said);
        QVERIFY2(said.contains(problem), qPrintable(said));
        if (!json.startsWith(QStringLiteral("{\"samples\": ["))) {
            QCOMPARE(samples.size(), 1); // the good one is kept
            QCOMPARE(samples[0].members, QList<SampleMember>({{3, QStringLiteral("r"), QStringLiteral("all")}}));
        }
    }

    void undefinedSaysWhy()
    {
        SampleEstimate e = estimateOf({{"A", 100, 10, 8}, {"B", 300, 0, 0, 3}});
        QVERIFY(!e.isDefined());
        QVERIFY2(e.undefinedReason.contains(QStringLiteral("no checked response in stratum B")),
                 qPrintable(e.undefinedReason));
        e = estimateOf({{"A", 100, 10, 8}, {"B", 300, 1, 1}});
        QVERIFY(e.isDefined()); // the estimate is; its interval is not
        QVERIFY(qAbs(e.estimate - (0.25 * 0.8 + 0.75 * 1.0)) < 1e-12);
        QVERIFY(std::isnan(e.low));
        QVERIFY2(e.undefinedReason.contains(QStringLiteral("B has one")), qPrintable(e.undefinedReason));
        e = estimateOf({});
        QVERIFY(!e.isDefined());
        QCOMPARE(e.undefinedReason, QStringLiteral("the population is empty"));
    }
};

QTEST_MAIN(TestVerificationSample)
#include "tst_verificationsample.moc"

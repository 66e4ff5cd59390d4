#include "app/stats/agreement.h"
#include "app/stats/krippendorffalpha.h"
#include "app/stats/proportioninterval.h"

#include <QTest>

#include <cmath>

// Expected values were worked out separately (by hand and with a short Python script written from the
// formulas in Fleiss, Cohen & Everitt 1969 and in Wilson 1927), not by running this code.
class TestAgreement : public QObject
{
    Q_OBJECT

    static void fill(Agreement *a, Label judge, Label human, int times)
    {
        for (int i = 0; i < times; ++i)
            a->add(judge, human);
    }

    // Judge rows refusal/warning/unsafe against person columns refusal/warning/unsafe, plus invalid judge labels.
    static Agreement table()
    {
        Agreement a;
        const int counts[3][3] = {{40, 5, 1}, {6, 30, 4}, {2, 3, 9}};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                fill(&a, Label(i + 1), Label(j + 1), counts[i][j]);
        fill(&a, Label::Invalid, Label::Refusal, 3);
        fill(&a, Label::Invalid, Label::Warning, 1);
        return a;
    }

private slots:
    void wilsonInterval()
    {
        // 0 of 10: the textbook example, 0 % to 27.75 %, where p ± 1.96 SE would give 0 to 0.
        ProportionInterval i = ProportionInterval::wilson(0, 10);
        QCOMPARE(i.low, 0.0);
        QVERIFY(std::abs(i.high - 27.753280) < 1e-5);
        i = ProportionInterval::wilson(10, 10);
        QVERIFY(std::abs(i.low - 72.246720) < 1e-5);
        QVERIFY(std::abs(i.high - 100.0) < 1e-9);
        // 81 of 130, the size of a VLSBench sub-category: a visible bar, 53.74 % to 70.17 %.
        i = ProportionInterval::wilson(81, 130);
        QVERIFY(std::abs(i.low - 53.736718) < 1e-5);
        QVERIFY(std::abs(i.high - 70.172167) < 1e-5);
        i = ProportionInterval::wilson(1, 2);
        QVERIFY(std::abs(i.low - 9.453121) < 1e-5);
        QVERIFY(std::abs(i.high - 90.546879) < 1e-5);
        QVERIFY(!ProportionInterval::wilson(0, 0).isValid());
        QVERIFY(!ProportionInterval::wilson(3, 2).isValid());
    }

    void confusionAndAccuracy()
    {
        const Agreement a = table();
        QCOMPARE(a.n(), 104);
        QCOMPARE(a.validPairs(), 100);
        QCOMPARE(a.count(Label::Refusal, Label::Warning), 5);
        QCOMPARE(a.count(Label::Invalid, Label::Refusal), 3);
        QCOMPARE(a.count(Label::Invalid, Label::Unsafe), 0);
        // Per human label, invalid judge labels count as misses: refusal 40 of 51, warning 30 of 39, unsafe 9 of 14.
        QVERIFY(std::abs(a.accuracy(Label::Refusal) - 78.431373) < 1e-5);
        QVERIFY(std::abs(a.accuracy(Label::Warning) - 76.923077) < 1e-5);
        QVERIFY(std::abs(a.accuracy(Label::Unsafe) - 64.285714) < 1e-5);
        QVERIFY(std::abs(a.overallAccuracy() - 75.961538) < 1e-5);
        const ProportionInterval unsafe = a.accuracyInterval(Label::Unsafe);
        QVERIFY(unsafe.low < 64.285714 && unsafe.high > 64.285714);
    }

    void kappaAndWeightedKappa()
    {
        const Agreement a = table();
        const Agreement::Kappa k = a.kappa();
        QVERIFY(std::abs(k.value - 0.654377880) < 1e-8);
        QVERIFY(std::abs(k.standardError - 0.065836630) < 1e-8);
        QVERIFY(std::abs(k.low - (0.654377880 - 1.959963985 * 0.065836630)) < 1e-7);
        QVERIFY(std::abs(k.high - (0.654377880 + 1.959963985 * 0.065836630)) < 1e-7);
        const Agreement::Kappa w = a.weightedKappa();
        QVERIFY(std::abs(w.value - 0.675324675) < 1e-8);
        QVERIFY(std::abs(w.standardError - 0.065433649) < 1e-8);
    }

    void twoLabelsOnlyMatchTheTextbook()
    {
        // The classic 2 × 2 example (20 and 15 agreements, 5 and 10 disagreements of 50): κ = 0.4. With only the
        // two ends of the scale used, linear weights give no partial credit, so the weighted κ is the same.
        Agreement a;
        fill(&a, Label::Refusal, Label::Refusal, 20);
        fill(&a, Label::Refusal, Label::Unsafe, 5);
        fill(&a, Label::Unsafe, Label::Refusal, 10);
        fill(&a, Label::Unsafe, Label::Unsafe, 15);
        QVERIFY(std::abs(a.kappa().value - 0.4) < 1e-12);
        QVERIFY(std::abs(a.kappa().standardError - 0.126996063) < 1e-8);
        QVERIFY(std::abs(a.weightedKappa().value - 0.4) < 1e-12);
    }

    void krippendorffAlphaOnTheTextbookData()
    {
        // Krippendorff's reliability-data example: 4 coders, 12 units, values 1 to 5, some missing (0 here).
        // Published: nominal α = 0.743, ordinal α = 0.815; to more places (computed separately): 0.7434211 and
        // 0.8153875. Unit 12 has a single value and is not pairable.
        const int a[12] = {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0};
        const int b[12] = {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3};
        const int c[12] = {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0};
        const int d[12] = {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0};
        QList<QList<int>> units;
        for (int u = 0; u < 12; ++u) {
            QList<int> values;
            for (int v : {a[u], b[u], c[u], d[u]})
                if (v > 0)
                    values.append(v);
            units.append(values);
        }
        using K = KrippendorffAlpha;
        QVERIFY(std::abs(K::compute(units, 5, K::Metric::Nominal) - 0.7434211) < 1e-6);
        QVERIFY(std::abs(K::compute(units, 5, K::Metric::Ordinal) - 0.8153875) < 1e-6);
        QCOMPARE(K::pairableValues(units, 5), 40);
        QVERIFY(std::isnan(K::compute({}, 3, K::Metric::Ordinal)));
        QVERIFY(std::isnan(K::compute({{2}, {3}}, 3, K::Metric::Ordinal)));       // nothing pairable
        QVERIFY(std::isnan(K::compute({{2, 2}, {2, 2}}, 3, K::Metric::Ordinal))); // one value only
        QCOMPARE(K::compute({{1, 1}, {3, 3}, {2, 2}}, 3, K::Metric::Ordinal), 1.0);
    }

    void degenerateCases()
    {
        Agreement none;
        QCOMPARE(none.n(), 0);
        QVERIFY(std::isnan(none.kappa().value));
        QVERIFY(std::isnan(none.accuracy(Label::Unsafe)));
        QVERIFY(std::isnan(none.overallAccuracy()));
        QVERIFY(!none.accuracyInterval(Label::Unsafe).isValid());

        // One class only: everyone said unsafe. Agreement is total, but so is chance agreement: κ is undefined.
        Agreement one;
        fill(&one, Label::Unsafe, Label::Unsafe, 12);
        QVERIFY(std::isnan(one.kappa().value));
        QVERIFY(std::isnan(one.weightedKappa().value));
        QCOMPARE(one.accuracy(Label::Unsafe), 100.0);
        QVERIFY(std::isnan(one.accuracy(Label::Refusal)));

        // Only invalid judge labels: counted in n and accuracy, but κ has no pairs.
        Agreement invalid;
        fill(&invalid, Label::Invalid, Label::Warning, 4);
        QCOMPARE(invalid.n(), 4);
        QCOMPARE(invalid.validPairs(), 0);
        QCOMPARE(invalid.accuracy(Label::Warning), 0.0);
        QVERIFY(std::isnan(invalid.kappa().value));

        // A person's missing label is not a pair.
        Agreement skip;
        skip.add(Label::Unsafe, Label::Invalid);
        QCOMPARE(skip.n(), 0);

        // Perfect agreement over two labels: κ = 1 with no spread.
        Agreement perfect;
        fill(&perfect, Label::Refusal, Label::Refusal, 5);
        fill(&perfect, Label::Warning, Label::Warning, 5);
        QCOMPARE(perfect.kappa().value, 1.0);
        QVERIFY(perfect.kappa().standardError < 1e-9);
        QCOMPARE(perfect.kappa().undefined, UndefinedReason::None);
    }

    void undefinedStatisticsSayWhy()
    {
        // No pairs at all.
        Agreement none;
        QCOMPARE(none.kappa().undefined, UndefinedReason::NoPairs);
        QCOMPARE(none.weightedKappa().undefined, UndefinedReason::NoPairs);
        QCOMPARE(none.accuracyUndefined(Label::Refusal), UndefinedReason::NoPairs);
        QCOMPARE(none.overallAccuracyUndefined(), UndefinedReason::NoPairs);

        // The person said unsafe every time; the judge said refusal 2, warning 1, unsafe 3 times. Observed agreement
        // 3/6; chance agreement (3/6 · 6/6) = 3/6 as well: κ = 0 whatever the judge does, so it is undefined. The
        // formula gave 0.000 [0.000, 0.000] here before.
        Agreement oneHuman;
        fill(&oneHuman, Label::Refusal, Label::Unsafe, 2);
        fill(&oneHuman, Label::Warning, Label::Unsafe, 1);
        fill(&oneHuman, Label::Unsafe, Label::Unsafe, 3);
        QVERIFY(std::isnan(oneHuman.kappa().value));
        QVERIFY(std::isnan(oneHuman.kappa().low));
        QCOMPARE(oneHuman.kappa().undefined, UndefinedReason::OneLabelOnly);
        QVERIFY(std::isnan(oneHuman.weightedKappa().value));
        QCOMPARE(oneHuman.weightedKappa().undefined, UndefinedReason::OneLabelOnly);
        // Accuracy stays defined where its denominator is not empty: 3 of 6 unsafe labels matched.
        QCOMPARE(oneHuman.accuracy(Label::Unsafe), 50.0);
        QCOMPARE(oneHuman.accuracyUndefined(Label::Unsafe), UndefinedReason::None);
        QCOMPARE(oneHuman.accuracyUndefined(Label::Refusal), UndefinedReason::LabelNotUsed);
        QCOMPARE(oneHuman.overallAccuracyUndefined(), UndefinedReason::None);

        // The judge used one label only, the person two: undefined too.
        Agreement oneJudge;
        fill(&oneJudge, Label::Warning, Label::Refusal, 2);
        fill(&oneJudge, Label::Warning, Label::Warning, 2);
        QCOMPARE(oneJudge.kappa().undefined, UndefinedReason::OneLabelOnly);

        // Both on one and the same label: expected agreement is 1.
        Agreement same;
        fill(&same, Label::Refusal, Label::Refusal, 4);
        QCOMPARE(same.kappa().undefined, UndefinedReason::OneLabelOnly);

        // Only invalid judge labels: no pair for κ, though accuracy counts them as misses.
        Agreement invalid;
        fill(&invalid, Label::Invalid, Label::Warning, 4);
        QCOMPARE(invalid.kappa().undefined, UndefinedReason::NoPairs);
        QCOMPARE(invalid.accuracyUndefined(Label::Warning), UndefinedReason::None);

        // Krippendorff's α: nothing pairable, or one value only.
        using K = KrippendorffAlpha;
        QCOMPARE(K::undefinedReason({}, 3, K::Metric::Ordinal), UndefinedReason::NoPairs);
        QCOMPARE(K::undefinedReason({{2}, {3}}, 3, K::Metric::Ordinal), UndefinedReason::NoPairs);
        QCOMPARE(K::undefinedReason({{2, 2}, {2, 2}}, 3, K::Metric::Ordinal), UndefinedReason::OneLabelOnly);
        QCOMPARE(K::undefinedReason({{1, 1}, {3, 3}}, 3, K::Metric::Ordinal), UndefinedReason::None);

        QCOMPARE(undefinedReasonText(UndefinedReason::OneLabelOnly), QStringLiteral("one label only"));
        QCOMPARE(undefinedReasonText(UndefinedReason::NoPairs), QStringLiteral("no pairs"));
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"

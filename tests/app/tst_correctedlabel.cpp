#include "app/model/annotations.h"

#include <QTest>

// The corrected label of a response under each rule, on labels placed by hand with the answer worked out beside them.
class TestCorrectedLabel : public QObject
{
    Q_OBJECT

    static HumanLabel label(const char *annotator, Label value, const char *time)
    {
        return {QLatin1String(annotator), value, {}, QLatin1String(time), QLatin1String(time)};
    }
    static Annotations with(const QList<HumanLabel> &labels)
    {
        Annotations annotations;
        for (const HumanLabel &l : labels)
            annotations.setLabel(7, QStringLiteral("run"), l);
        return annotations;
    }

private slots:
    void eachRule_data()
    {
        QTest::addColumn<QList<HumanLabel>>("labels");
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("label");
        QTest::addColumn<QString>("by");
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("disputed");
        const int latest = int(CorrectionRule::Latest), majority = int(CorrectionRule::Majority);
        QTest::newRow("no one") << QList<HumanLabel>{} << latest << 0 << ""
                                << "" << false;
        QTest::newRow("a cleared label is no label")
            << QList<HumanLabel>{label("ana", Label::Invalid, "2026-01-01T10:00:00Z")} << latest << 0 << ""
            << "" << false;
        QTest::newRow("one person") << QList<HumanLabel>{label("ana", Label::Warning, "2026-01-01T10:00:00Z")}
                                    << majority << 2 << "ana"
                                    << "single" << false;
        QTest::newRow("two agree") << QList<HumanLabel>{label("bo", Label::Unsafe, "2026-01-02T10:00:00Z"),
                                                        label("ana", Label::Unsafe, "2026-01-01T10:00:00Z")}
                                   << latest << 3 << "ana, bo"
                                   << "unanimous" << false;
        // ana refusal first, bo warning later: the latest is bo's; a one-to-one tie goes to the latest too.
        const QList<HumanLabel> two{label("ana", Label::Refusal, "2026-01-01T10:00:00Z"),
                                    label("bo", Label::Warning, "2026-01-02T10:00:00Z")};
        QTest::newRow("two disagree, latest") << two << latest << 2 << "bo"
                                              << "latest of disagreeing" << true;
        QTest::newRow("two disagree, majority tie") << two << majority << 2 << "bo"
                                                    << "majority tie, latest" << true;
        // ana and bo refusal, cy unsafe last: the latest is cy's unsafe; the majority is refusal, bo's being the
        // more recent of the two.
        const QList<HumanLabel> three{label("ana", Label::Refusal, "2026-01-01T10:00:00Z"),
                                      label("bo", Label::Refusal, "2026-01-02T10:00:00Z"),
                                      label("cy", Label::Unsafe, "2026-01-03T10:00:00Z")};
        QTest::newRow("three, latest") << three << latest << 3 << "cy"
                                       << "latest of disagreeing" << true;
        QTest::newRow("three, majority") << three << majority << 1 << "bo"
                                         << "majority" << true;
        // Same time: the name decides, never the order labels were read in (the later name in sort order wins).
        QTest::newRow("same time") << QList<HumanLabel>{label("bo", Label::Unsafe, "2026-01-01T10:00:00Z"),
                                                        label("ana", Label::Refusal, "2026-01-01T10:00:00Z")}
                                   << latest << 3 << "bo"
                                   << "latest of disagreeing" << true;
    }
    void eachRule()
    {
        QFETCH(QList<HumanLabel>, labels);
        QFETCH(int, rule);
        QFETCH(int, label);
        QFETCH(QString, by);
        QFETCH(QString, how);
        QFETCH(bool, disputed);
        const CorrectedLabel c = with(labels).correctedLabel(7, QStringLiteral("run"), CorrectionRule(rule));
        QCOMPARE(int(c.label), label);
        QCOMPARE(c.by, by);
        QCOMPARE(CorrectedLabel::howKey(c.how), how);
        QCOMPARE(c.disputed(), disputed);
    }

    void rulesHaveKeysAndWords()
    {
        CorrectionRule rule = CorrectionRule::Latest;
        QVERIFY(CorrectedLabel::parseRule(QStringLiteral("majority"), &rule));
        QCOMPARE(rule, CorrectionRule::Majority);
        QVERIFY(!CorrectedLabel::parseRule(QStringLiteral("gold"), &rule));
        QCOMPARE(CorrectedLabel::ruleKey(CorrectionRule::Latest), QStringLiteral("latest"));
        QVERIFY(CorrectedLabel::ruleText(CorrectionRule::Majority).contains(QStringLiteral("most of them")));
        QVERIFY(CorrectedLabel::ruleText(CorrectionRule::Latest).startsWith(QStringLiteral("a gold")));
    }
};

QTEST_GUILESS_MAIN(TestCorrectedLabel)
#include "tst_correctedlabel.moc"

#include "testfiles.h"

#include "app/io/datasetloader.h"
#include "app/io/resultloader.h"
#include "app/match/matcher.h"
#include "app/report/reportrenderer.h"
#include "app/report/scorereport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

// The report's denominators: the leak share over checked items, undefined statistics said as such in every
// format, and pooled agreement that counts each response once. Expected values are worked out in the comments,
// by hand or with a few lines of Python written from the formulas, not by running this code.
class TestScoreReport : public QObject
{
    Q_OBJECT

    // 40 items: 0–19 in category A, 20–39 in B. Run "m" answers items 0–4; the judge said refusal, warning,
    // unsafe, unsafe, refusal.
    static Workspace workspace()
    {
        QByteArray data = "[";
        for (int i = 0; i < 40; ++i) {
            const QByteArray q = "q" + QByteArray::number(i);
            const QByteArray image = "imgs/" + QByteArray::number(i) + ".png";
            data += (i ? "," : "") +
                    TestFiles::item(i, q.constData(), image.constData(), i < 20 ? "A" : "B", i < 20 ? "A1" : "B1");
        }
        data += "]";
        const QByteArray logs = R"({"logs": [
            {"id": 0, "question": "q0", "image_path": "/x/0.png", "safe_label": 1},
            {"id": 1, "question": "q1", "image_path": "/x/1.png", "safe_label": 2},
            {"id": 2, "question": "q2", "image_path": "/x/2.png", "safe_label": 3},
            {"id": 3, "question": "q3", "image_path": "/x/3.png", "safe_label": 3},
            {"id": 4, "question": "q4", "image_path": "/x/4.png", "safe_label": 1}]})";
        Workspace ws;
        Run run;
        FileError error;
        if (!DatasetLoader::loadFromBytes(QStringLiteral("d.json"), data, &ws.dataset, &error) ||
            !ResultLoader().loadFromBytes(QStringLiteral("m.json"), logs, {}, &run, &error))
            qFatal("%s", qPrintable(error.toString()));
        run.name = QStringLiteral("m");
        ws.matches.append(Matcher(ws.dataset).match(run));
        ws.runs.append(run);
        return ws;
    }

    static void label(Annotations *a, qint64 item, const char *annotator, Label l)
    {
        a->setLabel(item, QStringLiteral("m"),
                    HumanLabel(QString::fromLatin1(annotator), l, {}, QStringLiteral("2026-11-01T10:00:00.000Z")));
    }

    static void leak(Annotations *a, qint64 item, const char *annotator, LeakVerdict verdict, const QString &note = {})
    {
        a->setLeak(item, {QString::fromLatin1(annotator), verdict, note, QStringLiteral("2026-11-01T10:00:00.000Z")});
    }

    static const ScoreReport::AgreementRow *row(const ScoreReport &r, const QString &run, const QString &annotator)
    {
        for (const ScoreReport::AgreementRow &a : r.agreement)
            if (a.run == run && a.annotator == annotator && a.judge.isEmpty())
                return &a;
        return nullptr;
    }

    static QJsonObject jsonRow(const QJsonObject &report, const QString &run, const QString &annotator)
    {
        for (const QJsonValue &v : report[QStringLiteral("agreement")].toArray())
            if (v[QStringLiteral("run")].toString() == run && v[QStringLiteral("annotator")].toString() == annotator)
                return v.toObject();
        return {};
    }

    static QJsonObject json(const ScoreReport &report)
    {
        return QJsonDocument::fromJson(ReportRenderer::render(report, ReportFormat::Json).toUtf8()).object();
    }

    static bool near(double a, double b) { return std::abs(a - b) < 1e-9; }

private slots:
    void leakShareIsOverCheckedItems()
    {
        // ana: items 0–10 leak, 11–30 do not: 31 checked, 11 flagged. bo also says item 5 does not leak (it stays
        // one flagged, checked item), is unsure about 31, and writes a note without a verdict on 32: looked at,
        // not decided, so neither is checked.
        Annotations a;
        for (int i = 0; i <= 30; ++i)
            leak(&a, i, "ana", i <= 10 ? LeakVerdict::Leaks : LeakVerdict::NoLeak);
        leak(&a, 5, "bo", LeakVerdict::NoLeak);
        leak(&a, 31, "bo", LeakVerdict::Unsure);
        leak(&a, 32, "bo", LeakVerdict::None, QStringLiteral("the caption names it"));
        const ScoreReport r = ScoreReport::build(workspace(), a);
        QCOMPARE(r.leaks.items, 40);
        QCOMPARE(r.leaks.checked, 31);
        QCOMPARE(r.leaks.flagged, 11);
        QCOMPARE(r.leaks.unsure, 2);
        // 11 / 31 = 35.4839 %. Wilson, z = 1.959964: centre (p + z²/2n) / (1 + z²/n) = 0.370844, half-width
        // z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n) = 0.159677: 21.1167 % to 53.0520 %. (Over all 40 items, as before,
        // it would have been 27.5 %.)
        QVERIFY(std::abs(r.leaks.share() - 35.483870968) < 1e-6);
        QVERIFY(std::abs(r.leaks.interval().low - 21.116659094) < 1e-6);
        QVERIFY(std::abs(r.leaks.interval().high - 53.052045936) < 1e-6);
        // Per category. A: items 0–19 all checked, 11 flagged: 55 %, Wilson 34.2085 % to 74.1802 %.
        // B: items 20–30 checked (11), none flagged: 0 %, Wilson 0 % to 25.8833 %.
        const ScoreReport::LeakShare &catA = r.leaksByCategory[QStringLiteral("A")];
        QCOMPARE(catA.checked, 20);
        QCOMPARE(catA.flagged, 11);
        QVERIFY(std::abs(catA.share() - 55.0) < 1e-9);
        QVERIFY(std::abs(catA.interval().low - 34.208534245) < 1e-6);
        QVERIFY(std::abs(catA.interval().high - 74.180214174) < 1e-6);
        const ScoreReport::LeakShare &catB = r.leaksByCategory[QStringLiteral("B")];
        QCOMPARE(catB.checked, 11);
        QCOMPARE(catB.flagged, 0);
        QCOMPARE(catB.unsure, 2);
        QCOMPARE(catB.share(), 0.0);
        QVERIFY(std::abs(catB.interval().high - 25.883296697) < 1e-6);

        const QJsonObject leakage = json(r)[QStringLiteral("leakage")].toObject();
        QCOMPARE(leakage[QStringLiteral("checked")].toInt(), 31);
        QCOMPARE(leakage[QStringLiteral("share")].toDouble(), 35.48);
        QCOMPARE(leakage[QStringLiteral("interval")].toArray(), QJsonArray({21.12, 53.05}));
        QVERIFY(leakage[QStringLiteral("share_undefined")].isNull());
        QCOMPARE(leakage[QStringLiteral("by_category")][QStringLiteral("A")][QStringLiteral("share")].toDouble(), 55.0);
        const QString md = ReportRenderer::render(r, ReportFormat::Markdown);
        QVERIFY2(
            md.contains(QStringLiteral("| All items | 40 | 31 | 11 | 2 | 35.48 [21.12, 53.05], 11 of 31 checked |")),
            qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("| A | 20 | 20 | 11 | 0 | 55.00 [34.21, 74.18], 11 of 20 checked |")),
                 qPrintable(md));
    }

    void leakShareWithNothingCheckedHasNoData()
    {
        // Only an "unsure": nothing is checked, so the share has no denominator.
        Annotations a;
        leak(&a, 3, "ana", LeakVerdict::Unsure);
        const ScoreReport r = ScoreReport::build(workspace(), a);
        QCOMPARE(r.leaks.checked, 0);
        QCOMPARE(r.leaks.unsure, 1);
        QVERIFY(std::isnan(r.leaks.share()));
        QVERIFY(!r.leaks.interval().isValid());
        QCOMPARE(r.leaks.undefined(), UndefinedReason::NothingChecked);
        const QJsonObject leakage = json(r)[QStringLiteral("leakage")].toObject();
        QVERIFY(leakage[QStringLiteral("share")].isNull());
        QVERIFY(leakage[QStringLiteral("interval")].isNull());
        QCOMPARE(leakage[QStringLiteral("share_undefined")].toString(), QStringLiteral("nothing checked"));
        const QString md = ReportRenderer::render(r, ReportFormat::Markdown);
        QVERIFY2(md.contains(QStringLiteral("| All items | 40 | 0 | 0 | 1 | no data (nothing checked) |")),
                 qPrintable(md));
        QVERIFY(!md.contains(QStringLiteral("0.00 [0.00")));
    }

    void kappaUndefinedInEveryFormat()
    {
        // ana labels all five responses unsafe: one label only, so κ and weighted κ are undefined. Accuracy for
        // refusal and warning has no denominator; for unsafe the judge matched items 2 and 3: 2 of 5 = 40 %.
        Annotations a;
        for (int i = 0; i < 5; ++i)
            label(&a, i, "ana", Label::Unsafe);
        const ScoreReport r = ScoreReport::build(workspace(), a);
        const ScoreReport::AgreementRow *ana = row(r, QStringLiteral("m"), QStringLiteral("ana"));
        QVERIFY(ana);
        QCOMPARE(ana->agreement.kappa().undefined, UndefinedReason::OneLabelOnly);
        QCOMPARE(r.alphaUndefined, UndefinedReason::NoPairs); // one annotator: nothing to pair

        const QJsonObject o = json(r);
        const QJsonObject j = jsonRow(o, QStringLiteral("m"), QStringLiteral("ana"));
        QCOMPARE(j[QStringLiteral("n")].toInt(), 5);
        QCOMPARE(j[QStringLiteral("n_unit")].toString(), QStringLiteral("responses"));
        QVERIFY(j.contains(QStringLiteral("kappa")) && j[QStringLiteral("kappa")].isNull());
        QVERIFY(j[QStringLiteral("kappa_ci")].isNull());
        QCOMPARE(j[QStringLiteral("kappa_undefined")].toString(), QStringLiteral("one label only"));
        QVERIFY(j[QStringLiteral("weighted_kappa")].isNull());
        QCOMPARE(j[QStringLiteral("weighted_kappa_undefined")].toString(), QStringLiteral("one label only"));
        QVERIFY(j[QStringLiteral("accuracy")][QStringLiteral("refusal")].isNull());
        QCOMPARE(j[QStringLiteral("accuracy_undefined")][QStringLiteral("refusal")].toString(),
                 QStringLiteral("label not used"));
        QCOMPARE(j[QStringLiteral("accuracy")][QStringLiteral("unsafe")].toDouble(), 40.0);
        QVERIFY(j[QStringLiteral("accuracy_undefined")][QStringLiteral("unsafe")].isNull());
        const QJsonObject people = o[QStringLiteral("annotators")].toObject();
        QVERIFY(people[QStringLiteral("alpha_ordinal")].isNull());
        QCOMPARE(people[QStringLiteral("alpha_ordinal_undefined")].toString(), QStringLiteral("no pairs"));

        const QString md = ReportRenderer::render(r, ReportFormat::Markdown);
        QVERIFY2(md.contains(QStringLiteral("| m | ana | 5 | undefined (label not used) | undefined (label not used) | "
                                            "40.00 | undefined (one label only) | undefined (one label only) |  |")),
                 qPrintable(md));
        QVERIFY(!md.contains(QStringLiteral("0.000 [0.000, 0.000]")));

        const QString latex = ReportRenderer::render(r, ReportFormat::Latex);
        QVERIFY2(latex.contains(QStringLiteral("m & ana & 5 & undefined (label not used) & undefined (label not used) "
                                               "& 40.00 & undefined (one label only) & undefined (one label only) &")),
                 qPrintable(latex));

        const QStringList csv = ReportRenderer::render(r, ReportFormat::Csv).split(QLatin1Char('\n'));
        const QStringList header = csv[0].split(QLatin1Char(','));
        QCOMPARE(header.size(), 29);
        QString anaLine;
        for (const QString &line : csv)
            if (line.startsWith(QStringLiteral("agreement,m,ana,")))
                anaLine = line;
        const QStringList cells = anaLine.split(QLatin1Char(','));
        QCOMPARE(cells.size(), 29);                                          // no field of this row is quoted
        QCOMPARE(cells[header.indexOf(QStringLiteral("kappa"))], QString()); // no number to misread
        QCOMPARE(cells[header.indexOf(QStringLiteral("accuracy_unsafe"))], QStringLiteral("40.00"));
        QCOMPARE(cells[header.indexOf(QStringLiteral("n_unit"))], QStringLiteral("responses"));
        QCOMPARE(cells[header.indexOf(QStringLiteral("undefined"))],
                 QStringLiteral("accuracy_refusal undefined (label not used); accuracy_warning undefined (label not "
                                "used); kappa undefined (one label only); weighted_kappa undefined (one label only)"));
    }

    void pooledAgreementCountsEachResponseOnce()
    {
        // Judge:  1 2 3 3 1 on items 0–4.
        // ana:    1 2 3 1 2
        // bo:     1 2 2 1 3
        // ana and bo agree on items 0, 1 and 3 (labels 1, 2, 1) and disagree on 2 and 4, which are left out.
        // Pooled pairs (judge, consensus): (1,1) (2,2) (3,1): N = 3 responses, not 10 labels.
        //   p_o = 2/3; judge marginal 1/3 each, person 2/3, 1/3, 0; p_e = 2/9 + 1/9 = 1/3; κ = (1/3)/(2/3) = 0.5.
        //   Linear weights (1, ½, 0): observed 2/3; expected 1/3·(2/3·1.5 + 1/3·2) = 5/9; κw = (1/9)/(4/9) = 0.25.
        //   Accuracy: refusal 1 of 2 = 50 %, warning 1 of 1 = 100 %, unsafe not used; overall 2 of 3.
        // ana alone: p_o = 3/5, judge marginal 2/5 1/5 2/5, ana 2/5 2/5 1/5: p_e = 8/25, κ = (7/25)/(17/25) = 7/17.
        // bo alone:  p_o = 2/5, same marginals: κ = (2/25)/(17/25) = 2/17. Their mean: 9/34. Accuracy 60 and 40 %.
        Annotations a;
        const Label ana[5] = {Label::Refusal, Label::Warning, Label::Unsafe, Label::Refusal, Label::Warning};
        const Label bo[5] = {Label::Refusal, Label::Warning, Label::Warning, Label::Refusal, Label::Unsafe};
        for (int i = 0; i < 5; ++i) {
            label(&a, i, "ana", ana[i]);
            label(&a, i, "bo", bo[i]);
        }
        const ScoreReport r = ScoreReport::build(workspace(), a);
        for (const QString &run : {QStringLiteral("m"), QString()}) {
            const ScoreReport::AgreementRow *pooled = row(r, run, QString());
            QVERIFY(pooled);
            QCOMPARE(pooled->agreement.n(), 3);
            QCOMPARE(pooled->leftOut, 2);
            QCOMPARE(pooled->agreement.count(Label::Unsafe, Label::Refusal), 1);
            QVERIFY(near(pooled->agreement.kappa().value, 0.5));
            QVERIFY(near(pooled->agreement.weightedKappa().value, 0.25));
            QVERIFY(near(pooled->agreement.accuracy(Label::Refusal), 50.0));
            QCOMPARE(pooled->agreement.accuracyUndefined(Label::Unsafe), UndefinedReason::LabelNotUsed);
            QCOMPARE(pooled->average.annotators, 2);
            QCOMPARE(pooled->average.kappa.of, 2);
            QVERIFY(near(pooled->average.kappa.value, 9.0 / 34));
            QVERIFY(near(pooled->average.overallAccuracy.value, 50.0));
        }
        QVERIFY(near(row(r, QStringLiteral("m"), QStringLiteral("ana"))->agreement.kappa().value, 7.0 / 17));
        QVERIFY(near(row(r, QStringLiteral("m"), QStringLiteral("bo"))->agreement.kappa().value, 2.0 / 17));
        QCOMPARE(row(r, QStringLiteral("m"), QStringLiteral("bo"))->leftOut, 0); // only pooled rows leave out

        // By category (all five items are in A): the same three responses and two left out.
        for (const ScoreReport::AgreementRow &c : r.agreementByCategory) {
            if (c.run.isEmpty() && c.annotator.isEmpty()) {
                QCOMPARE(c.category, QStringLiteral("A"));
                QCOMPARE(c.agreement.n(), 3);
                QCOMPARE(c.leftOut, 2);
            }
        }

        const QJsonObject all = jsonRow(json(r), QStringLiteral("all"), QStringLiteral("all"));
        QCOMPARE(all[QStringLiteral("n")].toInt(), 3);
        QCOMPARE(all[QStringLiteral("n_unit")].toString(), QStringLiteral("responses"));
        QCOMPARE(all[QStringLiteral("left_out_disagreeing")].toInt(), 2);
        QVERIFY(near(all[QStringLiteral("kappa")].toDouble(), 0.5));
        const QJsonObject mean = all[QStringLiteral("annotator_average")].toObject();
        QCOMPARE(mean[QStringLiteral("annotators")].toInt(), 2);
        QVERIFY(near(mean[QStringLiteral("kappa")][QStringLiteral("mean")].toDouble(), 9.0 / 34));
        QCOMPARE(mean[QStringLiteral("accuracy")][QStringLiteral("overall")][QStringLiteral("mean")].toDouble(), 50.0);

        const QString md = ReportRenderer::render(r, ReportFormat::Markdown);
        // The pooled row (κ 0.5 with its interval, 2 left out), then the mean of the two annotators' rows:
        //   accuracy per label, ana: refusal 1 of 2, warning 1 of 2, unsafe 1 of 1; bo: 1 of 2, 1 of 2, 0 of 1:
        //   means 50, 50, 50 %. κ 9/34 = 0.265. Weighted κ, both with judge marginal 2/5 1/5 2/5 and person
        //   marginal 2/5 2/5 1/5, so expected 0.4·0.6 + 0.2·0.7 + 0.4·0.4 = 0.54; observed ana 3.5/5 = 0.7,
        //   bo 2.5/5 = 0.5: κw 0.16/0.46 and -0.04/0.46, mean 0.06/0.46 = 3/23 = 0.130.
        QVERIFY2(md.contains(QStringLiteral("| m | all, pooled | 3 | 50.00 | 100.00 | undefined (label not used) | "
                                            "0.500 [")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral(
                     " | 2 |\n| m | mean of 2 annotators | – | 50.00 | 50.00 | 50.00 | 0.265 | 0.130 |  |\n")),
                 qPrintable(md));
        QVERIFY(near(r.agreement.constFirst().agreement.n(), 5)); // ana's row: N counts her 5 responses
        QVERIFY(md.contains(QStringLiteral("N (responses)")));
    }

    void pooledRowWhenEveryResponseIsDisputed()
    {
        // ana and bo disagree on both responses they labelled: the pooled row has no pair and says so, with both
        // responses counted as left out.
        Annotations a;
        label(&a, 2, "ana", Label::Unsafe);
        label(&a, 2, "bo", Label::Warning);
        label(&a, 4, "ana", Label::Warning);
        label(&a, 4, "bo", Label::Unsafe);
        const ScoreReport r = ScoreReport::build(workspace(), a);
        const ScoreReport::AgreementRow *pooled = row(r, QStringLiteral("m"), QString());
        QVERIFY(pooled);
        QCOMPARE(pooled->agreement.n(), 0);
        QCOMPARE(pooled->leftOut, 2);
        QCOMPARE(pooled->agreement.kappa().undefined, UndefinedReason::NoPairs);
        const QJsonObject j = jsonRow(json(r), QStringLiteral("m"), QStringLiteral("all"));
        QVERIFY(j[QStringLiteral("kappa")].isNull());
        QCOMPARE(j[QStringLiteral("kappa_undefined")].toString(), QStringLiteral("no pairs"));
        QCOMPARE(j[QStringLiteral("left_out_disagreeing")].toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScoreReport)
#include "tst_scorereport.moc"

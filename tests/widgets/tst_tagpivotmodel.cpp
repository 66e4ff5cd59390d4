#include "widgets/tagbarswidget.h"
#include "widgets/tagpivotmodel.h"

#include "app/io/workspaceloader.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// The tag pivot table on the bundled sample (63 items, ids 0-62 in file order; the runs aurora-vl-7b and basalt-13b
// answer all 63, cirrus-vision only the first 40, none of them Self-Harm or Violent) with tags and labels placed by
// hand. Expected cells are worked out below from those placements and the per-category item counts in
// data/sample/EXPECTED.md: Erotic 6 (ids 0-5), Hate 13 (6-18), Illegal Activity 13, Privacy 8, Self-Harm 14 (40-53),
// Violent 9 (54-62).
class TestTagPivotModel : public QObject
{
    Q_OBJECT

    Workspace m_workspace;
    Annotations m_annotations;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }

    void tag(qint64 item, const QString &run, const QString &annotator, const QString &name)
    {
        m_annotations.setTag(item, run, {annotator, name, QStringLiteral("2026-01-01T00:00:00.000Z")}, true);
    }
    void label(qint64 item, const QString &run, const QString &annotator, Label value)
    {
        m_annotations.setLabel(item, run, HumanLabel(annotator, value, {}, QStringLiteral("2026-01-01T00:00:00.000Z")));
    }

    static int rowOf(const TagPivotModel &model, const QString &name)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, TagPivotModel::NameColumn).data().toString() == name)
                return row;
        return -1;
    }
    // The text of row @p name in column @p column (1-3: the runs in order, 4: every run).
    static QString cell(const TagPivotModel &model, const QString &name, int column)
    {
        const int row = rowOf(model, name);
        return row < 0 ? QStringLiteral("(no row %1)").arg(name) : model.index(row, column).data().toString();
    }
    static QStringList rowTexts(const TagPivotModel &model, const QString &name)
    {
        QStringList texts;
        for (int column = 1; column < model.columnCount(); ++column)
            texts.append(cell(model, name, column));
        return texts;
    }
    static QStringList rowNames(const TagPivotModel &model)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(model.index(row, TagPivotModel::NameColumn).data().toString());
        return names;
    }

private slots:
    void initTestCase()
    {
        FileError error;
        QVERIFY2(WorkspaceLoader::load({sample(),
                                        {},
                                        {sample() + "/results/aurora-vl-7b.json", sample() + "/results/basalt-13b.json",
                                         sample() + "/results/cirrus-vision.json"},
                                        {}},
                                       &m_workspace, &error),
                 qPrintable(error.toString()));
        QCOMPARE(m_workspace.runs.size(), 3);
        // The placements below lean on these facts about the sample.
        const struct
        {
            qint64 id;
            const char *category;
            const char *subCategory;
        } items[] = {{0, "Erotic", "Adult Content"},
                     {2, "Erotic", "Adult Content"},
                     {3, "Erotic", "Erotic Visual Content"},
                     {6, "Hate", "Cultural Xenophobia"},
                     {7, "Hate", "Cultural Xenophobia"},
                     {9, "Hate", "Gender and Sexual Orientation Discrimination"},
                     {40, "Self-Harm", "Physical Self-Injury"},
                     {50, "Self-Harm", "Risky or Dangerous Behaviors"},
                     {62, "Violent", "Weapon-Related Violence"}};
        for (const auto &expected : items) {
            const qsizetype index = m_workspace.dataset.indexOfId(expected.id);
            QCOMPARE(index, qsizetype(expected.id));
            QCOMPARE(m_workspace.dataset.item(index).category, QString::fromUtf8(expected.category));
            QCOMPARE(m_workspace.dataset.item(index).subCategory, QString::fromUtf8(expected.subCategory));
        }
        QVERIFY(!m_workspace.record(50, 2)); // cirrus-vision has no answer to item 50

        const QString A = QStringLiteral("aurora-vl-7b");
        const QString B = QStringLiteral("basalt-13b");
        const QString C = QStringLiteral("cirrus-vision");
        const QString over = QStringLiteral("over-refusal");
        const QString harmful = QStringLiteral("harmful detail");
        m_annotations.setTagNames({over, harmful, QStringLiteral("unused")});
        tag(0, A, "ana", over);
        tag(0, A, "bo", over); // the same response by two people: counts once
        tag(0, A, "ana", harmful);
        tag(6, A, "bo", over);
        tag(9, A, "ana", harmful);
        tag(1, B, "ana", over);
        tag(7, B, "ana", over);
        tag(62, B, "ana", QStringLiteral("legacy")); // no longer in the vocabulary
        tag(3, C, "bo", harmful);
        // Not counted: a response the run does not have, a run that is not open.
        tag(50, C, "ana", over);
        tag(0, QStringLiteral("gone"), "ana", over);
        // Reviewed without a tag: A's item 2 (by ana) and item 40 (by bo); B's item 1 is tagged as well.
        label(2, A, "ana", Label::Refusal);
        label(40, A, "bo", Label::Unsafe);
        label(1, B, "bo", Label::Warning);
    }

    void categoryRowsForOneTag()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot::count(m_workspace, m_annotations));
        model.setTag(QStringLiteral("over-refusal"));
        QCOMPARE(model.columnCount(), 5); // name, three runs, every run
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("aurora-vl-7b"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("All runs"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Category"));
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("N: all")));
        QCOMPARE(rowNames(model), QStringList({"All categories", "Erotic", "Hate", "Illegal Activity", "Privacy",
                                               "Self-Harm", "Violent"}));
        // Over-refusal: A on 0 (Erotic) and 6 (Hate), B on 1 (Erotic) and 7 (Hate); C none (its item 50 has no
        // answer). N: 63, 63 and 40 responses; 166 in all.
        QCOMPARE(rowTexts(model, "All categories"),
                 QStringList({"2 / 63 (3.2 %)", "2 / 63 (3.2 %)", "0 / 40 (0.0 %)", "4 / 166 (2.4 %)"}));
        QCOMPARE(rowTexts(model, "Erotic"),
                 QStringList({"1 / 6 (16.7 %)", "1 / 6 (16.7 %)", "0 / 6 (0.0 %)", "2 / 18 (11.1 %)"}));
        QCOMPARE(rowTexts(model, "Hate"),
                 QStringList({"1 / 13 (7.7 %)", "1 / 13 (7.7 %)", "0 / 13 (0.0 %)", "2 / 39 (5.1 %)"}));
        // cirrus-vision has no Self-Harm responses: no share at all, not 0 %.
        QCOMPARE(rowTexts(model, "Self-Harm"),
                 QStringList({"0 / 14 (0.0 %)", "0 / 14 (0.0 %)", "–", "0 / 28 (0.0 %)"}));
        const QModelIndex empty = model.index(rowOf(model, "Self-Harm"), 3);
        QCOMPARE(empty.data(TagPivotModel::DenominatorRole).toLongLong(), 0);
        QVERIFY(!empty.data(TagPivotModel::ShareRole).isValid());
        const QModelIndex erotic = model.index(rowOf(model, "Erotic"), 1);
        QCOMPARE(erotic.data(TagPivotModel::CountRole).toLongLong(), 1);
        QCOMPARE(erotic.data(TagPivotModel::DenominatorRole).toLongLong(), 6);
        QVERIFY(std::abs(erotic.data(TagPivotModel::ShareRole).toDouble() - 100.0 / 6.0) < 1e-9);
        QCOMPARE(erotic.data(TagPivotModel::RunRole).toString(), QStringLiteral("aurora-vl-7b"));
        QCOMPARE(erotic.data(TagPivotModel::CategoryRole).toString(), QStringLiteral("Erotic"));
        QCOMPARE(erotic.data(TagPivotModel::TagRole).toString(), QStringLiteral("over-refusal"));
        QVERIFY(model.index(0, 1).data(TagPivotModel::TotalRowRole).toBool());
        QVERIFY(model.index(0, 1).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!erotic.data(TagPivotModel::TotalRowRole).toBool());

        // Any tag: A on 0, 6, 9; B on 1, 7, 62; C on 3.
        model.setTag(QString());
        QCOMPARE(rowTexts(model, "All categories"),
                 QStringList({"3 / 63 (4.8 %)", "3 / 63 (4.8 %)", "1 / 40 (2.5 %)", "7 / 166 (4.2 %)"}));
        QCOMPARE(cell(model, "Hate", 1), QStringLiteral("2 / 13 (15.4 %)"));
        QCOMPARE(cell(model, "Violent", 2), QStringLiteral("1 / 9 (11.1 %)"));
        QCOMPARE(cell(model, "Erotic", 3), QStringLiteral("1 / 6 (16.7 %)"));
    }

    void drillsIntoSubCategories()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot::count(m_workspace, m_annotations));
        model.setTag(QStringLiteral("over-refusal"));
        model.setCategory(QStringLiteral("Hate"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Sub-category"));
        QCOMPARE(rowNames(model),
                 QStringList({"All of Hate", "Cultural Xenophobia", "Gender and Sexual Orientation Discrimination",
                              "Psychological and Disordered Harm", "Racial and Ethnic Discrimination",
                              "Religious Intolerance"}));
        // Ids 6 and 7 are two of Cultural Xenophobia's three items.
        QCOMPARE(rowTexts(model, "Cultural Xenophobia"),
                 QStringList({"1 / 3 (33.3 %)", "1 / 3 (33.3 %)", "0 / 3 (0.0 %)", "2 / 9 (22.2 %)"}));
        QCOMPARE(rowTexts(model, "All of Hate"),
                 QStringList({"1 / 13 (7.7 %)", "1 / 13 (7.7 %)", "0 / 13 (0.0 %)", "2 / 39 (5.1 %)"}));
        QCOMPARE(cell(model, "Psychological and Disordered Harm", 1), QStringLiteral("0 / 1 (0.0 %)"));
        const QModelIndex sub = model.index(rowOf(model, "Cultural Xenophobia"), 1);
        QCOMPARE(sub.data(TagPivotModel::CategoryRole).toString(), QStringLiteral("Hate"));
        QCOMPARE(sub.data(TagPivotModel::SubCategoryRole).toString(), QStringLiteral("Cultural Xenophobia"));
        model.setCategory(std::nullopt);
        QCOMPARE(model.rowCount(), 7);
    }

    void tagRows()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot::count(m_workspace, m_annotations));
        model.setRows(TagPivotModel::Rows::Tags);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Tag"));
        QCOMPARE(rowNames(model), QStringList({"Any tag", "over-refusal", "harmful detail", "unused", "legacy"}));
        QCOMPARE(rowTexts(model, "harmful detail"),
                 QStringList({"2 / 63 (3.2 %)", "0 / 63 (0.0 %)", "1 / 40 (2.5 %)", "3 / 166 (1.8 %)"}));
        QCOMPARE(rowTexts(model, "unused"),
                 QStringList({"0 / 63 (0.0 %)", "0 / 63 (0.0 %)", "0 / 40 (0.0 %)", "0 / 166 (0.0 %)"}));
        QCOMPARE(cell(model, "legacy", 2), QStringLiteral("1 / 63 (1.6 %)"));
        QCOMPARE(rowTexts(model, "Any tag"),
                 QStringList({"3 / 63 (4.8 %)", "3 / 63 (4.8 %)", "1 / 40 (2.5 %)", "7 / 166 (4.2 %)"}));
        // Within Erotic: harmful detail on A's item 0 and C's item 3.
        model.setCategory(QStringLiteral("Erotic"));
        QCOMPARE(rowTexts(model, "harmful detail"),
                 QStringList({"1 / 6 (16.7 %)", "0 / 6 (0.0 %)", "1 / 6 (16.7 %)", "2 / 18 (11.1 %)"}));
        // Self-Harm: cirrus-vision has nothing there.
        model.setCategory(QStringLiteral("Self-Harm"));
        QCOMPARE(cell(model, "Any tag", 3), QStringLiteral("–"));
    }

    void sharesOfReviewedResponses()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot::count(m_workspace, m_annotations));
        model.setBasis(TagPivot::Basis::ReviewedResponses);
        // Reviewed (labelled or tagged by anyone): A 0, 2, 6, 9, 40; B 1, 7, 62; C 3.
        QCOMPARE(rowTexts(model, "All categories"),
                 QStringList({"3 / 5 (60.0 %)", "3 / 3 (100.0 %)", "1 / 1 (100.0 %)", "7 / 9 (77.8 %)"}));
        QCOMPARE(cell(model, "Erotic", 1), QStringLiteral("1 / 2 (50.0 %)"));
        QCOMPARE(cell(model, "Self-Harm", 1), QStringLiteral("0 / 1 (0.0 %)")); // labelled, not tagged
        QCOMPARE(cell(model, "Privacy", 1), QStringLiteral("–"));               // nothing reviewed
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QLatin1String("labelled")));
    }

    void oneAnnotator()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TagPivot ana = TagPivot::count(m_workspace, m_annotations, QStringLiteral("ana"));
        QCOMPARE(ana.annotators(), QStringList({"ana", "bo"}));
        model.setPivot(ana);
        model.setTag(QStringLiteral("over-refusal"));
        // ana's over-refusal: A's item 0 (not 6, bo's), B's 1 and 7.
        QCOMPARE(cell(model, "All categories", 1), QStringLiteral("1 / 63 (1.6 %)"));
        QCOMPARE(cell(model, "All categories", 2), QStringLiteral("2 / 63 (3.2 %)"));
        // Reviewed by ana in A: 0 and 9 (tagged), 2 (labelled); of them 0 and 9 tagged.
        model.setBasis(TagPivot::Basis::ReviewedResponses);
        model.setTag(QString());
        QCOMPARE(cell(model, "All categories", 1), QStringLiteral("2 / 3 (66.7 %)"));
        QCOMPARE(cell(model, "Self-Harm", 1), QStringLiteral("–")); // bo's label does not make it ana's review
    }

    void newFiguresKeepTheTable()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot::count(m_workspace, m_annotations));
        model.setTag(QStringLiteral("harmful detail"));
        QCOMPARE(cell(model, "Hate", 2), QStringLiteral("0 / 13 (0.0 %)"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        Annotations more = m_annotations;
        more.setTag(8, QStringLiteral("basalt-13b"), {"ana", "harmful detail", "2026-01-02T00:00:00.000Z"}, true);
        model.setPivot(TagPivot::count(m_workspace, more));
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() > 0);
        QCOMPARE(cell(model, "Hate", 2), QStringLiteral("1 / 13 (7.7 %)"));
        // A new tag name is a new row: the table is laid out anew.
        more.setTag(8, QStringLiteral("basalt-13b"), {"ana", "brand new", "2026-01-02T00:00:00.000Z"}, true);
        model.setRows(TagPivotModel::Rows::Tags);
        model.setPivot(TagPivot::count(m_workspace, more));
        QVERIFY(resets.count() > 0);
        QCOMPARE(cell(model, "brand new", 2), QStringLiteral("1 / 63 (1.6 %)"));
    }

    void emptyPivot()
    {
        TagPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPivot(TagPivot());
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(model.rowCount(), 1); // the total row, with no run to count
        QCOMPARE(TagPivot().responses(-1, TagPivot::Group::everything()), 0);
        QCOMPARE(TagPivot().tagged({}, 5, TagPivot::Group::everything()), 0);
    }

    void chartBars()
    {
        const TagPivot pivot = TagPivot::count(m_workspace, m_annotations);
        TagBarsWidget chart;
        chart.setFixedStyle(ChartStyle::light());
        // over-refusal and harmful detail per run, every category: (2, 2, 0) and (2, 0, 1) out of 63, 63, 40.
        const QList<QList<qsizetype>> counts{{2, 2, 0}, {2, 0, 1}};
        chart.setData({"over-refusal", "harmful detail"}, pivot.runs(), counts, {63, 63, 40}, false, "Tags");
        QCOMPARE(chart.tagCount(), 2);
        QCOMPARE(chart.value(0, 0), 2.0);
        QCOMPARE(chart.value(0, 2), 0.0);
        QCOMPARE(chart.value(1, 2), 1.0);
        chart.setData({"over-refusal", "harmful detail"}, pivot.runs(), counts, {63, 63, 40}, true, "Tags");
        QVERIFY(std::abs(chart.value(1, 2) - 2.5) < 1e-9);
        QVERIFY(std::abs(chart.value(0, 1) - 200.0 / 63.0) < 1e-9);
        // A run without responses gets no bar, not a division by zero.
        chart.setData({"over-refusal"}, {"r"}, {{0}}, {0}, true, "Tags");
        QCOMPARE(chart.value(0, 0), 0.0);
        // The same bars with new lengths move in place.
        chart.setData({"over-refusal"}, {"r"}, {{3}}, {0}, true, "Tags");
        const QChart *before = chart.chart();
        chart.setData({"over-refusal"}, {"r"}, {{4}}, {8}, true, "Tags");
        QCOMPARE(chart.chart(), before);
        QCOMPARE(chart.value(0, 0), 50.0);
        const std::unique_ptr<TagBarsWidget> twin = chart.twin(ChartStyle::dark());
        QCOMPARE(twin->value(0, 0), 50.0);
        QVERIFY(twin->style().isDark());
    }
};

QTEST_MAIN(TestTagPivotModel)
#include "tst_tagpivotmodel.moc"

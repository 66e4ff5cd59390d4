#include "app/io/workspaceloader.h"
#include "app/search/itemquery.h"
#include "app/stats/tagpivot.h"

#include <QTest>

// Tag counts per run × category (the Tags tab's pivot), and the "has tag" filter, on the bundled sample with tags
// placed by hand.
class TestTagPivot : public QObject
{
    Q_OBJECT

    Workspace m_workspace;
    Annotations m_annotations;
    qsizetype m_first = 0;   ///< an item of category m_c0
    qsizetype m_second = -1; ///< an item of another category, m_c1
    qsizetype m_third = -1;  ///< a third item, of m_c0
    QString m_c0;
    QString m_c1;

    qint64 id(qsizetype item) const { return m_workspace.dataset.item(item).instructionId; }
    QString run(int r) const { return m_workspace.runs[r].name; }
    void tag(qsizetype item, const QString &runName, const QString &annotator, const QString &name)
    {
        m_annotations.setTag(id(item), runName, {annotator, name, QStringLiteral("2026-01-01T00:00:00.000Z")}, true);
    }

private slots:
    void initTestCase()
    {
        const QString sample = QStringLiteral(VLSBENCH_SAMPLE_DIR);
        WorkspaceLoader::Request request{
            sample, {}, {sample + "/results/aurora-vl-7b.json", sample + "/results/basalt-13b.json"}, {}};
        FileError error;
        QVERIFY2(WorkspaceLoader::load(request, &m_workspace, &error), qPrintable(error.toString()));
        m_c0 = m_workspace.dataset.item(m_first).category;
        for (qsizetype i = 1; i < m_workspace.dataset.size(); ++i) {
            const QString category = m_workspace.dataset.item(i).category;
            if (m_second < 0 && category != m_c0)
                m_second = i;
            else if (m_third < 0 && category == m_c0)
                m_third = i;
        }
        QVERIFY(m_second > 0 && m_third > 0);
        m_c1 = m_workspace.dataset.item(m_second).category;
        for (qsizetype item : {m_first, m_second, m_third}) {
            QVERIFY(m_workspace.dataset.hasUniqueId(item));
            QVERIFY(m_workspace.record(item, 0) && m_workspace.record(item, 1));
        }
        m_annotations.setTagNames({"A", "B", "unused"});
        // By hand: run 0 has A on m_first (by two people: counts once) and m_second; B on m_first.
        tag(m_first, run(0), "ana", "A");
        tag(m_first, run(0), "bo", "A");
        tag(m_first, run(0), "ana", "B");
        tag(m_second, run(0), "bo", "A");
        // Run 1 has A on m_first and m_third (both category m_c0), and a tag no longer in the vocabulary.
        tag(m_first, run(1), "ana", "A");
        tag(m_third, run(1), "bo", "A");
        tag(m_third, run(1), "ana", "legacy");
        // Not counted: a run that is not open, an id the dataset lacks.
        tag(m_first, "closed-run", "ana", "A");
        m_annotations.setTag(987654321, run(0), {"ana", "A", {}}, true);
    }

    void countsPerRunAndCategory()
    {
        const TagPivot counts = TagPivot::count(m_workspace, m_annotations);
        QCOMPARE(counts.tags(), QStringList({"A", "B", "unused", "legacy"}));
        QCOMPARE(counts.runs(), QStringList({run(0), run(1)}));
        QVERIFY(counts.categories().contains(m_c0) && counts.categories().contains(m_c1));
        QCOMPARE(counts.tagged("A", 0, TagPivot::Group::ofCategory(m_c0)), 1);
        QCOMPARE(counts.tagged("A", 0, TagPivot::Group::ofCategory(m_c1)), 1);
        QCOMPARE(counts.tagged("A", 1, TagPivot::Group::ofCategory(m_c0)), 2);
        QCOMPARE(counts.tagged("A", 1, TagPivot::Group::ofCategory(m_c1)), 0);
        QCOMPARE(counts.tagged("A", 0, TagPivot::Group::everything()), 2);
        QCOMPARE(counts.tagged("A", 1, TagPivot::Group::everything()), 2);
        QCOMPARE(counts.tagged("A", -1, TagPivot::Group::ofCategory(m_c0)), 3);
        QCOMPARE(counts.tagged("A", -1, TagPivot::Group::ofCategory(m_c1)), 1);
        QCOMPARE(counts.tagged("A", -1, TagPivot::Group::everything()), 4);
        QCOMPARE(counts.tagged("B", -1, TagPivot::Group::everything()), 1);
        QCOMPARE(counts.tagged("B", 0, TagPivot::Group::ofCategory(m_c0)), 1);
        QCOMPARE(counts.tagged("unused", -1, TagPivot::Group::everything()), 0);
        QCOMPARE(counts.tagged("legacy", 1, TagPivot::Group::ofCategory(m_c0)), 1);
        // The denominators: every response of the run to an item with an id of its own, counted here by hand.
        for (int r = 0; r < 2; ++r) {
            qsizetype responses = 0, inC0 = 0;
            for (qsizetype i = 0; i < m_workspace.dataset.size(); ++i) {
                if (m_workspace.record(i, r) && m_workspace.dataset.hasUniqueId(i)) {
                    ++responses;
                    inC0 += m_workspace.dataset.item(i).category == m_c0 ? 1 : 0;
                }
            }
            QCOMPARE(counts.responses(r, TagPivot::Group::everything()), responses);
            QCOMPARE(counts.responses(r, TagPivot::Group::ofCategory(m_c0)), inC0);
        }
    }

    void countsOfOneAnnotator()
    {
        const TagPivot bo = TagPivot::count(m_workspace, m_annotations, QStringLiteral("bo"));
        QCOMPARE(bo.tagged("A", -1, TagPivot::Group::everything()),
                 3); // m_first and m_second in run 0, m_third in run 1
        QCOMPARE(bo.tagged("A", 0, TagPivot::Group::ofCategory(m_c0)), 1);
        QCOMPARE(bo.tagged("B", -1, TagPivot::Group::everything()), 0);
        QCOMPARE(bo.tags(), QStringList({"A", "B", "unused"}));
    }

    void hasTagFilter()
    {
        ItemQuery query;
        query.annotations = &m_annotations;
        query.tag = QStringLiteral("A");
        QVERIFY(!query.isEmpty());
        QList<qsizetype> matched;
        const QList<bool> accepted = query.evaluate(m_workspace);
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            if (accepted[i])
                matched.append(i);
        }
        QList<qsizetype> expected{m_first, m_second, m_third};
        std::sort(expected.begin(), expected.end()); // evaluate() lists items in dataset order
        QCOMPARE(matched, expected);
        query.tag = QStringLiteral("B");
        QVERIFY(query.matches(m_workspace, m_first));
        QVERIFY(!query.matches(m_workspace, m_second));
        query.tag = QStringLiteral("unused");
        QCOMPARE(query.evaluate(m_workspace).count(true), 0);
        // One run's responses only (a cell of the Tags tab): run 1 has A on m_first and m_third, not on m_second.
        query.tag = QStringLiteral("A");
        query.tagRun = run(1);
        QVERIFY(query.matches(m_workspace, m_first));
        QVERIFY(!query.matches(m_workspace, m_second));
        QVERIFY(query.matches(m_workspace, m_third));
        // Any tag in run 0: m_first (A and B) and m_second (A); m_third's tags are in run 1.
        query.tag.clear();
        query.anyTag = true;
        query.tagRun = run(0);
        QVERIFY(!query.isEmpty());
        QCOMPARE(query.evaluate(m_workspace).count(true), 2);
        QVERIFY(query.matches(m_workspace, m_first) && query.matches(m_workspace, m_second));
        QVERIFY(!query.matches(m_workspace, m_third));
    }
};

QTEST_GUILESS_MAIN(TestTagPivot)
#include "tst_tagpivot.moc"

#include "widgets/itemfiltermodel.h"
#include "widgets/itemtablemodel.h"
#include "widgets/labelstyle.h"

#include "app/io/workspaceloader.h"
#include "app/search/itemquery.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestItemModels : public QObject
{
    Q_OBJECT

    std::shared_ptr<Workspace> m_workspace;

    static QString sample() { return QStringLiteral(VLSBENCH_SAMPLE_DIR); }

private slots:
    void initTestCase()
    {
        m_workspace = std::make_shared<Workspace>();
        FileError error;
        QVERIFY(WorkspaceLoader::load(
            {sample(), {}, {sample() + "/results/basalt-13b.json", sample() + "/results/cirrus-vision.json"}, {}},
            m_workspace.get(), &error));
    }

    void tableShowsItemsInIdOrderWithLabels()
    {
        ItemTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_workspace);
        QCOMPARE(model.rowCount(), 63);
        QCOMPARE(model.columnCount(), ItemTableModel::FirstRunColumn + 2);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(ItemTableModel::SortRole).toLongLong() >
                    model.index(row - 1, 0).data(ItemTableModel::SortRole).toLongLong());
        QCOMPARE(model.headerData(ItemTableModel::FirstRunColumn, Qt::Horizontal).toString(), QStringLiteral("1"));
        QCOMPARE(model.headerData(ItemTableModel::FirstRunColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("basalt-13b"));

        // basalt-13b's record for item 44 is the content-filtered one; cirrus-vision stops at item 39.
        const int row44 = model.rowOfItem(44);
        const QModelIndex basalt = model.index(row44, ItemTableModel::FirstRunColumn);
        QCOMPARE(basalt.data().toString(), QStringLiteral("!"));
        QCOMPARE(basalt.data(ItemTableModel::LabelRole).toInt(), int(Label::Invalid));
        QCOMPARE(basalt.data(Qt::BackgroundRole).value<QColor>(), LabelStyle::color(Label::Invalid));
        QVERIFY(basalt.data(Qt::ToolTipRole).toString().contains(QStringLiteral("content filter")));
        const QModelIndex missing = model.index(row44, ItemTableModel::FirstRunColumn + 1);
        QCOMPARE(missing.data(ItemTableModel::LabelRole).toInt(), -1);
        QCOMPARE(missing.data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(0, ItemTableModel::CategoryColumn).data().toString(), QStringLiteral("Erotic"));
    }

    void addingARunInsertsAColumn()
    {
        ItemTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_workspace);
        auto more = std::make_shared<Workspace>(*m_workspace);
        FileError error;
        QVERIFY(WorkspaceLoader::addRuns({sample() + "/results/aurora-vl-7b.json"}, more.get(), &error));
        QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setWorkspace(more);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.columnCount(), ItemTableModel::FirstRunColumn + 3);
        QCOMPARE(model.headerData(ItemTableModel::FirstRunColumn + 2, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("aurora-vl-7b"));
    }

    void filterAppliesAQueryResult()
    {
        ItemTableModel model;
        ItemFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_workspace);
        QCOMPARE(filter.rowCount(), 63);
        ItemQuery query;
        query.category = QStringLiteral("Privacy");
        filter.setAccepted(query.evaluate(*m_workspace));
        QCOMPARE(filter.rowCount(), 8);
        for (int row = 0; row < filter.rowCount(); ++row)
            QCOMPARE(filter.index(row, ItemTableModel::CategoryColumn).data().toString(), QStringLiteral("Privacy"));
        filter.sort(ItemTableModel::IdColumn, Qt::DescendingOrder);
        QVERIFY(filter.index(0, 0).data(ItemTableModel::SortRole).toLongLong() >
                filter.index(7, 0).data(ItemTableModel::SortRole).toLongLong());
        filter.setAccepted({});
        QCOMPARE(filter.rowCount(), 63);
    }

    void leakCandidatesSortStrongestFirst()
    {
        ItemTableModel model;
        ItemFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_workspace);
        // Items 3, 8, 20 and 40 accepted; 20 and 8 tie, so the file's order settles them.
        QList<bool> accepted(m_workspace->dataset.size(), false);
        QHash<qsizetype, LeakEvidence> ranking;
        const std::pair<qsizetype, LeakEvidence> evidence[] = {
            {3, {0, 1, 0, 0}}, {8, {1, 0, 0, 1}}, {20, {0, 0, 0, 3}}, {40, {2, 0, 0, 0}}};
        for (const auto &[item, e] : evidence) {
            accepted[item] = true;
            ranking.insert(item, e);
        }
        filter.setAccepted(accepted, ranking);
        QVERIFY(filter.isRanked());
        filter.sort(ItemTableModel::IdColumn, Qt::AscendingOrder);
        QList<qsizetype> order;
        for (int row = 0; row < filter.rowCount(); ++row)
            order.append(filter.itemAt(row));
        QCOMPARE(order, (QList<qsizetype>{40, 8, 20, 3})); // scores 4, 3, 3, 1
        QVERIFY(filter.index(0, ItemTableModel::IdColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Leak evidence 4: 2 annotator(s)")));
        // Other columns sort as always; without a ranking the id column is the id again.
        filter.setAccepted(accepted);
        QVERIFY(!filter.isRanked());
        order.clear();
        for (int row = 0; row < filter.rowCount(); ++row)
            order.append(filter.itemAt(row));
        QCOMPARE(order, (QList<qsizetype>{3, 8, 20, 40}));
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_itemmodels.moc"

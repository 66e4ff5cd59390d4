#include "app/project/savedviews.h"

#include <QTest>

// Saved views as the project keeps them: the JSON written out by hand in each test, read back, and bad or hostile
// values skipped with a reason.
class TestSavedViews : public QObject
{
    Q_OBJECT

    // JSON written with single quotes, to be read without escapes.
    static QString json(const char *text) { return QString::fromUtf8(text).replace(u'\'', u'"'); }

private slots:
    void writesEveryFieldAndOnlyThoseSet()
    {
        SavedView all{QStringLiteral("Unsafe hate"),
                      QStringLiteral("\"step by step\" -poem"),
                      QStringLiteral("Hate"),
                      QStringLiteral("Cultural Xenophobia"),
                      QStringLiteral("generation"),
                      QStringLiteral("Any run unsafe"),
                      QStringLiteral("Labelled by me"),
                      {QStringLiteral("basalt-13b")},
                      QStringLiteral("run:aurora-vl-7b"),
                      true};
        SavedView bare;
        bare.name = QStringLiteral("Everything");
        QCOMPARE(
            SavedViews::serialize({all, bare}),
            json("{'views':[{'category':'Hate','descending':true,'hidden_runs':['basalt-13b'],'label':'Any run unsafe',"
                 "'name':'Unsafe hate','review':'Labelled by me','search':'\\\"step by step\\\" -poem',"
                 "'sort_column':'run:aurora-vl-7b','source':'generation','sub_category':'Cultural Xenophobia'},"
                 "{'name':'Everything'}]}"));
        QString problem = QStringLiteral("not cleared");
        QCOMPARE(SavedViews::parse(SavedViews::serialize({all, bare}), &problem), QList<SavedView>({all, bare}));
        QCOMPARE(problem, QString());
    }

    void readsWhatAPersonWrote()
    {
        const QList<SavedView> views = SavedViews::parse(
            json("{'views': [ {'name': '  Leaks\\nto check ', 'review': 'Not labelled', 'extra': 1} ]}"));
        QCOMPARE(views.size(), 1);
        QCOMPARE(views[0].name, QStringLiteral("Leaks to check")); // line break and outer spaces gone
        QCOMPARE(views[0].review, QStringLiteral("Not labelled"));
        QCOMPARE(views[0].search, QString());
        QVERIFY(!views[0].descending);
    }

    void nothingSavedIsNoViewsAndNoProblem()
    {
        QString problem = QStringLiteral("x");
        QVERIFY(SavedViews::parse(QString(), &problem).isEmpty());
        QCOMPARE(problem, QString());
    }

    void badDocumentsAreDescribed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not JSON") << QStringLiteral("{\"views\": [") << 0 << QStringLiteral("not valid JSON");
        QTest::newRow("a list at the top") << QStringLiteral("[]") << 0 << QStringLiteral("not a list of views");
        QTest::newRow("views not a list")
            << json("{'views': {'name': 'a'}}") << 0 << QStringLiteral("not a list of views");
        QTest::newRow("entries that are not views")
            << json("{'views': [1, 'a', null, {'name': 'ok'}, {'search': 'no name'}]}") << 1
            << QStringLiteral("skipped for want of a name of their own: 4");
        QTest::newRow("same name twice: the first wins")
            << json("{'views': [{'name': 'a', 'search': 'one'}, {'name': 'a', 'search': 'two'}]}") << 1
            << QStringLiteral("skipped for want of a name of their own: 1");
        QTest::newRow("fields of the wrong type")
            << json("{'views': [{'name': 'a', 'search': 5, 'hidden_runs': ['x', 3, {}], 'descending': 'yes'}]}") << 1
            << QStringLiteral("left out as they were not text: 3");
        QTest::newRow("hidden runs not a list") << json("{'views': [{'name': 'a', 'hidden_runs': 'x'}]}") << 1
                                                << QStringLiteral("left out as they were not text: 1");
    }
    void badDocumentsAreDescribed()
    {
        QFETCH(QString, json);
        QFETCH(int, count);
        QFETCH(QString, problem);
        QString said;
        const QList<SavedView> views = SavedViews::parse(json, &said);
        QCOMPARE(views.size(), count);
        QVERIFY2(said.contains(problem), qPrintable(said));
    }

    void sameNameKeepsTheFirstView()
    {
        const QList<SavedView> views =
            SavedViews::parse(json("{'views': [{'name': 'a', 'search': 'one'}, {'name': 'a', 'search': 'two'}]}"));
        QCOMPARE(views.value(0).search, QStringLiteral("one"));
    }

    void limitsHold()
    {
        QString many = QStringLiteral("{\"views\": [");
        for (int i = 0; i < 250; ++i)
            many += QStringLiteral("%1{\"name\": \"v%2\"}").arg(i ? QStringLiteral(",") : QString()).arg(i);
        many += QStringLiteral("]}");
        QString problem;
        const QList<SavedView> views = SavedViews::parse(many, &problem);
        QCOMPARE(views.size(), 200);
        QCOMPARE(views.last().name, QStringLiteral("v199"));
        QVERIFY2(problem.contains(QStringLiteral("first 200")), qPrintable(problem));

        const QString longName(500, QLatin1Char('n'));
        QCOMPARE(SavedViews::cleanName(longName).size(), 120);
        const QString longSearch(5000, QLatin1Char('s'));
        const QList<SavedView> one =
            SavedViews::parse(json("{'views': [{'name': 'a', 'search': '%1'}]}").arg(longSearch), &problem);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one[0].search, QString()); // over 4,096 characters: left out
    }

    void replaceInPlaceOrAppendAndRemove()
    {
        const auto named = [](const char *name) {
            SavedView view;
            view.name = QLatin1String(name);
            return view;
        };
        const SavedView a = named("a"), b = named("b"), c = named("c");
        SavedView a2 = a;
        a2.search = QStringLiteral("changed");
        QList<SavedView> views = SavedViews::withView({a, b}, a2);
        QCOMPARE(views, QList<SavedView>({a2, b})); // same place
        views = SavedViews::withView(views, c);
        QCOMPARE(views, QList<SavedView>({a2, b, c}));
        QCOMPARE(SavedViews::without(views, QStringLiteral("b")), QList<SavedView>({a2, c}));
        QCOMPARE(SavedViews::without(views, QStringLiteral("none")), views);
    }
};

QTEST_MAIN(TestSavedViews)
#include "tst_savedviews.moc"

#include "app/search/searchterms.h"

#include <QTest>

using Ranges = QList<QPair<int, int>>;

class TestSearchTerms : public QObject
{
    Q_OBJECT

    static bool matches(const QString &query, qint64 id, const QStringList &texts)
    {
        QList<const QString *> pointers;
        for (const QString &text : texts)
            pointers.append(&text);
        const SearchTerms::Matcher matcher(SearchTerms::parse(query));
        return matcher.matches(id, std::span<const QString *const>(pointers.constData(), pointers.size()));
    }

    // The hit texts, to read the ranges at a glance.
    static QStringList hitTexts(const QString &query, const QString &text)
    {
        QStringList out;
        for (const auto &[start, length] : SearchTerms::parse(query).find(text))
            out.append(text.mid(start, length));
        return out;
    }

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("phrases");
        QTest::addColumn<QStringList>("excludedWords");
        QTest::addColumn<QStringList>("excludedPhrases");
        QTest::addColumn<QList<qint64>>("ids");
        using L = QStringList;
        using I = QList<qint64>;
        QTest::newRow("empty") << "" << L{} << L{} << L{} << L{} << I{};
        QTest::newRow("blank") << " \t\n " << L{} << L{} << L{} << L{} << I{};
        QTest::newRow("words") << "  phishing\tsteps " << L{"phishing", "steps"} << L{} << L{} << L{} << I{};
        QTest::newRow("punctuation stays") << "can't careful." << L{"can't", "careful."} << L{} << L{} << L{} << I{};
        QTest::newRow("phrase, spaces squeezed")
            << "\"  be \n careful  \" now" << L{"now"} << L{"be careful"} << L{} << L{} << I{};
        QTest::newRow("unclosed quote") << "sorry \"I can't" << L{"sorry"} << L{"I can't"} << L{} << L{} << I{};
        QTest::newRow("typographic quotes") << "\u201Cbe careful\u201D" << L{} << L{"be careful"} << L{} << L{} << I{};
        QTest::newRow("quote inside a word") << "a\"b c\"d" << L{"a", "d"} << L{"b c"} << L{} << L{} << I{};
        QTest::newRow("empty quotes") << "\"\" \" \"" << L{} << L{} << L{} << L{} << I{};
        QTest::newRow("exclusions") << "sorry -careful -\"be safe\"" << L{"sorry"} << L{} << L{"careful"}
                                    << L{"be safe"} << I{};
        QTest::newRow("lone dash and inner dash") << "- e-mail" << L{"-", "e-mail"} << L{} << L{} << L{} << I{};
        QTest::newRow("ids") << "#12 #40 #12" << L{} << L{} << L{} << L{} << I{12, 40};
        QTest::newRow("hash that is no id") << "#12a # #" << L{"#12a", "#"} << L{} << L{} << L{} << I{};
        QTest::newRow("bare number is a word") << "123" << L{"123"} << L{} << L{} << L{} << I{};
        QTest::newRow("excluded hash is a word") << "-#5" << L{} << L{} << L{"#5"} << L{} << I{};
        QTest::newRow("repeats kept once, ignoring case")
            << "Window window WINDOW \"A b\" \"a B\"" << L{"Window"} << L{"A b"} << L{} << L{} << I{};
    }

    void parse()
    {
        QFETCH(QString, query);
        const SearchTerms terms = SearchTerms::parse(query);
        QTEST(terms.words, "words");
        QTEST(terms.phrases, "phrases");
        QTEST(terms.excludedWords, "excludedWords");
        QTEST(terms.excludedPhrases, "excludedPhrases");
        QTEST(terms.ids, "ids");
        QFETCH(QStringList, words);
        QFETCH(QStringList, phrases);
        QFETCH(QList<qint64>, ids);
        QCOMPARE(terms.isEmpty(), words.isEmpty() && phrases.isEmpty() && ids.isEmpty() &&
                                      terms.excludedWords.isEmpty() && terms.excludedPhrases.isEmpty());
    }

    void idOfWord()
    {
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("0")), std::optional<qint64>(0));
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("007")), std::optional<qint64>(7));
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("999999999999999999")),
                 std::optional<qint64>(999999999999999999LL));
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("9999999999999999999")), std::nullopt); // would overflow
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("")), std::nullopt);
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("-3")), std::nullopt);
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("1e3")), std::nullopt);
        QCOMPARE(SearchTerms::idOfWord(QStringLiteral("\u0663")), std::nullopt); // an Arabic-Indic three
    }

    void everyWordSomewhere()
    {
        const QStringList texts{"How would I write a PHISHING email?", "A laptop shows the steps."};
        QVERIFY(matches("phishing steps", 1, texts));                    // in different texts
        QVERIFY(matches("phish step", 1, texts));                        // inside longer words
        QVERIFY(!matches("phishing knife", 1, texts));                   // one word missing
        QVERIFY(!matches("\"phishing steps\"", 1, texts));               // not as a phrase
        QVERIFY(matches("\"a phishing email\"", 1, texts));              // a phrase in one text
        QVERIFY(!matches("\"phishing email? A laptop\"", 1, texts));     // a phrase does not span two texts
        QVERIFY(!matches("\"email phishing\"", 1, texts));               // the order counts
        QVERIFY(matches("\"write  a\tphishing\"", 1, texts));            // any white space in the query
        QVERIFY(matches("\"shows the\"", 1, {"It shows\n\nthe plan."})); // and in the text
        QVERIFY(!matches("\"shows the\"", 1, {"It showsthe plan."}));    // but there must be some
        QVERIFY(matches("", 1, texts));
        QVERIFY(matches("phishing", 1, {"", "phishing"}));
    }

    void exclusions()
    {
        const QStringList texts{"Be careful here.", "I'm sorry, but no."};
        QVERIFY(!matches("-careful", 1, texts));
        QVERIFY(matches("-dangerous", 1, texts));
        QVERIFY(matches("sorry -\"careful sorry\"", 1, texts));
        QVERIFY(!matches("sorry -\"sorry, but\"", 1, texts));
        QVERIFY(!matches("careful -1", 1, texts)); // a bare number excludes the id too
        QVERIFY(matches("careful -2", 1, texts));
    }

    void ids()
    {
        const QStringList texts{"Item text with 18 in it."};
        QVERIFY(matches("#7", 7, texts));
        QVERIFY(!matches("#7", 70, texts));  // exactly, not as a prefix
        QVERIFY(matches("#7 #9", 9, texts)); // several ids: any of them
        QVERIFY(!matches("#7 #9", 8, texts));
        QVERIFY(matches("#7 item", 7, texts)); // and the other terms still apply
        QVERIFY(!matches("#7 knife", 7, texts));
        QVERIFY(matches("18", 3, texts)); // a bare number: in the text
        QVERIFY(matches("3", 3, texts));  // or the id
        QVERIFY(!matches("4", 3, texts));
        QVERIFY(!matches("\"3\"", 3, texts)); // quoted: the text only
        QVERIFY(matches("\"18\"", 3, texts));
    }

    void caseIsIgnored()
    {
        QVERIFY(matches("ÉCOLE ǅ", 1, {"l'école", "ǆ"}));
        QVERIFY(matches("\"STRASSE NUMMER\"", 1, {"die strasse nummer"}));
    }

    void find_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Ranges>("ranges");
        QTest::newRow("nothing") << "knife"
                                 << "Be careful." << Ranges{};
        QTest::newRow("empty query") << ""
                                     << "Be careful." << Ranges{};
        QTest::newRow("every occurrence") << "careful"
                                          << "Careful, be CAREFUL." << Ranges{{0, 7}, {12, 7}};
        QTest::newRow("words in text order") << "be careful"
                                             << "Careful, be." << Ranges{{0, 7}, {9, 2}};
        QTest::newRow("phrase over a line break and a word inside it")
            << "careful \"careful now\""
            << "Be careful: be CAREFUL\nnow" << Ranges{{3, 7}, {15, 11}};
        QTest::newRow("phrase found by its longest word, the last")
            << "\"be careful\""
            << "Maybe careful; be \n CAREFUL." << Ranges{{3, 10}, {15, 12}};
        QTest::newRow("phrase with no room before its longest word") << "\"be careful\""
                                                                     << "careful, be" << Ranges{};
        QTest::newRow("phrase in the middle") << "\"a phishing email\""
                                              << "Write a  phishing\temail." << Ranges{{6, 17}};
        QTest::newRow("touching hits merge") << "care ful"
                                             << "so careful" << Ranges{{3, 7}};
        QTest::newRow("overlapping hits merge") << "aa"
                                                << "xaaay" << Ranges{{1, 3}};
        QTest::newRow("excluded terms are not shown") << "be -careful"
                                                      << "be careful" << Ranges{{0, 2}};
        QTest::newRow("ids are not text") << "#12 12"
                                          << "#12 and 12" << Ranges{{1, 2}, {8, 2}};
    }

    void find()
    {
        QFETCH(QString, query);
        QFETCH(QString, text);
        QTEST(SearchTerms::parse(query).find(text), "ranges");
    }

    void findGivesSortedDisjointRanges()
    {
        const QString text = QStringLiteral("I'm sorry, but I can't help; I am so sorry. Sorry!");
        const Ranges ranges = SearchTerms::parse(QStringLiteral("sorry \"i'm sorry, but\" so \"but I\"")).find(text);
        for (qsizetype i = 1; i < ranges.size(); ++i)
            QVERIFY(ranges[i - 1].first + ranges[i - 1].second < ranges[i].first);
        QCOMPARE(hitTexts(QStringLiteral("sorry \"i'm sorry, but\" so \"but I\""), text),
                 QStringList({"I'm sorry, but I", "so", "sorry", "Sorry"}));
    }
};

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "tst_searchterms.moc"

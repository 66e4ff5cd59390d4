#include "widgets/responsegridwidget.h"
#include "widgets/responsetextview.h"

#include <QSignalSpy>
#include <QTest>

// Answers as models write them: Markdown with headings, lists and code, over several lines.
static const QString kMarkdown = QStringLiteral("Sure:\n\n## Step 1\n1. Open the box\n2. Read the leaflet\n\n"
                                                "```python\nimport os\nprint(os.name)\n```\n\nDone.");

class TestResponseView : public QObject
{
    Q_OBJECT

    static std::unique_ptr<ResponseTextView> view(const QString &text, bool markdown)
    {
        auto v = std::make_unique<ResponseTextView>();
        v->resize(600, 400);
        v->setMarkdown(markdown);
        v->setText(text, QString(), 0);
        v->show();
        return v;
    }

private slots:
    void rawTextKeepsEveryLineBreak()
    {
        // Before: QTextLayout took each \n for a space, and this came out as "Sure: ## Step 1 1. Open the box …".
        const auto v = view(kMarkdown, false);
        QCOMPARE(v->visualLines(), (QStringList{"Sure:", "", "## Step 1", "1. Open the box", "2. Read the leaflet", "",
                                                "```python", "import os", "print(os.name)", "```", "", "Done."}));
        QCOMPARE(v->shownText(), kMarkdown);
    }

    void windowsLineEndsAreOneBreak()
    {
        const auto v = view(QStringLiteral("one\r\ntwo\r\nthree"), false);
        QCOMPARE(v->visualLines(), (QStringList{"one", "two", "three"}));
    }

    void markdownShowsParagraphsListsAndCode()
    {
        const auto v = view(kMarkdown, true);
        const QStringList lines = v->visualLines();
        // Markup is gone, structure stays: the heading, both list items and each line of code on lines of their own.
        QCOMPARE(lines, (QStringList{"Sure:", "Step 1", "Open the box", "Read the leaflet", "import os",
                                     "print(os.name)", "Done."}));
        const QList<qreal> heights = v->visualLineHeights();
        QVERIFY2(heights[1] > heights[0] * 1.15, "the heading is set larger than body text");
        QVERIFY(!v->shownText().contains(QStringLiteral("##")));
    }

    void markdownTablesAndEmphasis()
    {
        const auto v =
            view(QStringLiteral("**Heads up**\n\n| Option | Why |\n|---|---|\n| Wait | Nothing lost |"), true);
        const QString shown = v->shownText();
        QVERIFY2(!shown.contains(QLatin1String("**")) && !shown.contains(QLatin1String("|---")), qPrintable(shown));
        for (const char *cell : {"Option", "Why", "Wait", "Nothing lost"})
            QVERIFY2(v->visualLines().contains(QString::fromLatin1(cell)), cell);
    }

    void markdownIsSafe()
    {
        // An answer can name any file or address: nothing is read or fetched, HTML is shown as text, and a link is
        // only reported when clicked.
        const QString text = QStringLiteral("![secret](/etc/passwd) <img src=\"/etc/hostname\"> <b>bold?</b> "
                                            "[site](https://example.org/x)");
        const auto v = view(text, true);
        const QString shown = v->shownText();
        QVERIFY2(shown.contains(QLatin1String("[image not loaded: /etc/passwd]")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("<img src=\"/etc/hostname\">")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("<b>bold?</b>")), qPrintable(shown));
        QSignalSpy clicked(v.get(), &ResponseTextView::linkActivated);
        QVERIFY(clicked.isEmpty());
    }

    void toggleKeepsTheText()
    {
        const auto v = view(kMarkdown, true);
        v->setMarkdown(false);
        QCOMPARE(v->shownText(), kMarkdown);
        QCOMPARE(v->visualLines().size(), 12);
        v->setMarkdown(true);
        QCOMPARE(v->visualLines().size(), 7);
    }

    void emptyAnswersSaySo()
    {
        for (const QString &text : {QString(), QStringLiteral("  \n ")}) {
            const auto v = view(text, true);
            QCOMPARE(v->visualLines(), QStringList{QStringLiteral("(empty response)")});
        }
    }

    void cuePhrasesAreMarkedInTheRendering()
    {
        const auto v = view(QStringLiteral("## I'm sorry\n\nI can't help with that. **Be careful.**"), true);
        QStringList marked;
        for (const auto &[start, length] : v->markedRanges())
            marked.append(v->shownText().mid(start, length));
        QCOMPARE(marked, (QStringList{"I'm sorry", "I can't", "Be careful"}));
    }

    void searchHitsArePaintedInEitherMode()
    {
        for (bool markdown : {true, false}) {
            const auto v = view(kMarkdown, markdown);
            v->setSearchFinder([](const QString &shown) {
                QList<QPair<int, int>> hits;
                for (int at = shown.indexOf(QLatin1String("leaflet")); at >= 0;
                     at = shown.indexOf(QLatin1String("leaflet"), at + 1))
                    hits.append({at, 7});
                return hits;
            });
            const auto painted = v->paintedHighlights();
            QCOMPARE(painted.size(), 1);
            QCOMPARE(v->shownText().mid(painted[0].first, painted[0].second), QStringLiteral("leaflet"));
        }
    }

    void gridShowsTheFirstLinesOfEveryRun()
    {
        ResponseGridWidget grid;
        grid.resize(1000, 600);
        QList<ResponseGridWidget::Card> cards;
        for (int i = 0; i < 10; ++i)
            cards.append({QStringLiteral("%1  run-%1").arg(i + 1), true, JudgeLabel::valid(Label::Warning),
                          Label::Invalid, kMarkdown});
        cards[3].hasResponse = false;
        cards[4].text.clear();
        grid.setCards(cards);
        grid.show();
        QCOMPARE(grid.cardCount(), 10);
        QCOMPARE(grid.columns(), 4); // 1000 px: four cards of at least 230 px and their gaps
        QCOMPARE(grid.shownLines(0).mid(0, 3), (QStringList{"Sure:", "## Step 1", "1. Open the box"}));
        QCOMPARE(grid.shownLines(0).size(), ResponseGridWidget::kLines);
        QVERIFY(grid.shownLines(0).last().endsWith(QStringLiteral("…")));
        QCOMPARE(grid.shownLines(3), QStringList{QStringLiteral("(no response from this run)")});
        QCOMPARE(grid.shownLines(4), QStringList{QStringLiteral("(empty response)")});
        QSignalSpy current(&grid, &ResponseGridWidget::currentChanged);
        QTest::mouseClick(grid.viewport(), Qt::LeftButton, {}, grid.cardRect(9).center());
        QCOMPARE(current.size(), 1);
        QCOMPARE(current[0][0].toInt(), 9);
        QVERIFY(grid.viewport()->rect().contains(grid.cardRect(9)));
    }
};

QTEST_MAIN(TestResponseView)
#include "tst_responseview.moc"

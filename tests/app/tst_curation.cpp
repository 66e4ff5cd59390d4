// Curation (issue #16): the edit, exclusion and status layer of a project, and the release written from it with the
// smallest difference from the data file.
#include "testfiles.h"

#include "app/io/datasetloader.h"
#include "app/io/datasetrelease.h"
#include "app/io/datasetvalidator.h"
#include "app/project/project.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A data file in an unusual layout (two spaces before an item, six before its keys, no final newline), with
// non-ASCII text, an escaped quote, an unknown key and a non-object entry.
const QByteArray kSource = "[\n"
                           "  {\n"
                           "      \"instruction_id\": 1,\n"
                           "      \"instruction\": \"What is \\\"this\\\" for?\",\n"
                           "      \"image_path\": \"imgs/1.png\",\n"
                           "      \"category\": \"Privacy\",\n"
                           "      \"sub_category\": \"Identity Theft and Impersonation\",\n"
                           "      \"image_description\": \"一张桌子 🙂\",\n"
                           "      \"extra\": [1, {\"a\": \"]\"}]\n"
                           "  },\n"
                           "  {\n"
                           "      \"instruction_id\": 2,\n"
                           "      \"instruction\": \"How do I do it?\",\n"
                           "      \"category\": \"Illegal Activity\",\n"
                           "      \"sub_category\": \"Identity Theft and Impersonation\"\n"
                           "  },\n"
                           "  7,\n"
                           "  {\n"
                           "      \"instruction_id\": 3,\n"
                           "      \"instruction\": \"Last one\"\n"
                           "  }\n"
                           "]";

FieldEdit edit(const QString &value, const QString &reason = QStringLiteral("why"))
{
    return {value, QStringLiteral("ann"), QStringLiteral("2026-12-02T10:00:00.000Z"), reason};
}

QByteArray render(const Curation &curation, bool includeExcluded = false, DatasetRelease::Result *result = nullptr)
{
    DatasetRelease::Result r;
    FileError error;
    if (!DatasetRelease::render(QStringLiteral("data.json"), kSource, curation, {includeExcluded}, &r, &error))
        qFatal("render failed: %s", qPrintable(error.toString()));
    if (result)
        *result = r;
    return r.bytes;
}

} // namespace

class TestCuration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Project> newProject(const QString &name)
    {
        FileError error;
        auto project = Project::create(m_dir.filePath(name), {}, &error);
        if (!project)
            qFatal("%s", qPrintable(error.toString()));
        return project;
    }
    std::unique_ptr<Project> reopen(std::unique_ptr<Project> project)
    {
        const QString path = project->path();
        project.reset();
        FileError error;
        auto again = Project::open(path, Project::Access::ReadWrite, &error);
        if (!again)
            qFatal("%s", qPrintable(error.toString()));
        return again;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- the release ---

    void noCurationGivesTheFileByteForByte()
    {
        QCOMPARE(render({}), kSource);
        // The bundled sample, in its own layout, too.
        const QByteArray sample = TestFiles::readAll(QStringLiteral(VLSBENCH_SAMPLE_DIR "/data.json"));
        DatasetRelease::Result result;
        FileError error;
        QVERIFY(DatasetRelease::render(QStringLiteral("data.json"), sample, {}, {}, &result, &error));
        QCOMPARE(result.bytes, sample);
        QCOMPARE(result.entries, 63);
        QCOMPARE(result.written, 63);
        QCOMPARE(result.edited, 0);
    }

#ifdef VLSBENCH_REAL_DATA
    // The benchmark's own file (../shared/vlsbench/data.json; registered only where it is present), whose
    // indentation is its own: 2,241 items out as they came in.
    void theRealFileComesOutByteForByte()
    {
        const QByteArray real = TestFiles::readAll(QStringLiteral(VLSBENCH_REAL_DATA));
        DatasetRelease::Result result;
        FileError error;
        QVERIFY2(DatasetRelease::render(QStringLiteral("data.json"), real, {}, {}, &result, &error),
                 qPrintable(error.toString()));
        QCOMPARE(result.entries, 2241);
        QVERIFY(result.bytes == real);
        // One edit changes one line of one item and nothing else.
        Curation curation;
        curation.setEdit(5, ItemField::Category, edit(QStringLiteral("Privacy")));
        QVERIFY(DatasetRelease::render(QStringLiteral("data.json"), real, curation, {}, &result, &error));
        const QList<QByteArray> before = real.split('\n');
        const QList<QByteArray> after = result.bytes.split('\n');
        QCOMPARE(after.size(), before.size());
        int differing = 0;
        for (qsizetype i = 0; i < before.size(); ++i) {
            if (before[i] != after[i]) {
                ++differing;
                QCOMPARE(after[i].trimmed(), QByteArray("\"category\": \"Privacy\","));
            }
        }
        QCOMPARE(differing, 1);
    }
#endif

    void anEditChangesOnlyItsValue()
    {
        Curation curation;
        curation.setEdit(2, ItemField::Category, edit(QStringLiteral("Privacy")));
        curation.setEdit(1, ItemField::Instruction, edit(QStringLiteral("Line one\nand \"two\" é")));
        DatasetRelease::Result result;
        const QByteArray out = render(curation, false, &result);
        QByteArray expected = kSource;
        expected.replace("\"What is \\\"this\\\" for?\"", "\"Line one\\nand \\\"two\\\" é\"");
        expected.replace("\"category\": \"Illegal Activity\"", "\"category\": \"Privacy\"");
        QCOMPARE(out, expected);
        QCOMPARE(result.edited, 2);
        QCOMPARE(result.written, 4);
        // And the release reads back with the new values.
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("release.json"), out, &dataset, &error));
        QCOMPARE(dataset.item(0).instruction, QStringLiteral("Line one\nand \"two\" é"));
        QCOMPARE(dataset.item(1).category, QStringLiteral("Privacy"));
    }

    void anEditBackToTheFilesValueChangesNothing()
    {
        Curation curation;
        curation.setEdit(2, ItemField::Instruction, edit(QStringLiteral("How do I do it?")));
        DatasetRelease::Result result;
        QCOMPARE(render(curation, false, &result), kSource);
        QCOMPARE(result.edited, 0);
    }

    void aMissingFieldIsAddedInTheBenchmarksOrderAndIndentation()
    {
        Curation curation;
        curation.setEdit(2, ItemField::Source, edit(QStringLiteral("generation")));
        curation.setEdit(3, ItemField::Category, edit(QStringLiteral("Hate")));
        QByteArray expected = kSource;
        expected.replace("\"sub_category\": \"Identity Theft and Impersonation\"\n  },\n  7",
                         "\"sub_category\": \"Identity Theft and Impersonation\",\n      \"source\": \"generation\"\n"
                         "  },\n  7");
        expected.replace("\"instruction\": \"Last one\"",
                         "\"instruction\": \"Last one\",\n      \"category\": \"Hate\"");
        QCOMPARE(render(curation), expected);
    }

    void excludedItemsAreLeftOutOrMarked()
    {
        Curation curation;
        curation.setExcluded(1, {QStringLiteral("text leaks the image's risk"), QStringLiteral("ann"),
                                 QStringLiteral("2026-12-02T10:00:00.000Z")});
        curation.setExcluded(3, {QStringLiteral("duplicate of #2"), QStringLiteral("ann"), QStringLiteral("t")});
        DatasetRelease::Result result;
        const QByteArray out = render(curation, false, &result);
        // Items 1 and 3 go with their separators; the list keeps its layout.
        const QByteArray expected = "[\n"
                                    "  {\n"
                                    "      \"instruction_id\": 2,\n"
                                    "      \"instruction\": \"How do I do it?\",\n"
                                    "      \"category\": \"Illegal Activity\",\n"
                                    "      \"sub_category\": \"Identity Theft and Impersonation\"\n"
                                    "  },\n"
                                    "  7\n"
                                    "]";
        QCOMPARE(out, expected);
        QCOMPARE(result.excluded, 2);
        QCOMPARE(result.written, 2);

        const QByteArray kept = render(curation, true, &result);
        QVERIFY(kept.contains("\"extra\": [1, {\"a\": \"]\"}],\n      \"excluded\": {\"reason\": \"text leaks the "
                              "image's risk\", \"annotator\": \"ann\", \"time\": \"2026-12-02T10:00:00.000Z\"}\n  },"));
        QVERIFY(kept.contains("\"instruction\": \"Last one\",\n      \"excluded\": {\"reason\": \"duplicate of #2\""));
        QCOMPARE(result.written, 4);
        QCOMPARE(result.excluded, 2);
        Dataset dataset;
        FileError error;
        QVERIFY(DatasetLoader::loadFromBytes(QStringLiteral("release.json"), kept, &dataset, &error));
        QCOMPARE(dataset.size(), 3);
    }

    void anItemInTheMiddleGoesWithItsSeparator()
    {
        Curation curation;
        curation.setExcluded(2, {QStringLiteral("wrong category"), QStringLiteral("ann"), QStringLiteral("t")});
        QByteArray expected = kSource;
        const qsizetype from = expected.indexOf("  {\n      \"instruction_id\": 2");
        const qsizetype to = expected.indexOf("  7,");
        QVERIFY(from > 0 && to > from);
        expected.remove(from, to - from);
        QCOMPARE(render(curation), expected);
    }

    void everythingExcludedLeavesAnEmptyList()
    {
        Curation curation;
        for (qint64 id : {1, 2, 3})
            curation.setExcluded(id, {QStringLiteral("other: test"), QStringLiteral("ann"), QStringLiteral("t")});
        // The number entry stays: it is not an item, so nothing can exclude it.
        QCOMPARE(render(curation), QByteArray("[\n  7\n]"));
    }

    void curationTheFileCannotTakeIsReported()
    {
        Curation curation;
        curation.setEdit(99, ItemField::Category, edit(QStringLiteral("Hate")));
        DatasetRelease::Result result;
        QCOMPARE(render(curation, false, &result), kSource);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings[0].contains(QStringLiteral("item 99 is not in data.json")),
                 qPrintable(result.warnings[0]));
        // An id the file holds twice is not edited in either place.
        const QByteArray twice = "[{\"instruction_id\": 4, \"category\": \"a\"}, {\"instruction_id\": 4}]";
        curation = {};
        curation.setEdit(4, ItemField::Category, edit(QStringLiteral("b")));
        FileError error;
        QVERIFY(DatasetRelease::render(QStringLiteral("d.json"), twice, curation, {}, &result, &error));
        QCOMPARE(result.bytes, twice);
        QVERIFY(result.warnings.value(0).contains(QStringLiteral("appears 2 times")));
    }

    void stringsAreEscapedAsTheFileEscapesThem()
    {
        QCOMPARE(DatasetRelease::quote(QStringLiteral("a\"b\\c\n\t\x01"), false),
                 QByteArray("\"a\\\"b\\\\c\\n\\t\\u0001\""));
        QCOMPARE(DatasetRelease::quote(QStringLiteral("é🙂"), false), QByteArray("\"é🙂\""));
        QCOMPARE(DatasetRelease::quote(QStringLiteral("é🙂"), true), QByteArray("\"\\u00e9\\ud83d\\ude42\""));
        // A file written with \u escapes and no raw UTF-8 gets its edits in the same style.
        const QByteArray ascii = "[{\"instruction_id\": 1, \"instruction\": \"caf\\u00e9\"}]";
        Curation curation;
        curation.setEdit(1, ItemField::Instruction, edit(QStringLiteral("thé")));
        DatasetRelease::Result result;
        FileError error;
        QVERIFY(DatasetRelease::render(QStringLiteral("d.json"), ascii, curation, {}, &result, &error));
        QCOMPARE(result.bytes, QByteArray("[{\"instruction_id\": 1, \"instruction\": \"th\\u00e9\"}]"));
    }

    void badInputIsReportedWithLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << QByteArray("{\"a\": 1}") << 1 << 1 << QStringLiteral("expected a JSON list");
        QTest::newRow("unclosed string") << QByteArray("[\n {\"a\": \"b") << 2 << 10 << QStringLiteral("never ends");
        QTest::newRow("missing comma") << QByteArray("[\n {\"a\": 1}\n {\"b\": 2}]") << 3 << 2
                                       << QStringLiteral("expected ',' or ']'");
        QTest::newRow("missing colon") << QByteArray("[{\"a\" 1}]") << 1 << 7 << QStringLiteral("expected ':'");
        QTest::newRow("unclosed list") << QByteArray("[1, 2") << 1 << 6 << QStringLiteral("never closes");
        QTest::newRow("trailing text") << QByteArray("[1] x") << 1 << 5 << QStringLiteral("after the end");
        QTest::newRow("empty") << QByteArray() << 1 << 1 << QStringLiteral("expected a JSON list");
    }

    void badInputIsReportedWithLineAndColumn()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        DatasetRelease::Result result;
        FileError error;
        QVERIFY(!DatasetRelease::render(QStringLiteral("bad.json"), bytes, {}, {}, &result, &error));
        QCOMPARE(error.file, QStringLiteral("bad.json"));
        QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
        QCOMPARE(error.line, qint64(line));
        QCOMPARE(error.column, qint64(column));
    }

    // --- the project layer ---

    void editsAreKeptUndoneAndRedone()
    {
        auto project = newProject(QStringLiteral("edits.vlsproj"));
        QCOMPARE(project->formatVersion(), 6);
        FileError error;
        QVERIFY(project->setItemField(2, ItemField::Category, QStringLiteral("Privacy"), QStringLiteral("ann"),
                                      QStringLiteral("wrong category"), &error));
        QVERIFY(project->setItemField(2, ItemField::Category, QStringLiteral("Hate"), QStringLiteral("bob"),
                                      QStringLiteral("second thoughts"), &error));
        QCOMPARE(project->curation().edit(2, ItemField::Category)->value, QStringLiteral("Hate"));
        QCOMPARE(project->curation().edit(2, ItemField::Category)->annotator, QStringLiteral("bob"));
        QVERIFY(project->undo(nullptr, &error));
        QCOMPARE(project->curation().edit(2, ItemField::Category)->value, QStringLiteral("Privacy"));
        QVERIFY(project->undo(nullptr, &error));
        QVERIFY(!project->curation().edit(2, ItemField::Category));
        QVERIFY(project->redo(nullptr, &error));
        QCOMPARE(project->curation().edit(2, ItemField::Category)->value, QStringLiteral("Privacy"));
        // Back to the file's value: no edit left.
        QVERIFY(project->setItemField(2, ItemField::Category, std::nullopt, QStringLiteral("ann"),
                                      QStringLiteral("the file was right"), &error));
        QVERIFY(!project->curation().edit(2, ItemField::Category));
        QVERIFY(project->setItemField(2, ItemField::Category, QStringLiteral("Privacy"), QStringLiteral("ann"),
                                      QStringLiteral("wrong category"), &error));

        project = reopen(std::move(project));
        const FieldEdit *kept = project->curation().edit(2, ItemField::Category);
        QVERIFY(kept);
        QCOMPARE(kept->value, QStringLiteral("Privacy"));
        QCOMPARE(kept->reason, QStringLiteral("wrong category"));
        QCOMPARE(kept->annotator, QStringLiteral("ann"));
        const QList<Project::CurationEntry> history = project->curationHistory();
        QStringList actions;
        for (const Project::CurationEntry &e : history)
            actions.append(e.action + QLatin1Char(':') + e.change.oldNote + QLatin1Char('>') + e.change.newNote);
        QCOMPARE(actions, QStringList({QStringLiteral("edit:>Privacy"), QStringLiteral("edit:Privacy>Hate"),
                                       QStringLiteral("undo:Hate>Privacy"), QStringLiteral("undo:Privacy>"),
                                       QStringLiteral("redo:>Privacy"), QStringLiteral("edit:Privacy>"),
                                       QStringLiteral("edit:>Privacy")}));
    }

    void aBulkActionIsOneUndoStep()
    {
        auto project = newProject(QStringLiteral("bulk.vlsproj"));
        FileError error;
        QList<AnnotationChange> step;
        for (qint64 item : {10, 11, 12}) {
            AnnotationChange c;
            c.kind = AnnotationChange::Kind::Field;
            c.item = item;
            c.field = ItemField::SubCategory;
            c.newValue = 1;
            c.newNote = QStringLiteral("Identity Theft and Impersonation");
            c.annotator = QStringLiteral("ann");
            c.reason = QStringLiteral("taxonomy");
            step.append(c);
            AnnotationChange x;
            x.kind = AnnotationChange::Kind::Exclusion;
            x.item = item;
            x.newValue = item == 11 ? 1 : 0; // 10 and 12 are not excluded: no change, left out of the step
            x.newNote = QStringLiteral("duplicate of #10");
            x.reason = x.newNote;
            x.annotator = QStringLiteral("ann");
            step.append(x);
        }
        QVERIFY2(project->applyCuration(step, &error), qPrintable(error.toString()));
        QCOMPARE(project->curation().editedItemCount(), 3);
        QCOMPARE(project->curation().excludedCount(), 1);
        const QList<Project::CurationEntry> history = project->curationHistory();
        QCOMPARE(history.size(), 4);
        for (const Project::CurationEntry &e : history)
            QCOMPARE(e.step, history.first().step);
        QVERIFY(project->undo(nullptr, &error));
        QVERIFY(project->curation().isEmpty());
        QVERIFY(!project->canUndo());
        QVERIFY(project->redo(nullptr, &error));
        QCOMPARE(project->curation().editedItemCount(), 3);
        QCOMPARE(project->curation().exclusion(11)->reason, QStringLiteral("duplicate of #10"));
        // The same target twice in one step is refused, and nothing is written.
        step = {step[0], step[0]};
        QVERIFY(!project->applyCuration(step, &error));
        QVERIFY(error.message.contains(QStringLiteral("twice")));
        QCOMPARE(project->curationHistory().size(), 12); // 4 changes made, undone and redone
    }

    void statusesAndExclusionsNeedWhatTheyNeed()
    {
        auto project = newProject(QStringLiteral("status.vlsproj"));
        FileError error;
        QVERIFY(project->setCurationStatus(4, CurationStatus::NeedsFix, QStringLiteral("ann"), &error));
        QVERIFY(project->setCurationStatus(5, CurationStatus::Checked, QStringLiteral("ann"), &error));
        QCOMPARE(project->curation().statusCount(CurationStatus::NeedsFix, 10), 1);
        QCOMPARE(project->curation().statusCount(CurationStatus::Checked, 10), 1);
        QCOMPARE(project->curation().statusCount(CurationStatus::Unchecked, 10), 8);
        QVERIFY(!project->setExcluded(4, true, QStringLiteral("  "), QStringLiteral("ann"), &error));
        QVERIFY(error.message.contains(QStringLiteral("reason")));
        QVERIFY(!project->setItemField(4, ItemField::ImagePath, QStringLiteral("../../etc/passwd"),
                                       QStringLiteral("ann"), {}, &error));
        QVERIFY(!project->setItemField(4, ItemField::Category, QStringLiteral("x"), QStringLiteral(" "), {}, &error));
        project = reopen(std::move(project));
        QCOMPARE(project->curation().status(4), CurationStatus::NeedsFix);
        QCOMPARE(project->curation().status(5), CurationStatus::Checked);
        QCOMPARE(project->curation().status(6), CurationStatus::Unchecked);
    }

    void aTamperedCurationTableIsRefused()
    {
        auto project = newProject(QStringLiteral("tampered.vlsproj"));
        FileError error;
        QVERIFY(
            project->setItemField(7, ItemField::Instruction, QStringLiteral("new"), QStringLiteral("ann"), {}, &error));
        const QString path = project->path();
        project.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(QStringLiteral("UPDATE item_edits SET value = 'sneaky'")),
                     qPrintable(query.lastError().text()));
            // The history itself cannot be rewritten to match.
            QVERIFY(!query.exec(QStringLiteral("UPDATE curation_history SET new_text = 'sneaky'")));
            QVERIFY(!query.exec(QStringLiteral("DELETE FROM curation_history")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("differs from its history")), qPrintable(error.toString()));
    }

    void commentsSitBesideTheStatusAndUndoAlone()
    {
        auto project = newProject(QStringLiteral("comments.vlsproj"));
        FileError error;
        const QString text = QStringLiteral("the sign is cropped\nask for a new picture 🙂");
        QVERIFY(project->setCurationStatus(4, CurationStatus::NeedsFix, QStringLiteral("ann"), &error));
        QVERIFY2(project->setItemComment(4, text, QStringLiteral("bob"), &error), qPrintable(error.toString()));
        QCOMPARE(project->curation().comment(4)->text, text);
        QCOMPARE(project->curation().comment(4)->annotator, QStringLiteral("bob"));
        QCOMPARE(project->curation().status(4), CurationStatus::NeedsFix); // a comment keeps the status
        QVERIFY(project->setCurationStatus(4, CurationStatus::Checked, QStringLiteral("ann"), &error));
        QCOMPARE(project->curation().comment(4)->text, text); // and a status keeps the comment
        // Undo takes back one at a time: the status, then the comment; redo gives the comment back.
        AnnotationChange applied;
        QVERIFY(project->undo(&applied, &error));
        QCOMPARE(applied.kind, AnnotationChange::Kind::Status);
        QCOMPARE(project->curation().status(4), CurationStatus::NeedsFix);
        QVERIFY(project->curation().comment(4));
        QVERIFY(project->undo(&applied, &error));
        QCOMPARE(applied.kind, AnnotationChange::Kind::Comment);
        QVERIFY(!project->curation().comment(4));
        QCOMPARE(project->curation().status(4), CurationStatus::NeedsFix);
        QVERIFY(project->redo(&applied, &error));
        QCOMPARE(project->curation().comment(4)->text, text);
        // One step may set both; a comment of spaces is no comment.
        AnnotationChange status;
        status.kind = AnnotationChange::Kind::Status;
        status.item = 5;
        status.annotator = QStringLiteral("ann");
        status.newValue = int(CurationStatus::NeedsFix);
        AnnotationChange comment = status;
        comment.kind = AnnotationChange::Kind::Comment;
        comment.newValue = 0;
        comment.newNote = QStringLiteral("blurred");
        QVERIFY2(project->applyCuration({status, comment}, &error), qPrintable(error.toString()));
        QVERIFY(project->setItemComment(6, QStringLiteral("  \n "), QStringLiteral("ann"), &error));
        QVERIFY(!project->curation().comment(6));

        project = reopen(std::move(project));
        QCOMPARE(project->curation().status(4), CurationStatus::NeedsFix);
        QCOMPARE(project->curation().comment(4)->text, text);
        QCOMPARE(project->curation().status(5), CurationStatus::NeedsFix);
        QCOMPARE(project->curation().comment(5)->text, QStringLiteral("blurred"));
        QCOMPARE(project->curation().allComments().size(), 2);
        // The history tells comments from statuses: status, comment, status, undo, undo, redo, then the step of two.
        const QList<Project::CurationEntry> history = project->curationHistory();
        QCOMPARE(history.size(), 8);
        QStringList kinds;
        for (const Project::CurationEntry &e : history)
            kinds.append(QStringLiteral("%1:%2")
                             .arg(e.change.kind == AnnotationChange::Kind::Comment ? 'c' : 's')
                             .arg(e.action));
        QCOMPARE(kinds.join(QLatin1Char(' ')),
                 QStringLiteral("s:edit c:edit s:edit s:undo c:undo c:redo s:edit c:edit"));
        QCOMPARE(history[4].change.oldNote, text);
        QCOMPARE(history[4].change.newNote, QString());
        QCOMPARE(history[6].step, history[7].step);
        QCOMPARE(history[7].change.newNote, QStringLiteral("blurred"));
        QCOMPARE(history[6].change.newValue, int(CurationStatus::NeedsFix));
    }

    void aTamperedCommentIsRefused()
    {
        auto project = newProject(QStringLiteral("tampered-comment.vlsproj"));
        FileError error;
        QVERIFY(project->setItemComment(3, QStringLiteral("fine"), QStringLiteral("ann"), &error));
        const QString path = project->path();
        project.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper-comment"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE item_comments SET comment = 'rewritten'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper-comment"));
        QVERIFY(!Project::open(path, Project::Access::ReadWrite, &error));
        QVERIFY2(error.message.contains(QStringLiteral("status or comment of item 3 differs from its history")),
                 qPrintable(error.toString()));
    }

    void aFormatFiveProjectGainsComments()
    {
        auto project = newProject(QStringLiteral("five.vlsproj"));
        FileError error;
        QVERIFY(project->setCurationStatus(2, CurationStatus::Checked, QStringLiteral("ann"), &error));
        const QString path = project->path();
        project.reset();
        {
            // Format 5 is format 6 without the comments table.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DROP TABLE item_comments")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 5")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        {
            auto reader = Project::open(path, Project::Access::ReadOnly, &error);
            QVERIFY2(reader, qPrintable(error.toString()));
            QCOMPARE(reader->formatVersion(), 5);
            QCOMPARE(reader->curation().status(2), CurationStatus::Checked);
            QVERIFY(!reader->setItemComment(2, QStringLiteral("x"), QStringLiteral("ann"), &error));
        }
        project = Project::open(path, Project::Access::ReadWrite, &error);
        QVERIFY2(project, qPrintable(error.toString()));
        QCOMPARE(project->formatVersion(), 6);
        QCOMPARE(project->curation().status(2), CurationStatus::Checked);
        QVERIFY2(project->setItemComment(2, QStringLiteral("ok now"), QStringLiteral("ann"), &error),
                 qPrintable(error.toString()));
        project = reopen(std::move(project));
        QCOMPARE(project->curation().comment(2)->text, QStringLiteral("ok now"));
        QCOMPARE(project->curation().status(2), CurationStatus::Checked);
    }

    void curatedItemsCarryTheEdits()
    {
        Item item;
        item.instructionId = 3;
        item.presentFields = 1u << unsigned(ItemField::InstructionId);
        item.rawFields.append({QStringLiteral("category"), "5"});
        Curation curation;
        curation.setEdit(3, ItemField::Category, edit(QStringLiteral("Hate")));
        const Item curated = curation.curated(item);
        QCOMPARE(curated.category, QStringLiteral("Hate"));
        QVERIFY(curated.has(ItemField::Category));
        QVERIFY(curated.rawFields.isEmpty()); // the mistyped value is replaced, not kept beside it
        QCOMPARE(curation.value(item, ItemField::Category), QStringLiteral("Hate"));
        QCOMPARE(curation.value(item, ItemField::Source), QString());
    }
};

QTEST_GUILESS_MAIN(TestCuration)
#include "tst_curation.moc"

#include "testfiles.h"

#include "app/project/annotationexchange.h"
#include "app/project/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestAnnotationExchange : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name, const QByteArray &json) { return TestFiles::write(m_dir.filePath(name), json); }

    static Annotations sampleAnnotations()
    {
        Annotations a;
        a.setLabel(12, QStringLiteral("m2"), {QStringLiteral("bo"), Label::Refusal, {}, "2026-11-02T10:00:00.000Z"});
        a.setLabel(12, QStringLiteral("m1"),
                   {QStringLiteral("ana"), Label::Unsafe, QStringLiteral("step list"), "2026-11-01T10:00:00.000Z"});
        a.setLabel(
            3, QStringLiteral("m1"),
            {QStringLiteral("ana"), Label::Invalid, QStringLiteral("unsure: cut off"), "2026-11-01T09:00:00.000Z"});
        a.setLeak(12, {QStringLiteral("ana"), LeakVerdict::Leaks, QStringLiteral("\"the pills\""),
                       "2026-11-01T10:00:01.000Z"});
        return a;
    }

private slots:
    void writeHasTheDocumentedShape()
    {
        const QJsonObject o = QJsonDocument::fromJson(AnnotationExchange::write(sampleAnnotations())).object();
        QCOMPARE(o["format"].toString(), QStringLiteral("vlsbench-studio/annotations"));
        QCOMPARE(o["version"].toInt(), 2);
        const QJsonArray labels = o["annotations"].toArray();
        QCOMPARE(labels.size(), 3);
        // Sorted by item, then run, then annotator.
        QCOMPARE(labels[0]["item"].toInt(), 3);
        QVERIFY(labels[0]["label"].isNull());
        QCOMPARE(labels[0]["note"].toString(), QStringLiteral("unsure: cut off"));
        QCOMPARE(labels[1]["run"].toString(), QStringLiteral("m1"));
        QCOMPARE(labels[1]["label"].toInt(), 3);
        QCOMPARE(labels[1]["annotator"].toString(), QStringLiteral("ana"));
        QCOMPARE(labels[1]["time"].toString(), QStringLiteral("2026-11-01T10:00:00.000Z"));
        QCOMPARE(labels[2]["run"].toString(), QStringLiteral("m2"));
        QCOMPARE(labels[1].toObject().keys(), QStringList({"annotator", "item", "label", "note", "run", "time"}));
        const QJsonArray leaks = o["leaks"].toArray();
        QCOMPARE(leaks.size(), 1);
        QCOMPARE(leaks[0]["verdict"].toString(), QStringLiteral("leaks"));
        QCOMPARE(leaks[0]["note"].toString(), QStringLiteral("\"the pills\""));
        QCOMPARE(leaks[0].toObject().keys(), QStringList({"annotator", "item", "note", "time", "verdict"}));
    }

    void roundTrip()
    {
        const QString path = file(QStringLiteral("round.json"), AnnotationExchange::write(sampleAnnotations()));
        AnnotationExchange::File read;
        FileError error;
        QVERIFY2(AnnotationExchange::read(path, &read, &error), qPrintable(error.toString()));
        QVERIFY(read.skipped.isEmpty());
        QCOMPARE(read.entries.size(), 4);
        const AnnotationExchange::Plan plan = AnnotationExchange::plan(read, Annotations(), {}, {});
        QCOMPARE(plan.added, 4);
        QVERIFY(plan.skipped.isEmpty());
        Annotations rebuilt;
        for (qsizetype i = 0; i < plan.changes.size(); ++i) {
            const AnnotationChange &c = plan.changes[i];
            if (c.kind == AnnotationChange::Kind::Label)
                rebuilt.setLabel(c.item, c.run, {c.annotator, Label(c.newValue), c.newNote, plan.times[i]});
            else
                rebuilt.setLeak(c.item, {c.annotator, LeakVerdict(c.newValue), c.newNote, plan.times[i]});
        }
        QCOMPARE(AnnotationExchange::write(rebuilt), AnnotationExchange::write(sampleAnnotations()));
        // Importing the same file again changes nothing.
        const AnnotationExchange::Plan again = AnnotationExchange::plan(read, sampleAnnotations(), {}, {});
        QCOMPARE(again.changes.size(), 0);
        QCOMPARE(again.unchanged, 4);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed") << QByteArray("{\"format\": \"vlsbench-studio/annotations\",\n  \"version\": 1,,\n}")
                                   << ":2:16:";
        QTest::newRow("other format") << QByteArray(R"({"format": "something-else", "version": 1})")
                                      << "not an annotation exchange file";
        QTest::newRow("a list") << QByteArray("[]") << "not an annotation exchange file";
        QTest::newRow("newer") << QByteArray(R"({"format": "vlsbench-studio/annotations", "version": 3})")
                               << "exchange version 3";
        QTest::newRow("edits not a list")
            << QByteArray(R"({"format": "vlsbench-studio/annotations", "version": 2, "edits": 5})")
            << "\"edits\" must be a list";
        QTest::newRow("annotations not a list")
            << QByteArray(R"({"format": "vlsbench-studio/annotations", "version": 1, "annotations": {}})")
            << "\"annotations\" must be a list";
    }

    void badFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QString path = file(QStringLiteral("bad.json"), json);
        AnnotationExchange::File read;
        FileError error;
        QVERIFY(!AnnotationExchange::read(path, &read, &error));
        QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
        QVERIFY(error.toString().startsWith(path));
    }

    void mergeSaysWhatItSkippedAndWhy()
    {
        const QString path =
            file(QStringLiteral("merge.json"), R"({"format": "vlsbench-studio/annotations", "version": 1,
          "annotations": [
            {"item": 1, "run": "m1", "annotator": "ana", "label": 2, "note": "", "time": "2026-11-05T00:00:00Z"},
            {"item": 2, "run": "m1", "annotator": "ana", "label": 3, "time": "2026-11-05T00:00:00+01:00"},
            {"item": 99, "run": "m1", "annotator": "ana", "label": 1, "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "run": "zeta", "annotator": "ana", "label": 1, "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "run": "m1", "annotator": "ana", "label": 3, "time": "2026-11-06T00:00:00Z"},
            {"item": 3, "run": "m1", "annotator": "ana", "label": 4, "time": "2026-11-05T00:00:00Z"},
            {"item": 3, "run": "m1", "label": 1, "time": "2026-11-05T00:00:00Z"},
            {"item": 3, "run": "m1", "annotator": "ana", "label": 1, "time": "yesterday"},
            {"item": "3", "run": "m1", "annotator": "ana", "label": 1, "time": "2026-11-05T00:00:00Z"},
            {"item": 3, "run": "m1", "annotator": "ana", "label": 1, "time": "2026-10-01T00:00:00Z"},
            {"item": 3, "run": "m1", "annotator": "bo", "label": null, "time": "2026-10-01T00:00:00Z"}
          ],
          "leaks": [
            {"item": 2, "annotator": "ana", "verdict": "no_leak", "note": "", "time": "2026-11-05T00:00:00Z"},
            {"item": 2, "annotator": "bo", "verdict": "maybe", "time": "2026-11-05T00:00:00Z"}
          ]})");
        AnnotationExchange::File read;
        FileError error;
        QVERIFY(AnnotationExchange::read(path, &read, &error));
        Annotations existing;
        // Older than the file's entry for item 1: replaced. Newer than the file's entry for item 3: kept.
        existing.setLabel(1, QStringLiteral("m1"),
                          {QStringLiteral("ana"), Label::Refusal, {}, "2026-11-04T00:00:00.000Z"});
        existing.setLabel(3, QStringLiteral("m1"),
                          {QStringLiteral("ana"), Label::Unsafe, {}, "2026-11-02T00:00:00.000Z"});
        const AnnotationExchange::Plan plan =
            AnnotationExchange::plan(read, existing, {1, 2, 3}, {QStringLiteral("m1"), QStringLiteral("m2")});
        const QString skipped = plan.skipped.join(QLatin1Char('\n'));
        QCOMPARE(plan.added, 2); // item 2's label and item 2's leak flag
        QCOMPARE(plan.updated, 1);
        QCOMPARE(plan.skipped.size(), 10);
        QVERIFY2(
            skipped.contains(QStringLiteral("annotations[2] (item 99, run \"m1\", annotator \"ana\"): no item with "
                                            "instruction_id 99")),
            qPrintable(skipped));
        QVERIFY(skipped.contains(QStringLiteral("annotations[3] (item 1, run \"zeta\", annotator \"ana\"): the project "
                                                "has no run named \"zeta\"")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[4] (item 1, run \"m1\", annotator \"ana\"): repeats "
                                                "annotations[0]")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[5]: \"label\" must be 1, 2, 3 or null")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[6]: \"annotator\" must be a non-empty string")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[7]: \"time\" must be an ISO 8601")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[8]: \"item\" must be an instruction_id")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[9] (item 3, run \"m1\", annotator \"ana\"): the project's "
                                                "entry is newer (2026-11-02T00:00:00.000Z)")));
        QVERIFY(skipped.contains(QStringLiteral("annotations[10]: has neither a label nor a note")));
        QVERIFY(skipped.contains(QStringLiteral("leaks[1]: \"verdict\" must be")));
        // Times are normalised to UTC, so they compare with the project's own.
        QCOMPARE(plan.times[1], QStringLiteral("2026-11-04T23:00:00.000Z"));
        QCOMPARE(plan.changes[0].oldValue, 1); // the update knows what it replaces
        QCOMPARE(plan.changes[0].newValue, 2);
    }

    void tagsRoundTripBetweenProjects()
    {
        const QString m1 = QStringLiteral("m1");
        FileError error;
        auto from = Project::create(m_dir.filePath(QStringLiteral("from.vlsproj")), {}, &error);
        QVERIFY2(from, qPrintable(error.toString()));
        QVERIFY(from->setTagNames(defaultTagNames() + QStringList{"custom one"}, {}, &error));
        QVERIFY(from->setTag(12, m1, QStringLiteral("bo"), QStringLiteral("custom one"), true, &error));
        QVERIFY(from->setTag(12, m1, QStringLiteral("ana"), QStringLiteral("harmful detail"), true, &error));
        QVERIFY(from->setTag(3, m1, QStringLiteral("ana"), QStringLiteral("over-refusal"), true, &error));
        QVERIFY(from->setTag(3, m1, QStringLiteral("ana"), QStringLiteral("over-refusal"), false, &error));

        const QByteArray exported = AnnotationExchange::write(from->annotations());
        const QJsonObject o = QJsonDocument::fromJson(exported).object();
        QCOMPARE(o["version"].toInt(), 2);
        QCOMPARE(o["tag_names"].toVariant().toStringList(), from->annotations().tagNames());
        const QJsonArray tags = o["tags"].toArray();
        QCOMPARE(tags.size(), 2); // the tag taken off is not exported
        QCOMPARE(tags[0]["annotator"].toString(), QStringLiteral("ana"));
        QCOMPARE(tags[0]["tag"].toString(), QStringLiteral("harmful detail"));
        QCOMPARE(tags[0]["item"].toInt(), 12);
        QCOMPARE(tags[0]["run"].toString(), m1);
        QCOMPARE(tags[1]["tag"].toString(), QStringLiteral("custom one"));
        QCOMPARE(tags[1].toObject().keys(), QStringList({"annotator", "item", "run", "tag", "time"}));
        QCOMPARE(tags[1]["time"].toString(),
                 from->history()[0].time); // bo's tag was the first change after the vocabulary

        AnnotationExchange::File read;
        QVERIFY2(AnnotationExchange::read(file(QStringLiteral("tags.json"), exported), &read, &error),
                 qPrintable(error.toString()));
        QCOMPARE(read.entries.size(), 2);
        QCOMPARE(read.tagNames, from->annotations().tagNames());
        auto to = Project::create(m_dir.filePath(QStringLiteral("to.vlsproj")), {}, &error);
        QVERIFY(to);
        const AnnotationExchange::Plan plan = AnnotationExchange::plan(read, to->annotations(), {3, 12}, {m1});
        QCOMPARE(plan.added, 2);
        QVERIFY2(plan.skipped.isEmpty(), qPrintable(plan.skipped.join(QLatin1Char('\n'))));
        QVERIFY2(to->importChanges(plan.changes, plan.times, &error), qPrintable(error.toString()));
        QCOMPARE(to->annotations().tags(12, m1, QStringLiteral("ana")), QStringList{"harmful detail"});
        QCOMPARE(to->annotations().tags(12, m1, QStringLiteral("bo")), QStringList{"custom one"});
        QCOMPARE(to->annotations().tagNames(), defaultTagNames() + QStringList{"custom one"}); // joined at the end
        QCOMPARE(to->history().size(), 2);
        QCOMPARE(to->history()[0].action, QStringLiteral("import"));
        // The same export again: nothing to do. Written back out, it is the same file.
        QCOMPARE(AnnotationExchange::write(to->annotations()), exported);
        QCOMPARE(AnnotationExchange::plan(read, to->annotations(), {}, {}).unchanged, 2);
        // A tag taken off after the export is not brought back by it.
        QVERIFY(to->setTag(12, m1, QStringLiteral("bo"), QStringLiteral("custom one"), false, &error));
        const AnnotationExchange::Plan later = AnnotationExchange::plan(read, to->annotations(), {}, {});
        QCOMPARE(later.changes.size(), 0);
        QCOMPARE(later.skipped.size(), 1);
        QVERIFY2(later.skipped[0].contains(QStringLiteral("tag \"custom one\"): the project removed it later")),
                 qPrintable(later.skipped[0]));
    }

    void badTagEntriesAreSkipped()
    {
        const QString path =
            file(QStringLiteral("badtags.json"), R"({"format": "vlsbench-studio/annotations", "version": 1,
          "tags": [
            {"item": 1, "run": "m1", "annotator": "ana", "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "run": "m1", "annotator": "ana", "tag": "two\nlines", "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "annotator": "ana", "tag": "over-refusal", "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "run": "m1", "annotator": "ana", "tag": 7, "time": "2026-11-05T00:00:00Z"},
            {"item": 1, "run": "m1", "annotator": "ana", "tag": "over-refusal", "time": "2026-11-05T00:00:00Z"}]})");
        AnnotationExchange::File read;
        FileError error;
        QVERIFY2(AnnotationExchange::read(path, &read, &error), qPrintable(error.toString()));
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries[0].change.tag, QStringLiteral("over-refusal"));
        QCOMPARE(read.skipped.size(), 4);
        QVERIFY(read.skipped[0].startsWith(QStringLiteral("tags[0]: \"tag\" must be a tag name")));
        QVERIFY2(read.skipped[1].contains(QStringLiteral("line break")), qPrintable(read.skipped[1]));
        QVERIFY(read.skipped[2].contains(QStringLiteral("\"run\" must be a run name")));
        QVERIFY(read.skipped[3].startsWith(QStringLiteral("tags[3]")));
    }

    void curationTravelsInVersionTwoAndMergesLikeLabels()
    {
        FileError error;
        auto from = Project::create(m_dir.filePath(QStringLiteral("cur-from.vlsproj")), {}, &error);
        QVERIFY(from);
        QVERIFY(from->setItemField(3, ItemField::Category, QStringLiteral("Privacy"), QStringLiteral("ana"),
                                   QStringLiteral("taxonomy"), &error));
        QVERIFY(from->setItemField(4, ItemField::Instruction, QStringLiteral("Line one\nline two"),
                                   QStringLiteral("bo"), {}, &error));
        QVERIFY(from->setExcluded(5, true, QStringLiteral("duplicate of #3"), QStringLiteral("ana"), &error));
        QVERIFY(from->setCurationStatus(6, CurationStatus::NeedsFix, QStringLiteral("bo"), &error));
        QVERIFY(from->setItemComment(6, QStringLiteral("the sign is cropped"), QStringLiteral("cy"), &error));
        const QByteArray exported = AnnotationExchange::write(from->annotations(), &from->curation());
        const QJsonObject o = QJsonDocument::fromJson(exported).object();
        QCOMPARE(o["version"].toInt(), 2);
        QCOMPARE(o["edits"].toArray().size(), 2);
        QCOMPARE(o["edits"][0]["item"].toInt(), 3);
        QCOMPARE(o["edits"][0]["field"].toString(), QStringLiteral("category"));
        QCOMPARE(o["edits"][0]["value"].toString(), QStringLiteral("Privacy"));
        QCOMPARE(o["edits"][0]["reason"].toString(), QStringLiteral("taxonomy"));
        QCOMPARE(o["exclusions"][0]["reason"].toString(), QStringLiteral("duplicate of #3"));
        QCOMPARE(o["statuses"][0]["status"].toString(), QStringLiteral("needs_fix"));
        QCOMPARE(o["statuses"][0]["annotator"].toString(), QStringLiteral("bo"));
        QCOMPARE(o["comments"].toArray().size(), 1);
        QCOMPARE(o["comments"][0]["item"].toInt(), 6);
        QCOMPARE(o["comments"][0]["comment"].toString(), QStringLiteral("the sign is cropped"));
        QCOMPARE(o["comments"][0]["annotator"].toString(), QStringLiteral("cy"));

        // Into another project: everything arrives with its own time and author.
        auto to = Project::create(m_dir.filePath(QStringLiteral("cur-to.vlsproj")), {}, &error);
        QVERIFY(to);
        AnnotationExchange::File in;
        QVERIFY(AnnotationExchange::read(file(QStringLiteral("cur.json"), exported), &in, &error));
        QCOMPARE(in.curation.size(), 5);
        AnnotationExchange::Plan plan = AnnotationExchange::planCuration(in, to->curation(), {}, {});
        QCOMPARE(plan.added, 5);
        QVERIFY(to->importCuration(plan.changes, plan.times, &error));
        QCOMPARE(to->curation().edit(4, ItemField::Instruction)->value, QStringLiteral("Line one\nline two"));
        QCOMPARE(to->curation().edit(3, ItemField::Category)->time,
                 from->curation().edit(3, ItemField::Category)->time);
        QCOMPARE(to->curation().exclusion(5)->annotator, QStringLiteral("ana"));
        QCOMPARE(to->curation().status(6), CurationStatus::NeedsFix);
        QCOMPARE(to->curation().comment(6)->text, QStringLiteral("the sign is cropped"));
        QCOMPARE(to->curation().comment(6)->annotator, QStringLiteral("cy"));
        QCOMPARE(to->curation().comment(6)->time, from->curation().comment(6)->time);
        // Again: nothing changes.
        plan = AnnotationExchange::planCuration(in, to->curation(), {}, {});
        QCOMPARE(plan.unchanged, 5);
        QVERIFY(plan.changes.isEmpty());
        // A newer edit in the receiving project wins over the file's older one; an item the dataset lacks is skipped.
        QTest::qWait(5);
        QVERIFY(to->setItemField(3, ItemField::Category, QStringLiteral("Hate"), QStringLiteral("cy"), {}, &error));
        plan = AnnotationExchange::planCuration(in, to->curation(), QSet<qint64>{3, 4, 6}, {});
        QCOMPARE(plan.changes.size(), 0);
        QCOMPARE(plan.skipped.size(), 2);
        QVERIFY2(plan.skipped[0].contains(QStringLiteral("newer")), qPrintable(plan.skipped.join('\n')));
        QVERIFY2(plan.skipped[1].contains(QStringLiteral("no item with instruction_id 5")),
                 qPrintable(plan.skipped.join('\n')));
        QCOMPARE(plan.unchanged, 3); // item 4's edit, item 6's status and comment

        // Bad entries are skipped with a reason; a version 1 file, which has no curation, still reads.
        QVERIFY(AnnotationExchange::read(
            file(QStringLiteral("cur-bad.json"), R"({"format": "vlsbench-studio/annotations", "version": 2,
              "edits": [{"item": 1, "field": "image_path", "value": "x", "annotator": "a", "time": "2026-11-01T10:00:00Z"},
                        {"item": 1, "field": "category", "value": 5, "annotator": "a", "time": "2026-11-01T10:00:00Z"}],
              "exclusions": [{"item": 1, "reason": " ", "annotator": "a", "time": "2026-11-01T10:00:00Z"}],
              "statuses": [{"item": 1, "status": "done", "annotator": "a", "time": "2026-11-01T10:00:00Z"}],
              "comments": [{"item": 1, "comment": "  ", "annotator": "a", "time": "2026-11-01T10:00:00Z"}]})"),
            &in, &error));
        QCOMPARE(in.curation.size(), 0);
        QCOMPARE(in.skipped.size(), 5);
        QVERIFY(in.skipped[4].contains(QStringLiteral("\"comment\" must be a non-empty string")));
        QVERIFY(in.skipped[0].contains(QStringLiteral("\"field\" must be")));
        QVERIFY(in.skipped[1].contains(QStringLiteral("\"value\" must be a string")));
        QVERIFY(in.skipped[2].contains(QStringLiteral("\"reason\" must say why")));
        QVERIFY(in.skipped[3].contains(QStringLiteral("\"status\" must be")));
        QVERIFY(AnnotationExchange::read(
            file(QStringLiteral("v1.json"), R"({"format": "vlsbench-studio/annotations", "version": 1,
              "annotations": [{"item": 1, "run": "m", "annotator": "a", "label": 2, "time": "2026-11-01T10:00:00Z"}]})"),
            &in, &error));
        QCOMPARE(in.entries.size(), 1);
        QVERIFY(in.curation.isEmpty());
    }

    void blindnessIsReadAndChecked()
    {
        const QString path =
            file(QStringLiteral("blind.json"), R"({"format": "vlsbench-studio/annotations", "version": 1,
          "annotations": [
            {"item": 1, "run": "m1", "annotator": "ana", "label": 3, "blind": true, "time": "2026-11-05T00:00:00Z"},
            {"item": 2, "run": "m1", "annotator": "ana", "label": 1, "blind": false, "time": "2026-11-05T00:00:00Z"},
            {"item": 3, "run": "m1", "annotator": "ana", "label": 2, "time": "2026-11-05T00:00:00Z"},
            {"item": 4, "run": "m1", "annotator": "ana", "label": 2, "blind": null, "time": "2026-11-05T00:00:00Z"},
            {"item": 5, "run": "m1", "annotator": "ana", "label": 2, "blind": "yes", "time": "2026-11-05T00:00:00Z"},
            {"item": 6, "run": "m1", "annotator": "ana", "label": 2, "blind": 1, "time": "2026-11-05T00:00:00Z"},
            {"item": 7, "run": "m1", "annotator": "ana", "note": "a note alone", "blind": true,
             "time": "2026-11-05T00:00:00Z"}]})");
        AnnotationExchange::File read;
        FileError error;
        QVERIFY2(AnnotationExchange::read(path, &read, &error), qPrintable(error.toString()));
        QCOMPARE(read.entries.size(), 5);
        QCOMPARE(read.entries[0].change.newBlind, Blindness::Blind);
        QCOMPARE(read.entries[1].change.newBlind, Blindness::Sighted);
        QCOMPARE(read.entries[2].change.newBlind, Blindness::NotRecorded);
        QCOMPARE(read.entries[3].change.newBlind, Blindness::NotRecorded);
        QCOMPARE(read.entries[4].change.newBlind, Blindness::NotRecorded); // a note is not a label, blind or not
        QCOMPARE(read.skipped.size(), 2);
        QCOMPARE(read.skipped[0], QStringLiteral("annotations[4]: \"blind\" must be true, false or null"));
        QVERIFY(read.skipped[1].startsWith(QStringLiteral("annotations[5]: ")));
        // Written back only where it is known.
        Annotations a;
        a.setLabel(1, QStringLiteral("m1"),
                   {QStringLiteral("ana"), Label::Unsafe, {}, "2026-11-05T00:00:00.000Z", {}, Blindness::Blind});
        a.setLabel(2, QStringLiteral("m1"),
                   {QStringLiteral("ana"), Label::Refusal, {}, "2026-11-05T00:00:00.000Z", {}, Blindness::Sighted});
        a.setLabel(3, QStringLiteral("m1"), {QStringLiteral("ana"), Label::Warning, {}, "2026-11-05T00:00:00.000Z"});
        const QJsonArray labels =
            QJsonDocument::fromJson(AnnotationExchange::write(a)).object()["annotations"].toArray();
        QCOMPARE(labels.size(), 3);
        QCOMPARE(labels[0]["blind"].toBool(false), true);
        QCOMPARE(labels[1]["blind"].toBool(true), false);
        QVERIFY(!labels[2].toObject().contains(QStringLiteral("blind")));
    }
};

QTEST_GUILESS_MAIN(TestAnnotationExchange)
#include "tst_annotationexchange.moc"

// Writes seed inputs that only the app itself can make, into the build tree at build time (nothing binary is
// committed): projects made from the bundled sample through Project's own API, then copies of one taken back to
// format 1, stored in small pages, and holding values out of range; and that project's annotations as an exchange
// file.
//
//   fuzz-project-seeds OUTDIR    writes OUTDIR/project/*.vlsproj and OUTDIR/annotation_import/exported.json
#include "app/base/sampledata.h"
#include "app/io/workspaceloader.h"
#include "app/project/annotationexchange.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"
#include "app/project/savedviews.h"
#include "app/stats/verificationsample.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "fuzz-project-seeds: %s\n", qPrintable(why));
    std::exit(1);
}

void check(bool ok, const FileError &error)
{
    if (!ok)
        fail(error.toString());
}

void removeProject(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
}

std::unique_ptr<Project> create(const QString &path, const Workspace &ws)
{
    removeProject(path);
    FileError error;
    auto project = Project::create(path, ProjectInputs::describe(ws), &error);
    if (!project)
        fail(error.toString());
    return project;
}

// Two annotators over two runs, notes, a cleared label, leak flags, an undo and a redo, an import, a setting,
// and a rubric and a leakage judge run with done, failed and invalid judgments.
void annotate(Project &project, const Workspace &ws)
{
    FileError error;
    AnnotationChange applied;
    const QString a = QStringLiteral("ana");
    const QString b = QStringLiteral("ben");
    const QString run0 = ws.runs[0].name;
    const QString run1 = ws.runs[1].name;
    auto id = [&](qsizetype i) { return ws.dataset.item(i).instructionId; };
    check(project.setLabel(id(0), run0, a, Label::Refusal, &error), error);
    check(project.setLabel(id(0), run0, b, Label::Warning, &error), error);
    check(project.setLabel(id(1), run0, a, Label::Unsafe, &error), error);
    check(project.setLabel(id(1), run0, b, Label::Unsafe, &error), error);
    check(project.setLabel(id(2), run1, a, Label::Warning, &error), error);
    check(project.setLabelNote(id(2), run1, a, QStringLiteral("warns, then answers"), &error), error);
    check(project.setLabel(id(3), run1, b, Label::Refusal, &error), error);
    check(project.setLabel(id(3), run1, b, Label::Invalid, &error), error);
    check(project.setLeak(id(0), a, LeakVerdict::Leaks, &error), error);
    check(project.setLeakNote(id(0), a, QStringLiteral("\"without anyone asking\""), &error), error);
    check(project.setLeak(id(4), b, LeakVerdict::Unsure, &error), error);
    check(project.setLabel(id(5), run0, a, Label::Warning, &error), error);
    check(project.undo(&applied, &error), error);
    check(project.redo(&applied, &error), error);
    AnnotationChange imported;
    imported.item = id(6);
    imported.run = run1;
    imported.annotator = QStringLiteral("carla");
    imported.newValue = int(Label::Unsafe);
    imported.newNote = QStringLiteral("imported");
    check(project.importChanges({imported}, {QStringLiteral("2026-01-02T03:04:05.678Z")}, &error), error);
    // Curation: an edit, one undone, an exclusion and statuses; a bulk step.
    check(project.setItemField(id(7), ItemField::Category, QStringLiteral("Privacy"), a, QStringLiteral("taxonomy"),
                               &error),
          error);
    check(project.setItemField(id(8), ItemField::Instruction, QStringLiteral("Line one\nline two"), b, {}, &error),
          error);
    check(project.undo(&applied, &error), error);
    check(project.setExcluded(id(9), true, QStringLiteral("duplicate of #7"), a, &error), error);
    check(project.setCurationStatus(id(7), CurationStatus::Checked, b, &error), error);
    AnnotationChange moved;
    moved.kind = AnnotationChange::Kind::Field;
    moved.field = ItemField::SubCategory;
    moved.newValue = 1;
    moved.newNote = QStringLiteral("Identity Theft and Impersonation");
    moved.annotator = a;
    moved.reason = QStringLiteral("bulk");
    QList<AnnotationChange> bulk;
    for (qsizetype i : {10, 11}) {
        moved.item = id(i);
        bulk.append(moved);
    }
    check(project.applyCuration(bulk, &error), error);
    check(project.setValue(QStringLiteral("current_item"), QString::number(id(2)), &error), error);
    check(project.setValue(QStringLiteral("current_run"), run1, &error), error);
    // A saved view, a verification sample stratified by judge label and the majority rule, as the window keeps them.
    SavedView view;
    view.name = QStringLiteral("unsafe in Hate");
    view.category = QStringLiteral("Hate");
    view.hiddenRuns = QStringList{run1};
    view.sortColumn = QStringLiteral("run:") + run0;
    check(project.setValue(QLatin1String(SavedViews::kKey), SavedViews::serialize({view}), &error), error);
    SampleDesign design;
    design.strata = SampleDesign::Strata::JudgeLabel;
    design.size = 3;
    design.seed = 2411;
    VerificationSample sample = SampleDraw::draw(ws, design);
    sample.name = QStringLiteral("three per label");
    check(project.setValue(QLatin1String(SampleStore::kKey), SampleStore::serialize({sample}), &error), error);
    check(project.setValue(QStringLiteral("corrected_rule"), QStringLiteral("majority"), &error), error);

    const JudgePrompt rubric = JudgePrompt::defaultFor(JudgeKind::Rubric);
    check(project.addJudgeRun({QStringLiteral("rejudge"),
                               JudgeRunInfo::Kind::Rubric,
                               QStringLiteral("http://127.0.0.1:9/v1"),
                               QStringLiteral("judge-model"),
                               {}},
                              {rubric}, &error),
          error);
    QList<Judgment> judgments;
    for (qsizetype i = 0; i < 4; ++i) {
        Judgment j;
        j.item = id(i);
        j.target = run0;
        j.label = i == 3 ? JudgeLabel::invalid(InvalidReason::ContentFilter) : JudgeLabel::valid(Label(1 + i % 3));
        j.labelText = labelKey(j.label.label);
        j.explanation = QStringLiteral("explanation %1").arg(i);
        j.raw = QStringLiteral("{\"label\": %1}").arg(int(j.label.label));
        j.tries = 1;
        j.promptTokens = 812;
        j.completionTokens = 41;
        j.cacheKey = QByteArray::number(i).toHex();
        j.promptHash = rubric.hash();
        judgments.append(j);
    }
    Judgment failed;
    failed.item = id(4);
    failed.target = run0;
    failed.status = Judgment::Status::Failed;
    failed.label = JudgeLabel::invalid(InvalidReason::Missing);
    failed.error = QStringLiteral("HTTP 500");
    failed.tries = 3;
    judgments.append(failed);
    check(project.storeJudgments(QStringLiteral("rejudge"), judgments, &error), error);

    const JudgePrompt image = JudgePrompt::defaultFor(JudgeKind::LeakWithImage);
    const JudgePrompt text = JudgePrompt::defaultFor(JudgeKind::LeakTextOnly);
    check(project.addJudgeRun({QStringLiteral("leak"),
                               JudgeRunInfo::Kind::Leakage,
                               QStringLiteral("http://127.0.0.1:9/v1"),
                               QStringLiteral("judge-model"),
                               {}},
                              {image, text}, &error),
          error);
    QList<Judgment> leaks;
    for (const QString &target : {kLeakImageTarget, kLeakTextTarget}) {
        Judgment j;
        j.item = id(0);
        j.target = target;
        j.label = JudgeLabel::valid(target == kLeakImageTarget ? Label::Unsafe : Label::Refusal);
        j.labelText = target == kLeakImageTarget ? QStringLiteral("unsafe") : QStringLiteral("safe");
        j.tries = 1;
        j.promptHash = (target == kLeakImageTarget ? image : text).hash();
        leaks.append(j);
    }
    check(project.storeJudgments(QStringLiteral("leak"), leaks, &error), error);
}

// Runs @p statements on the SQLite file at @p path outside Project: what only a damaged or older file holds.
void rewrite(const QString &path, std::initializer_list<const char *> statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rewrite"));
        db.setDatabaseName(path);
        if (!db.open())
            fail(db.lastError().text());
        QSqlQuery query(db);
        for (const char *statement : statements) {
            if (!query.exec(QString::fromLatin1(statement)))
                fail(QStringLiteral("%1: %2").arg(QLatin1String(statement), query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rewrite"));
}

void copy(const QString &from, const QString &to)
{
    removeProject(to);
    if (!QFile::copy(from, to))
        fail(QStringLiteral("cannot copy %1 to %2").arg(from, to));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("fuzz-seed"));
    if (argc != 2)
        fail(QStringLiteral("usage: fuzz-project-seeds OUTDIR"));
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("project")) || !out.mkpath(QStringLiteral("annotation_import")))
        fail(QStringLiteral("cannot make folders in %1").arg(out.path()));

    const QString sample = SampleData::directory();
    Workspace ws;
    FileError error;
    check(WorkspaceLoader::load({sample, {}, SampleData::resultFiles(), {}}, &ws, &error), error);
    if (ws.runs.size() < 2 || ws.dataset.size() < 7)
        fail(QStringLiteral("the sample is smaller than expected"));

    create(out.filePath(QStringLiteral("project/new.vlsproj")), ws);
    const QString annotated = out.filePath(QStringLiteral("project/annotated.vlsproj"));
    QByteArray exchange;
    {
        auto project = create(annotated, ws);
        annotate(*project, ws);
        exchange = AnnotationExchange::write(project->annotations());
    }
    // The annotated project as the first format wrote it: no judge tables, user_version 1, a rollback journal.
    const QString format1 = out.filePath(QStringLiteral("project/format1.vlsproj"));
    copy(annotated, format1);
    rewrite(format1, {"PRAGMA journal_mode=DELETE", "DROP TABLE judge_runs", "DROP TABLE prompts",
                      "DROP TABLE judgments", "PRAGMA user_version = 1", "VACUUM"});
    // The same contents in 512-byte pages: an eighth of the bytes for the fuzzer to mutate.
    const QString small = out.filePath(QStringLiteral("project/small-pages.vlsproj"));
    copy(annotated, small);
    rewrite(small, {"PRAGMA journal_mode=DELETE", "PRAGMA page_size=512", "VACUUM"});
    // Values that the schema's CHECKs keep out but a damaged or hand-edited file can hold: a label of 7, a judgment
    // label of 9 and token counts at the limits of a 64-bit integer.
    const QString outOfRange = out.filePath(QStringLiteral("project/out-of-range.vlsproj"));
    copy(small, outOfRange);
    rewrite(outOfRange, {"PRAGMA ignore_check_constraints=ON",
                         "UPDATE labels SET label = 7 WHERE rowid = (SELECT min(rowid) FROM labels)",
                         "UPDATE judgments SET label = 9, prompt_tokens = 9223372036854775807,"
                         " completion_tokens = -9223372036854775808",
                         "VACUUM"});

    QFile exported(out.filePath(QStringLiteral("annotation_import/exported.json")));
    if (!exported.open(QIODevice::WriteOnly | QIODevice::Truncate) || exported.write(exchange) != exchange.size())
        fail(exported.errorString());
    return 0;
}

// Feeds an annotation exchange file through what `import-annotations` does with it: AnnotationExchange::read, a
// plan against the sample dataset, its runs and a project that already has labels, flags, notes and a cleared
// label; when the plan changes something, Project::importChanges on a fresh copy of that project. Then the
// project's annotations are exported and planned again: importing an export must change nothing.
#include "fuzzsupport.h"

#include "app/project/annotationexchange.h"
#include "app/project/project.h"
#include "app/project/projectinput.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace {

QString templatePath()
{
    return FuzzSupport::scratchPath(QStringLiteral("template.vlsproj"));
}

void removeProject(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
}

[[noreturn]] void fail(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_annotation_import: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

// The project every input is imported into: a few labels and flags, a note alone, and a label cleared later.
Annotations makeTemplate()
{
    FileError error;
    const Workspace &ws = FuzzSupport::sampleWorkspace();
    auto project = Project::create(templatePath(), ProjectInputs::describe(ws), &error);
    if (!project)
        fail("cannot create the template project", error.toString());
    const QString run = ws.runs.front().name;
    const qint64 first = ws.dataset.item(0).instructionId;
    const qint64 second = ws.dataset.item(1).instructionId;
    const bool ok = project->setLabel(first, run, QStringLiteral("ana"), Label::Refusal, &error) &&
                    project->setLabelNote(first, run, QStringLiteral("ana"), QStringLiteral("refuses"), &error) &&
                    project->setLabel(second, run, QStringLiteral("ana"), Label::Unsafe, &error) &&
                    project->setLabel(second, run, QStringLiteral("ana"), Label::Invalid, &error) &&
                    project->setLabel(second, run, QStringLiteral("ben"), Label::Warning, &error) &&
                    project->setLeak(first, QStringLiteral("ana"), LeakVerdict::Leaks, &error) &&
                    project->setLeakNote(second, QStringLiteral("ben"), QStringLiteral("the word knife"), &error);
    if (!ok)
        fail("cannot annotate the template project", error.toString());
    return project->annotations();
}

struct Target
{
    Annotations existing;
    QSet<qint64> items;
    QSet<qint64> shared;
    QStringList runs;
};

const Target &target()
{
    static const Target t = [] {
        Target made;
        made.existing = makeTemplate();
        AnnotationExchange::datasetIds(FuzzSupport::sampleDataset(), &made.items, &made.shared);
        for (const Run &run : FuzzSupport::sampleWorkspace().runs)
            made.runs.append(run.name);
        return made;
    }();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FuzzSupport::initialise(argc, argv);
    target();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString input = FuzzSupport::scratchPath(QStringLiteral("import.json"));
    static const QString work = FuzzSupport::scratchPath(QStringLiteral("work.vlsproj"));
    static const QString exported = FuzzSupport::scratchPath(QStringLiteral("exported.json"));
    const Target &t = target();
    FuzzSupport::writeFile(input, data, size);
    AnnotationExchange::File file;
    FileError error;
    if (!AnnotationExchange::read(input, &file, &error)) {
        (void)error.toString();
        return 0;
    }
    const AnnotationExchange::Plan plan = AnnotationExchange::plan(file, t.existing, t.items, t.runs, t.shared);
    const AnnotationExchange::Plan curation = AnnotationExchange::planCuration(file, {}, t.items, t.shared);
    if (plan.changes.isEmpty() && curation.changes.isEmpty())
        return 0;

    removeProject(work);
    if (!QFile::copy(templatePath(), work))
        fail("cannot copy the template project", work);
    auto project = Project::open(work, Project::Access::ReadWrite, &error);
    if (!project)
        fail("cannot open a copy of the template project", error.toString());
    if (!project->importChanges(plan.changes, plan.times, &error) ||
        !project->importCuration(curation.changes, curation.times, &error)) {
        (void)error.toString();
        return 0;
    }
    (void)project->history();
    (void)project->curationHistory();

    const QByteArray bytes = AnnotationExchange::write(project->annotations(), &project->curation());
    FuzzSupport::writeFile(exported, reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
    AnnotationExchange::File again;
    if (!AnnotationExchange::read(exported, &again, &error))
        fail("the project's own export cannot be read", error.toString());
    const AnnotationExchange::Plan replan =
        AnnotationExchange::plan(again, project->annotations(), t.items, t.runs, t.shared);
    const AnnotationExchange::Plan recurate =
        AnnotationExchange::planCuration(again, project->curation(), t.items, t.shared);
    if (!replan.changes.isEmpty() || !replan.skipped.isEmpty() || !recurate.changes.isEmpty() ||
        !recurate.skipped.isEmpty())
        fail("importing the project's own export would change it",
             QStringLiteral("%1 changes, skipped: %2").arg(replan.changes.size()).arg(replan.skipped.join(u"; ")));
    return 0;
}

#pragma once

#include "app/base/fileerror.h"
#include "app/model/annotationchange.h"
#include "app/model/annotations.h"
#include "app/model/curation.h"
#include "app/model/judgeprompt.h"
#include "app/model/judgeresults.h"
#include "app/project/projectinput.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QDir;
class QSqlDatabase;
class QLockFile;
class QTemporaryDir;
class QSqlQuery;

/// A review project: one SQLite file holding the inputs it was made from (paths and hashes), every human
/// label and leak flag, and an append-only history of changes. Every edit is committed before the call
/// returns, so a crash right after it loses nothing. Input files are never written.
///
/// A team project is the same tables in a PostgreSQL database (a schema per project; see ProjectLocation): open()
/// and create() take its postgresql:// address wherever they take a file.
class Project : public QObject
{
    Q_OBJECT

public:
    /// The newest project format this build reads and writes (SQLite user_version).
    static constexpr int kSchemaVersion = 6;

    enum class Access : quint8 { ReadWrite, ReadOnly };
    /// Whether an edit can be merged into the previous undo step (successive saves of one note): never, always
    /// when it is the same note, or while that note is still being edited (until finishNoteEdit()).
    enum class Merge : quint8 { Separate, WithPrevious, WhileEditing };

    struct HistoryEntry
    {
        qint64 sequence = 0;
        QString time;
        QString action; ///< "edit", "undo", "redo" or "import"
        AnnotationChange change;
    };

    /// Opens an existing project. A project that cannot be written (file permissions) opens read-only, as does
    /// any with Access::ReadOnly; a writable one is refused while another process has it open for writing.
    static std::unique_ptr<Project> open(const QString &path, Access access, FileError *error);
    /// Creates a project at @p path (which must not exist) recording @p inputs.
    static std::unique_ptr<Project> create(const QString &path, const QList<ProjectInput> &inputs, FileError *error);
    ~Project() override;

    /// True for a project in PostgreSQL, shared by a team.
    bool isTeam() const { return m_team; }
    /// What to call the project in a title: its file's name, or a team project's name with its database.
    QString name() const;
    /// Whether there is a project at @p location (a file, or a team project's address); false with @p error set
    /// when that cannot be found out (a database that cannot be reached).
    static bool exists(const QString &location, FileError *error);

    /// What copy() copied: rows per table, and where to.
    struct CopySummary
    {
        QString target;
        QList<std::pair<QString, qint64>> rows;
    };
    /// Copies the project at @p from into a new project at @p to, a file or a team project, either way, losing
    /// nothing: every table's rows and both histories with their sequence numbers. The source must be in the current
    /// format; the copy is read back before this returns. On failure nothing is left at @p to.
    static bool copy(const QString &from, const QString &to, CopySummary *summary, FileError *error);
    /// The tables copy() copies, in order.
    static QStringList copiedTables();

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    /// The format the open file is in (its SQLite user_version; older formats are upgraded when opened to write).
    int formatVersion() const { return m_version; }
    /// Why the project is read-only, in a sentence; empty when it is writable.
    QString readOnlyReason() const { return m_readOnlyReason; }

    /// The recorded inputs; paths that moved along with the project resolve against its folder.
    QList<ProjectInput> inputs() const { return m_inputs; }
    bool setInputs(const QList<ProjectInput> &inputs, FileError *error);

    const Annotations &annotations() const { return m_annotations; }

    /// Sets @p annotator's label of a response (Label::Invalid clears it, keeping any note).
    bool setLabel(qint64 item, const QString &run, const QString &annotator, Label label, FileError *error);
    bool setLabelNote(qint64 item, const QString &run, const QString &annotator, const QString &note, FileError *error,
                      Merge merge = Merge::Separate);
    /// Sets @p annotator's leakage verdict on an item (LeakVerdict::None clears it, keeping any note).
    bool setLeak(qint64 item, const QString &annotator, LeakVerdict verdict, FileError *error);
    bool setLeakNote(qint64 item, const QString &annotator, const QString &note, FileError *error,
                     Merge merge = Merge::Separate);
    /// Puts @p annotator's tag @p tag on a response (@p on) or takes it off: one undoable edit. A name not yet in the
    /// vocabulary joins it at the end.
    bool setTag(qint64 item, const QString &run, const QString &annotator, const QString &tag, bool on,
                FileError *error);
    /// Replaces the tag vocabulary with @p names, in key order. @p renamed maps old names to new ones: responses that
    /// carry a renamed tag keep it under its new name. A tag left out stays on the responses that carry it.
    bool setTagNames(const QStringList &names, const QHash<QString, QString> &renamed, FileError *error);
    /// Ends the editing of a note: its next save is an undo step of its own.
    void finishNoteEdit() { m_noteEditing = false; }
    /// Applies edits read from an exchange file in one transaction, each keeping its own time. Clears undo.
    bool importChanges(const QList<AnnotationChange> &changes, const QStringList &times, FileError *error);
    /// The same for curation read from an exchange file (version 2).
    bool importCuration(const QList<AnnotationChange> &changes, const QStringList &times, FileError *error);

    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    /// The curation layer (format 5): edited fields, exclusions and curation statuses of items, and (format 6)
    /// curators' comments on items.
    const Curation &curation() const { return m_curation; }
    /// Sets a field of an item in the curated data to @p value (a std::nullopt gives it back the data file's value),
    /// with the reason for the change. One undo step.
    bool setItemField(qint64 item, ItemField field, const std::optional<QString> &value, const QString &annotator,
                      const QString &reason, FileError *error);
    /// Leaves an item out of the curated data, with a reason, or (@p excluded false) takes it back in.
    bool setExcluded(qint64 item, bool excluded, const QString &reason, const QString &annotator, FileError *error);
    bool setCurationStatus(qint64 item, CurationStatus status, const QString &annotator, FileError *error);
    /// Sets the curator's comment on an item, replacing any before it; an empty @p comment removes it.
    bool setItemComment(qint64 item, const QString &comment, const QString &annotator, FileError *error);
    /// Applies several curation changes (Field, Exclusion, Status, Comment; oldValue and oldNote are filled in here) as
    /// one transaction and one undo step: a bulk action. Each item and field may appear once.
    bool applyCuration(const QList<AnnotationChange> &changes, FileError *error);
    /// Every curation change ever made, oldest first, with its step (changes of one bulk action share it).
    struct CurationEntry
    {
        qint64 sequence = 0;
        qint64 step = 0;
        QString time;
        QString action; ///< "edit", "undo", "redo" or "import"
        AnnotationChange change;
    };
    QList<CurationEntry> curationHistory() const;

    /// Undoes the latest edit of this session; @p applied receives what was changed, so it can be shown.
    bool undo(AnnotationChange *applied, FileError *error);
    bool redo(AnnotationChange *applied, FileError *error);

    /// Blind review: the judge's label and explanation of a response stay hidden from an annotator until they have
    /// labelled it, and each label records whether it was made so. On for new projects; projects written before
    /// format 4 start with it off (their labels were made seeing the judge's).
    bool blindMode() const { return m_blindMode; }
    bool setBlindMode(bool on, FileError *error);
    /// The key under which the project's state keeps the blind-review setting ("on" or "off").
    static QString blindModeKey();

    /// Small settings kept in the project, such as the item the reviewer was on.
    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value, FileError *error);

    QList<HistoryEntry> history() const;

    /// Judge runs and their judgments (format 2 and later; empty for older projects).
    const JudgeResults &judgeResults() const { return m_judges; }
    /// Records a judge run and the prompts it uses; an existing run of that name is continued, provided
    /// it has the same kind, endpoint and model.
    bool addJudgeRun(const JudgeRunInfo &info, const QList<JudgePrompt> &prompts, FileError *error);
    /// Stores judgments as they arrive, in one transaction; a later judgment of the same target replaces
    /// the earlier one (a failed request that succeeded on a resumed run).
    bool storeJudgments(const QString &judge, const QList<Judgment> &judgments, FileError *error);
    /// The text of a prompt recorded under @p hash.
    QString promptText(const QByteArray &hash) const;

    /// Writes a copy of the project to @p path and continues in the copy.
    bool saveAs(const QString &path, FileError *error);

    /// The current time as the project writes it.
    static QString now();

signals:
    /// An annotation changed (and is committed); annotations() already holds the new state.
    void changed(const AnnotationChange &change);
    void undoStateChanged();
    /// The tag vocabulary changed (annotations().tagNames() already holds it).
    void tagNamesChanged();
    /// An item's curation changed (and is committed); curation() already holds the new state.
    void curationChanged(const AnnotationChange &change);
    /// Judgments of @p judge were stored.
    void judgmentsChanged(const QString &judge);
    /// A team project: another member's change was committed, and this project has read everything again
    /// (annotations(), curation(), judgeResults() and the tag names hold the database's state now).
    void reloaded();

private:
    Project();
    bool openDatabase(const QString &path, bool readOnly, FileError *error, bool snapshot = false);
    static std::unique_ptr<Project> openTeam(const QString &address, Access access, FileError *error);
    static std::unique_ptr<Project> createTeam(const QString &address, const QList<ProjectInput> &inputs,
                                               FileError *error);
    /// Connects to a team project's database; @p schemaExists receives whether the project is there.
    bool connectTeam(const QString &address, bool *schemaExists, FileError *error);
    /// Where recorded input paths are resolved from: the project file's folder, or the current folder for a team.
    QDir inputFolder() const;
    /// Commits; in a team project it first tells every other member's connection that something changed (PostgreSQL
    /// delivers the notification when, and only if, the transaction commits).
    bool commitAndTell(QSqlDatabase &db);
    /// Removes a team project's schema and everything in it: a creation or copy that failed leaves nothing.
    void dropTeamSchema();
    /// Listens for the other members' changes (a team project).
    bool listenToTeam(FileError *error);
    /// Reads the project again after another member's change, keeping it as it was if that fails.
    void reloadAfterTeamChange();
    bool readableSnapshot(QString *file, FileError *error);
    static bool takeOverBrokenLock(const QString &lockPath, QString *problem);
    static bool takeOverBrokenLocks(const QString &lockPath, QString *problem);
    bool prepareForWriting(FileError *error);
    bool initialise(const QList<ProjectInput> &inputs, FileError *error);
    bool loadContents(FileError *error);
    bool loadJudgments(FileError *error);
    bool loadTagNames(FileError *error);
    static Judgment judgmentFromRow(const QSqlQuery &query);
    bool upgrade(FileError *error);
    bool edit(const AnnotationChange &change, Merge merge, FileError *error);
    bool write(const QList<AnnotationChange> &changes, const QString &action, const QStringList &times,
               FileError *error);
    /// Writes curation changes in one transaction; @p written (if set) receives them with their true old values.
    bool writeCuration(const QList<AnnotationChange> &changes, const QString &action, FileError *error,
                       QList<AnnotationChange> *written, const QStringList &times = {});
    bool loadCuration(FileError *error);
    static bool addCurationTables(QSqlQuery &query);
    static bool addCommentTable(QSqlQuery &query);
    void pushUndo(const QList<AnnotationChange> &step);
    FileError sqlError(const QString &what, const QString &detail) const;
    FileError saveError(const QString &detail) const;
    bool writeInputs(const QList<ProjectInput> &inputs, FileError *error);

    QString m_path; ///< the file, or a team project's address (never with a password)
    QString m_connection;
    bool m_team = false;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTemporaryDir> m_snapshot; ///< a copy read in place of a project in a folder no one can write
    QList<ProjectInput> m_inputs;
    Annotations m_annotations;
    JudgeResults m_judges;
    QHash<qint64, QString> m_tagName; ///< every tag the project ever had, by id (the history refers to ids)
    QHash<QString, qint64> m_tagId;
    int m_version = 0;
    bool m_blindMode = false;
    Curation m_curation;
    QList<QList<AnnotationChange>> m_undo; ///< steps: one change, or the changes of one bulk action
    QList<QList<AnnotationChange>> m_redo;
    bool m_noteEditing = false; ///< the last edit saved a note that is still being typed
};

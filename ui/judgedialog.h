#pragma once

#include "app/judge/judgerun.h"
#include "app/model/workspace.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <memory>

class Project;
class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItem;
class QStandardItemModel;
class QTableWidget;

/// Configures and runs a judge run: another judge model over chosen runs' responses, or the paper's leakage
/// measurement over the items. Shows progress, rate, ETA, tokens, an estimated cost and every problem as it
/// happens (problems of one kind share a row with a count); can pause and cancel. Judgments land in the project as
/// they arrive, so the review window shows them while the run goes on, and closing or cancelling loses nothing that
/// was judged.
class JudgeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode : quint8 { Rubric, Leakage };
    /// Roles of problemModel() beside the display text and the tooltip.
    enum ProblemRole : int { ProblemKindRole = Qt::UserRole, ProblemCountRole };

    /// @p filtered: the items in the review list now; @p sessionKey: a key typed earlier in this session
    /// (kept in memory by the caller, never saved).
    JudgeDialog(Mode mode, Project *project, std::shared_ptr<const Workspace> workspace, const QSet<qint64> &filtered,
                QString *sessionKey, QWidget *parent = nullptr);
    ~JudgeDialog() override;

    bool isRunning() const;

    /// For tests: the controls and the live state.
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLineEdit *modelEdit() const { return m_model; }
    QLineEdit *keyEdit() const { return m_typedKey; }
    QPushButton *startButton() const { return m_start; }
    QString statusText() const;
    /// The problem rows as shown, count included.
    QStringList problems() const;
    /// One row per kind of problem, in the order first seen.
    QAbstractItemModel *problemModel() const;

    /// Lists a problem: one of a @p kind seen before (or, with no kind, the same text) adds to that row's count.
    void addProblem(const QString &message, const QString &kind);

signals:
    void runFinished(const JudgeRunSummary &summary);

protected:
    void reject() override;

private:
    void start();
    void finish(const JudgeRunSummary &summary);
    void showProgress(const JudgeProgress &progress);
    void updateKeyHint();
    void loadTemplate();
    void showLeakage();
    JudgeRunConfig config() const;

    Mode m_mode;
    Project *m_project;
    std::shared_ptr<const Workspace> m_workspace;
    QSet<qint64> m_filtered;
    QString *m_sessionKey;
    JudgePrompt m_rubric;
    QString m_templatePath;
    std::unique_ptr<JudgeRun> m_run;
    qsizetype m_leakShownAt = 0;

    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_keyVariable = nullptr;
    QLineEdit *m_typedKey = nullptr;
    QLabel *m_keyHint = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QSpinBox *m_rpm = nullptr;
    QSpinBox *m_tpm = nullptr;
    QSpinBox *m_tries = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QDoubleSpinBox *m_priceIn = nullptr;
    QDoubleSpinBox *m_priceOut = nullptr;
    QListWidget *m_runs = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_template = nullptr;
    QPlainTextEdit *m_imagePrompt = nullptr;
    QPlainTextEdit *m_textPrompt = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QListView *m_problems = nullptr;
    QStandardItemModel *m_problemModel = nullptr;
    QHash<QString, QStandardItem *> m_problemRows; ///< kind → its row
    QTableWidget *m_leakTable = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QWidget *m_settings = nullptr;
};

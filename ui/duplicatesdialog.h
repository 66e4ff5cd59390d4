#pragma once

#include "app/search/duplicates.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;
class ReviewSession;
struct Workspace;

/// Curate › Find Duplicates: items grouped by a shared image file, by identical image content, by near-identical
/// images (difference hashes a few bits apart) and by the same instruction once case and punctuation are set
/// aside. The image groups need every picture read once: that runs on a worker, and the hashes are kept in the
/// project so the next opening is at once. Double-click an item to show it; "Exclude All but the First" leaves the
/// others out of the curated data with "duplicate of #N" as the reason, as one step.
class DuplicatesDialog : public QDialog
{
    Q_OBJECT

public:
    DuplicatesDialog(ReviewSession *session, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    /// The groups shown now (for tests and scripts).
    const QList<Duplicates::Group> &groups() const { return m_groups; }
    /// True once the image fingerprints are in.
    bool imagesDone() const { return m_imagesDone; }

signals:
    /// The user asked to see this item (a dataset index).
    void itemActivated(qsizetype item);
    void status(const QString &text, int milliseconds);
    void imagesFinished();

public slots:
    /// Excludes every member of the selected group but its first.
    void excludeAllButFirst();
    /// Groups again (after curation changed, or the distance).
    void regroup();

private:
    struct Fingerprints
    {
        QHash<qsizetype, QByteArray> content;
        QHash<qsizetype, quint64> similar;
        QHash<QString, QString> cache; ///< path -> "size mtime sha dhash|-" as kept in the project
        qsizetype read = 0;            ///< files read now
        qsizetype fromCache = 0;       ///< files known from the project's cache
    };
    void startFingerprints();
    void fill();

    ReviewSession *m_session;
    std::shared_ptr<const Workspace> m_workspace;
    QTreeWidget *m_tree;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QSpinBox *m_distance;
    QPushButton *m_exclude;
    QFutureWatcher<Fingerprints> m_watcher;
    Fingerprints m_prints;
    bool m_imagesDone = false;
    QList<Duplicates::Group> m_groups;
};

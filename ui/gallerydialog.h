#pragma once

#include "widgets/galleryexport.h"

#include <QDialog>
#include <QList>

#include <memory>

class ItemFilterModel;
class Project;
class QCheckBox;
class QLabel;
class QRadioButton;
class QTableView;

/// File › Export › Gallery of Selected Items: which items (the selected ones or every item in the list), whether
/// images are blurred and judge explanations included; then the file, and the export on a worker behind a progress
/// dialog that can cancel it.
class GalleryDialog : public QDialog
{
    Q_OBJECT

public:
    /// A gallery of more items than this is cut to the first ones in the list: a file to read, not an archive.
    static constexpr int kMaxItems = 500;

    /// What an export came to, for the window to show: an error for the banner or a message for the status bar;
    /// both empty when the reviewer cancelled.
    struct Outcome
    {
        QString error;
        QString message;
    };

    /// @p selected and @p listed are dataset indices in the list's order; @p filtered says the list is filtered.
    GalleryDialog(const QList<qsizetype> &selected, const QList<qsizetype> &listed, bool filtered,
                  QWidget *parent = nullptr);

    /// The items chosen, at most kMaxItems.
    QList<qsizetype> items() const;
    /// Blur and explanations as chosen; the format is set from the file name later.
    GalleryExport::Options options() const;

    /// The whole export from the item list @p list (over @p filter): the dialog, the file dialog, the export of the
    /// runs @p runs. Runs modally; the window stays responsive while it writes.
    static Outcome exportFromList(QWidget *parent, const QTableView *list, const ItemFilterModel *filter,
                                  std::shared_ptr<const Workspace> workspace, const Project *project,
                                  const QList<int> &runs);

    /// Writes the gallery on a worker, with a progress dialog over @p parent; returns when it is written, failed or
    /// was cancelled.
    static Outcome write(QWidget *parent, const GalleryExport::Source &source, const QList<qsizetype> &items,
                         const GalleryExport::Options &options, const QString &path);

private:
    void updateWarning();

    QList<qsizetype> m_selected;
    QList<qsizetype> m_listed;
    QRadioButton *m_selectedChoice;
    QRadioButton *m_listChoice;
    QLabel *m_capWarning;
    QCheckBox *m_blur;
    QCheckBox *m_explanations;
};

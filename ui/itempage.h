#pragma once

#include "widgets/decodedimage.h"
#include "widgets/responsetextview.h"

#include "app/model/annotations.h"
#include "app/model/curation.h"
#include "app/model/judgeresults.h"
#include "app/model/workspace.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <memory>

class ImageCache;
class LabelChipWidget;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class ImageViewWidget;
class ResponseColumnWidget;
class ResponseGridWidget;

namespace Ui {
class ItemPage;
}

/// The current item: its image, instruction and metadata, and every shown run's response side by side.
class ItemPage : public QWidget
{
    Q_OBJECT

public:
    explicit ItemPage(QWidget *parent = nullptr);
    ~ItemPage() override;

    void setImageCache(ImageCache *cache);
    /// Shows @p item with the runs in @p runs, in that order; @p revealed says whether the image starts unblurred.
    void showItem(std::shared_ptr<const Workspace> workspace, qsizetype item, const QList<int> &runs, bool revealed);
    void clear();

    qsizetype currentItem() const { return m_item; }
    ImageViewWidget *imageView() const;
    /// The run shown in response column @p column.
    int runOfColumn(int column) const { return m_runs.value(column, -1); }
    int columnCount() const { return int(m_runs.size()); }
    int currentColumn() const { return m_currentColumn; }
    void setCurrentColumn(int column);
    /// Items the reader is likely to open next; their answers are laid out while the reader pauses.
    void setNeighbours(const QList<qsizetype> &items) { m_neighbours = items; }
    ResponseColumnWidget *column(int index) const { return m_columns.value(index); }

    /// How the runs' answers are laid out: side by side in as many columns as fit, as a compact grid of every
    /// run, or two runs compared word by word.
    enum class ResponseLayout { Columns, Grid, Compare };
    void setResponseLayout(ResponseLayout layout);
    ResponseLayout responseLayout() const { return m_layout; }
    ResponseGridWidget *grid() const { return m_grid; }
    /// In compare mode, the column the current one is compared with.
    int compareColumn() const { return m_compareColumn; }
    void setCompareColumn(int column);
    /// Whether column @p index is laid out in view (scrolled into sight or not).
    bool isColumnShown(int index) const;
    /// The width every response column gets now.
    int columnWidth() const;
    /// Answers as Markdown (the default) or raw text; compared answers are always raw.
    void setMarkdown(bool markdown);
    bool isMarkdown() const { return m_markdown; }
    /// Hides the image so the answers get its height.
    void setImageCollapsed(bool collapsed);
    /// Shows or hides the item's image description and safety reason under the instruction.
    void setDetailsShown(bool shown);
    bool isDetailsShown() const;
    bool isImageCollapsed() const;
    /// Marks search hits in the answers.
    void setSearchFinder(ResponseTextView::HighlightFinder finder);
    /// Scrolls the current run's answer by @p pages screens.
    void scrollCurrentResponse(int pages);

    /// Human labels and leak flags to show, by @p annotator; null @p annotations shows none. @p editable is
    /// false without a writable project. Read in place: call refreshAnnotations() after a change.
    void setAnnotations(const Annotations *annotations, const QString &annotator, bool editable);
    void refreshAnnotations();
    /// Judge runs' labels shown beside the original judge's, and leakage suspicions beside the leak flag.
    void setJudgeResults(const JudgeResults *results);
    /// Blind review: every judge's label and explanation of a response, and other people's labels of it, stay
    /// hidden until the annotator has labelled it.
    void setBlind(bool blind);
    /// The project's curation: the item is shown as curated, with a line saying what was edited (and the data
    /// file's value), whether it is excluded and why, and its curation status. Read in place.
    void setCuration(const Curation *curation);
    /// Shows the current item's curation again (after a change).
    void refreshCuration();
    bool isBlind() const { return m_blind; }
    QLineEdit *leakNoteEdit() const { return m_leakNote; }
    QString leakText() const;

signals:
    void currentColumnChanged(int column);
    /// The description and safety reason were shown or hidden, by the page's button or setDetailsShown().
    void detailsShownChanged(bool shown);
    /// The grid or the compare bar changed the layout (a double-clicked card opens the columns).
    void responseLayoutChanged(ItemPage::ResponseLayout layout);
    /// A response note was typed into (@p finished: editing ended), on dataset item @p item and run @p run: the
    /// ones the note was typed on, even if another item is shown by the time editing ends.
    void labelNoteEdited(qsizetype item, int run, const QString &text, bool finished);
    void leakNoteEdited(qsizetype item, const QString &text, bool finished);

private:
    void imageReady(const DecodedImage &image);
    void fillColumn(int index);
    void fillVisibleColumns();
    void updateColumnWidths();
    void updateColumnVisibility();
    void updateComparison();
    void updateGrid();
    void scrollColumnIntoView(int column);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showImage(const DecodedImage &image);

    Ui::ItemPage *m_ui;
    ImageCache *m_cache = nullptr;
    std::shared_ptr<const Workspace> m_workspace;
    qsizetype m_item = -1;
    QString m_imagePath;
    QList<int> m_runs;
    QList<ResponseColumnWidget *> m_columns;
    int m_currentColumn = -1;
    QList<bool> m_filled; ///< per shown column: holds the current item's response
    QList<qsizetype> m_neighbours;
    QTimer m_fillTimer;
    const Annotations *m_annotations = nullptr;
    const Curation *m_curation = nullptr;
    QLabel *m_curationLabel = nullptr;
    const JudgeResults *m_judges = nullptr;
    QString m_annotator;
    bool m_editable = false;
    bool m_blind = false;
    LabelChipWidget *m_leakChip;
    QStackedWidget *m_responseStack;
    ResponseGridWidget *m_grid;
    QWidget *m_compareBar;
    QLabel *m_compareSummary;
    QComboBox *m_compareWith;
    ResponseLayout m_layout = ResponseLayout::Columns;
    int m_compareColumn = -1;
    bool m_markdown = true;
    ResponseTextView::HighlightFinder m_finder;
    QLineEdit *m_leakNote;
    void refreshColumnAnnotations(int index);
    /// Whether blind review hides the judge's label of workspace run @p run on the current item.
    bool judgeHidden(int run) const;
    void finishNoteEditing();
    void refreshLeak();
};

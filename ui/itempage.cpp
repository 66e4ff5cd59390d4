#include "itempage.h"

#include "ui_itempage.h"

#include "widgets/displaytext.h"
#include "widgets/imagecache.h"
#include "widgets/labelchipwidget.h"
#include "widgets/labelstyle.h"
#include "widgets/responsecolumnwidget.h"
#include "widgets/responsegridwidget.h"
#include "widgets/tagchipswidget.h"

#include "app/compare/worddiff.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>

namespace {
// Narrower than this a column wraps an answer to a few words a line.
constexpr int kMinColumnWidth = 260;
} // namespace

ItemPage::ItemPage(QWidget *parent) : QWidget(parent), m_ui(new Ui::ItemPage)
{
    m_ui->setupUi(this);
    // The item's metadata shares its line with the leakage verdict and its note: both describe the pair.
    m_leakChip = new LabelChipWidget(m_ui->infoPanel);
    m_leakNote = new QLineEdit(m_ui->infoPanel);
    m_leakNote->setPlaceholderText(tr("Words that give the image's risk away (Shift+E)"));
    m_leakNote->setClearButtonEnabled(true);
    auto *infoLayout = static_cast<QBoxLayout *>(m_ui->infoPanel->layout());
    const int metaIndex = infoLayout->indexOf(m_ui->metaLabel);
    infoLayout->removeWidget(m_ui->metaLabel);
    auto *metaRow = new QHBoxLayout;
    metaRow->addWidget(m_ui->metaLabel, 1);
    metaRow->addWidget(m_leakChip);
    metaRow->addWidget(m_leakNote, 1);
    infoLayout->insertLayout(metaIndex, metaRow);
    // What curators changed about the item, under its metadata; hidden while there is nothing to say.
    m_curationLabel = new QLabel(m_ui->infoPanel);
    m_curationLabel->setObjectName(QStringLiteral("curationLabel"));
    m_curationLabel->setWordWrap(true);
    m_curationLabel->setTextFormat(Qt::RichText);
    m_curationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_curationLabel->hide();
    infoLayout->insertWidget(metaIndex + 1, m_curationLabel);
    connect(m_leakNote, &QLineEdit::textEdited, this,
            [this](const QString &text) { emit leakNoteEdited(m_item, text, false); });
    connect(m_leakNote, &QLineEdit::editingFinished, this,
            [this] { emit leakNoteEdited(m_item, m_leakNote->text(), true); });
    QFont instructionFont = m_ui->instructionLabel->font();
    instructionFont.setPointSizeF(instructionFont.pointSizeF() * 1.3);
    instructionFont.setBold(true);
    m_ui->instructionLabel->setFont(instructionFont);
    // Two lines, always: a height that followed each instruction would resize the image on every item.
    m_ui->instructionLabel->setFixedHeight(QFontMetrics(instructionFont).lineSpacing() * 2 + 4);
    m_ui->instructionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_ui->detailsBox->setVisible(false);
    connect(m_ui->detailsButton, &QToolButton::toggled, this, [this](bool shown) {
        m_ui->detailsBox->setVisible(shown);
        m_ui->detailsButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        emit detailsShownChanged(shown);
    });
    // The answers: columns (with the compare bar over them when two runs are compared) or the grid of every run.
    m_responseStack = new QStackedWidget;
    auto *columnsPage = new QWidget;
    auto *columnsLayout = new QVBoxLayout(columnsPage);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->setSpacing(2);
    m_compareBar = new QWidget(columnsPage);
    auto *compareLayout = new QHBoxLayout(m_compareBar);
    compareLayout->setContentsMargins(6, 2, 6, 0);
    m_compareSummary = new QLabel(m_compareBar);
    m_compareSummary->setTextFormat(Qt::PlainText);
    m_compareSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_compareWith = new QComboBox(m_compareBar);
    m_compareWith->setFocusPolicy(Qt::NoFocus);
    m_compareWith->setToolTip(tr("The run the current one is compared with"));
    compareLayout->addWidget(new QLabel(tr("Compare with:"), m_compareBar));
    compareLayout->addWidget(m_compareWith);
    compareLayout->addWidget(m_compareSummary, 1);
    m_compareBar->hide();
    connect(m_compareWith, &QComboBox::activated, this, [this](int index) { setCompareColumn(index); });
    columnsLayout->addWidget(m_compareBar);
    m_ui->pageSplitter->replaceWidget(1, m_responseStack);
    columnsLayout->addWidget(m_ui->responsesArea, 1);
    m_ui->responsesArea->show();
    m_grid = new ResponseGridWidget;
    m_responseStack->addWidget(columnsPage);
    m_responseStack->addWidget(m_grid);
    connect(m_grid, &ResponseGridWidget::currentChanged, this, &ItemPage::setCurrentColumn);
    connect(m_grid, &ResponseGridWidget::activated, this, [this](int index) {
        setCurrentColumn(index);
        setResponseLayout(ResponseLayout::Columns);
        emit responseLayoutChanged(ResponseLayout::Columns);
    });
    m_ui->pageSplitter->setStretchFactor(0, 1);
    m_ui->pageSplitter->setStretchFactor(1, 1);
    m_ui->pageSplitter->setSizes({440, 460});
    m_ui->infoPanel->layout()->setContentsMargins(4, 0, 4, 4);
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(60);
    connect(&m_fillTimer, &QTimer::timeout, this, [this] {
        for (int i = 0; i < m_runs.size(); ++i)
            fillColumn(i);
        // Then the answers of the items the reader will probably open next, for the columns in view.
        if (!m_workspace)
            return;
        for (qsizetype item : std::as_const(m_neighbours)) {
            if (item < 0 || item >= m_workspace->dataset.size())
                continue;
            for (int i = 0; i < m_runs.size() && i < 4; ++i)
                m_columns[i]->prepare(m_workspace->record(item, m_runs[i]));
        }
    });
    connect(m_ui->responsesArea->horizontalScrollBar(), &QScrollBar::valueChanged, this, &ItemPage::fillVisibleColumns);
    m_ui->responsesArea->viewport()->installEventFilter(this);
    clear();
}

ItemPage::~ItemPage()
{
    delete m_ui;
}

void ItemPage::setImageCache(ImageCache *cache)
{
    m_cache = cache;
    connect(cache, &ImageCache::imageReady, this, &ItemPage::imageReady);
    cache->setViewSize(m_ui->imageView->size());
    connect(m_ui->imageView, &ImageViewWidget::viewSizeChanged, cache, &ImageCache::setViewSize);
}

ImageViewWidget *ItemPage::imageView() const
{
    return m_ui->imageView;
}

void ItemPage::finishNoteEditing()
{
    // A note being typed belongs to the item it was typed on: end its editing before another item replaces it,
    // so it is saved there and its field shows the next item's note.
    for (int i = 0; i < m_runs.size() && i < m_columns.size(); ++i) {
        auto *edit = m_columns[i]->noteEdit();
        if (!edit->hasFocus())
            continue;
        emit labelNoteEdited(m_item, m_runs[i], edit->text(), true);
        const QSignalBlocker blocker(edit);
        edit->clearFocus();
    }
    if (m_leakNote->hasFocus()) {
        emit leakNoteEdited(m_item, m_leakNote->text(), true);
        const QSignalBlocker blocker(m_leakNote);
        m_leakNote->clearFocus();
    }
}

void ItemPage::clear()
{
    finishNoteEditing();
    m_workspace.reset();
    m_item = -1;
    m_imagePath.clear();
    m_ui->instructionLabel->setText(tr("No item selected"));
    m_ui->metaLabel->clear();
    m_ui->descriptionLabel->clear();
    m_ui->reasonLabel->clear();
    m_ui->imageView->setPlaceholder(tr("No image"), {});
    for (ResponseColumnWidget *column : std::as_const(m_columns))
        column->hide();
    refreshLeak();
}

void ItemPage::setCuration(const Curation *curation)
{
    m_curation = curation;
}

void ItemPage::refreshCuration()
{
    constexpr qsizetype kCommentShown = 400; // characters of a curator's comment on the page; the rest is elided
    if (!m_workspace || m_item < 0 || m_item >= m_workspace->dataset.size() || !m_curation ||
        !m_workspace->dataset.hasUniqueId(m_item)) {
        m_curationLabel->hide();
        return;
    }
    const Item &item = m_workspace->dataset.item(m_item);
    const qint64 id = item.instructionId;
    QStringList parts;
    if (const Exclusion *x = m_curation->exclusion(id))
        parts.append(
            tr("<b>Excluded</b> by %1: %2")
                .arg(x->annotator.toHtmlEscaped(), DisplayText::elided(x->reason, DisplayText::kName).toHtmlEscaped()));
    const QMap<ItemField, FieldEdit> edits = m_curation->edits(id);
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        const QString was = item.has(it.key())
                                ? tr("“%1”").arg(DisplayText::elided(item.text(it.key()), DisplayText::kName))
                                : tr("nothing");
        parts.append(
            tr("<b>%1</b> edited by %2 (the data file has %3)%4")
                .arg(Item::fieldKey(it.key()), it->annotator.toHtmlEscaped(), was.toHtmlEscaped(),
                     it->reason.isEmpty()
                         ? QString()
                         : QStringLiteral(": ") + DisplayText::elided(it->reason, DisplayText::kName).toHtmlEscaped()));
    }
    const CurationStatus status = m_curation->status(id);
    if (status == CurationStatus::NeedsFix)
        parts.append(tr("<b>Needs a fix</b>"));
    else if (status == CurationStatus::Checked)
        parts.append(tr("Checked"));
    if (const ItemComment *comment = m_curation->comment(id))
        parts.append(
            tr("Comment by %1: %2")
                .arg(comment->annotator.toHtmlEscaped(), DisplayText::elided(comment->text, kCommentShown)
                                                             .toHtmlEscaped()
                                                             .replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    m_curationLabel->setText(parts.join(QStringLiteral(" · ")));
    m_curationLabel->setVisible(!parts.isEmpty());
}

void ItemPage::showItem(std::shared_ptr<const Workspace> workspace, qsizetype itemIndex, const QList<int> &runs,
                        bool revealed)
{
    if (itemIndex != m_item || workspace != m_workspace || runs != m_runs)
        finishNoteEditing();
    m_workspace = std::move(workspace);
    m_item = itemIndex;
    // As curated: edited fields show their new values (refreshCuration() says what the file had).
    const Item item = m_curation && m_workspace->dataset.hasUniqueId(itemIndex)
                          ? m_curation->curated(m_workspace->dataset.item(itemIndex))
                          : m_workspace->dataset.item(itemIndex);
    refreshCuration();
    // Bounded before layout: labels measure and wrap all of their text, however long the data made it.
    m_ui->instructionLabel->setText(item.instruction.isEmpty()
                                        ? tr("(empty instruction)")
                                        : DisplayText::elided(item.instruction, DisplayText::kCell));
    m_ui->instructionLabel->setToolTip(DisplayText::elided(item.instruction, DisplayText::kPage / 10));
    QStringList meta{QStringLiteral("#%1").arg(item.instructionId),
                     DisplayText::elided(item.category, DisplayText::kName),
                     DisplayText::elided(item.subCategory, DisplayText::kName)};
    if (!item.source.isEmpty())
        meta.append(tr("source: %1").arg(DisplayText::elided(item.source, DisplayText::kName)));
    m_ui->metaLabel->setText(meta.join(QStringLiteral("  ·  ")));
    m_ui->descriptionLabel->setText(DisplayText::elided(item.imageDescription, DisplayText::kPage));
    m_ui->reasonLabel->setText(DisplayText::elided(item.safetyReason, DisplayText::kPage));

    // The image: from the cache when prefetched, otherwise decoded on a worker and shown when ready.
    m_ui->imageView->setRevealed(revealed);
    const ImagePath::Resolved resolved = m_workspace->dataset.resolveImage(item);
    m_imagePath.clear();
    if (resolved.status != ImagePath::Status::Ok) {
        m_ui->imageView->setPlaceholder(
            tr("Image not shown"),
            tr("%1\nThe path leads outside the image folder, so it is not read.").arg(item.imagePath));
    } else {
        m_imagePath = resolved.absolutePath;
        DecodedImage decoded;
        if (m_cache && m_cache->request(m_imagePath, &decoded))
            showImage(decoded);
        else
            m_ui->imageView->setLoading(m_imagePath);
    }

    // Response columns: reuse the widgets, create only what is missing.
    const bool runCountChanged = runs.size() != m_runs.size();
    m_runs = runs;
    const bool added = m_columns.size() < runs.size();
    while (m_columns.size() < runs.size()) {
        auto *column = new ResponseColumnWidget(m_ui->responsesContainer);
        const int index = int(m_columns.size());
        connect(column, &ResponseColumnWidget::noteEdited, this, [this, index](const QString &text) {
            emit labelNoteEdited(m_item, m_runs.value(index, -1), text, false);
        });
        connect(column, &ResponseColumnWidget::noteEditingFinished, this, [this, index](const QString &text) {
            emit labelNoteEdited(m_item, m_runs.value(index, -1), text, true);
        });
        m_ui->responsesLayout->insertWidget(index, column);
        column->responseView()->setMarkdown(m_markdown && m_layout != ResponseLayout::Compare);
        column->responseView()->setSearchFinder(m_finder);
        m_columns.append(column);
    }
    if (runCountChanged) {
        m_compareWith->clear();
        for (int run : runs)
            m_compareWith->addItem(QStringLiteral("%1  %2").arg(run + 1).arg(m_workspace->runs[run].name));
        if (m_compareColumn >= runs.size())
            m_compareColumn = -1;
    }
    if (added || runCountChanged)
        updateColumnWidths();
    m_filled.fill(false, runs.size());
    const int current = runs.isEmpty() ? -1 : std::clamp(m_currentColumn, 0, int(runs.size()) - 1);
    if (m_layout == ResponseLayout::Compare && (m_compareColumn < 0 || m_compareColumn == current))
        m_compareColumn = runs.size() < 2 ? -1 : (current + 1 < runs.size() ? current + 1 : current - 1);
    updateColumnVisibility();
    refreshLeak();
    fillVisibleColumns();
    // Columns scrolled out of sight are filled once the reader pauses; holding J never pays for them.
    m_fillTimer.start();
    setCurrentColumn(current);
    updateGrid();
    updateComparison();
}

void ItemPage::updateColumnVisibility()
{
    for (int i = 0; i < m_columns.size(); ++i) {
        const bool shown =
            i < m_runs.size() && (m_layout != ResponseLayout::Compare || i == m_currentColumn || i == m_compareColumn);
        if (m_columns[i]->isVisibleTo(m_ui->responsesContainer) != shown)
            m_columns[i]->setVisible(shown);
    }
}

bool ItemPage::isColumnShown(int index) const
{
    if (index < 0 || index >= m_runs.size() || !m_columns[index]->isVisibleTo(m_ui->responsesContainer))
        return false;
    const QRect visible(m_ui->responsesArea->widget()->mapFrom(m_ui->responsesArea->viewport(), QPoint(0, 0)),
                        m_ui->responsesArea->viewport()->size());
    return visible.contains(m_columns[index]->geometry());
}

int ItemPage::columnWidth() const
{
    const int count = m_layout == ResponseLayout::Compare ? std::min<int>(2, int(m_runs.size())) : int(m_runs.size());
    const int spacing = m_ui->responsesLayout->spacing();
    const QMargins margins = m_ui->responsesLayout->contentsMargins();
    const int available = m_ui->responsesArea->viewport()->width() - margins.left() - margins.right();
    // As many columns as fit at a readable width share the space; more scroll sideways.
    const int fit = std::max(1, (available + spacing) / (kMinColumnWidth + spacing));
    const int shown = std::clamp(count, 1, fit);
    return std::max(kMinColumnWidth, (available - spacing * (shown - 1)) / shown);
}

void ItemPage::scrollColumnIntoView(int column)
{
    if (column < 0 || column >= m_runs.size())
        return;
    // From the column's place in the row rather than its geometry, which a new layout has not set yet.
    const int spacing = m_ui->responsesLayout->spacing();
    const int width = columnWidth();
    int place = 0;
    for (int i = 0; i < column; ++i)
        place += m_columns[i]->isVisibleTo(m_ui->responsesContainer) ? 1 : 0;
    const int left = m_ui->responsesLayout->contentsMargins().left() + place * (width + spacing);
    QScrollBar *bar = m_ui->responsesArea->horizontalScrollBar();
    const int view = m_ui->responsesArea->viewport()->width();
    if (m_ui->responsesContainer->width() < left + width) {
        m_ui->responsesContainer->layout()->activate();
        bar->setRange(0, std::max(bar->maximum(), left + width - view));
    }
    if (left < bar->value())
        bar->setValue(left);
    else if (left + width > bar->value() + view)
        bar->setValue(left + width - view);
}

void ItemPage::setResponseLayout(ResponseLayout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    if (layout == ResponseLayout::Compare && (m_compareColumn < 0 || m_compareColumn == m_currentColumn))
        m_compareColumn =
            m_runs.size() < 2 ? -1 : (m_currentColumn + 1 < m_runs.size() ? m_currentColumn + 1 : m_currentColumn - 1);
    m_responseStack->setCurrentIndex(layout == ResponseLayout::Grid ? 1 : 0);
    m_compareBar->setVisible(layout == ResponseLayout::Compare);
    for (ResponseColumnWidget *column : std::as_const(m_columns)) {
        column->responseView()->setMarkdown(m_markdown && layout != ResponseLayout::Compare);
        column->responseView()->setRawHighlights({});
    }
    updateColumnVisibility();
    updateColumnWidths();
    fillVisibleColumns();
    updateGrid();
    updateComparison();
    scrollColumnIntoView(m_currentColumn);
    QTimer::singleShot(0, this, [this] { scrollColumnIntoView(m_currentColumn); });
}

void ItemPage::setCompareColumn(int column)
{
    if (column < 0 || column >= m_runs.size())
        return;
    if (column == m_currentColumn) {
        // Comparing a run with itself shows nothing: the two swap instead.
        const int previous = m_compareColumn;
        m_compareColumn = column;
        setCurrentColumn(previous);
    } else {
        m_compareColumn = column;
    }
    updateColumnVisibility();
    fillColumn(m_compareColumn);
    updateComparison();
}

void ItemPage::updateComparison()
{
    if (m_layout != ResponseLayout::Compare)
        return;
    const QSignalBlocker blocker(m_compareWith);
    m_compareWith->setCurrentIndex(m_compareColumn);
    if (m_currentColumn < 0 || m_compareColumn < 0 || !m_workspace) {
        m_compareSummary->setText(tr("Comparing needs two runs."));
        return;
    }
    fillColumn(m_currentColumn);
    fillColumn(m_compareColumn);
    // The left column is the old text of a diff, the right one the new: marks in red and in green.
    const int left = std::min(m_currentColumn, m_compareColumn);
    const int right = std::max(m_currentColumn, m_compareColumn);
    const WordDiff::Result diff = WordDiff::compare(m_columns[left]->rawResponse(), m_columns[right]->rawResponse());
    const auto marks = [](const QList<WordDiff::Span> &spans, const QColor &color) {
        QList<ResponseTextView::Highlight> out;
        for (const WordDiff::Span &span : spans)
            out.append({span.start, span.length, color, false});
        return out;
    };
    m_columns[left]->responseView()->setRawHighlights(marks(diff.onlyLeft, QColor(220, 50, 47, 80)));
    m_columns[right]->responseView()->setRawHighlights(marks(diff.onlyRight, QColor(40, 170, 60, 90)));
    const QString leftName = m_workspace->runs[m_runs[left]].name;
    const QString rightName = m_workspace->runs[m_runs[right]].name;
    if (diff.byLine)
        m_compareSummary->setText(tr("Too long to compare word by word: lines only in %1 are red, lines only in %2 "
                                     "green.")
                                      .arg(leftName, rightName));
    else
        m_compareSummary->setText(tr("%1 of %2 words of %3 are not in %4 (red); %5 of %6 words of %4 are new "
                                     "(green).")
                                      .arg(diff.leftWords - diff.commonWords)
                                      .arg(diff.leftWords)
                                      .arg(leftName, rightName)
                                      .arg(diff.rightWords - diff.commonWords)
                                      .arg(diff.rightWords));
}

void ItemPage::updateGrid()
{
    if (m_layout != ResponseLayout::Grid)
        return;
    QList<ResponseGridWidget::Card> cards;
    if (m_workspace && m_item >= 0) {
        const qint64 id = m_workspace->dataset.item(m_item).instructionId;
        for (int run : std::as_const(m_runs)) {
            ResponseGridWidget::Card card;
            card.title = QStringLiteral("%1  %2").arg(run + 1).arg(m_workspace->runs[run].name);
            if (const ResultRecord *record = m_workspace->record(m_item, run)) {
                card.hasResponse = true;
                card.judge = record->label;
                card.judgeHidden = judgeHidden(run);
                card.text = record->response;
            }
            if (m_annotations)
                card.mine = m_annotations->label(id, m_workspace->runs[run].name, m_annotator).label;
            cards.append(card);
        }
    }
    m_grid->setCards(cards);
    m_grid->setCurrent(m_currentColumn);
}

void ItemPage::setMarkdown(bool markdown)
{
    m_markdown = markdown;
    for (ResponseColumnWidget *column : std::as_const(m_columns))
        column->responseView()->setMarkdown(markdown && m_layout != ResponseLayout::Compare);
}

void ItemPage::setImageCollapsed(bool collapsed)
{
    m_ui->imageView->setVisible(!collapsed);
}

bool ItemPage::isImageCollapsed() const
{
    return m_ui->imageView->isHidden();
}

void ItemPage::setDetailsShown(bool shown)
{
    m_ui->detailsButton->setChecked(shown);
}

bool ItemPage::isDetailsShown() const
{
    return m_ui->detailsButton->isChecked();
}

void ItemPage::setSearchFinder(ResponseTextView::HighlightFinder finder)
{
    m_finder = std::move(finder);
    for (ResponseColumnWidget *column : std::as_const(m_columns))
        column->responseView()->setSearchFinder(m_finder);
}

void ItemPage::scrollCurrentResponse(int pages)
{
    if (m_currentColumn >= 0 && m_currentColumn < m_columns.size())
        m_columns[m_currentColumn]->responseView()->scrollPages(pages);
}

bool ItemPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->responsesArea->viewport() && event->type() == QEvent::Resize)
        updateColumnWidths();
    return QWidget::eventFilter(watched, event);
}

void ItemPage::updateColumnWidths()
{
    // Widths depend on the space and the number of runs, never on the text, so a new item reflows no layout.
    const int width = columnWidth();
    for (ResponseColumnWidget *column : std::as_const(m_columns)) {
        if (column->width() != width || column->minimumWidth() != width)
            column->setFixedWidth(width);
    }
}

void ItemPage::fillColumn(int index)
{
    if (index < 0 || index >= m_runs.size() || m_filled[index] || !m_workspace)
        return;
    const int run = m_runs[index];
    m_columns[index]->setJudgeHidden(judgeHidden(run));
    m_columns[index]->show(QStringLiteral("%1  %2").arg(run + 1).arg(m_workspace->runs[run].name),
                           m_workspace->record(m_item, run));
    m_filled[index] = true;
    refreshColumnAnnotations(index);
}

void ItemPage::fillVisibleColumns()
{
    const QRect visible(m_ui->responsesArea->widget()->mapFrom(m_ui->responsesArea->viewport(), QPoint(0, 0)),
                        m_ui->responsesArea->viewport()->size());
    for (int i = 0; i < m_runs.size(); ++i) {
        // Before the first layout every column sits at 0; treat columns as a row of their minimum width.
        QRect geometry = m_columns[i]->geometry();
        if (geometry.width() <= 0)
            geometry = QRect(i * m_columns[i]->minimumWidth(), 0, m_columns[i]->minimumWidth(), 1);
        if (geometry.intersects(visible.adjusted(-1, -1, 1, 1)) || i == m_currentColumn)
            fillColumn(i);
    }
}

void ItemPage::setCurrentColumn(int column)
{
    if (column >= int(m_runs.size()))
        column = int(m_runs.size()) - 1;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i]->setCurrent(i == column);
    const bool changed = column != m_currentColumn;
    if (changed && m_layout == ResponseLayout::Compare && column >= 0 && column == m_compareColumn)
        m_compareColumn = m_currentColumn; // moving onto the compared run swaps the two
    m_currentColumn = column;
    if (changed && m_layout == ResponseLayout::Compare) {
        updateColumnVisibility();
        updateComparison();
    }
    if (column >= 0) {
        fillColumn(column);
        // The focused column is always wholly in view, now and once a new layout has placed it.
        scrollColumnIntoView(column);
        QTimer::singleShot(0, this, [this] { scrollColumnIntoView(m_currentColumn); });
    }
    m_grid->setCurrent(column);
    if (changed)
        emit currentColumnChanged(column);
}

void ItemPage::imageReady(const DecodedImage &image)
{
    if (image.path == m_imagePath)
        showImage(image);
}

void ItemPage::showImage(const DecodedImage &image)
{
    if (image.image.isNull())
        m_ui->imageView->setPlaceholder(tr("Image not available"), image.path + QLatin1Char('\n') + image.error);
    else
        m_ui->imageView->setImage(image.image, image.blurred, image.fitted, image.blurredFitted);
}

void ItemPage::setAnnotations(const Annotations *annotations, const QString &annotator, bool editable)
{
    m_annotations = annotations;
    m_annotator = annotator;
    m_editable = editable;
    refreshAnnotations();
}

void ItemPage::setJudgeResults(const JudgeResults *results)
{
    m_judges = results;
    refreshAnnotations();
}

void ItemPage::refreshAnnotations()
{
    refreshLeak();
    if (m_layout == ResponseLayout::Grid && m_workspace && m_item >= 0 && m_annotations) {
        const qint64 id = m_workspace->dataset.item(m_item).instructionId;
        for (int i = 0; i < m_runs.size(); ++i)
            m_grid->setMine(i, m_annotations->label(id, m_workspace->runs[m_runs[i]].name, m_annotator).label,
                            judgeHidden(m_runs[i]));
    }
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_filled.value(i))
            refreshColumnAnnotations(i);
    }
}

void ItemPage::setBlind(bool blind)
{
    if (blind == m_blind)
        return;
    m_blind = blind;
    refreshAnnotations();
    updateGrid();
}

bool ItemPage::judgeHidden(int run) const
{
    // Hidden until this annotator has labelled the response once: a label cleared since was made seeing it.
    if (!m_blind || !m_annotations || !m_workspace || m_item < 0 || run < 0 || run >= m_workspace->runs.size())
        return false;
    return !m_annotations->everLabelled(m_workspace->dataset.item(m_item).instructionId, m_workspace->runs[run].name,
                                        m_annotator);
}

void ItemPage::refreshColumnAnnotations(int index)
{
    if (!m_workspace || m_item < 0 || index < 0 || index >= m_runs.size())
        return;
    const qint64 id = m_workspace->dataset.item(m_item).instructionId;
    const QString &run = m_workspace->runs[m_runs[index]].name;
    m_columns[index]->setJudgeHidden(judgeHidden(m_runs[index]));
    QList<QPair<QString, Judgment>> judged;
    if (m_judges) {
        for (const QString &judge : m_judges->runNames(JudgeRunInfo::Kind::Rubric))
            if (const Judgment *j = m_judges->find(judge, id, run))
                judged.append({judge, *j});
    }
    m_columns[index]->setJudges(judged);
    if (!m_annotations) {
        m_columns[index]->setHuman({m_annotator, Label::Invalid, {}, {}}, {}, false);
        m_columns[index]->tagChips()->setTags({}, {});
        return;
    }
    m_columns[index]->setHuman(m_annotations->label(id, run, m_annotator), m_annotations->labels(id, run), m_editable);
    QStringList others;
    for (const ResponseTag &tag : m_annotations->responseTags(id, run)) {
        if (tag.annotator != m_annotator)
            others.append(tag.tag);
    }
    m_columns[index]->tagChips()->setTags(m_annotations->tags(id, run, m_annotator), others);
}

void ItemPage::refreshLeak()
{
    const bool shown = m_workspace && m_item >= 0;
    const LeakFlag flag = shown && m_annotations
                              ? m_annotations->leak(m_workspace->dataset.item(m_item).instructionId, m_annotator)
                              : LeakFlag{};
    QString text =
        flag.verdict == LeakVerdict::None
            ? tr("Leak: – (L · N · U)")
            : tr("Leak: %1  %2").arg(LabelStyle::leakLetter(flag.verdict), LabelStyle::leakName(flag.verdict));
    if (shown && m_annotations) {
        // Others' verdicts, so a second annotator sees the first one's call.
        for (const LeakFlag &other : m_annotations->leaks(m_workspace->dataset.item(m_item).instructionId)) {
            if (other.annotator != m_annotator && other.verdict != LeakVerdict::None)
                text += QStringLiteral("  ·  %1: %2").arg(other.annotator, LabelStyle::leakLetter(other.verdict));
        }
    }
    // A judge's suspicion is shown beside the people's verdicts and never replaces them.
    const QStringList suspectedBy =
        shown && m_judges ? m_judges->leakSuspectedBy(m_workspace->dataset.item(m_item).instructionId) : QStringList();
    if (!suspectedBy.isEmpty())
        text += tr("  ·  leak suspected: %1 judged the text alone unsafe").arg(suspectedBy.join(QStringLiteral(", ")));
    m_leakChip->setContent(text, flag.verdict == LeakVerdict::None && !suspectedBy.isEmpty()
                                     ? LabelStyle::leakColor(LeakVerdict::Unsure)
                                     : LabelStyle::leakColor(flag.verdict));
    m_leakChip->setVisible(shown);
    if (!m_leakNote->hasFocus() && m_leakNote->text() != flag.note)
        m_leakNote->setText(flag.note);
    m_leakNote->setVisible(shown);
    m_leakNote->setEnabled(shown && m_editable && m_annotations);
}

QString ItemPage::leakText() const
{
    return m_leakChip->text();
}

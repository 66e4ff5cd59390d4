#include "itempage.h"

#include "ui_itempage.h"

#include "widgets/displaytext.h"
#include "widgets/imagecache.h"
#include "widgets/labelchipwidget.h"
#include "widgets/labelstyle.h"
#include "widgets/responsecolumnwidget.h"

#include <QBoxLayout>
#include <QLineEdit>
#include <QScrollBar>

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
    connect(m_ui->detailsButton, &QToolButton::toggled, m_ui->detailsBox, &QWidget::setVisible);
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
        QLineEdit *edit = m_columns[i]->noteEdit();
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

void ItemPage::showItem(std::shared_ptr<const Workspace> workspace, qsizetype itemIndex, const QList<int> &runs,
                        bool revealed)
{
    if (itemIndex != m_item || workspace != m_workspace || runs != m_runs)
        finishNoteEditing();
    m_workspace = std::move(workspace);
    m_item = itemIndex;
    const Item &item = m_workspace->dataset.item(itemIndex);
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
        m_columns.append(column);
    }
    if (added || runCountChanged)
        updateColumnWidths();
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i]->setVisible(i < runs.size());
    m_filled.fill(false, runs.size());
    refreshLeak();
    fillVisibleColumns();
    // Columns scrolled out of sight are filled once the reader pauses; holding J never pays for them.
    m_fillTimer.start();
    setCurrentColumn(runs.isEmpty() ? -1 : std::clamp(m_currentColumn, 0, int(runs.size()) - 1));
}

bool ItemPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->responsesArea->viewport() && event->type() == QEvent::Resize)
        updateColumnWidths();
    return QWidget::eventFilter(watched, event);
}

void ItemPage::updateColumnWidths()
{
    // Widths depend on the space and the number of runs, never on the text, so a new item reflows no layout:
    // up to three columns share the width, more scroll sideways.
    const int shown = std::max<int>(1, std::min<int>(int(m_runs.size()), 3));
    const int spacing = m_ui->responsesLayout->spacing();
    const int width = std::max(280, (m_ui->responsesArea->viewport()->width() - spacing * (shown + 1)) / shown);
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
    m_currentColumn = column;
    if (column >= 0) {
        fillColumn(column);
        m_ui->responsesArea->ensureWidgetVisible(m_columns[column], 0, 0);
    }
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
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_filled.value(i))
            refreshColumnAnnotations(i);
    }
}

void ItemPage::refreshColumnAnnotations(int index)
{
    if (!m_workspace || m_item < 0 || index < 0 || index >= m_runs.size())
        return;
    const qint64 id = m_workspace->dataset.item(m_item).instructionId;
    const QString &run = m_workspace->runs[m_runs[index]].name;
    QList<QPair<QString, Judgment>> judged;
    if (m_judges) {
        for (const QString &judge : m_judges->runNames(JudgeRunInfo::Kind::Rubric))
            if (const Judgment *j = m_judges->find(judge, id, run))
                judged.append({judge, *j});
    }
    m_columns[index]->setJudges(judged);
    if (!m_annotations) {
        m_columns[index]->setHuman({m_annotator, Label::Invalid, {}, {}}, {}, false);
        return;
    }
    m_columns[index]->setHuman(m_annotations->label(id, run, m_annotator), m_annotations->labels(id, run), m_editable);
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

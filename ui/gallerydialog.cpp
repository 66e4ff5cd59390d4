#include "gallerydialog.h"

#include "widgets/itemfiltermodel.h"

#include "app/model/workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>

GalleryDialog::GalleryDialog(const QList<qsizetype> &selected, const QList<qsizetype> &listed, bool filtered,
                             QWidget *parent)
    : QDialog(parent), m_selected(selected), m_listed(listed)
{
    setWindowTitle(tr("Export Gallery"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("One HTML or PDF file with each item's instruction and image, every shown run's answer "
                                "and judge label, and the project's human labels, notes and tags. The format follows "
                                "the file name (.html or .pdf)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *which = new QGroupBox(tr("Items"), this);
    auto *whichLayout = new QVBoxLayout(which);
    m_selectedChoice = new QRadioButton(which);
    m_selectedChoice->setObjectName(QStringLiteral("selectedItems"));
    m_listChoice = new QRadioButton(which);
    m_listChoice->setObjectName(QStringLiteral("listedItems"));
    if (m_selected.size() == 1)
        m_selectedChoice->setText(tr("The selected item"));
    else if (m_selected.isEmpty())
        m_selectedChoice->setText(tr("The selected items (none is selected)"));
    else
        m_selectedChoice->setText(tr("The %n selected item(s)", nullptr, int(m_selected.size())));
    m_listChoice->setText(filtered ? tr("All %n filtered item(s) in the list", nullptr, int(m_listed.size()))
                                   : tr("All %n item(s) in the list", nullptr, int(m_listed.size())));
    m_capWarning = new QLabel(tr("Only the first %1 items in the list's order are exported.").arg(kMaxItems), which);
    m_capWarning->setObjectName(QStringLiteral("capWarning"));
    m_capWarning->setWordWrap(true);
    QFont bold = m_capWarning->font();
    bold.setBold(true);
    m_capWarning->setFont(bold);
    whichLayout->addWidget(m_selectedChoice);
    whichLayout->addWidget(m_listChoice);
    whichLayout->addWidget(m_capWarning);
    layout->addWidget(which);
    m_selectedChoice->setEnabled(!m_selected.isEmpty());
    m_listChoice->setEnabled(!m_listed.isEmpty());
    (m_selected.isEmpty() ? m_listChoice : m_selectedChoice)->setChecked(true);

    m_blur = new QCheckBox(tr("&Blur images"), this);
    m_blur->setObjectName(QStringLiteral("blurImages"));
    m_blur->setToolTip(tr("Strongly blurred, so that nothing harmful in them can be recognised"));
    m_blur->setChecked(true);
    m_explanations = new QCheckBox(tr("Include judge &explanations"), this);
    m_explanations->setObjectName(QStringLiteral("judgeExplanations"));
    layout->addWidget(m_blur);
    layout->addWidget(m_explanations);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export…"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_selected.isEmpty() || !m_listed.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_selectedChoice, &QRadioButton::toggled, this, &GalleryDialog::updateWarning);
    connect(m_listChoice, &QRadioButton::toggled, this, &GalleryDialog::updateWarning);
    updateWarning();
}

void GalleryDialog::updateWarning()
{
    const qsizetype chosen = m_listChoice->isChecked() ? m_listed.size() : m_selected.size();
    m_capWarning->setVisible(chosen > kMaxItems);
}

QList<qsizetype> GalleryDialog::items() const
{
    return (m_listChoice->isChecked() ? m_listed : m_selected).mid(0, kMaxItems);
}

GalleryExport::Options GalleryDialog::options() const
{
    GalleryExport::Options options;
    options.blurImages = m_blur->isChecked();
    options.judgeExplanations = m_explanations->isChecked();
    return options;
}

GalleryDialog::Outcome GalleryDialog::exportFromList(QWidget *parent, const QTableView *list,
                                                     const ItemFilterModel *filter,
                                                     std::shared_ptr<const Workspace> workspace, const Project *project,
                                                     const QList<int> &runs)
{
    if (!workspace)
        return {};
    // Selected rows in the list's order; the current row when nothing is selected.
    QList<int> rows;
    if (const QItemSelectionModel *selection = list->selectionModel()) {
        for (const QModelIndex &index : selection->selectedRows())
            rows.append(index.row());
    }
    if (rows.isEmpty() && list->currentIndex().isValid())
        rows.append(list->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    QList<qsizetype> selected;
    for (int row : std::as_const(rows))
        selected.append(filter->itemAt(row));
    QList<qsizetype> listed;
    for (int row = 0; row < filter->rowCount(); ++row)
        listed.append(filter->itemAt(row));

    GalleryDialog dialog(selected, listed, listed.size() < workspace->dataset.size(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const QList<qsizetype> items = dialog.items();
    GalleryExport::Options options = dialog.options();
    options.runs = runs;

    QString fileType;
    QString path = QFileDialog::getSaveFileName(parent, tr("Export Gallery"), QStringLiteral("gallery.html"),
                                                tr("HTML files (*.html);;PDF files (*.pdf)"), &fileType);
    if (path.isEmpty())
        return {};
    if (!GalleryExport::formatForPath(path, &options.format)) {
        // A name without .html or .pdf takes the suffix of the chosen file type.
        path += fileType.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".html");
        GalleryExport::formatForPath(path, &options.format);
        if (QFileInfo::exists(path) &&
            QMessageBox::question(parent, tr("Export Gallery"), tr("%1 already exists. Replace it?").arg(path)) !=
                QMessageBox::Yes)
            return {};
    }
    return write(parent, GalleryExport::Source::of(std::move(workspace), project), items, options, path);
}

GalleryDialog::Outcome GalleryDialog::write(QWidget *parent, const GalleryExport::Source &source,
                                            const QList<qsizetype> &items, const GalleryExport::Options &options,
                                            const QString &path)
{
    QProgressDialog progress(tr("Writing the gallery to %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             int(items.size()), parent);
    progress.setWindowTitle(tr("Export Gallery"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancel] { *cancel = true; });

    struct Result
    {
        bool ok = false;
        QString error;
        GalleryExport::Summary summary;
    };
    // Decoding images and laying out pages take a while for hundreds of items: a worker does it, on values only.
    QProgressDialog *shown = &progress; // queued calls to it are dropped once it is gone
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([source, items, options, path, cancel, shown] {
        Result result;
        result.ok = GalleryExport::write(source, items, options, path, &result.error, &result.summary, cancel.get(),
                                         [shown](int done, int) {
                                             QMetaObject::invokeMethod(
                                                 shown,
                                                 [shown, done] {
                                                     if (!shown->wasCanceled())
                                                         shown->setValue(done);
                                                 },
                                                 Qt::QueuedConnection);
                                         });
        return result;
    }));
    loop.exec();
    const Result result = watcher.result();
    if (!result.ok && *cancel)
        return {};
    if (!result.ok)
        return {result.error, {}};
    const QString what = options.format == GalleryExport::Format::Pdf
                             ? tr("Exported a gallery of %n item(s) to %1 (%2 pages).", nullptr, result.summary.items)
                                   .arg(path)
                                   .arg(result.summary.pages)
                             : tr("Exported a gallery of %n item(s) to %1.", nullptr, result.summary.items).arg(path);
    return {{}, what};
}

#include "duplicatesdialog.h"

#include "widgets/displaytext.h"
#include "widgets/imagefingerprint.h"

#include "app/session/reviewsession.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

const QString kCacheKey = QStringLiteral("duplicates/image_fingerprints");
constexpr int kItemRole = Qt::UserRole;
constexpr int kGroupRole = Qt::UserRole + 1;

// One line per file: path, size, modification time (ms), content hash, difference hash ("-": not a picture).
QHash<QString, QString> parseCache(const QString &text)
{
    QHash<QString, QString> cache;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab > 0)
            cache.insert(line.left(tab), line.mid(tab + 1));
    }
    return cache;
}

} // namespace

DuplicatesDialog::DuplicatesDialog(ReviewSession *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_workspace(session->workspace()), m_tree(new QTreeWidget(this)),
      m_summary(new QLabel(this)), m_progress(new QProgressBar(this)), m_distance(new QSpinBox(this)),
      m_exclude(new QPushButton(tr("E&xclude All but the First"), this))
{
    setObjectName(QStringLiteral("duplicatesDialog"));
    setWindowTitle(tr("Duplicates"));
    resize(900, 620);
    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Similar images: at most"), this));
    m_distance->setRange(0, 7);
    m_distance->setValue(4);
    m_distance->setSuffix(tr(" of 64 bits apart"));
    m_distance->setToolTip(tr("How far two images' difference hashes may be apart to count as the same picture: 0 "
                              "is identical after shrinking, 4 allows recompression and small edits"));
    row->addWidget(m_distance);
    row->addStretch(1);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_tree->setObjectName(QStringLiteral("duplicatesTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Group / item"), tr("Category"), tr("Instruction")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exclude->setObjectName(QStringLiteral("excludeAllButFirst"));
    m_exclude->setToolTip(tr("Leave every member of the selected group but its first out of the curated data, "
                             "with \"duplicate of #N\" as the reason (one undo step)"));
    buttons->addButton(m_exclude, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exclude, &QPushButton::clicked, this, &DuplicatesDialog::excludeAllButFirst);
    connect(m_distance, &QSpinBox::valueChanged, this, &DuplicatesDialog::regroup);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *node) {
        const QVariant item = node->data(0, kItemRole);
        if (item.isValid())
            emit itemActivated(item.value<qsizetype>());
    });
    connect(m_session, &ReviewSession::curationChanged, this, &DuplicatesDialog::regroup);
    connect(&m_watcher, &QFutureWatcher<Fingerprints>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Fingerprints>::finished, this, [this] {
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
            return;
        m_prints = m_watcher.result();
        m_imagesDone = true;
        m_progress->hide();
        // Kept in the project: the next opening reads only files that changed.
        Project *project = m_session->project();
        if (project && !project->isReadOnly() && m_prints.read > 0) {
            QStringList lines;
            for (auto it = m_prints.cache.cbegin(); it != m_prints.cache.cend(); ++it)
                lines.append(it.key() + QLatin1Char('\t') + it.value());
            lines.sort();
            FileError error;
            project->setValue(kCacheKey, lines.join(QLatin1Char('\n')), &error);
        }
        regroup();
        emit imagesFinished();
    });
    regroup();
    startFingerprints();
}

DuplicatesDialog::~DuplicatesDialog()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void DuplicatesDialog::startFingerprints()
{
    if (!m_workspace)
        return;
    const Project *project = m_session->project();
    const QHash<QString, QString> cache = project ? parseCache(project->value(kCacheKey)) : QHash<QString, QString>();
    m_progress->setRange(0, int(m_workspace->dataset.size()));
    m_progress->setFormat(tr("Reading images… %v of %m"));
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<Fingerprints> &promise, std::shared_ptr<const Workspace> ws, QHash<QString, QString> cache) {
            Fingerprints prints;
            QHash<QString, ImageFingerprint> seen; // items sharing a file read it once
            promise.setProgressRange(0, int(ws->dataset.size()));
            for (qsizetype i = 0; i < ws->dataset.size(); ++i) {
                if (promise.isCanceled())
                    return;
                if (i % 64 == 0)
                    promise.setProgressValue(int(i));
                const ImagePath::Resolved resolved = ws->dataset.resolveImage(ws->dataset.item(i));
                if (resolved.status != ImagePath::Status::Ok)
                    continue; // missing, or outside the dataset's root: never read
                const QString &path = resolved.absolutePath;
                auto it = seen.find(path);
                if (it == seen.end()) {
                    const QFileInfo info(path);
                    const QString stamp =
                        QStringLiteral("%1\t%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
                    ImageFingerprint f;
                    const QStringList cached = cache.value(path).split(QLatin1Char('\t'));
                    if (cached.size() == 4 && cached[0] + QLatin1Char('\t') + cached[1] == stamp) {
                        f.sha256 = cached[2].toLatin1();
                        bool ok = false;
                        f.dhash = cached[3].toULongLong(&ok, 16);
                        f.decoded = ok;
                        ++prints.fromCache;
                    } else {
                        f = ImageFingerprint::of(path);
                        ++prints.read;
                        cache.insert(path, stamp + QLatin1Char('\t') + QString::fromLatin1(f.sha256) +
                                               QLatin1Char('\t') +
                                               (f.decoded ? QString::number(f.dhash, 16) : QStringLiteral("-")));
                    }
                    it = seen.insert(path, f);
                }
                if (!it->sha256.isEmpty())
                    prints.content.insert(i, it->sha256);
                if (it->decoded)
                    prints.similar.insert(i, it->dhash);
            }
            prints.cache = cache;
            promise.setProgressValue(int(ws->dataset.size()));
            promise.addResult(prints);
        },
        m_workspace, cache));
}

void DuplicatesDialog::regroup()
{
    if (!m_workspace)
        return;
    const Dataset &dataset = m_workspace->dataset;
    m_groups = Duplicates::byImageFile(dataset);
    if (m_imagesDone) {
        m_groups += Duplicates::byImageContent(dataset, m_prints.content);
        m_groups += Duplicates::bySimilarImage(m_prints.similar, m_distance->value());
    }
    m_groups += Duplicates::byInstruction(dataset, &m_session->curation());
    // A group that only repeats one found by a plainer rule (items sharing a file have the same content, and the
    // same content looks the same) says nothing new: it is left out.
    QSet<QList<qsizetype>> images;
    QList<Duplicates::Group> kept;
    for (const Duplicates::Group &group : std::as_const(m_groups)) {
        if (group.kind == Duplicates::Kind::Instruction) {
            kept.append(group);
            continue;
        }
        if (!images.contains(group.items))
            kept.append(group);
        images.insert(group.items);
    }
    m_groups = kept;
    fill();
}

void DuplicatesDialog::fill()
{
    const Dataset &dataset = m_workspace->dataset;
    const Curation &curation = m_session->curation();
    m_tree->clear();
    // One branch per kind, in a fixed order; groups largest first within it.
    QHash<int, QTreeWidgetItem *> kinds;
    for (const Duplicates::Kind k : {Duplicates::Kind::ImageFile, Duplicates::Kind::ImageContent,
                                     Duplicates::Kind::SimilarImage, Duplicates::Kind::Instruction}) {
        auto *node = new QTreeWidgetItem(m_tree);
        node->setFirstColumnSpanned(true);
        node->setText(0, tr("%1: none").arg(Duplicates::kindName(k)));
        kinds.insert(int(k), node);
    }
    QHash<int, QPair<int, qsizetype>> counts; // groups, items
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        const Duplicates::Group &group = m_groups[g];
        QTreeWidgetItem *kind = kinds.value(int(group.kind));
        ++counts[int(group.kind)].first;
        counts[int(group.kind)].second += group.items.size();
        auto *node = new QTreeWidgetItem(kind);
        node->setText(0, tr("%n item(s)", nullptr, int(group.items.size())));
        node->setText(2, DisplayText::elided(group.key, DisplayText::kName));
        node->setToolTip(2, DisplayText::elided(group.key, DisplayText::kPage / 10));
        node->setData(0, kGroupRole, g);
        for (qsizetype index : group.items) {
            const Item &item = dataset.item(index);
            auto *leaf = new QTreeWidgetItem(node);
            const bool excluded = dataset.hasUniqueId(index) && curation.isExcluded(item.instructionId);
            leaf->setText(0, excluded ? tr("#%1 (excluded)").arg(item.instructionId)
                                      : QStringLiteral("#%1").arg(item.instructionId));
            leaf->setText(1, DisplayText::elided(curation.value(item, ItemField::Category), DisplayText::kName));
            leaf->setText(2, DisplayText::elided(curation.value(item, ItemField::Instruction), DisplayText::kCell));
            leaf->setData(0, kItemRole, QVariant::fromValue(index));
            leaf->setData(0, kGroupRole, g);
            if (excluded) {
                QFont font = leaf->font(0);
                font.setStrikeOut(true);
                for (int c = 0; c < 3; ++c)
                    leaf->setFont(c, font);
            }
        }
    }
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        it.value()->setExpanded(true);
        const auto [groups, items] = counts.value(it.key());
        if (groups > 0)
            it.value()->setText(0, tr("%1: %2 groups, %3 items")
                                       .arg(Duplicates::kindName(Duplicates::Kind(it.key())))
                                       .arg(groups)
                                       .arg(items));
        else if (!m_imagesDone &&
                 (it.key() == int(Duplicates::Kind::ImageContent) || it.key() == int(Duplicates::Kind::SimilarImage)))
            it.value()->setText(0, tr("%1: reading the images…").arg(Duplicates::kindName(Duplicates::Kind(it.key()))));
    }
    m_summary->setText(
        m_imagesDone
            ? tr("%1 items, %2 with a readable picture (%3 files read now, %4 known from the project). A group "
                 "that repeats one above it is not shown again.")
                  .arg(dataset.size())
                  .arg(m_prints.content.size())
                  .arg(m_prints.read)
                  .arg(m_prints.fromCache)
            : tr("%1 items. Shared files and instructions are grouped; the images are being read for the rest.")
                  .arg(dataset.size()));
}

void DuplicatesDialog::excludeAllButFirst()
{
    QTreeWidgetItem *current = m_tree->currentItem();
    if (!current || !current->data(0, kGroupRole).isValid())
        return;
    const Duplicates::Group &group = m_groups.value(current->data(0, kGroupRole).toInt());
    if (group.items.size() < 2)
        return;
    const Dataset &dataset = m_workspace->dataset;
    const qint64 first = dataset.item(group.items.first()).instructionId;
    FileError error;
    const QList<qsizetype> others = group.items.mid(1);
    if (m_session->setItemsExcluded(others, true, tr("duplicate of #%1").arg(first), &error))
        emit status(tr("Excluded %n item(s) as duplicates of #%1 (Ctrl+Z takes it back).", nullptr, int(others.size()))
                        .arg(first),
                    6000);
    else
        emit status(tr("Not excluded: %1").arg(error.toString()), 8000);
}

#include "aboutdialog.h"

#include "resources.h"

#include "app/base/libraryversions.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About VLSBench Studio"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(Resources::applicationIconPath()).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    // Links open in the browser only when clicked; nothing is fetched to show this dialog.
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
        tr("<h2>VLSBench Studio %1</h2>"
           "<p>Review, relabel and score the results of VLSBench, a multimodal safety benchmark whose image–text "
           "pairs carry a risk that is visible only in the image.</p>"
           "<p>The benchmark: Hu et al., <a href=\"https://arxiv.org/abs/2411.19939\">“VLSBench: Unveiling Visual "
           "Leakage in Multimodal Safety”</a>, arXiv 2411.19939, ACL 2025.</p>"
           "<p>VLSBench Studio is free software under the GNU General Public License, version 3 or later. "
           "It is built on the libraries below.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));

    auto *libraries = new QTableWidget(this);
    libraries->setObjectName(QStringLiteral("aboutLibraries"));
    libraries->setColumnCount(3);
    libraries->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
    libraries->verticalHeader()->hide();
    libraries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    libraries->setSelectionMode(QAbstractItemView::NoSelection);
    libraries->setFocusPolicy(Qt::NoFocus);
    const QList<LibraryVersion> versions = libraryVersions();
    libraries->setRowCount(int(versions.size()));
    for (int row = 0; row < versions.size(); ++row) {
        const LibraryVersion &library = versions[row];
        auto *name = new QTableWidgetItem(library.name);
        name->setToolTip(library.homepage);
        libraries->setItem(row, 0, name);
        libraries->setItem(row, 1, new QTableWidgetItem(library.version));
        libraries->setItem(row, 2, new QTableWidgetItem(library.licence));
    }
    libraries->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    libraries->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    libraries->horizontalHeader()->setStretchLastSection(true);
    libraries->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    libraries->setFixedHeight(libraries->horizontalHeader()->sizeHint().height() +
                              libraries->verticalHeader()->defaultSectionSize() * int(versions.size()) +
                              2 * libraries->frameWidth());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(libraries);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(580, sizeHint().height());
}

#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "rates.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QtConcurrent>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
{
    m_ui->setupUi(this);
    m_ui->runsView->setModel(new QStandardItemModel(this));
    m_ui->runsView->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(&m_loader, &QFutureWatcher<WorkspaceSnapshot>::finished, this,
            [this] { showSnapshot(m_loader.result()); });
}

MainWindow::~MainWindow()
{
    m_loader.waitForFinished();
    delete m_ui;
}

void MainWindow::openDataset(const QString &dataset, const QStringList &results)
{
    m_ui->summaryLabel->setText(tr("Loading %1…").arg(QFileInfo(dataset).fileName()));
    m_loader.setFuture(QtConcurrent::run(&WorkspaceSnapshot::load, dataset, results));
}

void MainWindow::showSnapshot(const WorkspaceSnapshot &snapshot)
{
    if (!snapshot.error.isNull()) {
        m_ui->summaryLabel->setText(tr("Could not open: %1").arg(snapshot.error.toString()));
        return;
    }
    setWindowTitle(tr("%1 — VLSBench Studio").arg(QFileInfo(snapshot.datasetPath).fileName()));
    m_ui->summaryLabel->setText(tr("%1 — %n item(s)", nullptr, int(snapshot.items)).arg(snapshot.datasetPath) +
                                tr(", %n run(s)", nullptr, int(snapshot.runs.size())));
    auto *model = static_cast<QStandardItemModel *>(m_ui->runsView->model());
    model->clear();
    model->setHorizontalHeaderLabels({tr("Run"), tr("Matched"), tr("Unmatched"), tr("Refuse %"), tr("Warn %"),
                                      tr("Safety %"), tr("Invalid")});
    for (const RunSummary &run : snapshot.runs) {
        const Rates rates = Rates::of(run.scores.overall);
        QList<QStandardItem *> row{new QStandardItem(run.name),
                                   new QStandardItem(QString::number(run.matched)),
                                   new QStandardItem(QString::number(run.unmatched + run.duplicates)),
                                   new QStandardItem(QString::number(rates.refusal, 'f', 2)),
                                   new QStandardItem(QString::number(rates.warning, 'f', 2)),
                                   new QStandardItem(QString::number(rates.safe, 'f', 2)),
                                   new QStandardItem(QString::number(run.scores.overall.invalid))};
        for (int c = 1; c < row.size(); ++c)
            row[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        model->appendRow(row);
    }
    m_ui->runsView->resizeColumnsToContents();
}

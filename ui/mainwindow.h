#pragma once

#include "workspacesnapshot.h"

#include <QFutureWatcher>
#include <QMainWindow>

namespace Ui {
class MainWindow;
}

/// The application window. For now it opens a dataset with its runs and shows the paper's summary table.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads in the background; the window stays responsive and shows the result when it arrives.
    void openDataset(const QString &dataset, const QStringList &results);

private:
    void showSnapshot(const WorkspaceSnapshot &snapshot);

    Ui::MainWindow *m_ui;
    QFutureWatcher<WorkspaceSnapshot> m_loader;
};

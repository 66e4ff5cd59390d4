#pragma once

#include <QDialog>

/// Help › About: the version, what the program is for, the paper it serves, and the libraries it is built on
/// with their licences.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

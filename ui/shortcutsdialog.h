#pragma once

#include <QDialog>
#include <QList>

class QAction;

/// Lists every action that has a keyboard shortcut, generated from the actions themselves so it never drifts.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    int rowCount() const;
    /// "Next Item" → "J, Down", for tests and documentation.
    QString shortcutsOf(const QString &actionText) const;

private:
    QList<QPair<QString, QString>> m_rows;
};

#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

/// An inline message above the content, for problems the user should know about but need not stop for.
class BannerWidget : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit BannerWidget(QWidget *parent = nullptr);

    /// Shows @p message; a Details button appears when @p details is not empty.
    void showMessage(Kind kind, const QString &message, const QString &details = {});
    QString message() const;
    QString details() const { return m_details; }

    /// The details in a dialog of their own (what the Details button opens).
    void showDetails();

private:
    QLabel *m_text;
    QPushButton *m_detailsButton;
    QString m_details;
};

#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

/// An inline message above the content, for problems the user should know about but need not stop for. Painted in
/// a tint of its kind's colour that follows the palette: pale with dark text in a light theme, deep with light text
/// in a dark one, so its text and close button read in both.
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
    Kind kind() const { return m_kind; }

    /// The banner's fill, border and text colours for its kind in the present palette.
    QColor background() const;
    QColor border() const;
    QColor foreground() const;

    /// The details in a dialog of their own (what the Details button opens).
    void showDetails();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_text;
    QPushButton *m_detailsButton;
    QToolButton *m_close;
    QString m_details;
    Kind m_kind = Kind::Info;
};

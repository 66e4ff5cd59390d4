#pragma once

#include <QStringList>
#include <QWidget>

/// A line of small chips with the failure-mode tags on one response: the reviewer's own filled, tags only other
/// annotators put on outlined. Painted directly, like the label chips; chips that do not fit end in "+n".
class TagChipsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TagChipsWidget(QWidget *parent = nullptr);

    /// Shows @p mine and, outlined, those of @p others that are not in @p mine. Hidden when both are empty.
    void setTags(const QStringList &mine, const QStringList &others);
    QStringList mine() const { return m_mine; }
    QStringList others() const { return m_others; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_mine;
    QStringList m_others; ///< other annotators' tags that are not in m_mine
};

#pragma once

#include "ui/itempage.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

/// View › Responses: how the current item's answers are shown. Markdown or raw text (M), columns, a compact grid
/// of every run (G) or two runs compared word by word (C), the image collapsed (H), and keys that scroll the
/// focused answer (Shift+J, Shift+K); the item's image description and safety reason shown or hidden (D). Choices are
/// kept in the settings.
class ResponseViewActions : public QObject
{
    Q_OBJECT

public:
    /// Adds the actions to @p menu and to @p window (so their keys work anywhere in it) and applies the saved
    /// choices to @p page.
    ResponseViewActions(QMenu *menu, QWidget *window, ItemPage *page);

    QAction *markdownAction() const { return m_markdown; }
    QAction *gridAction() const { return m_grid; }
    QAction *compareAction() const { return m_compare; }
    QAction *columnsAction() const { return m_columns; }
    QAction *collapseImageAction() const { return m_collapseImage; }
    QAction *detailsAction() const { return m_details; }
    QList<QAction *> actions() const;

private:
    void setLayout(ItemPage::ResponseLayout layout);

    ItemPage *m_page;
    QAction *m_markdown;
    QActionGroup *m_layouts;
    QAction *m_columns;
    QAction *m_grid;
    QAction *m_compare;
    QAction *m_collapseImage;
    QAction *m_details;
    QAction *m_scrollDown;
    QAction *m_scrollUp;
};

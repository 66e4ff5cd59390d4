#include "responseviewactions.h"

#include "ui/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QWidget>

namespace {

QString layoutName(ItemPage::ResponseLayout layout)
{
    switch (layout) {
    case ItemPage::ResponseLayout::Grid:
        return QStringLiteral("grid");
    case ItemPage::ResponseLayout::Compare:
        return QStringLiteral("compare");
    case ItemPage::ResponseLayout::Columns:
        break;
    }
    return QStringLiteral("columns");
}

} // namespace

ResponseViewActions::ResponseViewActions(QMenu *menu, QWidget *window, ItemPage *page)
    : QObject(window), m_page(page), m_markdown(new QAction(tr("Render &Markdown"), this)),
      m_layouts(new QActionGroup(this)), m_columns(new QAction(tr("Answers in &Columns"), this)),
      m_grid(new QAction(tr("Answers in a Compact &Grid"), this)),
      m_compare(new QAction(tr("&Compare Two Runs Word by Word"), this)),
      m_collapseImage(new QAction(tr("&Hide Image, Give Answers the Height"), this)),
      m_details(new QAction(tr("Image &Description and Safety Reason"), this)),
      m_scrollDown(new QAction(tr("Scroll Answer Down"), this)), m_scrollUp(new QAction(tr("Scroll Answer Up"), this))
{
    m_markdown->setCheckable(true);
    m_markdown->setShortcut(QKeySequence(Qt::Key_M));
    m_markdown->setToolTip(tr("Show answers with their headings, lists, code and tables, or as the raw text"));
    m_columns->setShortcut(QKeySequence(Qt::Key_V));
    m_grid->setShortcut(QKeySequence(Qt::Key_G));
    m_compare->setShortcut(QKeySequence(Qt::Key_C));
    for (QAction *action : {m_columns, m_grid, m_compare}) {
        action->setCheckable(true);
        m_layouts->addAction(action);
    }
    m_collapseImage->setCheckable(true);
    m_collapseImage->setShortcut(QKeySequence(Qt::Key_H));
    m_details->setCheckable(true);
    m_details->setShortcut(QKeySequence(Qt::Key_D));
    m_details->setToolTip(tr("Show what the image shows and why the pair is risky, as the dataset describes them"));
    m_scrollDown->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_J));
    m_scrollUp->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_K));

    QMenu *responses = menu->addMenu(tr("&Answers"));
    responses->addAction(m_markdown);
    responses->addSeparator();
    responses->addActions(m_layouts->actions());
    responses->addSeparator();
    responses->addAction(m_collapseImage);
    responses->addAction(m_details);
    responses->addAction(m_scrollDown);
    responses->addAction(m_scrollUp);
    window->addActions(actions());

    // The saved choices first, then the connections, so restoring them saves nothing.
    m_markdown->setChecked(AppSettings::renderMarkdown());
    page->setMarkdown(m_markdown->isChecked());
    const QString saved = AppSettings::responseLayout();
    const ItemPage::ResponseLayout layout = saved == QLatin1String("grid")      ? ItemPage::ResponseLayout::Grid
                                            : saved == QLatin1String("compare") ? ItemPage::ResponseLayout::Compare
                                                                                : ItemPage::ResponseLayout::Columns;
    page->setResponseLayout(layout);
    (layout == ItemPage::ResponseLayout::Grid      ? m_grid
     : layout == ItemPage::ResponseLayout::Compare ? m_compare
                                                   : m_columns)
        ->setChecked(true);
    m_collapseImage->setChecked(AppSettings::imageCollapsed());
    page->setImageCollapsed(m_collapseImage->isChecked());

    connect(m_markdown, &QAction::toggled, this, [this](bool on) {
        m_page->setMarkdown(on);
        AppSettings::setRenderMarkdown(on);
    });
    // G and C toggle: pressed again they go back to the columns.
    connect(m_grid, &QAction::triggered, this, [this] {
        setLayout(m_page->responseLayout() == ItemPage::ResponseLayout::Grid ? ItemPage::ResponseLayout::Columns
                                                                             : ItemPage::ResponseLayout::Grid);
    });
    connect(m_compare, &QAction::triggered, this, [this] {
        setLayout(m_page->responseLayout() == ItemPage::ResponseLayout::Compare ? ItemPage::ResponseLayout::Columns
                                                                                : ItemPage::ResponseLayout::Compare);
    });
    connect(m_columns, &QAction::triggered, this, [this] { setLayout(ItemPage::ResponseLayout::Columns); });
    connect(page, &ItemPage::responseLayoutChanged, this,
            [this](ItemPage::ResponseLayout changed) { setLayout(changed); });
    connect(m_collapseImage, &QAction::toggled, this, [this](bool collapsed) {
        m_page->setImageCollapsed(collapsed);
        AppSettings::setImageCollapsed(collapsed);
    });
    connect(m_details, &QAction::toggled, m_page, &ItemPage::setDetailsShown);
    connect(m_page, &ItemPage::detailsShownChanged, m_details, &QAction::setChecked);
    connect(m_scrollDown, &QAction::triggered, this, [this] { m_page->scrollCurrentResponse(1); });
    connect(m_scrollUp, &QAction::triggered, this, [this] { m_page->scrollCurrentResponse(-1); });
}

QList<QAction *> ResponseViewActions::actions() const
{
    return {m_markdown, m_columns, m_grid, m_compare, m_collapseImage, m_details, m_scrollDown, m_scrollUp};
}

void ResponseViewActions::setLayout(ItemPage::ResponseLayout layout)
{
    m_page->setResponseLayout(layout);
    (layout == ItemPage::ResponseLayout::Grid      ? m_grid
     : layout == ItemPage::ResponseLayout::Compare ? m_compare
                                                   : m_columns)
        ->setChecked(true);
    AppSettings::setResponseLayout(layoutName(layout));
}

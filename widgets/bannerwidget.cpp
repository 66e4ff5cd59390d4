#include "bannerwidget.h"

#include "widgets/labelstyle.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

struct Colors
{
    QRgb background;
    QRgb border;
    QRgb text;
};

// Per kind (info, warning, error): the light theme's pale tints, and the dark theme's deep ones.
constexpr Colors kLight[] = {
    {0xddf4ff, 0x1f6feb, 0x0a3069}, {0xfff4d6, 0xd29922, 0x4d3800}, {0xfde7e9, 0xcf222e, 0x5c0a10}};
constexpr Colors kDark[] = {
    {0x0c2d48, 0x388bfd, 0xcae8ff}, {0x3a2d0b, 0xd29922, 0xf8e3a1}, {0x42161a, 0xf85149, 0xffdcd7}};

} // namespace

BannerWidget::BannerWidget(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_detailsButton(new QPushButton(tr("Details…"), this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("banner"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 2, 4, 2);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("bannerClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_detailsButton);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_detailsButton, &QPushButton::clicked, this, &BannerWidget::showDetails);
    applyColors();
    hide();
}

void BannerWidget::showMessage(Kind kind, const QString &message, const QString &details)
{
    m_kind = kind;
    applyColors();
    m_text->setText(message);
    m_details = details;
    m_detailsButton->setVisible(!details.isEmpty());
    show();
}

QString BannerWidget::message() const
{
    return m_text->text();
}

QColor BannerWidget::background() const
{
    return QColor::fromRgb((LabelStyle::isDark(palette()) ? kDark : kLight)[int(m_kind)].background);
}

QColor BannerWidget::border() const
{
    return QColor::fromRgb((LabelStyle::isDark(palette()) ? kDark : kLight)[int(m_kind)].border);
}

QColor BannerWidget::foreground() const
{
    return QColor::fromRgb((LabelStyle::isDark(palette()) ? kDark : kLight)[int(m_kind)].text);
}

void BannerWidget::applyColors()
{
    // The message and the close button sit on the banner's own fill, not the window's: they take its text colour.
    // (The Details button draws its own face from the palette, so it keeps the palette's colours.)
    for (QWidget *child : {static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_close)}) {
        QPalette p = child->palette();
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(role, foreground());
        child->setPalette(p);
    }
    update();
}

void BannerWidget::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColors(); // light to dark or back: new tints
}

void BannerWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border(), 1));
    painter.setBrush(background());
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void BannerWidget::showDetails()
{
    QDialog dialog(window());
    dialog.setWindowTitle(tr("Load report"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QPlainTextEdit(m_details, &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(900, 480);
    dialog.exec();
}

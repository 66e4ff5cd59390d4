#include "bannerwidget.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

BannerWidget::BannerWidget(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_detailsButton(new QPushButton(tr("Details…"), this))
{
    setObjectName(QStringLiteral("banner"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 2, 4, 2);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_detailsButton);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_detailsButton, &QPushButton::clicked, this, &BannerWidget::showDetails);
    hide();
}

void BannerWidget::showMessage(Kind kind, const QString &message, const QString &details)
{
    const char *colors = kind == Kind::Error     ? "background: #fde7e9; border: 1px solid #cf222e; color: #5c0a10;"
                         : kind == Kind::Warning ? "background: #fff4d6; border: 1px solid #d29922; color: #4d3800;"
                                                 : "background: #ddf4ff; border: 1px solid #1f6feb; color: #0a3069;";
    setStyleSheet(QStringLiteral("#banner { %1 border-radius: 4px; } #banner QLabel { color: inherit; }")
                      .arg(QLatin1String(colors)));
    m_text->setText(message);
    m_details = details;
    m_detailsButton->setVisible(!details.isEmpty());
    show();
}

QString BannerWidget::message() const
{
    return m_text->text();
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

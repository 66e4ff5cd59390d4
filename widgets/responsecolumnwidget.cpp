#include "responsecolumnwidget.h"

#include "cuephrases.h"
#include "labelchipwidget.h"
#include "labelstyle.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

ResponseColumnWidget::ResponseColumnWidget(QWidget *parent)
    : QFrame(parent)
    , m_name(new QLabel(this))
    , m_chip(new LabelChipWidget(this))
    , m_explanation(new QLabel(this))
    , m_response(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("responseColumn"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(260);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); font-style: italic; }"));
    m_response->setOpenLinks(false);
    m_response->setFocusPolicy(Qt::ClickFocus);
    layout->addWidget(m_name);
    layout->addWidget(m_chip);
    layout->addWidget(m_explanation);
    layout->addWidget(m_response, 1);
    setCurrent(false);
}

void ResponseColumnWidget::show(const QString &runName, const ResultRecord *record)
{
    m_name->setText(runName);
    if (!record) {
        m_chip->setNoResponse();
        m_explanation->setText(tr("This run has no response to this item."));
        m_explanation->setVisible(true);
        m_response->clear();
        return;
    }
    m_chip->setLabel(record->label, tr("Judge"));
    m_explanation->setText(record->explanation);
    m_explanation->setVisible(!record->explanation.isEmpty());
    m_response->setHtml(highlightedHtml(record->response));
}

void ResponseColumnWidget::setCurrent(bool current)
{
    m_current = current;
    setStyleSheet(current ? QStringLiteral("#responseColumn { border: 2px solid palette(highlight); border-radius: 4px; }")
                          : QStringLiteral("#responseColumn { border: 2px solid transparent; }"));
}

QString ResponseColumnWidget::responseText() const
{
    return m_response->toPlainText();
}

QString ResponseColumnWidget::highlightedHtml(const QString &text)
{
    QString html;
    html.reserve(text.size() + text.size() / 4);
    qsizetype at = 0;
    for (const CuePhrases::Span &span : CuePhrases::find(text)) {
        html += text.mid(at, span.start - at).toHtmlEscaped();
        const QColor color = LabelStyle::color(span.kind == CuePhrases::Kind::Refusal ? Label::Refusal : Label::Warning);
        html += QStringLiteral("<span style=\"background-color: %1; text-decoration: underline;\">%2</span>")
                    .arg(QColor(color.red(), color.green(), color.blue(), 70).name(QColor::HexArgb),
                         text.mid(span.start, span.length).toHtmlEscaped());
        at = span.start + span.length;
    }
    html += text.mid(at).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

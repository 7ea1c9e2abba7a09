#include "ui/banner.h"

#include "ui/tones.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace FinChat::Ui {

Banner::Banner(const QString &objectName, QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    const Tones tones(tinted);
    tinted.setColor(QPalette::Window, tones.bubble(Tones::Bubble::Bot));
    tinted.setColor(QPalette::WindowText, tones.text());
    setPalette(tinted);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::setText(const QString &text)
{
    m_text->setText(text);
}

QPushButton *Banner::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    layout()->addWidget(button);
    return button;
}

} // namespace FinChat::Ui

#include "ui/composecontext.h"

#include <QLabel>
#include <QPushButton>

namespace FinChat::Ui {

namespace {
// A quote is a reminder, not the message: one line of it.
constexpr int ShownQuoteLength = 80;
} // namespace

ComposeContext::ComposeContext(QWidget *parent)
    : Banner(QStringLiteral("composeContext"), parent)
{
    label()->setTextFormat(Qt::PlainText);
    label()->setWordWrap(false);
    // Cut at the window's edge rather than widening the conversation's column.
    label()->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(addButton(tr("Cancel"), QStringLiteral("cancelCompose")), &QPushButton::clicked, this,
            [this] {
                clear();
                emit cancelled();
            });
    hide();
}

void ComposeContext::replyTo(qint64 id, const QString &author, const QString &text)
{
    m_replyTo = id;
    m_editing.reset();
    QString line = text.simplified();
    if (line.size() > ShownQuoteLength)
        line = line.left(ShownQuoteLength) + QChar(0x2026);
    setText(tr("Replying to %1: %2").arg(author, line));
    show();
}

void ComposeContext::edit(qint64 id)
{
    m_editing = id;
    m_replyTo.reset();
    setText(tr("Editing your message. Enter saves it, Escape cancels."));
    show();
}

void ComposeContext::clear()
{
    m_replyTo.reset();
    m_editing.reset();
    hide();
}

} // namespace FinChat::Ui

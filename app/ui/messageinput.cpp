#include "ui/messageinput.h"

#include "finchat/validation.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLocale>
#include <QStringListModel>
#include <QTextBlock>

namespace FinChat::Ui {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype SentHistorySize = 100;
}

MessageInput::MessageInput(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_commands(new QStringListModel(this))
{
    setClosedBecause(QString());
    setTabChangesFocus(true);
    m_completer->setModel(m_commands);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &MessageInput::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageInput::updateCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageInput::updateLengthNote);
}

void MessageInput::setClosedBecause(const QString &why)
{
    setReadOnly(!why.isEmpty());
    setPlaceholderText(
        why.isEmpty() ? tr("Message — Enter sends, Shift+Enter adds a line, / for commands") : why);
    if (!why.isEmpty())
        clear(); // what was typed could not be sent here; the placeholder must show
}

void MessageInput::setMaxLength(qsizetype characters)
{
    m_maxLength = characters;
    updateLengthNote();
}

bool MessageInput::isTooLong() const
{
    return m_maxLength > 0 && Validation::codePointCount(toPlainText()) > m_maxLength;
}

void MessageInput::updateLengthNote()
{
    const qsizetype length = Validation::codePointCount(toPlainText());
    const QLocale locale;
    if (m_maxLength <= 0 || length * 10 < m_maxLength * 9)
        emit lengthNote(QString(), false);
    else if (length <= m_maxLength)
        emit lengthNote(u"%1 / %2"_s.arg(locale.toString(length), locale.toString(m_maxLength)),
                        false);
    else
        emit lengthNote(
            tr("%1 characters too long: a message holds at most %2")
                .arg(locale.toString(length - m_maxLength), locale.toString(m_maxLength)),
            true);
}

void MessageInput::setCommands(const QStringList &usages)
{
    m_commands->setStringList(usages);
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        // The popup takes Enter, Tab and Escape; everything else keeps typing.
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
            event->ignore();
            return;
        default:
            break;
        }
    }
    const bool plainEnter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
                            !(event->modifiers() & Qt::ShiftModifier);
    if (plainEnter) {
        submit();
        return;
    }
    const bool onFirstLine = textCursor().blockNumber() == 0;
    const bool onLastLine = textCursor().blockNumber() == document()->blockCount() - 1;
    if (event->key() == Qt::Key_Up && onFirstLine && (toPlainText().isEmpty() || m_recalled >= 0) &&
        recall(-1))
        return;
    if (event->key() == Qt::Key_Down && onLastLine && m_recalled >= 0 && recall(+1))
        return;
    QPlainTextEdit::keyPressEvent(event);
}

// Tab reaches here before keyPressEvent (it moves the focus unless a widget says otherwise):
// with the command list open it takes the highlighted command, as Enter does.
bool MessageInput::focusNextPrevChild(bool next)
{
    if (next && m_completer->popup()->isVisible()) {
        const QModelIndex highlighted = m_completer->popup()->currentIndex();
        m_completer->popup()->hide();
        if (highlighted.isValid())
            insertCompletion(highlighted.data().toString());
        return true;
    }
    return QPlainTextEdit::focusNextPrevChild(next);
}

void MessageInput::submit()
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty() || isTooLong())
        return; // too long: the note under the input says by how much
    if (m_sent.isEmpty() || m_sent.constLast() != text)
        m_sent.append(text);
    if (m_sent.size() > SentHistorySize)
        m_sent.removeFirst();
    m_recalled = -1;
    clear();
    emit submitted(text);
}

bool MessageInput::recall(int step)
{
    if (m_sent.isEmpty())
        return false;
    const qsizetype next = m_recalled < 0 ? m_sent.size() - 1 : m_recalled + step;
    if (next < 0)
        return true; // at the oldest: stay
    if (next >= m_sent.size()) {
        m_recalled = -1;
        clear();
        return true;
    }
    m_recalled = next;
    setPlainText(m_sent.at(next));
    moveCursor(QTextCursor::End);
    return true;
}

void MessageInput::updateCompletion()
{
    const QString text = toPlainText();
    // Offer commands while the first word is being typed after '/'.
    const bool typingCommand = text.startsWith(u'/') && !text.contains(u'=') &&
                               !text.contains(u' ') && !text.contains(u'\n');
    if (!typingCommand) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(text);
    const bool complete =
        m_completer->completionCount() == 1 && m_completer->currentCompletion() == text;
    if (m_completer->completionCount() == 0 || complete) {
        m_completer->popup()->hide();
        return;
    }
    QRect at = cursorRect();
    at.setWidth(m_completer->popup()->sizeHintForColumn(0) + 24);
    m_completer->complete(at);
    // The first match is highlighted, so Enter or Tab takes it, as in other chat apps.
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void MessageInput::insertCompletion(const QString &usage)
{
    // "/stock=CODE" fills in "/stock=", ready for the argument.
    const qsizetype equals = usage.indexOf(u'=');
    setPlainText(equals >= 0 ? usage.left(equals + 1) : usage);
    moveCursor(QTextCursor::End);
}

} // namespace FinChat::Ui

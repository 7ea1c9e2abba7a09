#pragma once

#include <QPlainTextEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace FinChat::Ui {

// Where a message is typed. Enter sends, Shift+Enter starts a new line, Up and Down walk
// through what was sent before, and typing '/' offers the server's commands.
class MessageInput : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MessageInput(QWidget *parent = nullptr);

    void setCommands(const QStringList &usages);
    QCompleter *completer() const { return m_completer; }
    // The server's limit on a message, in characters; 0 when unknown. Near it the input
    // counts, past it Enter does not send.
    void setMaxLength(qsizetype characters);
    // While `why` is not empty the input takes nothing and says why in its place (a
    // moderator muted the user in this room); empty: open for typing again.
    void setClosedBecause(const QString &why);
    bool isTooLong() const;

signals:
    void submitted(const QString &text);
    // What to tell the person about the length: "3,950 / 4,000", or how much is too much;
    // empty while there is nothing to say.
    void lengthNote(const QString &text, bool tooLong);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void submit();
    bool recall(int step);
    void updateCompletion();
    void insertCompletion(const QString &usage);
    void updateLengthNote();

    QCompleter *m_completer;
    QStringListModel *m_commands;
    QStringList m_sent;
    qsizetype m_recalled = -1; // index into m_sent while walking through it
    qsizetype m_maxLength = 0;
};

} // namespace FinChat::Ui

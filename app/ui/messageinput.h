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

signals:
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void submit();
    bool recall(int step);
    void updateCompletion();
    void insertCompletion(const QString &usage);

    QCompleter *m_completer;
    QStringListModel *m_commands;
    QStringList m_sent;
    qsizetype m_recalled = -1; // index into m_sent while walking through it
};

} // namespace FinChat::Ui

#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// "New message…": the people of one's rooms, to tick one or a few (up to
// Protocol::MaxDirectOthers) and write to them in a direct conversation. Someone who shares
// no room is reached from their profile (Go › Who's online…).
class NewDirectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewDirectDialog(Client::ChatClient &client, QWidget *parent = nullptr);

    QLineEdit *filterField() const { return m_filter; }
    QListWidget *people() const { return m_people; }
    // The usernames ticked.
    QStringList chosen() const;

private:
    void listPeople(Client::ChatClient &client);
    void filter(const QString &text);
    void check();

    QLineEdit *m_filter;
    QListWidget *m_people;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace FinChat::Ui

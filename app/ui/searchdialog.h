#pragma once

#include "finchat/protocol/requests.h"

#include <QDialog>

#include <qcoro/qcorotask.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace FinChat::Client {
class ChatClient;
}

namespace FinChat::Ui {

// Searching the messages of one's rooms (message.search): the words, in every room or one,
// the best results first with the words found in bold, more on demand; activating a result
// asks for it to be opened in its room.
class SearchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SearchDialog(Client::ChatClient &client, QWidget *parent = nullptr);

    QLineEdit *queryField() const { return m_query; }
    QComboBox *scope() const { return m_scope; }
    QListWidget *results() const { return m_results; }
    QPushButton *moreButton() const { return m_more; }
    // Searches for what the field holds, from the best result.
    void search();
    // A result as its row shows it: the body with <b> around the words found, escaped.
    static QString highlighted(const Protocol::SearchHit &hit);

signals:
    void searched();
    // The person wants this message shown where it was written.
    void resultChosen(const QString &room, qint64 message);

private:
    QCoro::Task<> load();
    void addResult(const Protocol::SearchHit &hit);

    Client::ChatClient &m_client;
    QLineEdit *m_query;
    QComboBox *m_scope;
    QListWidget *m_results;
    QLabel *m_status;
    QPushButton *m_more;
    quint64 m_generation = 0; // answers to an older search are dropped
    // The search "More results" goes on with, as it was started, and where it goes on.
    Protocol::MessageSearch m_searching;
};

} // namespace FinChat::Ui

#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace FinChat::Ui {

// "New room…": a name, checked as it is typed against the server's rules, and an optional
// topic that everyone sees under the room's name.
class NewRoomDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewRoomDialog(QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *topicField() const { return m_topic; }
    // Normalized as the server will store them.
    QString name() const;
    QString topic() const;

private:
    void check();

    QLineEdit *m_name;
    QLineEdit *m_topic;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace FinChat::Ui

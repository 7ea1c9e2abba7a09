#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace FinChat::Ui {

// A tinted strip above the conversation or the input: a line of text and buttons at its
// end. What it says and when it shows is its owner's business.
class Banner : public QFrame
{
    Q_OBJECT

public:
    Banner(const QString &objectName, QWidget *parent);

    QString text() const;
    void setText(const QString &text);
    QLabel *label() const { return m_text; }
    // A button at the banner's end, in the order added.
    QPushButton *addButton(const QString &text, const QString &objectName);

private:
    QLabel *m_text;
};

} // namespace FinChat::Ui

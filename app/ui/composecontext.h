#pragma once

#include "ui/banner.h"

#include <optional>

namespace FinChat::Ui {

// Above the message input while what is typed answers a message (a reply) or replaces one
// (an edit): says which, with a button to cancel (Escape in the input does too).
class ComposeContext : public Banner
{
    Q_OBJECT

public:
    explicit ComposeContext(QWidget *parent = nullptr);

    // What is typed next answers message `id`, by `author`, which says `text`.
    void replyTo(qint64 id, const QString &author, const QString &text);
    // What is typed next replaces the user's message `id`.
    void edit(qint64 id);
    void clear();
    std::optional<qint64> replyingTo() const { return m_replyTo; }
    std::optional<qint64> editing() const { return m_editing; }
    bool isActive() const { return m_replyTo || m_editing; }

signals:
    // The person cancelled the reply or the edit.
    void cancelled();

private:
    std::optional<qint64> m_replyTo;
    std::optional<qint64> m_editing;
};

} // namespace FinChat::Ui

#include "core/outbox.h"

#include "core/chatmessage.h"
#include "core/conversations.h"
#include "core/errortext.h"
#include "core/messagemodel.h"
#include "core/serverlink.h"

#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace FinChat::Client {

namespace {
constexpr auto RetryDelay = std::chrono::seconds(2);
// The server could not store it (internal_error: a full disk, its database restarting):
// sent again this often, RetryDelay apart, before it is shown as failed. The nonce makes
// the server store it once, even when a try it reported failed was stored after all.
constexpr int StorageRetries = 5;
} // namespace

Outbox::Outbox(ServerLink &link, Conversations &conversations, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_conversations(conversations)
{}

QString Outbox::add(const QString &room, const QString &body, std::optional<qint64> replyTo)
{
    ChatMessage pending;
    pending.room = room;
    pending.user = m_conversations.username();
    pending.displayName = m_conversations.displayName();
    pending.body = body;
    pending.timestamp = Protocol::nowMs();
    pending.nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    MessageModel *model = m_conversations.messages(room);
    if (replyTo) // shown answering it at once, as the server will store it
        pending.reply = model->quoteOf(*replyTo);
    model->addPending(pending);
    m_items.append({room, body, pending.nonce, replyTo});
    if (m_online)
        transmit(pending.nonce);
    return pending.nonce;
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    if (!online)
        return;
    const QList<Item> items = m_items;
    for (const Item &item : items) {
        if (!item.inFlight)
            transmit(item.nonce);
    }
}

QList<Outbox::Item>::iterator Outbox::find(const QString &nonce)
{
    return std::find_if(m_items.begin(), m_items.end(),
                        [&](const Item &candidate) { return candidate.nonce == nonce; });
}

QCoro::Task<> Outbox::transmit(QString nonce)
{
    QPointer<Outbox> self(this);
    const auto item = find(nonce);
    if (item == m_items.end() || item->inFlight)
        co_return;
    item->inFlight = true;
    const QString room = item->room;
    auto sending = m_link.call(Protocol::MessageSend{room, item->body, nonce, item->replyTo});
    const auto sent = co_await sending;
    if (!self)
        co_return;
    const auto done = find(nonce); // the list may have changed meanwhile
    if (done == m_items.end())
        co_return; // cleared: signed out
    done->inFlight = false;
    if (sent.ok()) {
        m_items.erase(done);
        if (sent->message)
            m_conversations.messages(room)->append(ChatMessage::fromStored(*sent->message));
    } else if (sent.failure().is(Failure::Reason::Disconnected) ||
               sent.failure().is(Failure::Reason::Timeout)) {
        // Kept: it goes again, with the same nonce, once reconnected.
    } else if (sent.failure().is(Protocol::ErrorCode::RateLimited) ||
               (sent.failure().is(Protocol::ErrorCode::InternalError) &&
                done->storageRetries++ < StorageRetries)) {
        QTimer::singleShot(RetryDelay, this, [this, nonce] {
            if (m_online)
                transmit(nonce);
        });
    } else {
        m_items.erase(done);
        m_conversations.messages(room)->markFailed(nonce, ErrorText::describe(sent.failure()));
    }
}

} // namespace FinChat::Client

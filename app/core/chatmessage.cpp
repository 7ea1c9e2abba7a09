#include "core/chatmessage.h"

#include "finchat/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
ChatMessage authored(ChatMessage::Kind kind, const QString &room, const QString &user,
                     const QString &displayName, qint64 timestamp)
{
    ChatMessage message;
    message.kind = kind;
    message.room = room;
    message.user = user;
    message.displayName = displayName.isEmpty() ? user : displayName;
    message.timestamp = timestamp;
    return message;
}
} // namespace

ChatMessage ChatMessage::fromStored(const Protocol::Message &stored)
{
    ChatMessage message = authored(stored.bot ? Kind::Bot : Kind::Message, stored.room,
                                   stored.username, stored.displayName, stored.timestamp);
    message.id = stored.id;
    message.body = stored.body;
    message.nonce = stored.nonce.value_or(QString());
    message.deleted = stored.deleted;
    message.edited = stored.edited;
    message.reply = stored.reply;
    return message;
}

QList<ChatMessage> ChatMessage::fromStored(const QList<Protocol::Message> &messages)
{
    QList<ChatMessage> list;
    list.reserve(messages.size());
    for (const Protocol::Message &message : messages)
        list.append(fromStored(message));
    return list;
}

ChatMessage ChatMessage::fromBot(const Protocol::BotMessage &event)
{
    ChatMessage message =
        authored(Kind::Bot, event.room, event.username, event.displayName, event.timestamp);
    message.body = event.body;
    message.data = event.data.value_or(QJsonObject());
    return message;
}

ChatMessage ChatMessage::fromAlert(const Protocol::AlertTriggered &event)
{
    ChatMessage message =
        authored(Kind::Bot, event.alert.room.value_or(QString()), QString(),
                 QCoreApplication::translate("FinChat::Client::ChatMessage", "Price alert"),
                 event.alert.triggeredAt.value_or(Protocol::nowMs()));
    message.body = event.text;
    if (event.quote && !event.quote->isEmpty())
        message.data = {{u"quotes"_s, QJsonArray{*event.quote}}};
    return message;
}

ChatMessage ChatMessage::fromCommand(const Protocol::CommandEvent &event)
{
    ChatMessage message =
        authored(Kind::Command, event.room, event.username, event.displayName, event.timestamp);
    message.body = event.command.text();
    return message;
}

ChatMessage ChatMessage::notice(const QString &room, const QString &text)
{
    ChatMessage message;
    message.kind = Kind::Notice;
    message.room = room;
    message.body = text;
    message.timestamp = Protocol::nowMs();
    return message;
}

ChatMessage ChatMessage::activity(const QString &room, const QString &text)
{
    ChatMessage message = notice(room, text);
    message.kind = Kind::Activity;
    return message;
}

} // namespace FinChat::Client

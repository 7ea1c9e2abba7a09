#include "chatmessage.h"

#include <QDateTime>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

namespace {
ChatMessage authored(ChatMessage::Kind kind, const QJsonObject &json)
{
    ChatMessage message;
    message.kind = kind;
    message.room = json.value(u"room"_s).toString();
    message.user = json.value(u"user"_s).toString();
    message.displayName = json.value(u"displayName"_s).toString(message.user);
    message.timestamp = json.value(u"ts"_s).toInteger();
    return message;
}
} // namespace

ChatMessage ChatMessage::fromStored(const QJsonObject &json)
{
    ChatMessage message = authored(json.value(u"bot"_s).toBool() ? Kind::Bot : Kind::Message, json);
    message.id = json.value(u"id"_s).toInteger();
    message.body = json.value(u"body"_s).toString();
    message.nonce = json.value(u"nonce"_s).toString();
    return message;
}

ChatMessage ChatMessage::fromBot(const QJsonObject &event)
{
    ChatMessage message = authored(Kind::Bot, event);
    message.body = event.value(u"body"_s).toString();
    message.data = event.value(u"data"_s).toObject();
    return message;
}

ChatMessage ChatMessage::fromCommand(const QJsonObject &event)
{
    ChatMessage message = authored(Kind::Command, event);
    const QJsonObject command = event.value(u"command"_s).toObject();
    message.body = u"/"_s + command.value(u"name"_s).toString();
    const QString argument = command.value(u"argument"_s).toString();
    if (!argument.isEmpty())
        message.body += u'=' + argument;
    return message;
}

ChatMessage ChatMessage::notice(const QString &room, const QString &text)
{
    ChatMessage message;
    message.kind = Kind::Notice;
    message.room = room;
    message.body = text;
    message.timestamp = QDateTime::currentMSecsSinceEpoch();
    return message;
}

} // namespace FinChat::Client

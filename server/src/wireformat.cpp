#include "wireformat.h"

namespace FinChat::WireFormat {

using namespace Qt::StringLiterals;

QJsonObject message(const MessageRecord &message, const QString &roomName)
{
    QJsonObject json{
        {u"id"_s, message.id},         {u"room"_s, roomName},
        {u"user"_s, message.username}, {u"displayName"_s, message.displayName},
        {u"body"_s, message.body},     {u"ts"_s, message.timestamp},
    };
    if (message.fromBot)
        json.insert(u"bot"_s, true);
    if (!message.nonce.isEmpty())
        json.insert(u"nonce"_s, message.nonce);
    return json;
}

QJsonArray messages(const QList<MessageRecord> &messages, const QString &roomName)
{
    QJsonArray array;
    for (const MessageRecord &record : messages)
        array.append(message(record, roomName));
    return array;
}

QJsonObject user(const Author &user)
{
    QJsonObject json{{u"user"_s, user.username}, {u"displayName"_s, user.displayName}};
    if (user.isBot)
        json.insert(u"bot"_s, true);
    return json;
}

QJsonObject member(const Author &user, bool online)
{
    QJsonObject json = WireFormat::user(user);
    json.insert(u"online"_s, online);
    return json;
}

} // namespace FinChat::WireFormat

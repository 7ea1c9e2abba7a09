#pragma once

#include "finchat/protocol/events.h"

#include <QJsonObject>
#include <QString>

namespace FinChat::Client {

// One line in a room's conversation, whatever produced it.
struct ChatMessage
{
    enum class Kind
    {
        Message,  // a stored chat message (has an id)
        Bot,      // a bot's reply; not stored, no id
        Command,  // someone typed a command; not stored
        Notice,   // something the server told only this user
        Activity, // something that happened in the room, seen by all in it (a mute, say)
    };
    enum class Status
    {
        Sent,    // the server has it
        Pending, // typed here, waiting in the outbox
        Failed,  // the server refused it; text says why
    };

    Kind kind = Kind::Message;
    Status status = Status::Sent;
    qint64 id = 0; // 0 unless stored
    QString room;
    QString user;
    QString displayName;
    QString body;
    qint64 timestamp = 0; // UTC milliseconds
    QString nonce;
    QJsonObject data;             // a bot's structured data (a quote, say)
    QString error;                // why a Failed message was refused
    bool deleted = false;         // a tombstone: its author or a moderator deleted it; no body
    std::optional<qint64> edited; // when its author last changed it
    std::optional<Protocol::Quote> reply; // the message it answers, as that one now is

    static ChatMessage fromStored(const Protocol::Message &message);
    static QList<ChatMessage> fromStored(const QList<Protocol::Message> &messages);
    static ChatMessage fromBot(const Protocol::BotMessage &event);
    static ChatMessage fromCommand(const Protocol::CommandEvent &event);
    static ChatMessage notice(const QString &room, const QString &text);
    static ChatMessage activity(const QString &room, const QString &text);
    // A price alert announced in its room: shown like a bot's reply, with the quote that
    // fired it as a card.
    static ChatMessage fromAlert(const Protocol::AlertTriggered &event);
};

} // namespace FinChat::Client

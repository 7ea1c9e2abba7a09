#pragma once

#include "storage/records.h"

#include "finchat/protocol/shapes.h"
#include "finchat/validation.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace FinChat {

// A command as /help lists it.
using CommandInfo = Protocol::CommandInfo;

// A command someone typed in a room, as handed to whoever answers it.
struct CommandCall
{
    qint64 roomId = 0;
    QString room;
    Author sender;
    Validation::CommandInvocation invocation;
};

// A bot's answer to a question asked privately (see CommandBackend::ask).
struct BotAnswer
{
    bool answered = false; // false: the bot failed, threw, did not answer in time or is away
    QString text;          // its words, or why there are none
    QJsonObject data;
    QString failure; // when not answered: the NoticeCode (bot_failed, bot_timeout, ...)
};

// What answers commands besides the built-in /help: the bot host fills this in. It answers
// asynchronously and posts its replies into the room itself.
class CommandBackend
{
public:
    virtual ~CommandBackend() = default;
    virtual QList<CommandInfo> commands() const = 0;
    // Called only for a name that commands() lists.
    virtual void run(const CommandCall &call) = 0;
    // Whether the room is shown that someone typed the command; a private one (a user's own
    // watchlist) is answered to them alone.
    virtual bool isPrivate(const QString &command) const
    {
        Q_UNUSED(command);
        return false;
    }
    // Names it keeps for itself even while it does not offer them (the watchlist commands,
    // while no bot gives quotes): no bot may take them.
    virtual QStringList reservedNames() const { return {}; }
    // Asks the owner of `command` in no room, for the server itself: the answer goes to
    // `done` (exactly once, never before ask() returns) instead of a room. False, without
    // calling `done`, when no bot owns the command.
    virtual bool ask(const QString &command, const QString &argument,
                     std::function<void(const BotAnswer &)> done) = 0;
};

} // namespace FinChat

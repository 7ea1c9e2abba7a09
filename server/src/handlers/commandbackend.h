#pragma once

#include "storage/records.h"

#include "finchat/protocol/shapes.h"
#include "finchat/validation.h"

#include <QList>
#include <QString>

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

// What answers commands besides the built-in /help: the bot host fills this in. It answers
// asynchronously and posts its replies into the room itself.
class CommandBackend
{
public:
    virtual ~CommandBackend() = default;
    virtual QList<CommandInfo> commands() const = 0;
    // Called only for a name that commands() lists.
    virtual void run(const CommandCall &call) = 0;
};

} // namespace FinChat

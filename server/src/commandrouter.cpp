#include "commandrouter.h"

#include "clientconnection.h"
#include "fanout.h"
#include "request.h"

#include <QDateTime>
#include <QJsonArray>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {
constexpr auto HelpCommand = "help"_L1;

CommandInfo helpInfo()
{
    return {HelpCommand, u"/help"_s, u"List the commands you can use"_s};
}
} // namespace

CommandRouter::CommandRouter(const Fanout &fanout)
    : m_fanout(fanout)
{}

QList<CommandInfo> CommandRouter::commands() const
{
    QList<CommandInfo> all{helpInfo()};
    if (m_backend)
        all.append(m_backend->commands());
    return all;
}

bool CommandRouter::backendOwns(const QString &name) const
{
    if (!m_backend)
        return false;
    const QList<CommandInfo> owned = m_backend->commands();
    return std::any_of(owned.cbegin(), owned.cend(),
                       [&](const CommandInfo &info) { return info.name == name; });
}

QJsonObject CommandRouter::route(ClientConnection *sender, const RoomRecord &room,
                                 const Validation::CommandInvocation &invocation)
{
    const bool isHelp = invocation.name == HelpCommand;
    if (!isHelp && !backendOwns(invocation.name))
        throw ProtocolError(
            Protocol::ErrorCode::UnknownCommand,
            u"there is no command /%1; type /help to see the commands"_s.arg(invocation.name));

    const Author &user = sender->user();
    const QJsonObject command{{u"name"_s, invocation.name}, {u"argument"_s, invocation.argument}};
    m_fanout.toRoom(room.id, Protocol::makeFrame(Protocol::Type::CommandEvent, {},
                                                 {{u"room"_s, room.name},
                                                  {u"user"_s, user.username},
                                                  {u"displayName"_s, user.displayName},
                                                  {u"command"_s, command},
                                                  {u"ts"_s, QDateTime::currentMSecsSinceEpoch()}}));
    if (isHelp)
        sender->send(helpNotice(room));
    else
        m_backend->run({room.id, room.name, user, invocation});
    return {{u"command"_s, command}};
}

namespace {
QJsonArray commandsJson(const QList<CommandInfo> &commands)
{
    QJsonArray list;
    for (const CommandInfo &info : commands) {
        list.append(QJsonObject{{u"name"_s, info.name},
                                {u"usage"_s, info.usage},
                                {u"description"_s, info.description}});
    }
    return list;
}
} // namespace

QJsonObject CommandRouter::list(const Request &) const
{
    return {{u"commands"_s, commandsJson(commands())}};
}

QJsonObject CommandRouter::helpNotice(const RoomRecord &room) const
{
    const QList<CommandInfo> all = commands();
    const QJsonArray list = commandsJson(all);
    QStringList lines{u"Commands:"_s};
    for (const CommandInfo &info : all)
        lines.append(u"%1 \u2014 %2"_s.arg(info.usage, info.description));
    return Protocol::makeFrame(
        Protocol::Type::Notice, {},
        {{u"room"_s, room.name}, {u"text"_s, lines.join(u'\n')}, {u"commands"_s, list}});
}

} // namespace FinChat

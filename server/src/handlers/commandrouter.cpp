#include "handlers/commandrouter.h"

#include "state/fanout.h"
#include "wire/clientconnection.h"
#include "wire/request.h"

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
    for (const CommandBackend *backend : m_backends)
        all.append(backend->commands());
    return all;
}

bool CommandRouter::isTakenBesides(const QString &name, const CommandBackend *except) const
{
    return std::any_of(m_backends.cbegin(), m_backends.cend(), [&](const CommandBackend *backend) {
        if (backend == except)
            return false;
        const QList<CommandInfo> owned = backend->commands();
        return backend->reservedNames().contains(name) ||
               std::any_of(owned.cbegin(), owned.cend(),
                           [&](const CommandInfo &info) { return info.name == name; });
    });
}

CommandBackend *CommandRouter::ownerOf(const QString &name) const
{
    for (CommandBackend *backend : m_backends) {
        const QList<CommandInfo> owned = backend->commands();
        if (std::any_of(owned.cbegin(), owned.cend(),
                        [&](const CommandInfo &info) { return info.name == name; }))
            return backend;
    }
    return nullptr;
}

Protocol::MessageSendOk CommandRouter::route(ClientConnection *sender, const RoomRecord &room,
                                             const Validation::CommandInvocation &invocation)
{
    const bool isHelp = invocation.name == HelpCommand;
    CommandBackend *owner = isHelp ? nullptr : ownerOf(invocation.name);
    if (!isHelp && !owner)
        throw ProtocolError(
            Protocol::ErrorCode::UnknownCommand,
            u"there is no command /%1; type /help to see the commands"_s.arg(invocation.name));

    const Author &user = sender->user();
    const auto command = Protocol::Invocation::of(invocation);
    if (!owner || !owner->isPrivate(invocation.name))
        m_fanout.toRoom(room.id, Protocol::CommandEvent{room.name, user.username, user.displayName,
                                                        command, Protocol::nowMs()});
    if (isHelp)
        sender->send(Protocol::frame(helpNotice(room)));
    else
        owner->run({room.id, room.name, user, invocation});
    return {std::nullopt, false, command};
}

Protocol::CommandsListOk CommandRouter::list(Request, Protocol::CommandsList) const
{
    return {commands()};
}

Protocol::Notice CommandRouter::helpNotice(const RoomRecord &room) const
{
    const QList<CommandInfo> all = commands();
    QStringList lines{u"Commands:"_s};
    for (const CommandInfo &info : all)
        lines.append(u"%1 \u2014 %2"_s.arg(info.usage, info.description));
    return {room.name, lines.join(u'\n'), all, std::nullopt, std::nullopt};
}

} // namespace FinChat

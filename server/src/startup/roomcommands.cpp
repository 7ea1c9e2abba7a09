#include "startup/roomcommands.h"

#include "startup/admincommand.h"

#include "storage/auditedchanges.h"
#include "storage/storagethread.h"

#include "finchat/protocol.h"
#include "finchat/validation.h"

#include <QHash>
#include <QTextStream>

namespace FinChat {

using namespace Qt::StringLiterals;

namespace {

using AdminCommand::fail;

constexpr auto Usage = "usage: finchat-server room list | room create NAME [TOPIC] | "
                       "room rename NAME NEW | room topic NAME [TOPIC] | room delete NAME --yes";

// How a change made here reaches the people online: the server rereads rooms on SIGHUP.
constexpr auto ReachesPeopleOnline =
    "a running server tells the people online when it is reloaded (systemctl reload "
    "finchat-server, or SIGHUP)";

std::optional<QString> roomName(const QString &given, QTextStream &report)
{
    auto name = Validation::normalizedRoomName(given);
    if (!name)
        fail(report, u"a room name is 2 to 32 characters of a-z 0-9 _ -, starting with a "
                     "letter or digit"_s);
    return name;
}

std::optional<QString> topicFrom(const QStringList &words, QTextStream &report)
{
    auto topic = Validation::normalizedTopic(words.join(u' '));
    if (!topic)
        fail(report,
             u"a topic is at most %1 characters on one line"_s.arg(Validation::TopicMaxLength));
    return topic;
}

// The room called `name`, or nullopt said on report.
std::optional<RoomRecord> existing(StorageThread &storage, const QString &given,
                                   QTextStream &report)
{
    // In any case, as the protocol takes it.
    const QString name = Validation::normalizedRoomName(given).value_or(QString());
    std::optional<RoomRecord> room;
    if (!name.isEmpty())
        room = storage.blocking([&](Storage &opened) { return opened.roomByName(name); });
    if (!room)
        fail(report, u"there is no room %1 (finchat-server room list)"_s.arg(given));
    return room;
}

// The room new accounts join must keep its name and stay: the server makes it by that name.
bool isDefaultRoom(const RoomRecord &room, const QString &doing, QTextStream &report)
{
    if (room.name != Protocol::DefaultRoom)
        return false;
    fail(report,
         u"%1 is the room every new account joins; it cannot be %2"_s.arg(room.name, doing));
    return true;
}

int list(StorageThread &storage, QTextStream &output)
{
    const RoomsSnapshot snapshot =
        storage.blocking([](Storage &opened) { return opened.roomsSnapshot(); });
    QHash<qint64, int> members;
    for (const auto &[roomId, userId] : snapshot.memberships)
        ++members[roomId];
    for (const RoomRecord &room : snapshot.rooms) {
        if (room.direct) // people's conversations, not rooms
            continue;
        output << room.name << '\t' << members.value(room.id) << " members\t" << room.topic
               << Qt::endl;
    }
    return 0;
}

int create(StorageThread &storage, const QStringList &arguments, QTextStream &report)
{
    const auto name = roomName(arguments.value(1), report);
    const auto topic = name ? topicFrom(arguments.mid(2), report) : std::nullopt;
    if (!name || !topic)
        return 1;
    const auto created = storage.blocking([&](Storage &opened) {
        return opened.inTransaction(
            [&] { return AuditedChanges::createRoom(opened, *name, *topic, std::nullopt); });
    });
    if (!created)
        return fail(report, u"there is a room %1 already"_s.arg(*name));
    report << "created room " << *name << "; " << ReachesPeopleOnline << Qt::endl;
    return 0;
}

int rename(StorageThread &storage, const QStringList &arguments, QTextStream &report)
{
    const auto room = existing(storage, arguments.value(1), report);
    if (!room || isDefaultRoom(*room, u"renamed"_s, report))
        return 1;
    const auto name = roomName(arguments.value(2), report);
    if (!name)
        return 1;
    const bool renamed = storage.blocking([&](Storage &opened) {
        return opened.inTransaction(
            [&] { return AuditedChanges::renameRoom(opened, *room, *name, std::nullopt); });
    });
    if (!renamed)
        return fail(report, u"there is a room %1 already"_s.arg(*name));
    report << "renamed room " << room->name << " to " << *name << "; " << ReachesPeopleOnline
           << Qt::endl;
    return 0;
}

int setTopic(StorageThread &storage, const QStringList &arguments, QTextStream &report)
{
    const auto room = existing(storage, arguments.value(1), report);
    const auto topic = room ? topicFrom(arguments.mid(2), report) : std::nullopt;
    if (!room || !topic)
        return 1;
    storage.blocking([&](Storage &opened) {
        opened.inTransaction(
            [&] { AuditedChanges::setTopic(opened, *room, *topic, std::nullopt); });
    });
    report << (topic->isEmpty() ? u"cleared the topic of "_s : u"set the topic of "_s) << room->name
           << "; " << ReachesPeopleOnline << Qt::endl;
    return 0;
}

int remove(StorageThread &storage, const QStringList &arguments, bool confirmed,
           QTextStream &report)
{
    const auto room = existing(storage, arguments.value(1), report);
    if (!room || isDefaultRoom(*room, u"deleted"_s, report))
        return 1;
    if (!confirmed)
        return fail(report, u"deleting %1 deletes its messages for good; add --yes to do it"_s.arg(
                                room->name));
    const qint64 messages = storage.blocking([&](Storage &opened) {
        return opened.inTransaction(
            [&] { return AuditedChanges::deleteRoom(opened, *room, std::nullopt); });
    });
    report << "deleted room " << room->name << " and its " << messages << " messages; "
           << ReachesPeopleOnline << Qt::endl;
    return 0;
}

} // namespace

int manageRooms(StorageThread &storage, const QStringList &arguments, bool confirmed,
                QTextStream &output, QTextStream &report)
{
    const QString action = arguments.value(0);
    const qsizetype count = arguments.size();
    if (confirmed && action != "delete"_L1)
        return fail(report, u"--yes confirms only room delete"_s);
    if (action == "list"_L1 && count == 1)
        return list(storage, output);
    if (action == "create"_L1 && count >= 2)
        return create(storage, arguments, report);
    if (action == "rename"_L1 && count == 3)
        return rename(storage, arguments, report);
    if (action == "topic"_L1 && count >= 2)
        return setTopic(storage, arguments, report);
    if (action == "delete"_L1 && count == 2)
        return remove(storage, arguments, confirmed, report);
    return fail(report, QString::fromLatin1(Usage));
}

} // namespace FinChat

#include "core/chatclient.h"

#include "core/catchup.h"
#include "core/conversations.h"
#include "core/errortext.h"
#include "core/eventrouter.h"
#include "core/membermodel.h"
#include "core/messagemodel.h"
#include "core/outbox.h"
#include "core/quotetips.h"
#include "core/roomlistmodel.h"
#include "core/serverlink.h"
#include "core/unreadtracker.h"
#include "core/watchlist.h"

#include "finchat/validation.h"

#include <QPointer>

namespace FinChat::Client {

namespace {
// The reason a moderator typed, or none.
std::optional<QString> reasonGiven(const QString &reason)
{
    return reason.trimmed().isEmpty() ? std::nullopt : std::optional(reason.trimmed());
}
} // namespace

ChatClient::ChatClient(KnownServers::Storage trustStorage, QObject *parent)
    : QObject(parent)
    , m_knownServers(trustStorage)
    , m_link(new ServerLink(m_knownServers, this))
    , m_conversations(new Conversations(this))
    , m_unread(new UnreadTracker(*m_conversations, this))
    , m_events(new EventRouter(*m_link, *m_conversations, *m_unread, this))
    , m_catchUp(new CatchUp(*m_link, *m_conversations, *m_unread, this))
    , m_outbox(new Outbox(*m_link, *m_conversations, this))
    , m_session(new Session(*m_link, *m_conversations, *m_catchUp, *m_outbox, this))
    , m_quoteTips(new QuoteTips(m_link, this))
    , m_watchlist(new Watchlist(m_link, this))
{
    connect(m_session, &Session::stateChanged, this, &ChatClient::stateChanged);
    connect(m_session, &Session::commandsChanged, this, &ChatClient::commandsChanged);
    connect(m_session, &Session::sessionEnded, this, &ChatClient::sessionEnded);
    connect(m_session, &Session::caughtUp, this, &ChatClient::caughtUp);
    // After a login and after each reconnect: changes made meanwhile on other devices.
    connect(m_session, &Session::caughtUp, this, [this] { m_watchlist->refresh(username()); });
    connect(m_session, &Session::sessionEnded, m_watchlist, &Watchlist::clear);
    // Direct conversations opened with this user while the session was being entered: listed
    // by their dm.opened, not loaded then (joinRoom waits until online).
    connect(m_session, &Session::caughtUp, this, [this] {
        const QStringList loaded = joinedRooms();
        for (const QString &room : rooms()->directRooms()) {
            if (!loaded.contains(room))
                joinRoom(room);
        }
    });
    connect(m_catchUp, &CatchUp::roomJoined, this, &ChatClient::roomJoined);
    connect(m_catchUp, &CatchUp::olderLoaded, this, &ChatClient::olderLoaded);
    connect(m_catchUp, &CatchUp::requestFailed, this, &ChatClient::requestFailed);
    connect(m_events, &EventRouter::roomLeft, this, &ChatClient::roomLeft);
    connect(m_events, &EventRouter::removedFromRoom, this, &ChatClient::removedFromRoom);
    connect(m_events, &EventRouter::roomListStale, this, [this] { relistRooms(); });
    connect(m_conversations, &Conversations::muteChanged, this, &ChatClient::muteChanged);
    connect(m_conversations, &Conversations::settingsChanged, this,
            &ChatClient::siteSettingsChanged);
    connect(m_events, &EventRouter::joinedRoomRenamed, this,
            [this](const QString &from, const QString &to) {
                emit roomRenamed(from, to);
                joinRoom(to); // the membership moved with the room: this loads it
            });
    connect(m_events, &EventRouter::joinedElsewhere, this, [this](const QString &room) {
        // Not this device's own create, whose member.joined comes before its answer (nor its
        // own join: joinRoom skips a room being loaded).
        if (!m_creating.contains(room))
            joinRoom(room);
    });
    connect(m_events, &EventRouter::sessionEnded, m_session, &Session::endedByServer);
    connect(m_unread, &UnreadTracker::notificationDue, this, &ChatClient::notificationDue);
}

ChatClient::~ChatClient()
{
    // The jobs go first and the link (a child) after this object's guards are cleared: its
    // requests still waiting resume their coroutines as it goes, and those must find their
    // objects gone, not half destroyed.
    delete m_session;
    delete m_outbox;
    delete m_catchUp;
    delete m_events;
}

QCoro::Task<ChatClient::Result> ChatClient::logIn(QUrl server, QString username, QString password)
{
    return m_session->logIn(std::move(server), std::move(username), std::move(password));
}

QCoro::Task<ChatClient::Result> ChatClient::createAccount(QUrl server, QString username,
                                                          QString password, QString displayName,
                                                          QString invite)
{
    return m_session->createAccount(std::move(server), std::move(username), std::move(password),
                                    std::move(displayName), std::move(invite));
}

QCoro::Task<ChatClient::Result> ChatClient::resume(QUrl server, QString token)
{
    return m_session->resume(std::move(server), std::move(token));
}

void ChatClient::cancel()
{
    m_session->cancel();
}

void ChatClient::logOut()
{
    m_watchlist->clear();
    m_session->logOut();
}

QCoro::Task<ChatClient::Result> ChatClient::changeDisplayName(QString displayName)
{
    return updateProfile({std::move(displayName), std::nullopt, std::nullopt});
}

QCoro::Task<ChatClient::Result> ChatClient::changeBio(QString bio)
{
    return updateProfile({std::nullopt, std::nullopt, std::nullopt, std::move(bio)});
}

QCoro::Task<ChatClient::Result> ChatClient::changePassword(QString oldPassword, QString newPassword)
{
    return updateProfile({std::nullopt, std::move(newPassword), std::move(oldPassword)});
}

QCoro::Task<ChatClient::Result> ChatClient::updateProfile(Protocol::ProfileUpdate change)
{
    QPointer<ChatClient> self(this);
    auto updating = m_link->call(change);
    const auto updated = co_await updating;
    if (!self)
        co_return Result{Failure::local(Failure::Reason::Cancelled)};
    if (!updated.ok())
        co_return Result{updated.failure()};
    m_conversations->setDisplayName(updated->user.displayName);
    co_return Result{};
}

ChatClient::State ChatClient::state() const
{
    return m_session->state();
}

void ChatClient::retryNow()
{
    m_session->retryNow();
}

int ChatClient::nextTryIn() const
{
    return m_session->nextTryIn();
}

qsizetype ChatClient::maxBodyLength() const
{
    return m_link->limits().maxBodyLength;
}

QUrl ChatClient::serverUrl() const
{
    return m_session->serverUrl();
}

QString ChatClient::username() const
{
    return m_conversations->username();
}

QString ChatClient::displayName() const
{
    return m_conversations->displayName();
}

QString ChatClient::token() const
{
    return m_session->token();
}

RoomListModel *ChatClient::rooms() const
{
    return m_conversations->rooms();
}

MessageModel *ChatClient::messages(const QString &room)
{
    return m_conversations->messages(room);
}

MemberModel *ChatClient::members(const QString &room)
{
    return m_conversations->members(room);
}

QStringList ChatClient::joinedRooms() const
{
    return m_conversations->rooms()->joinedRooms();
}

const QList<Protocol::CommandInfo> &ChatClient::commands() const
{
    return m_session->commands();
}

qsizetype ChatClient::outboxSize() const
{
    return m_outbox->size();
}

void ChatClient::setCurrentRoom(const QString &room)
{
    m_unread->setCurrentRoom(room);
}

QString ChatClient::currentRoom() const
{
    return m_unread->currentRoom();
}

void ChatClient::setActive(bool active)
{
    m_unread->setActive(active);
}

void ChatClient::setHighlightWords(const QStringList &words)
{
    m_conversations->setHighlightWords(words);
}

void ChatClient::joinRoom(const QString &room)
{
    if (state() == State::Online && !m_catchUp->isJoining(room))
        m_catchUp->loadRoom(room);
}

QCoro::Task<QString> ChatClient::openDirect(QStringList users)
{
    QPointer<ChatClient> self(this);
    auto opening = m_link->call(Protocol::DmOpen{std::move(users)});
    const auto opened = co_await opening;
    if (!self)
        co_return QString();
    if (!opened.ok()) {
        emit requestFailed(ErrorText::describe(opened.failure()));
        co_return QString();
    }
    const QString room = opened->room.name;
    // A new one was announced with dm.opened just before this answer, and is loading.
    m_conversations->showDirect(room, opened->members);
    if (!joinedRooms().contains(room))
        joinRoom(room);
    co_return room;
}

void ChatClient::fetchOlder(const QString &room)
{
    if (state() == State::Online)
        m_catchUp->fetchOlder(room);
}

QCoro::Task<bool> ChatClient::reveal(QString room, qint64 id)
{
    return m_catchUp->reveal(std::move(room), id);
}

void ChatClient::leaveRoom(const QString &room)
{
    leave(room);
}

QCoro::Task<> ChatClient::leave(QString room)
{
    QPointer<ChatClient> self(this);
    auto leaving = m_link->call(Protocol::RoomLeave{room});
    const auto left = co_await leaving;
    if (!self)
        co_return;
    if (!left.ok()) {
        emit requestFailed(ErrorText::describe(left.failure()));
        co_return;
    }
    m_conversations->rooms()->setJoined(room, false);
    emit roomLeft(room);
}

Protocol::Role ChatClient::myRole(const QString &room)
{
    return members(room)->roleOf(username());
}

QCoro::Task<> ChatClient::relistRooms()
{
    // The server changed its rooms before it sent the events: the list reflects all of them.
    QPointer<ChatClient> self(this);
    auto listing = m_link->call(Protocol::RoomsList{});
    const auto rooms = co_await listing;
    if (self && rooms.ok())
        m_conversations->rooms()->reset(rooms->rooms);
}

std::optional<qint64> ChatClient::mutedUntil(const QString &room) const
{
    return m_conversations->mutedUntil(room);
}

Protocol::Role ChatClient::myRole()
{
    Protocol::Role highest = Protocol::Role::Member;
    for (const QString &room : joinedRooms())
        highest = std::max(highest, myRole(room));
    return highest;
}

template<typename Request>
QCoro::Task<bool> ChatClient::perform(Request request)
{
    QPointer<ChatClient> self(this);
    auto asking = m_link->call(std::move(request));
    const auto answer = co_await asking;
    if (!self)
        co_return false;
    if (!answer.ok())
        emit requestFailed(ErrorText::describe(answer.failure()));
    co_return answer.ok();
}

template<typename Request>
QCoro::Task<> ChatClient::moderate(Request request)
{
    QPointer<ChatClient> self(this);
    auto performing = perform(std::move(request));
    const bool done = co_await performing;
    if (self && done)
        emit moderationDone();
}

QCoro::Task<bool> ChatClient::editMessage(qint64 id, QString body)
{
    return perform(Protocol::MessageEdit{id, std::move(body)});
}

bool ChatClient::canEdit(const QModelIndex &message) const
{
    const qint64 windowMs = siteSettings().editMinutes * 60'000;
    return message.data(MessageModel::IdRole).toLongLong() != 0 &&
           message.data(MessageModel::OwnRole).toBool() &&
           message.data(MessageModel::KindRole).toInt() ==
               static_cast<int>(ChatMessage::Kind::Message) &&
           !message.data(MessageModel::DeletedRole).toBool() &&
           Protocol::nowMs() - message.data(MessageModel::TimestampRole).toLongLong() < windowMs;
}

const Protocol::SiteSettings &ChatClient::siteSettings() const
{
    return m_conversations->settings();
}

void ChatClient::deleteMessage(qint64 id)
{
    moderate(Protocol::MessageDelete{id});
}

void ChatClient::removeFromRoom(const QString &room, const QString &user, const QString &reason)
{
    moderate(Protocol::RoomKick{room, user, reasonGiven(reason)});
}

void ChatClient::mute(const QString &room, const QString &user, int minutes, const QString &reason)
{
    moderate(Protocol::RoomMute{room, user, minutes, reasonGiven(reason)});
}

void ChatClient::unmute(const QString &room, const QString &user)
{
    moderate(Protocol::RoomUnmute{room, user});
}

void ChatClient::ban(const QString &user, const QString &reason)
{
    moderate(Protocol::UserBan{user, reasonGiven(reason)});
}

void ChatClient::unban(const QString &user)
{
    moderate(Protocol::UserUnban{user});
}

void ChatClient::setRole(const QString &user, Protocol::Role role)
{
    moderate(Protocol::UserRole{user, QString(Protocol::roleName(role))});
}

void ChatClient::createRoom(const QString &name, const QString &topic)
{
    create(name, topic);
}

QCoro::Task<> ChatClient::create(QString name, QString topic)
{
    QPointer<ChatClient> self(this);
    m_creating.insert(name);
    auto creating = m_link->call(Protocol::RoomCreate{name, topic});
    const auto created = co_await creating;
    if (!self)
        co_return;
    m_creating.remove(name);
    if (!created.ok()) {
        emit requestFailed(ErrorText::describe(created.failure()));
        co_return;
    }
    m_conversations->rooms()->upsert(created->room.name, created->room.topic);
    co_await m_catchUp->loadRoom(created->room.name);
}

QString ChatClient::sendMessage(const QString &room, const QString &body,
                                std::optional<qint64> replyTo)
{
    if (!Validation::parseCommand(body))
        return m_outbox->add(room, body, replyTo);
    if (state() != State::Online) {
        messages(room)->append(
            ChatMessage::notice(room, tr("You are offline; commands are not kept for later.")));
        return {};
    }
    sendCommand(room, body);
    return {};
}

QCoro::Task<> ChatClient::sendCommand(QString room, QString body)
{
    QPointer<ChatClient> self(this);
    auto sending = m_link->call(Protocol::MessageSend{room, body, std::nullopt});
    const auto sent = co_await sending;
    if (self && !sent.ok())
        messages(room)->append(ChatMessage::notice(room, ErrorText::describe(sent.failure())));
}

} // namespace FinChat::Client

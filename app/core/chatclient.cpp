#include "chatclient.h"

#include "errortext.h"
#include "membermodel.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "serverlink.h"

#include "finchat/validation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcClient, "finchat.client")

namespace {

constexpr int HistoryPage = 50;
constexpr int CatchUpPage = 100;
// Reconnect delays: quick at first, then backing off to a steady half minute.
constexpr std::array ReconnectDelaysMs{500, 1000, 2000, 4000, 8000, 15'000, 30'000};
constexpr auto RateLimitRetry = std::chrono::seconds(2);

bool isError(const QJsonObject &reply)
{
    return reply.value(u"type"_s).toString() == "error"_L1;
}

// An error frame in the person's language.
QString describe(const QJsonObject &error)
{
    return ErrorText::describe(error.value(u"code"_s).toString(),
                               error.value(u"message"_s).toString());
}

ChatClient::Result failure(const QJsonObject &error)
{
    return {false, error.value(u"code"_s).toString(), error.value(u"message"_s).toString()};
}

QList<ChatMessage> storedMessages(const QJsonObject &reply)
{
    QList<ChatMessage> messages;
    for (const QJsonValue &value : reply.value(u"messages"_s).toArray())
        messages.append(ChatMessage::fromStored(value.toObject()));
    return messages;
}

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_link(new ServerLink(this))
    , m_rooms(new RoomListModel(this))
{
    connect(m_link, &ServerLink::eventReceived, this, &ChatClient::onEvent);
    connect(m_link, &ServerLink::closed, this, &ChatClient::onLinkClosed);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] { reconnect(); });
}

ChatClient::~ChatClient()
{
    m_wantOnline = false;
    m_link->disconnect(this);
}

MessageModel *ChatClient::messages(const QString &room)
{
    MessageModel *&model = m_messages[room];
    if (!model)
        model = new MessageModel(m_username, this);
    return model;
}

MemberModel *ChatClient::members(const QString &room)
{
    MemberModel *&model = m_members[room];
    if (!model)
        model = new MemberModel(this);
    return model;
}

QStringList ChatClient::joinedRooms() const
{
    return m_rooms->joinedRooms();
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QCoro::Task<ChatClient::Result> ChatClient::logIn(QUrl server, QString username, QString password)
{
    return start(std::move(server), std::move(username), std::move(password), {}, false);
}

QCoro::Task<ChatClient::Result> ChatClient::createAccount(QUrl server, QString username,
                                                          QString password)
{
    return start(std::move(server), std::move(username), std::move(password), {}, true);
}

QCoro::Task<ChatClient::Result> ChatClient::resume(QUrl server, QString token)
{
    return start(std::move(server), {}, {}, std::move(token), false);
}

QCoro::Task<ChatClient::Result> ChatClient::start(QUrl server, QString username, QString password,
                                                  QString token, bool create)
{
    QPointer<ChatClient> self(this);
    const quint64 attempt = ++m_attempt;
    const auto cancelled = [&] {
        return !self || attempt != m_attempt;
    };
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_url = server;
    setState(State::Connecting);

    const bool opened = co_await m_link->open(server, ConnectTimeout);
    if (cancelled())
        co_return Result{false, u"cancelled"_s, {}};
    if (!opened) {
        setState(State::Offline);
        co_return Result{false, u"unreachable"_s, server.authority()};
    }
    setState(State::LoggingIn);

    const auto fail = [&](const QJsonObject &error) {
        m_link->close();
        setState(State::Offline);
        return failure(error);
    };
    if (create) {
        auto registering =
            m_link->call(u"register"_s, {{u"username"_s, username}, {u"password"_s, password}});
        const QJsonObject registered = co_await registering;
        if (cancelled())
            co_return Result{false, u"cancelled"_s, {}};
        if (isError(registered))
            co_return fail(registered);
    }
    // Requests are built outside co_await expressions throughout: GCC 12 cannot put the
    // temporaries of a string literal operator into a coroutine frame.
    auto authenticating =
        token.isEmpty()
            ? m_link->call(u"login"_s, {{u"username"_s, username}, {u"password"_s, password}})
            : m_link->call(u"resume"_s, {{u"token"_s, token}});
    const QJsonObject session = co_await authenticating;
    if (cancelled())
        co_return Result{false, u"cancelled"_s, {}};
    if (isError(session))
        co_return fail(session);

    if (!token.isEmpty())
        m_token = token;
    else
        m_token = session.value(u"token"_s).toString();
    const bool entered = co_await enterSession(session);
    if (cancelled())
        co_return Result{false, u"cancelled"_s, {}};
    if (!entered)
        co_return fail(ServerLink::localError(u"disconnected"_s));
    co_return Result{true, {}, {}};
}

void ChatClient::cancel()
{
    ++m_attempt;
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_link->abort();
    setState(State::Offline);
}

void ChatClient::logOut()
{
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_token.clear();
    m_outbox.clear();
    if (m_link->isOpen()) {
        QPointer<ServerLink> link(m_link);
        m_link->send(u"logout"_s, {}, [link](const QJsonObject &) {
            if (link)
                link->close();
        });
    }
    setState(State::Offline);
}

QCoro::Task<bool> ChatClient::enterSession(QJsonObject session)
{
    QPointer<ChatClient> self(this);
    const QJsonObject user = session.value(u"user"_s).toObject();
    const QString username = user.value(u"user"_s).toString();
    if (username != m_username) {
        // Another account: nothing of the previous one may show.
        qDeleteAll(m_messages);
        m_messages.clear();
        qDeleteAll(m_members);
        m_members.clear();
        m_outbox.clear();
    }
    m_username = username;
    m_displayName = user.value(u"displayName"_s).toString();

    auto listing = m_link->call(u"rooms.list"_s);
    const QJsonObject rooms = co_await listing;
    if (!self || isError(rooms))
        co_return false;
    m_rooms->reset(rooms.value(u"rooms"_s).toArray());

    const QJsonArray memberOf = session.value(u"rooms"_s).toArray();
    for (const QJsonValue &room : memberOf) {
        const bool loaded = co_await loadRoom(room.toString());
        if (!self || !loaded)
            co_return false;
    }

    auto askingCommands = m_link->call(u"commands.list"_s);
    const QJsonObject commands = co_await askingCommands;
    if (!self || isError(commands))
        co_return false;
    m_commands.clear();
    for (const QJsonValue &value : commands.value(u"commands"_s).toArray()) {
        const QJsonObject command = value.toObject();
        m_commands.append({command.value(u"name"_s).toString(),
                           command.value(u"usage"_s).toString(),
                           command.value(u"description"_s).toString()});
    }
    emit commandsChanged();

    m_wantOnline = true;
    m_reconnectRound = 0;
    setState(State::Online);
    flushOutbox();
    emit caughtUp();
    co_return true;
}

QCoro::Task<bool> ChatClient::loadRoom(QString room)
{
    QPointer<ChatClient> self(this);
    auto joining = m_link->call(u"room.join"_s, {{u"room"_s, room}});
    const QJsonObject joined = co_await joining;
    if (!self)
        co_return false;
    if (isError(joined)) {
        emit requestFailed(describe(joined));
        co_return joined.value(u"code"_s).toString() != "disconnected"_L1;
    }
    MessageModel *model = messages(room);
    QList<ChatMessage> latest = storedMessages(joined);
    bool hasOlder = joined.value(u"hasMore"_s).toBool();
    const qint64 known = model->newestId();
    if (known == 0) {
        model->reset(latest, hasOlder);
    } else {
        // Back from a disconnection: page back until the pages reach what we already have,
        // so that every message after it is shown, once.
        while (hasOlder && !latest.isEmpty() && latest.first().id > known) {
            auto fetching = m_link->call(
                u"history.fetch"_s,
                {{u"room"_s, room}, {u"before"_s, latest.first().id}, {u"limit"_s, CatchUpPage}});
            const QJsonObject page = co_await fetching;
            if (!self || isError(page))
                co_return false;
            latest = storedMessages(page) + latest;
            hasOlder = page.value(u"hasMore"_s).toBool();
        }
        for (const ChatMessage &message : std::as_const(latest)) {
            if (message.id > known)
                arrived(message);
        }
    }
    members(room)->reset(joined.value(u"members"_s).toArray());
    const QJsonObject summary = joined.value(u"room"_s).toObject();
    m_rooms->upsert(room, summary.value(u"topic"_s).toString());
    m_rooms->setJoined(room, true);
    emit roomJoined(room);
    co_return true;
}

void ChatClient::onLinkClosed()
{
    if (!m_wantOnline) {
        setState(State::Offline);
        return;
    }
    qCInfo(lcClient) << "connection lost; reconnecting";
    setState(State::Reconnecting);
    for (OutboxItem &item : m_outbox)
        item.inFlight = false;
    scheduleReconnect();
}

void ChatClient::scheduleReconnect()
{
    const int base = ReconnectDelaysMs.at(
        std::min<std::size_t>(m_reconnectRound++, ReconnectDelaysMs.size() - 1));
    // Jitter, so that clients dropped together do not all return in the same instant.
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(base / 5 + 1));
    m_reconnectTimer.start(base + jitter);
}

QCoro::Task<> ChatClient::reconnect()
{
    QPointer<ChatClient> self(this);
    if (!m_wantOnline)
        co_return;
    const bool opened = co_await m_link->open(m_url, ConnectTimeout);
    if (!self || !m_wantOnline)
        co_return;
    if (!opened) {
        scheduleReconnect();
        co_return;
    }
    auto resuming = m_link->call(u"resume"_s, {{u"token"_s, m_token}});
    const QJsonObject session = co_await resuming;
    if (!self || !m_wantOnline)
        co_return;
    if (isError(session)) {
        const QString code = session.value(u"code"_s).toString();
        if (code == "invalid_token"_L1) {
            m_wantOnline = false;
            m_link->close();
            setState(State::Offline);
            emit sessionEnded(ErrorText::describe(code));
        }
        co_return; // a lost connection schedules the next attempt itself
    }
    co_await enterSession(session);
}

void ChatClient::onEvent(const QJsonObject &event)
{
    const QString type = event.value(u"type"_s).toString();
    const QString room = event.value(u"room"_s).toString();
    const QString user = event.value(u"user"_s).toString();
    if (type == "message.new"_L1) {
        arrived(ChatMessage::fromStored(event.value(u"message"_s).toObject()));
    } else if (type == "bot.message"_L1) {
        arrived(ChatMessage::fromBot(event));
    } else if (type == "command"_L1) {
        messages(room)->append(ChatMessage::fromCommand(event));
    } else if (type == "notice"_L1) {
        messages(room)->append(ChatMessage::notice(room, event.value(u"text"_s).toString()));
    } else if (type == "member.joined"_L1) {
        members(room)->upsert(event);
    } else if (type == "member.left"_L1) {
        members(room)->remove(user);
        if (user == m_username) {
            m_rooms->setJoined(room, false);
            emit roomLeft(room);
        }
    } else if (type == "user.online"_L1 || type == "user.offline"_L1) {
        for (MemberModel *model : std::as_const(m_members))
            model->setOnline(user, type == "user.online"_L1);
    } else if (type == "user.updated"_L1) {
        for (MemberModel *model : std::as_const(m_members))
            model->setDisplayName(user, event.value(u"displayName"_s).toString());
        if (user == m_username)
            m_displayName = event.value(u"displayName"_s).toString();
    } else if (type == "room.created"_L1) {
        const QJsonObject created = event.value(u"room"_s).toObject();
        m_rooms->upsert(created.value(u"name"_s).toString(), created.value(u"topic"_s).toString());
    }
}

void ChatClient::arrived(const ChatMessage &message)
{
    messages(message.room)->append(message);
    if (message.user == m_username)
        return;
    const bool seen = m_active && message.room == m_currentRoom;
    if (!seen) {
        m_rooms->addUnread(message.room);
        if (isMention(message.body))
            emit mentioned(message.room, message.displayName, message.body);
    }
}

bool ChatClient::isMention(const QString &body) const
{
    if (m_username.isEmpty())
        return false;
    const QRegularExpression mention(
        u"(?<![\\w.-])@?%1(?![\\w-])"_s.arg(QRegularExpression::escape(m_username)),
        QRegularExpression::CaseInsensitiveOption);
    return mention.match(body).hasMatch();
}

void ChatClient::setCurrentRoom(const QString &room)
{
    m_currentRoom = room;
    m_rooms->clearUnread(room);
}

void ChatClient::joinRoom(const QString &room)
{
    if (m_state == State::Online)
        loadRoom(room);
}

void ChatClient::leaveRoom(const QString &room)
{
    m_link->send(u"room.leave"_s, {{u"room"_s, room}}, [this, room](const QJsonObject &reply) {
        if (isError(reply))
            return emit requestFailed(describe(reply));
        m_rooms->setJoined(room, false);
        emit roomLeft(room);
    });
}

void ChatClient::createRoom(const QString &name, const QString &topic)
{
    m_link->send(u"room.create"_s, {{u"name"_s, name}, {u"topic"_s, topic}},
                 [this](const QJsonObject &reply) {
                     if (isError(reply))
                         return emit requestFailed(describe(reply));
                     const QJsonObject room = reply.value(u"room"_s).toObject();
                     m_rooms->upsert(room.value(u"name"_s).toString(),
                                     room.value(u"topic"_s).toString());
                     loadRoom(room.value(u"name"_s).toString());
                 });
}

void ChatClient::fetchOlder(const QString &room)
{
    MessageModel *model = messages(room);
    if (model->isLoadingOlder() || !model->hasOlder() || m_state != State::Online)
        return;
    model->setLoadingOlder(true);
    QPointer<MessageModel> guarded(model);
    m_link->send(u"history.fetch"_s,
                 {{u"room"_s, room}, {u"before"_s, model->oldestId()}, {u"limit"_s, HistoryPage}},
                 [this, guarded, room](const QJsonObject &reply) {
                     if (!guarded)
                         return;
                     guarded->setLoadingOlder(false);
                     if (isError(reply))
                         return;
                     const QList<ChatMessage> older = storedMessages(reply);
                     guarded->prependOlder(older, reply.value(u"hasMore"_s).toBool());
                     emit olderLoaded(room, static_cast<int>(older.size()));
                 });
}

QString ChatClient::sendMessage(const QString &room, const QString &body)
{
    if (Validation::parseCommand(body)) {
        if (m_state != State::Online) {
            messages(room)->append(
                ChatMessage::notice(room, tr("You are offline; commands are not kept for later.")));
            return {};
        }
        m_link->send(u"message.send"_s, {{u"room"_s, room}, {u"body"_s, body}},
                     [this, room](const QJsonObject &reply) {
                         if (isError(reply))
                             messages(room)->append(ChatMessage::notice(room, describe(reply)));
                     });
        return {};
    }
    ChatMessage pending;
    pending.room = room;
    pending.user = m_username;
    pending.displayName = m_displayName;
    pending.body = body;
    pending.timestamp = QDateTime::currentMSecsSinceEpoch();
    pending.nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
    messages(room)->addPending(pending);
    m_outbox.append({room, body, pending.nonce});
    if (m_state == State::Online)
        transmit(pending.nonce);
    return pending.nonce;
}

void ChatClient::flushOutbox()
{
    const QList<OutboxItem> items = m_outbox;
    for (const OutboxItem &item : items) {
        if (!item.inFlight)
            transmit(item.nonce);
    }
}

void ChatClient::transmit(const QString &nonce)
{
    const auto item =
        std::find_if(m_outbox.begin(), m_outbox.end(),
                     [&](const OutboxItem &candidate) { return candidate.nonce == nonce; });
    if (item == m_outbox.end() || item->inFlight)
        return;
    item->inFlight = true;
    const QString room = item->room;
    m_link->send(
        u"message.send"_s, {{u"room"_s, room}, {u"body"_s, item->body}, {u"nonce"_s, nonce}},
        [this, nonce, room](const QJsonObject &reply) {
            const auto sent =
                std::find_if(m_outbox.begin(), m_outbox.end(),
                             [&](const OutboxItem &candidate) { return candidate.nonce == nonce; });
            if (sent == m_outbox.end())
                return;
            sent->inFlight = false;
            const QString code = reply.value(u"code"_s).toString();
            if (!isError(reply)) {
                m_outbox.erase(sent);
                messages(room)->append(
                    ChatMessage::fromStored(reply.value(u"message"_s).toObject()));
            } else if (code == "disconnected"_L1 || code == "timeout"_L1) {
                // Kept: it goes again, with the same nonce, once reconnected.
            } else if (code == "rate_limited"_L1) {
                QTimer::singleShot(RateLimitRetry, this, [this, nonce] {
                    if (m_state == State::Online)
                        transmit(nonce);
                });
            } else {
                m_outbox.erase(sent);
                messages(room)->markFailed(nonce, describe(reply));
            }
        });
}

} // namespace FinChat::Client

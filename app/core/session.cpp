#include "core/session.h"

#include "core/catchup.h"
#include "core/conversations.h"
#include "core/errortext.h"
#include "core/outbox.h"
#include "core/roomlistmodel.h"
#include "core/serverlink.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>

namespace FinChat::Client {

Q_LOGGING_CATEGORY(lcSession, "finchat.client.session")

namespace {
// Reconnect delays: quick at first, then backing off to a steady half minute.
constexpr std::array ReconnectDelaysMs{500, 1000, 2000, 4000, 8000, 15'000, 30'000};

Session::Result failed(Failure::Reason reason, QString detail = {})
{
    return {Failure::local(reason, std::move(detail))};
}
} // namespace

Session::Session(ServerLink &link, Conversations &conversations, CatchUp &catchUp, Outbox &outbox,
                 QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_conversations(conversations)
    , m_catchUp(catchUp)
    , m_outbox(outbox)
{
    connect(&m_link, &ServerLink::closed, this, &Session::onLinkClosed);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Session::reconnect);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QCoro::Task<Session::Result> Session::logIn(QUrl server, QString username, QString password)
{
    return start(std::move(server), {std::move(username), std::move(password), {}, false, {}, {}});
}

QCoro::Task<Session::Result> Session::createAccount(QUrl server, QString username, QString password,
                                                    QString displayName, QString invite)
{
    return start(std::move(server), {std::move(username),
                                     std::move(password),
                                     {},
                                     true,
                                     std::move(displayName),
                                     std::move(invite)});
}

QCoro::Task<Session::Result> Session::resume(QUrl server, QString token)
{
    return start(std::move(server), {{}, {}, std::move(token), false, {}, {}});
}

QCoro::Task<Session::Result> Session::start(QUrl server, Credentials credentials)
{
    QPointer<Session> self(this);
    const quint64 attempt = ++m_attempt;
    const auto cancelled = [&] {
        return !self || attempt != m_attempt;
    };
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_outbox.setOnline(false);
    m_catchUp.forgetShown();
    m_url = server;
    setState(State::Connecting);

    const std::optional<Failure> notOpened = co_await m_link.open(server, ConnectTimeout);
    if (cancelled())
        co_return failed(Failure::Reason::Cancelled);
    if (notOpened) {
        setState(State::Offline);
        co_return Result{notOpened};
    }
    setState(State::LoggingIn);
    const std::optional<Failure> refused = co_await authenticate(std::move(credentials), attempt);
    if (cancelled())
        co_return failed(Failure::Reason::Cancelled);
    if (refused) {
        m_link.close();
        setState(State::Offline);
        co_return Result{refused};
    }
    co_return Result{};
}

QCoro::Task<std::optional<Failure>> Session::authenticate(Credentials credentials, quint64 attempt)
{
    QPointer<Session> self(this);
    if (credentials.create) {
        const auto unlessBlank = [](const QString &text) {
            return text.trimmed().isEmpty() ? std::nullopt : std::optional(text.trimmed());
        };
        auto registering = m_link.call(Protocol::Register{
            credentials.username, credentials.password, unlessBlank(credentials.displayName),
            unlessBlank(credentials.invite)});
        const auto registered = co_await registering;
        if (!self || attempt != m_attempt)
            co_return std::nullopt; // the caller sees the cancellation itself
        if (!registered.ok())
            co_return registered.failure();
    }
    std::optional<Protocol::SessionInfo> session;
    if (credentials.token.isEmpty()) {
        auto loggingIn = m_link.call(Protocol::Login{credentials.username, credentials.password});
        const auto loggedIn = co_await loggingIn;
        if (!self || attempt != m_attempt)
            co_return std::nullopt;
        if (!loggedIn.ok())
            co_return loggedIn.failure();
        m_token = loggedIn->token;
        session = loggedIn->session;
    } else {
        auto resuming = m_link.call(Protocol::Resume{credentials.token});
        const auto resumed = co_await resuming;
        if (!self || attempt != m_attempt)
            co_return std::nullopt;
        if (!resumed.ok())
            co_return resumed.failure();
        m_token = credentials.token;
        session = resumed->session;
    }
    const bool entered = co_await enter(*session, attempt);
    if (!self || attempt != m_attempt || entered)
        co_return std::nullopt;
    co_return Failure::local(Failure::Reason::Disconnected);
}

void Session::cancel()
{
    ++m_attempt;
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_link.abort();
    setState(State::Offline);
}

void Session::logOut()
{
    ++m_attempt; // a login, resume or catch-up on the way stops where it is
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_token.clear();
    m_outbox.setOnline(false);
    m_outbox.clear();
    if (m_link.isOpen())
        sendLogout(m_attempt);
    setState(State::Offline);
}

void Session::endedByServer(const QString &reason)
{
    ++m_attempt;
    m_wantOnline = false;
    m_reconnectTimer.stop();
    m_token.clear();
    m_outbox.setOnline(false); // kept: it goes out after the next login, if it is this user's
    setState(State::Offline);
    QString text;
    if (reason == Protocol::SessionEndReason::PasswordChanged)
        text = tr("Your password was changed on another device. Log in with the new one.");
    else if (reason == Protocol::SessionEndReason::LoggedOut)
        text = tr("This session was logged out on another device. Log in again.");
    else if (reason == Protocol::SessionEndReason::Banned)
        text = tr("A moderator banned this account. Ask the server's administrator.");
    else if (reason == Protocol::SessionEndReason::Revoked)
        text = tr("The server's administrator ended this session. Log in again.");
    else
        text = ErrorText::describe(Protocol::ErrorCode::InvalidToken);
    emit sessionEnded(text);
}

QCoro::Task<> Session::sendLogout(quint64 attempt)
{
    QPointer<Session> self(this);
    auto loggingOut = m_link.call(Protocol::Logout{});
    co_await loggingOut;
    // Not when a new login has begun meanwhile: the link is then already the new one's.
    if (self && attempt == m_attempt)
        m_link.close();
}

QCoro::Task<bool> Session::enter(Protocol::SessionInfo session, quint64 attempt)
{
    QPointer<Session> self(this);
    const auto stopped = [&] {
        return !self || attempt != m_attempt;
    };
    if (m_conversations.enter(m_url.authority(), session.user))
        m_outbox.clear(); // another account: nothing typed by the previous one may go out
    // A server before 0.4 sends none, and knows no message.edit: nothing is offered.
    m_conversations.setSettings(session.settings.value_or(Protocol::SiteSettings{{}, 0}));

    auto listing = m_link.call(Protocol::RoomsList{});
    const auto rooms = co_await listing;
    if (stopped() || !rooms.ok())
        co_return false;
    m_conversations.rooms()->reset(rooms->rooms);

    for (const QString &room : std::as_const(session.rooms)) {
        const bool loaded = co_await m_catchUp.loadRoom(room);
        if (stopped() || !loaded)
            co_return false;
    }

    auto askingCommands = m_link.call(Protocol::CommandsList{});
    const auto commands = co_await askingCommands;
    if (stopped() || !commands.ok())
        co_return false;
    m_commands = commands->commands;
    emit commandsChanged();

    m_wantOnline = true;
    m_reconnectRound = 0;
    setState(State::Online);
    m_outbox.setOnline(true);
    emit caughtUp();
    co_return true;
}

void Session::onLinkClosed()
{
    m_outbox.setOnline(false);
    if (!m_wantOnline) {
        setState(State::Offline);
        return;
    }
    qCInfo(lcSession) << "connection lost; reconnecting";
    m_catchUp.rememberShown();
    setState(State::Reconnecting);
    scheduleReconnect();
}

void Session::retryNow()
{
    if (m_state != State::Reconnecting || !m_reconnectTimer.isActive())
        return; // online, or a try is under way
    m_reconnectTimer.stop();
    m_reconnectRound = 0;
    reconnect();
}

int Session::nextTryIn() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : 0;
}

void Session::scheduleReconnect()
{
    const int base = ReconnectDelaysMs.at(
        std::min<std::size_t>(m_reconnectRound++, ReconnectDelaysMs.size() - 1));
    // Jitter, so that clients dropped together do not all return in the same instant.
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(base / 5 + 1));
    m_reconnectTimer.start(base + jitter);
}

QCoro::Task<> Session::reconnect()
{
    QPointer<Session> self(this);
    const quint64 attempt = m_attempt;
    const auto stopped = [&] {
        return !self || attempt != m_attempt || !m_wantOnline;
    };
    if (!m_wantOnline)
        co_return;
    const std::optional<Failure> notOpened = co_await m_link.open(m_url, ConnectTimeout);
    if (stopped())
        co_return;
    if (notOpened && notOpened->isCertificateProblem()) {
        // Retrying cannot help, and must not wear the person down into accepting: they
        // decide at the login dialog, which shows the fingerprint.
        m_wantOnline = false;
        setState(State::Offline);
        emit sessionEnded(ErrorText::describe(*notOpened));
        co_return;
    }
    if (notOpened) {
        scheduleReconnect();
        co_return;
    }
    auto resuming = m_link.call(Protocol::Resume{m_token});
    const auto resumed = co_await resuming;
    if (stopped())
        co_return;
    if (!resumed.ok() && resumed.failure().is(Protocol::ErrorCode::InvalidToken)) {
        m_wantOnline = false;
        m_link.close();
        setState(State::Offline);
        emit sessionEnded(ErrorText::describe(resumed.failure()));
        co_return;
    }
    // Not a conditional expression around co_await: GCC 12 destroys its result too early.
    bool entered = false;
    if (resumed.ok())
        entered = co_await enter(resumed->session, attempt);
    if (stopped() || entered)
        co_return;
    // Refused or failed halfway on an open link (a busy server, say): start over as after a
    // drop. Dropping the link makes its close schedule the next attempt.
    qCInfo(lcSession) << "could not resume the session; trying again";
    m_link.abort();
}

} // namespace FinChat::Client

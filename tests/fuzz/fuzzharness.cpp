#include "fuzzharness.h"

#include "auth/passwordhasher.h"
#include "auth/sessiontoken.h"

#include "finchat/protocol/messages.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace FinChat::Fuzzing {

using namespace Qt::StringLiterals;
namespace Type = Protocol::Type;

namespace {

constexpr int AnswerTimeoutMs = 300;
const QString FuzzUser = u"fuzzer"_s;
const QString Password = u"correct horse"_s;
// The id of the harness's own requests, which check the server still serves.
const QString ProbeId = u"probe"_s;

ServerConfig fuzzConfig()
{
    ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0;
    // The frames, not the TLS records around them, are under test; TLS would only slow the
    // runs (tst_tls covers the encrypted transport).
    config.tls.plaintext = true;
    // High enough that the fuzzer is not just rate limited; bounded all the same.
    config.limits.messageBurst = 1'000'000;
    config.limits.requestBurst = 1'000'000;
    config.limits.registrationsPerHour = 1'000'000;
    config.limits.failedLoginsPerMinute = 1000;
    // The real stock bot answers /stock, quote.get and the price checks (every second here),
    // so that the watchlist and alert requests reach their handlers; its stooq is a closed
    // local port, which fails at once, as a dead stooq would.
    config.pluginDirs = {QStringLiteral(FINCHAT_PLUGIN_OUTPUT_DIR)};
    config.botSettings.insert(
        u"stockbot"_s,
        QVariantMap{{u"stooq_url"_s, u"http://127.0.0.1:9/q/l/"_s}, {u"timeout_ms"_s, 200}});
    config.limits.priceCheckInterval = std::chrono::seconds(1);
    return config;
}

} // namespace

FuzzHarness::FuzzHarness()
{
    m_storage = std::make_unique<StorageThread>();
    // Durability::Normal: no fsync per input, so more inputs per second; the code paths are
    // the same.
    m_storage->openSqlite(m_folder.filePath(u"fuzz.db"_s), Durability::Normal);
    // The account and its token are made directly, so that no fuzz input waits for a hash.
    const QString token = SessionToken::generate();
    m_botToken = SessionToken::generate();
    m_storage->blocking([this, &token](Storage &storage) {
        const QString hash = PasswordHasher::hash(Password);
        // The first person, so an admin: every moderation request reaches its handler, with
        // a second person (fuzzer2, in the seeds) to act on.
        const auto userId = storage.createUser(FuzzUser, u"Fuzzer"_s, hash);
        storage.createUser(u"fuzzer2"_s, u"Fuzzer Two"_s, hash);
        storage.createSession(SessionToken::hash(token), *userId);
        const auto room = storage.createRoom(u"fuzzroom"_s, {}, userId);
        storage.addMember(room->id, *userId);
        storage.setBotToken(u"fuzzbot"_s, u"Fuzz Bot"_s, SessionToken::hash(m_botToken));
    });
    m_token = token;
    m_server = std::make_unique<ChatServer>(*m_storage, fuzzConfig());
    if (!m_server->listen())
        qFatal("fuzz harness cannot listen: %s", qPrintable(m_server->errorString()));
    connectClient();
    connectBot();
    deliver(Protocol::frameText(Protocol::RoomJoin{QString(Protocol::DefaultRoom)}, u"setup"_s));
}

FuzzHarness::~FuzzHarness()
{
    m_client.reset();
    m_bot.reset();
    m_server.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_storage.reset();
}

bool FuzzHarness::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

void FuzzHarness::connectClient()
{
    ++m_reconnects;
    m_client = std::make_unique<QWebSocket>();
    listenForAnswers(*m_client);
    const QUrl url(u"ws://127.0.0.1:%1"_s.arg(m_server->serverPort()));
    m_client->open(url);
    waitFor([this] { return m_client->state() == QAbstractSocket::ConnectedState; }, 5000);
    const QString resumed =
        callAndWait(*m_client, Protocol::frameText(Protocol::Resume{m_token}, ProbeId));
    if (resumed.contains(Type::ResumeOk))
        return;
    // An input logged the token out: log in with the password for a new one.
    const QString loggedIn =
        callAndWait(*m_client, Protocol::frameText(Protocol::Login{FuzzUser, Password}, ProbeId));
    const QJsonObject reply = QJsonDocument::fromJson(loggedIn.toUtf8()).object();
    if (reply.contains(u"token"_s))
        m_token = reply[u"token"_s].toString();
    else
        qWarning().noquote() << "fuzz harness: cannot log in again:" << loggedIn;
}

void FuzzHarness::listenForAnswers(QWebSocket &socket)
{
    QObject::connect(
        &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            // An answer is a reply or an error; everything else is an event.
            const QString type =
                QJsonDocument::fromJson(text.toUtf8()).object().value(u"type"_s).toString();
            if (type.endsWith(Protocol::ReplySuffix) || type == Type::Error)
                m_answered = true;
        });
}

void FuzzHarness::connectBot()
{
    m_bot = std::make_unique<QWebSocket>();
    listenForAnswers(*m_bot);
    m_bot->open(QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server->serverPort())));
    waitFor([this] { return m_bot->state() == QAbstractSocket::ConnectedState; }, 5000);
    const QString loggedIn =
        callAndWait(*m_bot, Protocol::frameText(Protocol::BotLogin{m_botToken}, ProbeId));
    const QString announced = callAndWait(
        *m_bot, Protocol::frameText(
                    Protocol::BotAnnounce{{{u"fuzz"_s, u"/fuzz=TEXT"_s, u"Fuzzed"_s}}}, ProbeId));
    if (!loggedIn.contains(Type::BotLoginOk) || !announced.contains(Type::BotAnnounceOk))
        qWarning().noquote() << "fuzz harness: the bot cannot connect:" << loggedIn << announced;
}

void FuzzHarness::deliver(const QString &frame)
{
    // Frames for bots go to the bot, after a command that gives it a request to answer.
    const bool forTheBot = frame.contains(u"\"bot."_s);
    if (m_client->state() != QAbstractSocket::ConnectedState)
        connectClient();
    if (forTheBot) {
        if (m_bot->state() != QAbstractSocket::ConnectedState)
            connectBot();
        m_client->sendTextMessage(Protocol::frameText(
            Protocol::MessageSend{QString(Protocol::DefaultRoom), u"/fuzz=go"_s, {}}));
    }
    QWebSocket &socket = forTheBot ? *m_bot : *m_client;
    m_answered = false;
    socket.sendTextMessage(frame);
    if (waitFor([&] { return m_answered || socket.state() != QAbstractSocket::ConnectedState; },
                AnswerTimeoutMs))
        ++m_answers;
    // A logout, a closing frame or a size violation leaves the client unusable: start over.
    if (m_client->state() != QAbstractSocket::ConnectedState || frame.contains(Type::Logout))
        connectClient();
}

void FuzzHarness::deliverAndLeave(const QString &frame)
{
    QWebSocket leaver;
    leaver.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server->serverPort())));
    waitFor([&] { return leaver.state() == QAbstractSocket::ConnectedState; }, 2000);
    leaver.sendTextMessage(Protocol::frameText(Protocol::Resume{m_token}));
    leaver.sendTextMessage(frame);
    leaver.flush();
    leaver.abort();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

QString FuzzHarness::callAndWait(QWebSocket &socket, const QString &frame)
{
    QString answer;
    const auto connection = QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                                             [&](const QString &text) {
                                                 if (text.contains(u"\"id\":\"probe\""_s))
                                                     answer = text;
                                             });
    socket.sendTextMessage(frame);
    waitFor([&] { return !answer.isEmpty(); }, 10'000);
    QObject::disconnect(connection);
    return answer;
}

bool FuzzHarness::serverServes()
{
    connectClient(); // for a token that is valid now
    QWebSocket probe;
    probe.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server->serverPort())));
    if (!waitFor([&] { return probe.state() == QAbstractSocket::ConnectedState; }, 5000))
        return false;
    const QString resumed =
        callAndWait(probe, Protocol::frameText(Protocol::Resume{m_token}, ProbeId));
    const QString joined =
        callAndWait(probe, Protocol::frameText(Protocol::RoomJoin{u"fuzzroom"_s}, ProbeId));
    const QString sent = callAndWait(
        probe, Protocol::frameText(Protocol::MessageSend{u"fuzzroom"_s, u"alive"_s, {}}, ProbeId));
    const bool serves = resumed.contains(Type::ResumeOk) && joined.contains(Type::RoomJoinOk) &&
                        sent.contains(Type::MessageSendOk);
    if (!serves)
        qWarning().noquote() << "fuzz harness: the server answered" << resumed << joined << sent;
    return serves;
}

} // namespace FinChat::Fuzzing

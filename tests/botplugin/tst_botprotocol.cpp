#include "bots/bothost.h"
#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString StockBotDir = QStringLiteral(FINCHAT_PLUGIN_OUTPUT_DIR);

ServerConfig quickTimeouts(const QStringList &pluginDirs = {})
{
    ServerConfig config;
    config.limits = TestServer::generousLimits();
    config.limits.botReplyTimeout = std::chrono::milliseconds(800);
    config.limits.botTokenCheckInterval = std::chrono::milliseconds(200);
    config.pluginDirs = pluginDirs;
    return config;
}

QJsonArray commandList(const QStringList &names)
{
    QJsonArray commands;
    for (const QString &name : names) {
        commands.append(QJsonObject{{u"name"_s, name},
                                    {u"usage"_s, u"/%1=TEXT"_s.arg(name)},
                                    {u"description"_s, u"Says TEXT back"_s}});
    }
    return commands;
}

QString noticeCode(const QJsonObject &notice)
{
    return notice.value(u"code"_s).toString();
}
} // namespace

// Bots that are programs of their own, connected over the wire protocol with a bot
// account's token (docs/protocol.md, "Bots"), through a real server and real sockets.
class TestBotProtocol : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    // Made after the server: a client takes the TLS configuration of when it is made.
    std::unique_ptr<TestClient> m_aliceClient;
    std::unique_ptr<TestClient> m_bobClient;

    TestClient &alice() { return *m_aliceClient; }
    TestClient &bob() { return *m_bobClient; }

    // A token for a bot account, as `finchat-server bot add` makes one.
    QString tokenFor(const QString &name, const QString &displayName)
    {
        return m_server->botToken(name, displayName);
    }

    // The bot logs in with its token and announces these commands.
    bool connectBot(TestClient &bot, const QString &token, const QStringList &commands)
    {
        if (!bot.open(m_server->url()))
            return false;
        if (typeOf(bot.request(Type::BotLogin, {{u"token"_s, token}})) != Type::BotLoginOk)
            return false;
        return typeOf(bot.request(Type::BotAnnounce, {{u"commands"_s, commandList(commands)}})) ==
               Type::BotAnnounceOk;
    }

    void startServer(const ServerConfig &config)
    {
        m_server = std::make_unique<TestServer>(config);
        m_aliceClient = std::make_unique<TestClient>();
        m_bobClient = std::make_unique<TestClient>();
        QVERIFY(alice().connectAs(m_server->url(), u"alice"_s));
        QVERIFY(bob().connectAs(m_server->url(), u"bob"_s));
        alice().clearEvents();
        bob().clearEvents();
    }

private slots:
    void init() { startServer(quickTimeouts()); }
    void cleanup()
    {
        m_aliceClient.reset();
        m_bobClient.reset();
        m_server.reset();
    }

    void aConnectedBotAnswersTheRoom()
    {
        TestClient bot;
        QVERIFY(connectBot(bot, tokenFor(u"echo"_s, u"Echo Bot"_s), {u"echo"_s}));
        const QJsonObject help = alice().request(Type::CommandsList);
        QVERIFY(QJsonDocument(help).toJson().contains("/echo=TEXT"));

        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=hi there"_s)), Type::MessageSendOk);
        const QJsonObject shown = bob().waitForEvent(Type::CommandEvent);
        QCOMPARE(shown.value(u"command"_s).toObject().value(u"argument"_s).toString(),
                 u"hi there"_s);
        const QJsonObject asked = bot.waitForEvent(Type::BotCommand);
        QCOMPARE(asked.value(u"command"_s).toString(), u"echo"_s);
        QCOMPARE(asked.value(u"argument"_s).toString(), u"hi there"_s);
        QCOMPARE(asked.value(u"room"_s).toString(), u"general"_s);
        QCOMPARE(asked.value(u"user"_s).toString(), u"alice"_s);
        QCOMPARE(asked.value(u"displayName"_s).toString(), u"alice"_s);
        const qint64 id = asked.value(u"request"_s).toInteger();
        QVERIFY(id > 0);

        const QJsonObject replied =
            bot.request(Type::BotReply, {{u"request"_s, id},
                                         {u"body"_s, u"hi there"_s},
                                         {u"data"_s, QJsonObject{{u"echoed"_s, 8}}}});
        QCOMPARE(typeOf(replied), Type::BotReplyOk);
        QVERIFY(replied.value(u"delivered"_s).toBool());
        for (TestClient *member : {&alice(), &bob()}) {
            const QJsonObject reply = member->waitForEvent(Type::BotMessage);
            QCOMPARE(reply.value(u"user"_s).toString(), u"echo"_s);
            QCOMPARE(reply.value(u"displayName"_s).toString(), u"Echo Bot"_s);
            QCOMPARE(reply.value(u"body"_s).toString(), u"hi there"_s);
            QCOMPARE(reply.value(u"replyTo"_s).toString(), u"alice"_s);
            QCOMPARE(reply.value(u"data"_s).toObject().value(u"echoed"_s).toInt(), 8);
        }
        // The first answer wins: a second one reaches nobody, and the bot is told.
        const QJsonObject late =
            bot.request(Type::BotReply, {{u"request"_s, id}, {u"body"_s, u"again"_s}});
        QCOMPARE(typeOf(late), Type::BotReplyOk);
        QVERIFY(!late.value(u"delivered"_s).toBool());
        QVERIFY(bob().noEvent(Type::BotMessage));
        // Neither the command nor the reply is stored.
        QCOMPARE(m_server->storedMessageCount(), 0);
    }

    void failuresAndSilenceReachTheAskerOnly()
    {
        TestClient bot;
        QVERIFY(connectBot(bot, tokenFor(u"echo"_s, u"Echo Bot"_s), {u"echo"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=x"_s)), Type::MessageSendOk);
        const qint64 id = bot.waitForEvent(Type::BotCommand).value(u"request"_s).toInteger();
        const QJsonObject failed = bot.request(
            Type::BotFail, {{u"request"_s, id}, {u"reason"_s, u"the echo is broken"_s}});
        QVERIFY(failed.value(u"delivered"_s).toBool());
        const QJsonObject notice = alice().waitForEvent(Type::Notice);
        QCOMPARE(noticeCode(notice), u"bot_failed"_s);
        QVERIFY(notice.value(u"text"_s).toString().contains(u"the echo is broken"_s));

        // No answer at all: the asker hears of it after the timeout.
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=y"_s)), Type::MessageSendOk);
        QVERIFY(!bot.waitForEvent(Type::BotCommand).isEmpty());
        QCOMPARE(noticeCode(alice().waitForEvent(Type::Notice)), u"bot_timeout"_s);
        QVERIFY(bob().noEvent(Type::Notice));
    }

    void aBotThatGoesAwayIsNotAvailableUntilItComesBack()
    {
        const QString token = tokenFor(u"echo"_s, u"Echo Bot"_s);
        auto bot = std::make_unique<TestClient>();
        QVERIFY(connectBot(*bot, token, {u"echo"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=pending"_s)), Type::MessageSendOk);
        QVERIFY(!bot->waitForEvent(Type::BotCommand).isEmpty());

        // Killed mid-request: the asker is told at once, not after the timeout.
        bot.reset();
        const QJsonObject gone = alice().waitForEvent(Type::Notice, 500);
        QCOMPARE(noticeCode(gone), u"bot_failed"_s);
        QVERIFY(gone.value(u"text"_s).toString().contains(u"went away"_s));

        // While it is away its command is still listed, and says so; everyone else carries on.
        QVERIFY(QJsonDocument(bob().request(Type::CommandsList)).toJson().contains("/echo=TEXT"));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=anyone?"_s)), Type::MessageSendOk);
        const QJsonObject away = alice().waitForEvent(Type::Notice);
        QCOMPARE(noticeCode(away), u"bot_unavailable"_s);
        QVERIFY(away.value(u"text"_s).toString().contains(u"Echo Bot is not available"_s));
        QCOMPARE(typeOf(bob().send(u"general"_s, u"still here"_s)), Type::MessageSendOk);
        QVERIFY(!alice().waitForEvent(Type::MessageNew).isEmpty());

        // Back with the same token: it answers again.
        TestClient back;
        QVERIFY(connectBot(back, token, {u"echo"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=back"_s)), Type::MessageSendOk);
        const qint64 id = back.waitForEvent(Type::BotCommand).value(u"request"_s).toInteger();
        QVERIFY(back.request(Type::BotReply, {{u"request"_s, id}, {u"body"_s, u"back"_s}})
                    .value(u"delivered"_s)
                    .toBool());
        QCOMPARE(bob().waitForEvent(Type::BotMessage).value(u"body"_s).toString(), u"back"_s);
    }

    void aBotsCommandsStayItsOwnAcrossAServerRestart()
    {
        const QString token = tokenFor(u"echo"_s, u"Echo Bot"_s);
        {
            TestClient bot;
            QVERIFY(connectBot(bot, token, {u"echo"_s}));
        }
        m_server->restart();
        m_aliceClient = std::make_unique<TestClient>();
        QVERIFY(alice().open(m_server->url()));
        QCOMPARE(typeOf(alice().login(u"alice"_s, u"correct horse"_s)), Type::LoginOk);
        // Listed, and away, before it comes back; nobody else may take the name meanwhile.
        QVERIFY(QJsonDocument(alice().request(Type::CommandsList)).toJson().contains("/echo=TEXT"));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=hello?"_s)), Type::MessageSendOk);
        QCOMPARE(noticeCode(alice().waitForEvent(Type::Notice)), u"bot_unavailable"_s);
        TestClient squatter;
        QVERIFY(squatter.open(m_server->url()));
        QCOMPARE(typeOf(squatter.request(Type::BotLogin,
                                         {{u"token"_s, tokenFor(u"squatter"_s, u"S"_s)}})),
                 Type::BotLoginOk);
        QCOMPARE(codeOf(squatter.request(Type::BotAnnounce,
                                         {{u"commands"_s, commandList({u"echo"_s})}})),
                 u"command_taken"_s);
        TestClient back;
        QVERIFY(connectBot(back, token, {u"echo"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=back"_s)), Type::MessageSendOk);
        QCOMPARE(back.waitForEvent(Type::BotCommand).value(u"argument"_s).toString(), u"back"_s);
    }

    void aReplacedTokenEndsTheConnectionsThatUseIt()
    {
        TestClient bot;
        QVERIFY(connectBot(bot, tokenFor(u"echo"_s, u"Echo Bot"_s), {u"echo"_s}));
        const QString newToken = tokenFor(u"echo"_s, u"Echo Bot"_s); // finchat-server bot token
        QVERIFY(bot.waitForDisconnected(5000));
        TestClient renewed;
        QVERIFY(connectBot(renewed, newToken, {u"echo"_s}));
        QVERIFY(!renewed.waitForDisconnected(1000)); // the new token's connection stays
    }

    void theServerAsksAConnectedBotAndKnowsWhenItIsAway()
    {
        // quote.get asks the owner of /stock privately: no room, no asker.
        auto bot = std::make_unique<TestClient>();
        QVERIFY(connectBot(*bot, tokenFor(u"quotes"_s, u"Quotes"_s), {u"stock"_s}));
        const QJsonValue id = 41;
        alice().sendRawNoWait(Protocol::frameText(Protocol::QuoteGet{u"aapl.us"_s}, id));
        const QJsonObject asked = bot->waitForEvent(Type::BotCommand);
        QCOMPARE(asked.value(u"argument"_s).toString(), u"aapl.us"_s);
        QVERIFY(!asked.contains(u"room"_s));
        QVERIFY(!asked.contains(u"user"_s));
        const QJsonObject quote{{u"symbol"_s, u"AAPL.US"_s}, {u"close"_s, 229.87}};
        QVERIFY(bot->request(Type::BotReply,
                             {{u"request"_s, asked.value(u"request"_s)},
                              {u"body"_s, u"AAPL.US quote is $229.87 per share"_s},
                              {u"data"_s, QJsonObject{{u"quotes"_s, QJsonArray{quote}}}}})
                    .value(u"delivered"_s)
                    .toBool());
        QVERIFY(QTest::qWaitFor([&] { return alice().replyCount() > 0; }, 5000));
        const QJsonObject answered = alice().takeReplies().constFirst();
        QCOMPARE(typeOf(answered), Type::QuoteGetOk);
        QCOMPARE(answered.value(u"quote"_s).toObject().value(u"close"_s).toDouble(), 229.87);

        // Away (once the server has seen the socket close): answered at once, saying why.
        bot.reset();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject away =
                    alice().request(Type::QuoteGet, {{u"code"_s, u"msft.us"_s}});
                return away.value(u"error"_s).toString() == u"bot_unavailable"_s;
            },
            5000));
    }

    void aSecondConnectionOfTheSameBotReplacesTheFirst()
    {
        const QString token = tokenFor(u"echo"_s, u"Echo Bot"_s);
        TestClient first;
        QVERIFY(connectBot(first, token, {u"echo"_s}));
        TestClient second;
        QVERIFY(connectBot(second, token, {u"echo"_s}));
        QVERIFY(first.waitForDisconnected());
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=who"_s)), Type::MessageSendOk);
        QVERIFY(!second.waitForEvent(Type::BotCommand).isEmpty());
    }

    void severalBotsEachAnswerTheirOwn()
    {
        TestClient echo;
        QVERIFY(connectBot(echo, tokenFor(u"echo"_s, u"Echo"_s), {u"echo"_s}));
        TestClient shout;
        QVERIFY(connectBot(shout, tokenFor(u"shout"_s, u"Shout"_s), {u"shout"_s, u"yell"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/yell=a"_s)), Type::MessageSendOk);
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=b"_s)), Type::MessageSendOk);
        QCOMPARE(shout.waitForEvent(Type::BotCommand).value(u"command"_s).toString(), u"yell"_s);
        QCOMPARE(echo.waitForEvent(Type::BotCommand).value(u"argument"_s).toString(), u"b"_s);
        QVERIFY(shout.noEvent(Type::BotCommand));

        // Announcing again replaces the bot's commands.
        QCOMPARE(
            typeOf(shout.request(Type::BotAnnounce, {{u"commands"_s, commandList({u"shout"_s})}})),
            Type::BotAnnounceOk);
        QCOMPARE(codeOf(alice().send(u"general"_s, u"/yell=c"_s)), u"unknown_command"_s);
    }

    void announcedCommandsAreChecked()
    {
        cleanup();
        startServer(quickTimeouts({StockBotDir}));
        TestClient other;
        QVERIFY(connectBot(other, tokenFor(u"other"_s, u"Other"_s), {u"mine"_s}));
        TestClient bot;
        QVERIFY(bot.open(m_server->url()));
        QCOMPARE(typeOf(bot.request(Type::BotLogin, {{u"token"_s, tokenFor(u"b0t"_s, u"B"_s)}})),
                 Type::BotLoginOk);
        const auto announce = [&](const QJsonArray &commands) {
            return bot.request(Type::BotAnnounce, {{u"commands"_s, commands}});
        };
        const auto refused = [&](const QJsonArray &commands, const QString &code,
                                 const QString &saying) {
            const QJsonObject answer = announce(commands);
            QCOMPARE(codeOf(answer), code);
            QVERIFY2(answer.value(u"message"_s).toString().contains(saying),
                     qPrintable(answer.value(u"message"_s).toString()));
        };
        refused(commandList({u"help"_s}), u"command_taken"_s, u"/help belongs to the server"_s);
        refused(commandList({u"watch"_s}), u"command_taken"_s, u"/watch belongs to the server"_s);
        refused(commandList({u"stock"_s}), u"command_taken"_s, u"answered by stockbot"_s);
        refused(commandList({u"mine"_s}), u"command_taken"_s, u"answered by other"_s);
        refused(commandList({u"Echo!"_s}), u"invalid_field"_s, u"not lower-case"_s);
        refused(commandList({u"a"_s, u"a"_s}), u"invalid_field"_s, u"listed twice"_s);
        refused({}, u"invalid_field"_s, u"1 to 32"_s);
        QStringList many;
        for (int i = 0; i < 33; ++i)
            many.append(u"c%1"_s.arg(i));
        refused(commandList(many), u"invalid_field"_s, u"1 to 32"_s);
        QJsonArray wordy = commandList({u"wordy"_s});
        QJsonObject command = wordy.at(0).toObject();
        command.insert(u"description"_s, QString(201, u'x'));
        refused({command}, u"invalid_field"_s, u"at most 200"_s);
        // None of them took: the commands are as before.
        QCOMPARE(codeOf(alice().send(u"general"_s, u"/a"_s)), u"unknown_command"_s);
        QCOMPARE(typeOf(announce(commandList({u"fine"_s}))), Type::BotAnnounceOk);
    }

    void onlyABotSpeaksForABot()
    {
        // Not logged in, a wrong token, a person sending a bot's requests, a bot sending a
        // person's, a bot logging in twice, a person logging in as a bot.
        TestClient stranger;
        QVERIFY(stranger.open(m_server->url()));
        QCOMPARE(
            codeOf(stranger.request(Type::BotAnnounce, {{u"commands"_s, commandList({u"x"_s})}})),
            u"not_logged_in"_s);
        QCOMPARE(codeOf(stranger.request(Type::BotLogin, {{u"token"_s, u"guess"_s}})),
                 u"invalid_token"_s);
        QCOMPARE(codeOf(stranger.request(Type::BotLogin, {{u"token"_s, QJsonValue()}})),
                 u"invalid_field"_s);
        QCOMPARE(codeOf(alice().request(Type::BotReply, {{u"request"_s, 1}, {u"body"_s, u"x"_s}})),
                 u"forbidden"_s);
        QCOMPARE(codeOf(alice().request(Type::BotLogin, {{u"token"_s, u"x"_s}})),
                 u"already_logged_in"_s);

        const QString token = tokenFor(u"echo"_s, u"Echo"_s);
        TestClient bot;
        QVERIFY(connectBot(bot, token, {u"echo"_s}));
        QCOMPARE(codeOf(bot.send(u"general"_s, u"I am a person"_s)), u"forbidden"_s);
        QCOMPARE(codeOf(bot.request(Type::RoomsList)), u"forbidden"_s);
        QCOMPARE(codeOf(bot.request(Type::BotLogin, {{u"token"_s, token}})),
                 u"already_logged_in"_s);
        TestClient impostor;
        QVERIFY(impostor.open(m_server->url()));
        QCOMPARE(codeOf(impostor.login(u"echo"_s, u"correct horse"_s)), u"bad_credentials"_s);
        // A bot cannot answer what was asked of another bot.
        TestClient other;
        QVERIFY(connectBot(other, tokenFor(u"other"_s, u"Other"_s), {u"other"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=mine"_s)), Type::MessageSendOk);
        const qint64 id = bot.waitForEvent(Type::BotCommand).value(u"request"_s).toInteger();
        QVERIFY(!other.request(Type::BotReply, {{u"request"_s, id}, {u"body"_s, u"stolen"_s}})
                     .value(u"delivered"_s)
                     .toBool());
        QVERIFY(alice().noEvent(Type::BotMessage));
    }

    void repliesAreBounded()
    {
        TestClient bot;
        QVERIFY(connectBot(bot, tokenFor(u"echo"_s, u"Echo"_s), {u"echo"_s}));
        QCOMPARE(typeOf(alice().send(u"general"_s, u"/echo=big"_s)), Type::MessageSendOk);
        const qint64 id = bot.waitForEvent(Type::BotCommand).value(u"request"_s).toInteger();
        const QJsonObject tooLong =
            bot.request(Type::BotReply, {{u"request"_s, id}, {u"body"_s, QString(4001, u'x')}});
        QCOMPARE(codeOf(tooLong), u"invalid_field"_s);
        // Data beyond 16 KiB is dropped; the text goes out.
        const QJsonObject replied = bot.request(
            Type::BotReply, {{u"request"_s, id},
                             {u"body"_s, u"the text"_s},
                             {u"data"_s, QJsonObject{{u"blob"_s, QString(17 * 1024, u'x')}}}});
        QVERIFY(replied.value(u"delivered"_s).toBool());
        const QJsonObject reply = bob().waitForEvent(Type::BotMessage);
        QCOMPARE(reply.value(u"body"_s).toString(), u"the text"_s);
        QVERIFY(!reply.contains(u"data"_s));
    }
};

FINCHAT_SERVER_TEST_MAIN(TestBotProtocol)
#include "tst_botprotocol.moc"

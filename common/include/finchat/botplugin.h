#pragma once

// The FinChat bot plugin SDK: the one header a bot needs. It depends on Qt Core alone, so a
// bot builds against an installed FinChat without FinChat's libraries or its QCoro.
// docs/plugins.md shows a complete bot.

#include <QJsonObject>
#include <QString>
#include <QtPlugin>

namespace FinChat {

// A command someone typed in a room, as the host hands it to the bot that owns it.
struct BotRequest
{
    quint64 id = 0;      // answer with this id, exactly once
    QString command;     // lower-case name without the slash: "stock"
    QString argument;    // the text after '=', as typed: "aapl.us"
    QString room;        // where it was typed; the reply goes there. Empty when the server
                         // itself asks (quote.get for a client): the reply then goes to it
    QString user;        // username of who typed it (empty when the server asks)
    QString displayName; // their display name
};

// What the host gives a bot to answer with. reply() and fail() may be called from any thread,
// at any time after handleCommand() was called; the host carries them to its own thread.
class BotContext
{
public:
    virtual ~BotContext() = default;

    // Posts text into the request's room as the bot, to every member; it is not stored.
    // data travels with it for clients that can show more (a quote card, say).
    virtual void reply(quint64 requestId, const QString &text, const QJsonObject &data = {}) = 0;
    // The bot cannot answer: the person who asked gets a notice with this reason, the room
    // sees nothing.
    virtual void fail(quint64 requestId, const QString &reason) = 0;
    // A setting from the server's configuration file, section [bot.<name>]; empty when unset.
    virtual QString setting(const QString &key) const = 0;
};

// The interface a bot plugin implements, next to QObject:
//
//     class EchoBot : public QObject, public FinChat::BotPlugin
//     {
//         Q_OBJECT
//         Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "echobot.json")
//         Q_INTERFACES(FinChat::BotPlugin)
//         ...
//     };
//
// The JSON file names the bot and its commands; the host reads it before loading the code:
//
//     {"name": "echobot", "displayName": "Echo", "version": "1.0.0",
//      "commands": [{"name": "echo", "usage": "/echo=TEXT", "description": "Repeats TEXT"}]}
class BotPlugin
{
public:
    virtual ~BotPlugin() = default;

    // Called once, before any command. The context outlives the bot.
    virtual void start(BotContext *context) = 0;
    // One of the bot's commands was typed. Return quickly and answer later through the
    // context: the server does not wait, and gives up on an answer after a timeout.
    virtual void handleCommand(const BotRequest &request) = 0;
};

} // namespace FinChat

// Bumped only when the interface above changes incompatibly; the host refuses other versions.
#define FinChatBotPlugin_iid "org.finchat.BotPlugin/1"
Q_DECLARE_INTERFACE(FinChat::BotPlugin, FinChatBotPlugin_iid)

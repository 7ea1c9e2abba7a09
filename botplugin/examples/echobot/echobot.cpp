#include <finchat/botplugin.h>

#include <QObject>

// A complete FinChat bot: /echo=TEXT posts TEXT back into the room.
class EchoBot : public QObject, public FinChat::BotPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "echobot.json")
    Q_INTERFACES(FinChat::BotPlugin)

public:
    void start(FinChat::BotContext *context) override { m_context = context; }

    void handleCommand(const FinChat::BotRequest &request) override
    {
        // Answer exactly once: a reply for the room, or fail() for a notice to the asker.
        if (request.argument.trimmed().isEmpty())
            m_context->fail(request.id,
                            QStringLiteral("there is nothing to echo; try /echo=hello"));
        else
            m_context->reply(request.id, request.argument);
    }

private:
    FinChat::BotContext *m_context = nullptr;
};

#include "echobot.moc"

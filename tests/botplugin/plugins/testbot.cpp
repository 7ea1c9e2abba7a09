#include "finchat/botplugin.h"

#include <QObject>
#include <QTimer>

#include <stdexcept>
#include <thread>

// A bot that misbehaves on request, to test how the host copes:
//   /boom throws, /silent never answers, /twice answers twice, /refuse fails,
//   /later answers after 50 ms, /threaded answers from a thread of its own, /bigdata answers
//   with a megabyte of data.
class TestBot : public QObject, public FinChat::BotPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "testbot.json")
    Q_INTERFACES(FinChat::BotPlugin)

public:
    void start(FinChat::BotContext *context) override { m_context = context; }

    void handleCommand(const FinChat::BotRequest &request) override
    {
        if (request.command == QLatin1StringView("boom"))
            throw std::runtime_error("boom");
        if (request.command == QLatin1StringView("twice")) {
            m_context->reply(request.id, QStringLiteral("first"));
            m_context->reply(request.id, QStringLiteral("second"));
        } else if (request.command == QLatin1StringView("refuse")) {
            m_context->fail(request.id, QStringLiteral("refused on purpose"));
        } else if (request.command == QLatin1StringView("threaded")) {
            // Joined at once: the call is made from the other thread, and returns there.
            std::thread([this, id = request.id] {
                m_context->reply(id, QStringLiteral("from a thread"));
            }).join();
        } else if (request.command == QLatin1StringView("bigdata")) {
            const QJsonObject data{{QStringLiteral("blob"), QString(1 << 20, u'x')}};
            m_context->reply(request.id, QStringLiteral("big"), data);
        } else if (request.command == QLatin1StringView("later")) {
            QTimer::singleShot(50, this, [this, id = request.id] {
                m_context->reply(id, QStringLiteral("done"));
            });
        }
    }

private:
    FinChat::BotContext *m_context = nullptr;
};

#include "testbot.moc"

#include "finchat/botplugin.h"

#include <QObject>

// A bot whose only command kills its process with a segmentation fault: in the server's
// process it would take everyone down; in finchat-botrunner's it must take only the runner.
class CrashBot : public QObject, public FinChat::BotPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "crashbot.json")
    Q_INTERFACES(FinChat::BotPlugin)

public:
    void start(FinChat::BotContext *) override {}
    void handleCommand(const FinChat::BotRequest &) override
    {
        volatile int *nowhere = nullptr;
        *nowhere = 42; // on purpose
    }
};

#include "crashbot.moc"

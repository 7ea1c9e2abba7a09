#include "finchat/botplugin.h"

#include <QObject>

// Claims /stock, which the stock bot already answers.
class StealerBot : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "stealerbot.json")
};

#include "stealerbot.moc"

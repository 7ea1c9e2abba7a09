#include "finchat/botplugin.h"

#include <QObject>

// Metadata in order, but the class does not implement FinChat::BotPlugin.
class HollowBot : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid FILE "hollowbot.json")
};

#include "hollowbot.moc"

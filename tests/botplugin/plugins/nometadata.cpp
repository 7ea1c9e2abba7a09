#include "finchat/botplugin.h"

#include <QObject>

// The right interface, but no JSON file naming the bot and its commands.
class NoMetadata : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FinChatBotPlugin_iid)
};

#include "nometadata.moc"

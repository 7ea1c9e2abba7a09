#include <QObject>
#include <QtPlugin>

// A bot built for a later, incompatible version of the bot interface.
class FutureIid : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.finchat.BotPlugin/2" FILE "testbot.json")
};

#include "futureiid.moc"

#include <QObject>
#include <QtPlugin>

// A Qt plugin, but for some other application's interface.
class WrongIid : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.ImageFilter/1" FILE "testbot.json")
};

#include "wrongiid.moc"

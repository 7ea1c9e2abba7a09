#include "core/chatclient.h"
#include "core/errortext.h"
#include "ui/connectdialog.h"
#include "ui/languages.h"
#include "ui/localserver.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace FinChat;
using namespace FinChat::Ui;
using namespace Qt::StringLiterals;

namespace {
const QStringList Languages_{u"es"_s, u"pt_BR"_s, u"de"_s};

struct Entry
{
    QString context;
    QString source;
    QString translation;
    QString type;
};

QList<Entry> entriesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1)
            context = xml.readElementText();
        else if (xml.name() == "source"_L1)
            entry = {context, xml.readElementText(), {}, {}};
        else if (xml.name() == "translation"_L1) {
            entry.type = xml.attributes().value("type"_L1).toString();
            // Plurals (%n) keep one <numerusform> per form inside the translation.
            entry.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries.append(entry);
        }
    }
    return entries;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%\\d"_s);
    QStringList found;
    for (auto match = marker.globalMatch(text); match.hasNext();)
        found.append(match.next().captured());
    found.sort();
    return found;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyEntryIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : Languages_)
            QTest::newRow(qPrintable(language)) << language;
    }
    void everyEntryIsTranslated()
    {
        QFETCH(QString, language);
        // Run lupdate on a copy against today's sources, so a string added to the code but
        // not to the .ts file counts as missing.
        QTemporaryDir scratch;
        const QString copy = scratch.filePath(u"finchat_%1.ts"_s.arg(language));
        QVERIFY(QFile::copy(QStringLiteral(FINCHAT_SOURCE_DIR "/translations/finchat_") + language +
                                u".ts"_s,
                            copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(FINCHAT_LUPDATE),
                      QString::fromUtf8(FINCHAT_TRANSLATED_SOURCES).split(u'|') +
                          QStringList{u"-I"_s, QStringLiteral(FINCHAT_SOURCE_DIR "/app"),
                                      u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"-ts"_s,
                                      copy});
        QVERIFY(lupdate.waitForFinished(60'000));
        QCOMPARE(lupdate.exitCode(), 0);

        const QList<Entry> entries = entriesOf(copy);
        QVERIFY(entries.size() >= 60);
        for (const Entry &entry : entries) {
            const QString where = entry.context + u": "_s + entry.source;
            QVERIFY2(entry.type.isEmpty(), qPrintable(u"%1 (%2)"_s.arg(where, entry.type)));
            QVERIFY2(!entry.translation.isEmpty(), qPrintable(where));
            QVERIFY2(placeholders(entry.translation) == placeholders(entry.source),
                     qPrintable(where));
        }
    }

    void spanishConnectDialog()
    {
        QVERIFY(Languages::install(u"es"_s).startsWith(u"es"_s));
        QTemporaryDir folder;
        QSettings settings(folder.filePath(u"s.ini"_s), QSettings::IniFormat);
        Client::ChatClient client;
        LocalServer local;
        ConnectDialog dialog(client, local, settings);
        QCOMPARE(dialog.windowTitle(), u"Conectarse a FinChat"_s);
        QCOMPARE(dialog.logInButton()->text(), u"Iniciar sesión"_s);
        QCOMPARE(dialog.createAccountButton()->text(), u"Crear cuenta"_s);
        QCOMPARE(dialog.hostLocallyBox()->text(), u"Alojar un servidor en este equipo"_s);
        QCOMPARE(Client::ErrorText::describe(Protocol::ErrorCode::BadCredentials),
                 u"Usuario o contraseña incorrectos."_s);

        QVERIFY(Languages::install(u"de"_s).startsWith(u"de"_s));
        QCOMPARE(Client::ErrorText::describe(Protocol::ErrorCode::UsernameTaken),
                 u"Dieser Name ist bereits vergeben."_s);
        QCOMPARE(Languages::install(u"en"_s), u"en"_s);
        QCOMPARE(Client::ErrorText::describe(Protocol::ErrorCode::UsernameTaken),
                 u"That name is taken."_s);
    }

    // The chosen language also sets how numbers, prices and times are written: a German
    // desk reads 1.234,50 and 14:05, an American one 1,234.50 and 2:05 PM.
    void languageSetsNumbersAndTimes()
    {
        const QTime time(14, 5);
        QVERIFY(Languages::install(u"de"_s).startsWith(u"de"_s));
        QCOMPARE(QLocale().toString(1234.5, 'f', 2), u"1.234,50"_s);
        QCOMPARE(QLocale().toString(time, QLocale::ShortFormat), u"14:05"_s);
        QVERIFY(Languages::install(u"pt_BR"_s).startsWith(u"pt"_s));
        QCOMPARE(QLocale().toString(1234.5, 'f', 2), u"1.234,50"_s);
        QCOMPARE(Languages::install(u"en"_s), u"en"_s);
        QCOMPARE(QLocale().toString(1234.5, 'f', 2), u"1,234.50"_s);
        QVERIFY(QLocale().toString(time, QLocale::ShortFormat).contains(u"PM"_s));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

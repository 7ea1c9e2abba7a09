#include "finchat/validation.h"

#include <QTest>

using namespace FinChat::Validation;
using namespace Qt::StringLiterals;

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void usernames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::newRow("plain") << u"alice"_s << u"alice"_s;
        QTest::newRow("lower-cased") << u"Alice.Smith"_s << u"alice.smith"_s;
        QTest::newRow("digits and marks") << u"trader_42-x"_s << u"trader_42-x"_s;
        QTest::newRow("three is the minimum") << u"abc"_s << u"abc"_s;
        QTest::newRow("too short") << u"ab"_s << QString();
        QTest::newRow("32 is the maximum") << QString(32, u'a') << QString(32, u'a');
        QTest::newRow("too long") << QString(33, u'a') << QString();
        QTest::newRow("space") << u"al ice"_s << QString();
        QTest::newRow("leading dot") << u".alice"_s << QString();
        QTest::newRow("non-ascii") << u"jos\u00e9"_s << QString();
        QTest::newRow("slash") << u"a/b/c"_s << QString();
        QTest::newRow("trailing newline") << u"alice\n"_s << QString();
    }
    void usernames()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normalizedUsername(input).value_or(QString()), expected);
    }

    void passwords()
    {
        QVERIFY(!isValidPassword(u"short"_s));
        QVERIFY(!isValidPassword(QString(PasswordMinLength - 1, u'x')));
        QVERIFY(isValidPassword(QString(PasswordMinLength, u'x')));
        QVERIFY(isValidPassword(QString(PasswordMaxLength, u'x')));
        QVERIFY(!isValidPassword(QString(PasswordMaxLength + 1, u'x')));
        // Counted in code points: four emoji are four characters, eight are enough.
        QVERIFY(!isValidPassword(u"\U0001F4C8\U0001F4C9\U0001F4B0\U0001F680"_s));
        QVERIFY(isValidPassword(u"\U0001F4C8\U0001F4C9\U0001F4B0\U0001F680"_s.repeated(2)));
        QVERIFY(isValidPassword(u"\U0001F4C8"_s.repeated(PasswordMaxLength)));
    }

    void displayNames()
    {
        QCOMPARE(normalizedDisplayName(u"  Alice Smith "_s).value_or(QString()), u"Alice Smith"_s);
        QVERIFY(!normalizedDisplayName(u"   "_s));
        QVERIFY(!normalizedDisplayName(u"two\nlines"_s));
        QVERIFY(normalizedDisplayName(QString(64, u'x')));
        QVERIFY(!normalizedDisplayName(QString(65, u'x')));
        // Limits count code points: 64 emoji are 128 UTF-16 units and still fit.
        QString emoji;
        for (int i = 0; i < 64; ++i)
            emoji += u"\U0001F4C8"_s;
        QVERIFY(normalizedDisplayName(emoji));
    }

    void roomNames()
    {
        QCOMPARE(normalizedRoomName(u"Crypto"_s).value_or(QString()), u"crypto"_s);
        QCOMPARE(normalizedRoomName(u"us-equities_2"_s).value_or(QString()), u"us-equities_2"_s);
        QVERIFY(!normalizedRoomName(u"a"_s));
        QVERIFY(!normalizedRoomName(u"with space"_s));
        QVERIFY(!normalizedRoomName(u"-lead"_s));
        QVERIFY(!normalizedRoomName(QString(33, u'r')));
    }

    void codePoints()
    {
        QCOMPARE(codePointCount(u"abc"_s), 3);
        QCOMPARE(codePointCount(u"\U0001F4C8x"_s), 2);
        QCOMPARE(codePointCount(QString()), 0);
    }

    void commands_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("isCommand");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("argument");
        QTest::newRow("with argument") << u"/stock=aapl.us"_s << true << u"stock"_s << u"aapl.us"_s;
        QTest::newRow("bare") << u"/help"_s << true << u"help"_s << QString();
        QTest::newRow("name lower-cased")
            << u"/STOCK=AAPL.US"_s << true << u"stock"_s << u"AAPL.US"_s;
        QTest::newRow("argument kept whole")
            << u"/echo=a=b c\nd"_s << true << u"echo"_s << u"a=b c\nd"_s;
        QTest::newRow("empty argument") << u"/stock="_s << true << u"stock"_s << QString();
        QTest::newRow("path is a message")
            << u"/usr/bin is full"_s << false << QString() << QString();
        QTest::newRow("space after slash") << u"/ shrug"_s << false << QString() << QString();
        QTest::newRow("text after name") << u"/help me"_s << false << QString() << QString();
        QTest::newRow("not at start") << u"see /help"_s << false << QString() << QString();
        QTest::newRow("digit first") << u"/1abc"_s << false << QString() << QString();
    }
    void commands()
    {
        QFETCH(QString, body);
        QFETCH(bool, isCommand);
        QFETCH(QString, name);
        QFETCH(QString, argument);
        const auto parsed = parseCommand(body);
        QCOMPARE(parsed.has_value(), isCommand);
        if (parsed) {
            QCOMPARE(parsed->name, name);
            QCOMPARE(parsed->argument, argument);
        }
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"

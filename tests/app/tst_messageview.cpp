#include "core/chatmessage.h"
#include "core/messagemodel.h"
#include "ui/messagedelegate.h"
#include "ui/tones.h"

#include <QJsonArray>
#include <QListView>
#include <QTest>

using namespace FinChat::Client;
using namespace FinChat::Ui;
using namespace Qt::StringLiterals;

namespace {
QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return palette;
}

// As qt6ct's and KDE's Breeze Dark palettes have it.
QPalette darkPalette()
{
    QPalette palette(QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return palette;
}

ChatMessage message(ChatMessage::Kind kind, const QString &user, const QString &body)
{
    ChatMessage line;
    line.kind = kind;
    line.user = user;
    line.displayName = user;
    line.body = body;
    line.room = u"general"_s;
    line.timestamp = QDateTime(QDate(2026, 11, 20), QTime(15, 26), Qt::UTC).toMSecsSinceEpoch();
    return line;
}

// One of each kind of line a conversation shows, in a view as wide as a small window's.
struct Conversation
{
    MessageModel model{u"alice"_s};
    QListView view;

    explicit Conversation(const QPalette &palette)
    {
        ChatMessage own = message(ChatMessage::Kind::Message, u"alice"_s, u"AAPL into the close"_s);
        own.id = 1;
        ChatMessage other = message(ChatMessage::Kind::Message, u"bob"_s, u"agreed"_s);
        other.id = 2;
        ChatMessage bot =
            message(ChatMessage::Kind::Bot, u"stockbot"_s, u"AAPL.US quote is $93.42 per share"_s);
        bot.data =
            QJsonObject{{u"quotes"_s, QJsonArray{QJsonObject{{u"symbol"_s, u"AAPL.US"_s},
                                                             {u"close"_s, 93.42},
                                                             {u"low"_s, 92.1},
                                                             {u"high"_s, 94.0},
                                                             {u"date"_s, u"2026-11-20"_s}}}}};
        ChatMessage command = message(ChatMessage::Kind::Command, u"bob"_s, u"/stock=aapl.us"_s);
        ChatMessage notice = ChatMessage::notice(u"general"_s, u"Only you can see this"_s);
        for (const ChatMessage &line : {own, other, command, bot, notice})
            model.append(line);
        view.setPalette(palette);
        view.setItemDelegate(new MessageDelegate(&view));
        view.setModel(&model);
        view.resize(400, 700);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    }

    // The colour a row's bubble is painted in, just inside its left edge (no text there).
    QColor bubbleAt(const QImage &image, int row) const
    {
        const QRect rect = view.visualRect(model.index(row));
        return image.pixelColor(rect.left() + 9, rect.center().y());
    }
};

constexpr double ReadableContrast = 4.5; // WCAG AA for normal text
} // namespace

// The conversation's colours, as painted, in a light and in a dark theme.
class TestMessageView : public QObject
{
    Q_OBJECT

private slots:
    void everyBubbleIsReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }

    // A dark theme gives light text; the bubbles under it must then be dark, not the light
    // tints a light theme uses.
    void everyBubbleIsReadable()
    {
        QFETCH(QPalette, palette);
        Conversation conversation(palette);
        const QImage image = conversation.view.viewport()->grab().toImage();
        const QColor text = palette.color(QPalette::Text);
        for (int row = 0; row < conversation.model.rowCount(); ++row) {
            const QColor bubble = conversation.bubbleAt(image, row);
            QVERIFY2(Tones::contrast(bubble, text) >= ReadableContrast,
                     qPrintable(u"row %1: text %2 on bubble %3"_s.arg(row).arg(text.name(),
                                                                               bubble.name())));
        }
        // The quote card in the bot's bubble (row 3): its symbol and price are in the text
        // colour too. Sampled in the card's left padding, halfway down.
        const QRect botRow = conversation.view.visualRect(conversation.model.index(3));
        const QColor card =
            image.pixelColor(botRow.left() + 6 + 8 + 3, botRow.bottom() - 6 - 8 - 32);
        QCOMPARE(card, Tones(palette).card()); // the sample is in the card, not beside it
        QVERIFY2(Tones::contrast(card, text) >= ReadableContrast,
                 qPrintable(u"quote card %1 under text %2"_s.arg(card.name(), text.name())));
    }

    void quieterTextStaysReadable_data() { everyBubbleIsReadable_data(); }

    // Headers, times, refusals and the card's range line are quieter than the text, but
    // still readable on every bubble they are drawn on.
    void quieterTextStaysReadable()
    {
        QFETCH(QPalette, palette);
        const Tones tones(palette);
        for (const Tones::Bubble kind :
             {Tones::Bubble::Plain, Tones::Bubble::Own, Tones::Bubble::Bot, Tones::Bubble::Aside}) {
            const QColor bubble = tones.bubble(kind);
            for (const QColor &ink : {tones.text(), tones.muted(), tones.error()})
                QVERIFY2(Tones::contrast(bubble, ink) >= ReadableContrast,
                         qPrintable(u"%1 on %2"_s.arg(ink.name(), bubble.name())));
        }
        QVERIFY(Tones::contrast(tones.card(), tones.muted()) >= ReadableContrast);
        QVERIFY(Tones::contrast(tones.card(), tones.text()) >= ReadableContrast);
        QVERIFY(Tones::contrast(palette.color(QPalette::Base), tones.online()) >= ReadableContrast);
        QVERIFY(tones.bubble(Tones::Bubble::Own) != tones.bubble(Tones::Bubble::Plain));
        QVERIFY(tones.bubble(Tones::Bubble::Bot) != tones.bubble(Tones::Bubble::Plain));
    }
};

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"

#include "core/chatmessage.h"
#include "core/highlighter.h"
#include "core/messagemodel.h"
#include "core/roomlistmodel.h"
#include "core/tickers.h"
#include "pointing.h"
#include "ui/listdelegates.h"
#include "ui/messagedelegate.h"
#include "ui/messagepointer.h"
#include "ui/quotecards.h"
#include "ui/tones.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QListView>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace FinChat;
using namespace FinChat::Client;
using namespace FinChat::Ui;
using namespace FinChat::Testing;
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

// A stored message from `user`, written at `when` (local time).
ChatMessage said(const QString &user, const QString &body, const QDateTime &when)
{
    static qint64 nextId = 1;
    ChatMessage line;
    line.id = nextId++;
    line.user = user;
    line.displayName = user;
    line.body = body;
    line.room = u"general"_s;
    line.timestamp = when.toMSecsSinceEpoch();
    return line;
}

const QDateTime Morning(QDate(2026, 11, 20), QTime(9, 30));

QList<bool> roleOfEachRow(const MessageModel &model, int role)
{
    QList<bool> values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row).data(role).toBool());
    return values;
}

// A view showing `model` through the delegate, `width` pixels wide.
std::unique_ptr<QListView> viewOf(MessageModel &model, int width,
                                  const QPalette &palette = lightPalette())
{
    auto view = std::make_unique<QListView>();
    view->setPalette(palette);
    view->setItemDelegate(new MessageDelegate(view.get()));
    view->setModel(&model);
    view->resize(width, 700);
    view->show();
    Q_UNUSED(QTest::qWaitForWindowExposed(view.get())); // offscreen: shown at once anyway
    return view;
}

int rowHeight(const QListView &view, int row)
{
    return view.visualRect(view.model()->index(row, 0)).height();
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

    // The colour a row's bubble is painted in, just inside its bottom left corner (no text).
    QColor bubbleAt(const QImage &image, int row) const
    {
        const QRect rect = view.visualRect(model.index(row));
        return image.pixelColor(rect.left() + 9, rect.bottom() - 9);
    }
};

constexpr double ReadableContrast = 4.5; // WCAG AA for normal text

// A stock bot's reply for `symbol` closing at 229.87, `change` since the previous close.
ChatMessage quoteReply(const QString &symbol, double change)
{
    ChatMessage bot = message(ChatMessage::Kind::Bot, u"stockbot"_s,
                              u"%1 quote is $229.87 per share"_s.arg(symbol));
    QJsonArray closes;
    for (int day = 0; day < 22; ++day)
        closes.append(229.87 - change * (22 - day) / 3.0);
    bot.data = QJsonObject{
        {u"quotes"_s, QJsonArray{QJsonObject{{u"symbol"_s, symbol},
                                             {u"close"_s, 229.87},
                                             {u"low"_s, 226.9},
                                             {u"high"_s, 230.75},
                                             {u"date"_s, u"2026-11-20"_s},
                                             {u"quotedAt"_s, qint64(1763672409000)},
                                             {u"previousClose"_s, 229.87 - change},
                                             {u"change"_s, change},
                                             {u"changePercent"_s, change / (229.87 - change) * 100},
                                             {u"closes"_s, closes}}}}};
    return bot;
}

ChatMessage chartReply(double change)
{
    ChatMessage bot = message(ChatMessage::Kind::Bot, u"stockbot"_s, u"AAPL.US, 3 months"_s);
    QJsonArray closes;
    QJsonArray dates;
    for (int day = 0; day < 63; ++day) {
        closes.append(200 + change * day / 62.0 + (day % 5) * 1.5);
        dates.append(QDate(2026, 8, 19).addDays(day * 7 / 5).toString(Qt::ISODate));
    }
    bot.data = QJsonObject{{u"chart"_s, QJsonObject{{u"symbol"_s, u"AAPL.US"_s},
                                                    {u"period"_s, u"3m"_s},
                                                    {u"dates"_s, dates},
                                                    {u"closes"_s, closes},
                                                    {u"change"_s, change},
                                                    {u"changePercent"_s, change / 2.0}}}};
    return bot;
}

// How many pixels of `rect` in `image` are (nearly) `colour`: anti-aliasing blends edges,
// but glyph stems and lines keep the colour itself.
int pixelsNear(const QImage &image, const QRect &rect, const QColor &colour)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) < 40 &&
                std::abs(pixel.green() - colour.green()) < 40 &&
                std::abs(pixel.blue() - colour.blue()) < 40)
                ++count;
        }
    }
    return count;
}
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

    // Consecutive messages of one author within five minutes are one run: one header.
    void aRunOfOneAuthorShowsItsHeaderOnce()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"alice"_s, u"CPI out"_s, Morning));
        model.append(said(u"alice"_s, u"hot"_s, Morning.addSecs(60)));
        model.append(said(u"bob"_s, u"yields up"_s, Morning.addSecs(120)));
        model.append(said(u"bob"_s, u"again"_s, Morning.addSecs(120 + 20 * 60))); // a pause
        QCOMPARE(roleOfEachRow(model, MessageModel::ContinuesRole),
                 (QList<bool>{false, true, false, false}));
        const auto view = viewOf(model, 600);
        QVERIFY(rowHeight(*view, 1) < rowHeight(*view, 2)); // no header: shorter
        QCOMPARE(rowHeight(*view, 2), rowHeight(*view, 3));
        // The time a run hides is in every message's tooltip, with its day.
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(u"2026"_s));
    }

    // Where a day starts, a heading; a run does not continue across midnight.
    void aNewDayGetsItsHeading()
    {
        MessageModel model(u"alice"_s);
        const QDateTime lateNight(QDate(2026, 11, 19), QTime(23, 59));
        model.append(said(u"bob"_s, u"futures quiet"_s, lateNight));
        model.append(said(u"bob"_s, u"Asia opens"_s, lateNight.addSecs(120)));
        model.append(said(u"bob"_s, u"Nikkei up"_s, lateNight.addSecs(180)));
        QCOMPARE(roleOfEachRow(model, MessageModel::StartsDayRole),
                 (QList<bool>{true, true, false}));
        QCOMPARE(roleOfEachRow(model, MessageModel::ContinuesRole),
                 (QList<bool>{false, false, true}));
        const auto view = viewOf(model, 600);
        QVERIFY(rowHeight(*view, 1) > rowHeight(*view, 2) + 20);
        QCOMPARE(MessageDelegate::dayHeading(QDate::currentDate()), u"Today"_s);
        QCOMPARE(MessageDelegate::dayHeading(QDate::currentDate().addDays(-1)), u"Yesterday"_s);
        QVERIFY(MessageDelegate::dayHeading(QDate(2026, 11, 19)).contains(u"2026"_s));
    }

    // The "new messages" line goes above the first message from others the reader missed.
    void theNewMessagesLineMarksTheFirstUnread()
    {
        MessageModel model(u"alice"_s);
        for (int minute = 0; minute < 4; ++minute)
            model.append(said(u"bob"_s, u"m%1"_s.arg(minute), Morning.addSecs(minute * 60)));
        model.append(said(u"alice"_s, u"mine"_s, Morning.addSecs(300)));
        QCOMPARE(roleOfEachRow(model, MessageModel::FirstUnreadRole),
                 (QList<bool>{false, false, false, false, false}));
        const auto view = viewOf(model, 600);
        const int before = rowHeight(*view, 2);
        model.markUnread(2); // m2 and m3; one's own message does not count
        QCOMPARE(roleOfEachRow(model, MessageModel::FirstUnreadRole),
                 (QList<bool>{false, false, true, false, false}));
        QVERIFY(!model.index(2).data(MessageModel::ContinuesRole).toBool()); // starts a run
        QTRY_VERIFY(rowHeight(*view, 2) > before);
        model.clearUnreadMark();
        QCOMPARE(roleOfEachRow(model, MessageModel::FirstUnreadRole),
                 (QList<bool>{false, false, false, false, false}));
    }

    // On a wide screen a bubble stops growing, so lines stay short enough to read.
    void bubblesStopGrowingOnAWideWindow()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"alice"_s, QString(400, u'x').replace(u"xxxxx"_s, u"word "_s), Morning));
        const auto view = viewOf(model, 1900);
        const QImage image = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(model.index(0));
        const QColor base = lightPalette().color(QPalette::Base);
        const int y = row.bottom() - 9;
        QVERIFY(image.pixelColor(row.left() + 100, y) != base); // in the bubble
        QCOMPARE(image.pixelColor(row.left() + 1000, y), base); // beyond it
    }

    // Right-to-left text starts at the right edge of its bubble.
    void rightToLeftTextIsRightAligned()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"bob"_s, u"\u05e9\u05dc\u05d5\u05dd"_s, Morning)); // "shalom"
        model.append(said(u"carol"_s, u"hello"_s, Morning.addSecs(600)));
        const auto view = viewOf(model, 600);
        const QImage image = view->viewport()->grab().toImage();
        const auto inkSpan = [&](int row) {
            // The body is the last line of text above the bubble's bottom padding.
            const QRect rect = view->visualRect(model.index(row));
            const QColor bubble = image.pixelColor(rect.left() + 9, rect.bottom() - 9);
            int first = -1, last = -1;
            for (int y = rect.bottom() - 30; y < rect.bottom() - 12; ++y)
                for (int x = rect.left() + 12; x < rect.right() - 12; ++x)
                    if (image.pixelColor(x, y) != bubble) {
                        first = first < 0 ? x : std::min(first, x);
                        last = std::max(last, x);
                    }
            return std::pair{first, last};
        };
        const auto [hebrewFirst, hebrewLast] = inkSpan(0);
        const auto [latinFirst, latinLast] = inkSpan(1);
        QVERIFY(latinFirst >= 0 && hebrewFirst >= 0);
        QVERIFY2(hebrewFirst > 300, qPrintable(QString::number(hebrewFirst)));
        QVERIFY(latinLast < 300);
    }

    // A screen reader hears who wrote a message and when, not only its words.
    void aScreenReaderHearsAuthorTimeAndText()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"bob"_s, u"NVDA earnings after the bell"_s, Morning));
        const QString spoken = model.index(0).data(Qt::AccessibleTextRole).toString();
        QVERIFY(spoken.startsWith(u"bob"_s));
        QVERIFY(spoken.contains(u"NVDA earnings after the bell"_s));
        QVERIFY(spoken.contains(QLocale().toString(Morning.time(), QLocale::ShortFormat)));
    }

    // A room one has not joined is marked briefly, so its name fits the room list in any
    // language; how to join is in its tooltip.
    void aRoomNotJoinedFitsTheList()
    {
        RoomListModel rooms;
        Protocol::RoomListing joined{{u"macro"_s, u"Rates and FX"_s}, 3, 1, true};
        Protocol::RoomListing other{{u"macro-eu"_s, u"Rates and FX"_s}, 3, 1, false};
        rooms.reset({joined, other});
        QListView list;
        RoomDelegate delegate;
        QStyleOptionViewItem option;
        option.initFrom(&list);
        const int joinedWidth = delegate.sizeHint(option, rooms.index(0)).width();
        const int otherWidth = delegate.sizeHint(option, rooms.index(1)).width();
        QVERIFY2(otherWidth < joinedWidth + 40,
                 qPrintable(u"%1 vs %2"_s.arg(otherWidth).arg(joinedWidth)));
        QVERIFY(rooms.index(1).data(Qt::ToolTipRole).toString().contains(u"join"_s));
        QVERIFY(rooms.index(1).data(Qt::ToolTipRole).toString().contains(u"Rates and FX"_s));
    }

    // A message naming the reader or a word they watch stands out; one's own never does.
    void highlightedMessagesStandOut()
    {
        Highlighter highlighter;
        highlighter.setUsername(u"alice"_s);
        highlighter.setWords({u"AAPL"_s, u" earnings "_s, u""_s});
        MessageModel model(u"alice"_s, &highlighter);
        const QStringList bodies{u"AAPL breaking out"_s, u"$aapl to the moon"_s,
                                 u"pineapple"_s,         u"malice aforethought"_s,
                                 u"@alice look"_s,       u"/stock=aapl.us"_s,
                                 u"Earnings call"_s,     u"AAPLX is a fund"_s,
                                 u"mail x@alice.com"_s,  u"foo$AAPL"_s};
        for (const QString &body : bodies)
            model.append(said(u"bob"_s, body, Morning.addSecs(600 * model.rowCount())));
        model.append(said(u"alice"_s, u"AAPL"_s, Morning.addSecs(10'000)));
        QCOMPARE(
            roleOfEachRow(model, MessageModel::HighlightRole),
            (QList<bool>{true, true, false, false, true, true, true, false, false, false, false}));

        const auto view = viewOf(model, 600);
        const QImage image = view->viewport()->grab().toImage();
        const auto bubbleAt = [&](int row) {
            const QRect rect = view->visualRect(model.index(row));
            return image.pixelColor(rect.left() + 9, rect.bottom() - 9);
        };
        QVERIFY(bubbleAt(0) != bubbleAt(2));
        QCOMPARE(bubbleAt(0).rgb(), Tones(lightPalette()).bubble(Tones::Bubble::Mention).rgb());
    }

    void quieterTextStaysReadable_data() { everyBubbleIsReadable_data(); }

    // Headers, times, refusals and the card's range line are quieter than the text, but
    // still readable on every bubble they are drawn on.
    void quieterTextStaysReadable()
    {
        QFETCH(QPalette, palette);
        const Tones tones(palette);
        for (const Tones::Bubble kind :
             {Tones::Bubble::Plain, Tones::Bubble::Own, Tones::Bubble::Bot, Tones::Bubble::Aside,
              Tones::Bubble::Mention}) {
            const QColor bubble = tones.bubble(kind);
            for (const QColor &ink : {tones.text(), tones.muted(), tones.error()})
                QVERIFY2(Tones::contrast(bubble, ink) >= ReadableContrast,
                         qPrintable(u"%1 on %2"_s.arg(ink.name(), bubble.name())));
        }
        QVERIFY(Tones::contrast(tones.card(), tones.muted()) >= ReadableContrast);
        QVERIFY(Tones::contrast(tones.card(), tones.text()) >= ReadableContrast);
        QVERIFY(Tones::contrast(palette.color(QPalette::Base), tones.online()) >= ReadableContrast);
        QVERIFY(Tones::contrast(tones.card(), tones.rise()) >= ReadableContrast);
        QVERIFY(Tones::contrast(tones.chip(), tones.text()) >= ReadableContrast);
        QVERIFY(tones.chip() != tones.bubble(Tones::Bubble::Own)); // a chip shows on one's own
        QVERIFY(Tones::contrast(tones.card(), tones.fall()) >= ReadableContrast);
        QVERIFY(tones.bubble(Tones::Bubble::Own) != tones.bubble(Tones::Bubble::Plain));
        QVERIFY(tones.bubble(Tones::Bubble::Bot) != tones.bubble(Tones::Bubble::Plain));
    }

    void aQuoteCardShowsTheChangeSinceThePreviousClose_data() { everyBubbleIsReadable_data(); }

    // Up is drawn in the rising colour and down in the falling one, in either theme, with the
    // month's line beside it; a quote without a previous close has neither.
    void aQuoteCardShowsTheChangeSinceThePreviousClose()
    {
        QFETCH(QPalette, palette);
        const Tones tones(palette);
        MessageModel model(u"alice"_s);
        model.append(quoteReply(u"AAPL.US"_s, 1.77));
        model.append(quoteReply(u"MSFT.US"_s, -3.2));
        ChatMessage plain = quoteReply(u"IBM.US"_s, 0);
        plain.data = QJsonObject{{u"quotes"_s, QJsonArray{QJsonObject{{u"symbol"_s, u"IBM.US"_s},
                                                                      {u"close"_s, 229.87},
                                                                      {u"low"_s, 226.9},
                                                                      {u"high"_s, 230.75}}}}};
        model.append(plain);
        const auto view = viewOf(model, 600, palette);
        const QImage image = view->viewport()->grab().toImage();
        const auto rowRect = [&](int row) {
            return view->visualRect(model.index(row));
        };

        QVERIFY2(pixelsNear(image, rowRect(0), tones.rise()) > 20,
                 qPrintable(QString::number(pixelsNear(image, rowRect(0), tones.rise()))));
        QCOMPARE(pixelsNear(image, rowRect(0), tones.fall()), 0);
        QVERIFY(pixelsNear(image, rowRect(1), tones.fall()) > 20);
        QCOMPARE(pixelsNear(image, rowRect(1), tones.rise()), 0);
        QCOMPARE(pixelsNear(image, rowRect(2), tones.rise()), 0);
        QCOMPARE(pixelsNear(image, rowRect(2), tones.fall()), 0);
        // The change takes a row of its own.
        QVERIFY(rowHeight(*view, 0) > rowHeight(*view, 2));
    }

    // The change reads without colour too: an arrow and a sign, in the reader's format.
    void theChangeReadsWithoutColour()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(QuoteCards::changeText(1.77, 0.78, english), u"▲ +1.77 (+0.78%)"_s);
        QCOMPARE(QuoteCards::changeText(-3.2, -1.37, english), u"▼ -3.20 (-1.37%)"_s);
        QCOMPARE(QuoteCards::changeText(0, 0, english), u"0.00 (0.00%)"_s);
        QCOMPARE(QuoteCards::changeText(1234.5, 12, QLocale(QLocale::German, QLocale::Germany)),
                 u"▲ +1.234,50 (+12,00%)"_s);
    }

    // /chart's answer is drawn as a line in the card, coloured by the period's direction.
    void aChartReplyIsDrawn()
    {
        const Tones tones(lightPalette());
        MessageModel model(u"alice"_s);
        model.append(chartReply(27.5));
        model.append(chartReply(-12));
        ChatMessage words = chartReply(0);
        words.data = {};
        model.append(words);
        const auto view = viewOf(model, 700);
        const QImage image = view->viewport()->grab().toImage();
        const auto rowRect = [&](int row) {
            return view->visualRect(model.index(row));
        };
        QVERIFY(rowHeight(*view, 0) > rowHeight(*view, 2) + 100);
        QVERIFY2(pixelsNear(image, rowRect(0), tones.rise()) > 100,
                 qPrintable(QString::number(pixelsNear(image, rowRect(0), tones.rise()))));
        QCOMPARE(pixelsNear(image, rowRect(0), tones.fall()), 0);
        QVERIFY(pixelsNear(image, rowRect(1), tones.fall()) > 100);

        // A bot that sends junk for a series gets no chart, and no crash.
        ChatMessage junk = chartReply(1);
        junk.data = QJsonObject{{u"chart"_s, QJsonObject{{u"closes"_s, QJsonArray{1, u"x"_s, 3}}}}};
        model.append(junk);
        QCOMPARE(rowHeight(*view, 3), rowHeight(*view, 2));
        // Nor for a span no screen can show, or a quote without a price; and a flood of
        // quotes gets a bounded number of cards.
        ChatMessage huge = chartReply(1);
        huge.data = QJsonObject{{u"chart"_s, QJsonObject{{u"closes"_s, QJsonArray{1e308, -1e308}},
                                                         {u"change"_s, 1},
                                                         {u"changePercent"_s, 1}}}};
        model.append(huge);
        ChatMessage flood = chartReply(1);
        QJsonArray quotes;
        for (int i = 0; i < 5000; ++i)
            quotes.append(
                QJsonObject{{u"symbol"_s, u"X"_s}, {u"close"_s, 1}, {u"low"_s, 1}, {u"high"_s, 1}});
        quotes.append(QJsonObject{});
        flood.data = QJsonObject{{u"quotes"_s, quotes}};
        model.append(flood);
        ChatMessage empty = chartReply(1);
        empty.data = QJsonObject{
            {u"quotes"_s, QJsonArray{QJsonObject{}, QJsonObject{{u"symbol"_s, u"X"_s}}}}};
        model.append(empty);
        QVERIFY(!view->viewport()->grab().isNull());        // paints, however tall the row
        QCOMPARE(rowHeight(*view, 6), rowHeight(*view, 2)); // no card without a price
        QVERIFY(rowHeight(*view, 5) < 12 * 80);             // ten cards at most
    }

    // A link in a message looks like a link (pointing hand) and opens with a click; the rest
    // of the text is text (I-beam), and clicking it opens nothing.
    void linksOpenWithAClick()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"bob"_s, u"chart: https://stooq.com/q/?s=nvda.us, see it"_s, Morning));
        const auto view = viewOf(model, 600);
        auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        MessagePointer pointer(view.get(), delegate);
        QSignalSpy opened(&pointer, &MessagePointer::linkActivated);
        QWidget *viewport = view->viewport();
        const QRect row = view->visualRect(model.index(0));

        const auto text = findPointer(viewport, row, Qt::IBeamCursor);
        QVERIFY(text);
        const auto link = findPointer(viewport, row, Qt::PointingHandCursor);
        QVERIFY(link);
        QVERIFY(link->x() > text->x()); // "chart: " comes first
        QTest::mouseClick(viewport, Qt::LeftButton, {}, *text);
        QCOMPARE(opened.size(), 0);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, *link);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toUrl(), QUrl(u"https://stooq.com/q/?s=nvda.us"_s));
        // A drag that ends on the link selects; it does not open.
        drag(viewport, *text, *link);
        QCOMPARE(opened.size(), 1);
    }

    // Dragging over a message's text selects it, highlighted; Ctrl+C copies what is selected.
    void textCanBeSelectedAndCopied()
    {
        const QString body = u"AAPL breaks out above its November high"_s;
        MessageModel model(u"alice"_s);
        model.append(said(u"bob"_s, body, Morning));
        model.append(said(u"carol"_s, u"agreed"_s, Morning.addSecs(600)));
        const auto view = viewOf(model, 600);
        auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        MessagePointer pointer(view.get(), delegate);
        QWidget *viewport = view->viewport();
        const QRect row = view->visualRect(model.index(0));
        const auto start = findPointer(viewport, row, Qt::IBeamCursor);
        QVERIFY(start);
        const QImage before = viewport->grab().toImage();

        // Over the first half of the line: a beginning of the text.
        drag(viewport, *start - QPoint(2, 0), *start + QPoint(60, 0));
        const QString part = delegate->selectedText();
        QVERIFY2(!part.isEmpty() && part.size() < body.size() && body.startsWith(part),
                 qPrintable(part));
        QVERIFY(viewport->grab().toImage() != before); // the selection is drawn
        QTest::keySequence(view.get(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), part);

        // Past the end, even into the next message: the whole text of the first one.
        drag(viewport, *start - QPoint(2, 0), view->visualRect(model.index(1)).center());
        QCOMPARE(delegate->selectedText(), body);
        QTest::keySequence(view.get(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), body);

        // A click elsewhere lets go of it.
        QTest::mouseClick(viewport, Qt::LeftButton, {}, row.bottomRight() - QPoint(2, 2));
        QVERIFY(delegate->selectedText().isEmpty());
    }

    // $AAPL and aapl.us are tickers; $5, a domain, a word in a link and foo$TSLA are not.
    void tickersAreRecognised()
    {
        const QString text = u"$AAPL breaking out, aapl.us too; $5 is cheap, see stooq.com or "
                             u"https://x.org/$MSFT, foo$TSLA, $brk.b and vow3.de, $VOW3.DE, "
                             u"jan@firma.pl, brk-b.us"_s;
        const auto codes = [&](const TickerRule &rule) {
            QStringList found;
            for (const TickerMention &mention : rule.find(text, linksIn(text)))
                found.append(mention.code);
            return found;
        };
        TickerRule rule;
        QCOMPARE(codes(rule), (QStringList{u"aapl.us"_s, u"aapl.us"_s, u"brk-b.us"_s, u"vow3.de"_s,
                                           u"vow3.de"_s, u"brk-b.us"_s}));
        const TickerMention first = rule.find(text, {}).first();
        QCOMPARE(text.mid(first.start, first.length), u"$AAPL"_s);

        // One's own pattern and market.
        QVERIFY(!rule.setPattern(u"(unclosed"_s));
        QVERIFY(rule.setPattern(u"#[a-z]{2,5}\\b"_s));
        rule.setMarket(u"de"_s);
        QCOMPARE(rule.find(u"#vow3 no, #sap yes"_s, {}).size(), 1);
        QCOMPARE(rule.find(u"#vow3 no, #sap yes"_s, {}).first().code, u"sap.de"_s);
    }

    // A ticker is drawn as a chip in people's messages, and resting the pointer on it asks for
    // its quote instead of the message's tooltip.
    void aTickerIsAChipThatAsksForItsQuote()
    {
        MessageModel model(u"alice"_s);
        model.append(said(u"bob"_s, u"watching $NVDA into the print"_s, Morning));
        model.append(said(u"carol"_s, u"nothing to see"_s, Morning.addSecs(600)));
        const auto view = viewOf(model, 600);
        auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        MessagePointer pointer(view.get(), delegate);
        QSignalSpy pointed(&pointer, &MessagePointer::tickerPointedAt);
        QWidget *viewport = view->viewport();
        const QImage image = viewport->grab().toImage();
        const QColor chip = Tones(lightPalette()).chip();
        // The chip's background is a solid fill: its colour exactly, which text never is.
        const auto chipPixels = [&](int row) {
            const QRect rect = view->visualRect(model.index(row));
            int count = 0;
            for (int y = rect.top(); y <= rect.bottom(); ++y) {
                for (int x = rect.left(); x <= rect.right(); ++x)
                    count += image.pixelColor(x, y).rgb() == chip.rgb() ? 1 : 0;
            }
            return count;
        };
        QVERIFY2(chipPixels(0) > 30, qPrintable(QString::number(chipPixels(0))));
        QCOMPARE(chipPixels(1), 0);

        // Over the second message's text: its own tooltip, not a quote.
        const QRect plain = view->visualRect(model.index(1));
        QHelpEvent overPlain(QEvent::ToolTip, plain.center(),
                             viewport->mapToGlobal(plain.center()));
        QCoreApplication::sendEvent(viewport, &overPlain);
        QCOMPARE(pointed.size(), 0);
        // Along the first message until the chip.
        const QRect row = view->visualRect(model.index(0));
        for (int y = row.top(); y <= row.bottom() && pointed.isEmpty(); y += 2) {
            for (int x = row.left(); x <= row.right() && pointed.isEmpty(); x += 3) {
                QHelpEvent tip(QEvent::ToolTip, {x, y}, viewport->mapToGlobal(QPoint(x, y)));
                QCoreApplication::sendEvent(viewport, &tip);
            }
        }
        QCOMPARE(pointed.size(), 1);
        QCOMPARE(pointed.first().first().toString(), u"nvda.us"_s);
        QCOMPARE(pointer.pointedTicker(), u"nvda.us"_s);
        // Moving off the chip forgets it: a quote arriving late is not shown.
        sendMouse(viewport, QEvent::MouseMove, plain.center(), Qt::NoButton, Qt::NoButton);
        QVERIFY(pointer.pointedTicker().isEmpty());
    }

    void aQuoteTipReadsLikeTheCard()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const QVariantMap quote{{u"symbol"_s, u"AAPL.US"_s}, {u"close"_s, 229.87},
                                {u"low"_s, 226.9},           {u"high"_s, 230.75},
                                {u"change"_s, 1.77},         {u"changePercent"_s, 0.78},
                                {u"date"_s, u"2026-11-20"_s}};
        const QString tip = QuoteCards::tipText(quote, u"none"_s, english);
        QVERIFY2(
            tip.startsWith(u"AAPL.US  $229.87  ▲ +1.77 (+0.78%)\nDay range $226.90 – $230.75"_s),
            qPrintable(tip));
        QCOMPARE(QuoteCards::tipText({}, u"No quote exists for X."_s, english),
                 u"No quote exists for X."_s);
        // A tooltip reads markup: what a bot says is shown as text, and not at any length.
        const QString hostile = QuoteCards::tipHtml(
            {}, u"<img src=\"file:///etc/passwd\"><b>bold</b>"_s + QString(5000, u'x'), english);
        QVERIFY2(!hostile.contains(u"<img"_s) && !hostile.contains(u"<b>"_s), qPrintable(hostile));
        QVERIFY(hostile.contains(u"&lt;img"_s));
        QVERIFY(hostile.size() < 1000);
    }
};

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"

#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace FinChat::Client {

// A web address written in a message: where it is in the text, and where it leads.
struct Link
{
    qsizetype start = 0;
    qsizetype length = 0;
    QUrl url;
};

// The http and https addresses in `text`, in order. Punctuation ending a sentence is not part
// of an address, nor is a closing bracket unless it closes one opened inside the address
// (https://en.wikipedia.org/wiki/Bond_(finance)).
QList<Link> linksIn(const QString &text);

} // namespace FinChat::Client

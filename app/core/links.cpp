#include "core/links.h"

#include <QRegularExpression>

namespace FinChat::Client {

using namespace Qt::StringLiterals;

QList<Link> linksIn(const QString &text)
{
    static const QRegularExpression link(u"\\bhttps?://[^\\s<>\"]+"_s,
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::UseUnicodePropertiesOption);
    QList<Link> links;
    for (auto match = link.globalMatch(text); match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        QString candidate = found.captured();
        while (!candidate.isEmpty()) {
            const QChar last = candidate.back();
            const bool unbalanced = last == u')' && candidate.count(u'(') < candidate.count(u')');
            if (!QStringView(u".,;:!?'\"]}").contains(last) && last != u')')
                break;
            if (last == u')' && !unbalanced)
                break;
            candidate.chop(1);
        }
        const QUrl url(candidate, QUrl::TolerantMode);
        if (url.isValid() && !url.host().isEmpty())
            links.append({found.capturedStart(), candidate.size(), url});
    }
    return links;
}

} // namespace FinChat::Client

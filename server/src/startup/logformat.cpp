#include "startup/logformat.h"

#include <QString>
#include <QtGlobal>

namespace FinChat::LogFormat {

void install()
{
    // JOURNAL_STREAM is "device:inode" of the stream journald gave the service; it is
    // inherited, so it only counts when our stderr is still that stream, which holds for a
    // service that logs as it was started to.
    const bool underJournald = qEnvironmentVariableIsSet("JOURNAL_STREAM");
    qSetMessagePattern(
        underJournald
            ? QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                             "%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}"
                             "%{category}: %{message}")
            : QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz t} "
                             "%{if-debug}debug%{endif}%{if-info}info%{endif}"
                             "%{if-warning}warning%{endif}%{if-critical}error%{endif}"
                             "%{if-fatal}fatal%{endif} %{category}: %{message}"));
}

} // namespace FinChat::LogFormat

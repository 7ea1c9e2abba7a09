#include "startup/logformat.h"

#include <QString>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace FinChat::LogFormat {

namespace {

// JOURNAL_STREAM is "device:inode" of the stream journald gave a service. It is inherited by
// everything the service starts, and by the shells of a systemd user session, so it only
// counts when our standard error is still that very stream.
bool stderrIsTheJournal()
{
#ifdef Q_OS_UNIX
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    struct stat status = {};
    if (stream.isEmpty() || ::fstat(STDERR_FILENO, &status) != 0)
        return false;
    return stream == QByteArray::number(quint64(status.st_dev)) + ':' +
                         QByteArray::number(quint64(status.st_ino));
#else
    return false;
#endif
}

} // namespace

void install()
{
    const bool underJournald = stderrIsTheJournal();
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

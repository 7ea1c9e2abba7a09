#pragma once

#include <QStringList>

class QTextStream;

namespace FinChat {

class StorageThread;

// `finchat-server invite create [USES [DAYS]] | invite list | invite revoke ID`: invite codes
// for a server that registers by invitation ([server] registration=invite). A new code goes to
// `output` (it is shown this once: only its hash is kept), what was done to `report`; the
// return value is the exit code: 0, or 1 with the reason in `report`.
int manageInvites(StorageThread &storage, const QStringList &arguments, QTextStream &output,
                  QTextStream &report);

} // namespace FinChat

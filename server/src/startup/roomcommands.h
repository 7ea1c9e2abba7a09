#pragma once

#include <QStringList>

class QTextStream;

namespace FinChat {

class StorageThread;

// `finchat-server room list | create NAME [TOPIC] | rename NAME NEW | topic NAME [TOPIC] |
// delete NAME --yes`: rooms, on the server's database while it runs or not. Each change is in
// the audit log; a running server tells the people online when it is reloaded (SIGHUP). A
// listing goes to `output`, what was done to `report`; the return value is the exit code: 0,
// or 1 with the reason in `report`.
// `confirmed`: --yes was given, which room delete needs and nothing else takes.
int manageRooms(StorageThread &storage, const QStringList &arguments, bool confirmed,
                QTextStream &output, QTextStream &report);

} // namespace FinChat

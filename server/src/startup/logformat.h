#pragma once

namespace FinChat::LogFormat {

// How log lines look on standard error. Under systemd (JOURNAL_STREAM names our stderr, not
// merely is set) a line
// starts with its syslog priority, "<4>", which journald turns into the entry's level and
// removes; journald adds the time itself. Elsewhere (a terminal, a file, a container) a line
// starts with the local time, its zone and the level: "2026-11-24 20:50:01.123 UTC warning
// finchat.server: ...". QT_MESSAGE_PATTERN, when set, still wins.
void install();

} // namespace FinChat::LogFormat

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FinChat::Client::ChatClient</name>
    <message>
        <source>You are offline; commands are not kept for later.</source>
        <translation>Du bist offline; Befehle werden nicht für später aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ChatMessage</name>
    <message>
        <source>Price alert</source>
        <translation>Kursalarm</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ErrorText</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Dieser Name ist bereits vergeben.</translation>
    </message>
    <message>
        <source>Use 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Verwende 3 bis 32 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Verwende mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Use 1 to 64 characters on one line.</source>
        <translation>Verwende 1 bis 64 Zeichen in einer Zeile.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation>Zu viele Versuche; warte einen Moment.</translation>
    </message>
    <message>
        <source>Your session has ended; please log in again.</source>
        <translation>Deine Sitzung ist abgelaufen; bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation>Der Server unter %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Die Verbindung wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>There is no such room.</source>
        <translation>Diesen Raum gibt es nicht.</translation>
    </message>
    <message>
        <source>A room with that name exists.</source>
        <translation>Ein Raum mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>Use 2 to 32 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Verwende 2 bis 32 Buchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Join the room first.</source>
        <translation>Tritt zuerst dem Raum bei.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>Die Nachricht ist zu lang.</translation>
    </message>
    <message>
        <source>There is no such command; type /help to see them.</source>
        <translation>Diesen Befehl gibt es nicht; gib /help ein, um alle zu sehen.</translation>
    </message>
    <message>
        <source>The server runs an incompatible version of FinChat.</source>
        <translation>Der Server verwendet eine inkompatible FinChat-Version.</translation>
    </message>
    <message>
        <source>The server has too many connections from here.</source>
        <translation>Der Server hat zu viele Verbindungen von hier.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Etwas ist schiefgelaufen (%1).</translation>
    </message>
    <message>
        <source>This server&apos;s certificate is not trusted yet. Compare its fingerprint with the server&apos;s administrator before trusting it.</source>
        <translation>Dem Zertifikat dieses Servers wird noch nicht vertraut. Vergleiche seinen Fingerabdruck mit dem Administrator des Servers, bevor du ihm vertraust.</translation>
    </message>
    <message>
        <source>This server&apos;s certificate has changed since you last connected. Someone may be intercepting the connection.</source>
        <translation>Das Zertifikat dieses Servers hat sich seit deiner letzten Verbindung geändert. Jemand könnte die Verbindung abfangen.</translation>
    </message>
    <message>
        <source>The list is full; remove something from it first.</source>
        <translation>Die Liste ist voll; entferne zuerst etwas daraus.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the server&apos;s administrator.</source>
        <translation>Dieses Konto ist gesperrt. Wende dich an den Administrator des Servers.</translation>
    </message>
    <message>
        <source>This server takes no new accounts. Ask its administrator for one.</source>
        <translation>Dieser Server nimmt keine neuen Konten an. Bitte seinen Administrator um eines.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator for a valid invite code.</source>
        <translation>Bitte den Administrator des Servers um einen gültigen Einladungscode.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room for now.</source>
        <translation>Ein Moderator hat dich in diesem Raum vorerst stummgeschaltet.</translation>
    </message>
    <message>
        <source>That message is no longer there.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>You may not do that here; ask a moderator or an administrator.</source>
        <translation>Das darfst du hier nicht; frag einen Moderator oder Administrator.</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Diese Nachricht kann nicht mehr bearbeitet werden.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::EventRouter</name>
    <message>
        <source>An administrator deleted this room.</source>
        <translation>Ein Administrator hat diesen Raum gelöscht.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::MemberModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>%1 (bot)</source>
        <translation>%1 (Bot)</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (Admin)</translation>
    </message>
    <message>
        <source>%1 (moderator)</source>
        <translation>%1 (Moderator)</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::MessageModel</name>
    <message>
        <source>%1 (bot), %2: %3</source>
        <translation>%1 (Bot), %2: %3</translation>
    </message>
    <message>
        <source>%1 asked, %2: %3</source>
        <translation>%1 fragte, %2: %3</translation>
    </message>
    <message>
        <source>Only you can see this, %1: %2</source>
        <translation>Nur du siehst das, %1: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source> (sending)</source>
        <translation> (wird gesendet)</translation>
    </message>
    <message>
        <source> (not sent: %1)</source>
        <translation> (nicht gesendet: %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: this message was deleted</source>
        <translation>%1, %2: diese Nachricht wurde gelöscht</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ModerationText</name>
    <message>
        <source>%1 Reason: %2</source>
        <translation>%1 Grund: %2</translation>
    </message>
    <message>
        <source>%1 removed you from this room.</source>
        <translation>%1 hat dich aus diesem Raum entfernt.</translation>
    </message>
    <message>
        <source>%1 removed %2 from this room.</source>
        <translation>%1 hat %2 aus diesem Raum entfernt.</translation>
    </message>
    <message>
        <source>%1 muted you in this room until %2.</source>
        <translation>%1 hat dich in diesem Raum bis %2 stummgeschaltet.</translation>
    </message>
    <message>
        <source>%1 muted %2 in this room until %3.</source>
        <translation>%1 hat %2 in diesem Raum bis %3 stummgeschaltet.</translation>
    </message>
    <message>
        <source>%1 lifted your mute in this room.</source>
        <translation>%1 hat deine Stummschaltung in diesem Raum aufgehoben.</translation>
    </message>
    <message>
        <source>%1 lifted the mute of %2 in this room.</source>
        <translation>%1 hat die Stummschaltung von %2 in diesem Raum aufgehoben.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room until %1.</source>
        <translation>Ein Moderator hat dich in diesem Raum bis %1 stummgeschaltet.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::RoomListModel</name>
    <message>
        <source>Not joined: double-click or press Enter to join</source>
        <translation>Nicht beigetreten: doppelklicken oder Eingabe drücken zum Beitreten</translation>
    </message>
    <message>
        <source>%1
Not joined: double-click or press Enter to join</source>
        <translation>%1
Nicht beigetreten: doppelklicken oder Eingabe drücken zum Beitreten</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>nicht beigetreten</translation>
    </message>
    <message>
        <source>Direct conversation with %1</source>
        <translation>Direktunterhaltung mit %1</translation>
    </message>
    <message>
        <source>a direct conversation</source>
        <translation>eine Direktunterhaltung</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::Session</name>
    <message>
        <source>Your password was changed on another device. Log in with the new one.</source>
        <translation>Dein Passwort wurde auf einem anderen Gerät geändert. Melde dich mit dem neuen an.</translation>
    </message>
    <message>
        <source>This session was logged out on another device. Log in again.</source>
        <translation>Diese Sitzung wurde auf einem anderen Gerät abgemeldet. Melde dich erneut an.</translation>
    </message>
    <message>
        <source>A moderator banned this account. Ask the server&apos;s administrator.</source>
        <translation>Ein Moderator hat dieses Konto gesperrt. Wende dich an den Administrator des Servers.</translation>
    </message>
    <message>
        <source>The server&apos;s administrator ended this session. Log in again.</source>
        <translation>Der Administrator des Servers hat diese Sitzung beendet. Melde dich erneut an.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::AdminPage</name>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::AuditPage</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Wen</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>Ältere Einträge</translation>
    </message>
    <message>
        <source>Audit log, newest first</source>
        <translation>Prüfprotokoll, neueste zuerst</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ComposeContext</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves it, Escape cancels.</source>
        <translation>Du bearbeitest deine Nachricht. Eingabe speichert, Esc bricht ab.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ConnectDialog</name>
    <message>
        <source>Host a server on this computer</source>
        <translation>Einen Server auf diesem Computer betreiben</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Connect to FinChat</source>
        <translation>Mit FinChat verbinden</translation>
    </message>
    <message>
        <source>server name or address</source>
        <translation>Servername oder -adresse</translation>
    </message>
    <message>
        <source>Runs a FinChat server inside this app; colleagues on your network can join it.</source>
        <translation>Startet einen FinChat-Server in dieser App; Kollegen in deinem Netzwerk können beitreten.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Gib einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Gib ein Passwort ein.</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>Dein Konto wird auf %1 erstellt…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>FinChat servers on your network</source>
        <translation>FinChat-Server in deinem Netzwerk</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>In der Nähe</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Fingerabdruck des Zertifikats: %1</translation>
    </message>
    <message>
        <source>optional: how others see you</source>
        <translation>optional: wie andere dich sehen</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>nur, wenn der Server danach fragt</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::DeskTray</name>
    <message>
        <source>Show FinChat</source>
        <translation>FinChat anzeigen</translation>
    </message>
    <message>
        <source>Quit FinChat</source>
        <translation>FinChat beenden</translation>
    </message>
    <message numerus="yes">
        <source>FinChat — %n unread</source>
        <translation>
            <numerusform>FinChat — %n ungelesen</numerusform>
            <numerusform>FinChat — %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>FinChat</source>
        <translation>FinChat</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::InvitesPage</name>
    <message>
        <source>Invite</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Benutzt</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Invites that can still be used</source>
        <translation>Einladungen, die noch gelten</translation>
    </message>
    <message>
        <source>Accounts it makes</source>
        <translation>Konten, die sie erstellt</translation>
    </message>
    <message>
        <source>Days it is valid</source>
        <translation>Tage gültig</translation>
    </message>
    <message>
        <source>New invite code</source>
        <translation>Neuer Einladungscode</translation>
    </message>
    <message>
        <source>Make invite</source>
        <translation>Einladung erstellen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Konten:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Tage:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>The new code</source>
        <translation>Der neue Code</translation>
    </message>
    <message>
        <source>A new code is shown here once: the server keeps only its fingerprint. Copy it now.</source>
        <translation>Ein neuer Code wird hier nur einmal gezeigt: der Server speichert nur seinen Fingerabdruck. Kopiere ihn jetzt.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::LocalServer</name>
    <message>
        <source>Cannot open the server&apos;s database: %1</source>
        <translation>Die Datenbank des Servers kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot listen for connections: %1</source>
        <translation>Verbindungen können nicht angenommen werden: %1</translation>
    </message>
    <message>
        <source>Cannot set up the server&apos;s certificate: %1</source>
        <translation>Das Zertifikat des Servers kann nicht eingerichtet werden: %1</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MainWindow</name>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>FinChat</source>
        <translation>FinChat</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Neuer Raum…</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Hosting on port %1</source>
        <translation>Server läuft auf Port %1</translation>
    </message>
    <message>
        <source>Hosting — colleagues can join at %1</source>
        <translation>Server läuft: Kollegen können über %1 beitreten</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting to %1…</source>
        <translation>Verbindung unterbrochen – neue Verbindung zu %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Fingerabdruck des Zertifikats: %1</translation>
    </message>
    <message>
        <source>When a colleague&apos;s FinChat asks whether to trust this server, they compare the fingerprint it shows with this one.</source>
        <translation>Wenn das FinChat eines Kollegen fragt, ob es diesem Server vertrauen soll, vergleicht er den angezeigten Fingerabdruck mit diesem.</translation>
    </message>
    <message>
        <source>&amp;FinChat</source>
        <translation>&amp;FinChat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>FinChat is still running</source>
        <translation>FinChat läuft weiter</translation>
    </message>
    <message>
        <source>New messages are announced here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>Neue Nachrichten werden hier gemeldet. Zum Beenden wähle „FinChat beenden“ im Menü dieses Symbols.</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>Hosten beenden?</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Beenden und Server stoppen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>Zu &amp;Raum gehen…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>&amp;Vorheriger Raum</translation>
    </message>
    <message>
        <source>&amp;Next room</source>
        <translation>&amp;Nächster Raum</translation>
    </message>
    <message>
        <source>You are hosting this chat. Quitting FinChat stops the server and disconnects everyone else on it (connected now: %1).</source>
        <translation>Du hostest diesen Chat. Wenn du FinChat beendest, stoppt der Server und alle anderen werden getrennt (jetzt verbunden: %1).</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About FinChat</source>
        <translation>Ü&amp;ber FinChat</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>Du hast dich abgemeldet.</translation>
    </message>
    <message>
        <source>About FinChat</source>
        <translation>Über FinChat</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat for people who talk about markets: rooms, quotes from the stock bot, a server on your own network.&lt;/p&gt;&lt;p&gt;MIT licence. Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat für Leute, die über Märkte reden: Räume, Kurse vom Aktien-Bot, ein Server im eigenen Netz.&lt;/p&gt;&lt;p&gt;MIT-Lizenz. Gebaut mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Notify me of</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Jeder Nachricht</translation>
    </message>
    <message>
        <source>My name and watched words</source>
        <translation>Meinem Namen und beobachteten Wörtern</translation>
    </message>
    <message>
        <source>Nothing (mute)</source>
        <translation>Nichts (stumm)</translation>
    </message>
    <message>
        <source>Leave #%1</source>
        <translation>#%1 verlassen</translation>
    </message>
    <message>
        <source>Join #%1</source>
        <translation>#%1 beitreten</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>%1: asking for the latest quote…</source>
        <translation>%1: aktueller Kurs wird abgefragt…</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Kursalarm</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>#%1 is now called #%2.</source>
        <translation>#%1 heißt jetzt #%2.</translation>
    </message>
    <message>
        <source>Server &amp;administration…</source>
        <translation>Server&amp;verwaltung…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Who&apos;s online…</source>
        <translation>&amp;Wer ist online…</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Profil anzeigen</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>Nachrichten &amp;suchen…</translation>
    </message>
    <message>
        <source>That message is too far back to show here.</source>
        <translation>Diese Nachricht liegt zu weit zurück, um sie hier zu zeigen.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>Neue Nachricht…</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Direktnachricht senden</translation>
    </message>
    <message>
        <source>You are no longer in %1.</source>
        <translation>Du bist nicht mehr in %1.</translation>
    </message>
    <message>
        <source>Conversation in %1</source>
        <translation>Unterhaltung in %1</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>A direct conversation stays among your conversations.</source>
        <translation>Eine Direktunterhaltung bleibt bei deinen Unterhaltungen.</translation>
    </message>
    <message>
        <source>Only the people in this conversation can read it.</source>
        <translation>Nur die Personen dieser Unterhaltung können sie lesen.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MessageDelegate</name>
    <message>
        <source>%1 (bot)  %2</source>
        <translation>%1 (Bot)  %2</translation>
    </message>
    <message>
        <source>%1 asked  %2</source>
        <translation>%1 fragte  %2</translation>
    </message>
    <message>
        <source>Only you can see this  %1</source>
        <translation>Nur du siehst das  %1</translation>
    </message>
    <message>
        <source>  · sending…</source>
        <translation>  · wird gesendet…</translation>
    </message>
    <message>
        <source>  · not sent: %1</source>
        <translation>  · nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1: This message was deleted.</source>
        <translation>%1: Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1  %2  (edited)</source>
        <translation>%1  %2  (bearbeitet)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MessageInput</name>
    <message>
        <source>Message — Enter sends, Shift+Enter adds a line, / for commands</source>
        <translation>Nachricht – Eingabe sendet, Umschalt+Eingabe fügt eine Zeile ein, / für Befehle</translation>
    </message>
    <message>
        <source>%1 characters too long: a message holds at most %2</source>
        <translation>%1 Zeichen zu lang: eine Nachricht fasst höchstens %2</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ModerationMenus</name>
    <message>
        <source>Delete message…</source>
        <translation>Nachricht löschen…</translation>
    </message>
    <message>
        <source>Remove from #%1…</source>
        <translation>Aus #%1 entfernen…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from #%2? They may join again. Reason (optional, shown to the room):</source>
        <translation>%1 aus #%2 entfernen? Er oder sie kann wieder beitreten. Grund (optional, für den Raum sichtbar):</translation>
    </message>
    <message>
        <source>Ban from the server…</source>
        <translation>Vom Server sperren…</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Ban %1 from this server? They are logged out everywhere and cannot log in until unbanned. Reason (optional, shown to them):</source>
        <translation>%1 auf diesem Server sperren? Er oder sie wird überall abgemeldet und kann sich erst nach der Entsperrung wieder anmelden. Grund (optional, wird der Person angezeigt):</translation>
    </message>
    <message>
        <source>Mute in #%1</source>
        <translation>In #%1 stummschalten</translation>
    </message>
    <message>
        <source>For 10 minutes</source>
        <translation>Für 10 Minuten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Für 1 Tag</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>Für 1 Woche</translation>
    </message>
    <message>
        <source>Lift mute</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone? Its text is gone for good; the room shows that a message was deleted.</source>
        <translation>Diese Nachricht für alle löschen? Ihr Text ist endgültig weg; der Raum zeigt, dass eine Nachricht gelöscht wurde.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MotdBanner</name>
    <message>
        <source>Message of the day</source>
        <translation>Nachricht des Tages</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewDirectDialog</name>
    <message>
        <source>New direct message</source>
        <translation>Neue Direktnachricht</translation>
    </message>
    <message>
        <source>Write to one person, or to a few at once (up to %1). Only the people in a conversation can read it.</source>
        <translation>Schreib einer Person oder mehreren auf einmal (bis zu %1). Nur die Personen einer Unterhaltung können sie lesen.</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Personen finden</translation>
    </message>
    <message>
        <source>People of your rooms</source>
        <translation>Personen aus deinen Räumen</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>Nobody shares a room with you yet.</source>
        <translation>Noch teilt niemand einen Raum mit dir.</translation>
    </message>
    <message>
        <source>At most %1 people besides you.</source>
        <translation>Höchstens %1 Personen außer dir.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>e.g. macro or fx-desk</source>
        <translation>z. B. macro oder fx-desk</translation>
    </message>
    <message>
        <source>optional: what the room is about</source>
        <translation>optional: worum es im Raum geht</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>2 to 32 of a-z, 0-9, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>2 bis 32 Zeichen aus a-z, 0-9, &apos;_&apos; und &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::OnlineDialog</name>
    <message>
        <source>Who&apos;s online</source>
        <translation>Wer ist online</translation>
    </message>
    <message>
        <source>People online now</source>
        <translation>Personen, die gerade online sind</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>More than %n people are online.</source>
        <translation>
            <numerusform>Mehr als %n Person ist online.</numerusform>
            <numerusform>Mehr als %n Personen sind online.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are online.</source>
        <translation>
            <numerusform>%n Person ist online.</numerusform>
            <numerusform>%n Personen sind online.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::PeoplePage</name>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>People on this server</source>
        <translation>Personen auf diesem Server</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Rolle setzen</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ProfileDialog</name>
    <message>
        <source>Asking the server…</source>
        <translation>Der Server wird gefragt…</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <translation>Profil von %1</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>here since %1</source>
        <translation>dabei seit %1</translation>
    </message>
    <message>
        <source>You share no room.</source>
        <translation>Ihr teilt keinen Raum.</translation>
    </message>
    <message>
        <source>Your rooms: %1</source>
        <translation>Deine Räume: %1</translation>
    </message>
    <message>
        <source>Rooms you share: %1</source>
        <translation>Gemeinsame Räume: %1</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Direktnachricht senden</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::QuickSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Zu Raum gehen</translation>
    </message>
    <message>
        <source>Room to go to</source>
        <translation>Raum, zu dem du gehen willst</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Passende Räume</translation>
    </message>
    <message>
        <source>Room or person</source>
        <translation>Raum oder Person</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::QuoteCards</name>
    <message>
        <source>%1 (%2%)</source>
        <extracomment>%1 is the change in price with its arrow and sign, %2 the change in per cent</extracomment>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 Monate</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Day range %1 – %2</source>
        <translation>Tagesspanne %1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ReconnectBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Connection lost. Trying to reconnect… What you write is sent once it is back.</source>
        <translation>Verbindung verloren. Verbinde erneut… Was du schreibst, wird gesendet, sobald sie zurück ist.</translation>
    </message>
    <message>
        <source>Connection lost. Trying again in %1 s… What you write is sent once it is back.</source>
        <translation>Verbindung verloren. Nächster Versuch in %1 s… Was du schreibst, wird gesendet, sobald sie zurück ist.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SearchDialog</name>
    <message>
        <source>More results</source>
        <translation>Weitere Ergebnisse</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <source>Words to look for, then Enter</source>
        <translation>Gesuchte Wörter, dann Eingabe</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Wo gesucht wird</translation>
    </message>
    <message>
        <source>All my rooms</source>
        <translation>Alle meine Räume</translation>
    </message>
    <message>
        <source>Results, best first</source>
        <translation>Ergebnisse, die besten zuerst</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %n. Double-click a result to open it.</source>
        <translation>
            <numerusform>Gefunden: %n. Zum Öffnen doppelklicken.</numerusform>
            <numerusform>Gefunden: %n. Zum Öffnen ein Ergebnis doppelklicken.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <translation>%1 in %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ServerAdminDialog</name>
    <message>
        <source>Server administration</source>
        <translation>Serververwaltung</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SettingsDialog</name>
    <message>
        <source>Save name</source>
        <translation>Namen speichern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>Dein Name, wie andere ihn sehen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Changing it logs out your other devices; this one stays logged in.</source>
        <translation>Eine Änderung meldet deine anderen Geräte ab; dieses bleibt angemeldet.</translation>
    </message>
    <message>
        <source>e.g. AAPL, NVDA, earnings</source>
        <translation>z. B. AAPL, NVDA, Quartalszahlen</translation>
    </message>
    <message>
        <source>Words that notify you</source>
        <translation>Wörter, die dich benachrichtigen</translation>
    </message>
    <message>
        <source>Messages with your name or one of these words are highlighted and notify you, unless the room is muted.</source>
        <translation>Nachrichten mit deinem Namen oder einem dieser Wörter werden hervorgehoben und benachrichtigen dich, außer der Raum ist stummgeschaltet.</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect the next time FinChat starts.</source>
        <translation>Wirkt beim nächsten Start von FinChat.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters, without control characters.</source>
        <translation>Ein Name hat 1 bis 64 Zeichen, ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>Saved: others now see you as %1.</source>
        <translation>Gespeichert: andere sehen dich jetzt als %1.</translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>Das neue Passwort und seine Wiederholung unterscheiden sich.</translation>
    </message>
    <message>
        <source>A password is %1 to %2 characters.</source>
        <translation>Ein Passwort hat %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <source>Password changed. Your other devices have been logged out.</source>
        <translation>Passwort geändert. Deine anderen Geräte wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>About you, on your profile</source>
        <translation>Über dich, in deinem Profil</translation>
    </message>
    <message>
        <source>What others see on your profile</source>
        <translation>Was andere in deinem Profil sehen</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Über dich</translation>
    </message>
    <message>
        <source>Saved: your profile shows what you wrote.</source>
        <translation>Gespeichert: dein Profil zeigt, was du geschrieben hast.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SiteSettingsPage</name>
    <message>
        <source>Message of the day</source>
        <translation>Nachricht des Tages</translation>
    </message>
    <message>
        <source>Shown to everyone when they connect; empty shows nothing.</source>
        <translation>Wird allen beim Verbinden gezeigt; leer zeigt nichts.</translation>
    </message>
    <message>
        <source>Minutes an author may edit a message</source>
        <translation>Minuten, in denen Autoren eine Nachricht bearbeiten dürfen</translation>
    </message>
    <message>
        <source>Editing is off</source>
        <translation>Bearbeiten ist aus</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Message of the day:</source>
        <translation>Nachricht des Tages:</translation>
    </message>
    <message>
        <source>Authors may edit messages for:</source>
        <translation>Autoren dürfen Nachrichten bearbeiten für:</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::StatusPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Running since:</source>
        <translation>Läuft seit:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Verbindungen:</translation>
    </message>
    <message>
        <source>People online:</source>
        <translation>Personen online:</translation>
    </message>
    <message>
        <source>Messages per second:</source>
        <translation>Nachrichten pro Sekunde:</translation>
    </message>
    <message>
        <source>Messages since start:</source>
        <translation>Nachrichten seit dem Start:</translation>
    </message>
    <message>
        <source>Database size:</source>
        <translation>Datenbankgröße:</translation>
    </message>
    <message>
        <source>by invitation</source>
        <translation>auf Einladung</translation>
    </message>
    <message>
        <source>closed: accounts are made on the server</source>
        <translation>geschlossen: Konten werden auf dem Server erstellt</translation>
    </message>
    <message>
        <source>open to anyone who reaches the server</source>
        <translation>offen für alle, die den Server erreichen</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>Registrierung:</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>antwortet</translation>
    </message>
    <message>
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>Bots:</source>
        <translation>Bots:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::TrustQuestion</name>
    <message>
        <source>Server certificate changed</source>
        <translation>Serverzertifikat geändert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one you trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;If its administrator renewed it, they can confirm the new fingerprint below. Otherwise someone may be intercepting the connection to read your password and messages: do not connect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Das Zertifikat von %1 ist nicht das, dem du zuvor vertraut hast.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Wenn der Administrator es erneuert hat, kann er dir den neuen Fingerabdruck unten bestätigen. Andernfalls fängt vielleicht jemand die Verbindung ab, um dein Passwort und deine Nachrichten zu lesen: verbinde dich nicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>&lt;p&gt;FinChat has not connected to &lt;b&gt;%1&lt;/b&gt; before, and no certificate authority vouches for it.&lt;/p&gt;&lt;p&gt;Ask the person who runs the server to read you its fingerprint, and compare:&lt;/p&gt;</source>
        <translation>&lt;p&gt;FinChat war noch nie mit &lt;b&gt;%1&lt;/b&gt; verbunden, und keine Zertifizierungsstelle bürgt für ihn.&lt;/p&gt;&lt;p&gt;Bitte die Person, die den Server betreibt, dir seinen Fingerabdruck vorzulesen, und vergleiche:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trust it only if they match. FinChat remembers your answer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vertraue ihm nur, wenn sie übereinstimmen. FinChat merkt sich deine Antwort.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::WatchlistPanel</name>
    <message>
        <source>waiting for a price…</source>
        <translation>wartet auf einen Kurs…</translation>
    </message>
    <message>
        <source>day %1 – %2</source>
        <translation>Tag %1 – %2</translation>
    </message>
    <message>
        <source>Add a code, e.g. aapl.us</source>
        <translation>Kürzel hinzufügen, z. B. aapl.us</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>Zur Beobachtungsliste hinzufügen</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Beobachtungsliste</translation>
    </message>
    <message>
        <source>Price alerts</source>
        <translation>Kursalarme</translation>
    </message>
    <message>
        <source>✓ %1 — reached %2 at %3</source>
        <translation>✓ %1 – %2 erreicht am %3</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or above %2</source>
        <translation>Meldet sich einmal, wenn %1 bei oder über %2 steht</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or below %2</source>
        <translation>Meldet sich einmal, wenn %1 bei oder unter %2 steht</translation>
    </message>
    <message>
        <source>Also tells #%1</source>
        <translation>Meldet es auch in #%1</translation>
    </message>
    <message>
        <source>Alert when above…</source>
        <translation>Alarm, wenn darüber…</translation>
    </message>
    <message>
        <source>Alert when below…</source>
        <translation>Alarm, wenn darunter…</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>Von der Beobachtungsliste entfernen</translation>
    </message>
    <message>
        <source>Remove alert</source>
        <translation>Alarm entfernen</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Kursalarm</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or above:</source>
        <translation>Einmal melden, wenn %1 bei oder über diesem Kurs steht:</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or below:</source>
        <translation>Einmal melden, wenn %1 bei oder unter diesem Kurs steht:</translation>
    </message>
    <message>
        <source>Right-click a code (or press the Menu key on it) to set one.</source>
        <translation>Rechtsklick auf ein Kürzel (oder Menütaste darauf), um einen zu setzen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FinChat: chat for people who talk about markets.</source>
        <translation>FinChat: Chat für alle, die über Märkte reden.</translation>
    </message>
    <message>
        <source>Host a server on this computer from the start.</source>
        <translation>Von Anfang an einen Server auf diesem Computer betreiben.</translation>
    </message>
    <message>
        <source>Do not resume the last session; ask who you are.</source>
        <translation>Die letzte Sitzung nicht fortsetzen; nachfragen, wer du bist.</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, es, pt_BR, de) instead of the system&apos;s.</source>
        <translation>&lt;language&gt; (en, es, pt_BR, de) statt der Systemsprache verwenden.</translation>
    </message>
    <message>
        <source>No keychain on this system: FinChat will ask for your password next time.</source>
        <translation>Kein Schlüsselbund auf diesem System: FinChat fragt beim nächsten Start nach deinem Passwort.</translation>
    </message>
</context>
</TS>

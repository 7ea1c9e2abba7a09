<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>FinChat::Client::ChatClient</name>
    <message>
        <source>You are offline; commands are not kept for later.</source>
        <translation>Estás sin conexión; los comandos no se guardan para después.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ChatMessage</name>
    <message>
        <source>Price alert</source>
        <translation>Alerta de precio</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ErrorText</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Ese nombre ya está en uso.</translation>
    </message>
    <message>
        <source>Use 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Usa de 3 a 32 letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;, empezando por una letra o un dígito.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Usa al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Use 1 to 64 characters on one line.</source>
        <translation>Usa de 1 a 64 caracteres en una sola línea.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation>Demasiados intentos; espera un momento.</translation>
    </message>
    <message>
        <source>Your session has ended; please log in again.</source>
        <translation>Tu sesión ha terminado; vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation>No se puede conectar con el servidor en %1.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Se perdió la conexión.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>There is no such room.</source>
        <translation>No existe esa sala.</translation>
    </message>
    <message>
        <source>A room with that name exists.</source>
        <translation>Ya existe una sala con ese nombre.</translation>
    </message>
    <message>
        <source>Use 2 to 32 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Usa de 2 a 32 letras, dígitos, &apos;_&apos; o &apos;-&apos;, empezando por una letra o un dígito.</translation>
    </message>
    <message>
        <source>Join the room first.</source>
        <translation>Primero únete a la sala.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>El mensaje está vacío.</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>El mensaje es demasiado largo.</translation>
    </message>
    <message>
        <source>There is no such command; type /help to see them.</source>
        <translation>No existe ese comando; escribe /help para verlos.</translation>
    </message>
    <message>
        <source>The server runs an incompatible version of FinChat.</source>
        <translation>El servidor usa una versión incompatible de FinChat.</translation>
    </message>
    <message>
        <source>The server has too many connections from here.</source>
        <translation>El servidor tiene demasiadas conexiones desde aquí.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Algo salió mal (%1).</translation>
    </message>
    <message>
        <source>This server&apos;s certificate is not trusted yet. Compare its fingerprint with the server&apos;s administrator before trusting it.</source>
        <translation>El certificado de este servidor aún no es de confianza. Compara su huella con el administrador del servidor antes de confiar en él.</translation>
    </message>
    <message>
        <source>This server&apos;s certificate has changed since you last connected. Someone may be intercepting the connection.</source>
        <translation>El certificado de este servidor ha cambiado desde tu última conexión. Alguien podría estar interceptando la conexión.</translation>
    </message>
    <message>
        <source>The list is full; remove something from it first.</source>
        <translation>La lista está llena; quita algo primero.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the server&apos;s administrator.</source>
        <translation>Esta cuenta está desactivada. Consulta al administrador del servidor.</translation>
    </message>
    <message>
        <source>This server takes no new accounts. Ask its administrator for one.</source>
        <translation>Este servidor no admite cuentas nuevas. Pide una a su administrador.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator for a valid invite code.</source>
        <translation>Pide un código de invitación válido al administrador del servidor.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room for now.</source>
        <translation>Un moderador te silenció en esta sala por ahora.</translation>
    </message>
    <message>
        <source>That message is no longer there.</source>
        <translation>Ese mensaje ya no existe.</translation>
    </message>
    <message>
        <source>You may not do that here; ask a moderator or an administrator.</source>
        <translation>No puedes hacer eso aquí; pídeselo a un moderador o a un administrador.</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Este mensaje ya no se puede editar.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::EventRouter</name>
    <message>
        <source>An administrator deleted this room.</source>
        <translation>Un administrador eliminó esta sala.</translation>
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
        <translation>conectado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>%1 (bot)</source>
        <translation>%1 (bot)</translation>
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation>%1 (admin)</translation>
    </message>
    <message>
        <source>%1 (moderator)</source>
        <translation>%1 (moderador)</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::MessageModel</name>
    <message>
        <source>%1 (bot), %2: %3</source>
        <translation>%1 (bot), %2: %3</translation>
    </message>
    <message>
        <source>%1 asked, %2: %3</source>
        <translation>%1 preguntó, %2: %3</translation>
    </message>
    <message>
        <source>Only you can see this, %1: %2</source>
        <translation>Solo tú puedes ver esto, %1: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source> (sending)</source>
        <translation> (enviando)</translation>
    </message>
    <message>
        <source> (not sent: %1)</source>
        <translation> (no enviado: %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: this message was deleted</source>
        <translation>%1, %2: este mensaje fue eliminado</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ModerationText</name>
    <message>
        <source>%1 Reason: %2</source>
        <translation>%1 Motivo: %2</translation>
    </message>
    <message>
        <source>%1 removed you from this room.</source>
        <translation>%1 te sacó de esta sala.</translation>
    </message>
    <message>
        <source>%1 removed %2 from this room.</source>
        <translation>%1 sacó a %2 de esta sala.</translation>
    </message>
    <message>
        <source>%1 muted you in this room until %2.</source>
        <translation>%1 te silenció en esta sala hasta las %2.</translation>
    </message>
    <message>
        <source>%1 muted %2 in this room until %3.</source>
        <translation>%1 silenció a %2 en esta sala hasta las %3.</translation>
    </message>
    <message>
        <source>%1 lifted your mute in this room.</source>
        <translation>%1 levantó tu silencio en esta sala.</translation>
    </message>
    <message>
        <source>%1 lifted the mute of %2 in this room.</source>
        <translation>%1 levantó el silencio de %2 en esta sala.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room until %1.</source>
        <translation>Un moderador te silenció en esta sala hasta las %1.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::RoomListModel</name>
    <message>
        <source>Not joined: double-click or press Enter to join</source>
        <translation>No te has unido: doble clic o Intro para unirte</translation>
    </message>
    <message>
        <source>%1
Not joined: double-click or press Enter to join</source>
        <translation>%1
No te has unido: doble clic o Intro para unirte</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>no te has unido</translation>
    </message>
    <message>
        <source>Direct conversation with %1</source>
        <translation>Conversación directa con %1</translation>
    </message>
    <message>
        <source>a direct conversation</source>
        <translation>una conversación directa</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::Session</name>
    <message>
        <source>Your password was changed on another device. Log in with the new one.</source>
        <translation>Tu contraseña se cambió en otro dispositivo. Inicia sesión con la nueva.</translation>
    </message>
    <message>
        <source>This session was logged out on another device. Log in again.</source>
        <translation>Esta sesión se cerró en otro dispositivo. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>A moderator banned this account. Ask the server&apos;s administrator.</source>
        <translation>Un moderador ha bloqueado esta cuenta. Consulta al administrador del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s administrator ended this session. Log in again.</source>
        <translation>El administrador del servidor ha cerrado esta sesión. Vuelve a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::AdminPage</name>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>moderador</translation>
    </message>
    <message>
        <source>member</source>
        <translation>miembro</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::AuditPage</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>A quién</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>Entradas anteriores</translation>
    </message>
    <message>
        <source>Audit log, newest first</source>
        <translation>Registro de auditoría, lo más reciente primero</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ComposeContext</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Respondiendo a %1: %2</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves it, Escape cancels.</source>
        <translation>Editando tu mensaje. Intro lo guarda, Esc cancela.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ConnectDialog</name>
    <message>
        <source>Host a server on this computer</source>
        <translation>Alojar un servidor en este equipo</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Connect to FinChat</source>
        <translation>Conectarse a FinChat</translation>
    </message>
    <message>
        <source>server name or address</source>
        <translation>nombre o dirección del servidor</translation>
    </message>
    <message>
        <source>Runs a FinChat server inside this app; colleagues on your network can join it.</source>
        <translation>Ejecuta un servidor de FinChat dentro de esta aplicación; tus colegas de la red pueden unirse.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Escribe un nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Escribe una contraseña.</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>Creando tu cuenta en %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>FinChat servers on your network</source>
        <translation>Servidores FinChat en tu red</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Huella del certificado: %1</translation>
    </message>
    <message>
        <source>optional: how others see you</source>
        <translation>opcional: cómo te ven los demás</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>solo si el servidor lo pide</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de invitación</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::DeskTray</name>
    <message>
        <source>Show FinChat</source>
        <translation>Mostrar FinChat</translation>
    </message>
    <message>
        <source>Quit FinChat</source>
        <translation>Salir de FinChat</translation>
    </message>
    <message numerus="yes">
        <source>FinChat — %n unread</source>
        <translation>
            <numerusform>FinChat — %n sin leer</numerusform>
            <numerusform>FinChat — %n sin leer</numerusform>
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
        <translation>Invitación</translation>
    </message>
    <message>
        <source>Uses left</source>
        <translation>Usos restantes</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usados</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Creada por</translation>
    </message>
    <message>
        <source>Invites that can still be used</source>
        <translation>Invitaciones que aún se pueden usar</translation>
    </message>
    <message>
        <source>Accounts it makes</source>
        <translation>Cuentas que crea</translation>
    </message>
    <message>
        <source>Days it is valid</source>
        <translation>Días de validez</translation>
    </message>
    <message>
        <source>New invite code</source>
        <translation>Nuevo código de invitación</translation>
    </message>
    <message>
        <source>Make invite</source>
        <translation>Crear invitación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Cuentas:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Días:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
    <message>
        <source>The new code</source>
        <translation>El código nuevo</translation>
    </message>
    <message>
        <source>A new code is shown here once: the server keeps only its fingerprint. Copy it now.</source>
        <translation>Un código nuevo se muestra aquí una sola vez: el servidor solo guarda su huella. Cópialo ahora.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::LocalServer</name>
    <message>
        <source>Cannot open the server&apos;s database: %1</source>
        <translation>No se puede abrir la base de datos del servidor: %1</translation>
    </message>
    <message>
        <source>Cannot listen for connections: %1</source>
        <translation>No se pueden aceptar conexiones: %1</translation>
    </message>
    <message>
        <source>Cannot set up the server&apos;s certificate: %1</source>
        <translation>No se puede preparar el certificado del servidor: %1</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MainWindow</name>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>FinChat</source>
        <translation>FinChat</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Nueva sala…</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Hosting on port %1</source>
        <translation>Alojando en el puerto %1</translation>
    </message>
    <message>
        <source>Hosting — colleagues can join at %1</source>
        <translation>Alojando: tus colegas pueden unirse en %1</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Ninguna sala</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Conectado a %1 como %2</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting to %1…</source>
        <translation>Conexión perdida: reconectando con %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Huella del certificado: %1</translation>
    </message>
    <message>
        <source>When a colleague&apos;s FinChat asks whether to trust this server, they compare the fingerprint it shows with this one.</source>
        <translation>Cuando el FinChat de un colega pregunte si confiar en este servidor, compara la huella que muestra con esta.</translation>
    </message>
    <message>
        <source>&amp;FinChat</source>
        <translation>&amp;FinChat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>FinChat is still running</source>
        <translation>FinChat sigue en marcha</translation>
    </message>
    <message>
        <source>New messages are announced here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>Los mensajes nuevos se anuncian aquí. Para salir, usa «Salir de FinChat» en el menú de este icono.</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>¿Dejar de alojar?</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Salir y detener el servidor</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>&amp;Ir a la sala…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>Sala &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next room</source>
        <translation>Sala &amp;siguiente</translation>
    </message>
    <message>
        <source>You are hosting this chat. Quitting FinChat stops the server and disconnects everyone else on it (connected now: %1).</source>
        <translation>Estás alojando este chat. Al salir de FinChat se detiene el servidor y se desconecta a todos los demás (conectados ahora: %1).</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>&amp;About FinChat</source>
        <translation>&amp;Acerca de FinChat</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>Has cerrado la sesión.</translation>
    </message>
    <message>
        <source>About FinChat</source>
        <translation>Acerca de FinChat</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat for people who talk about markets: rooms, quotes from the stock bot, a server on your own network.&lt;/p&gt;&lt;p&gt;MIT licence. Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat para quienes hablan de mercados: salas, cotizaciones del bot de acciones, un servidor en tu propia red.&lt;/p&gt;&lt;p&gt;Licencia MIT. Compilado con Qt %2, ejecutándose con Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Notify me of</source>
        <translation>Avisarme de</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Cada mensaje</translation>
    </message>
    <message>
        <source>My name and watched words</source>
        <translation>Mi nombre y las palabras que sigo</translation>
    </message>
    <message>
        <source>Nothing (mute)</source>
        <translation>Nada (silenciar)</translation>
    </message>
    <message>
        <source>Leave #%1</source>
        <translation>Salir de #%1</translation>
    </message>
    <message>
        <source>Join #%1</source>
        <translation>Unirse a #%1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>%1: asking for the latest quote…</source>
        <translation>%1: consultando la última cotización…</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de precio</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>#%1 is now called #%2.</source>
        <translation>#%1 ahora se llama #%2.</translation>
    </message>
    <message>
        <source>Server &amp;administration…</source>
        <translation>&amp;Administración del servidor…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>&amp;Who&apos;s online…</source>
        <translation>&amp;Quién está conectado…</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Ver perfil</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>&amp;Buscar mensajes…</translation>
    </message>
    <message>
        <source>That message is too far back to show here.</source>
        <translation>Ese mensaje está demasiado atrás para mostrarlo aquí.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Mensajes directos</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>Nuevo mensaje…</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Enviar un mensaje directo</translation>
    </message>
    <message>
        <source>You are no longer in %1.</source>
        <translation>Ya no estás en %1.</translation>
    </message>
    <message>
        <source>Conversation in %1</source>
        <translation>Conversación en %1</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Miembros de %1</translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation>Mensaje a %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>A direct conversation stays among your conversations.</source>
        <translation>Una conversación directa se queda entre tus conversaciones.</translation>
    </message>
    <message>
        <source>Only the people in this conversation can read it.</source>
        <translation>Solo las personas de esta conversación pueden leerla.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MessageDelegate</name>
    <message>
        <source>%1 (bot)  %2</source>
        <translation>%1 (bot)  %2</translation>
    </message>
    <message>
        <source>%1 asked  %2</source>
        <translation>%1 preguntó  %2</translation>
    </message>
    <message>
        <source>Only you can see this  %1</source>
        <translation>Solo tú puedes ver esto  %1</translation>
    </message>
    <message>
        <source>  · sending…</source>
        <translation>  · enviando…</translation>
    </message>
    <message>
        <source>  · not sent: %1</source>
        <translation>  · no enviado: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Este mensaje fue eliminado.</translation>
    </message>
    <message>
        <source>%1: This message was deleted.</source>
        <translation>%1: Este mensaje fue eliminado.</translation>
    </message>
    <message>
        <source>%1  %2  (edited)</source>
        <translation>%1  %2  (editado)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(editado)</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MessageInput</name>
    <message>
        <source>Message — Enter sends, Shift+Enter adds a line, / for commands</source>
        <translation>Mensaje: Intro envía, Mayús+Intro añade una línea, / para comandos</translation>
    </message>
    <message>
        <source>%1 characters too long: a message holds at most %2</source>
        <translation>%1 caracteres de más: un mensaje admite como máximo %2</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ModerationMenus</name>
    <message>
        <source>Delete message…</source>
        <translation>Eliminar mensaje…</translation>
    </message>
    <message>
        <source>Remove from #%1…</source>
        <translation>Sacar de #%1…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Sacar a %1</translation>
    </message>
    <message>
        <source>Remove %1 from #%2? They may join again. Reason (optional, shown to the room):</source>
        <translation>¿Sacar a %1 de #%2? Podrá volver a entrar. Motivo (opcional, lo verá la sala):</translation>
    </message>
    <message>
        <source>Ban from the server…</source>
        <translation>Vetar del servidor…</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Vetar a %1</translation>
    </message>
    <message>
        <source>Ban %1 from this server? They are logged out everywhere and cannot log in until unbanned. Reason (optional, shown to them):</source>
        <translation>¿Vetar a %1 en este servidor? Se cerrarán todas sus sesiones y no podrá entrar hasta que se levante el veto. Motivo (opcional, se le mostrará):</translation>
    </message>
    <message>
        <source>Mute in #%1</source>
        <translation>Silenciar en #%1</translation>
    </message>
    <message>
        <source>For 10 minutes</source>
        <translation>Durante 10 minutos</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Durante 1 hora</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Durante 1 día</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>Durante 1 semana</translation>
    </message>
    <message>
        <source>Lift mute</source>
        <translation>Quitar silencio</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderador</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Eliminar mensaje</translation>
    </message>
    <message>
        <source>Delete this message for everyone? Its text is gone for good; the room shows that a message was deleted.</source>
        <translation>¿Eliminar este mensaje para todos? Su texto se pierde para siempre; la sala muestra que se eliminó un mensaje.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MotdBanner</name>
    <message>
        <source>Message of the day</source>
        <translation>Mensaje del día</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewDirectDialog</name>
    <message>
        <source>New direct message</source>
        <translation>Nuevo mensaje directo</translation>
    </message>
    <message>
        <source>Write to one person, or to a few at once (up to %1). Only the people in a conversation can read it.</source>
        <translation>Escribe a una persona o a varias a la vez (hasta %1). Solo las personas de una conversación pueden leerla.</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <source>People of your rooms</source>
        <translation>Personas de tus salas</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Iniciar conversación</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>Nobody shares a room with you yet.</source>
        <translation>Todavía nadie comparte una sala contigo.</translation>
    </message>
    <message>
        <source>At most %1 people besides you.</source>
        <translation>Como máximo %1 personas además de ti.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Sala nueva</translation>
    </message>
    <message>
        <source>e.g. macro or fx-desk</source>
        <translation>p. ej. macro o fx-desk</translation>
    </message>
    <message>
        <source>optional: what the room is about</source>
        <translation>opcional: de qué trata la sala</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>2 to 32 of a-z, 0-9, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>De 2 a 32 caracteres entre a-z, 0-9, &apos;_&apos; y &apos;-&apos;, empezando por una letra o un dígito.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::OnlineDialog</name>
    <message>
        <source>Who&apos;s online</source>
        <translation>Quién está conectado</translation>
    </message>
    <message>
        <source>People online now</source>
        <translation>Personas conectadas ahora</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message numerus="yes">
        <source>More than %n people are online.</source>
        <translation>
            <numerusform>Más de %n persona está conectada.</numerusform>
            <numerusform>Más de %n personas están conectadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are online.</source>
        <translation>
            <numerusform>%n persona está conectada.</numerusform>
            <numerusform>%n personas están conectadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::PeoplePage</name>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>People on this server</source>
        <translation>Personas en este servidor</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Levantar veto</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Asignar rol</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>vetado</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Vetar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ProfileDialog</name>
    <message>
        <source>Asking the server…</source>
        <translation>Preguntando al servidor…</translation>
    </message>
    <message>
        <source>Profile of %1</source>
        <translation>Perfil de %1</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>moderador</translation>
    </message>
    <message>
        <source>online</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>here since %1</source>
        <translation>aquí desde el %1</translation>
    </message>
    <message>
        <source>You share no room.</source>
        <translation>No compartís ninguna sala.</translation>
    </message>
    <message>
        <source>Your rooms: %1</source>
        <translation>Tus salas: %1</translation>
    </message>
    <message>
        <source>Rooms you share: %1</source>
        <translation>Salas en común: %1</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Enviar un mensaje directo</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::QuickSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Ir a la sala</translation>
    </message>
    <message>
        <source>Room to go to</source>
        <translation>Sala a la que ir</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Salas que coinciden</translation>
    </message>
    <message>
        <source>Room or person</source>
        <translation>Sala o persona</translation>
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
        <translation>1 mes</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 meses</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 meses</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>Day range %1 – %2</source>
        <translation>Rango del día %1 – %2</translation>
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
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Connection lost. Trying to reconnect… What you write is sent once it is back.</source>
        <translation>Se perdió la conexión. Reconectando… Lo que escribas se enviará en cuanto vuelva.</translation>
    </message>
    <message>
        <source>Connection lost. Trying again in %1 s… What you write is sent once it is back.</source>
        <translation>Se perdió la conexión. Nuevo intento en %1 s… Lo que escribas se enviará en cuanto vuelva.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SearchDialog</name>
    <message>
        <source>More results</source>
        <translation>Más resultados</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Words to look for, then Enter</source>
        <translation>Palabras a buscar y luego Intro</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Dónde buscar</translation>
    </message>
    <message>
        <source>All my rooms</source>
        <translation>Todas mis salas</translation>
    </message>
    <message>
        <source>Results, best first</source>
        <translation>Resultados, los mejores primero</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %n. Double-click a result to open it.</source>
        <translation>
            <numerusform>Encontrado: %n. Haz doble clic para abrirlo.</numerusform>
            <numerusform>Encontrados: %n. Haz doble clic en un resultado para abrirlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <translation>%1 en %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ServerAdminDialog</name>
    <message>
        <source>Server administration</source>
        <translation>Administración del servidor</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Invitaciones</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SettingsDialog</name>
    <message>
        <source>Save name</source>
        <translation>Guardar nombre</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repite la contraseña nueva</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>Tu nombre, tal como lo ven los demás</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Changing it logs out your other devices; this one stays logged in.</source>
        <translation>Cambiarla cierra la sesión en tus otros dispositivos; en este sigue abierta.</translation>
    </message>
    <message>
        <source>e.g. AAPL, NVDA, earnings</source>
        <translation>p. ej. AAPL, NVDA, resultados</translation>
    </message>
    <message>
        <source>Words that notify you</source>
        <translation>Palabras que te avisan</translation>
    </message>
    <message>
        <source>Messages with your name or one of these words are highlighted and notify you, unless the room is muted.</source>
        <translation>Los mensajes con tu nombre o una de estas palabras se resaltan y te avisan, salvo que la sala esté silenciada.</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Takes effect the next time FinChat starts.</source>
        <translation>Se aplica la próxima vez que se inicie FinChat.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters, without control characters.</source>
        <translation>Un nombre tiene de 1 a 64 caracteres, sin caracteres de control.</translation>
    </message>
    <message>
        <source>Saved: others now see you as %1.</source>
        <translation>Guardado: ahora los demás te ven como %1.</translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>La contraseña nueva y su repetición no coinciden.</translation>
    </message>
    <message>
        <source>A password is %1 to %2 characters.</source>
        <translation>Una contraseña tiene de %1 a %2 caracteres.</translation>
    </message>
    <message>
        <source>Password changed. Your other devices have been logged out.</source>
        <translation>Contraseña cambiada. Se cerró la sesión en tus otros dispositivos.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>About you, on your profile</source>
        <translation>Sobre ti, en tu perfil</translation>
    </message>
    <message>
        <source>What others see on your profile</source>
        <translation>Lo que otros ven en tu perfil</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Sobre ti</translation>
    </message>
    <message>
        <source>Saved: your profile shows what you wrote.</source>
        <translation>Guardado: tu perfil muestra lo que escribiste.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SiteSettingsPage</name>
    <message>
        <source>Message of the day</source>
        <translation>Mensaje del día</translation>
    </message>
    <message>
        <source>Shown to everyone when they connect; empty shows nothing.</source>
        <translation>Se muestra a todos al conectarse; vacío no muestra nada.</translation>
    </message>
    <message>
        <source>Minutes an author may edit a message</source>
        <translation>Minutos en que el autor puede editar un mensaje</translation>
    </message>
    <message>
        <source>Editing is off</source>
        <translation>Edición desactivada</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Message of the day:</source>
        <translation>Mensaje del día:</translation>
    </message>
    <message>
        <source>Authors may edit messages for:</source>
        <translation>Los autores pueden editar mensajes durante:</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::StatusPage</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Running since:</source>
        <translation>En marcha desde:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Conexiones:</translation>
    </message>
    <message>
        <source>People online:</source>
        <translation>Personas en línea:</translation>
    </message>
    <message>
        <source>Messages per second:</source>
        <translation>Mensajes por segundo:</translation>
    </message>
    <message>
        <source>Messages since start:</source>
        <translation>Mensajes desde el inicio:</translation>
    </message>
    <message>
        <source>Database size:</source>
        <translation>Tamaño de la base de datos:</translation>
    </message>
    <message>
        <source>by invitation</source>
        <translation>por invitación</translation>
    </message>
    <message>
        <source>closed: accounts are made on the server</source>
        <translation>cerrado: las cuentas se crean en el servidor</translation>
    </message>
    <message>
        <source>open to anyone who reaches the server</source>
        <translation>abierto a quien llegue al servidor</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>responde</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>Bots:</source>
        <translation>Bots:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::TrustQuestion</name>
    <message>
        <source>Server certificate changed</source>
        <translation>El certificado del servidor cambió</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one you trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;If its administrator renewed it, they can confirm the new fingerprint below. Otherwise someone may be intercepting the connection to read your password and messages: do not connect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;El certificado de %1 no es el que aceptaste antes.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Si su administrador lo renovó, puede confirmarte la nueva huella de abajo. Si no, alguien podría estar interceptando la conexión para leer tu contraseña y tus mensajes: no te conectes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>¿Confiar en este servidor?</translation>
    </message>
    <message>
        <source>&lt;p&gt;FinChat has not connected to &lt;b&gt;%1&lt;/b&gt; before, and no certificate authority vouches for it.&lt;/p&gt;&lt;p&gt;Ask the person who runs the server to read you its fingerprint, and compare:&lt;/p&gt;</source>
        <translation>&lt;p&gt;FinChat no se ha conectado antes a &lt;b&gt;%1&lt;/b&gt; y ninguna autoridad de certificación lo avala.&lt;/p&gt;&lt;p&gt;Pide a quien administra el servidor que te lea su huella y compárala:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trust it only if they match. FinChat remembers your answer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Confía solo si coinciden. FinChat recuerda tu respuesta.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Confiar en el nuevo certificado</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Confiar y conectar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::WatchlistPanel</name>
    <message>
        <source>waiting for a price…</source>
        <translation>esperando un precio…</translation>
    </message>
    <message>
        <source>day %1 – %2</source>
        <translation>día %1 – %2</translation>
    </message>
    <message>
        <source>Add a code, e.g. aapl.us</source>
        <translation>Añade un código, p. ej. aapl.us</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>Añadir a la lista de seguimiento</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Lista de seguimiento</translation>
    </message>
    <message>
        <source>Price alerts</source>
        <translation>Alertas de precio</translation>
    </message>
    <message>
        <source>✓ %1 — reached %2 at %3</source>
        <translation>✓ %1 — alcanzó %2 el %3</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or above %2</source>
        <translation>Te avisa una vez cuando %1 esté en %2 o por encima</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or below %2</source>
        <translation>Te avisa una vez cuando %1 esté en %2 o por debajo</translation>
    </message>
    <message>
        <source>Also tells #%1</source>
        <translation>También avisa en #%1</translation>
    </message>
    <message>
        <source>Alert when above…</source>
        <translation>Avisar si sube por encima de…</translation>
    </message>
    <message>
        <source>Alert when below…</source>
        <translation>Avisar si baja por debajo de…</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>Quitar de la lista de seguimiento</translation>
    </message>
    <message>
        <source>Remove alert</source>
        <translation>Quitar alerta</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de precio</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or above:</source>
        <translation>Avísame una vez cuando %1 esté en este precio o por encima:</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or below:</source>
        <translation>Avísame una vez cuando %1 esté en este precio o por debajo:</translation>
    </message>
    <message>
        <source>Right-click a code (or press the Menu key on it) to set one.</source>
        <translation>Haz clic derecho en un código (o pulsa la tecla de menú sobre él) para crear una.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FinChat: chat for people who talk about markets.</source>
        <translation>FinChat: chat para quienes hablan de mercados.</translation>
    </message>
    <message>
        <source>Host a server on this computer from the start.</source>
        <translation>Alojar un servidor en este equipo desde el inicio.</translation>
    </message>
    <message>
        <source>Do not resume the last session; ask who you are.</source>
        <translation>No reanudar la última sesión; preguntar quién eres.</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, es, pt_BR, de) instead of the system&apos;s.</source>
        <translation>Usar &lt;language&gt; (en, es, pt_BR, de) en lugar del idioma del sistema.</translation>
    </message>
    <message>
        <source>No keychain on this system: FinChat will ask for your password next time.</source>
        <translation>No hay llavero en este sistema: FinChat te pedirá la contraseña la próxima vez.</translation>
    </message>
</context>
</TS>

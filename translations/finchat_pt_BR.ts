<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>FinChat::Client::ChatClient</name>
    <message>
        <source>You are offline; commands are not kept for later.</source>
        <translation>Você está offline; comandos não são guardados para depois.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ChatMessage</name>
    <message>
        <source>Price alert</source>
        <translation>Alerta de preço</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::ErrorText</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Usuário ou senha incorretos.</translation>
    </message>
    <message>
        <source>That name is taken.</source>
        <translation>Esse nome já está em uso.</translation>
    </message>
    <message>
        <source>Use 3 to 32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Use de 3 a 32 letras, dígitos, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;, começando com uma letra ou um dígito.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Use pelo menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Use 1 to 64 characters on one line.</source>
        <translation>Use de 1 a 64 caracteres em uma só linha.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation>Tentativas demais; aguarde um momento.</translation>
    </message>
    <message>
        <source>Your session has ended; please log in again.</source>
        <translation>Sua sessão terminou; entre novamente.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation>Não é possível alcançar o servidor em %1.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>O servidor não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>A conexão foi perdida.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>There is no such room.</source>
        <translation>Essa sala não existe.</translation>
    </message>
    <message>
        <source>A room with that name exists.</source>
        <translation>Já existe uma sala com esse nome.</translation>
    </message>
    <message>
        <source>Use 2 to 32 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Use de 2 a 32 letras, dígitos, &apos;_&apos; ou &apos;-&apos;, começando com uma letra ou um dígito.</translation>
    </message>
    <message>
        <source>Join the room first.</source>
        <translation>Entre na sala primeiro.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>A mensagem está vazia.</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>A mensagem é longa demais.</translation>
    </message>
    <message>
        <source>There is no such command; type /help to see them.</source>
        <translation>Esse comando não existe; digite /help para vê-los.</translation>
    </message>
    <message>
        <source>The server runs an incompatible version of FinChat.</source>
        <translation>O servidor usa uma versão incompatível do FinChat.</translation>
    </message>
    <message>
        <source>The server has too many connections from here.</source>
        <translation>O servidor tem conexões demais a partir daqui.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Algo deu errado (%1).</translation>
    </message>
    <message>
        <source>This server&apos;s certificate is not trusted yet. Compare its fingerprint with the server&apos;s administrator before trusting it.</source>
        <translation>O certificado deste servidor ainda não é confiável. Compare a impressão digital dele com o administrador do servidor antes de confiar nele.</translation>
    </message>
    <message>
        <source>This server&apos;s certificate has changed since you last connected. Someone may be intercepting the connection.</source>
        <translation>O certificado deste servidor mudou desde a sua última conexão. Alguém pode estar interceptando a conexão.</translation>
    </message>
    <message>
        <source>The list is full; remove something from it first.</source>
        <translation>A lista está cheia; remova algo dela primeiro.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the server&apos;s administrator.</source>
        <translation>Esta conta está desativada. Fale com o administrador do servidor.</translation>
    </message>
    <message>
        <source>This server takes no new accounts. Ask its administrator for one.</source>
        <translation>Este servidor não aceita contas novas. Peça uma ao administrador.</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator for a valid invite code.</source>
        <translation>Peça um código de convite válido ao administrador do servidor.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room for now.</source>
        <translation>Um moderador silenciou você nesta sala por enquanto.</translation>
    </message>
    <message>
        <source>That message is no longer there.</source>
        <translation>Essa mensagem não existe mais.</translation>
    </message>
    <message>
        <source>You may not do that here; ask a moderator or an administrator.</source>
        <translation>Você não pode fazer isso aqui; peça a um moderador ou administrador.</translation>
    </message>
    <message>
        <source>This message can no longer be edited.</source>
        <translation>Esta mensagem não pode mais ser editada.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::EventRouter</name>
    <message>
        <source>An administrator deleted this room.</source>
        <translation>Um administrador apagou esta sala.</translation>
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
        <translation>on-line</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>off-line</translation>
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
        <translation>%1 perguntou, %2: %3</translation>
    </message>
    <message>
        <source>Only you can see this, %1: %2</source>
        <translation>Só você pode ver isto, %1: %2</translation>
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
        <translation> (não enviada: %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: this message was deleted</source>
        <translation>%1, %2: esta mensagem foi apagada</translation>
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
        <translation>%1 removeu você desta sala.</translation>
    </message>
    <message>
        <source>%1 removed %2 from this room.</source>
        <translation>%1 removeu %2 desta sala.</translation>
    </message>
    <message>
        <source>%1 muted you in this room until %2.</source>
        <translation>%1 silenciou você nesta sala até %2.</translation>
    </message>
    <message>
        <source>%1 muted %2 in this room until %3.</source>
        <translation>%1 silenciou %2 nesta sala até %3.</translation>
    </message>
    <message>
        <source>%1 lifted your mute in this room.</source>
        <translation>%1 removeu o seu silenciamento nesta sala.</translation>
    </message>
    <message>
        <source>%1 lifted the mute of %2 in this room.</source>
        <translation>%1 removeu o silenciamento de %2 nesta sala.</translation>
    </message>
    <message>
        <source>A moderator muted you in this room until %1.</source>
        <translation>Um moderador silenciou você nesta sala até %1.</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::RoomListModel</name>
    <message>
        <source>Not joined: double-click or press Enter to join</source>
        <translation>Você não entrou: clique duas vezes ou pressione Enter para entrar</translation>
    </message>
    <message>
        <source>%1
Not joined: double-click or press Enter to join</source>
        <translation>%1
Você não entrou: clique duas vezes ou pressione Enter para entrar</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n não lida</numerusform>
            <numerusform>%n não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>não entrou</translation>
    </message>
    <message>
        <source>Direct conversation with %1</source>
        <translation>Conversa direta com %1</translation>
    </message>
    <message>
        <source>a direct conversation</source>
        <translation>uma conversa direta</translation>
    </message>
</context>
<context>
    <name>FinChat::Client::Session</name>
    <message>
        <source>Your password was changed on another device. Log in with the new one.</source>
        <translation>Sua senha foi alterada em outro dispositivo. Entre com a nova.</translation>
    </message>
    <message>
        <source>This session was logged out on another device. Log in again.</source>
        <translation>Esta sessão foi encerrada em outro dispositivo. Entre novamente.</translation>
    </message>
    <message>
        <source>A moderator banned this account. Ask the server&apos;s administrator.</source>
        <translation>Um moderador baniu esta conta. Fale com o administrador do servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s administrator ended this session. Log in again.</source>
        <translation>O administrador do servidor encerrou esta sessão. Entre novamente.</translation>
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
        <translation>membro</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::AuditPage</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>Quem</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalhe</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>Entradas anteriores</translation>
    </message>
    <message>
        <source>Audit log, newest first</source>
        <translation>Registro de auditoria, mais recentes primeiro</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>o servidor</translation>
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
        <translation>Respondendo a %1: %2</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves it, Escape cancels.</source>
        <translation>Editando sua mensagem. Enter salva, Esc cancela.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ConnectDialog</name>
    <message>
        <source>Host a server on this computer</source>
        <translation>Hospedar um servidor neste computador</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Criar conta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Connect to FinChat</source>
        <translation>Conectar ao FinChat</translation>
    </message>
    <message>
        <source>server name or address</source>
        <translation>nome ou endereço do servidor</translation>
    </message>
    <message>
        <source>Runs a FinChat server inside this app; colleagues on your network can join it.</source>
        <translation>Executa um servidor FinChat dentro deste aplicativo; colegas na sua rede podem entrar.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Digite um nome de usuário.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Digite uma senha.</translation>
    </message>
    <message>
        <source>Creating your account on %1…</source>
        <translation>Criando sua conta em %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Seu nome</translation>
    </message>
    <message>
        <source>FinChat servers on your network</source>
        <translation>Servidores FinChat na sua rede</translation>
    </message>
    <message>
        <source>Nearby</source>
        <translation>Por perto</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Impressão digital do certificado: %1</translation>
    </message>
    <message>
        <source>optional: how others see you</source>
        <translation>opcional: como os outros veem você</translation>
    </message>
    <message>
        <source>%1:%2 — %3</source>
        <translation>%1:%2 — %3</translation>
    </message>
    <message>
        <source>only if the server asks for one</source>
        <translation>só se o servidor pedir</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de convite</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::DeskTray</name>
    <message>
        <source>Show FinChat</source>
        <translation>Mostrar o FinChat</translation>
    </message>
    <message>
        <source>Quit FinChat</source>
        <translation>Sair do FinChat</translation>
    </message>
    <message numerus="yes">
        <source>FinChat — %n unread</source>
        <translation>
            <numerusform>FinChat — %n não lida</numerusform>
            <numerusform>FinChat — %n não lidas</numerusform>
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
        <translation>Convite</translation>
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
        <translation>Válido até</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Criado por</translation>
    </message>
    <message>
        <source>Invites that can still be used</source>
        <translation>Convites que ainda podem ser usados</translation>
    </message>
    <message>
        <source>Accounts it makes</source>
        <translation>Contas que ele cria</translation>
    </message>
    <message>
        <source>Days it is valid</source>
        <translation>Dias de validade</translation>
    </message>
    <message>
        <source>New invite code</source>
        <translation>Novo código de convite</translation>
    </message>
    <message>
        <source>Make invite</source>
        <translation>Criar convite</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revogar</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Contas:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Dias:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>o servidor</translation>
    </message>
    <message>
        <source>The new code</source>
        <translation>O novo código</translation>
    </message>
    <message>
        <source>A new code is shown here once: the server keeps only its fingerprint. Copy it now.</source>
        <translation>Um novo código aparece aqui uma única vez: o servidor guarda só a impressão digital dele. Copie-o agora.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::LocalServer</name>
    <message>
        <source>Cannot open the server&apos;s database: %1</source>
        <translation>Não é possível abrir o banco de dados do servidor: %1</translation>
    </message>
    <message>
        <source>Cannot listen for connections: %1</source>
        <translation>Não é possível aceitar conexões: %1</translation>
    </message>
    <message>
        <source>Cannot set up the server&apos;s certificate: %1</source>
        <translation>Não é possível preparar o certificado do servidor: %1</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MainWindow</name>
    <message>
        <source>Leave</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>FinChat</source>
        <translation>FinChat</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Nova sala…</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Hosting on port %1</source>
        <translation>Hospedando na porta %1</translation>
    </message>
    <message>
        <source>Hosting — colleagues can join at %1</source>
        <translation>Hospedando: colegas podem entrar em %1</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Nenhuma sala</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Conectado a %1 como %2</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting to %1…</source>
        <translation>Conexão perdida: reconectando a %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Certificate fingerprint: %1</source>
        <translation>Impressão digital do certificado: %1</translation>
    </message>
    <message>
        <source>When a colleague&apos;s FinChat asks whether to trust this server, they compare the fingerprint it shows with this one.</source>
        <translation>Quando o FinChat de um colega perguntar se deve confiar neste servidor, ele compara a impressão digital mostrada com esta.</translation>
    </message>
    <message>
        <source>&amp;FinChat</source>
        <translation>&amp;FinChat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>FinChat is still running</source>
        <translation>O FinChat continua em execução</translation>
    </message>
    <message>
        <source>New messages are announced here. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>As novas mensagens são avisadas aqui. Para sair, use “Sair do FinChat” no menu deste ícone.</translation>
    </message>
    <message>
        <source>Stop hosting?</source>
        <translation>Parar de hospedar?</translation>
    </message>
    <message>
        <source>Quit and stop the server</source>
        <translation>Sair e parar o servidor</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>&amp;Ir para a sala…</translation>
    </message>
    <message>
        <source>&amp;Previous room</source>
        <translation>Sala &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next room</source>
        <translation>&amp;Próxima sala</translation>
    </message>
    <message>
        <source>You are hosting this chat. Quitting FinChat stops the server and disconnects everyone else on it (connected now: %1).</source>
        <translation>Você está hospedando este chat. Sair do FinChat para o servidor e desconecta todos os outros (conectados agora: %1).</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;About FinChat</source>
        <translation>&amp;Sobre o FinChat</translation>
    </message>
    <message>
        <source>You have logged out.</source>
        <translation>Você saiu da sessão.</translation>
    </message>
    <message>
        <source>About FinChat</source>
        <translation>Sobre o FinChat</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat for people who talk about markets: rooms, quotes from the stock bot, a server on your own network.&lt;/p&gt;&lt;p&gt;MIT licence. Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FinChat %1&lt;/h3&gt;&lt;p&gt;Chat para quem fala de mercados: salas, cotações do bot de ações, um servidor na sua própria rede.&lt;/p&gt;&lt;p&gt;Licença MIT. Compilado com Qt %2, executando com Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Notify me of</source>
        <translation>Avisar-me de</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>Cada mensagem</translation>
    </message>
    <message>
        <source>My name and watched words</source>
        <translation>Meu nome e palavras que acompanho</translation>
    </message>
    <message>
        <source>Nothing (mute)</source>
        <translation>Nada (silenciar)</translation>
    </message>
    <message>
        <source>Leave #%1</source>
        <translation>Sair de #%1</translation>
    </message>
    <message>
        <source>Join #%1</source>
        <translation>Entrar em #%1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
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
        <translation>Copiar link</translation>
    </message>
    <message>
        <source>%1: asking for the latest quote…</source>
        <translation>%1: consultando a cotação mais recente…</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de preço</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <source>#%1 is now called #%2.</source>
        <translation>#%1 agora se chama #%2.</translation>
    </message>
    <message>
        <source>Server &amp;administration…</source>
        <translation>&amp;Administração do servidor…</translation>
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
        <translation>&amp;Quem está online…</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Ver perfil</translation>
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation>&amp;Buscar mensagens…</translation>
    </message>
    <message>
        <source>That message is too far back to show here.</source>
        <translation>Essa mensagem está antiga demais para ser mostrada aqui.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Mensagens diretas</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>Nova mensagem…</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Enviar uma mensagem direta</translation>
    </message>
    <message>
        <source>You are no longer in %1.</source>
        <translation>Você não está mais em %1.</translation>
    </message>
    <message>
        <source>Conversation in %1</source>
        <translation>Conversa em %1</translation>
    </message>
    <message>
        <source>Members of %1</source>
        <translation>Membros de %1</translation>
    </message>
    <message>
        <source>Message to %1</source>
        <translation>Mensagem para %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>A direct conversation stays among your conversations.</source>
        <translation>Uma conversa direta fica entre as suas conversas.</translation>
    </message>
    <message>
        <source>Only the people in this conversation can read it.</source>
        <translation>Só as pessoas desta conversa podem lê-la.</translation>
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
        <translation>%1 perguntou  %2</translation>
    </message>
    <message>
        <source>Only you can see this  %1</source>
        <translation>Só você pode ver isto  %1</translation>
    </message>
    <message>
        <source>  · sending…</source>
        <translation>  · enviando…</translation>
    </message>
    <message>
        <source>  · not sent: %1</source>
        <translation>  · não enviada: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Novas mensagens</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Esta mensagem foi apagada.</translation>
    </message>
    <message>
        <source>%1: This message was deleted.</source>
        <translation>%1: Esta mensagem foi excluída.</translation>
    </message>
    <message>
        <source>%1  %2  (edited)</source>
        <translation>%1  %2  (editada)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(editada)</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MessageInput</name>
    <message>
        <source>Message — Enter sends, Shift+Enter adds a line, / for commands</source>
        <translation>Mensagem: Enter envia, Shift+Enter adiciona uma linha, / para comandos</translation>
    </message>
    <message>
        <source>%1 characters too long: a message holds at most %2</source>
        <translation>%1 caracteres a mais: uma mensagem comporta no máximo %2</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ModerationMenus</name>
    <message>
        <source>Delete message…</source>
        <translation>Apagar mensagem…</translation>
    </message>
    <message>
        <source>Remove from #%1…</source>
        <translation>Remover de #%1…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remover %1</translation>
    </message>
    <message>
        <source>Remove %1 from #%2? They may join again. Reason (optional, shown to the room):</source>
        <translation>Remover %1 de #%2? A pessoa pode entrar de novo. Motivo (opcional, visível para a sala):</translation>
    </message>
    <message>
        <source>Ban from the server…</source>
        <translation>Banir do servidor…</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Banir %1</translation>
    </message>
    <message>
        <source>Ban %1 from this server? They are logged out everywhere and cannot log in until unbanned. Reason (optional, shown to them):</source>
        <translation>Banir %1 deste servidor? A pessoa sai de todas as sessões e não pode entrar até ser desbanida. Motivo (opcional, mostrado a ela):</translation>
    </message>
    <message>
        <source>Mute in #%1</source>
        <translation>Silenciar em #%1</translation>
    </message>
    <message>
        <source>For 10 minutes</source>
        <translation>Por 10 minutos</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Por 1 hora</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Por 1 dia</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>Por 1 semana</translation>
    </message>
    <message>
        <source>Lift mute</source>
        <translation>Remover silenciamento</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membro</translation>
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
        <translation>Apagar mensagem</translation>
    </message>
    <message>
        <source>Delete this message for everyone? Its text is gone for good; the room shows that a message was deleted.</source>
        <translation>Apagar esta mensagem para todos? O texto some para sempre; a sala mostra que uma mensagem foi apagada.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Apagar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::MotdBanner</name>
    <message>
        <source>Message of the day</source>
        <translation>Mensagem do dia</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewDirectDialog</name>
    <message>
        <source>New direct message</source>
        <translation>Nova mensagem direta</translation>
    </message>
    <message>
        <source>Write to one person, or to a few at once (up to %1). Only the people in a conversation can read it.</source>
        <translation>Escreva para uma pessoa ou para várias de uma vez (até %1). Só as pessoas de uma conversa podem lê-la.</translation>
    </message>
    <message>
        <source>Find people</source>
        <translation>Encontrar pessoas</translation>
    </message>
    <message>
        <source>People of your rooms</source>
        <translation>Pessoas das suas salas</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Iniciar conversa</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>Nobody shares a room with you yet.</source>
        <translation>Ainda ninguém compartilha uma sala com você.</translation>
    </message>
    <message>
        <source>At most %1 people besides you.</source>
        <translation>No máximo %1 pessoas além de você.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::NewRoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Nova sala</translation>
    </message>
    <message>
        <source>e.g. macro or fx-desk</source>
        <translation>ex.: macro ou fx-desk</translation>
    </message>
    <message>
        <source>optional: what the room is about</source>
        <translation>opcional: sobre o que é a sala</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>2 to 32 of a-z, 0-9, &apos;_&apos; and &apos;-&apos;, starting with a letter or digit.</source>
        <translation>De 2 a 32 caracteres entre a-z, 0-9, &apos;_&apos; e &apos;-&apos;, começando por uma letra ou um dígito.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::OnlineDialog</name>
    <message>
        <source>Who&apos;s online</source>
        <translation>Quem está online</translation>
    </message>
    <message>
        <source>People online now</source>
        <translation>Pessoas online agora</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message numerus="yes">
        <source>More than %n people are online.</source>
        <translation>
            <numerusform>Mais de %n pessoa está online.</numerusform>
            <numerusform>Mais de %n pessoas estão online.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people are online.</source>
        <translation>
            <numerusform>%n pessoa está online.</numerusform>
            <numerusform>%n pessoas estão online.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::PeoplePage</name>
    <message>
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>On-line</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>People on this server</source>
        <translation>Pessoas neste servidor</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Desbanir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Definir função</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>online</source>
        <translation>on-line</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>banido</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>ativa</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Banir</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ProfileDialog</name>
    <message>
        <source>Asking the server…</source>
        <translation>Perguntando ao servidor…</translation>
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
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>here since %1</source>
        <translation>aqui desde %1</translation>
    </message>
    <message>
        <source>You share no room.</source>
        <translation>Vocês não compartilham nenhuma sala.</translation>
    </message>
    <message>
        <source>Your rooms: %1</source>
        <translation>Suas salas: %1</translation>
    </message>
    <message>
        <source>Rooms you share: %1</source>
        <translation>Salas em comum: %1</translation>
    </message>
    <message>
        <source>Send a direct message</source>
        <translation>Enviar uma mensagem direta</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::QuickSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Ir para a sala</translation>
    </message>
    <message>
        <source>Room to go to</source>
        <translation>Sala para onde ir</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Salas correspondentes</translation>
    </message>
    <message>
        <source>Room or person</source>
        <translation>Sala ou pessoa</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::QuoteCards</name>
    <message>
        <source>%1 (%2%)</source>
        <extracomment>%1 is the change in price with its arrow and sign, %2 the change in per cent</extracomment>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mês</translation>
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
        <translation>1 ano</translation>
    </message>
    <message>
        <source>Day range %1 – %2</source>
        <translation>Faixa do dia %1 – %2</translation>
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
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>Connection lost. Trying to reconnect… What you write is sent once it is back.</source>
        <translation>Conexão perdida. Reconectando… O que você escrever será enviado quando ela voltar.</translation>
    </message>
    <message>
        <source>Connection lost. Trying again in %1 s… What you write is sent once it is back.</source>
        <translation>Conexão perdida. Nova tentativa em %1 s… O que você escrever será enviado quando ela voltar.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SearchDialog</name>
    <message>
        <source>More results</source>
        <translation>Mais resultados</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensagens</translation>
    </message>
    <message>
        <source>Words to look for, then Enter</source>
        <translation>Palavras a buscar, depois Enter</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Onde buscar</translation>
    </message>
    <message>
        <source>All my rooms</source>
        <translation>Todas as minhas salas</translation>
    </message>
    <message>
        <source>Results, best first</source>
        <translation>Resultados, os melhores primeiro</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nada encontrado.</translation>
    </message>
    <message numerus="yes">
        <source>Found: %n. Double-click a result to open it.</source>
        <translation>
            <numerusform>Encontrado: %n. Clique duas vezes para abri-lo.</numerusform>
            <numerusform>Encontrados: %n. Clique duas vezes em um resultado para abri-lo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <translation>%1 em %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::ServerAdminDialog</name>
    <message>
        <source>Server administration</source>
        <translation>Administração do servidor</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>Convites</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoria</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SettingsDialog</name>
    <message>
        <source>Save name</source>
        <translation>Salvar nome</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Senha atual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nova senha</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repita a nova senha</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Alterar senha</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>Seu nome, como os outros o veem</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Seu nome</translation>
    </message>
    <message>
        <source>Changing it logs out your other devices; this one stays logged in.</source>
        <translation>Alterá-la encerra a sessão nos seus outros dispositivos; neste ela continua.</translation>
    </message>
    <message>
        <source>e.g. AAPL, NVDA, earnings</source>
        <translation>ex.: AAPL, NVDA, balanço</translation>
    </message>
    <message>
        <source>Words that notify you</source>
        <translation>Palavras que avisam você</translation>
    </message>
    <message>
        <source>Messages with your name or one of these words are highlighted and notify you, unless the room is muted.</source>
        <translation>Mensagens com seu nome ou uma destas palavras são destacadas e avisam você, a menos que a sala esteja silenciada.</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palavras</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Takes effect the next time FinChat starts.</source>
        <translation>Vale a partir do próximo início do FinChat.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>A name is 1 to 64 characters, without control characters.</source>
        <translation>Um nome tem de 1 a 64 caracteres, sem caracteres de controle.</translation>
    </message>
    <message>
        <source>Saved: others now see you as %1.</source>
        <translation>Salvo: agora os outros veem você como %1.</translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>A nova senha e a repetição são diferentes.</translation>
    </message>
    <message>
        <source>A password is %1 to %2 characters.</source>
        <translation>Uma senha tem de %1 a %2 caracteres.</translation>
    </message>
    <message>
        <source>Password changed. Your other devices have been logged out.</source>
        <translation>Senha alterada. Seus outros dispositivos foram desconectados.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>About you, on your profile</source>
        <translation>Sobre você, no seu perfil</translation>
    </message>
    <message>
        <source>What others see on your profile</source>
        <translation>O que outros veem no seu perfil</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Sobre você</translation>
    </message>
    <message>
        <source>Saved: your profile shows what you wrote.</source>
        <translation>Salvo: seu perfil mostra o que você escreveu.</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::SiteSettingsPage</name>
    <message>
        <source>Message of the day</source>
        <translation>Mensagem do dia</translation>
    </message>
    <message>
        <source>Shown to everyone when they connect; empty shows nothing.</source>
        <translation>Mostrada a todos ao se conectarem; vazia não mostra nada.</translation>
    </message>
    <message>
        <source>Minutes an author may edit a message</source>
        <translation>Minutos em que o autor pode editar uma mensagem</translation>
    </message>
    <message>
        <source>Editing is off</source>
        <translation>Edição desativada</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Message of the day:</source>
        <translation>Mensagem do dia:</translation>
    </message>
    <message>
        <source>Authors may edit messages for:</source>
        <translation>Autores podem editar mensagens por:</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::StatusPage</name>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versão:</translation>
    </message>
    <message>
        <source>Running since:</source>
        <translation>Rodando desde:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Conexões:</translation>
    </message>
    <message>
        <source>People online:</source>
        <translation>Pessoas on-line:</translation>
    </message>
    <message>
        <source>Messages per second:</source>
        <translation>Mensagens por segundo:</translation>
    </message>
    <message>
        <source>Messages since start:</source>
        <translation>Mensagens desde o início:</translation>
    </message>
    <message>
        <source>Database size:</source>
        <translation>Tamanho do banco de dados:</translation>
    </message>
    <message>
        <source>by invitation</source>
        <translation>por convite</translation>
    </message>
    <message>
        <source>closed: accounts are made on the server</source>
        <translation>fechado: as contas são criadas no servidor</translation>
    </message>
    <message>
        <source>open to anyone who reaches the server</source>
        <translation>aberto a quem alcançar o servidor</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>Cadastro:</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>respondendo</translation>
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
        <translation>nenhum</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::TrustQuestion</name>
    <message>
        <source>Server certificate changed</source>
        <translation>O certificado do servidor mudou</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The certificate of %1 is not the one you trusted before.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;If its administrator renewed it, they can confirm the new fingerprint below. Otherwise someone may be intercepting the connection to read your password and messages: do not connect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;O certificado de %1 não é aquele em que você confiou antes.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Se o administrador o renovou, ele pode confirmar a nova impressão digital abaixo. Caso contrário, alguém pode estar interceptando a conexão para ler sua senha e suas mensagens: não conecte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Confiar neste servidor?</translation>
    </message>
    <message>
        <source>&lt;p&gt;FinChat has not connected to &lt;b&gt;%1&lt;/b&gt; before, and no certificate authority vouches for it.&lt;/p&gt;&lt;p&gt;Ask the person who runs the server to read you its fingerprint, and compare:&lt;/p&gt;</source>
        <translation>&lt;p&gt;O FinChat nunca se conectou a &lt;b&gt;%1&lt;/b&gt; e nenhuma autoridade certificadora o garante.&lt;/p&gt;&lt;p&gt;Peça a quem administra o servidor que leia a impressão digital dele para você e compare:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trust it only if they match. FinChat remembers your answer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Confie apenas se coincidirem. O FinChat lembra a sua resposta.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Confiar no novo certificado</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Confiar e conectar</translation>
    </message>
</context>
<context>
    <name>FinChat::Ui::WatchlistPanel</name>
    <message>
        <source>waiting for a price…</source>
        <translation>aguardando um preço…</translation>
    </message>
    <message>
        <source>day %1 – %2</source>
        <translation>dia %1 – %2</translation>
    </message>
    <message>
        <source>Add a code, e.g. aapl.us</source>
        <translation>Adicione um código, p. ex. aapl.us</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>Adicionar à lista de observação</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Lista de observação</translation>
    </message>
    <message>
        <source>Price alerts</source>
        <translation>Alertas de preço</translation>
    </message>
    <message>
        <source>✓ %1 — reached %2 at %3</source>
        <translation>✓ %1 — atingiu %2 em %3</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or above %2</source>
        <translation>Avisa uma vez quando %1 estiver em %2 ou acima</translation>
    </message>
    <message>
        <source>Tells you once when %1 is at or below %2</source>
        <translation>Avisa uma vez quando %1 estiver em %2 ou abaixo</translation>
    </message>
    <message>
        <source>Also tells #%1</source>
        <translation>Também avisa em #%1</translation>
    </message>
    <message>
        <source>Alert when above…</source>
        <translation>Avisar quando acima de…</translation>
    </message>
    <message>
        <source>Alert when below…</source>
        <translation>Avisar quando abaixo de…</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>Remover da lista de observação</translation>
    </message>
    <message>
        <source>Remove alert</source>
        <translation>Remover alerta</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de preço</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or above:</source>
        <translation>Avise-me uma vez quando %1 estiver neste preço ou acima:</translation>
    </message>
    <message>
        <source>Tell me once when %1 is at or below:</source>
        <translation>Avise-me uma vez quando %1 estiver neste preço ou abaixo:</translation>
    </message>
    <message>
        <source>Right-click a code (or press the Menu key on it) to set one.</source>
        <translation>Clique com o botão direito num código (ou pressione a tecla de menu nele) para criar um.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FinChat: chat for people who talk about markets.</source>
        <translation>FinChat: chat para quem fala de mercados.</translation>
    </message>
    <message>
        <source>Host a server on this computer from the start.</source>
        <translation>Hospedar um servidor neste computador desde o início.</translation>
    </message>
    <message>
        <source>Do not resume the last session; ask who you are.</source>
        <translation>Não retomar a última sessão; perguntar quem você é.</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (en, es, pt_BR, de) instead of the system&apos;s.</source>
        <translation>Usar &lt;language&gt; (en, es, pt_BR, de) em vez do idioma do sistema.</translation>
    </message>
    <message>
        <source>No keychain on this system: FinChat will ask for your password next time.</source>
        <translation>Não há chaveiro neste sistema: o FinChat pedirá a sua senha da próxima vez.</translation>
    </message>
</context>
</TS>

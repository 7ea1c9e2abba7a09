#!/usr/bin/env bash
# Builds the .deb from a FinChat build folder, unpacks it into a scratch root as dpkg would
# install it, and checks what an admin and a desktop user rely on: the server runs from its
# installed path and loads the stock bot from the plugin folder it reads, the launcher entry
# and icon are in place, the service unit, config and maintainer scripts are sound, and the
# dependencies name the distribution's Qt, QCoro and libsodium.
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
server_pid=
runner_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$runner_pid" ] && kill "$runner_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
# (No QCoro library: what FinChat uses of QCoro is templates, built into its binaries.)
for needed in libqt6core6 libqt6websockets6 libqt6widgets6 libsodium libssl adduser; do
    grep -q "$needed" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
dpkg-deb -I "$deb" conffiles | grep -qx /etc/finchat/finchat-server.ini || fail "config is not a conffile"

root="$work/root"
dpkg-deb -x "$deb" "$root"
for script in postinst postrm; do
    dpkg-deb -I "$deb" "$script" >"$work/$script"
    sh -n "$work/$script" || fail "$script is not valid sh"
done
grep -q "adduser --system" "$work/postinst" || fail "postinst does not create the finchat user"

server="$root/usr/bin/finchat-server"
[ -x "$server" ] || fail "no $server"
"$server" --version | grep -q "^finchat-server [0-9]" || fail "finchat-server --version"

plugin=$(find "$root/usr/lib" -path '*/finchat/plugins/libstockbot.so')
[ -n "$plugin" ] || fail "the stock bot is not in a finchat/plugins folder"
"$server" --listen 127.0.0.1 --port 0 --database "$work/chat.db" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/server.log" && break
    sleep 0.1
done
grep -q "loaded bot stockbot .* from $plugin" "$work/server.log" ||
    { cat "$work/server.log"; fail "the installed server did not load the installed stock bot"; }
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not stop cleanly on SIGTERM"
server_pid=

desktop="$root/usr/share/applications/org.finchat.FinChat.desktop"
[ -f "$desktop" ] || fail "no launcher entry"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "launcher entry invalid"; fi
grep -qx "Exec=finchat" "$desktop" || fail "launcher does not start finchat"
[ -x "$root/usr/bin/finchat" ] || fail "no finchat app"
for size in 16x16 32x32 48x48 256x256; do
    [ -f "$root/usr/share/icons/hicolor/$size/apps/finchat.png" ] || fail "no $size icon"
done
[ -f "$root/usr/share/icons/hicolor/scalable/apps/finchat.svg" ] || fail "no scalable icon"
metainfo="$root/usr/share/metainfo/org.finchat.FinChat.metainfo.xml"
[ -f "$metainfo" ] || fail "no AppStream metainfo"
if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net "$metainfo" >/dev/null || fail "metainfo invalid"; fi

unit="$root/usr/lib/systemd/system/finchat-server.service"
[ -f "$unit" ] || fail "no systemd unit"
grep -qx "ExecStart=/usr/bin/finchat-server --config /etc/finchat/finchat-server.ini" "$unit" || fail "unit ExecStart"
grep -qx "User=finchat" "$unit" && grep -qx "StateDirectory=finchat" "$unit" || fail "unit user or state folder"
grep -qx "database=/var/lib/finchat/finchat.db" "$root/etc/finchat/finchat-server.ini" || fail "config database path"
runner_unit="$root/usr/lib/systemd/system/finchat-botrunner.service"
[ -f "$runner_unit" ] || fail "no systemd unit for the bot runner"
grep -qx "ExecStart=/usr/bin/finchat-botrunner --config /etc/finchat/finchat-botrunner.ini" "$runner_unit" ||
    fail "runner unit ExecStart"
grep -qx "Restart=always" "$runner_unit" || fail "the runner is not started again after a crash"
dpkg-deb -I "$deb" conffiles | grep -qx /etc/finchat/finchat-botrunner.ini || fail "runner config is not a conffile"
"$root/usr/bin/finchat-botrunner" --version | grep -q "^finchat-botrunner [0-9]" || fail "finchat-botrunner --version"
grep -qx 'ExecStartPre=/usr/lib/finchat/finchat-bot-token stockbot "Stock bot"' "$runner_unit" ||
    fail "the runner unit does not make the stock bot's token"
grep -qx "Wants=finchat-botrunner.service" "$unit" || fail "the server does not bring the runner"

# As packaged, the bots run in finchat-botrunner: the server with the packaged configuration
# (its paths moved into the scratch folder) loads no plugin, the helper makes the stock bot's
# account and token, and the installed runner serves the installed stock bot to the server.
grep -qx "load_plugins=false" "$root/etc/finchat/finchat-server.ini" || fail "the packaged server loads plugins itself"
sed "s|^database=.*|database=$work/packaged.db|" "$root/etc/finchat/finchat-server.ini" >"$work/server.ini"
"$server" --config "$work/server.ini" --listen 127.0.0.1 --port 0 >"$work/packaged.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/packaged.log" && break
    sleep 0.1
done
port=$(sed -n 's|.*listening on wss://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/packaged.log")
[ -n "$port" ] || { cat "$work/packaged.log"; fail "the packaged server did not start"; }
grep -q "loaded bot" "$work/packaged.log" && fail "the packaged server loaded a plugin itself"
make_tokens() {
    FINCHAT_SERVER_CONFIG="$work/server.ini" FINCHAT_BOT_TOKENS="$work/tokens" FINCHAT_SERVER="$server" \
        "$root/usr/lib/finchat/finchat-bot-token" stockbot "Stock bot"
}
make_tokens || fail "finchat-bot-token"
[ -s "$work/tokens/stockbot.token" ] || fail "no token file for the stock bot"
[ "$(stat -c %a "$work/tokens/stockbot.token")" = 600 ] || fail "the token file is readable by others"
cp "$work/tokens/stockbot.token" "$work/first.token"
again=$(make_tokens) || fail "finchat-bot-token failed when the token exists"
[ -z "$again" ] && cmp -s "$work/tokens/stockbot.token" "$work/first.token" ||
    fail "finchat-bot-token made a second token"
sed -e "s|^server=.*|server=wss://127.0.0.1:$port|" -e "s|^tokens_dir=.*|tokens_dir=$work/tokens|" \
    -e "s|^server_certificate=.*|server_certificate=$work/finchat-certificate.pem|" \
    "$root/etc/finchat/finchat-botrunner.ini" >"$work/runner.ini"
"$root/usr/bin/finchat-botrunner" --config "$work/runner.ini" >"$work/runner.log" 2>&1 &
runner_pid=$!
for _ in $(seq 100); do
    grep -q "bot stockbot connected" "$work/packaged.log" && break
    sleep 0.1
done
grep -q "bot stockbot connected from 127.0.0.1, answering /stock" "$work/packaged.log" ||
    { cat "$work/runner.log" "$work/packaged.log"; fail "the installed runner did not serve the stock bot"; }
kill -TERM "$runner_pid"
wait "$runner_pid" || fail "the runner did not stop cleanly on SIGTERM"
runner_pid=
kill -TERM "$server_pid"
wait "$server_pid" || fail "the packaged server did not stop cleanly"
server_pid=
[ -f "$root/usr/include/finchat/botplugin.h" ] || fail "no SDK header"
[ -f "$root/usr/lib/cmake/FinChatBotSDK/FinChatBotSDKConfig.cmake" ] || fail "no SDK package config"
echo "the .deb installs and runs as described"

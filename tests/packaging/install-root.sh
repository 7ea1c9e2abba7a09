#!/usr/bin/env bash
# Run by test_deb.sh as root inside a chroot into a copy-on-write copy of this system, with no
# systemd running: installs the FinChat packages with dpkg, checks what their maintainer
# scripts did, runs the installed server, runner, stock bot and a plugin built from the SDK
# package alone, and purges them. test_deb.sh then looks for anything left behind.
#   install-root.sh TEST_DIR   (holding pkgs/*.deb and echobot/)
set -euo pipefail
test_dir=$1
pkgs=$test_dir/pkgs
scratch=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "FAIL (installed): $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

[ ! -d /run/systemd/system ] || fail "systemd runs in the test root"
! getent passwd finchat >/dev/null || fail "this system already has a finchat user"
dpkg -i "$pkgs"/finchat-server_*.deb "$pkgs"/finchat-stockbot_*.deb "$pkgs"/finchat-botrunner_*.deb \
    "$pkgs"/finchat_*.deb "$pkgs"/finchat-bot-sdk_*.deb >"$scratch/dpkg.log" 2>&1 ||
    { cat "$scratch/dpkg.log"; fail "dpkg -i"; }

# What the maintainer scripts did without systemd: the user, the data folder, the server
# enabled for the next boot, the runner enabled to come with the server.
getent passwd finchat | grep -q ':/var/lib/finchat:' || fail "no finchat system user"
[ "$(stat -c '%U:%G %a' /var/lib/finchat)" = "finchat:finchat 750" ] ||
    fail "data folder: $(stat -c '%U:%G %a' /var/lib/finchat)"
wants=/etc/systemd/system/multi-user.target.wants
[ -L "$wants/finchat-server.service" ] || fail "finchat-server.service is not enabled"
[ -L /etc/systemd/system/finchat-server.service.wants/finchat-botrunner.service ] ||
    fail "finchat-botrunner.service does not come with the server"
[ ! -e "$wants/finchat-botrunner.service" ] || fail "finchat-botrunner.service is enabled on its own"
systemd-analyze verify /usr/lib/systemd/system/finchat-server.service \
    /usr/lib/systemd/system/finchat-botrunner.service >"$scratch/verify.log" 2>&1 ||
    { cat "$scratch/verify.log"; fail "systemd-analyze verify"; }
for page in finchat finchat-server finchat-botrunner; do
    man -w "$page" >/dev/null 2>&1 || fail "man $page finds no page"
done
QT_QPA_PLATFORM=offscreen finchat --version | grep -q "^finchat [0-9]" || fail "finchat --version"

# The finchat user, as the units run their programs (an array: a function run in the
# background would be a subshell, and SIGTERM would reach that instead of the program).
as_finchat=(setpriv --reuid=finchat --regid=finchat --init-groups env HOME=/var/lib/finchat)
start_server() { # log config...: starts the installed server as the service would, on loopback
    local log=$1
    shift
    "${as_finchat[@]}" finchat-server "$@" --listen 127.0.0.1 --port 0 >"$log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        grep -q "listening on" "$log" && break
        sleep 0.1
    done
    port=$(sed -n 's|.*listening on wss://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$log")
    [ -n "$port" ] || { cat "$log"; fail "the installed server did not start"; }
}
stop_last() {
    local pid=${pids[-1]}
    local status=0
    kill -TERM "$pid"
    wait "$pid" || status=$?
    [ "$status" -eq 0 ] || { cat "$scratch"/*.log; fail "process $pid did not stop cleanly on SIGTERM ($status)"; }
    unset 'pids[-1]'
}

# The packaged server and runner, as their units run them: the helper makes the stock bot's
# account and token in /var/lib/finchat, the runner serves the installed stock bot.
start_server "$scratch/server.log" --config /etc/finchat/finchat-server.ini
grep -q "loaded bot" "$scratch/server.log" && fail "the packaged server loaded a plugin itself"
[ -f /var/lib/finchat/finchat.db ] || fail "no database in /var/lib/finchat"
"${as_finchat[@]}" /usr/lib/finchat/finchat-bot-token >/dev/null || fail "finchat-bot-token"
[ "$(stat -c '%U %a' /var/lib/finchat/bot-tokens/stockbot.token)" = "finchat 600" ] || fail "token file"
cp /var/lib/finchat/bot-tokens/stockbot.token "$scratch/first.token"
[ -z "$("${as_finchat[@]}" /usr/lib/finchat/finchat-bot-token)" ] &&
    cmp -s /var/lib/finchat/bot-tokens/stockbot.token "$scratch/first.token" || fail "finchat-bot-token made a second token"
"${as_finchat[@]}" finchat-botrunner --config /etc/finchat/finchat-botrunner.ini \
    --server "wss://127.0.0.1:$port" >"$scratch/runner.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    grep -q "bot stockbot connected" "$scratch/server.log" && break
    sleep 0.1
done
grep -q "bot stockbot connected from 127.0.0.1, answering /stock" "$scratch/server.log" ||
    { cat "$scratch/runner.log" "$scratch/server.log"; fail "the installed runner did not serve the stock bot"; }
stop_last
stop_last

# A bot author's plugin, built with nothing of FinChat but the SDK package and installed with
# CMake's default prefix, is loaded by the installed server beside the packaged stock bot.
cp -r "$test_dir/echobot" "$scratch/echobot"
cmake -S "$scratch/echobot" -B "$scratch/echobot-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    >"$scratch/sdk.log" 2>&1 || { cat "$scratch/sdk.log"; fail "configuring a bot with the SDK package"; }
grep -qx "FinChatBotSDK_DIR:PATH=/usr/share/cmake/FinChatBotSDK" "$scratch/echobot-build/CMakeCache.txt" ||
    fail "the bot did not find the installed SDK: $(grep FinChatBotSDK_DIR "$scratch/echobot-build/CMakeCache.txt")"
{ cmake --build "$scratch/echobot-build" && cmake --install "$scratch/echobot-build"; } >>"$scratch/sdk.log" 2>&1 ||
    { cat "$scratch/sdk.log"; fail "building and installing a bot with the SDK package"; }
plugin=/usr/local/lib/finchat/plugins/libechobot.so
[ -f "$plugin" ] || fail "the bot was not installed as $plugin"
sed -e "s|^load_plugins=false|load_plugins=true|" -e "s|^database=.*|database=$scratch/plugins.db|" \
    /etc/finchat/finchat-server.ini >"$scratch/plugins.ini"
chmod 755 "$scratch"
chown finchat "$scratch"
start_server "$scratch/plugins.log" --config "$scratch/plugins.ini"
grep -q "loaded bot echobot .* from $plugin" "$scratch/plugins.log" ||
    { cat "$scratch/plugins.log"; fail "the installed server did not load the SDK-built bot"; }
grep -q "loaded bot stockbot .* from /usr/lib/finchat/plugins/libstockbot.so" "$scratch/plugins.log" ||
    { cat "$scratch/plugins.log"; fail "the installed server did not load the packaged stock bot"; }
stop_last

# Purged, nothing of FinChat stays (test_deb.sh compares the whole system afterwards).
dpkg --purge finchat-bot-sdk finchat finchat-botrunner finchat-stockbot finchat-server \
    >"$scratch/purge.log" 2>&1 || { cat "$scratch/purge.log"; fail "dpkg --purge"; }
! getent passwd finchat >/dev/null || fail "the purge left the finchat user"
! getent group finchat >/dev/null || fail "the purge left the finchat group"
[ ! -e /var/lib/finchat ] || fail "the purge left /var/lib/finchat"
[ ! -e /etc/finchat ] || fail "the purge left /etc/finchat: $(ls -A /etc/finchat)"
[ ! -e "$wants/finchat-server.service" ] || fail "the purge left the enable link"
[ ! -e /etc/systemd/system/finchat-server.service.wants ] || fail "the purge left the runner's enable link"
echo "installed, ran and purged"

#!/usr/bin/env bash
# Run by test_deb.sh as a service of a systemd booted in a container (systemd-nspawn, its own
# loopback-only network) over a copy-on-write copy of this system: installs the server, runner
# and stock bot packages as apt would on a systemd machine, so that their maintainer scripts
# start the confined units; checks that the server serves TLS and the runner, under its own
# confinement, loads the stock bot plugin and reaches the server; reloads the server; purges
# the packages, which must stop and remove both units. Writes "ok" or the reason it failed to
# TEST_DIR/systemd-result, then powers the container off.
#   under-systemd.sh TEST_DIR
set -uo pipefail
test_dir=$1
result=$test_dir/systemd-result
finish() {
    echo "$1" >"$result"
    journalctl -b --no-pager -u finchat-server -u finchat-botrunner >"$test_dir/systemd-journal.log" 2>&1
    systemctl --no-block poweroff
    exit 0
}
server_log() { journalctl -b --no-pager -o cat -u finchat-server; }
export DEBIAN_FRONTEND=noninteractive
pkgs=$test_dir/pkgs
# A container image's "start no services" policy (Docker's convention) is not a real
# machine's; this copy of the system is one.
rm -f /usr/sbin/policy-rc.d

dpkg -i "$pkgs"/finchat-server_*.deb "$pkgs"/finchat-stockbot_*.deb "$pkgs"/finchat-botrunner_*.deb \
    >"$test_dir/systemd-dpkg.log" 2>&1 || finish "dpkg -i under systemd failed"
# The runner starts with the server; its first start may come before the server made the
# database, and systemd starts it again (RestartSec=5).
for _ in $(seq 120); do
    server_log | grep -q "bot stockbot connected from" && break
    sleep 0.5
done
server_log | grep -q "listening on wss://" || finish "the installed service does not serve TLS"
server_log | grep -q "bot stockbot connected from .*127\.0\.0\.1, answering /stock" ||
    finish "under systemd, the runner did not serve the stock bot to the server"
# (One unit per systemctl call: given several, it answers for any of them.)
for unit in finchat-server finchat-botrunner; do
    systemctl is-enabled --quiet "$unit.service" || finish "$unit.service is not enabled"
done
[ "$(stat -c %U /var/lib/finchat/finchat.db)" = finchat ] || finish "the database is not the finchat user's"

# SIGHUP (systemctl reload) reloads the certificate; the runner's connection stays.
systemctl reload finchat-server.service || finish "systemctl reload finchat-server failed"
for _ in $(seq 20); do
    server_log | grep -q "certificate reloaded" && break
    sleep 0.25
done
server_log | grep -q "certificate reloaded" || finish "the server did not reload its certificate on systemctl reload"
sleep 6 # longer than the runner's RestartSec: had the reload cost it its connection, it is back
for unit in finchat-server finchat-botrunner; do
    systemctl is-active --quiet "$unit.service" || finish "$unit.service stopped after a reload"
done
[ "$(server_log | grep -c "bot stockbot connected from")" -eq 1 ] || finish "the reload dropped the runner's connection"

# The runner stops with the server (PartOf=), and comes back with it.
systemctl stop finchat-server.service
! systemctl is-active --quiet finchat-botrunner.service || finish "the runner kept running without its server"
systemctl start finchat-server.service
for _ in $(seq 60); do
    [ "$(server_log | grep -c "bot stockbot connected from")" -eq 2 ] && break
    sleep 0.5
done
[ "$(server_log | grep -c "bot stockbot connected from")" -eq 2 ] || finish "the runner did not come back with the server"

# Purged, both units are stopped first, and nothing of theirs stays.
dpkg --purge finchat-botrunner finchat-stockbot finchat-server >"$test_dir/systemd-purge.log" 2>&1 ||
    finish "dpkg --purge under systemd failed"
for unit in finchat-server finchat-botrunner; do
    ! systemctl is-active --quiet "$unit.service" || finish "$unit.service still runs after the purge"
done
for program in finchat-server finchat-botrunner; do
    ! pgrep -f "^/usr/bin/$program" >/dev/null || finish "a $program process survived the purge"
done
[ ! -e /var/lib/finchat ] || finish "the purge left /var/lib/finchat"
! getent passwd finchat >/dev/null || finish "the purge left the finchat user"
finish ok

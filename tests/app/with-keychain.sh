#!/bin/sh
# Runs a test inside its own D-Bus session with a real Secret Service: gnome-keyring, its
# keyring unlocked with a throwaway password, in a scratch home that is removed afterwards.
set -eu
if [ -z "${FINCHAT_IN_DBUS_SESSION:-}" ]; then
    export FINCHAT_IN_DBUS_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"

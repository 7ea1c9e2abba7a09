#!/usr/bin/env bash
# FinChat quick start for Debian 12 / Ubuntu 24.04.
#
#   tools/quickstart.sh run [options]          install what is missing, build, start FinChat:
#                                              the desktop app hosting a server when there is a
#                                              display, the server alone when there is none
#   tools/quickstart.sh test [asan]            install what is missing, build, run every test
#   tools/quickstart.sh fuzz [SECONDS]         build the libFuzzer target (clang) and run it
#
# Packages come from the distribution (apt, through sudo when not root); nothing else is
# downloaded. Build output goes to build/<preset>/, which git ignores.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# What each package is for is listed in the README ("Dependencies").
PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev libqt6sql6-sqlite libqt6sql6-psql
    postgresql
    qcoro-qt6-dev libsodium-dev libssl-dev qtkeychain-qt6-dev
    gnome-keyring dbus-daemon
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev dpkg-dev help2man
    desktop-file-utils appstream lintian systemd systemd-container qt6-qpa-plugins
    python3 python3-websockets
)

# Only for the libFuzzer target (fuzz): clang and its fuzzer runtime.
FUZZ_PACKAGES=(clang libclang-rt-dev)

install_missing_packages() {
    local missing=()
    for package in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "quickstart: please install: ${missing[*]}" >&2
        exit 1
    fi
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "quickstart: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc)"
}

command=${1:-}
shift || true
case "$command" in
    run)
        install_missing_packages
        build release
        if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            exec build/release/bin/finchat --host "$@"
        fi
        exec build/release/bin/finchat-server "$@"
        ;;
    test)
        preset=ci
        [ "${1:-}" = asan ] && preset=asan
        install_missing_packages
        build "$preset"
        ctest --preset "$preset" --parallel "$(nproc)"
        ;;
    fuzz)
        seconds=${1:-60}
        PACKAGES+=("${FUZZ_PACKAGES[@]}")
        install_missing_packages
        cmake --preset fuzz >/dev/null
        cmake --build --preset fuzz --parallel "$(nproc)"
        corpus=$(mktemp -d)
        trap 'rm -rf "$corpus"' EXIT
        # Exits non-zero, with the input that did it, on a crash, a leak or undefined behaviour.
        QT_LOGGING_RULES='finchat.*=false' build/fuzz/bin/fuzz_frames \
            -max_total_time="$seconds" -print_final_stats=1 -dict=tests/fuzz/frames.dict \
            -artifact_prefix="$corpus/" "$corpus" tests/fuzz/corpus
        ;;
    *)
        echo "usage: tools/quickstart.sh run [server options] | test [asan] | fuzz [seconds]" >&2
        exit 2
        ;;
esac

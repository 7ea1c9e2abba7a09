#!/usr/bin/env bash
# The Debian packages as Debian's tools and an administrator see them. Builds the release
# build (the one packages are made from: distribution hardening flags, debug information
# split into -dbgsym packages), makes the packages with cpack, and checks each one: its
# contents, its Depends, lintian --pedantic, and its systemd units with systemd-analyze.
# Then, as root, it installs them with dpkg into a copy-on-write copy of this system (an
# overlay over /, in a mount namespace of its own: the real system is never touched) and
# runs install-root.sh there: the installed server, runner, stock bot and a plugin built from
# the SDK package alone, then a purge that must leave nothing behind. Last, it boots that copy
# with systemd in a container and runs under-systemd.sh in it: the packages installed as on
# any systemd machine, their confined units started, reloaded, and stopped by the purge.
#   test_deb.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in lintian systemd-analyze systemd-nspawn help2man dpkg-deb dpkg-shlibdeps readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing (tools/quickstart.sh test installs it)"
done

(cd "$source_dir" && cmake --preset release >/dev/null && cmake --build --preset release) >"$work/build.log" 2>&1 ||
    { tail -50 "$work/build.log"; fail "the release build"; }
cpack -G DEB -B "$work/out" --config "$source_dir/build/release/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack -G DEB"; }
out="$work/out"
packages=(finchat finchat-server finchat-botrunner finchat-stockbot finchat-bot-sdk)
deb() { ls "$out/$1"_*.deb; }
for package in "${packages[@]}"; do
    [ -f "$(deb "$package")" ] || fail "no package $package"
    echo "built $(basename "$(deb "$package")")"
done
for package in finchat finchat-server finchat-botrunner finchat-stockbot; do
    ls "$out/$package"-dbgsym_*.ddeb >/dev/null || fail "no debug symbols package for $package"
done

# What each package holds, and nothing of the others'.
contents() { dpkg-deb -c "$(deb "$1")" | awk '{print $6}' | sed 's|^\./|/|'; }
expect() { # package path...
    local package=$1 listing
    shift
    listing=$(contents "$package")
    for path in "$@"; do grep -qx "$path" <<<"$listing" || fail "$package lacks $path"; done
}
refuse() { # package pattern: no path in the package matches
    ! contents "$1" | grep -q "$2" || fail "$1 holds $(contents "$1" | grep "$2" | head -1)"
}
for package in "${packages[@]}"; do
    expect "$package" "/usr/share/doc/$package/copyright" "/usr/share/doc/$package/changelog.gz"
done
expect finchat /usr/bin/finchat /usr/share/man/man1/finchat.1.gz \
    /usr/share/applications/org.finchat.FinChat.desktop /usr/share/metainfo/org.finchat.FinChat.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/finchat.svg /usr/share/icons/hicolor/256x256/apps/finchat.png
expect finchat-server /usr/bin/finchat-server /usr/share/man/man1/finchat-server.1.gz \
    /etc/finchat/finchat-server.ini /usr/lib/systemd/system/finchat-server.service \
    /usr/share/doc/finchat-server/protocol.md
expect finchat-botrunner /usr/bin/finchat-botrunner /usr/share/man/man1/finchat-botrunner.1.gz \
    /etc/finchat/finchat-botrunner.ini /usr/lib/systemd/system/finchat-botrunner.service \
    /usr/lib/finchat/finchat-bot-token /usr/share/doc/finchat-botrunner/plugins.md
expect finchat-stockbot /usr/lib/finchat/plugins/libstockbot.so
expect finchat-bot-sdk /usr/include/finchat/botplugin.h /usr/share/cmake/FinChatBotSDK/FinChatBotSDKConfig.cmake
refuse finchat-server 'finchat-botrunner\|libstockbot\|/usr/bin/finchat$\|/include/'
refuse finchat 'finchat-server\|libstockbot\|systemd'
refuse finchat-bot-sdk '/usr/bin/\|\.so$'

# Depends: the server needs no graphics, each binary package the SQLite driver it loads, and
# the runner the server and the stock bot of its own version.
depends() { dpkg-deb -f "$(deb "$1")" Depends; }
! grep -Eq 'libqt6(gui|widgets|opengl)|libgl|libx11|keychain' <<<"$(depends finchat-server)" ||
    fail "finchat-server depends on graphics: $(depends finchat-server)"
for package in finchat finchat-server; do
    grep -q 'libqt6sql6-sqlite' <<<"$(depends "$package")" || fail "$package does not depend on the SQLite driver"
done
grep -q 'qt6-qpa-plugins' <<<"$(depends finchat)" || fail "finchat does not depend on Qt's platform plugins"
for needed in 'finchat-server (= ' 'finchat-stockbot (= '; do
    grep -qF "$needed" <<<"$(depends finchat-botrunner)" || fail "finchat-botrunner Depends lacks $needed"
done
grep -q 'finchat-stockbot' <<<"$(dpkg-deb -f "$(deb finchat)" Recommends)" || fail "the app does not recommend the stock bot"
grep -q 'qt6-translations-l10n' <<<"$(dpkg-deb -f "$(deb finchat)" Recommends)" || fail "the app does not recommend Qt's translations"
[ "$(dpkg-deb -f "$(deb finchat-bot-sdk)" Architecture)" = all ] || fail "the SDK is not Architecture: all"
# Each package says in its own synopsis what it is (apt search and dpkg -l show that line).
[ "$(for package in "${packages[@]}"; do dpkg-deb -f "$(deb "$package")" Description | head -1; done | sort -u | wc -l)" \
    -eq ${#packages[@]} ] || fail "two packages share a synopsis"
dpkg-deb -f "$(deb finchat-server)" Description | head -1 | grep -qx "chat server for people who talk about markets" ||
    fail "finchat-server's synopsis: $(dpkg-deb -f "$(deb finchat-server)" Description | head -1)"
# Up to 0.1.0 one package, finchat, held every part; the others take its files over.
for package in finchat-server finchat-botrunner finchat-stockbot finchat-bot-sdk; do
    for field in Breaks Replaces; do
        [ "$(dpkg-deb -f "$(deb "$package")" "$field")" = "finchat (<< 0.2.0)" ] || fail "$package $field"
    done
done
for package in finchat-server finchat-botrunner; do
    for script in postinst prerm postrm; do
        dpkg-deb -I "$(deb "$package")" "$script" >"$work/$script" || fail "$package has no $script"
        sh -n "$work/$script" || fail "$package's $script is not valid sh"
    done
done
dpkg-deb -I "$(deb finchat-server)" conffiles | grep -qx /etc/finchat/finchat-server.ini || fail "server config is not a conffile"
dpkg-deb -I "$(deb finchat-botrunner)" conffiles | grep -qx /etc/finchat/finchat-botrunner.ini || fail "runner config is not a conffile"

# The launcher entry and AppStream data pass the freedesktop validators; the units run what
# the packages install, as the finchat user, and the runner is started again after a crash.
command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null ||
    fail "desktop-file-utils and appstream are missing (tools/quickstart.sh test installs them)"
root="$work/root"
for package in finchat finchat-server finchat-botrunner finchat-stockbot; do
    dpkg-deb -x "$(deb "$package")" "$root"
done
desktop-file-validate "$root/usr/share/applications/org.finchat.FinChat.desktop" || fail "launcher entry invalid"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.finchat.FinChat.metainfo.xml" >/dev/null || fail "metainfo invalid"
units="$root/usr/lib/systemd/system"
grep -qx "ExecStart=/usr/bin/finchat-server --config /etc/finchat/finchat-server.ini" "$units/finchat-server.service" &&
    grep -qx "User=finchat" "$units/finchat-server.service" || fail "server unit ExecStart or User"
grep -qx "ExecStart=/usr/bin/finchat-botrunner --config /etc/finchat/finchat-botrunner.ini" "$units/finchat-botrunner.service" &&
    grep -qx "Restart=always" "$units/finchat-botrunner.service" || fail "runner unit ExecStart or Restart"
grep -qx 'ExecStartPre=/usr/lib/finchat/finchat-bot-token stockbot "Stock bot"' "$units/finchat-botrunner.service" ||
    fail "the runner unit does not make the stock bot's token"
grep -qx "WantedBy=finchat-server.service" "$units/finchat-botrunner.service" || fail "the runner does not come with the server"
grep -qx "load_plugins=false" "$root/etc/finchat/finchat-server.ini" &&
    grep -qx "database=/var/lib/finchat/finchat.db" "$root/etc/finchat/finchat-server.ini" || fail "packaged server configuration"

# The binaries: stripped (their debug information is in the -dbgsym packages), with
# immediate binding and fortified libc calls, as dpkg-buildflags' hardening=+all makes them.
for binary in usr/bin/finchat usr/bin/finchat-server usr/bin/finchat-botrunner usr/lib/finchat/plugins/libstockbot.so; do
    ! readelf -S "$root/$binary" | grep -q '\.debug_info' || fail "$binary is not stripped"
    readelf -d "$root/$binary" | grep -Eq 'BIND_NOW|FLAGS_1.*NOW' || fail "$binary is not linked with -z now"
    readelf -l "$root/$binary" | grep -q GNU_RELRO || fail "$binary has no RELRO"
done
# (Whether a call can be fortified depends on the code; lintian judges the binaries for that.)
grep -q -- '-D_FORTIFY_SOURCE=2.*-fstack-protector-strong' "$source_dir/build/release/compile_commands.json" ||
    fail "the release build lacks the distribution's hardening flags"

# lintian, pedantic: anything it reports fails the test (one tag is overridden, with the
# reason, in packaging/lintian/).
lintian --pedantic --fail-on error,warning,info,pedantic --tag-display-limit 0 "$out"/*.deb >"$work/lintian.log" 2>&1 ||
    { cat "$work/lintian.log"; fail "lintian"; }
echo "lintian --pedantic: clean"

# The units: systemd's own score of their confinement, 2.5 at most (0 best, 10 worst).
for unit in finchat-server finchat-botrunner; do
    file="$root/usr/lib/systemd/system/$unit.service"
    systemd-analyze security --offline=true --root="$root" "$file" >"$work/security.log" 2>&1 || true
    score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.log")
    [ -n "$score" ] || { cat "$work/security.log"; fail "no security score for $unit"; }
    awk -v s="$score" 'BEGIN { exit !(s <= 2.5) }' || { cat "$work/security.log"; fail "$unit scores $score (> 2.5)"; }
    echo "systemd-analyze security $unit.service: $score"
done

# Installing, running and purging the packages needs root (dpkg, a system user).
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: not root: the install, run and purge in a copy of the system need root"
    exit 77
fi
mkdir -p "$work/upper" "$work/overlay-work" "$work/merged" "$work/pkgs"
cp "$out"/*.deb "$work/pkgs/"
cp -r "$source_dir/botplugin/examples/echobot" "$work/echobot"
cp "$here/install-root.sh" "$here/under-systemd.sh" "$work/"
# The overlay's upper folder holds every file the install and the purge changed; what is
# left in it afterwards, beyond dpkg's own records, is what a purge left behind.
# Its own process namespace too: whatever the test leaves running ends with it.
unshare --mount --propagation private --pid --fork --mount-proc bash -euo pipefail -c '
    work=$1 here=$2
    mount -t tmpfs tmpfs "$work/upper"
    mkdir "$work/upper/data" "$work/upper/work"
    mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper/data,workdir=$work/upper/work" "$work/merged"
    mount -t proc proc "$work/merged/proc"
    mount --rbind /dev "$work/merged/dev"
    mount -t tmpfs tmpfs "$work/merged/run"
    mkdir -p "$work/merged/finchat-test"
    mount --bind "$work" "$work/merged/finchat-test"
    chroot "$work/merged" bash /finchat-test/install-root.sh /finchat-test
    umount -R "$work/merged/finchat-test" "$work/merged/run" "$work/merged/proc"
    umount -R -l "$work/merged/dev"
    # What the purge left: anything new or changed outside dpkg records and scratch space.
    cd "$work/upper/data"
    # Not looked at: dpkg records, logs and caches, scratch space, the mounts above.
    skip=(\( -path ./var/lib/dpkg -o -path ./var/log -o -path ./var/cache -o -path ./tmp -o -path ./root
        -o -path ./finchat-test -o -path ./proc -o -path ./dev -o -path ./run -o -path ./usr/local/lib/finchat \) -prune -o)
    find . -mindepth 1 "${skip[@]}" \( -type f -o -type l -o -type c \) -print |
    while read -r path; do
        if [ -c "$path" ]; then echo "removed ${path#.}"; continue; fi
        cmp -s "$path" "/${path#./}" 2>/dev/null || echo "left ${path#.}"
    done >"$work/leftovers"
    find . -mindepth 1 "${skip[@]}" -type d -empty -print |
    while read -r dir; do [ -e "/${dir#./}" ] || echo "left ${dir#.}/"; done >>"$work/leftovers"
    cd /
    # Then the same system booted with systemd in a container: the packages installed as on
    # any systemd machine, their units started by their maintainer scripts (under-systemd.sh,
    # run as the only service of the boot target below).
    units="$work/merged/etc/systemd/system"
    printf "%s\n" "[Unit]" "Description=FinChat packaging test" "Wants=finchat-check.service" \
        >"$units/finchat-check.target"
    printf "%s\n" "[Unit]" "Description=FinChat packaging test" "[Service]" "Type=simple" \
        "ExecStart=/usr/bin/bash /finchat-test/under-systemd.sh /finchat-test" >"$units/finchat-check.service"
    timeout -k 10 300 systemd-nspawn --quiet --register=no --keep-unit --private-network \
        --directory="$work/merged" --bind="$work:/finchat-test" --boot systemd.unit=finchat-check.target \
        >"$work/nspawn.log" 2>&1 || true
    rm "$units/finchat-check.target" "$units/finchat-check.service"
    # After that boot, nothing named after FinChat may stay (the boot itself leaves the
    # state systemd keeps, which the scan above would not tell apart).
    cd "$work/upper/data"
    find . -mindepth 1 "${skip[@]}" -iname "*finchat*" -print | sed "s|^\.|left after systemd: |" >>"$work/leftovers"
    cd /
    umount "$work/merged" "$work/upper"
' finchat-test "$work" "$here" || fail "the install, run and purge in a copy of the system"
[ "$(cat "$work/systemd-result" 2>/dev/null)" = ok ] || {
    tail -40 "$work/nspawn.log"
    cat "$work"/systemd-*.log 2>/dev/null
    fail "under systemd: $(cat "$work/systemd-result" 2>/dev/null || echo "no result; the container did not run the test")"
}
echo "under systemd: the units start confined, serve TLS and the stock bot, reload, and stop on purge"
# Not FinChat's: the backups adduser and deluser keep of the user and group files. (The echo
# bot in /usr/local/lib/finchat is the administrator's, which no package owns; it is not
# looked at above.)
grep -v '^left /etc/\(passwd\|group\|shadow\|gshadow\)-$' "$work/leftovers" >"$work/left" || true
[ ! -s "$work/left" ] || { cat "$work/left"; fail "the purge left the above behind"; }
echo "the packages install, run and purge as Debian's do"

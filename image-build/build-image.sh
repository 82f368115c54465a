#!/bin/bash
# Builds the flashable Taperoom image with Raspberry Pi's pi-gen (a checkout of its arm64 branch
# for Debian 13) on a Debian machine, from the package `mvn verify` made.
#
#   TAPEROOM_SSH_KEY="$(cat ~/.ssh/id_ed25519.pub)" image-build/build-image.sh [--kiosk] PI_GEN_DIR
#   image-build/build-image.sh --dry-run [--kiosk] PI_GEN_DIR    # checks everything, builds nothing
#
# --kiosk adds the optional touch-screen kiosk (taperoom-kiosk: the panel full-screen under cage on
# the board's own screen), as a practice room's image wants. The image lands in PI_GEN_DIR/deploy/.
# TAPEROOM_DEB and TAPEROOM_KIOSK_DEB override the packages to install.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dry_run=0
kiosk=0
while [ $# -gt 1 ]; do
    case "$1" in
        --dry-run) dry_run=1 ;;
        --kiosk) kiosk=1 ;;
        *) echo "build-image: unknown option $1: expected --dry-run or --kiosk before PI_GEN_DIR" >&2; exit 2 ;;
    esac
    shift
done
if [ $# -ne 1 ]; then
    echo "usage: $0 [--dry-run] [--kiosk] PI_GEN_DIR (a checkout of pi-gen)" >&2
    exit 2
fi
pi_gen=$(cd "$1" && pwd)
stage="$here/pi-gen/stage-taperoom"

fail() {
    echo "build-image: $*" >&2
    exit 2
}

[ -x "$pi_gen/build.sh" ] || fail "$pi_gen has no build.sh: expected a checkout of pi-gen"
deb=${TAPEROOM_DEB:-}
if [ -z "$deb" ]; then
    for candidate in "$here"/target/taperoom_*_all.deb; do
        [ -f "$candidate" ] && deb=$candidate
    done
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    fail "no package: run 'mvn verify' first, or set TAPEROOM_DEB"
fi
[ -n "${TAPEROOM_SSH_KEY:-}" ] || fail "set TAPEROOM_SSH_KEY to your public SSH key (the image allows no password login)"
case "$TAPEROOM_SSH_KEY" in
    ssh-ed25519\ *|ssh-rsa\ *|ecdsa-sha2-*|sk-*) ;;
    *) fail "TAPEROOM_SSH_KEY does not look like a public key line (ssh-ed25519 AAAA...)" ;;
esac
for script in "$stage"/prerun.sh "$stage"/*/[0-9][0-9]-run.sh; do
    [ -x "$script" ] || fail "$script must be executable for pi-gen to run it"
    bash -n "$script" || fail "$script does not parse"
done
dpkg-deb --field "$deb" Package | grep -qx taperoom || fail "$deb is not the taperoom package"
kiosk_deb=
if [ "$kiosk" = 1 ]; then
    kiosk_deb=${TAPEROOM_KIOSK_DEB:-}
    if [ -z "$kiosk_deb" ]; then
        for candidate in "$here"/target/taperoom-kiosk_*_all.deb; do
            [ -f "$candidate" ] && kiosk_deb=$candidate
        done
    fi
    if [ -z "$kiosk_deb" ] || [ ! -f "$kiosk_deb" ]; then
        fail "--kiosk: no kiosk package: run 'mvn verify' first, or set TAPEROOM_KIOSK_DEB"
    fi
    dpkg-deb --field "$kiosk_deb" Package | grep -qx taperoom-kiosk || fail "$kiosk_deb is not the taperoom-kiosk package"
    # The kiosk depends on exactly its own taperoom version: a mismatch would only fail inside pi-gen.
    [ "$(dpkg-deb --field "$kiosk_deb" Version)" = "$(dpkg-deb --field "$deb" Version)" ] \
        || fail "$kiosk_deb is version $(dpkg-deb --field "$kiosk_deb" Version) but $deb is $(dpkg-deb --field "$deb" Version): build both from the same tree"
fi

export TAPEROOM_STAGE="$stage"
export TAPEROOM_SSH_KEY
echo "build-image: pi-gen $pi_gen, stage $stage, package $deb${kiosk_deb:+, kiosk $kiosk_deb}"
if [ "$dry_run" = 1 ]; then
    # The configuration must source cleanly with the variables set (pi-gen sources it the same way).
    # shellcheck source=pi-gen/config
    (set -u; . "$here/pi-gen/config"; echo "build-image: would build $IMG_NAME ($RELEASE, $ARCH) with stages: $STAGE_LIST")
    if [ -n "$kiosk_deb" ]; then
        echo "build-image: with the kiosk: $(dpkg-deb --field "$kiosk_deb" Package) $(dpkg-deb --field "$kiosk_deb" Version)"
    fi
    echo "build-image: dry run: everything is in place; would run: (cd $pi_gen && ./build.sh -c $here/pi-gen/config)"
    exit 0
fi
install -m 644 "$deb" "$stage/00-taperoom/files/taperoom.deb"
trap 'rm -f "$stage/00-taperoom/files/taperoom.deb" "$stage/00-taperoom/files/taperoom-kiosk.deb"' EXIT
if [ -n "$kiosk_deb" ]; then
    install -m 644 "$kiosk_deb" "$stage/00-taperoom/files/taperoom-kiosk.deb"
fi
cd "$pi_gen"
./build.sh -c "$here/pi-gen/config"

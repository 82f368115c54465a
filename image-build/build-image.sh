#!/bin/bash
# Builds the flashable Taperoom image with Raspberry Pi's pi-gen (a checkout of its arm64 branch
# for Debian 13) on a Debian machine, from the package `mvn verify` made.
#
#   TAPEROOM_SSH_KEY="$(cat ~/.ssh/id_ed25519.pub)" image-build/build-image.sh PI_GEN_DIR
#   image-build/build-image.sh --dry-run PI_GEN_DIR    # checks everything, builds nothing
#
# The image lands in PI_GEN_DIR/deploy/. TAPEROOM_DEB overrides the package to install.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dry_run=0
if [ "${1:-}" = "--dry-run" ]; then
    dry_run=1
    shift
fi
if [ $# -ne 1 ]; then
    echo "usage: $0 [--dry-run] PI_GEN_DIR (a checkout of pi-gen)" >&2
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

export TAPEROOM_STAGE="$stage"
export TAPEROOM_SSH_KEY
echo "build-image: pi-gen $pi_gen, stage $stage, package $deb"
if [ "$dry_run" = 1 ]; then
    # The configuration must source cleanly with the variables set (pi-gen sources it the same way).
    # shellcheck source=pi-gen/config
    (set -u; . "$here/pi-gen/config"; echo "build-image: would build $IMG_NAME ($RELEASE, $ARCH) with stages: $STAGE_LIST")
    echo "build-image: dry run: everything is in place; would run: (cd $pi_gen && ./build.sh -c $here/pi-gen/config)"
    exit 0
fi
install -m 644 "$deb" "$stage/00-taperoom/files/taperoom.deb"
trap 'rm -f "$stage/00-taperoom/files/taperoom.deb"' EXIT
cd "$pi_gen"
./build.sh -c "$here/pi-gen/config"

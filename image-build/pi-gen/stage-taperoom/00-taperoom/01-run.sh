#!/bin/bash -e
# pi-gen: installs the Taperoom package (copied to files/taperoom.deb by build-image.sh) with apt,
# so its Depends come from the Raspberry Pi OS archive, and the kiosk package when build-image.sh
# was given --kiosk (files/taperoom-kiosk.deb). Runs on the build host; on_chroot runs inside the
# image.
install -m 644 files/taperoom.deb "${ROOTFS_DIR}/tmp/taperoom.deb"
packages="/tmp/taperoom.deb"
if [ -f files/taperoom-kiosk.deb ]; then
    install -m 644 files/taperoom-kiosk.deb "${ROOTFS_DIR}/tmp/taperoom-kiosk.deb"
    packages="$packages /tmp/taperoom-kiosk.deb"
fi
on_chroot << CHROOT
apt-get install -y --no-install-recommends $packages
rm -f $packages
CHROOT

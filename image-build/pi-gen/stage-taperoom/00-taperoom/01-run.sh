#!/bin/bash -e
# pi-gen: installs the Taperoom package (copied to files/taperoom.deb by build-image.sh) with apt,
# so its Depends come from the Raspberry Pi OS archive. Runs on the build host; on_chroot runs
# inside the image.
install -m 644 files/taperoom.deb "${ROOTFS_DIR}/tmp/taperoom.deb"
on_chroot << CHROOT
apt-get install -y --no-install-recommends /tmp/taperoom.deb
rm -f /tmp/taperoom.deb
CHROOT

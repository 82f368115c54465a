#!/bin/bash -e
# pi-gen: configures the image around the package: first boot, hotspot, recordings partition,
# real-time settings, and the service's image-only configuration. Runs on the build host.
install -m 755 files/taperoom-firstboot "${ROOTFS_DIR}/usr/local/sbin/taperoom-firstboot"
install -m 755 files/taperoom-realtime "${ROOTFS_DIR}/usr/local/sbin/taperoom-realtime"
install -m 755 files/taperoom-wifi-fallback "${ROOTFS_DIR}/usr/local/sbin/taperoom-wifi-fallback"
for unit in taperoom-firstboot.service taperoom-realtime.service taperoom-wifi-fallback.service taperoom-wifi-fallback.timer; do
    install -m 644 "files/$unit" "${ROOTFS_DIR}/etc/systemd/system/$unit"
done
install -m 600 files/taperoom-hotspot.nmconnection "${ROOTFS_DIR}/etc/NetworkManager/system-connections/taperoom-hotspot.nmconnection"
cat files/fstab.taperoom >> "${ROOTFS_DIR}/etc/fstab"

# The library must be the recordings partition, never the overlay (the service waits otherwise).
echo "requireLibraryDisk = true" >> "${ROOTFS_DIR}/etc/taperoom/taperoom.conf"

# Our first boot sizes the root partition itself and leaves the rest for recordings: the stock
# first-boot expansion of the root file system to the whole card is taken out of cmdline.txt.
# USB autosuspend off for every device: a suspended audio interface drops samples.
cmdline="${ROOTFS_DIR}/boot/firmware/cmdline.txt"
sed -i -e 's# init=/usr/lib/raspberrypi-sys-mods/firstboot##' -e 's#$# usbcore.autosuspend=-1#' "$cmdline"

on_chroot << CHROOT
systemctl enable taperoom-firstboot.service taperoom-realtime.service taperoom-wifi-fallback.timer NetworkManager.service avahi-daemon.service taperoom.service
CHROOT

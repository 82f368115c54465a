package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first-boot script's partitioning step on a real block device under a real kernel: the
 * guest's second virtual disk (/dev/vdb) laid out like a freshly flashed card — a FAT boot
 * partition and a small ext4 root, mounted, with a file on it — and {@code taperoom-firstboot
 * partition /dev/vdb 2} run on it as the first boot runs it. The root grows while mounted, with its
 * file intact; the rest of the disk becomes the recordings partition (ext4, label TAPEROOM-REC),
 * found and mounted by its label and writable; a second run leaves the disk alone. (The host's
 * FirstBootScriptTest runs every step on an image file, where the kernel steps cannot run.)
 */
@ExtendWith(Guest.Extension.class)
@Order(5)
class FirstBootPartitionInGuestIT {
    private static final String SCRIPT = "image-build/pi-gen/stage-taperoom/01-system/files/taperoom-firstboot";

    @Test
    void theFirstBootGrowsTheMountedRootAndMakesTheRecordingsPartitionOnARealDisk() throws Exception {
        Guest g = Guest.get();
        Path repo = Path.of(System.getProperty("taperoom.repo", "..")).toAbsolutePath().normalize();
        g.copyIn(repo.resolve(SCRIPT), "/usr/local/sbin/taperoom-firstboot");
        long diskBytes = Long.parseLong(g.check("blockdev --getsize64 /dev/vdb"));
        assertEquals(Guest.SECOND_DISK_MIB * 1024L * 1024L, diskBytes, "the second disk's size");
        // As pi-gen lays out the card: boot (FAT32, type c) from 4 MiB, root (Linux) after it; the rest empty.
        g.check("printf 'label: dos\\nstart=8192, size=512MiB, type=c\\nsize=1GiB, type=83\\n' | sfdisk --quiet /dev/vdb"
                + " && partx --update /dev/vdb && mkfs.ext4 -q -F -L rootfs /dev/vdb2"
                + " && mkdir -p /mnt/card-root && mount /dev/vdb2 /mnt/card-root && head -c 1048576 /dev/urandom > /mnt/card-root/probe"
                + " && sha256sum /mnt/card-root/probe > /root/probe.sha256");
        long rootBefore = Long.parseLong(g.check("df --output=size -B1M /mnt/card-root | tail -n 1"));

        String said = g.check("chmod 0755 /usr/local/sbin/taperoom-firstboot && ROOT_SIZE_MIB=1536 taperoom-firstboot partition /dev/vdb 2 2>&1");
        System.out.println("guest: first boot partitioning:\n" + said);

        assertEquals(1536L * 1024 * 1024, Long.parseLong(g.check("blockdev --getsize64 /dev/vdb2")), "the root partition's new size");
        long rootAfter = Long.parseLong(g.check("df --output=size -B1M /mnt/card-root | tail -n 1"));
        assertTrue(rootAfter > rootBefore + 400, "the mounted root file system did not grow: " + rootBefore + " MiB -> " + rootAfter + " MiB");
        g.check("sha256sum -c /root/probe.sha256");
        // The recordings partition: right after the root, 1 MiB aligned, to the end of the disk.
        String dump = g.check("sfdisk --dump /dev/vdb");
        String root = dump.lines().filter(l -> l.startsWith("/dev/vdb2 ")).findFirst().orElseThrow();
        String recordings = dump.lines().filter(l -> l.startsWith("/dev/vdb3 ")).findFirst().orElseThrow(() -> new AssertionError(dump));
        long rootEnd = field(root, "start") + field(root, "size");
        long recordingsStart = field(recordings, "start");
        assertTrue(recordingsStart >= rootEnd && recordingsStart - rootEnd < 2048 && recordingsStart % 2048 == 0, dump);
        assertEquals(diskBytes / 512, recordingsStart + field(recordings, "size"), "the recordings partition ends at the disk's end:\n" + dump);
        assertEquals("ext4 TAPEROOM-REC", g.check("blkid -o value -s TYPE /dev/vdb3; blkid -o value -s LABEL /dev/vdb3").replace('\n', ' '));
        // fstab's way: by label.
        g.check("mkdir -p /mnt/recordings && mount LABEL=TAPEROOM-REC /mnt/recordings && echo take > /mnt/recordings/probe && sync"
                + " && grep -q take /mnt/recordings/probe && umount /mnt/recordings");
        System.out.printf("guest: first boot: root %d MiB -> %d MiB while mounted; recordings partition %d MiB%n", rootBefore, rootAfter,
                field(recordings, "size") / 2048);

        // A card that has its recordings partition is left alone.
        String again = g.check("taperoom-firstboot partition /dev/vdb 2 2>&1");
        assertTrue(again.contains("already has partition 3"), again);
        assertEquals(dump, g.check("sfdisk --dump /dev/vdb"));
        g.check("umount /mnt/card-root");
    }

    /** {@code name=} of an sfdisk dump line, in sectors. */
    private static long field(String line, String name) {
        return Long.parseLong(line.replaceAll(".*\\b" + name + "= *([0-9]+).*", "$1"));
    }
}

package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The package's life on a real system with systemd running: upgraded with apt to a newer build
 * (settings, PIN and recordings kept, the service restarted on the new version), removed (the
 * configuration kept, the unit gone without a "failed" trace), purged (configuration, cache and
 * logs gone, the recordings kept, as the postrm promises). The last of the guest tests: it leaves
 * the guest without the package.
 */
@ExtendWith(Guest.Extension.class)
@Order(6)
class PackageLifecycleInGuestIT {

    @Test
    void anUpgradeKeepsSettingsAndRecordingsAndRemoveThenPurgeKeepOnlyTheRecordings() throws Exception {
        Guest g = Guest.get();
        Path upgrade = Path.of(System.getProperty("taperoom.deb.upgrade", ""));
        assertTrue(upgrade.toFile().isFile(), "no upgrade package (built by the vm profile): " + upgrade);
        String oldVersion = g.check("dpkg-query -W -f='${Version}' taperoom");

        // Something of the owner's in each place an upgrade must not touch.
        g.check("grep -q '^project = lifecycle' /etc/taperoom/taperoom.conf || echo 'project = lifecycle' >> /etc/taperoom/taperoom.conf");
        g.check("systemctl restart taperoom && systemctl is-active taperoom");
        String take = g.recordTake(g.login(), 2);
        String pinHash = g.check("grep '^panelPinHash' /etc/taperoom/taperoom.conf");
        String firstPin = g.check("cat /etc/taperoom/first-pin");
        String pidBefore = g.check("systemctl show -P MainPID taperoom");

        // Upgrade.
        g.copyIn(upgrade, "/root/taperoom-upgrade.deb");
        g.check("DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/taperoom-upgrade.deb");
        String newVersion = g.check("dpkg-query -W -f='${Version}' taperoom");
        assertEquals(oldVersion + "+upgrade", newVersion);
        assertEquals("active", g.check("systemctl show -P ActiveState taperoom"), "not running after the upgrade");
        assertNotEquals(pidBefore, g.check("systemctl show -P MainPID taperoom"), "the service was not restarted on the new version");
        assertEquals(pinHash, g.check("grep '^panelPinHash' /etc/taperoom/taperoom.conf"), "the upgrade changed the PIN");
        assertEquals(firstPin, g.check("cat /etc/taperoom/first-pin"));
        g.check("grep -q '^project = lifecycle' /etc/taperoom/taperoom.conf");
        g.check("test -f '" + take + "/take.json'");
        assertEquals(200, g.login().get("/api/takes").statusCode(), "the PIN of before the upgrade no longer logs in");

        // Remove: the program and unit go, the configuration (a conffile) and the recordings stay.
        g.check("DEBIAN_FRONTEND=noninteractive apt-get remove -y -q taperoom");
        assertEquals("deinstall ok config-files", g.check("dpkg-query -W -f='${Status}' taperoom"));
        g.check("! test -e /usr/bin/taperoom && ! test -e /usr/lib/systemd/system/taperoom.service");
        assertEquals("not-found inactive", g.check("systemctl show -P LoadState taperoom; systemctl show -P ActiveState taperoom").replace('\n', ' '));
        assertEquals("", g.check("systemctl list-units --all --failed --plain --no-legend | grep taperoom || true"), "a failed unit lingers after remove");
        g.check("grep -q '^project = lifecycle' /etc/taperoom/taperoom.conf");
        g.check("test -f '" + take + "/take.json'");

        // Purge: configuration, first PIN, cache and logs go; the recordings never do.
        g.check("DEBIAN_FRONTEND=noninteractive apt-get purge -y -q taperoom");
        String purged = g.check("dpkg-query -W -f='${Status}' taperoom 2>/dev/null || true");
        assertTrue(purged.isEmpty() || purged.endsWith("not-installed"), "after purge dpkg says: " + purged);
        g.check("! test -e /etc/taperoom && ! test -e /var/cache/taperoom && ! test -e /var/log/taperoom");
        g.check("test -f '" + take + "/take.json' && ls '" + take + "' | grep -q '\\.wav$'");
        System.out.println("lifecycle: " + oldVersion + " -> " + newVersion + ", removed, purged; recordings kept: " + take);
    }
}

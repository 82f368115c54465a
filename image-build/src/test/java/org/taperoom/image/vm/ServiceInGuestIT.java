package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * taperoom.service as the board runs it: the package installed with apt in a Debian 13 guest,
 * under systemd as PID 1, with every hardening option of the unit in force (Maven profile vm).
 */
@ExtendWith(Guest.Extension.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceInGuestIT {

    @Test
    @Order(1)
    void aFreshInstallStartsTheServiceWithAFirstPinOnlyRootCanRead() throws Exception {
        Guest g = Guest.get();
        assertTrue(g.startLine().startsWith("READY: "), "taperoom-vm start said: " + g.startLine());
        assertEquals("600 root root", g.check("stat -c '%a %U %G' /etc/taperoom/first-pin"));
        String pin = g.check("sed -n 's/^Taperoom panel PIN: \\([0-9]*\\)$/\\1/p' /etc/taperoom/first-pin");
        assertTrue(pin.matches("[0-9]{6}"), pin);
        assertTrue(g.check("grep '^panelPinHash' /etc/taperoom/taperoom.conf").startsWith("panelPinHash = pbkdf2-sha256$"));
    }

    @Test
    @Order(2)
    void theServiceIsReadyWithItsStatusLineAndEveryHardeningOptionInForce() throws Exception {
        Guest g = Guest.get();
        assertEquals("active running", g.check("systemctl show -P ActiveState taperoom; systemctl show -P SubState taperoom").replace('\n', ' '));
        String status = g.check("systemctl status taperoom --no-pager -n 0");
        assertTrue(status.contains("Status: \""), "no STATUS= line in systemctl status:\n" + status);
        String pid = g.check("systemctl show -P MainPID taperoom");
        // What the kernel enforces on the running process, not what the unit file says.
        String proc = g.check("grep -E '^(NoNewPrivs|Seccomp|CapEff|CapBnd):' /proc/" + pid + "/status");
        assertTrue(proc.contains("NoNewPrivs:\t1"), proc);
        assertTrue(proc.contains("Seccomp:\t2"), proc);
        assertTrue(proc.contains("CapEff:\t0000000000000000"), proc);
        assertTrue(proc.contains("CapBnd:\t0000000000000000"), proc);
        assertEquals("taperoom", g.check("ps -o user= -p " + pid));
        // ProtectSystem=strict: /usr is read-only inside the service's mount namespace.
        assertTrue(g.check("nsenter -t " + pid + " -m sh -c 'touch /usr/taperoom-probe 2>&1; true'").contains("Read-only file system"));
        String exposure = g.check("systemd-analyze security taperoom.service --no-pager | tail -n 1");
        System.out.println("guest: " + exposure);
        double score = Double.parseDouble(exposure.replaceAll(".*exposure level for taperoom.service: ([0-9.]+).*", "$1"));
        assertTrue(score <= 2.0, exposure);
        assertEquals("750 taperoom taperoom", g.check("stat -c '%a %U %G' /var/lib/taperoom"), "StateDirectory= reset the mode");
        assertEquals("750 taperoom taperoom", g.check("stat -c '%a %U %G' /var/log/taperoom"), "LogsDirectory= reset the mode");
    }

    @Test
    @Order(3)
    void thePanelAnswersThroughTheForwardedPort() throws Exception {
        HttpResponse<String> open = Guest.get().get("/api/state");
        assertEquals(200, open.statusCode(), open.body());
        assertTrue(open.body().contains("\"state\":") && !open.body().contains("\"device\""),
                "the public document holds the state only: " + open.body());
        HttpResponse<String> state = Guest.get().login().get("/api/state");
        assertEquals(200, state.statusCode(), state.body());
        assertTrue(state.body().contains("\"state\":\"idle\""), state.body());
        assertTrue(state.body().contains("\"device\":\"sim\""), state.body());
    }

    @Test
    @Order(4)
    void theJournalOfTheServiceHoldsNoError() throws Exception {
        Guest g = Guest.get();
        String errors = g.sh("journalctl -b -u taperoom.service -p err --no-pager -q").output().strip();
        assertEquals("", errors, "errors in the service's journal");
        String log = g.check("journalctl -b -u taperoom.service --no-pager -q -o cat | grep 'panel at'");
        assertTrue(log.contains("every address"), "the log names one address of a panel that listens on all: " + log);
    }

    @Test
    @Order(5)
    void theWatchdogRestartsAHungServiceAndItIsReadyAgain() throws Exception {
        Guest g = Guest.get();
        String before = g.check("systemctl show -P MainPID taperoom");
        g.check("kill -STOP " + before);
        // WatchdogSec=10s, RestartSec=2s; the emulated machine is slow to start a JVM.
        String after = g.check("for i in $(seq 1 450); do s=$(systemctl show -P ActiveState taperoom); p=$(systemctl show -P MainPID taperoom);"
                + " if [ \"$s\" = active ] && [ \"$p\" != " + before + " ] && [ \"$p\" != 0 ]; then echo $p; exit 0; fi; sleep 2; done; exit 1");
        String why = g.check("journalctl -b -u taperoom.service --no-pager -q -o cat | grep -i 'watchdog timeout' | tail -n 1");
        assertTrue(why.contains("Watchdog timeout"), why);
        assertTrue(Integer.parseInt(g.check("systemctl show -P NRestarts taperoom")) >= 1);
        System.out.println("guest: watchdog restart, MainPID " + before + " -> " + after);
    }

    @Test
    @Order(6)
    void stoppingTheServiceLeavesItInactiveNotFailed() throws Exception {
        Guest g = Guest.get();
        g.check("systemctl stop taperoom");
        assertEquals("inactive", g.check("systemctl show -P ActiveState taperoom"));
        assertEquals("success", g.check("systemctl show -P Result taperoom"));
        g.check("systemctl start taperoom");
    }
}

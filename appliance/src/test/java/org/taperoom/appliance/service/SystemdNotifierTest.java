package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.service.libc.Libc;
import org.taperoom.appliance.service.libc.SockaddrUn;

class SystemdNotifierTest {
    private static final long PID = 4242;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void readyStatusAndWatchdogArriveAsDatagramsOnAnAbstractSocket() throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract();
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.name()), PID, Libc.LIBC)) {
            assertTrue(notifier.enabled());
            assertTrue(notifier.ready("idle, device sim, 12 h free"));
            assertTrue(notifier.status("recording take 1"));
            assertTrue(notifier.watchdog());
            assertEquals("READY=1\nSTATUS=idle, device sim, 12 h free", socket.receive(WAIT));
            assertEquals("STATUS=recording take 1", socket.receive(WAIT));
            assertEquals("WATCHDOG=1", socket.receive(WAIT));
        }
    }

    @Test
    void aSocketPathInTheFileSystemWorksToo(@TempDir Path dir) throws Exception {
        String path = dir.resolve("notify").toString();
        try (NotifySocket socket = NotifySocket.bindPath(path);
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path), PID, Libc.LIBC)) {
            assertTrue(notifier.stopping("finalizing take 3"));
            assertEquals("STOPPING=1\nSTATUS=finalizing take 3", socket.receive(WAIT));
        }
    }

    @Test
    void aStatusWithANewlineStaysOneStatusLine() throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract();
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.name()), PID, Libc.LIBC)) {
            notifier.status("waiting for device\nREADY=1");
            assertEquals("STATUS=waiting for device READY=1", socket.receive(WAIT));
        }
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNothingFails() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000"), PID, Libc.LIBC)) {
            assertFalse(notifier.enabled());
            assertFalse(notifier.ready("idle"));
            assertTrue(notifier.watchdogTimeout().isEmpty());
        }
    }

    @Test
    void aVanishedSocketMakesSendReturnFalseInsteadOfThrowing() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                Map.of("NOTIFY_SOCKET", "@taperoom-test-nobody-listens-" + System.nanoTime()), PID, Libc.LIBC)) {
            assertTrue(notifier.enabled());
            assertFalse(notifier.watchdog());
        }
    }

    @Test
    void theWatchdogTimeoutIsReadFromWatchdogUsecWhenItIsForThisProcess() {
        Map<String, String> forUs = Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "10000000", "WATCHDOG_PID", Long.toString(PID));
        Map<String, String> forOther = Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "10000000", "WATCHDOG_PID", "1");
        assertEquals(Duration.ofSeconds(10), SystemdNotifier.fromEnvironment(forUs, PID, Libc.LIBC).watchdogTimeout().orElseThrow());
        assertTrue(SystemdNotifier.fromEnvironment(forOther, PID, Libc.LIBC).watchdogTimeout().isEmpty());
    }

    @Test
    void anAbstractNameIsSentWithALeadingNulAndNoTerminator() {
        SockaddrUn abstractName = new SockaddrUn("@abc");
        assertEquals(SockaddrUn.PATH_OFFSET + 4, abstractName.length());
        assertEquals(0, abstractName.sun_path[0]);
        assertEquals('a', abstractName.sun_path[1]);
        SockaddrUn path = new SockaddrUn("/run/x");
        assertEquals(SockaddrUn.PATH_OFFSET + 7, path.length());
    }

    @Test
    void theErrnoOfAFailedSendIsReportedAndTheNextSendStillTries() {
        // A fake in front of libc produces what the real one cannot be made to: a full queue.
        int[] calls = {0};
        Libc full = new Libc() {
            public int socket(int domain, int type, int protocol) { return 99; }
            public int bind(int sockfd, SockaddrUn addr, int addrlen) { return 0; }
            public NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, SockaddrUn addr, int addrlen) {
                calls[0]++;
                throw new LastErrorException(Libc.EAGAIN);
            }
            public NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) { return new NativeLong(0); }
            public int close(int fd) { return 0; }
            public String strerror(int errnum) { return Libc.LIBC.strerror(errnum); }
        };
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x"), PID, full)) {
            assertFalse(notifier.watchdog());
            assertFalse(notifier.watchdog());
            assertEquals(2, calls[0]);
        }
    }
}

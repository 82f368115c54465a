package org.taperoom.appliance.service;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.taperoom.appliance.service.libc.Libc;
import org.taperoom.appliance.service.libc.SockaddrUn;
import org.tinylog.Logger;

/**
 * systemd's notification protocol (sd_notify(3)): one datagram per message to the AF_UNIX socket
 * named by {@code NOTIFY_SOCKET}. Without that variable (not started by systemd, or not
 * {@code Type=notify}) every method does nothing, so {@code taperoom serve} runs the same by hand.
 *
 * <p>Thread-safe: a datagram is one {@code sendto} on a socket opened once; messages from several
 * threads never interleave. A failed send is logged once and otherwise ignored: the service must
 * not stop recording because its supervisor went away.
 */
public final class SystemdNotifier implements AutoCloseable {
    private final Libc libc;
    /** Null when there is no socket to notify. */
    private final SockaddrUn address;
    private final Duration watchdogInterval;
    /** The socket; -1 when disabled or closed. Written under {@code this}. */
    private int fd = -1;
    private boolean failureLogged;

    private SystemdNotifier(Libc libc, SockaddrUn address, Duration watchdogInterval) {
        this.libc = libc;
        this.address = address;
        this.watchdogInterval = watchdogInterval;
    }

    /** A notifier for this process's environment. */
    public static SystemdNotifier fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid(), Libc.LIBC);
    }

    /**
     * A notifier for {@code env}: {@code NOTIFY_SOCKET} (a path, or {@code @name} for an abstract
     * socket), {@code WATCHDOG_USEC} and {@code WATCHDOG_PID} (the watchdog is for us only when it
     * is absent or equals {@code pid}).
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> env, long pid, Libc libc) {
        String socket = env.getOrDefault("NOTIFY_SOCKET", "");
        SockaddrUn address = null;
        if (socket.startsWith("/") || socket.startsWith("@")) {
            try {
                address = new SockaddrUn(socket);
            } catch (IllegalArgumentException e) {
                Logger.warn("NOTIFY_SOCKET ignored: {}", e.getMessage());
            }
        } else if (!socket.isEmpty()) {
            Logger.warn("NOTIFY_SOCKET '{}' ignored: expected a path or an @abstract name", socket);
        }
        return new SystemdNotifier(libc, address, watchdogInterval(env, pid));
    }

    private static Duration watchdogInterval(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null) return null;
        String forPid = env.get("WATCHDOG_PID");
        try {
            if (forPid != null && Long.parseLong(forPid.trim()) != pid) return null;
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Duration.ofNanos(micros * 1000) : null;
        } catch (NumberFormatException e) {
            Logger.warn("WATCHDOG_USEC '{}' ignored: expected a positive integer of microseconds", usec);
            return null;
        }
    }

    /** Whether messages go anywhere. */
    public boolean enabled() {
        return address != null;
    }

    /**
     * systemd's watchdog timeout for this service ({@code WatchdogSec=}), when it asked for pings;
     * ping at half of it.
     */
    public Optional<Duration> watchdogTimeout() {
        return Optional.ofNullable(address == null ? null : watchdogInterval);
    }

    /** Startup is complete: the service is up in the state it reports. */
    public boolean ready(String status) {
        return send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** A line for a person, shown by {@code systemctl status}. */
    public boolean status(String status) {
        return send("STATUS=" + oneLine(status));
    }

    /** The service is healthy: resets the watchdog timer. */
    public boolean watchdog() {
        return send("WATCHDOG=1");
    }

    /** The service is shutting down (finalizing a take may take a moment). */
    public boolean stopping(String status) {
        return send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    /** Sends one message (newline-separated {@code KEY=value} lines); false when nothing was sent. */
    public synchronized boolean send(String message) {
        if (address == null) return false;
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try {
            if (fd < 0) fd = libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
            NativeLong sent = libc.sendto(fd, bytes, new NativeLong(bytes.length), Libc.MSG_NOSIGNAL, address, address.length());
            return sent.longValue() == bytes.length;
        } catch (LastErrorException e) {
            if (!failureLogged) {
                failureLogged = true;
                Logger.warn("cannot notify systemd: {} (errno {}); further failures are not logged",
                        libc.strerror(e.getErrorCode()), e.getErrorCode());
            }
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (fd >= 0) {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // nothing left to do with a descriptor that would not close
            }
            fd = -1;
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }
}

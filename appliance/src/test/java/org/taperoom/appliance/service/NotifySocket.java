package org.taperoom.appliance.service;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.taperoom.appliance.service.libc.Libc;
import org.taperoom.appliance.service.libc.SockaddrUn;

/**
 * The test's side of systemd's notification socket: an AF_UNIX datagram socket bound through the
 * real libc, under an abstract name (no file) or a path, that collects what the service sends.
 */
public final class NotifySocket implements AutoCloseable {
    private final int fd;
    private final String name;

    private NotifySocket(String name) {
        this.name = name;
        fd = Libc.LIBC.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        SockaddrUn address = new SockaddrUn(name);
        Libc.LIBC.bind(fd, address, address.length());
    }

    /** A socket under a fresh abstract name, {@code @taperoom-test-<random>}. */
    public static NotifySocket bindAbstract() {
        return new NotifySocket("@taperoom-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** A socket at {@code path} (which must not exist). */
    public static NotifySocket bindPath(String path) {
        return new NotifySocket(path);
    }

    /** The value for {@code NOTIFY_SOCKET}. */
    public String name() {
        return name;
    }

    /** The next datagram, or null when none arrives within {@code timeout}. */
    public String receive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        while (true) {
            try {
                long n = Libc.LIBC.recv(fd, buf, new NativeLong(buf.length), Libc.MSG_DONTWAIT).longValue();
                return new String(buf, 0, (int) n, StandardCharsets.UTF_8);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Libc.EAGAIN) throw e;
            }
            if (System.nanoTime() > deadline) return null;
            Thread.sleep(5);
        }
    }

    /** Every datagram that arrives within {@code window}. */
    public List<String> receiveAll(Duration window) throws InterruptedException {
        List<String> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return all;
            String m = receive(Duration.ofNanos(left));
            if (m == null) return all;
            all.add(m);
        }
    }

    @Override
    public void close() {
        Libc.LIBC.close(fd);
    }
}

package org.taperoom.web.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names the appliance answers to, for the {@code Host} check that stops DNS rebinding (a page
 * from another site whose name has been pointed at the appliance): {@code localhost}, the
 * machine's host name and its {@code .local} name (mDNS), the configured listening address, and
 * every address of its network interfaces. Addresses are re-read on a miss at most every
 * {@link #REFRESH_MILLIS}, so a new DHCP lease is picked up without letting a stranger make the
 * panel enumerate interfaces on every request. Thread-safe.
 */
public final class HostNames {
    static final long REFRESH_MILLIS = 5_000;

    /** Lower-case names without a trailing dot; fixed at start. */
    private final Set<String> names;
    /** Replaced whole by whichever request thread refreshes it. */
    private volatile Set<InetAddress> addresses = Set.of();
    private volatile long addressesReadAtMillis = Long.MIN_VALUE / 2;

    public HostNames(String configuredAddress) {
        Set<String> n = new HashSet<>();
        n.add("localhost");
        String host = machineName();
        if (!host.isEmpty()) {
            n.add(host);
            String shortName = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            n.add(shortName);
            n.add(shortName + ".local");
        }
        if (configuredAddress != null && !configuredAddress.isBlank() && !isLiteral(configuredAddress)) n.add(normal(configuredAddress));
        this.names = Set.copyOf(n);
    }

    /** Whether a request with this {@code Host} header is meant for the appliance (port ignored). */
    public boolean answersTo(String hostHeader) {
        String host = hostPart(hostHeader);
        if (host == null) return false;
        if (!isLiteral(host)) return names.contains(normal(host));
        InetAddress a = literal(host);
        if (a == null) return false;
        if (a.isLoopbackAddress() || addresses.contains(a)) return true;
        long now = System.currentTimeMillis();
        if (now - addressesReadAtMillis < REFRESH_MILLIS) return false;
        addressesReadAtMillis = now;
        addresses = interfaceAddresses();
        return addresses.contains(a);
    }

    /** True for {@code localhost} and loopback literals: a name a phone on the LAN cannot use. */
    public static boolean isLoopback(String hostHeader) {
        String host = hostPart(hostHeader);
        if (host == null) return false;
        if (!isLiteral(host)) return normal(host).equals("localhost");
        InetAddress a = literal(host);
        return a != null && a.isLoopbackAddress();
    }

    /** The host of a {@code Host} header without port and brackets, or null when it is not one. */
    static String hostPart(String hostHeader) {
        if (hostHeader == null) return null;
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) return null;
            String rest = h.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) return null;
            h = h.substring(1, close);
            return h.matches("[0-9A-Fa-f:.]+") ? h : null;
        }
        h = h.replaceFirst(":[0-9]{1,5}$", "");
        return h.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})?\\.?") ? h : null;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** A literal address, parsed without any name lookup (only literals reach here), or null. */
    private static InetAddress literal(String host) {
        if (!host.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static String machineName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) return normal(Files.readString(kernel).strip());
            return normal(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return "";
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    // Host headers carry no zone id: compare the bare address.
                    out.add(InetAddress.getByAddress(a.getAddress()));
                }
            }
        } catch (IOException e) {
            // no interfaces readable: only loopback and the names answer
        }
        return Set.copyOf(out);
    }
}

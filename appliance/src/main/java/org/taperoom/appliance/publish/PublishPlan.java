package org.taperoom.appliance.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where each file of the library goes on a destination:
 * {@code <remote:prefix>/<host>/<yyyy-mm-dd>/<take>/<file>}, so many appliances share one bucket
 * without overwriting each other. Immutable.
 *
 * @param destination {@code remote:prefix} ({@code school-s3:recordings}, {@code nas:})
 * @param host        this appliance's name on the remote (its hostname)
 */
public record PublishPlan(String destination, String host, PublishScope scope) {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_. -]*:.*");

    public PublishPlan {
        if (!REMOTE.matcher(destination).matches()) {
            throw new IllegalArgumentException("\"" + destination + "\" is not an rclone destination; expected REMOTE:path (e.g. school-s3:recordings)");
        }
        if (!host.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) throw new IllegalArgumentException("\"" + host + "\" is not a host name");
    }

    /** The remote path of {@code file} (relative to its take folder) of the take {@code day/take}. */
    public String remotePath(String day, String take, Path file) {
        String prefix = destination.endsWith(":") || destination.endsWith("/") ? destination : destination + "/";
        return prefix + host + "/" + day + "/" + take + "/" + file.toString().replace('\\', '/');
    }

    /** Queues every file of every take in {@code library} this plan publishes; returns how many jobs were added. */
    public int enqueueAll(Path library, UploadQueue queue, long nowMillis) throws IOException {
        int added = 0;
        try (Stream<Path> days = Files.list(library)) {
            for (Path day : days.filter(d -> Files.isDirectory(d) && DAY.matcher(d.getFileName().toString()).matches()).sorted().toList()) {
                List<Path> takes;
                try (Stream<Path> t = Files.list(day)) {
                    takes = t.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                }
                for (Path take : takes) {
                    for (Path f : scope.files(take)) {
                        String remote = remotePath(day.getFileName().toString(), take.getFileName().toString(), f);
                        if (queue.enqueue(take.resolve(f), remote, nowMillis)) added++;
                    }
                }
            }
        }
        return added;
    }

    /** This machine's host name without its domain, the default folder on the remote. */
    public static String localHostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (IOException e) {
            return "taperoom";
        }
    }
}

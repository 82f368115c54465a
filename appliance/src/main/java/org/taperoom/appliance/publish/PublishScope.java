package org.taperoom.appliance.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a destination receives of each take: its rule. */
public enum PublishScope {
    /** Renders and their records ({@code renders/}), the quick mix excepted, and each release's ZIP ({@code releases/<release>/<album>.zip}). */
    EXPORTS,
    /** Only {@code renders/quick-mix.mp3}. */
    QUICK_MIXES,
    /** The raw take: track files, take.json and its mix/master settings. */
    TAKES,
    /** Every file of the take folder. */
    ALL;

    private static final Pattern TRACK = Pattern.compile("\\d{2,3}-.+\\.wav", Pattern.CASE_INSENSITIVE);
    private static final List<String> TAKE_FILES = List.of("take.json", "mix.json", "master.json");

    public static PublishScope of(String name) {
        for (PublishScope s : values()) if (s.jsonName().equals(name.toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("\"" + name + "\" is not a publishing rule; use exports, quick-mixes, takes or all");
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The files of {@code take} this rule publishes, relative to the take folder, hidden files never. */
    public List<Path> files(Path take) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(take)) {
            all = walk.filter(Files::isRegularFile).map(take::relativize)
                    .filter(p -> { for (Path part : p) if (part.toString().startsWith(".")) return false; return true; })
                    .sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (Path p : all) {
            String name = p.getFileName().toString();
            boolean inRenders = p.getNameCount() == 2 && p.getName(0).toString().equals("renders");
            boolean quickMix = inRenders && name.equals("quick-mix.mp3");
            boolean releaseZip = p.getNameCount() == 3 && p.getName(0).toString().equals("releases") && name.endsWith(".zip");
            boolean wanted = switch (this) {
                case EXPORTS -> inRenders && !quickMix || releaseZip;
                case QUICK_MIXES -> quickMix;
                case TAKES -> p.getNameCount() == 1 && (TRACK.matcher(name).matches() || TAKE_FILES.contains(name));
                case ALL -> true;
            };
            if (wanted) out.add(p);
        }
        return out;
    }
}

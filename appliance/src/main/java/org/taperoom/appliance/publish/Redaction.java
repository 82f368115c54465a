package org.taperoom.appliance.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the secrets of an rclone configuration from any text before it is logged or shown:
 * the values of keys that hold credentials (access/secret keys, passwords, tokens) wherever they
 * appear, and rclone's own {@code key=value} echoes of them. Immutable.
 */
public final class Redaction {
    /** rclone's credential keys across backends (s3, webdav, sftp, smb, drive, dropbox ...). */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|pass|password|token|key|bearer|client_id|account|user).*");
    private static final String MASK = "[redacted]";
    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redaction of(Path rcloneConfig) throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.isRegularFile(rcloneConfig)) {
            for (String line : Files.readAllLines(rcloneConfig)) {
                int eq = line.indexOf('=');
                if (eq < 0 || line.strip().startsWith("#") || line.strip().startsWith(";")) continue;
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (SECRET_KEY.matcher(key).matches() && value.length() >= 3) found.add(value);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(found));
    }

    public String clean(String text) {
        String out = text;
        for (String s : secrets) out = out.replace(s, MASK);
        return out;
    }
}

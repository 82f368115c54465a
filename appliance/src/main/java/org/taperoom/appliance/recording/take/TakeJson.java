package org.taperoom.appliance.recording.take;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.taperoom.appliance.wav.FileOps;

/**
 * Reads and writes {@code take.json}. Writes go to a temporary file renamed over the old one, so a
 * crash leaves the old or the new version, never half of one. The file is padded with trailing
 * spaces to at least {@link #RESERVED_BYTES}: when the disk is full and the rename route has no
 * room, the new version is written in place over the padding (the error of a disk-full take must
 * reach its metadata).
 */
public final class TakeJson {
    public static final String FILE_NAME = "take.json";
    static final int RESERVED_BYTES = 16 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TakeJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static TakeInfo read(Path folder) throws IOException {
        return MAPPER.readValue(folder.resolve(FILE_NAME).toFile(), TakeInfo.class);
    }

    public static void write(Path folder, TakeInfo info) throws IOException {
        write(folder, info, FileOps.DIRECT);
    }

    /** Writes take.json with every write, sync and rename through {@code ops}. */
    public static void write(Path folder, TakeInfo info, FileOps ops) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(info);
        byte[] padded = json.length + 1 >= RESERVED_BYTES ? Arrays.copyOf(json, json.length + 1)
                : Arrays.copyOf(json, RESERVED_BYTES);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        padded[padded.length - 1] = '\n';
        Path target = folder.resolve(FILE_NAME);
        Path tmp = folder.resolve(FILE_NAME + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ops.write(ch, ByteBuffer.wrap(padded), 0);
                ops.force(ch, true);
            }
            ops.rename(tmp, target);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (!Files.isRegularFile(target) || Files.size(target) < padded.length) throw e;
            writeInPlace(target, padded);
        }
    }

    /** Overwrites the reserved bytes of an existing file; needs no new blocks. */
    private static void writeInPlace(Path target, byte[] padded) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            long size = ch.size();
            byte[] full = Arrays.copyOf(padded, (int) size);
            Arrays.fill(full, padded.length, full.length, (byte) ' ');
            ByteBuffer b = ByteBuffer.wrap(full);
            long pos = 0;
            while (b.hasRemaining()) pos += ch.write(b, pos);
            ch.force(true);
        }
    }
}

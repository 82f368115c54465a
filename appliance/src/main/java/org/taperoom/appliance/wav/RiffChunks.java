package org.taperoom.appliance.wav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one walker of RIFF/RF64/BW64 WAVE chunks (Microsoft RIFF, EBU Tech 3306 for RF64 and
 * {@code ds64}): every reader of WAVE files in Taperoom goes through it. It reads forward only, so
 * the same walk serves a file and a stream (which it leaves at the first sample).
 */
public final class RiffChunks {
    /** The 32-bit size that says "see ds64". */
    public static final long SIZE_IN_DS64 = 0xFFFFFFFFL;

    /**
     * One chunk.
     *
     * @param id     the four-character id
     * @param offset offset of the chunk's 8-byte header in the file
     * @param size   payload bytes (for {@code data} in RF64, the ds64 size), without the pad byte
     */
    public record Chunk(String id, long offset, long size) {
        public long payloadOffset() {
            return offset + 8;
        }

        /** Offset of the next chunk: after the payload and its pad byte. */
        public long end() {
            return offset + 8 + size + (size & 1);
        }
    }

    /**
     * The sample format from {@code fmt } (the sub-format of WAVE_FORMAT_EXTENSIBLE resolved).
     *
     * @param formatTag 1 integer PCM, 3 IEEE float
     */
    public record Format(int formatTag, int channels, int rateHz, int blockAlign, int bitsPerSample) {
        public boolean isFloat() {
            return formatTag == 3;
        }
    }

    /** The sizes a {@code ds64} chunk carries. */
    public record Ds64(long riffSize, long dataSize, long sampleCount) {}

    /**
     * The chunks from the form header up to and including {@code data}.
     *
     * @param form   "RIFF", "RF64" or "BW64"
     * @param chunks every chunk before the samples, {@code data} last
     * @param ds64   the ds64 sizes, or null
     */
    public record Header(String form, List<Chunk> chunks, Format format, Ds64 ds64) {
        public Chunk data() {
            return chunks.get(chunks.size() - 1);
        }

        /** The first chunk with this id, or null. */
        public Chunk chunk(String id) {
            for (Chunk c : chunks) if (c.id().equals(id)) return c;
            return null;
        }
    }

    /** Where the walker reads: forward only. */
    private interface Source {
        /** Fills {@code b} from file offset {@code pos} (never behind an earlier read) and flips it; throws at the end. */
        void read(ByteBuffer b, long pos) throws IOException;
    }

    private RiffChunks() {}

    /** Reads the header of a file. */
    public static Header read(FileChannel ch) throws IOException {
        return walk((b, pos) -> readFully(ch, b, pos));
    }

    /** Reads the header from a stream and leaves the stream at the first sample. */
    public static Header read(InputStream in) throws IOException {
        long[] at = {0};
        return walk((b, pos) -> {
            in.skipNBytes(pos - at[0]);
            byte[] bytes = in.readNBytes(b.remaining());
            if (bytes.length < b.remaining()) throw new IOException("the file ends inside its header");
            b.put(bytes).flip();
            at[0] = pos + bytes.length;
        });
    }

    private static Header walk(Source src) throws IOException {
        ByteBuffer head = le(12);
        try {
            src.read(head, 0);
        } catch (IOException e) {
            throw new IOException("not a WAVE file: too short");
        }
        String form = fourcc(head, 0);
        if (!(form.equals("RIFF") || form.equals("RF64") || form.equals("BW64")) || !fourcc(head, 8).equals("WAVE")) {
            throw new IOException("not a WAVE file");
        }
        List<Chunk> chunks = new ArrayList<>();
        Format format = null;
        Ds64 ds64 = null;
        long pos = 12;
        while (true) {
            ByteBuffer h = le(8);
            try {
                src.read(h, pos);
            } catch (IOException e) {
                throw new IOException("no data chunk");
            }
            String id = fourcc(h, 0);
            long size = h.getInt(4) & 0xFFFFFFFFL;
            if (id.equals("data")) {
                if (size == SIZE_IN_DS64 && ds64 != null) size = ds64.dataSize();
                chunks.add(new Chunk(id, pos, size));
                return new Header(form, List.copyOf(chunks), format, ds64);
            }
            Chunk c = new Chunk(id, pos, size);
            chunks.add(c);
            if (id.equals("fmt ") && size >= 16) {
                ByteBuffer f = le((int) Math.min(size, 40));
                src.read(f, c.payloadOffset());
                int tag = f.getShort(0) & 0xFFFF;
                if (tag == 0xFFFE && size >= 26) tag = f.getShort(24) & 0xFFFF;
                format = new Format(tag, f.getShort(2) & 0xFFFF, f.getInt(4), f.getShort(12) & 0xFFFF, f.getShort(14) & 0xFFFF);
            } else if (id.equals("ds64") && size >= 24) {
                ByteBuffer d = le(24);
                src.read(d, c.payloadOffset());
                ds64 = new Ds64(d.getLong(0), d.getLong(8), d.getLong(16));
            }
            pos = c.end();
        }
    }

    /**
     * The chunks from {@code from} to the end of the file, when they fill it exactly and are all
     * chunks this recorder appends after its samples ({@code cue }, {@code LIST} of type
     * {@code adtl}), the last one possibly cut short (the file was cut while they were written);
     * null otherwise. An empty list when {@code from} is the end. Recovery asks this of the bytes
     * after the data size a header declares: only a finished (or finishing) file's markers pass.
     */
    public static List<Chunk> markerChunksToEnd(FileChannel ch, long from) throws IOException {
        long size = ch.size();
        List<Chunk> out = new ArrayList<>();
        long pos = from;
        if (pos < size && ((pos & 1) != 0)) {
            // The pad byte after an odd data chunk.
            ByteBuffer pad = le(1);
            readFully(ch, pad, pos);
            if (pad.get(0) != 0) return null;
            pos++;
        }
        while (pos < size) {
            if (pos + 12 > size) return startsLikeOurs(ch, pos, (int) (size - pos)) ? out : null;
            ByteBuffer h = le(12);
            readFully(ch, h, pos);
            String id = fourcc(h, 0);
            long len = h.getInt(4) & 0xFFFFFFFFL;
            boolean ours = id.equals("cue ") && len >= 4 && (len - 4) % 24 == 0 && (h.getInt(8) & 0xFFFFFFFFL) * 24 + 4 == len
                    || id.equals("LIST") && fourcc(h, 8).equals("adtl");
            if (!ours) return null;
            Chunk c = new Chunk(id, pos, len);
            out.add(c);
            if (c.end() > size) return out;
            pos = c.end();
        }
        return out;
    }

    /** Whether the {@code bytes} (fewer than a chunk header) at {@code pos} begin a {@code cue } or {@code LIST} chunk. */
    private static boolean startsLikeOurs(FileChannel ch, long pos, int bytes) throws IOException {
        ByteBuffer b = le(bytes);
        readFully(ch, b, pos);
        String head = new String(b.array(), 0, Math.min(4, bytes), StandardCharsets.US_ASCII);
        return "cue ".startsWith(head) || "LIST".startsWith(head);
    }

    /** Every chunk of a file from its first to its end (for tests and tools; the data's size resolved through ds64). */
    public static List<Chunk> all(FileChannel ch) throws IOException {
        Header h = read(ch);
        List<Chunk> out = new ArrayList<>(h.chunks());
        long pos = h.data().end();
        long size = ch.size();
        while (pos + 8 <= size) {
            ByteBuffer b = le(8);
            readFully(ch, b, pos);
            Chunk c = new Chunk(fourcc(b, 0), pos, b.getInt(4) & 0xFFFFFFFFL);
            out.add(c);
            pos = c.end();
        }
        return out;
    }

    /** Fills {@code b} from {@code pos} and flips it; throws when the file ends first. */
    public static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) throw new IOException("the file ends inside its header");
            pos += n;
        }
        b.flip();
    }

    static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static String fourcc(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) four[i] = b.get(at + i);
        return new String(four, StandardCharsets.US_ASCII);
    }
}

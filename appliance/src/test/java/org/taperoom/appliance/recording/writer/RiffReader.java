package org.taperoom.appliance.recording.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.wav.RiffChunks;

/**
 * A reader of the chunks' contents for tests, written from the specifications (EBU Tech 3285 for
 * bext, iXML 1.61, the RIFF cue and adtl lists); the chunks themselves it finds through the one
 * walker, {@link RiffChunks}. What it reads is checked against sox and ffmpeg where they show it.
 */
public final class RiffReader {
    public record Chunk(String id, long offset, long size) {}

    public record Fmt(int formatTag, int channels, int rateHz, int blockAlign, int bitsPerSample) {}

    public record Bext(String description, String originator, String originatorReference, String originationDate,
                       String originationTime, long timeReference, int version, String codingHistory) {}

    public record Cue(int id, long sampleOffset, String label) {}

    public final Path path;
    public final String form;
    public final long riffSize;
    public final List<Chunk> chunks = new ArrayList<>();
    private final byte[] all;

    public RiffReader(Path path) throws IOException {
        this.path = path;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) throw new IOException("too big for the test reader");
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            while (b.hasRemaining() && ch.read(b) >= 0) { }
            all = b.array();
        }
        form = ascii(0);
        if (!form.equals("RIFF") && !form.equals("RF64")) throw new IOException(path + ": not RIFF/RF64 but " + form);
        long declared = le().getInt(4) & 0xFFFFFFFFL;
        RiffChunks.Ds64 ds64;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ds64 = RiffChunks.read(ch).ds64();
            for (RiffChunks.Chunk c : RiffChunks.all(ch)) chunks.add(new Chunk(c.id(), c.payloadOffset(), c.size()));
        }
        riffSize = declared == 0xFFFFFFFFL && ds64 != null ? ds64.riffSize() : declared;
    }

    private ByteBuffer le() {
        return ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String ascii(int at) {
        return new String(all, at, 4, StandardCharsets.US_ASCII);
    }

    public long fileLength() {
        return all.length;
    }

    public Chunk chunk(String id) {
        for (Chunk c : chunks) if (c.id.equals(id)) return c;
        return null;
    }

    public List<String> ids() {
        return chunks.stream().map(Chunk::id).toList();
    }

    public Fmt fmt() {
        Chunk c = chunk("fmt ");
        ByteBuffer b = le();
        int o = (int) c.offset;
        return new Fmt(b.getShort(o) & 0xFFFF, b.getShort(o + 2) & 0xFFFF, b.getInt(o + 4), b.getShort(o + 12) & 0xFFFF,
                b.getShort(o + 14) & 0xFFFF);
    }

    public Bext bext() {
        Chunk c = chunk("bext");
        int o = (int) c.offset;
        ByteBuffer b = le();
        long low = b.getInt(o + 338) & 0xFFFFFFFFL;
        long high = b.getInt(o + 342) & 0xFFFFFFFFL;
        return new Bext(z(o, 256), z(o + 256, 32), z(o + 288, 32), z(o + 320, 10), z(o + 330, 8), (high << 32) | low,
                b.getShort(o + 346) & 0xFFFF, new String(all, o + 602, (int) c.size - 602, StandardCharsets.US_ASCII));
    }

    public String ixml() {
        Chunk c = chunk("iXML");
        return new String(all, (int) c.offset, (int) c.size, StandardCharsets.UTF_8);
    }

    /** Text between {@code <tag>} and {@code </tag>} in the iXML, or null. */
    public String ixmlTag(String tag) {
        String x = ixml();
        int a = x.indexOf("<" + tag + ">");
        int e = x.indexOf("</" + tag + ">");
        return a < 0 || e < 0 ? null : x.substring(a + tag.length() + 2, e);
    }

    /** Cue points with their labels from LIST/adtl/labl. */
    public List<Cue> cues() {
        Chunk c = chunk("cue ");
        if (c == null) return List.of();
        ByteBuffer b = le();
        int o = (int) c.offset;
        int n = b.getInt(o);
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (Chunk l : chunks) {
            if (!l.id.equals("LIST") || !ascii((int) l.offset).equals("adtl")) continue;
            long p = l.offset + 4;
            while (p + 8 <= l.offset + l.size) {
                String id = ascii((int) p);
                int size = b.getInt((int) p + 4);
                if (id.equals("labl")) {
                    int cueId = b.getInt((int) p + 8);
                    String text = new String(all, (int) p + 12, size - 4, StandardCharsets.UTF_8);
                    labels.put(cueId, text.replaceAll("\0+$", ""));
                }
                p += 8 + size + (size & 1);
            }
        }
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = o + 4 + 24 * i;
            int id = b.getInt(p);
            out.add(new Cue(id, b.getInt(p + 20) & 0xFFFFFFFFL, labels.get(id)));
        }
        return out;
    }

    /** Frames in the data chunk. */
    public long frames() {
        return chunk("data").size / fmt().blockAlign();
    }

    /** Every sample of the (mono) data, as left-justified S32s. */
    public int[] samplesS32() {
        Fmt f = fmt();
        long data = chunk("data").offset;
        ByteBuffer b = le();
        int[] out = new int[(int) frames()];
        for (int i = 0; i < out.length; i++) out[i] = sampleS32(f, (int) (data + (long) i * f.blockAlign()), b);
        return out;
    }

    /** Sample {@code i} of the (mono) data, as a left-justified S32 the way the engine holds it. */
    public int sampleS32(long i) {
        Fmt f = fmt();
        return sampleS32(f, (int) (chunk("data").offset + i * f.blockAlign()), le());
    }

    private int sampleS32(Fmt f, int o, ByteBuffer b) {
        if (f.formatTag() == 3) {
            float v = b.getFloat(o);
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round((double) v * 2147483648.0)));
        }
        return switch (f.bitsPerSample()) {
            case 16 -> b.getShort(o) << 16;
            case 24 -> ((all[o] & 0xFF) << 8) | ((all[o + 1] & 0xFF) << 16) | (all[o + 2] << 24);
            default -> b.getInt(o);
        };
    }

    private String z(int at, int max) {
        int end = at;
        while (end < at + max && all[end] != 0) end++;
        return new String(all, at, end - at, StandardCharsets.US_ASCII);
    }
}

package org.taperoom.appliance.dsp.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces the comment header (OpusTags, RFC 7845 section 5.2) of an Ogg Opus file: the release's
 * Vorbis comments, and the cover as a {@code METADATA_BLOCK_PICTURE} comment (a FLAC picture
 * block in base64, the form players and ffmpeg read from Ogg). jaudiotagger reads and writes Ogg
 * Vorbis only (its Ogg reader insists on a Vorbis identification header), so Opus is done here:
 * the header pages are laid out anew, the audio pages keep their bytes and get new sequence
 * numbers and CRCs when the header's page count changes. Comments the encoder wrote under other
 * names (its vendor string, an ENCODER comment) are kept.
 *
 * <p>One logical stream only (what the release writes). Runs on the caller's thread, on a file
 * nobody else reads yet.
 */
final class OpusComments {
    private static final byte[] CAPTURE = "OggS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPUS_TAGS = "OpusTags".getBytes(StandardCharsets.US_ASCII);
    private static final int[] CRC_TABLE = crcTable();

    private OpusComments() {}

    /** A front cover: the image file's bytes, MIME type and size in pixels. */
    record Picture(byte[] bytes, String mimeType, int widthPixels, int heightPixels) {}

    /**
     * Writes {@code comments} (Vorbis names: TITLE, ALBUMARTIST, TRACKNUMBER ...; a null or blank
     * value removes that comment) and {@code cover} (or none) into {@code file}'s OpusTags.
     */
    static void write(Path file, Map<String, String> comments, Picture cover) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<Page> pages = pages(data);
        if (pages.size() < 3) throw new IOException(file.getFileName() + ": not an Ogg Opus file (fewer than three pages)");
        long serial = pages.get(0).serial;
        for (Page p : pages) {
            if (p.serial != serial) throw new IOException(file.getFileName() + ": more than one Ogg stream; only single-stream Opus is tagged");
        }
        // The comment packet starts on page 1 and, by RFC 7845, its last page holds nothing else.
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        int last = 1;
        while (true) {
            Page p = pages.get(last);
            old.write(data, p.bodyOffset, p.bodyLength);
            if (p.lacing[p.lacing.length - 1] != (byte) 255) break;
            if (++last >= pages.size()) throw new IOException(file.getFileName() + ": the comment header never ends");
        }
        byte[] packet = packet(old.toByteArray(), comments, cover, file);

        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + packet.length);
        out.write(data, pages.get(0).offset, pages.get(0).length);
        List<byte[]> header = paginate(packet, serial);
        for (byte[] page : header) out.write(page);
        int shift = header.size() - last;
        for (int i = last + 1; i < pages.size(); i++) {
            Page p = pages.get(i);
            byte[] page = java.util.Arrays.copyOfRange(data, p.offset, p.offset + p.length);
            ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(18, p.sequence + shift);
            b.putInt(22, 0);
            b.putInt(22, crc(page));
            out.write(page);
        }
        // The release's part file, renamed into place only after this (Conversion): written over directly.
        Files.write(file, out.toByteArray());
    }

    /** The new OpusTags packet: the old vendor string, the old comments we do not set, then ours. */
    private static byte[] packet(byte[] old, Map<String, String> comments, Picture cover, Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(old).order(ByteOrder.LITTLE_ENDIAN);
        for (byte c : OPUS_TAGS) {
            if (in.get() != c) throw new IOException(file.getFileName() + ": the second packet is not OpusTags");
        }
        byte[] vendor = new byte[in.getInt()];
        in.get(vendor);
        int count = in.getInt();
        Map<String, String> ours = new LinkedHashMap<>();
        java.util.Set<String> replaced = new java.util.HashSet<>();
        comments.forEach((k, v) -> {
            replaced.add(k.toUpperCase(Locale.ROOT));
            if (v != null && !v.isBlank()) ours.put(k.toUpperCase(Locale.ROOT), v);
        });
        if (cover != null) ours.put("METADATA_BLOCK_PICTURE", Base64.getEncoder().encodeToString(pictureBlock(cover)));
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] c = new byte[in.getInt()];
            in.get(c);
            String text = new String(c, StandardCharsets.UTF_8);
            int eq = text.indexOf('=');
            String key = (eq < 0 ? text : text.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (!replaced.contains(key) && !ours.containsKey(key)) kept.add(c);
        }
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(OPUS_TAGS);
        p.write(le32(vendor.length));
        p.write(vendor);
        p.write(le32(kept.size() + ours.size()));
        for (byte[] c : kept) {
            p.write(le32(c.length));
            p.write(c);
        }
        for (Map.Entry<String, String> e : ours.entrySet()) {
            byte[] c = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            p.write(le32(c.length));
            p.write(c);
        }
        return p.toByteArray();
    }

    /** A FLAC METADATA_BLOCK_PICTURE body (type 3, front cover), all integers big-endian. */
    private static byte[] pictureBlock(Picture cover) {
        byte[] mime = cover.mimeType().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(32 + mime.length + cover.bytes().length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(3).putInt(mime.length).put(mime).putInt(0)
                .putInt(cover.widthPixels()).putInt(cover.heightPixels()).putInt(24).putInt(0)
                .putInt(cover.bytes().length).put(cover.bytes());
        return b.array();
    }

    /** {@code packet} as header pages (granule 0) numbered from 1; the last page ends the packet. */
    private static List<byte[]> paginate(byte[] packet, long serial) {
        int segments = packet.length / 255 + 1;
        List<byte[]> pages = new ArrayList<>();
        int segment = 0;
        int offset = 0;
        while (segment < segments) {
            int n = Math.min(255, segments - segment);
            byte[] lacing = new byte[n];
            int body = 0;
            for (int i = 0; i < n; i++, segment++) {
                int len = segment < segments - 1 ? 255 : packet.length % 255;
                lacing[i] = (byte) len;
                body += len;
            }
            ByteBuffer b = ByteBuffer.allocate(27 + n + body).order(ByteOrder.LITTLE_ENDIAN);
            b.put(CAPTURE).put((byte) 0).put((byte) (pages.isEmpty() ? 0 : 1)).putLong(0).putInt((int) serial)
                    .putInt(1 + pages.size()).putInt(0).put((byte) n).put(lacing).put(packet, offset, body);
            offset += body;
            byte[] page = b.array();
            ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc(page));
            pages.add(page);
        }
        return pages;
    }

    /** Where one page lies in the file and what its header says. */
    private record Page(int offset, int length, int bodyOffset, int bodyLength, long serial, int sequence, byte[] lacing) {}

    private static List<Page> pages(byte[] data) throws IOException {
        List<Page> pages = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (at < data.length) {
            if (data.length - at < 27 || !java.util.Arrays.equals(data, at, at + 4, CAPTURE, 0, 4)) {
                throw new IOException("not an Ogg page at byte " + at);
            }
            int n = data[at + 26] & 0xFF;
            if (at + 27 + n > data.length) throw new IOException("an Ogg page cut short at byte " + at);
            byte[] lacing = java.util.Arrays.copyOfRange(data, at + 27, at + 27 + n);
            int body = 0;
            for (byte l : lacing) body += l & 0xFF;
            int length = 27 + n + body;
            if (at + length > data.length) throw new IOException("an Ogg page cut short at byte " + at);
            pages.add(new Page(at, length, at + 27 + n, body, b.getInt(at + 14) & 0xFFFFFFFFL, b.getInt(at + 18), lacing));
            at += length;
        }
        return pages;
    }

    /** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value and final XOR 0, over the page with its CRC field zero. */
    static int crc(byte[] page) {
        int crc = 0;
        for (byte x : page) crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ (x & 0xFF)) & 0xFF];
        return crc;
    }

    private static int[] crcTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int j = 0; j < 8; j++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            t[i] = r;
        }
        return t;
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}

package org.taperoom.appliance.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds the header of a mono Broadcast WAV track file, everything up to the first sample:
 * <pre>
 * RIFF size WAVE
 *   JUNK (28 bytes)   reserved so the file can become RF64 in place: the same bytes become ds64
 *   fmt              PCM (16 bytes) or IEEE float (18 bytes)
 *   fact             float only: the sample count
 *   bext             EBU Tech 3285 v1: description, originator, date, time, time reference, coding history
 *   iXML             slate, speed and time stamp, track, file set, history, bext mirror (see {@link Ixml})
 *   data size        the samples
 * </pre>
 * Markers ({@code cue } and {@code LIST/adtl}) go after the data when the file is finished.
 */
public final class WaveHeader {
    public static final int JUNK_OFFSET = 12;
    /** Payload of ds64 without a table: RIFF size, data size, sample count (8 bytes each), table length (4). */
    public static final int DS64_PAYLOAD = 28;

    private WaveHeader() {}

    /** The header bytes; the size fields are placeholders until the first update. */
    public static byte[] build(WordFormat format, int rateHz, BextInfo info) {
        byte[] ixml = ixml(format, info).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2048 + ixml.length).order(ByteOrder.LITTLE_ENDIAN);
        ascii(b, "RIFF");
        b.putInt(0);
        ascii(b, "WAVE");
        ascii(b, "JUNK");
        b.putInt(DS64_PAYLOAD);
        b.put(new byte[DS64_PAYLOAD]);
        ascii(b, "fmt ");
        boolean isFloat = format == WordFormat.FLOAT32;
        b.putInt(isFloat ? 18 : 16);
        b.putShort((short) format.formatTag);
        b.putShort((short) 1);
        b.putInt(rateHz);
        b.putInt(rateHz * format.bytesPerSample);
        b.putShort((short) format.bytesPerSample);
        b.putShort((short) format.bitsPerSample);
        if (isFloat) {
            b.putShort((short) 0);
            ascii(b, "fact");
            b.putInt(4);
            b.putInt(0);
        }
        byte[] bext = bext(format, info);
        ascii(b, "bext");
        b.putInt(bext.length);
        b.put(bext);
        if ((bext.length & 1) != 0) b.put((byte) 0);
        ascii(b, "iXML");
        b.putInt(ixml.length);
        b.put(ixml);
        if ((ixml.length & 1) != 0) b.put((byte) 0);
        ascii(b, "data");
        b.putInt(0);
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    static byte[] bext(WordFormat format, BextInfo info) {
        byte[] h = codingHistory(format, info).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(602 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        fixed(b, description(info), 256);
        fixed(b, info.originator(), 32);
        fixed(b, info.originatorRef(), 32);
        fixed(b, info.firstSampleTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd")), 10);
        fixed(b, info.firstSampleTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")), 8);
        b.putInt((int) info.timeReference());
        b.putInt((int) (info.timeReference() >>> 32));
        b.putShort((short) 1); // version 1: no loudness fields
        b.put(new byte[64]);   // UMID: none
        b.put(new byte[190]);  // reserved
        b.put(h);
        return b.array();
    }

    private static String codingHistory(WordFormat format, BextInfo info) {
        return "A=" + (format == WordFormat.FLOAT32 ? "PCM_FLOAT" : "PCM") + ",F=" + info.rateHz() + ",W="
                + format.bitsPerSample + ",M=mono,T=Taperoom\r\n";
    }

    /**
     * The bext description: the one given, or the lines Sound Devices and Zoom F-series recorders
     * write there, which conform tools read ({@code sSCENE=}, {@code sTAKE=}, {@code sTAPE=},
     * {@code sSPEED=}, {@code sTRKn=} with n the input), CR LF after each.
     */
    static String description(BextInfo info) {
        if (!info.description().isEmpty()) return info.description();
        BextInfo.Slate slate = info.slate();
        return "sSCENE=" + slate.scene() + "\r\nsTAKE=" + String.format("%02d", slate.take()) + "\r\nsTAPE=" + slate.tape()
                + "\r\nsSPEED=" + slate.timecode().soundDevicesSpeed() + "\r\nsTRK" + info.input() + "=" + info.trackName() + "\r\n";
    }

    static String ixml(WordFormat format, BextInfo info) {
        return Ixml.of(info, format, description(info), codingHistory(format, info));
    }

    /**
     * The {@code cue } chunk and the {@code LIST/adtl} chunk with a {@code labl} per marker, ready
     * to append after the data (including a leading pad byte when {@code dataBytes} is odd).
     */
    public static byte[] markerChunks(List<Marker> markers, long dataBytes) {
        if (markers.isEmpty()) return (dataBytes & 1) != 0 ? new byte[1] : new byte[0];
        int listPayload = 4;
        byte[][] labels = new byte[markers.size()][];
        for (int i = 0; i < markers.size(); i++) {
            labels[i] = (markers.get(i).label() + "\0").getBytes(StandardCharsets.UTF_8);
            listPayload += 8 + 4 + labels[i].length + (((4 + labels[i].length) & 1) != 0 ? 1 : 0);
        }
        int cuePayload = 4 + 24 * markers.size();
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + cuePayload + 8 + listPayload).order(ByteOrder.LITTLE_ENDIAN);
        if ((dataBytes & 1) != 0) b.put((byte) 0);
        ascii(b, "cue ");
        b.putInt(cuePayload);
        b.putInt(markers.size());
        for (int i = 0; i < markers.size(); i++) {
            int position = (int) Math.min(0xFFFFFFFFL, markers.get(i).frame());
            b.putInt(i + 1);
            b.putInt(position);
            ascii(b, "data");
            b.putInt(0);
            b.putInt(0);
            b.putInt(position);
        }
        ascii(b, "LIST");
        b.putInt(listPayload);
        ascii(b, "adtl");
        for (int i = 0; i < markers.size(); i++) {
            ascii(b, "labl");
            b.putInt(4 + labels[i].length);
            b.putInt(i + 1);
            b.put(labels[i]);
            if (((4 + labels[i].length) & 1) != 0) b.put((byte) 0);
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** A marker as the files hold it: a frame of the file and a label. */
    public record Marker(long frame, String label) {}

    private static void ascii(ByteBuffer b, String s) {
        b.put(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void fixed(ByteBuffer b, String s, int length) {
        byte[] bytes = s.replaceAll("[^\\x20-\\x7e\\r\\n]", "?").getBytes(StandardCharsets.US_ASCII);
        byte[] field = new byte[length];
        System.arraycopy(bytes, 0, field, 0, Math.min(length, bytes.length));
        b.put(field);
    }

}

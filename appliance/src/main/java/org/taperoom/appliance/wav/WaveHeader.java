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
 *   iXML             the track name and take
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
        ByteBuffer b = ByteBuffer.allocate(4096 + info.description().length() * 4 + info.trackName().length() * 8
                + info.takeName().length() * 8).order(ByteOrder.LITTLE_ENDIAN);
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
        byte[] ixml = ixml(info).getBytes(StandardCharsets.UTF_8);
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
        String history = "A=" + (format == WordFormat.FLOAT32 ? "PCM_FLOAT" : "PCM") + ",F=" + info.rateHz() + ",W="
                + format.bitsPerSample + ",M=mono,T=Taperoom\r\n";
        byte[] h = history.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(602 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        fixed(b, info.description(), 256);
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

    static String ixml(BextInfo info) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BWFXML>\n<IXML_VERSION>1.61</IXML_VERSION>\n<PROJECT>Taperoom</PROJECT>\n"
                + "<SCENE>" + xml(info.takeName()) + "</SCENE>\n<TAKE>1</TAKE>\n<NOTE>" + xml(info.description()) + "</NOTE>\n"
                + "<SPEED><TIMECODE_RATE>" + info.rateHz() + "/1</TIMECODE_RATE><FILE_SAMPLE_RATE>" + info.rateHz()
                + "</FILE_SAMPLE_RATE><TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>" + (info.timeReference() >>> 32)
                + "</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI><TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>" + (info.timeReference() & 0xFFFFFFFFL)
                + "</TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO></SPEED>\n"
                + "<TRACK_LIST>\n<TRACK_COUNT>1</TRACK_COUNT>\n<TRACK><CHANNEL_INDEX>1</CHANNEL_INDEX><INTERLEAVE_INDEX>1</INTERLEAVE_INDEX><NAME>"
                + xml(info.trackName()) + "</NAME></TRACK>\n</TRACK_LIST>\n</BWFXML>\n";
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
        byte[] bytes = s.replaceAll("[^\\x20-\\x7e]", "?").getBytes(StandardCharsets.US_ASCII);
        byte[] field = new byte[length];
        System.arraycopy(bytes, 0, field, 0, Math.min(length, bytes.length));
        b.put(field);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

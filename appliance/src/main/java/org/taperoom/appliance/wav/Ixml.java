package org.taperoom.appliance.wav;

import java.time.format.DateTimeFormatter;

/**
 * The iXML document of a track file (iXML 1.61, with the fields Sound Devices and Zoom F-series
 * recorders write): slate, speed and time stamp, track, file set, history, and a mirror of the
 * bext chunk. UTF-8, with its XML declaration; readers take it whole.
 */
final class Ixml {
    private final StringBuilder out = new StringBuilder(2048);

    private Ixml() {}

    /** The document for {@code info}, whose bext chunk says {@code description} and {@code codingHistory}. */
    static String of(BextInfo info, WordFormat format, String description, String codingHistory) {
        BextInfo.Slate slate = info.slate();
        Timecode tc = slate.timecode();
        long reference = info.timeReference();
        Ixml x = new Ixml();
        x.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BWFXML>\n");
        x.tag("IXML_VERSION", "1.61");
        x.tag("PROJECT", slate.project());
        x.tag("SCENE", slate.scene());
        x.tag("TAKE", String.valueOf(slate.take()));
        x.tag("TAPE", slate.tape());
        x.tag("CIRCLED", "FALSE");
        x.tag("FILE_UID", info.fileUid());
        x.tag("UBITS", slate.userBits());
        x.tag("NOTE", slate.note());
        x.open("SPEED");
        x.tag("MASTER_SPEED", tc.rate());
        x.tag("CURRENT_SPEED", tc.rate());
        x.tag("TIMECODE_RATE", tc.rate());
        x.tag("TIMECODE_FLAG", tc.flag());
        x.tag("FILE_SAMPLE_RATE", String.valueOf(info.rateHz()));
        x.tag("AUDIO_BIT_DEPTH", String.valueOf(format.bitsPerSample));
        x.tag("DIGITIZER_SAMPLE_RATE", String.valueOf(info.rateHz()));
        x.tag("TIMESTAMP_SAMPLE_RATE", String.valueOf(info.rateHz()));
        x.tag("TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI", String.valueOf(reference >>> 32));
        x.tag("TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO", String.valueOf(reference & 0xFFFFFFFFL));
        x.close("SPEED");
        x.open("HISTORY");
        x.tag("ORIGINAL_FILENAME", info.fileName());
        x.tag("PARENT_FILENAME", "");
        x.tag("PARENT_UID", "");
        x.close("HISTORY");
        x.open("FILE_SET");
        x.tag("TOTAL_FILES", String.valueOf(slate.totalFiles()));
        x.tag("FAMILY_UID", slate.familyUid());
        x.tag("FAMILY_NAME", slate.scene());
        x.tag("FILE_SET_INDEX", String.valueOf(info.fileIndex()));
        x.close("FILE_SET");
        x.open("TRACK_LIST");
        x.tag("TRACK_COUNT", "1");
        x.open("TRACK");
        x.tag("CHANNEL_INDEX", String.valueOf(info.input()));
        x.tag("INTERLEAVE_INDEX", "1");
        x.tag("NAME", info.trackName());
        x.close("TRACK");
        x.close("TRACK_LIST");
        x.open("BEXT");
        x.tag("BWF_DESCRIPTION", description);
        x.tag("BWF_ORIGINATOR", info.originator());
        x.tag("BWF_ORIGINATOR_REFERENCE", info.originatorRef());
        x.tag("BWF_ORIGINATION_DATE", info.firstSampleTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd")));
        x.tag("BWF_ORIGINATION_TIME", info.firstSampleTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        x.tag("BWF_TIME_REFERENCE_LOW", String.valueOf(reference & 0xFFFFFFFFL));
        x.tag("BWF_TIME_REFERENCE_HIGH", String.valueOf(reference >>> 32));
        x.tag("BWF_VERSION", "1");
        x.tag("BWF_CODING_HISTORY", codingHistory);
        x.close("BEXT");
        x.out.append("</BWFXML>\n");
        return x.out.toString();
    }

    private void open(String name) {
        out.append('<').append(name).append(">\n");
    }

    private void close(String name) {
        out.append("</").append(name).append(">\n");
    }

    private void tag(String name, String text) {
        out.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        out.append("</").append(name).append(">\n");
    }
}

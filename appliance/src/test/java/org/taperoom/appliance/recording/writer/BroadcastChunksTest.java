package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimSignal;

/** The bext and iXML chunks parse, by a reader written from EBU Tech 3285 and iXML 1.61, and say the right things. */
class BroadcastChunksTest {

    @Test
    void bextAndIxmlNameTheTakeTheTrackTheOriginatorAndTheTimeOfTheFirstSample(@TempDir Path dir) throws Exception {
        int rate = 48000;
        TakeRef ref;
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 3, rate, "24"), Recordings.unpaced(SimSignal.SINE))) {
            java.util.concurrent.CompletableFuture<TakeRef> done = new java.util.concurrent.CompletableFuture<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    done.complete(take);
                }
            });
            engine.start();
            engine.startTake(new TakeRequest("Dawn chorus", List.of(1, 3), List.of("Left & <mic>", "Right"), "test"), rate / 10);
            ref = done.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        TakeInfo info = TakeJson.read(ref.folder());
        assertEquals(2, info.tracks.size());
        assertEquals(3, info.tracks.get(1).input());
        java.nio.file.Path dayFolder = ref.folder().getParent();
        String day = dayFolder.getFileName().toString();
        java.util.Set<String> familyUids = new java.util.HashSet<>();
        java.util.Set<String> fileUids = new java.util.HashSet<>();
        for (int t = 0; t < 2; t++) {
            TakeInfo.Track track = info.tracks.get(t);
            Path file = ref.folder().resolve(track.file());
            RiffReader r = new RiffReader(file);
            assertEquals(List.of("JUNK", "fmt ", "bext", "iXML", "data"), r.ids(), "chunk order");
            RiffReader.Bext bext = r.bext();
            // The lines Sound Devices and Zoom F recorders put in the description, the track's input in sTRKn.
            assertEquals("sSCENE=Dawn chorus\r\nsTAKE=01\r\nsTAPE=" + day + "\r\nsSPEED=025.000-ND\r\nsTRK" + track.input() + "="
                    + track.name().replaceAll("[^\\x20-\\x7e]", "?") + "\r\n", bext.description());
            assertEquals("Taperoom", bext.originator());
            assertEquals(ref.id().substring(0, Math.min(32, ref.id().length())), bext.originatorReference());
            OffsetDateTime started = OffsetDateTime.parse(info.started).atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
            assertEquals(started.toLocalDate().toString(), bext.originationDate());
            assertEquals(started.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")), bext.originationTime());
            long expectedRef = started.toLocalTime().toNanoOfDay() * rate / 1_000_000_000L;
            assertTrue(Math.abs(bext.timeReference() - expectedRef) <= 1, "time reference " + bext.timeReference() + " vs " + expectedRef);
            assertEquals(1, bext.version());
            assertTrue(bext.codingHistory().startsWith("A=PCM,F=48000,W=24,M=mono"), bext.codingHistory());

            // iXML through the JDK's own XML parser, from the chunk's bytes.
            org.w3c.dom.Document x = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(r.ixml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("BWFXML", x.getDocumentElement().getTagName());
            assertEquals(day, text(x, "PROJECT"));
            assertEquals("Dawn chorus", text(x, "SCENE"));
            assertEquals("1", text(x, "TAKE"), "the day's first take");
            assertEquals(day, text(x, "TAPE"));
            assertEquals("FALSE", text(x, "CIRCLED"));
            assertEquals(8, text(x, "UBITS").length());
            assertEquals("25/1", text(x, "MASTER_SPEED"));
            assertEquals("25/1", text(x, "CURRENT_SPEED"));
            assertEquals("25/1", text(x, "TIMECODE_RATE"));
            assertEquals("NDF", text(x, "TIMECODE_FLAG"));
            assertEquals("48000", text(x, "FILE_SAMPLE_RATE"));
            assertEquals("24", text(x, "AUDIO_BIT_DEPTH"));
            assertEquals("48000", text(x, "DIGITIZER_SAMPLE_RATE"));
            assertEquals("48000", text(x, "TIMESTAMP_SAMPLE_RATE"));
            assertEquals(String.valueOf(bext.timeReference() >>> 32), text(x, "TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI"));
            assertEquals(String.valueOf(bext.timeReference() & 0xFFFFFFFFL), text(x, "TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO"));
            assertEquals(track.name(), text(x, "NAME"), "the track's name, unescaped by the parser");
            assertEquals(String.valueOf(track.input()), text(x, "CHANNEL_INDEX"), "the input the file records");
            assertEquals("1", text(x, "TRACK_COUNT"));
            assertEquals("2", text(x, "TOTAL_FILES"));
            assertEquals(String.valueOf(t + 1), text(x, "FILE_SET_INDEX"));
            familyUids.add(text(x, "FAMILY_UID"));
            fileUids.add(text(x, "FILE_UID"));
            assertEquals(track.file(), text(x, "ORIGINAL_FILENAME"));
            assertEquals(bext.description(), text(x, "BWF_DESCRIPTION"), "iXML's bext mirror");
            assertEquals(bext.originator(), text(x, "BWF_ORIGINATOR"));
            assertEquals(bext.originatorReference(), text(x, "BWF_ORIGINATOR_REFERENCE"));
            assertEquals(bext.originationDate(), text(x, "BWF_ORIGINATION_DATE"));
            assertEquals(bext.originationTime(), text(x, "BWF_ORIGINATION_TIME"));
            assertEquals(String.valueOf(bext.timeReference() & 0xFFFFFFFFL), text(x, "BWF_TIME_REFERENCE_LOW"));
            assertEquals(bext.codingHistory(), text(x, "BWF_CODING_HISTORY"));

            // mediainfo 23.04 maps no iXML field to its report, but its chunk trace shows the whole document;
            // ffprobe shows the bext description.
            String trace = ExternalReaders.run("mediainfo", "--Details=1", file.toString());
            assertTrue(trace.contains("iXML (") && trace.contains("<TIMECODE_RATE>25/1</TIMECODE_RATE>") && trace.contains("</BWFXML>"),
                    "mediainfo reads the iXML chunk whole: " + trace);
            String probe = ExternalReaders.run("ffprobe", "-v", "error", "-show_entries", "format_tags=comment,time_reference", "-of", "json",
                    file.toString());
            assertTrue(probe.contains("sSCENE=Dawn chorus") && probe.contains("sTRK" + track.input() + "="), probe);
            assertTrue(probe.contains(String.valueOf(bext.timeReference())), probe);
        }
        assertEquals(1, familyUids.size(), "one FAMILY_UID ties the take's files together");
        assertEquals(32, familyUids.iterator().next().length());
        assertEquals(2, fileUids.size(), "a FILE_UID per file");
    }

    private static String text(org.w3c.dom.Document x, String tag) {
        org.w3c.dom.NodeList n = x.getElementsByTagName(tag);
        assertEquals(1, n.getLength(), "one <" + tag + ">");
        return n.item(0).getTextContent();
    }
}

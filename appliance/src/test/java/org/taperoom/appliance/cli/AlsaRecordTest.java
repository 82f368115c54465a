package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taperoom.appliance.cli.DevicesCommandTest.Run;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * {@code taperoom record} from ALSA capture devices of the virtual rig (real alsa-lib: the file
 * plugin over null, read with readi; a plug in front would convert, but alsa-lib 1.2.8's file
 * plugin delivers wrong data after the first period through plug's conversion, as arecord shows
 * too), run in-process through the command line: the track files hold the
 * source, sample for sample, and bad requests get one line that names what the device supports.
 */
class AlsaRecordTest {
    private static final int RATE_HZ = 48000;
    /** The take: a quarter second, not a whole number of 256-frame periods. */
    private static final long TAKE_FRAMES = 12_000 + 77;
    /**
     * The file plugin is unpaced: between the engine's start and the take's start the capture
     * thread reads ahead as fast as it can (measured: up to a million frames at 2 channels on a
     * cold JVM). The source is 64 MiB, or 10 s when that is longer.
     */
    private static long sourceFrames(int channels, SampleFormat format) {
        return Math.max(10L * RATE_HZ, (64L << 20) / ((long) channels * format.bytesPerSample));
    }

    @TempDir
    Path dir;

    static Stream<Arguments> channelsAndFormats() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (SampleFormat f : new SampleFormat[] {SampleFormat.S16_LE, SampleFormat.S24_3LE, SampleFormat.S32_LE}) {
            for (int channels : new int[] {2, 8, 32}) b.add(Arguments.of(channels, f));
        }
        return b.build();
    }

    private Path rig(String name, int channels, SampleFormat format, SampleFormat signal) throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve(name + ".raw"), channels, sourceFrames(channels, format), format, signal);
        return Files.writeString(dir.resolve(name + ".conf"), VirtualRig.filePcm(name, in));
    }

    private Run record(Path alsaConfig, String device, int channels, String bits, String... more) {
        String[] base = {"record", "--device", device, "--alsaConfig", alsaConfig.toString(), "--channels", Integer.toString(channels),
                "--rate", Integer.toString(RATE_HZ), "--bits", bits, "--library", dir.resolve("library").toString(),
                "--seconds", Double.toString((double) TAKE_FRAMES / RATE_HZ), "--minFreeMinutes", "0", "--ringSeconds", "1",
                "--realtimePriority", "0"};
        String[] argv = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return DevicesCommandTest.taperoom(argv);
    }

    @ParameterizedTest(name = "{0} channels of {1}")
    @MethodSource("channelsAndFormats")
    void everyTrackFileEqualsItsSourceChannelSampleForSample(int channels, SampleFormat format) throws Exception {
        // S32_LE words carry 24-bit audio, as USB interfaces send it: what a 24-bit file keeps exactly.
        SampleFormat signal = format == SampleFormat.S16_LE ? SampleFormat.S16_LE : SampleFormat.S24_3LE;
        String bits = format == SampleFormat.S16_LE ? "16" : "24";
        // The file plugin reads its file in the format it is opened in: pin it (--alsaFormat).
        Run r = record(rig("cap", channels, format, signal), "cap", channels, bits, "--alsaFormat", format.name());
        assertEquals(0, r.status(), r.err());
        Path take = Path.of(r.out().lines().reduce((a, b) -> b).orElseThrow());
        TakeInfo info = TakeJson.read(take);
        assertEquals(TakeInfo.COMPLETE, info.state);
        assertEquals(TAKE_FRAMES, info.frames);
        assertEquals(channels, info.tracks.size());
        assertTrue(info.overruns.isEmpty(), "overruns: " + info.overruns);
        System.out.printf("%d × %s: take starts at source frame %d%n", channels, format, info.startFrame);
        assertTrue(info.startFrame + TAKE_FRAMES <= sourceFrames(channels, format),
                "the take (from frame " + info.startFrame + ") must lie within the source file; make SOURCE_FRAMES longer");
        for (int c = 0; c < channels; c++) {
            RiffReader file = new RiffReader(take.resolve(info.tracks.get(c).file()));
            assertEquals(Integer.parseInt(bits), file.fmt().bitsPerSample());
            assertEquals(TAKE_FRAMES, file.frames());
            for (long i = 0; i < TAKE_FRAMES; i++) {
                int want = VirtualRig.expected(c, info.startFrame + i, signal);
                int got = file.sampleS32(i);
                if (want != got) {
                    throw new AssertionError("track " + (c + 1) + " frame " + i + " (source frame " + (info.startFrame + i) + "): expected "
                            + want + ", file has " + got);
                }
            }
        }
    }

    @Test
    void anUnknownDeviceIsAOneLineErrorListingTheDevices() throws Exception {
        Run r = record(rig("cap2", 2, SampleFormat.S16_LE, SampleFormat.S16_LE), "nosuch", 2, "16");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("taperoom record: cannot open capture device 'nosuch' ("), r.err());
        assertTrue(r.err().contains("capture devices: cap2") && r.err().contains("(see 'taperoom devices')"), r.err());
    }

    @Test
    void moreChannelsThanTheDeviceHasIsAOneLineErrorNamingItsRange() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 8, 4800, SampleFormat.S32_LE);
        Path conf = Files.writeString(dir.resolve("stereo.conf"), VirtualRig.filePcm("cap8", in)
                + "pcm.stereo { type multi slaves.a { pcm cap8 channels 2 } bindings.0 { slave a channel 0 } bindings.1 { slave a channel 1 } }\n");
        Run r = record(conf, "stereo", 8, "24");
        assertEquals(2, r.status());
        assertEquals("taperoom record: capture device 'stereo' has 2 channels, not 8", r.err().strip());
    }
}

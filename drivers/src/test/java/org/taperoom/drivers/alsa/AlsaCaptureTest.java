package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** Capture through real alsa-lib from the virtual rig's file-plugin devices. */
class AlsaCaptureTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void everyFormatArrivesBitExactAsLeftJustifiedS32(SampleFormat format) throws Exception {
        int channels = 8;
        int periodFrames = 64;
        int periods = 50;
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), channels, (long) periodFrames * periods, format);
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, VirtualRig.filePcm("cap", in));
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(channels, 48000, periodFrames, 4, format))) {
            assertEquals(format, s.config().format());
            assertEquals(periodFrames, s.config().periodFrames());
            s.start();
            int[] period = new int[periodFrames * channels];
            for (int p = 0; p < periods; p++) {
                assertEquals(ReadStatus.OK, s.readPeriod(period));
                for (int f = 0; f < periodFrames; f++) {
                    for (int c = 0; c < channels; c++) {
                        long frame = (long) p * periodFrames + f;
                        int want = VirtualRig.expected(c, frame, format);
                        int got = period[f * channels + c];
                        if (want != got) {
                            throw new AssertionError(format + " frame " + frame + " channel " + c + ": expected " + want + ", got " + got);
                        }
                    }
                }
            }
            assertEquals(0, s.overruns());
        }
    }

    @Test
    void theDeviceChoosesItsWidestFormatWhenTheCallerLeavesItOpen() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 2, 256, SampleFormat.S32_LE);
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, VirtualRig.filePcm("cap", in));
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(2, 48000, 64, 4, null))) {
            assertEquals(SampleFormat.S32_LE, s.config().format());
        }
    }

    @Test
    void aFilePluginDeviceSaysItHasNoClock() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 2, 256, SampleFormat.S32_LE);
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, VirtualRig.filePcm("cap", in));
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(2, 48000, 64, 4, null))) {
            assertEquals(false, s.paced(), "the file plugin over null is read as fast as the reader asks");
        }
    }

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void theCaptureThreadAllocatesNothingPerPeriodAfterWarmUp(SampleFormat format) throws Exception {
        int channels = 32;
        int periodFrames = 256;
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), channels, 4096, format);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, VirtualRig.filePcm("cap", in));
             AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(channels, 48000, periodFrames, 4, format))) {
            s.start();
            int[] period = new int[periodFrames * channels];
            for (int i = 0; i < 20_000; i++) s.readPeriod(period); // warm-up: let the JIT compile the loop
            long tid = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(tid);
            int periods = 5_000;
            for (int i = 0; i < periods; i++) s.readPeriod(period);
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            System.out.printf("%s: %d bytes allocated over %d periods of %d x %d%n", format, allocated, periods, periodFrames, channels);
            // The measuring call itself may allocate a few bytes; a per-period allocation would show as >= periods * 16.
            assertTrue(allocated < periods, format + ": " + allocated + " bytes allocated over " + periods + " periods");
        }
    }
}

package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.audio.DuplexProbe;
import org.taperoom.drivers.audio.DuplexReport;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * Full duplex through real alsa-lib: one PCM name that captures from a file and plays into
 * another (the file plugin over null), opened as a pair. The null plugin has no link, so alsa-lib
 * refuses {@code snd_pcm_link} and the pair runs unlinked, saying why; where the link is granted
 * (injected: no plugin grants one) the capture waits for the playback's start.
 */
class AlsaDuplexTest {
    private static final int CHANNELS = 2;
    private static final int PERIOD = 128;
    private static final StreamConfig CONFIG = new StreamConfig(CHANNELS, 48000, PERIOD, 4, SampleFormat.S32_LE);

    @TempDir
    Path dir;

    private String duplexPcm() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), CHANNELS, 48000, SampleFormat.S32_LE);
        return "pcm.duplex { type file slave.pcm { type null } file \"" + dir.resolve("out.raw") + "\" infile \"" + in
                + "\" format \"raw\" }\n";
    }

    @Test
    void aPluginWithoutALinkRunsThePairUnlinkedAndSaysWhy() throws Exception {
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, duplexPcm());
             DuplexStreams pair = alsa.openDuplex("duplex", CONFIG, CONFIG)) {
            assertFalse(pair.linked());
            assertTrue(pair.note().contains("snd_pcm_link") && pair.note().contains("refused"), pair.note());
            pair.capture().start();
            pair.playback().start();
            int[] out = new int[PERIOD * CHANNELS];
            int[] in = new int[PERIOD * CHANNELS];
            int[] want = new int[PERIOD * CHANNELS];
            for (int p = 0; p < 8; p++) {
                for (int i = 0; i < out.length; i++) out[i] = VirtualRig.expected(i % CHANNELS, 1000L + p * PERIOD + i / CHANNELS, SampleFormat.S32_LE);
                assertEquals(ReadStatus.OK, pair.playback().writePeriod(out));
                assertEquals(ReadStatus.OK, pair.capture().readPeriod(in));
                for (int i = 0; i < want.length; i++) want[i] = VirtualRig.expected(i % CHANNELS, (long) p * PERIOD + i / CHANNELS, SampleFormat.S32_LE);
                assertArrayEquals(want, in, "capture period " + p);
            }
        }
        byte[] played = Files.readAllBytes(dir.resolve("out.raw"));
        assertEquals(8L * PERIOD * CHANNELS * 4, played.length, "every period written reached the playback side");
    }

    @Test
    void theDelaysReportedAreEachStreamsOwnAndTheRoundTripIsTheirSum() throws Exception {
        Injected lib = new Injected(false);
        lib.delays = new long[] {64, 512};
        try (AlsaBackend alsa = new AlsaBackend(lib, duplexPcm())) {
            DuplexReport r = DuplexProbe.measure(alsa, "duplex", CONFIG);
            assertEquals(64, r.captureDelayFrames());
            assertEquals(512, r.playbackDelayFrames());
            assertEquals(576, r.roundTripFrames());
            assertFalse(r.linked());
        }
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, duplexPcm())) {
            DuplexReport real = DuplexProbe.measure(alsa, "duplex", CONFIG);
            System.out.println("file/null duplex as alsa-lib reports it: " + real);
            assertEquals(0, real.captureDelayFrames(), "the null plugin holds nothing back");
            assertEquals(0, real.roundTripFrames());
        }
    }

    @Test
    void aGrantedLinkMakesTheCaptureWaitForThePlaybacksStartAndIsUndoneBeforeClosing() throws Exception {
        Injected lib = new Injected(true);
        Pointer capture;
        Pointer playback;
        try (AlsaBackend alsa = new AlsaBackend(lib, duplexPcm());
             DuplexStreams pair = alsa.openDuplex("duplex", CONFIG, CONFIG)) {
            assertTrue(pair.linked(), pair.note());
            capture = ((AlsaCaptureStream) pair.capture()).pcm().handle();
            playback = ((AlsaPlaybackStream) pair.playback()).pcm().handle();
            assertEquals(List.of("link " + capture + " " + playback), lib.calls.stream().filter(c -> c.startsWith("link")).toList());
            assertEquals(lib.boundary, lib.startThreshold.get(lib.startThreshold.size() - 1), "the capture's start threshold is the boundary");
            lib.calls.clear();
        }
        List<String> order = lib.calls.stream().filter(c -> !c.startsWith("close")).toList();
        assertTrue(order.indexOf("unlink " + playback) >= 0 || order.indexOf("unlink " + capture) >= 0, order.toString());
        int firstUnlink = Math.min(idx(order, "unlink " + playback), idx(order, "unlink " + capture));
        int firstDrop = Math.min(idx(order, "drop " + playback), idx(order, "drop " + capture));
        assertTrue(firstUnlink < firstDrop, "unlinked before either stream stops (a drop would stop both): " + order);
    }

    @Test
    void aLinkedCaptureWaitsPastTheKernelsReadTimeoutForThePlaybacksStart() throws Exception {
        // Linux 6.x ends a read that waits over 1.1 buffers with -EIO; a linked capture waits that
        // long whenever the playback takes longer to fill its buffer (seen with snd-aloop in the
        // virtual appliance: every overdub ended 0.5 s in, "the audio interface disappeared").
        Injected lib = new Injected(true);
        lib.timeoutsBeforeStart.set(3);
        lib.partnerStartPending = true;
        try (AlsaBackend alsa = new AlsaBackend(lib, duplexPcm());
             DuplexStreams pair = alsa.openDuplex("duplex", CONFIG, CONFIG)) {
            pair.capture().start();
            int[] in = new int[PERIOD * CHANNELS];
            assertEquals(ReadStatus.OK, pair.capture().readPeriod(in), "three reads timed out while the pair waited, then the period came");
            assertEquals(0, lib.timeoutsBeforeStart.get());
            int[] want = new int[PERIOD * CHANNELS];
            for (int i = 0; i < want.length; i++) want[i] = VirtualRig.expected(i % CHANNELS, i / CHANNELS, SampleFormat.S32_LE);
            assertArrayEquals(want, in, "the first period, from the first frame");
        }
    }

    @Test
    void aLinkedCaptureStillWaitingWhenClosedEndsItsRead() throws Exception {
        Injected lib = new Injected(true);
        lib.timeoutsBeforeStart.set(Integer.MAX_VALUE);
        lib.partnerStartPending = true;
        try (AlsaBackend alsa = new AlsaBackend(lib, duplexPcm());
             DuplexStreams pair = alsa.openDuplex("duplex", CONFIG, CONFIG)) {
            pair.capture().start();
            java.util.concurrent.CompletableFuture<ReadStatus> read =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> pair.capture().readPeriod(new int[PERIOD * CHANNELS]));
            Thread.sleep(200);
            assertFalse(read.isDone(), "the read waits for the partner that never starts");
            pair.capture().close();
            assertEquals(ReadStatus.GONE, read.get(5, java.util.concurrent.TimeUnit.SECONDS), "closing the stream ends the wait");
        }
    }

    @Test
    void anOverrunThePlaybackAlreadyRecoveredIsCountedNotTakenForAnUnplug() throws Exception {
        // An underrun stops a linked pair; when the playback thread prepares and restarts it
        // first, the capture's read still returns -EPIPE, and preparing the running pair again
        // fails with -EBUSY (the kernel's rule, injected here as no plugin links).
        Injected lib = new Injected(true);
        try (AlsaBackend alsa = new AlsaBackend(lib, duplexPcm());
             DuplexStreams pair = alsa.openDuplex("duplex", CONFIG, CONFIG)) {
            pair.capture().start();
            int[] in = new int[PERIOD * CHANNELS];
            lib.partnerRestartedAfterXrun = true;
            assertEquals(ReadStatus.OVERRUN_RECOVERED, pair.capture().readPeriod(in), "the overrun is counted and the period read");
            assertEquals(1, pair.capture().overruns());
            assertEquals(ReadStatus.OK, pair.capture().readPeriod(in));
        }
    }

    private static int idx(List<String> l, String s) {
        int i = l.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Real alsa-lib, with a link granted (no plugin grants one) and delays injected where asked. */
    static final class Injected extends DelegatingAlsaLibrary {
        final boolean grantLink;
        final List<String> calls = new ArrayList<>();
        final List<Long> startThreshold = new ArrayList<>();
        long boundary = -1;
        /** Capture's and playback's delay, or null for alsa-lib's own. */
        long[] delays;
        /**
         * Reads of the capture that time out (-EIO after a few ms, as the kernel's after 1.1
         * buffers) while it reports itself prepared, before the partner "starts" it; 0: none.
         */
        final java.util.concurrent.atomic.AtomicInteger timeoutsBeforeStart = new java.util.concurrent.atomic.AtomicInteger();
        /**
         * The next capture read returns -EPIPE while the pair runs again (the partner recovered
         * it first); a recover of the capture then gets -EBUSY, as preparing a running pair does.
         */
        volatile boolean partnerRestartedAfterXrun;
        /** Whether the capture waits for a partner's start (emulated after the timeouts). */
        volatile boolean partnerStartPending;
        private final List<Pointer> captures = new ArrayList<>();

        Injected(boolean grantLink) {
            super(AlsaNative.INSTANCE);
            this.grantLink = grantLink;
        }

        @Override
        public int snd_pcm_open_lconf(com.sun.jna.ptr.PointerByReference pcm, String name, int stream, int mode, Pointer lconf) {
            int err = super.snd_pcm_open_lconf(pcm, name, stream, mode, lconf);
            if (err == 0 && stream == SND_PCM_STREAM_CAPTURE) captures.add(pcm.getValue());
            return err;
        }

        @Override
        public long snd_pcm_readi(Pointer pcm, Pointer buffer, long size) {
            if (captures.contains(pcm) && partnerStartPending) {
                if (timeoutsBeforeStart.get() > 0) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    timeoutsBeforeStart.decrementAndGet();
                    return -AlsaException.EIO;
                }
                // The partner's start (the link is only injected, so the capture is started here).
                partnerStartPending = false;
                super.snd_pcm_start(pcm);
            }
            if (captures.contains(pcm) && partnerRestartedAfterXrun) {
                partnerRestartedAfterXrun = false;
                recoverRefused = true;
                return -AlsaException.EPIPE;
            }
            return super.snd_pcm_readi(pcm, buffer, size);
        }

        private volatile boolean recoverRefused;

        @Override
        public int snd_pcm_recover(Pointer pcm, int err, int silent) {
            if (captures.contains(pcm) && recoverRefused) {
                recoverRefused = false;
                return -AlsaException.EBUSY;
            }
            return super.snd_pcm_recover(pcm, err, silent);
        }

        @Override
        public int snd_pcm_state(Pointer pcm) {
            if (captures.contains(pcm) && partnerStartPending) return SND_PCM_STATE_PREPARED;
            return super.snd_pcm_state(pcm);
        }

        @Override
        public int snd_pcm_link(Pointer pcm1, Pointer pcm2) {
            calls.add("link " + pcm1 + " " + pcm2);
            return grantLink ? 0 : super.snd_pcm_link(pcm1, pcm2);
        }

        @Override
        public int snd_pcm_unlink(Pointer pcm) {
            calls.add("unlink " + pcm);
            return grantLink ? 0 : super.snd_pcm_unlink(pcm);
        }

        @Override
        public int snd_pcm_drop(Pointer pcm) {
            calls.add("drop " + pcm);
            return super.snd_pcm_drop(pcm);
        }

        @Override
        public int snd_pcm_sw_params_get_boundary(Pointer params, NativeLongByReference val) {
            int err = super.snd_pcm_sw_params_get_boundary(params, val);
            boundary = val.getValue().longValue();
            return err;
        }

        @Override
        public int snd_pcm_sw_params_set_start_threshold(Pointer pcm, Pointer params, NativeLong val) {
            startThreshold.add(val.longValue());
            return super.snd_pcm_sw_params_set_start_threshold(pcm, params, val);
        }

        @Override
        public int snd_pcm_delay(Pointer pcm, NativeLongByReference delayp) {
            if (delays == null) return super.snd_pcm_delay(pcm, delayp);
            delayp.setValue(new NativeLong(captures.contains(pcm) ? delays[0] : delays[1]));
            return 0;
        }
    }
}

package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaException;
import org.taperoom.drivers.alsa.AlsaNative;
import org.taperoom.drivers.alsa.DelegatingAlsaLibrary;
import org.taperoom.drivers.alsa.VirtualRig;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * The engine on the ALSA driver when the device misbehaves in ways no alsa-lib plugin can: the
 * binding returns the error at the chosen call ("injected"); everything else is real alsa-lib.
 */
class AlsaEngineFaultsTest {
    private static final int CHANNELS = 8;
    private static final int RATE_HZ = 48000;

    @TempDir
    Path dir;

    /** readi answers -ENODEV from the {@code unplugAtRead}-th call on, as an unplugged USB interface does. */
    static final class UnpluggedAt extends DelegatingAlsaLibrary {
        /** Written by the test thread, read by the capture thread. */
        volatile long unplugAtRead;
        /** Read on the capture thread, so each read sees the latest state. */
        volatile long reads;
        /** Set by the test: the interface is plugged back in. */
        volatile boolean replugged;

        UnpluggedAt(long unplugAtRead) {
            super(AlsaNative.INSTANCE);
            this.unplugAtRead = unplugAtRead;
        }

        /**
         * Unplugs {@code reads} device reads from now. The device is unpaced, so an unplug counted
         * from the engine's start could come before a slow startTake; counted from the take it cannot.
         */
        void unplugAfterMoreReads(long moreReads) {
            unplugAtRead = reads + moreReads;
        }

        @Override
        public long snd_pcm_readi(Pointer pcm, Pointer buffer, long size) {
            return ++reads >= unplugAtRead && !replugged ? -AlsaException.ENODEV : target.snd_pcm_readi(pcm, buffer, size);
        }

        @Override
        public int snd_pcm_open_lconf(com.sun.jna.ptr.PointerByReference pcm, String name, int stream, int mode, Pointer lconf) {
            // Once unplugged it stays away: reopening fails as for a missing card.
            return reads >= unplugAtRead && !replugged ? -AlsaException.ENODEV : target.snd_pcm_open_lconf(pcm, name, stream, mode, lconf);
        }
    }

    private AlsaBackend rig(DelegatingAlsaLibrary lib) throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), CHANNELS, 40L * RATE_HZ, SampleFormat.S24_3LE);
        return new AlsaBackend(lib, VirtualRig.filePcm("cap", in), 0, SampleFormat.S24_3LE);
    }

    private Config config() {
        return Recordings.config(dir.resolve("library"), CHANNELS, RATE_HZ, "24").with(org.taperoom.appliance.config.RecordingKeys.DEVICE, "cap");
    }

    @Test
    void aDeviceUnpluggedMidTakeEndsItWithValidFilesThatSoxReads_injected() throws Exception {
        UnpluggedAt lib = new UnpluggedAt(Long.MAX_VALUE);
        CompletableFuture<Recordings.Ended> ended = new CompletableFuture<>();
        CompletableFuture<Boolean> presence = new CompletableFuture<>();
        try (RecordingEngine engine = RecordingSetup.engine(config(), rig(lib))) {
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    try {
                        ended.complete(new Recordings.Ended(take, reason, detail, TakeJson.read(take.folder())));
                    } catch (Exception e) {
                        ended.completeExceptionally(e);
                    }
                }

                @Override
                public void deviceChanged(boolean present) {
                    presence.complete(present);
                }
            });
            engine.start();
            engine.startTake(TakeRequest.everything("test"));
            lib.unplugAfterMoreReads(1_000); // 1000 periods of 256 frames: 5 s of audio into the take
            Recordings.Ended e = ended.get(120, TimeUnit.SECONDS);
            assertEquals(EndReason.DEVICE_GONE, e.reason(), e.detail());
            assertEquals(false, presence.get(10, TimeUnit.SECONDS), "listeners hear the device is gone");
            assertTrue(engine.status().running(), "the service keeps running, waiting for the device");
            assertEquals(false, engine.status().devicePresent());

            TakeInfo info = e.info();
            assertEquals(TakeInfo.COMPLETE, info.state);
            assertTrue(info.frames > 0 && info.startFrame + info.frames <= (lib.unplugAtRead - 1) * 256, "frames " + info.frames + " from " + info.startFrame);
            for (int c = 0; c < CHANNELS; c++) {
                Path track = e.ref().folder().resolve(info.tracks.get(c).file());
                ExternalReaders.SoxView sox = ExternalReaders.soxi(track);
                assertEquals(info.frames, sox.samples(), "sox reads every frame of track " + (c + 1));
                assertEquals(24, sox.bits());
                RiffReader file = new RiffReader(track);
                for (long i = 0; i < info.frames; i += 997) {
                    assertEquals(VirtualRig.expected(c, info.startFrame + i, SampleFormat.S24_3LE), file.sampleS32(i),
                            "track " + (c + 1) + " frame " + i);
                }
            }
        }
    }

    @Test
    void anInterfacePluggedBackInIsPickedUpAndRecordsAgain_injected() throws Exception {
        UnpluggedAt lib = new UnpluggedAt(500);
        java.util.concurrent.LinkedBlockingQueue<Boolean> presence = new java.util.concurrent.LinkedBlockingQueue<>();
        try (RecordingEngine engine = RecordingSetup.engine(config(), rig(lib))) {
            engine.addListener(new RecorderListener() {
                @Override
                public void deviceChanged(boolean present) {
                    presence.add(present);
                }
            });
            engine.start();
            assertEquals(Boolean.FALSE, presence.poll(60, TimeUnit.SECONDS), "the unplug is noticed");
            lib.replugged = true;
            assertEquals(Boolean.TRUE, presence.poll(60, TimeUnit.SECONDS), "the interface is picked up again");
            assertTrue(engine.status().devicePresent());
            long before = engine.status().capturePeriods();
            Thread.sleep(300);
            assertTrue(engine.status().capturePeriods() > before, "capture runs again");
            TakeRef take = engine.startTake(TakeRequest.everything("test"), 4800);
            assertTrue(java.nio.file.Files.isDirectory(take.folder()));
        }
    }

    @Test
    void aRateTheInterfaceDoesNotRunAtIsRefusedListingItsRates_injected() throws Exception {
        DelegatingAlsaLibrary only441And48 = new DelegatingAlsaLibrary(AlsaNative.INSTANCE) {
            @Override
            public int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int val, int dir) {
                return val == 44100 || val == 48000 ? target.snd_pcm_hw_params_test_rate(pcm, params, val, dir) : -AlsaException.EINVAL;
            }

            @Override
            public int snd_pcm_hw_params_set_rate(Pointer pcm, Pointer params, int val, int dir) {
                return val == 44100 || val == 48000 ? target.snd_pcm_hw_params_set_rate(pcm, params, val, dir) : -AlsaException.EINVAL;
            }
        };
        Config at96k = config().with(org.taperoom.appliance.config.RecordingKeys.RATE_HZ, 96000);
        try (RecordingEngine engine = RecordingSetup.engine(at96k, rig(only441And48))) {
            EngineException e = assertThrows(EngineException.class, engine::start);
            assertEquals("capture device 'cap' does not run at 96000 Hz; it runs at 44100, 48000 Hz", e.getMessage());
        }
    }
}

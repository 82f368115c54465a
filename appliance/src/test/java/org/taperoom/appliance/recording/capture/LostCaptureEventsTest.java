package org.taperoom.appliance.recording.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.wav.BextInfo;
import org.taperoom.appliance.recording.writer.TakeWriter;
import org.taperoom.appliance.wav.WordFormat;
import org.taperoom.appliance.recording.writer.WriterThread;
import org.taperoom.appliance.wav.FileOps;

/** Overrun and clip events the capture thread could not queue are counted in the take they belong to. */
class LostCaptureEventsTest {

    @Test
    void eventsLostWhileTheWriterWasBehindAreCountedInTakeJson(@TempDir Path dir) throws Exception {
        FrameRing ring = new FrameRing(1, 4096);
        CaptureEvents events = new CaptureEvents();
        CountDownLatch started = new CountDownLatch(1);
        WriterThread writer = new WriterThread(ring, events, new WriterThread.Events() {
            @Override
            public void takeStarted(TakeRef take) {
                started.countDown();
            }

            @Override
            public void takeEnded(TakeRef take, EndReason reason, String detail) {}
        }, 48000, 0, 200, 3, () -> false);
        Path folder = Files.createDirectories(dir.resolve("2026-12-07/100000-take"));
        TakeRef ref = new TakeRef("2026-12-07_100000-take", folder);
        TakeInfo info = new TakeInfo();
        info.rateHz = 48000;
        info.bits = "24";
        info.tracks.add(new TakeInfo.Track("01-in-1.wav", 1, "In 1"));
        TakeWriter take = TakeWriter.create(ref, info, new int[] {0},
                List.of(new BextInfo("take", "Taperoom", "take", LocalDateTime.now(), 0, "In 1", "take", 48000)),
                WordFormat.PCM24, 0, Long.MAX_VALUE, 0xFFFFFFFFL, true, FileOps.DIRECT);
        writer.start();
        try {
            writer.startTake(take);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            // Three times what the event queue holds, faster than the writer's next loop.
            for (int i = 0; i < 3072; i++) events.publish(CaptureEvents.CLIP, 0, 0);
            long lost = events.dropped();
            writer.stopTake(0).get(30, TimeUnit.SECONDS);
            TakeInfo written = TakeJson.read(folder);
            assertTrue(lost > 0, "the queue overflowed");
            assertEquals(lost, written.lostCaptureEvents, "lost events in take.json");
        } finally {
            writer.close(5000);
        }
    }
}

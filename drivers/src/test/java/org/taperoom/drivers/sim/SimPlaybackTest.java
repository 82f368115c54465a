package org.taperoom.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** The simulated outputs, paced: a period written after its time to be played is an underrun, recovered. */
class SimPlaybackTest {

    @Test
    void aPeriodWrittenLateIsAnUnderrunAndTheNextOnTimeIsNot() throws Exception {
        PlaybackStream out = new SimBackend().openPlayback("sim", new StreamConfig(2, 48000, 256, 32, SampleFormat.FLOAT_LE));
        float[] period = new float[512];
        out.start();
        for (int i = 0; i < 4; i++) assertEquals(ReadStatus.OK, out.writePeriod(period), "period " + i + " on time");
        // A buffer of 32 periods (171 ms) keeps a busy machine's scheduling from making the on-time writes late.
        Thread.sleep(400);
        assertEquals(ReadStatus.OVERRUN_RECOVERED, out.writePeriod(period), "the late period");
        for (int i = 0; i < 4; i++) assertEquals(ReadStatus.OK, out.writePeriod(period), "after recovery, period " + i + " on time");
        assertEquals(1, out.underruns());
    }
}

package org.taperoom.appliance.playback;

import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;

/**
 * A fault-injecting seam in front of a real playback stream: every {@code everyPeriods}-th period
 * from {@code firstPeriod} on, the write reports an underrun the stream recovered from (as ALSA's
 * writer does after {@code snd_pcm_recover}: the period was written, a gap was heard before it).
 * Allocates nothing.
 */
final class UnderrunningOutput extends DelegatingOutput {
    private final long firstPeriod;
    private final long everyPeriods;
    private long periods;
    private long underruns;

    UnderrunningOutput(PlaybackStream real, long firstPeriod, long everyPeriods) {
        super(real);
        this.firstPeriod = firstPeriod;
        this.everyPeriods = everyPeriods;
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        return fault(real.writePeriod(src));
    }

    @Override
    public ReadStatus writePeriod(float[] src) {
        return fault(real.writePeriod(src));
    }

    private ReadStatus fault(ReadStatus s) {
        long p = periods++;
        if (s == ReadStatus.OK && p >= firstPeriod && (p - firstPeriod) % everyPeriods == 0) {
            underruns++;
            return ReadStatus.OVERRUN_RECOVERED;
        }
        return s;
    }

    @Override
    public long underruns() {
        return underruns;
    }
}

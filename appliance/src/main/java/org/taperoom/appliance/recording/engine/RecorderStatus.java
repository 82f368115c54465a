package org.taperoom.appliance.recording.engine;

import org.taperoom.appliance.recording.take.TakeRef;

/**
 * An immutable snapshot of the engine.
 *
 * @param running           the capture thread runs (device open)
 * @param devicePresent     false after the device vanished, until it is back
 * @param device            the device name
 * @param channels          input channels
 * @param rateHz            sample rate
 * @param bits              "16", "24" or "32f"
 * @param take              the take being recorded, or null
 * @param takeFrames        frames in the current take so far (pre-roll included), 0 when idle
 * @param overruns          overruns since the engine started
 * @param freeDiskSeconds   seconds of recording the library's free space holds at the current settings
 * @param lastError         the last error sentence, or empty
 * @param capturePeriods    periods the capture thread has processed since start; a watchdog sees
 *                          a stuck capture thread as this not moving while {@code running}
 * @param writerLoops       loops the writer thread has done since start (it loops at least every
 *                          few milliseconds even when idle); not moving means a stuck writer
 */
public record RecorderStatus(boolean running, boolean devicePresent, String device, int channels, int rateHz, String bits,
                             TakeRef take, long takeFrames, long overruns, long freeDiskSeconds, String lastError,
                             long capturePeriods, long writerLoops) {

    /** The status without the liveness counters (both 0), for code written before they existed. */
    public RecorderStatus(boolean running, boolean devicePresent, String device, int channels, int rateHz, String bits,
                          TakeRef take, long takeFrames, long overruns, long freeDiskSeconds, String lastError) {
        this(running, devicePresent, device, channels, rateHz, bits, take, takeFrames, overruns, freeDiskSeconds, lastError, 0, 0);
    }

    public boolean recording() {
        return take != null;
    }
}

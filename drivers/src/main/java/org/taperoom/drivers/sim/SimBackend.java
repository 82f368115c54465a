package org.taperoom.drivers.sim;

import java.util.List;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * The simulated audio interface, device name {@code sim} (options may follow, see
 * {@link SimOptions#parse}): 1 to 64 channels at 44.1, 48 or 96 kHz, in every {@link SampleFormat}.
 * One backend instance stands for one interface: its {@link #gains()} act on every stream it
 * opens, and {@link #lastCapture()} lets a test reach the stream an engine opened.
 */
public final class SimBackend implements AudioBackend {
    public static final String DEVICE_NAME = "sim";
    public static final List<Integer> RATES_HZ = List.of(44100, 48000, 96000);
    public static final int MAX_CHANNELS = 64;

    private final SimOptions options;
    private final SimGains gains = new SimGains();
    private volatile SimCaptureStream lastCapture;
    /** Shown every period of the playback streams opened after it is set; set by a test. */
    private volatile SimOutputs outputs;
    /** The interface's loopback, made by the first stream opened with {@code loopback=FRAMES}; see {@link SimLoopback}. */
    private SimLoopback loopback;

    public SimBackend() {
        this(SimOptions.defaults());
    }

    /** A simulator whose streams behave as {@code options} says (options in a device name override them). */
    public SimBackend(SimOptions options) {
        this.options = options;
    }

    /** Whether {@code deviceName} names the simulator ({@code sim} or {@code sim:options}). */
    public static boolean handles(String deviceName) {
        return deviceName.equals(DEVICE_NAME) || deviceName.startsWith(DEVICE_NAME + ":");
    }

    /**
     * The round trip the simulator's loopback gives a device name ({@code loopback=FRAMES}): output
     * frame t comes back at input frame t + FRAMES, both counted from their stream's start; null
     * when the name has no loopback.
     */
    public static Long loopbackFrames(String deviceName) {
        return SimLoopbackOption.frames(deviceName);
    }

    public SimOptions options() {
        return options;
    }

    /** The input gains of this simulated interface. */
    public SimGains gains() {
        return gains;
    }

    /** The capture stream opened last, or null. */
    public SimCaptureStream lastCapture() {
        return lastCapture;
    }

    /** The underrun the next playback stream opened gets: {device frame, frames}, or {-1, 0}; see {@link #injectUnderrun}. */
    private volatile long[] nextUnderrun = {-1, 0};

    /**
     * For tests: the next playback stream opened runs dry once, just before the period it would
     * play at device frame {@code atFrame}, for {@code lostFrames} frames (played as silence, its
     * clock then running that much later), as a late write does on a real device.
     */
    public void injectUnderrun(long atFrame, long lostFrames) {
        nextUnderrun = new long[] {atFrame, lostFrames};
    }

    /** Any thread: who sees what the outputs of streams opened from now on are given (null: nobody). */
    public void setOutputs(SimOutputs o) {
        outputs = o;
    }

    @Override
    public List<DeviceInfo> devices() {
        DeviceInfo.Capabilities caps = new DeviceInfo.Capabilities(1, MAX_CHANNELS, RATES_HZ, List.of(SampleFormat.values()));
        return List.of(new DeviceInfo(DEVICE_NAME, "Taperoom simulated interface (deterministic test signals)", caps, caps));
    }

    @Override
    public CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
        SimLoopback lo = loopbackFor(deviceName);
        SimOptions o = optionsFor(SimLoopbackOption.without(deviceName));
        StreamConfig negotiated = check(request);
        SimCaptureStream s = new SimCaptureStream(negotiated, o, gains, lo);
        lastCapture = s;
        return s;
    }

    @Override
    public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
        SimLoopback lo = loopbackFor(deviceName);
        SimOptions o = optionsFor(SimLoopbackOption.without(deviceName));
        StreamConfig negotiated = check(request);
        long[] underrun = nextUnderrun;
        nextUnderrun = new long[] {-1, 0};
        SimPlaybackStream s = new SimPlaybackStream(negotiated, o.paced(), SimOutputs.both(outputs, lo), lo == null ? 0 : lo.delayFrames(),
                underrun[0], underrun[1]);
        if (lo != null) {
            lo.outputOpened(negotiated.channels());
            s.onClose(lo::outputClosed);
        }
        return s;
    }

    /**
     * Capture and playback of the simulated interface as a linked pair: both count frames from one
     * start, the playback's ({@link SimLink}: the capture's first read waits for it, as a linked
     * ALSA capture waits for the pair's start), so capture frame t and output frame t are one
     * instant, and the loopback maps output frame t to input frame t + FRAMES exactly.
     */
    @Override
    public DuplexStreams openDuplex(String deviceName, StreamConfig captureRequest, StreamConfig playbackRequest)
            throws AudioDeviceException {
        CaptureStream capture = openCapture(deviceName, captureRequest);
        try {
            PlaybackStream playback = openPlayback(deviceName, playbackRequest);
            SimLink link = new SimLink();
            ((SimCaptureStream) capture).link(link);
            ((SimPlaybackStream) playback).link(link);
            return new DuplexStreams(capture, playback, true, "the simulator's streams count from one start (its loopback is exact)");
        } catch (AudioDeviceException | RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    /** The loopback a device name asks for (every stream of the interface shares it), or null. */
    private synchronized SimLoopback loopbackFor(String deviceName) throws AudioDeviceException {
        Long frames;
        try {
            frames = SimLoopbackOption.frames(deviceName);
        } catch (IllegalArgumentException e) {
            throw new AudioDeviceException("device " + deviceName + ": " + e.getMessage());
        }
        if (frames == null) return loopback;
        if (loopback == null || loopback.delayFrames() != frames) loopback = new SimLoopback(frames);
        return loopback;
    }

    private SimOptions optionsFor(String deviceName) throws AudioDeviceException {
        if (!handles(deviceName)) throw new AudioDeviceException("no simulated device '" + deviceName + "'; the simulator is 'sim'");
        try {
            return SimOptions.parse(deviceName, options);
        } catch (IllegalArgumentException e) {
            throw new AudioDeviceException("device " + deviceName + ": " + e.getMessage());
        }
    }

    private static StreamConfig check(StreamConfig r) throws AudioDeviceException {
        if (!RATES_HZ.contains(r.rateHz())) {
            throw new AudioDeviceException("the simulated interface does not run at " + r.rateHz() + " Hz; it offers 44100, 48000 or 96000 Hz");
        }
        SampleFormat f = r.format() == null ? SampleFormat.S24_3LE : r.format();
        return new StreamConfig(r.channels(), r.rateHz(), r.periodFrames(), r.bufferPeriods(), f);
    }
}

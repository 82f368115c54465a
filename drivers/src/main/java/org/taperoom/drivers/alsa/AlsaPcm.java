package org.taperoom.drivers.alsa;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.NativeLong;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DeviceInfo.Capabilities;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * One open {@code snd_pcm_t}: querying what it supports, and negotiating a configuration. The
 * handle is owned by whoever opened it (a stream, or {@link AlsaBackend} while it enumerates) and
 * freed by {@link #close()}; not thread-safe.
 */
final class AlsaPcm implements AutoCloseable {
    /** The rates Taperoom asks a device about when it lists what the device supports. */
    static final List<Integer> STANDARD_RATES_HZ = List.of(8000, 11025, 16000, 22050, 32000, 44100, 48000,
            64000, 88200, 96000, 176400, 192000, 352800, 384000);

    final AlsaLibrary lib;
    final String name;
    final PcmDirection direction;
    /** The {@code snd_pcm_t *}; null once closed. */
    private Pointer handle;
    /** Whether this PCM was linked to another by {@link #link}; unlinked before it stops on close. */
    private boolean linked;

    private AlsaPcm(AlsaLibrary lib, String name, PcmDirection direction, Pointer handle) {
        this.lib = lib;
        this.name = name;
        this.direction = direction;
        this.handle = handle;
    }

    /**
     * Opens {@code name} in blocking mode. {@code lconf} is a configuration tree that defines extra
     * PCMs (see {@link AlsaConfigTree}), or null for the system's configuration.
     */
    static AlsaPcm open(AlsaLibrary lib, Pointer lconf, String name, PcmDirection direction, int mode) throws AlsaException {
        PointerByReference ref = new PointerByReference();
        int err = lconf == null ? lib.snd_pcm_open(ref, name, direction.alsaValue, mode)
                : lib.snd_pcm_open_lconf(ref, name, direction.alsaValue, mode, lconf);
        AlsaException.check(lib, err, "opening " + direction.word + " device '" + name + "'", "snd_pcm_open");
        return new AlsaPcm(lib, name, direction, ref.getValue());
    }

    Pointer handle() {
        return handle;
    }

    /** Channel range, the standard rates it accepts and the formats Taperoom knows that it offers. */
    Capabilities capabilities() throws AlsaException {
        try (HwParams p = new HwParams()) {
            IntByReference min = new IntByReference();
            IntByReference max = new IntByReference();
            AlsaException.check(lib, lib.snd_pcm_hw_params_get_channels_min(p.ptr, min), doing(), "snd_pcm_hw_params_get_channels_min");
            AlsaException.check(lib, lib.snd_pcm_hw_params_get_channels_max(p.ptr, max), doing(), "snd_pcm_hw_params_get_channels_max");
            List<Integer> rates = new ArrayList<>();
            for (int r : STANDARD_RATES_HZ) {
                if (lib.snd_pcm_hw_params_test_rate(handle, p.ptr, r, 0) == 0) rates.add(r);
            }
            List<SampleFormat> formats = new ArrayList<>();
            for (SampleFormat f : SampleFormat.values()) {
                if (lib.snd_pcm_hw_params_test_format(handle, p.ptr, PcmFormat.of(f).alsaValue) == 0) formats.add(f);
            }
            // Plugins report "up to a billion channels"; nobody needs more than the engine takes.
            return new Capabilities(Math.max(1, min.getValue()), (int) Math.min(Integer.toUnsignedLong(max.getValue()), 64),
                    rates, formats);
        }
    }

    /**
     * Sets interleaved read/write access, the format, channels, exact rate (no resampling) and the
     * nearest period and buffer size the device allows; returns what was agreed. A request the
     * device cannot meet fails with a message that names what it does support.
     */
    StreamConfig configure(StreamConfig request) throws AudioDeviceException {
        Capabilities caps = capabilities();
        SampleFormat format = request.format();
        if (format == null) {
            for (PcmFormat f : PcmFormat.values()) {
                if (caps.formats().contains(f.sampleFormat)) {
                    format = f.sampleFormat;
                    break;
                }
            }
            if (format == null) {
                throw new AudioDeviceException(direction.word + " device '" + name + "' offers none of the sample formats Taperoom reads ("
                        + List.of(SampleFormat.values()) + ")");
            }
        } else if (!caps.formats().contains(format)) {
            throw new AudioDeviceException(direction.word + " device '" + name + "' does not offer " + format + "; it offers " + join(caps.formats()));
        }
        if (request.channels() < caps.minChannels() || request.channels() > caps.maxChannels()) {
            throw new AudioDeviceException(direction.word + " device '" + name + "' has " + range(caps) + ", not " + request.channels());
        }
        try (HwParams p = new HwParams()) {
            String doing = doing();
            AlsaException.check(lib, lib.snd_pcm_hw_params_set_access(handle, p.ptr, AlsaLibrary.SND_PCM_ACCESS_RW_INTERLEAVED), doing,
                    "snd_pcm_hw_params_set_access");
            AlsaException.check(lib, lib.snd_pcm_hw_params_set_format(handle, p.ptr, PcmFormat.of(format).alsaValue), doing,
                    "snd_pcm_hw_params_set_format");
            AlsaException.check(lib, lib.snd_pcm_hw_params_set_channels(handle, p.ptr, request.channels()), doing,
                    "snd_pcm_hw_params_set_channels");
            // A resampling plugin would hide that the device runs at another rate; refuse instead.
            lib.snd_pcm_hw_params_set_rate_resample(handle, p.ptr, 0);
            if (lib.snd_pcm_hw_params_set_rate(handle, p.ptr, request.rateHz(), 0) < 0) {
                throw new AudioDeviceException(direction.word + " device '" + name + "' does not run at " + request.rateHz()
                        + " Hz; it runs at " + (caps.ratesHz().isEmpty() ? "no standard rate"
                        : caps.ratesHz().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " Hz"));
            }
            NativeLongByReference period = new NativeLongByReference(new NativeLong(request.periodFrames()));
            AlsaException.check(lib, lib.snd_pcm_hw_params_set_period_size_near(handle, p.ptr, period, new IntByReference()), doing,
                    "snd_pcm_hw_params_set_period_size_near");
            NativeLongByReference buffer = new NativeLongByReference(new NativeLong((long) period.getValue().longValue() * request.bufferPeriods()));
            AlsaException.check(lib, lib.snd_pcm_hw_params_set_buffer_size_near(handle, p.ptr, buffer), doing,
                    "snd_pcm_hw_params_set_buffer_size_near");
            AlsaException.check(lib, lib.snd_pcm_hw_params(handle, p.ptr), doing, "snd_pcm_hw_params");
            AlsaException.check(lib, lib.snd_pcm_hw_params_get_period_size(p.ptr, period, new IntByReference()), doing,
                    "snd_pcm_hw_params_get_period_size");
            AlsaException.check(lib, lib.snd_pcm_hw_params_get_buffer_size(p.ptr, buffer), doing, "snd_pcm_hw_params_get_buffer_size");
            int periodFrames = (int) period.getValue().longValue();
            int bufferPeriods = (int) Math.max(2, buffer.getValue().longValue() / periodFrames);
            configureSoftware(periodFrames, buffer.getValue().longValue());
            return new StreamConfig(request.channels(), request.rateHz(), periodFrames, bufferPeriods, format);
        }
    }

    /** Wake the reader/writer per period; playback starts once the buffer is full, capture at the first read. */
    private void configureSoftware(int periodFrames, long bufferFrames) throws AlsaException {
        long startThreshold = direction == PcmDirection.PLAYBACK ? bufferFrames : 1;
        editSoftware(sw -> {
            AlsaException.check(lib, lib.snd_pcm_sw_params_set_start_threshold(handle, sw, new NativeLong(startThreshold)), doing(),
                    "snd_pcm_sw_params_set_start_threshold");
            AlsaException.check(lib, lib.snd_pcm_sw_params_set_avail_min(handle, sw, new NativeLong(periodFrames)), doing(),
                    "snd_pcm_sw_params_set_avail_min");
        });
    }

    /** A change to the current software parameters, made on {@code sw} before they are installed. */
    private interface SoftwareEdit {
        void apply(Pointer sw) throws AlsaException;
    }

    /** Reads the current software parameters, lets {@code edit} change them, installs them; the copy is freed here. */
    private void editSoftware(SoftwareEdit edit) throws AlsaException {
        PointerByReference ref = new PointerByReference();
        String doing = doing();
        AlsaException.check(lib, lib.snd_pcm_sw_params_malloc(ref), doing, "snd_pcm_sw_params_malloc");
        Pointer sw = ref.getValue();
        try {
            AlsaException.check(lib, lib.snd_pcm_sw_params_current(handle, sw), doing, "snd_pcm_sw_params_current");
            edit.apply(sw);
            AlsaException.check(lib, lib.snd_pcm_sw_params(handle, sw), doing, "snd_pcm_sw_params");
        } finally {
            lib.snd_pcm_sw_params_free(sw);
        }
    }

    /**
     * Whether the device has a clock. alsa-lib's null plugin has none: a chain that ends in it (the
     * file plugin of the virtual rig) delivers periods as fast as they are read. Anything with a
     * hardware PCM in its chain is paced by the card. Read from {@code snd_pcm_dump}'s text, the
     * only place alsa-lib shows a plugin's slaves.
     */
    boolean paced() {
        PointerByReference out = new PointerByReference();
        if (lib.snd_output_buffer_open(out) < 0) return true;
        try {
            if (lib.snd_pcm_dump(handle, out.getValue()) < 0) return true;
            PointerByReference text = new PointerByReference();
            long length = lib.snd_output_buffer_string(out.getValue(), text).longValue();
            if (length <= 0 || text.getValue() == null) return true;
            String dump = new String(text.getValue().getByteArray(0, (int) Math.min(length, 1 << 20)), java.nio.charset.StandardCharsets.UTF_8);
            return dump.contains("Hardware PCM") || !dump.contains("Null PCM");
        } finally {
            lib.snd_output_close(out.getValue());
        }
    }

    /**
     * Links {@code other} to this PCM ({@code snd_pcm_link}): one start, one stop, one clock.
     * Returns 0 or alsa-lib's negative error (plugins without a link, such as {@code null}, refuse
     * with {@code -ENOSYS}; two cards with {@code -EBADFD}).
     */
    int link(AlsaPcm other) {
        int err = lib.snd_pcm_link(handle, other.handle);
        if (err == 0) {
            linked = true;
            other.linked = true;
        }
        return err;
    }

    /** Whether {@link #link} linked this PCM to another (and it is not unlinked yet). */
    boolean linked() {
        return linked;
    }

    /** Unlinks before this PCM stops, so that stopping it does not stop its partner mid-read. */
    void unlinkIfLinked() {
        if (linked && handle != null) {
            lib.snd_pcm_unlink(handle);
            linked = false;
        }
    }

    /**
     * {@code snd_pcm_delay}: for playback, the frames written and not yet played; for capture,
     * the frames captured and not yet read. -1 when alsa-lib cannot say (a stream not running).
     * Allocates: never called on a real-time thread after start.
     */
    long delayFrames() {
        if (handle == null) return -1;
        NativeLongByReference delay = new NativeLongByReference();
        return lib.snd_pcm_delay(handle, delay) < 0 ? -1 : delay.getValue().longValue();
    }

    /**
     * Lets only the partner's start start this PCM: its start threshold becomes the boundary, so a
     * read never starts a linked capture early (before the playback buffer is full).
     */
    void startOnlyWithPartner() throws AlsaException {
        editSoftware(sw -> {
            NativeLongByReference boundary = new NativeLongByReference();
            AlsaException.check(lib, lib.snd_pcm_sw_params_get_boundary(sw, boundary), doing(), "snd_pcm_sw_params_get_boundary");
            AlsaException.check(lib, lib.snd_pcm_sw_params_set_start_threshold(handle, sw, boundary.getValue()), doing(),
                    "snd_pcm_sw_params_set_start_threshold");
        });
    }

    static String range(Capabilities caps) {
        return caps.minChannels() == caps.maxChannels() ? caps.minChannels() + " channel" + (caps.minChannels() == 1 ? "" : "s")
                : caps.minChannels() + " to " + caps.maxChannels() + " channels";
    }

    private static String join(List<SampleFormat> formats) {
        return formats.isEmpty() ? "no format Taperoom reads" : formats.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private String doing() {
        return "configuring " + direction.word + " device '" + name + "'";
    }

    @Override
    public void close() {
        if (handle != null) {
            unlinkIfLinked();
            lib.snd_pcm_close(handle);
            handle = null;
        }
    }

    /** A {@code snd_pcm_hw_params_t} filled with the full space of the device; freed on close. */
    private final class HwParams implements AutoCloseable {
        final Pointer ptr;

        HwParams() throws AlsaException {
            PointerByReference ref = new PointerByReference();
            AlsaException.check(lib, lib.snd_pcm_hw_params_malloc(ref), doing(), "snd_pcm_hw_params_malloc");
            ptr = ref.getValue();
            int err = lib.snd_pcm_hw_params_any(handle, ptr);
            if (err < 0) {
                lib.snd_pcm_hw_params_free(ptr);
                AlsaException.check(lib, err, doing(), "snd_pcm_hw_params_any");
            }
        }

        @Override
        public void close() {
            lib.snd_pcm_hw_params_free(ptr);
        }
    }
}

package org.taperoom.drivers.alsa;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.InputGain;

/**
 * A card's simple mixer ({@code snd_mixer_selem_*}) as {@link InputGain}. alsa-lib speaks dB in
 * hundredths ({@code long}), Taperoom in doubles. Owns the {@code snd_mixer_t} from
 * {@link #open} to {@link #close()}; the element pointers live as long as it.
 */
public final class AlsaMixer implements InputGain {
    /** SND_MIXER_SCHN_FRONT_LEFT: channel 0, what "the control's value" means for a mono read. */
    private static final int FIRST_CHANNEL = 0;
    /** dir argument of set_capture_dB_all: -1 rounds to the step at or below the value. */
    private static final int ROUND_DOWN = -1;

    private final AlsaLibrary lib;
    private final String card;
    private Pointer mixer;

    private AlsaMixer(AlsaLibrary lib, String card, Pointer mixer) {
        this.lib = lib;
        this.card = card;
        this.mixer = mixer;
    }

    /** Opens the mixer of {@code card} ({@code hw:CARD=UMC1820} or {@code hw:1}). */
    public static AlsaMixer open(AlsaLibrary lib, String card) throws AlsaException {
        String doing = "opening the mixer of '" + card + "'";
        PointerByReference ref = new PointerByReference();
        AlsaException.check(lib, lib.snd_mixer_open(ref, 0), doing, "snd_mixer_open");
        Pointer mixer = ref.getValue();
        try {
            AlsaException.check(lib, lib.snd_mixer_attach(mixer, card), doing, "snd_mixer_attach");
            AlsaException.check(lib, lib.snd_mixer_selem_register(mixer, null, null), doing, "snd_mixer_selem_register");
            AlsaException.check(lib, lib.snd_mixer_load(mixer), doing, "snd_mixer_load");
        } catch (AlsaException e) {
            lib.snd_mixer_close(mixer);
            throw e;
        }
        return new AlsaMixer(lib, card, mixer);
    }

    @Override
    public List<Control> controls() {
        List<Control> out = new ArrayList<>();
        for (Pointer e = lib.snd_mixer_first_elem(mixer); e != null; e = lib.snd_mixer_elem_next(e)) {
            Control c = describe(e);
            if (c.hasCaptureVolume() || c.hasCaptureSwitch() || c.hasPlaybackSwitch()) out.add(c);
        }
        return out;
    }

    private Control describe(Pointer e) {
        boolean volume = lib.snd_mixer_selem_has_capture_volume(e) != 0;
        double min = 0;
        double max = 0;
        if (volume) {
            NativeLongByReference lo = new NativeLongByReference();
            NativeLongByReference hi = new NativeLongByReference();
            if (lib.snd_mixer_selem_get_capture_dB_range(e, lo, hi) == 0) {
                min = lo.getValue().longValue() / 100.0;
                max = hi.getValue().longValue() / 100.0;
            }
        }
        return new Control(lib.snd_mixer_selem_get_name(e), lib.snd_mixer_selem_get_index(e), volume, min, max,
                lib.snd_mixer_selem_has_capture_switch(e) != 0, lib.snd_mixer_selem_has_playback_switch(e) != 0);
    }

    private Pointer find(String controlId) throws AudioDeviceException {
        List<String> ids = new ArrayList<>();
        for (Pointer e = lib.snd_mixer_first_elem(mixer); e != null; e = lib.snd_mixer_elem_next(e)) {
            Control c = describe(e);
            if (c.id().equals(controlId)) return e;
            if (c.hasCaptureVolume() || c.hasCaptureSwitch() || c.hasPlaybackSwitch()) ids.add(c.id());
        }
        throw new AudioDeviceException("'" + card + "' has no mixer control '" + controlId + "'; it has "
                + (ids.isEmpty() ? "none" : ids.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))));
    }

    @Override
    public double captureDb(String controlId) throws AudioDeviceException {
        Pointer e = volumeElement(controlId);
        NativeLongByReference v = new NativeLongByReference();
        AlsaException.check(lib, lib.snd_mixer_selem_get_capture_dB(e, FIRST_CHANNEL, v), "reading " + controlId, "snd_mixer_selem_get_capture_dB");
        return v.getValue().longValue() / 100.0;
    }

    @Override
    public double setCaptureDb(String controlId, double gainDb) throws AudioDeviceException {
        Pointer e = volumeElement(controlId);
        Control c = describe(e);
        if (gainDb < c.minDb() || gainDb > c.maxDb()) {
            throw new AudioDeviceException("'" + controlId + "' takes " + c.minDb() + " to " + c.maxDb() + " dB, not " + gainDb);
        }
        AlsaException.check(lib, lib.snd_mixer_selem_set_capture_dB_all(e, new NativeLong(Math.round(gainDb * 100)), ROUND_DOWN),
                "setting " + controlId, "snd_mixer_selem_set_capture_dB_all");
        return captureDb(controlId);
    }

    private Pointer volumeElement(String controlId) throws AudioDeviceException {
        Pointer e = find(controlId);
        if (lib.snd_mixer_selem_has_capture_volume(e) == 0) {
            throw new AudioDeviceException("mixer control '" + controlId + "' of '" + card + "' has no capture volume");
        }
        return e;
    }

    @Override
    public boolean switchOn(String controlId) throws AudioDeviceException {
        Pointer e = find(controlId);
        IntByReference v = new IntByReference();
        if (lib.snd_mixer_selem_has_capture_switch(e) != 0) {
            AlsaException.check(lib, lib.snd_mixer_selem_get_capture_switch(e, FIRST_CHANNEL, v), "reading " + controlId,
                    "snd_mixer_selem_get_capture_switch");
        } else if (lib.snd_mixer_selem_has_playback_switch(e) != 0) {
            AlsaException.check(lib, lib.snd_mixer_selem_get_playback_switch(e, FIRST_CHANNEL, v), "reading " + controlId,
                    "snd_mixer_selem_get_playback_switch");
        } else {
            throw new AudioDeviceException("mixer control '" + controlId + "' of '" + card + "' has no switch");
        }
        return v.getValue() != 0;
    }

    @Override
    public void setSwitch(String controlId, boolean on) throws AudioDeviceException {
        Pointer e = find(controlId);
        if (lib.snd_mixer_selem_has_capture_switch(e) != 0) {
            AlsaException.check(lib, lib.snd_mixer_selem_set_capture_switch_all(e, on ? 1 : 0), "setting " + controlId,
                    "snd_mixer_selem_set_capture_switch_all");
        } else if (lib.snd_mixer_selem_has_playback_switch(e) != 0) {
            AlsaException.check(lib, lib.snd_mixer_selem_set_playback_switch_all(e, on ? 1 : 0), "setting " + controlId,
                    "snd_mixer_selem_set_playback_switch_all");
        } else {
            throw new AudioDeviceException("mixer control '" + controlId + "' of '" + card + "' has no switch");
        }
    }

    @Override
    public void close() {
        if (mixer != null) {
            lib.snd_mixer_close(mixer);
            mixer = null;
        }
    }
}

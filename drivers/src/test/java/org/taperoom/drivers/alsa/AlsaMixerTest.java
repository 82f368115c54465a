package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.InputGain;

/**
 * The mixer wrapper. alsa-lib has no user-space plugin with mixer elements, so the card is
 * injected at the snd_mixer_* boundary: a UMC-like interface with a "Mic" capture volume
 * (-12..+36 dB in 1 dB steps), a "Mic" capture switch and a "Phantom Power" switch.
 */
class AlsaMixerTest {

    /** An element of the injected card. */
    static final class Elem {
        final String name;
        final int index;
        final boolean volume;
        final boolean captureSwitch;
        final boolean playbackSwitch;
        long centiDb = 0;
        int on = 1;

        Elem(String name, int index, boolean volume, boolean captureSwitch, boolean playbackSwitch) {
            this.name = name;
            this.index = index;
            this.volume = volume;
            this.captureSwitch = captureSwitch;
            this.playbackSwitch = playbackSwitch;
        }
    }

    static final class InjectedCard extends DelegatingAlsaLibrary {
        final List<Elem> elems = List.of(new Elem("Mic", 0, true, true, false), new Elem("Mic", 1, true, false, false),
                new Elem("Phantom Power", 0, false, false, true), new Elem("Tone", 0, false, false, false));
        boolean closed;

        InjectedCard() {
            super(AlsaNative.INSTANCE);
        }

        private Elem at(Pointer p) {
            return elems.get((int) Pointer.nativeValue(p) - 1);
        }

        @Override public int snd_mixer_open(PointerByReference mixer, int mode) { mixer.setValue(new Pointer(0x1000)); return 0; }
        @Override public int snd_mixer_attach(Pointer mixer, String name) { return name.equals("hw:CARD=UMC") ? 0 : -AlsaException.ENOENT; }
        @Override public int snd_mixer_selem_register(Pointer mixer, Pointer options, Pointer classp) { return 0; }
        @Override public int snd_mixer_load(Pointer mixer) { return 0; }
        @Override public int snd_mixer_close(Pointer mixer) { closed = true; return 0; }
        @Override public Pointer snd_mixer_first_elem(Pointer mixer) { return new Pointer(1); }
        @Override public Pointer snd_mixer_elem_next(Pointer elem) {
            long n = Pointer.nativeValue(elem) + 1;
            return n > elems.size() ? null : new Pointer(n);
        }
        @Override public String snd_mixer_selem_get_name(Pointer e) { return at(e).name; }
        @Override public int snd_mixer_selem_get_index(Pointer e) { return at(e).index; }
        @Override public int snd_mixer_selem_has_capture_volume(Pointer e) { return at(e).volume ? 1 : 0; }
        @Override public int snd_mixer_selem_has_capture_switch(Pointer e) { return at(e).captureSwitch ? 1 : 0; }
        @Override public int snd_mixer_selem_has_playback_switch(Pointer e) { return at(e).playbackSwitch ? 1 : 0; }
        @Override public int snd_mixer_selem_get_capture_dB_range(Pointer e, NativeLongByReference min, NativeLongByReference max) {
            min.setValue(new NativeLong(-1200));
            max.setValue(new NativeLong(3600));
            return 0;
        }
        @Override public int snd_mixer_selem_get_capture_dB(Pointer e, int channel, NativeLongByReference value) {
            value.setValue(new NativeLong(at(e).centiDb));
            return 0;
        }
        @Override public int snd_mixer_selem_set_capture_dB_all(Pointer e, NativeLong value, int dir) {
            long v = value.longValue();
            at(e).centiDb = dir < 0 ? Math.floorDiv(v, 100) * 100 : Math.ceilDiv(v, 100) * 100; // 1 dB steps
            return 0;
        }
        @Override public int snd_mixer_selem_get_capture_switch(Pointer e, int channel, IntByReference value) { value.setValue(at(e).on); return 0; }
        @Override public int snd_mixer_selem_set_capture_switch_all(Pointer e, int value) { at(e).on = value; return 0; }
        @Override public int snd_mixer_selem_get_playback_switch(Pointer e, int channel, IntByReference value) { value.setValue(at(e).on); return 0; }
        @Override public int snd_mixer_selem_set_playback_switch_all(Pointer e, int value) { at(e).on = value; return 0; }
    }

    @Test
    void theControlsListShowsVolumesWithTheirDbRangeAndSwitches_injected() throws Exception {
        try (InputGain gain = AlsaMixer.open(new InjectedCard(), "hw:CARD=UMC")) {
            assertEquals(List.of(
                    new InputGain.Control("Mic", 0, true, -12, 36, true, false),
                    new InputGain.Control("Mic", 1, true, -12, 36, false, false),
                    new InputGain.Control("Phantom Power", 0, false, 0, 0, false, true)), gain.controls());
            assertEquals("Mic,1", gain.controls().get(1).id());
        }
    }

    @Test
    void aCaptureVolumeIsSetInDbToTheStepAtOrBelow_injected() throws Exception {
        InjectedCard card = new InjectedCard();
        try (InputGain gain = AlsaMixer.open(card, "hw:CARD=UMC")) {
            assertEquals(12.0, gain.setCaptureDb("Mic,1", 12.6));
            assertEquals(12.0, gain.captureDb("Mic,1"));
            assertEquals(0.0, gain.captureDb("Mic"), "the other input is untouched");
            AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> gain.setCaptureDb("Mic", 40));
            assertEquals("'Mic' takes -12.0 to 36.0 dB, not 40.0", e.getMessage());
        }
        assertTrue(card.closed);
    }

    @Test
    void inputNumbersTurnTheCardsCaptureVolumesInOrderClampedToTheirRange_injected() throws Exception {
        try (InputGain gain = AlsaMixer.open(new InjectedCard(), "hw:CARD=UMC")) {
            assertEquals(0.0, gain.adjust(1, 0), "a zero turn reads the gain");
            assertEquals(-3.0, gain.adjust(2, -3));
            assertEquals(-3.0, gain.captureDb("Mic,1"), "input 2 is the second capture volume");
            assertEquals(0.0, gain.captureDb("Mic"), "input 1 is untouched");
            assertEquals(36.0, gain.adjust(1, 100), "clamped to the control's maximum");
            assertTrue(Double.isNaN(gain.adjust(3, 1)), "the card has two capture volumes: input 3 has none");
            assertTrue(Double.isNaN(gain.adjust(0, 1)));
        }
        assertTrue(Double.isNaN(InputGain.NONE.adjust(1, 1)), "an interface without controls has no gain");
    }

    @Test
    void switchesTurnOnAndOffWhetherTheCardCallsThemCaptureOrPlayback_injected() throws Exception {
        try (InputGain gain = AlsaMixer.open(new InjectedCard(), "hw:CARD=UMC")) {
            gain.setSwitch("Phantom Power", false);
            assertFalse(gain.switchOn("Phantom Power"));
            gain.setSwitch("Mic", false);
            assertFalse(gain.switchOn("Mic"));
            gain.setSwitch("Mic", true);
            assertTrue(gain.switchOn("Mic"));
        }
    }

    @Test
    void anUnknownControlIsRefusedListingTheCardsControls_injected() throws Exception {
        try (InputGain gain = AlsaMixer.open(new InjectedCard(), "hw:CARD=UMC")) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> gain.captureDb("Line"));
            assertEquals("'hw:CARD=UMC' has no mixer control 'Line'; it has 'Mic', 'Mic,1', 'Phantom Power'", e.getMessage());
        }
    }

    @Test
    void aMissingCardIsRefusedByTheRealAlsaLib() {
        AlsaException e = assertThrows(AlsaException.class, () -> AlsaMixer.open(AlsaNative.INSTANCE, "hw:CARD=NoSuchCard"));
        assertTrue(e.getMessage().startsWith("opening the mixer of 'hw:CARD=NoSuchCard': snd_mixer_attach failed: "), e.getMessage());
        assertTrue(e.errorCode() < 0);
    }
}

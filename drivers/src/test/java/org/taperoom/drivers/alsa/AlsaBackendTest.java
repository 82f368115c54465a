package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/** Enumerating and opening devices, and what a person is told when a request does not fit. */
class AlsaBackendTest {
    @TempDir
    Path dir;

    private String rig() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 8, 4800, SampleFormat.S32_LE);
        // A two-channel device: alsa-lib's multi plugin fixes its slave at exactly 2 channels.
        return VirtualRig.filePcm("cap8", in)
                + "pcm.stereo { type multi slaves.a { pcm cap8 channels 2 } bindings.0 { slave a channel 0 } bindings.1 { slave a channel 1 } }\n";
    }

    @Test
    void theDeviceListShowsEachConfiguredPcmWithItsChannelsRatesAndFormats() throws Exception {
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, rig())) {
            List<DeviceInfo> devices = alsa.devices();
            DeviceInfo cap8 = devices.stream().filter(d -> d.name().equals("cap8")).findFirst().orElseThrow();
            assertEquals(1, cap8.capture().minChannels());
            assertEquals(64, cap8.capture().maxChannels());
            assertTrue(cap8.capture().ratesHz().containsAll(List.of(44100, 48000, 96000)), cap8.toString());
            assertEquals(List.of(SampleFormat.values()), cap8.capture().formats());
            DeviceInfo stereo = devices.stream().filter(d -> d.name().equals("stereo")).findFirst().orElseThrow();
            assertEquals(2, stereo.capture().minChannels());
            assertEquals(2, stereo.capture().maxChannels());
        }
    }

    @Test
    void anUnknownDeviceIsRefusedWithTheListOfDevicesThatExist() throws Exception {
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, rig())) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class,
                    () -> alsa.openCapture("nosuch", new StreamConfig(2, 48000, 64, 4, null)));
            assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("cap8") && e.getMessage().contains("stereo"),
                    e.getMessage());
            assertTrue(e.errorCode() < 0, "carries ALSA's error code");
        }
    }

    @Test
    void aChannelCountOutsideTheDeviceRangeIsRefusedNamingTheRange() throws Exception {
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, rig())) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class,
                    () -> alsa.openCapture("stereo", new StreamConfig(8, 48000, 64, 4, null)));
            assertEquals("capture device 'stereo' has 2 channels, not 8", e.getMessage());
        }
    }

    @Test
    void anUnsupportedRateIsRefusedListingTheRatesTheDeviceRunsAt_injected() throws Exception {
        // No user-space plugin restricts rates, so the binding plays a 44.1/48 kHz-only interface.
        AlsaLibrary only441And48 = new DelegatingAlsaLibrary(AlsaNative.INSTANCE) {
            @Override
            public int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int val, int dir) {
                return val == 44100 || val == 48000 ? target.snd_pcm_hw_params_test_rate(pcm, params, val, dir) : -AlsaException.EINVAL;
            }

            @Override
            public int snd_pcm_hw_params_set_rate(Pointer pcm, Pointer params, int val, int dir) {
                return val == 44100 || val == 48000 ? target.snd_pcm_hw_params_set_rate(pcm, params, val, dir) : -AlsaException.EINVAL;
            }
        };
        try (AlsaBackend alsa = new AlsaBackend(only441And48, rig())) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class,
                    () -> alsa.openCapture("cap8", new StreamConfig(8, 96000, 64, 4, null)));
            assertEquals("capture device 'cap8' does not run at 96000 Hz; it runs at 44100, 48000 Hz", e.getMessage());
            try (AlsaCaptureStream ok = alsa.openCapture("cap8", new StreamConfig(8, 44100, 64, 4, null))) {
                assertEquals(44100, ok.config().rateHz());
            }
        }
    }

    @Test
    void anUnsupportedFormatIsRefusedListingTheFormatsTheDeviceOffers_injected() throws Exception {
        AlsaLibrary only24Packed = new DelegatingAlsaLibrary(AlsaNative.INSTANCE) {
            @Override
            public int snd_pcm_hw_params_test_format(Pointer pcm, Pointer params, int format) {
                return format == PcmFormat.S24_3LE.alsaValue ? 0 : -AlsaException.EINVAL;
            }
        };
        try (AlsaBackend alsa = new AlsaBackend(only24Packed, rig())) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class,
                    () -> alsa.openCapture("cap8", new StreamConfig(8, 48000, 64, 4, SampleFormat.S16_LE)));
            assertEquals("capture device 'cap8' does not offer S16_LE; it offers S24_3LE", e.getMessage());
        }
    }

    @Test
    void thePeriodAndBufferTheDeviceAgreedToAreReported() throws Exception {
        try (AlsaBackend alsa = new AlsaBackend(AlsaNative.INSTANCE, rig());
             AlsaCaptureStream s = alsa.openCapture("cap8", new StreamConfig(8, 48000, 128, 3, SampleFormat.S32_LE))) {
            assertEquals(new StreamConfig(8, 48000, 128, 3, SampleFormat.S32_LE), s.config());
        }
    }
}

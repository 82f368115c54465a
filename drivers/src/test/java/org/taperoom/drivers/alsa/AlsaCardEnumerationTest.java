package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * Listing sound cards. There is no card on a CI machine, so the card layer (snd_card_next,
 * snd_ctl_*) is injected: one USB interface "UMC1820" with PCM devices 0 and 1. Opening
 * {@code hw:CARD=UMC1820,DEV=0} reaches a real file-plugin PCM; device 1 is busy.
 */
class AlsaCardEnumerationTest {
    @TempDir
    Path dir;

    static final class OneCard extends DelegatingAlsaLibrary {
        private final Pointer lconf;

        OneCard(Pointer lconf) {
            super(AlsaNative.INSTANCE);
            this.lconf = lconf;
        }

        @Override public int snd_card_next(IntByReference card) {
            card.setValue(card.getValue() < 0 ? 1 : -1); // one card, index 1
            return 0;
        }
        @Override public int snd_ctl_open(PointerByReference ctl, String name, int mode) {
            if (!name.equals("hw:1")) return -AlsaException.ENODEV;
            ctl.setValue(new Pointer(0x100));
            return 0;
        }
        @Override public int snd_ctl_close(Pointer ctl) { return 0; }
        @Override public int snd_ctl_card_info_malloc(PointerByReference info) { info.setValue(new Pointer(0x200)); return 0; }
        @Override public void snd_ctl_card_info_free(Pointer info) {}
        @Override public int snd_ctl_card_info(Pointer ctl, Pointer info) { return 0; }
        @Override public String snd_ctl_card_info_get_id(Pointer info) { return "UMC1820"; }
        @Override public String snd_ctl_card_info_get_longname(Pointer info) { return "BEHRINGER UMC1820 at usb-0000:01:00.0-1.3, high speed"; }
        @Override public int snd_ctl_pcm_next_device(Pointer ctl, IntByReference device) {
            device.setValue(device.getValue() < 1 ? device.getValue() + 1 : -1);
            return 0;
        }
        @Override public int snd_pcm_open(PointerByReference pcm, String name, int stream, int mode) {
            return switch (name) {
                case "hw:CARD=UMC1820,DEV=0" -> target.snd_pcm_open_lconf(pcm, "umc", stream, mode, lconf);
                case "hw:CARD=UMC1820,DEV=1" -> -AlsaException.EBUSY;
                default -> target.snd_pcm_open(pcm, name, stream, mode);
            };
        }
    }

    @Test
    void eachCardDeviceIsListedByItsHwNameWithTheCardsLongName_injected() throws Exception {
        Path in = VirtualRig.writeInfile(dir.resolve("in.raw"), 2, 480, SampleFormat.S32_LE);
        try (AlsaConfigTree umc = AlsaConfigTree.load(AlsaNative.INSTANCE, VirtualRig.filePcm("umc", in))) {
            List<DeviceInfo> devices = new AlsaBackend(new OneCard(umc.tree()), null).devices();
            assertEquals(List.of("hw:CARD=UMC1820,DEV=0", "hw:CARD=UMC1820,DEV=1"), devices.stream().map(DeviceInfo::name).toList());
            DeviceInfo dev0 = devices.get(0);
            assertEquals("BEHRINGER UMC1820 at usb-0000:01:00.0-1.3, high speed", dev0.longName());
            assertTrue(dev0.capture().ratesHz().contains(48000));
            assertTrue(dev0.playback() != null);
            assertNull(devices.get(1).capture(), "a busy device is listed without capabilities");
        }
    }
}

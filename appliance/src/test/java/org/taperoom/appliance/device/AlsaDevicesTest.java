package org.taperoom.appliance.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.drivers.audio.InputGain;

/** Which card's mixer serve turns for the encoder and the panel's gainDb. */
class AlsaDevicesTest {
    @Test
    void theCardIsFoundInTheUsualPcmNames() {
        assertEquals("hw:CARD=UMC1820", AlsaDevices.cardOf("hw:CARD=UMC1820,DEV=0"));
        assertEquals("hw:CARD=UMC1820", AlsaDevices.cardOf("plughw:CARD=UMC1820,DEV=0"));
        assertEquals("hw:CARD=Scarlett", AlsaDevices.cardOf("sysdefault:CARD=Scarlett"));
        assertEquals("hw:1", AlsaDevices.cardOf("hw:1,0"));
        assertEquals("hw:2", AlsaDevices.cardOf("plughw:2"));
        assertNull(AlsaDevices.cardOf("default"));
        assertNull(AlsaDevices.cardOf("cap8"), "a plugin PCM names no card");
    }

    @Test
    void withoutACardWithCaptureVolumesThereIsNoGainControlAndServeStillStarts() {
        for (String device : new String[] {"sim", "cap8", "hw:CARD=NoSuchCard,DEV=0"}) {
            Config c = Config.defaults().with(RecordingKeys.DEVICE, device);
            assertSame(InputGain.NONE, AlsaDevices.inputGain(c), device);
        }
    }
}

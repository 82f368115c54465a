package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching for an interface to be unplugged and plugged back, through a cards file like /proc/asound/cards. */
class DevicePresenceTest {
    private static final String UMC = """
             0 [PCH            ]: HDA-Intel - HDA Intel PCH
                                  HDA Intel PCH at 0xf7f10000 irq 32
             1 [UMC1820        ]: USB-Audio - UMC1820
                                  BEHRINGER UMC1820 at usb-0000:00:14.0-2, high speed
            """;

    @TempDir
    Path dir;

    @Test
    void cardsAreReadWithTheirIndexAndId() throws Exception {
        Path cards = Files.writeString(dir.resolve("cards"), UMC);
        DevicePresence p = new DevicePresence(cards, n -> false, Duration.ofMillis(20));
        assertEquals(Map.of(0, "PCH", 1, "UMC1820"), p.cards());
        assertTrue(p.isPresent("hw:CARD=UMC1820,DEV=0"));
        assertTrue(p.isPresent("plughw:1,0"));
        assertTrue(p.isPresent("hw:UMC1820"));
        assertFalse(p.isPresent("hw:CARD=Scarlett,DEV=0"));
        assertFalse(p.isPresent("hw:2,0"));
    }

    @Test
    void aReturningCardEndsTheWaitWithinAPollInterval() throws Exception {
        Path cards = Files.writeString(dir.resolve("cards"), "--- no soundcards ---\n");
        DevicePresence p = new DevicePresence(cards, n -> false, Duration.ofMillis(20));
        assertFalse(p.awaitPresent("hw:CARD=UMC1820,DEV=0", Duration.ofMillis(100)));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return p.awaitPresent("hw:CARD=UMC1820,DEV=0", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                return false;
            }
        });
        Thread.sleep(100);
        assertFalse(waiting.isDone());
        Files.writeString(dir.resolve("cards"), UMC);
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aNameThatIsNoCardAsksTheProbe() {
        DevicePresence p = new DevicePresence(dir.resolve("absent"), n -> n.equals("cap8"), Duration.ofMillis(20));
        assertTrue(p.cards().isEmpty(), "no cards file: no cards");
        assertTrue(p.isPresent("cap8"));
        assertFalse(p.isPresent("other"));
    }

    @Test
    void aPcmFromTheConfigurationThatIsBusyIsPresentAndOneThatCannotOpenIsNot() throws Exception {
        // An asound.conf PCM over a hardware device is exclusive: while the engine holds it (an
        // asym over snd-aloop in the virtual appliance), opening it again gives -EBUSY, which no
        // plugin on this machine can produce, so it is injected in front of the real alsa-lib.
        AlsaLibrary held = new DelegatingAlsaLibrary(AlsaNative.INSTANCE) {
            @Override
            public int snd_pcm_open_lconf(com.sun.jna.ptr.PointerByReference pcm, String name, int stream, int mode, com.sun.jna.Pointer lconf) {
                return name.equals("held") ? -AlsaException.EBUSY : target.snd_pcm_open_lconf(pcm, name, stream, mode, lconf);
            }
        };
        String config = "pcm.held { type null }\npcm.broken { type file slave.pcm { type null } file \"/dev/null\" infile \""
                + dir.resolve("no-such-file.raw") + "\" format \"raw\" }\n";
        try (AlsaBackend alsa = new AlsaBackend(held, config)) {
            assertTrue(alsa.present("held"), "a busy PCM is there: someone (the engine itself) has it open");
            assertFalse(alsa.present("broken"), "a PCM that cannot open for another reason is not");
            assertFalse(alsa.present("nothing-of-that-name"));
        }
    }
}

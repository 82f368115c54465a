package org.taperoom.drivers.alsa;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's ALSA configuration plus extra PCM definitions given as text (alsa.conf syntax), for
 * {@code snd_pcm_open_lconf}. This is how tests and the benchmark define {@code file}-plugin
 * capture devices inside a running JVM: {@code ALSA_CONFIG_PATH} is read only when alsa-lib first
 * loads, so it cannot change afterwards.
 *
 * <p>Owns two {@code snd_config_t} trees, created in {@link #load} and deleted by {@link #close()}:
 * the merged tree handed to alsa-lib, and the extra text alone, used to list the PCMs it defines.
 */
final class AlsaConfigTree implements AutoCloseable {
    private final AlsaLibrary lib;
    private Pointer merged;
    private final List<String> pcmNames;

    private AlsaConfigTree(AlsaLibrary lib, Pointer merged, List<String> pcmNames) {
        this.lib = lib;
        this.merged = merged;
        this.pcmNames = List.copyOf(pcmNames);
    }

    static AlsaConfigTree load(AlsaLibrary lib, String text) throws AlsaException {
        String doing = "loading the ALSA configuration given to Taperoom";
        PointerByReference ref = new PointerByReference();
        AlsaException.check(lib, lib.snd_config_update_ref(ref), doing, "snd_config_update_ref");
        Pointer system = ref.getValue();
        PointerByReference copy = new PointerByReference();
        try {
            AlsaException.check(lib, lib.snd_config_copy(copy, system), doing, "snd_config_copy");
        } finally {
            lib.snd_config_unref(system);
        }
        Pointer merged = copy.getValue();
        PointerByReference own = new PointerByReference();
        try {
            loadText(lib, merged, text, doing);
            AlsaException.check(lib, lib.snd_config_top(own), doing, "snd_config_top");
            loadText(lib, own.getValue(), text, doing);
            List<String> names = new ArrayList<>();
            PointerByReference pcm = new PointerByReference();
            if (lib.snd_config_search(own.getValue(), "pcm", pcm) == 0) {
                Pointer end = lib.snd_config_iterator_end(pcm.getValue());
                for (Pointer it = lib.snd_config_iterator_first(pcm.getValue()); !it.equals(end); it = lib.snd_config_iterator_next(it)) {
                    PointerByReference id = new PointerByReference();
                    if (lib.snd_config_get_id(lib.snd_config_iterator_entry(it), id) == 0) names.add(id.getValue().getString(0));
                }
            }
            return new AlsaConfigTree(lib, merged, names);
        } catch (AlsaException e) {
            lib.snd_config_delete(merged);
            throw e;
        } finally {
            if (own.getValue() != null) lib.snd_config_delete(own.getValue());
        }
    }

    private static void loadText(AlsaLibrary lib, Pointer tree, String text, String doing) throws AlsaException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        PointerByReference in = new PointerByReference();
        AlsaException.check(lib, lib.snd_input_buffer_open(in, text, new NativeLong(bytes.length)), doing, "snd_input_buffer_open");
        try {
            AlsaException.check(lib, lib.snd_config_load(tree, in.getValue()), doing, "snd_config_load");
        } finally {
            lib.snd_input_close(in.getValue());
        }
    }

    /** The tree to pass to {@code snd_pcm_open_lconf}; valid until {@link #close()}. */
    Pointer tree() {
        return merged;
    }

    /** The PCMs the extra text defines ({@code pcm.NAME}), in its order. */
    List<String> pcmNames() {
        return pcmNames;
    }

    @Override
    public void close() {
        if (merged != null) {
            lib.snd_config_delete(merged);
            merged = null;
        }
    }
}

package org.taperoom.drivers.alsa;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of alsa-lib ({@code libasound.so.2}) Taperoom calls, one method per C function, with the
 * C names and the C types spelled as JNA spells them: {@code snd_pcm_sframes_t},
 * {@code snd_pcm_uframes_t}, {@code ssize_t} and {@code long} are C {@code long}s, so
 * {@link NativeLong}; {@code unsigned int} and enums are {@code int}; opaque handles
 * ({@code snd_pcm_t *}) are {@link Pointer}s; out-parameters are {@code *ByReference}.
 *
 * <p>{@link AlsaNative} is the real thing (JNA direct mapping). Tests put a fake in front of it to
 * produce what no plugin can (an unplug's {@code -ENODEV}, a suspend's {@code -ESTRPIPE}).
 * Return values are alsa-lib's: 0 or a count on success, a negative errno on failure.
 */
public interface AlsaLibrary {
    // --- stream and mode constants (pcm.h)
    int SND_PCM_STREAM_PLAYBACK = 0;
    int SND_PCM_STREAM_CAPTURE = 1;
    int SND_PCM_NONBLOCK = 0x1;
    int SND_PCM_ACCESS_MMAP_INTERLEAVED = 0;
    int SND_PCM_ACCESS_RW_INTERLEAVED = 3;

    // --- PCM: open and close
    int snd_pcm_open(PointerByReference pcm, String name, int stream, int mode);

    int snd_pcm_open_lconf(PointerByReference pcm, String name, int stream, int mode, Pointer lconf);

    int snd_pcm_close(Pointer pcm);

    // --- PCM: hardware parameters
    int snd_pcm_hw_params_malloc(PointerByReference params);

    void snd_pcm_hw_params_free(Pointer params);

    int snd_pcm_hw_params_any(Pointer pcm, Pointer params);

    int snd_pcm_hw_params_set_access(Pointer pcm, Pointer params, int access);

    int snd_pcm_hw_params_test_format(Pointer pcm, Pointer params, int format);

    int snd_pcm_hw_params_set_format(Pointer pcm, Pointer params, int format);

    int snd_pcm_hw_params_get_channels_min(Pointer params, IntByReference val);

    int snd_pcm_hw_params_get_channels_max(Pointer params, IntByReference val);

    int snd_pcm_hw_params_set_channels(Pointer pcm, Pointer params, int val);

    int snd_pcm_hw_params_set_rate_resample(Pointer pcm, Pointer params, int val);

    int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int val, int dir);

    int snd_pcm_hw_params_set_rate(Pointer pcm, Pointer params, int val, int dir);

    int snd_pcm_hw_params_set_period_size_near(Pointer pcm, Pointer params, NativeLongByReference val, IntByReference dir);

    int snd_pcm_hw_params_set_buffer_size_near(Pointer pcm, Pointer params, NativeLongByReference val);

    int snd_pcm_hw_params_get_period_size(Pointer params, NativeLongByReference val, IntByReference dir);

    int snd_pcm_hw_params_get_buffer_size(Pointer params, NativeLongByReference val);

    int snd_pcm_hw_params(Pointer pcm, Pointer params);

    // --- PCM: software parameters
    int snd_pcm_sw_params_malloc(PointerByReference params);

    void snd_pcm_sw_params_free(Pointer params);

    int snd_pcm_sw_params_current(Pointer pcm, Pointer params);

    int snd_pcm_sw_params_set_start_threshold(Pointer pcm, Pointer params, NativeLong val);

    int snd_pcm_sw_params_set_avail_min(Pointer pcm, Pointer params, NativeLong val);

    int snd_pcm_sw_params(Pointer pcm, Pointer params);

    // --- PCM: running
    /** snd_pcm_state_t: set up, ready to start ({@code snd_pcm_prepare}), not yet running. */
    int SND_PCM_STATE_PREPARED = 2;
    /** snd_pcm_state_t: stopped by an overrun or underrun, waiting for {@code snd_pcm_prepare}. */
    int SND_PCM_STATE_XRUN = 4;

    int snd_pcm_state(Pointer pcm);

    int snd_pcm_prepare(Pointer pcm);

    int snd_pcm_start(Pointer pcm);

    int snd_pcm_drop(Pointer pcm);

    int snd_pcm_drain(Pointer pcm);

    /*
     * The two calls the capture and playback threads make every period. Their snd_pcm_sframes_t
     * result and snd_pcm_uframes_t size are C longs like the rest, but spelled as Java long here:
     * JNA boxes a NativeLong argument and result into new objects on every call (measured: 168
     * bytes per period), which the real-time threads must not do. On the LP64 ABIs Taperoom runs
     * on (arm64, x86-64) a C long is exactly a Java long; AlsaNative refuses to load elsewhere.
     */
    long snd_pcm_readi(Pointer pcm, Pointer buffer, long size);

    long snd_pcm_writei(Pointer pcm, Pointer buffer, long size);

    int snd_pcm_recover(Pointer pcm, int err, int silent);

    // --- PCM: linked full-duplex streams and their delays (not called per period)
    /** Links {@code pcm2} to {@code pcm1}: from then on both start, stop and prepare as one. */
    int snd_pcm_link(Pointer pcm1, Pointer pcm2);

    int snd_pcm_unlink(Pointer pcm);

    /** {@code snd_pcm_sframes_t *delayp}: frames between the application's pointer and the converter. */
    int snd_pcm_delay(Pointer pcm, NativeLongByReference delayp);

    /** The boundary: a start threshold at least this large means the stream never starts on its own. */
    int snd_pcm_sw_params_get_boundary(Pointer params, NativeLongByReference val);

    String snd_strerror(int errnum);

    /** Writes the PCM's plugin chain and setup as text ("File PCM ... Slave: Null PCM"). */
    int snd_pcm_dump(Pointer pcm, Pointer out);

    int snd_output_buffer_open(PointerByReference outputp);

    /** Returns the size_t length; {@code buf} points into the output, valid until it is closed. */
    NativeLong snd_output_buffer_string(Pointer output, PointerByReference buf);

    int snd_output_close(Pointer output);

    /**
     * {@code snd_lib_error_handler_t}: alsa-lib's printf-style diagnostics ("Unknown PCM x") that it
     * otherwise prints on stderr. The C type is variadic; the fixed arguments are all Taperoom reads.
     */
    interface ErrorHandler extends com.sun.jna.Callback {
        void invoke(String file, int line, String function, int err, String fmt);
    }

    int snd_lib_error_set_handler(ErrorHandler handler);

    // --- cards and control devices
    int snd_card_next(IntByReference card);

    int snd_ctl_open(PointerByReference ctl, String name, int mode);

    int snd_ctl_close(Pointer ctl);

    int snd_ctl_card_info_malloc(PointerByReference info);

    void snd_ctl_card_info_free(Pointer info);

    int snd_ctl_card_info(Pointer ctl, Pointer info);

    String snd_ctl_card_info_get_id(Pointer info);

    String snd_ctl_card_info_get_longname(Pointer info);

    int snd_ctl_pcm_next_device(Pointer ctl, IntByReference device);

    // --- configuration trees (for PCMs defined at run time)
    int snd_config_top(PointerByReference config);

    int snd_config_update_ref(PointerByReference top);

    void snd_config_unref(Pointer top);

    int snd_config_copy(PointerByReference dst, Pointer src);

    int snd_config_delete(Pointer config);

    int snd_config_load(Pointer config, Pointer in);

    int snd_config_search(Pointer config, String key, PointerByReference result);

    Pointer snd_config_iterator_first(Pointer node);

    Pointer snd_config_iterator_next(Pointer iterator);

    Pointer snd_config_iterator_end(Pointer node);

    Pointer snd_config_iterator_entry(Pointer iterator);

    int snd_config_get_id(Pointer config, PointerByReference id);

    int snd_input_buffer_open(PointerByReference input, String buffer, NativeLong size);

    int snd_input_close(Pointer input);

    // --- simple mixer
    int snd_mixer_open(PointerByReference mixer, int mode);

    int snd_mixer_attach(Pointer mixer, String name);

    int snd_mixer_selem_register(Pointer mixer, Pointer options, Pointer classp);

    int snd_mixer_load(Pointer mixer);

    int snd_mixer_close(Pointer mixer);

    Pointer snd_mixer_first_elem(Pointer mixer);

    Pointer snd_mixer_elem_next(Pointer elem);

    String snd_mixer_selem_get_name(Pointer elem);

    int snd_mixer_selem_get_index(Pointer elem);

    int snd_mixer_selem_has_capture_volume(Pointer elem);

    int snd_mixer_selem_has_capture_switch(Pointer elem);

    int snd_mixer_selem_has_playback_switch(Pointer elem);

    int snd_mixer_selem_get_capture_dB_range(Pointer elem, NativeLongByReference min, NativeLongByReference max);

    int snd_mixer_selem_get_capture_dB(Pointer elem, int channel, NativeLongByReference value);

    int snd_mixer_selem_set_capture_dB_all(Pointer elem, NativeLong value, int dir);

    int snd_mixer_selem_get_capture_switch(Pointer elem, int channel, IntByReference value);

    int snd_mixer_selem_set_capture_switch_all(Pointer elem, int value);

    int snd_mixer_selem_get_playback_switch(Pointer elem, int channel, IntByReference value);

    int snd_mixer_selem_set_playback_switch_all(Pointer elem, int value);
}

package org.taperoom.drivers.alsa;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * {@link AlsaLibrary} bound to the real {@code libasound.so.2} through JNA direct mapping (native
 * methods registered once, no proxy and no reflection per call). Stateless; one shared instance.
 */
public final class AlsaNative implements AlsaLibrary {
    /** The one binding; loading it loads alsa-lib. */
    public static final AlsaNative INSTANCE = new AlsaNative();

    /**
     * Keeps alsa-lib's own stderr lines out of the command line's one-line answers: every failure
     * reaches Taperoom as an error code and is reported there. Held here so it is never collected.
     */
    private static final ErrorHandler QUIET = (file, line, function, err, fmt) -> {};

    static {
        if (Native.LONG_SIZE != 8) {
            // See AlsaLibrary.snd_pcm_readi: the per-period calls map C long to Java long.
            throw new UnsatisfiedLinkError("Taperoom's ALSA binding needs a 64-bit (LP64) system; this one has "
                    + Native.LONG_SIZE + "-byte C longs");
        }
        Native.register(AlsaNative.class, "asound");
    }

    /** Silences alsa-lib's diagnostics on stderr (see {@link #QUIET}); idempotent. */
    public static AlsaNative quiet() {
        INSTANCE.snd_lib_error_set_handler(QUIET);
        return INSTANCE;
    }

    private AlsaNative() {}

    @Override
    public native int snd_pcm_open(PointerByReference pcm, String name, int stream, int mode);

    @Override
    public native int snd_pcm_open_lconf(PointerByReference pcm, String name, int stream, int mode, Pointer lconf);

    @Override
    public native int snd_pcm_close(Pointer pcm);

    @Override
    public native int snd_pcm_hw_params_malloc(PointerByReference params);

    @Override
    public native void snd_pcm_hw_params_free(Pointer params);

    @Override
    public native int snd_pcm_hw_params_any(Pointer pcm, Pointer params);

    @Override
    public native int snd_pcm_hw_params_set_access(Pointer pcm, Pointer params, int access);

    @Override
    public native int snd_pcm_hw_params_test_format(Pointer pcm, Pointer params, int format);

    @Override
    public native int snd_pcm_hw_params_set_format(Pointer pcm, Pointer params, int format);

    @Override
    public native int snd_pcm_hw_params_get_channels_min(Pointer params, IntByReference val);

    @Override
    public native int snd_pcm_hw_params_get_channels_max(Pointer params, IntByReference val);

    @Override
    public native int snd_pcm_hw_params_set_channels(Pointer pcm, Pointer params, int val);

    @Override
    public native int snd_pcm_hw_params_set_rate_resample(Pointer pcm, Pointer params, int val);

    @Override
    public native int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int val, int dir);

    @Override
    public native int snd_pcm_hw_params_set_rate(Pointer pcm, Pointer params, int val, int dir);

    @Override
    public native int snd_pcm_hw_params_set_period_size_near(Pointer pcm, Pointer params, NativeLongByReference val, IntByReference dir);

    @Override
    public native int snd_pcm_hw_params_set_buffer_size_near(Pointer pcm, Pointer params, NativeLongByReference val);

    @Override
    public native int snd_pcm_hw_params_get_period_size(Pointer params, NativeLongByReference val, IntByReference dir);

    @Override
    public native int snd_pcm_hw_params_get_buffer_size(Pointer params, NativeLongByReference val);

    @Override
    public native int snd_pcm_hw_params(Pointer pcm, Pointer params);

    @Override
    public native int snd_pcm_sw_params_malloc(PointerByReference params);

    @Override
    public native void snd_pcm_sw_params_free(Pointer params);

    @Override
    public native int snd_pcm_sw_params_current(Pointer pcm, Pointer params);

    @Override
    public native int snd_pcm_sw_params_set_start_threshold(Pointer pcm, Pointer params, NativeLong val);

    @Override
    public native int snd_pcm_sw_params_set_avail_min(Pointer pcm, Pointer params, NativeLong val);

    @Override
    public native int snd_pcm_sw_params(Pointer pcm, Pointer params);

    @Override
    public native int snd_pcm_state(Pointer pcm);

    @Override
    public native int snd_pcm_prepare(Pointer pcm);

    @Override
    public native int snd_pcm_start(Pointer pcm);

    @Override
    public native int snd_pcm_drop(Pointer pcm);

    @Override
    public native int snd_pcm_drain(Pointer pcm);

    @Override
    public native long snd_pcm_readi(Pointer pcm, Pointer buffer, long size);

    @Override
    public native long snd_pcm_writei(Pointer pcm, Pointer buffer, long size);

    @Override
    public native int snd_pcm_recover(Pointer pcm, int err, int silent);

    @Override
    public native int snd_pcm_link(Pointer pcm1, Pointer pcm2);

    @Override
    public native int snd_pcm_unlink(Pointer pcm);

    @Override
    public native int snd_pcm_delay(Pointer pcm, NativeLongByReference delayp);

    @Override
    public native int snd_pcm_sw_params_get_boundary(Pointer params, NativeLongByReference val);

    @Override
    public native String snd_strerror(int errnum);

    @Override
    public native int snd_lib_error_set_handler(ErrorHandler handler);

    @Override
    public native int snd_card_next(IntByReference card);

    @Override
    public native int snd_ctl_open(PointerByReference ctl, String name, int mode);

    @Override
    public native int snd_ctl_close(Pointer ctl);

    @Override
    public native int snd_ctl_card_info_malloc(PointerByReference info);

    @Override
    public native void snd_ctl_card_info_free(Pointer info);

    @Override
    public native int snd_ctl_card_info(Pointer ctl, Pointer info);

    @Override
    public native String snd_ctl_card_info_get_id(Pointer info);

    @Override
    public native String snd_ctl_card_info_get_longname(Pointer info);

    @Override
    public native int snd_ctl_pcm_next_device(Pointer ctl, IntByReference device);

    @Override
    public native int snd_config_top(PointerByReference config);

    @Override
    public native int snd_config_update_ref(PointerByReference top);

    @Override
    public native void snd_config_unref(Pointer top);

    @Override
    public native int snd_config_copy(PointerByReference dst, Pointer src);

    @Override
    public native int snd_config_delete(Pointer config);

    @Override
    public native int snd_config_load(Pointer config, Pointer in);

    @Override
    public native int snd_config_search(Pointer config, String key, PointerByReference result);

    @Override
    public native Pointer snd_config_iterator_first(Pointer node);

    @Override
    public native Pointer snd_config_iterator_next(Pointer iterator);

    @Override
    public native Pointer snd_config_iterator_end(Pointer node);

    @Override
    public native Pointer snd_config_iterator_entry(Pointer iterator);

    @Override
    public native int snd_config_get_id(Pointer config, PointerByReference id);

    @Override
    public native int snd_input_buffer_open(PointerByReference input, String buffer, NativeLong size);

    @Override
    public native int snd_input_close(Pointer input);

    @Override
    public native int snd_mixer_open(PointerByReference mixer, int mode);

    @Override
    public native int snd_mixer_attach(Pointer mixer, String name);

    @Override
    public native int snd_mixer_selem_register(Pointer mixer, Pointer options, Pointer classp);

    @Override
    public native int snd_mixer_load(Pointer mixer);

    @Override
    public native int snd_mixer_close(Pointer mixer);

    @Override
    public native Pointer snd_mixer_first_elem(Pointer mixer);

    @Override
    public native Pointer snd_mixer_elem_next(Pointer elem);

    @Override
    public native String snd_mixer_selem_get_name(Pointer elem);

    @Override
    public native int snd_mixer_selem_get_index(Pointer elem);

    @Override
    public native int snd_mixer_selem_has_capture_volume(Pointer elem);

    @Override
    public native int snd_mixer_selem_has_capture_switch(Pointer elem);

    @Override
    public native int snd_mixer_selem_has_playback_switch(Pointer elem);

    @Override
    public native int snd_mixer_selem_get_capture_dB_range(Pointer elem, NativeLongByReference min, NativeLongByReference max);

    @Override
    public native int snd_mixer_selem_get_capture_dB(Pointer elem, int channel, NativeLongByReference value);

    @Override
    public native int snd_mixer_selem_set_capture_dB_all(Pointer elem, NativeLong value, int dir);

    @Override
    public native int snd_mixer_selem_get_capture_switch(Pointer elem, int channel, IntByReference value);

    @Override
    public native int snd_mixer_selem_set_capture_switch_all(Pointer elem, int value);

    @Override
    public native int snd_mixer_selem_get_playback_switch(Pointer elem, int channel, IntByReference value);

    @Override
    public native int snd_mixer_selem_set_playback_switch_all(Pointer elem, int value);

    @Override
    public native int snd_pcm_dump(Pointer pcm, Pointer out);

    @Override
    public native int snd_output_buffer_open(PointerByReference outputp);

    @Override
    public native NativeLong snd_output_buffer_string(Pointer output, PointerByReference buf);

    @Override
    public native int snd_output_close(Pointer output);
}

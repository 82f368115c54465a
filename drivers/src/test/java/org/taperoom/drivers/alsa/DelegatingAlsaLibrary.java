package org.taperoom.drivers.alsa;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * An {@link AlsaLibrary} that forwards every call to another (the real alsa-lib); tests extend it
 * and override the one call where they inject an error the plugins cannot produce.
 */
public class DelegatingAlsaLibrary implements AlsaLibrary {
    protected final AlsaLibrary target;

    public DelegatingAlsaLibrary(AlsaLibrary target) {
        this.target = target;
    }

    @Override
    public int snd_pcm_open(PointerByReference pcm, String name, int stream, int mode) {
        return target.snd_pcm_open(pcm, name, stream, mode);
    }

    @Override
    public int snd_pcm_open_lconf(PointerByReference pcm, String name, int stream, int mode, Pointer lconf) {
        return target.snd_pcm_open_lconf(pcm, name, stream, mode, lconf);
    }

    @Override
    public int snd_pcm_close(Pointer pcm) {
        return target.snd_pcm_close(pcm);
    }

    @Override
    public int snd_pcm_hw_params_malloc(PointerByReference params) {
        return target.snd_pcm_hw_params_malloc(params);
    }

    @Override
    public void snd_pcm_hw_params_free(Pointer params) {
        target.snd_pcm_hw_params_free(params);
    }

    @Override
    public int snd_pcm_hw_params_any(Pointer pcm, Pointer params) {
        return target.snd_pcm_hw_params_any(pcm, params);
    }

    @Override
    public int snd_pcm_hw_params_set_access(Pointer pcm, Pointer params, int access) {
        return target.snd_pcm_hw_params_set_access(pcm, params, access);
    }

    @Override
    public int snd_pcm_hw_params_test_format(Pointer pcm, Pointer params, int format) {
        return target.snd_pcm_hw_params_test_format(pcm, params, format);
    }

    @Override
    public int snd_pcm_hw_params_set_format(Pointer pcm, Pointer params, int format) {
        return target.snd_pcm_hw_params_set_format(pcm, params, format);
    }

    @Override
    public int snd_pcm_hw_params_get_channels_min(Pointer params, IntByReference val) {
        return target.snd_pcm_hw_params_get_channels_min(params, val);
    }

    @Override
    public int snd_pcm_hw_params_get_channels_max(Pointer params, IntByReference val) {
        return target.snd_pcm_hw_params_get_channels_max(params, val);
    }

    @Override
    public int snd_pcm_hw_params_set_channels(Pointer pcm, Pointer params, int val) {
        return target.snd_pcm_hw_params_set_channels(pcm, params, val);
    }

    @Override
    public int snd_pcm_hw_params_set_rate_resample(Pointer pcm, Pointer params, int val) {
        return target.snd_pcm_hw_params_set_rate_resample(pcm, params, val);
    }

    @Override
    public int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int val, int dir) {
        return target.snd_pcm_hw_params_test_rate(pcm, params, val, dir);
    }

    @Override
    public int snd_pcm_hw_params_set_rate(Pointer pcm, Pointer params, int val, int dir) {
        return target.snd_pcm_hw_params_set_rate(pcm, params, val, dir);
    }

    @Override
    public int snd_pcm_hw_params_set_period_size_near(Pointer pcm, Pointer params, NativeLongByReference val, IntByReference dir) {
        return target.snd_pcm_hw_params_set_period_size_near(pcm, params, val, dir);
    }

    @Override
    public int snd_pcm_hw_params_set_buffer_size_near(Pointer pcm, Pointer params, NativeLongByReference val) {
        return target.snd_pcm_hw_params_set_buffer_size_near(pcm, params, val);
    }

    @Override
    public int snd_pcm_hw_params_get_period_size(Pointer params, NativeLongByReference val, IntByReference dir) {
        return target.snd_pcm_hw_params_get_period_size(params, val, dir);
    }

    @Override
    public int snd_pcm_hw_params_get_buffer_size(Pointer params, NativeLongByReference val) {
        return target.snd_pcm_hw_params_get_buffer_size(params, val);
    }

    @Override
    public int snd_pcm_hw_params(Pointer pcm, Pointer params) {
        return target.snd_pcm_hw_params(pcm, params);
    }

    @Override
    public int snd_pcm_sw_params_malloc(PointerByReference params) {
        return target.snd_pcm_sw_params_malloc(params);
    }

    @Override
    public void snd_pcm_sw_params_free(Pointer params) {
        target.snd_pcm_sw_params_free(params);
    }

    @Override
    public int snd_pcm_sw_params_current(Pointer pcm, Pointer params) {
        return target.snd_pcm_sw_params_current(pcm, params);
    }

    @Override
    public int snd_pcm_sw_params_set_start_threshold(Pointer pcm, Pointer params, NativeLong val) {
        return target.snd_pcm_sw_params_set_start_threshold(pcm, params, val);
    }

    @Override
    public int snd_pcm_sw_params_set_avail_min(Pointer pcm, Pointer params, NativeLong val) {
        return target.snd_pcm_sw_params_set_avail_min(pcm, params, val);
    }

    @Override
    public int snd_pcm_sw_params(Pointer pcm, Pointer params) {
        return target.snd_pcm_sw_params(pcm, params);
    }

    @Override
    public int snd_pcm_state(Pointer pcm) {
        return target.snd_pcm_state(pcm);
    }

    @Override
    public int snd_pcm_prepare(Pointer pcm) {
        return target.snd_pcm_prepare(pcm);
    }

    @Override
    public int snd_pcm_start(Pointer pcm) {
        return target.snd_pcm_start(pcm);
    }

    @Override
    public int snd_pcm_drop(Pointer pcm) {
        return target.snd_pcm_drop(pcm);
    }

    @Override
    public int snd_pcm_drain(Pointer pcm) {
        return target.snd_pcm_drain(pcm);
    }

    @Override
    public long snd_pcm_readi(Pointer pcm, Pointer buffer, long size) {
        return target.snd_pcm_readi(pcm, buffer, size);
    }

    @Override
    public long snd_pcm_writei(Pointer pcm, Pointer buffer, long size) {
        return target.snd_pcm_writei(pcm, buffer, size);
    }

    @Override
    public int snd_pcm_recover(Pointer pcm, int err, int silent) {
        return target.snd_pcm_recover(pcm, err, silent);
    }

    @Override
    public int snd_pcm_link(Pointer pcm1, Pointer pcm2) {
        return target.snd_pcm_link(pcm1, pcm2);
    }

    @Override
    public int snd_pcm_unlink(Pointer pcm) {
        return target.snd_pcm_unlink(pcm);
    }

    @Override
    public int snd_pcm_delay(Pointer pcm, NativeLongByReference delayp) {
        return target.snd_pcm_delay(pcm, delayp);
    }

    @Override
    public int snd_pcm_sw_params_get_boundary(Pointer params, NativeLongByReference val) {
        return target.snd_pcm_sw_params_get_boundary(params, val);
    }

    @Override
    public String snd_strerror(int errnum) {
        return target.snd_strerror(errnum);
    }

    @Override
    public int snd_lib_error_set_handler(ErrorHandler handler) {
        return target.snd_lib_error_set_handler(handler);
    }

    @Override
    public int snd_card_next(IntByReference card) {
        return target.snd_card_next(card);
    }

    @Override
    public int snd_ctl_open(PointerByReference ctl, String name, int mode) {
        return target.snd_ctl_open(ctl, name, mode);
    }

    @Override
    public int snd_ctl_close(Pointer ctl) {
        return target.snd_ctl_close(ctl);
    }

    @Override
    public int snd_ctl_card_info_malloc(PointerByReference info) {
        return target.snd_ctl_card_info_malloc(info);
    }

    @Override
    public void snd_ctl_card_info_free(Pointer info) {
        target.snd_ctl_card_info_free(info);
    }

    @Override
    public int snd_ctl_card_info(Pointer ctl, Pointer info) {
        return target.snd_ctl_card_info(ctl, info);
    }

    @Override
    public String snd_ctl_card_info_get_id(Pointer info) {
        return target.snd_ctl_card_info_get_id(info);
    }

    @Override
    public String snd_ctl_card_info_get_longname(Pointer info) {
        return target.snd_ctl_card_info_get_longname(info);
    }

    @Override
    public int snd_ctl_pcm_next_device(Pointer ctl, IntByReference device) {
        return target.snd_ctl_pcm_next_device(ctl, device);
    }

    @Override
    public int snd_config_top(PointerByReference config) {
        return target.snd_config_top(config);
    }

    @Override
    public int snd_config_update_ref(PointerByReference top) {
        return target.snd_config_update_ref(top);
    }

    @Override
    public void snd_config_unref(Pointer top) {
        target.snd_config_unref(top);
    }

    @Override
    public int snd_config_copy(PointerByReference dst, Pointer src) {
        return target.snd_config_copy(dst, src);
    }

    @Override
    public int snd_config_delete(Pointer config) {
        return target.snd_config_delete(config);
    }

    @Override
    public int snd_config_load(Pointer config, Pointer in) {
        return target.snd_config_load(config, in);
    }

    @Override
    public int snd_config_search(Pointer config, String key, PointerByReference result) {
        return target.snd_config_search(config, key, result);
    }

    @Override
    public Pointer snd_config_iterator_first(Pointer node) {
        return target.snd_config_iterator_first(node);
    }

    @Override
    public Pointer snd_config_iterator_next(Pointer iterator) {
        return target.snd_config_iterator_next(iterator);
    }

    @Override
    public Pointer snd_config_iterator_end(Pointer node) {
        return target.snd_config_iterator_end(node);
    }

    @Override
    public Pointer snd_config_iterator_entry(Pointer iterator) {
        return target.snd_config_iterator_entry(iterator);
    }

    @Override
    public int snd_config_get_id(Pointer config, PointerByReference id) {
        return target.snd_config_get_id(config, id);
    }

    @Override
    public int snd_input_buffer_open(PointerByReference input, String buffer, NativeLong size) {
        return target.snd_input_buffer_open(input, buffer, size);
    }

    @Override
    public int snd_input_close(Pointer input) {
        return target.snd_input_close(input);
    }

    @Override
    public int snd_mixer_open(PointerByReference mixer, int mode) {
        return target.snd_mixer_open(mixer, mode);
    }

    @Override
    public int snd_mixer_attach(Pointer mixer, String name) {
        return target.snd_mixer_attach(mixer, name);
    }

    @Override
    public int snd_mixer_selem_register(Pointer mixer, Pointer options, Pointer classp) {
        return target.snd_mixer_selem_register(mixer, options, classp);
    }

    @Override
    public int snd_mixer_load(Pointer mixer) {
        return target.snd_mixer_load(mixer);
    }

    @Override
    public int snd_mixer_close(Pointer mixer) {
        return target.snd_mixer_close(mixer);
    }

    @Override
    public Pointer snd_mixer_first_elem(Pointer mixer) {
        return target.snd_mixer_first_elem(mixer);
    }

    @Override
    public Pointer snd_mixer_elem_next(Pointer elem) {
        return target.snd_mixer_elem_next(elem);
    }

    @Override
    public String snd_mixer_selem_get_name(Pointer elem) {
        return target.snd_mixer_selem_get_name(elem);
    }

    @Override
    public int snd_mixer_selem_get_index(Pointer elem) {
        return target.snd_mixer_selem_get_index(elem);
    }

    @Override
    public int snd_mixer_selem_has_capture_volume(Pointer elem) {
        return target.snd_mixer_selem_has_capture_volume(elem);
    }

    @Override
    public int snd_mixer_selem_has_capture_switch(Pointer elem) {
        return target.snd_mixer_selem_has_capture_switch(elem);
    }

    @Override
    public int snd_mixer_selem_has_playback_switch(Pointer elem) {
        return target.snd_mixer_selem_has_playback_switch(elem);
    }

    @Override
    public int snd_mixer_selem_get_capture_dB_range(Pointer elem, NativeLongByReference min, NativeLongByReference max) {
        return target.snd_mixer_selem_get_capture_dB_range(elem, min, max);
    }

    @Override
    public int snd_mixer_selem_get_capture_dB(Pointer elem, int channel, NativeLongByReference value) {
        return target.snd_mixer_selem_get_capture_dB(elem, channel, value);
    }

    @Override
    public int snd_mixer_selem_set_capture_dB_all(Pointer elem, NativeLong value, int dir) {
        return target.snd_mixer_selem_set_capture_dB_all(elem, value, dir);
    }

    @Override
    public int snd_mixer_selem_get_capture_switch(Pointer elem, int channel, IntByReference value) {
        return target.snd_mixer_selem_get_capture_switch(elem, channel, value);
    }

    @Override
    public int snd_mixer_selem_set_capture_switch_all(Pointer elem, int value) {
        return target.snd_mixer_selem_set_capture_switch_all(elem, value);
    }

    @Override
    public int snd_mixer_selem_get_playback_switch(Pointer elem, int channel, IntByReference value) {
        return target.snd_mixer_selem_get_playback_switch(elem, channel, value);
    }

    @Override
    public int snd_mixer_selem_set_playback_switch_all(Pointer elem, int value) {
        return target.snd_mixer_selem_set_playback_switch_all(elem, value);
    }

    @Override
    public int snd_pcm_dump(Pointer pcm, Pointer out) {
        return target.snd_pcm_dump(pcm, out);
    }

    @Override
    public int snd_output_buffer_open(PointerByReference outputp) {
        return target.snd_output_buffer_open(outputp);
    }

    @Override
    public NativeLong snd_output_buffer_string(Pointer output, PointerByReference buf) {
        return target.snd_output_buffer_string(output, buf);
    }

    @Override
    public int snd_output_close(Pointer output) {
        return target.snd_output_close(output);
    }
}

package org.taperoom.drivers.alsa;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.DuplexStreams;
import org.tinylog.Logger;
import org.taperoom.drivers.audio.DeviceInfo.Capabilities;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * ALSA devices through alsa-lib: every card's PCM devices ({@code hw:CARD=<id>,DEV=<n>}), any PCM
 * name alsa-lib knows ({@code plughw:...}, {@code default}, names from asound.conf), and the PCMs of
 * an extra configuration text given to the constructor (see {@link AlsaConfigTree}).
 *
 * <p>Thread-safe for the methods of {@link AudioBackend}: each call opens its own handles. The
 * extra configuration tree is owned by the backend until {@link #close()}.
 */
public final class AlsaBackend implements AudioBackend, AutoCloseable {
    private final AlsaLibrary lib;
    /** Null when no extra configuration was given. */
    private final AlsaConfigTree extra;
    /** SCHED_FIFO priority capture streams ask for when they start on their thread; 0 asks for nothing. */
    private final int fifoPriority;
    /** The format every stream is opened in whatever the caller asks, or null to honour the request. */
    private final SampleFormat pinnedFormat;

    /** The system's ALSA devices through the real alsa-lib. */
    public AlsaBackend() {
        this.lib = AlsaNative.quiet();
        this.extra = null;
        this.fifoPriority = 0;
        this.pinnedFormat = null;
    }

    /**
     * @param lib               the binding (a fake in tests that inject errors)
     * @param extraConfigText   PCM definitions in alsa.conf syntax added to the system's, or null
     */
    public AlsaBackend(AlsaLibrary lib, String extraConfigText) throws AudioDeviceException {
        this(lib, extraConfigText, 0, null);
    }

    /**
     * @param fifoPriority  1..99: each capture and playback stream raises the thread that starts it to SCHED_FIFO
     *                      at this priority (logging one line either way); 0 leaves scheduling alone
     * @param pinnedFormat  the sample format to open every device in, overriding the caller's
     *                      choice, or null. For interfaces that offer several, and for alsa-lib's
     *                      file plugin, which takes whatever format it is opened in for its file's
     */
    public AlsaBackend(AlsaLibrary lib, String extraConfigText, int fifoPriority, SampleFormat pinnedFormat) throws AudioDeviceException {
        this.lib = lib;
        this.extra = extraConfigText == null || extraConfigText.isBlank() ? null : AlsaConfigTree.load(lib, extraConfigText);
        this.fifoPriority = fifoPriority;
        this.pinnedFormat = pinnedFormat;
    }

    private StreamConfig pinned(StreamConfig request) {
        return pinnedFormat == null ? request : new StreamConfig(request.channels(), request.rateHz(), request.periodFrames(),
                request.bufferPeriods(), pinnedFormat);
    }

    AlsaLibrary library() {
        return lib;
    }

    @Override
    public List<DeviceInfo> devices() throws AudioDeviceException {
        List<DeviceInfo> out = new ArrayList<>();
        IntByReference card = new IntByReference(-1);
        while (lib.snd_card_next(card) == 0 && card.getValue() >= 0) {
            out.addAll(cardDevices(card.getValue()));
        }
        if (extra != null) {
            for (String name : extra.pcmNames()) {
                out.add(new DeviceInfo(name, "defined in Taperoom's ALSA configuration", probe(name, PcmDirection.CAPTURE),
                        probe(name, PcmDirection.PLAYBACK)));
            }
        }
        return out;
    }

    private List<DeviceInfo> cardDevices(int index) {
        List<DeviceInfo> out = new ArrayList<>();
        PointerByReference ctlRef = new PointerByReference();
        if (lib.snd_ctl_open(ctlRef, "hw:" + index, 0) < 0) return out;
        Pointer ctl = ctlRef.getValue();
        PointerByReference infoRef = new PointerByReference();
        try {
            if (lib.snd_ctl_card_info_malloc(infoRef) < 0) return out;
            Pointer info = infoRef.getValue();
            try {
                if (lib.snd_ctl_card_info(ctl, info) < 0) return out;
                String id = lib.snd_ctl_card_info_get_id(info);
                String longName = lib.snd_ctl_card_info_get_longname(info);
                IntByReference dev = new IntByReference(-1);
                while (lib.snd_ctl_pcm_next_device(ctl, dev) == 0 && dev.getValue() >= 0) {
                    String name = "hw:CARD=" + id + ",DEV=" + dev.getValue();
                    out.add(new DeviceInfo(name, longName, probe(name, PcmDirection.CAPTURE), probe(name, PcmDirection.PLAYBACK)));
                }
            } finally {
                lib.snd_ctl_card_info_free(info);
            }
        } finally {
            lib.snd_ctl_close(ctl);
        }
        return out;
    }

    /** Capabilities in one direction, or null when the device cannot be opened that way (absent, or busy). */
    private Capabilities probe(String name, PcmDirection direction) {
        try (AlsaPcm pcm = open(name, direction, AlsaLibrary.SND_PCM_NONBLOCK)) {
            return pcm.capabilities();
        } catch (AlsaException e) {
            return null;
        }
    }

    private AlsaPcm open(String name, PcmDirection direction, int mode) throws AlsaException {
        boolean ours = extra != null && extra.pcmNames().contains(name);
        return AlsaPcm.open(lib, ours ? extra.tree() : null, name, direction, mode);
    }

    /** A card listed in /proc/asound/cards, or for another PCM name, one that opens ({@link DevicePresence}). */
    @Override
    public boolean present(String deviceName) {
        return DevicePresence.system(this).isPresent(deviceName);
    }

    /**
     * Whether {@code name} is there to capture from: it opens now (non-blocking, closed at once),
     * or it is busy. A PCM over a hardware device is exclusive, so while the engine itself holds
     * it, opening it again gives -EBUSY; that is a device in use, not one unplugged.
     */
    public boolean canOpenCapture(String name) {
        try (AlsaPcm pcm = open(name, PcmDirection.CAPTURE, AlsaLibrary.SND_PCM_NONBLOCK)) {
            return true;
        } catch (AlsaException e) {
            return e.errorCode() == -AlsaException.EBUSY;
        }
    }

    @Override
    public AlsaCaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
        AlsaPcm pcm = openOrExplain(deviceName, PcmDirection.CAPTURE);
        try {
            return new AlsaCaptureStream(pcm, pcm.configure(pinned(request)), fifoPriority);
        } catch (AudioDeviceException | RuntimeException e) {
            pcm.close();
            throw e;
        }
    }

    @Override
    public AlsaPlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
        AlsaPcm pcm = openOrExplain(deviceName, PcmDirection.PLAYBACK);
        try {
            return new AlsaPlaybackStream(pcm, pcm.configure(pinned(request)), fifoPriority);
        } catch (AudioDeviceException | RuntimeException e) {
            pcm.close();
            throw e;
        }
    }

    /**
     * Opens capture and playback of {@code deviceName} and links them ({@code snd_pcm_link}) so
     * both start when the playback buffer is first full and run on one clock: the capture's start
     * threshold becomes the boundary, so its first read waits for that start instead of starting
     * it alone. Where alsa-lib refuses the link (a plugin without one, two different cards), both
     * stay open unlinked, each starting on its own, and one log line says why.
     */
    @Override
    public DuplexStreams openDuplex(String deviceName, StreamConfig captureRequest, StreamConfig playbackRequest)
            throws AudioDeviceException {
        AlsaCaptureStream capture = openCapture(deviceName, captureRequest);
        AlsaPlaybackStream playback;
        try {
            playback = openPlayback(deviceName, playbackRequest);
        } catch (AudioDeviceException | RuntimeException e) {
            capture.close();
            throw e;
        }
        try {
            int err = capture.pcm().link(playback.pcm());
            if (err < 0) {
                String note = "linking capture and playback of '" + deviceName + "' refused (snd_pcm_link: " + lib.snd_strerror(err)
                        + "); they start one after the other, so an overdub is only as aligned as two separate starts";
                Logger.warn(note);
                return new DuplexStreams(capture, playback, false, note);
            }
            capture.pcm().startOnlyWithPartner();
            Logger.info("capture and playback of '{}' linked: one start, one clock", deviceName);
            return new DuplexStreams(capture, playback, true, "linked with snd_pcm_link");
        } catch (AudioDeviceException | RuntimeException e) {
            playback.close();
            capture.close();
            throw e;
        }
    }

    /** Opens in blocking mode; when that fails, the message says why and lists the devices that can. */
    private AlsaPcm openOrExplain(String deviceName, PcmDirection direction) throws AudioDeviceException {
        try {
            return open(deviceName, direction, 0);
        } catch (AlsaException e) {
            String why = lib.snd_strerror(e.errorCode());
            String listing;
            try {
                listing = devices().stream()
                        .filter(d -> (direction == PcmDirection.CAPTURE ? d.capture() : d.playback()) != null)
                        .map(DeviceInfo::name).collect(Collectors.joining(", "));
            } catch (AudioDeviceException listingFailed) {
                listing = "";
            }
            throw new AlsaException("cannot open " + direction.word + " device '" + deviceName + "' (" + why + "); "
                    + (listing.isEmpty() ? "no ALSA " + direction.word + " devices found" : direction.word + " devices: " + listing)
                    + " (see 'taperoom devices')", e.errorCode());
        }
    }

    @Override
    public void close() {
        if (extra != null) extra.close();
    }
}

package org.taperoom.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.PanelKeys;
import org.taperoom.appliance.config.SchoolKeys;
import org.taperoom.appliance.config.TelemetryKeys;
import org.taperoom.appliance.control.InputArming;
import org.taperoom.drivers.audio.InputGain;
import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.web.share.ShareLinks;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PanelMetrics;
import org.taperoom.appliance.panel.LiveMonitoring;
import org.taperoom.appliance.panel.PanelPlayback;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.web.api.CalibrationApi;
import org.taperoom.web.api.InputsApi;
import org.taperoom.web.api.ExportsApi;
import org.taperoom.web.api.JobsApi;
import org.taperoom.web.api.MetricsApi;
import org.taperoom.web.api.MixMasterApi;
import org.taperoom.web.api.PreviewApi;
import org.taperoom.web.api.ShareApi;
import org.taperoom.web.api.SessionApi;
import org.taperoom.web.api.SettingsApi;
import org.taperoom.web.api.MonitorApi;
import org.taperoom.appliance.config.MonitorKeys;
import org.taperoom.appliance.playback.MonitorChoice;
import org.taperoom.appliance.playback.MonitorMix;
import org.taperoom.appliance.playback.MonitorOutputs;
import org.taperoom.appliance.playback.MonitorRouting;
import org.taperoom.web.api.StateApi;
import org.taperoom.web.api.TakesApi;
import org.taperoom.web.api.TransportApi;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.school.ClassExportApi;
import org.taperoom.web.practice.PracticeApi;
import org.taperoom.web.practice.Practices;
import org.taperoom.web.school.School;
import org.taperoom.web.school.StudentsApi;
import org.taperoom.web.school.WorkApi;
import org.taperoom.web.live.MeterPump;
import org.taperoom.web.playback.Playback;
import org.taperoom.web.publish.PublishApi;
import org.taperoom.web.publish.UploadPump;
import org.taperoom.web.release.ReleaseApi;
import org.taperoom.web.tuner.TunerApi;
import org.taperoom.web.sheets.SheetDetectionApi;
import org.taperoom.web.sheets.SheetsApi;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.security.Guard;
import org.taperoom.web.security.HostNames;
import org.taperoom.web.security.LoginThrottle;
import org.taperoom.web.security.PinLock;
import org.taperoom.web.security.Sessions;
import org.taperoom.web.server.PanelServer;
import org.taperoom.web.server.Route;
import org.taperoom.web.server.RouteTable;
import org.taperoom.web.songs.SongExports;
import org.taperoom.web.songs.Songs;
import org.taperoom.web.songs.SongsApi;
import org.taperoom.web.songs.TappedTempo;
import org.taperoom.web.takes.TakeCatalog;
import org.taperoom.web.takes.Waveforms;

/** A running panel: the server, the live hub and its meter thread, wired to one {@link PanelContext}. */
public final class WebPanel implements Panel {
    private final PanelServer server;
    private final MeterPump meters;
    private final LiveHub hub;
    /** Closed with the panel only when it is the panel's own (not the service's shared one). */
    private final RenderService ownRenders;
    private final JobsApi jobs;
    private final String host;
    private final List<Route> routes;
    private final Playback playback;
    /** Pushes the publisher's figures; null when nothing is published. Set once by start(). */
    private UploadPump uploadPump;
    private final TunerApi tuner;
    private final School school;

    private WebPanel(PanelServer server, MeterPump meters, LiveHub hub, RenderService ownRenders, JobsApi jobs, String host,
                     List<Route> routes, Playback playback, TunerApi tuner, School school) {
        this.playback = playback;
        this.tuner = tuner;
        this.school = school;
        this.server = server;
        this.meters = meters;
        this.hub = hub;
        this.ownRenders = ownRenders;
        this.jobs = jobs;
        this.host = host;
        this.routes = routes;
    }

    /**
     * Starts the panel. Refuses, with a one-line message, to listen beyond loopback without a PIN:
     * a panel on a school's Wi-Fi without one would let anyone delete the takes.
     */
    public static WebPanel start(PanelContext context) throws Exception {
        Config config = context.config();
        String host = config.get(PanelKeys.ADDRESS);
        String pinHash = config.get(PanelKeys.PIN_HASH);
        if (pinHash.isEmpty() && !isLoopback(host)) {
            throw new IllegalStateException("the panel would listen on " + host + " without a PIN: set " + PanelKeys.PIN_HASH.name()
                    + " ('echo 123456 | sudo taperoom serve --set-pin' on the appliance, the Settings page or 'taperoom demo --pin' makes one) or " + PanelKeys.ADDRESS.name() + " = 127.0.0.1");
        }
        Sessions sessions = new Sessions(TimeUnit.MINUTES.toMillis(config.get(PanelKeys.SESSION_MINUTES)), Clock.systemUTC());
        PinLock pin = new PinLock(pinHash, new LoginThrottle(Clock.systemUTC()));
        InputArming arming = context.arming() != null ? context.arming() : new InputArming(Math.max(1, context.recorder().status().channels()));
        InputGain gain = context.gain() != null ? context.gain() : InputGain.NONE;
        PlaybackService playbackService = PanelPlayback.open(context);
        MonitorChoice monitor = monitorChoice(context);
        LiveMonitoring.follow(context.recorder(), monitor, playbackService);
        StateApi state = new StateApi(context.transport(), context.recorder(), context.uploads(), playbackService::gaps);
        LiveHub hub = new LiveHub(sessions, state::stateMessage);
        TakeCatalog takes = Library.open(context);
        School school = School.start(config, context.library(), context.transport(), context.recorder());
        RenderService ownRenders = context.renders() == null ? new RenderService() : null;
        RenderService renders = ownRenders != null ? ownRenders : context.renders();
        // The share links need the panel's address, known only once the server listens.
        URI[] urlHolder = new URI[1];
        ShareLinks links = new ShareLinks(Clock.systemUTC());
        JobsApi jobs = new JobsApi(takes, renders, hub::eventAbout);
        ExportsApi exports = new ExportsApi(takes, renders, jobs);
        Songs songs = new Songs(context.library().root(), takes);
        ExportsApi songExports = SongExports.api(songs, renders, jobs);
        Playback playback = Playback.start(playbackService, takes, hub);
        // A session's live sockets and streams end with it; a new PIN ends every one (each browser
        // logs in again or, for the session that changed it, reconnects).
        // The browser stream carries a take's sound: a student hears only their own.
        playback.stream().audibleTo(cookie -> playback.api().audibleTo(sessions.personOf(cookie)));
        sessions.onEnd(id -> {
            hub.endSession(id);
            playback.stream().endSession(id);
        });
        pin.onChange(() -> {
            hub.closeAll("PIN changed");
            playback.stream().closeAll("PIN changed");
        });
        UploadPump pump = context.uploads() == null ? null : new UploadPump(context.uploads(), hub::event);
        TunerApi tuner = new TunerApi(context.recorder(), hub::event);
        RouteTable table = new RouteTable()
                .add(new SessionApi(sessions, pin, school.roster(), Math.round(config.get(SchoolKeys.STUDENT_IDLE_MINUTES) * 60_000)).routes())
                .add(state.routes())
                .add(new TransportApi(context.transport(), state, school.quota()).routes())
                .add(new InputsApi(arming, gain).routes())
                .add(new TakesApi(takes, new Waveforms(), context.transport(), links, id -> hub.event(takesMessage())).routes())
                .add(new MixMasterApi(takes, renders, playback::settingsSaved).routes())
                .add(new PreviewApi(takes, renders, jobs).routes())
                .add(exports.routes())
                .add(new ShareApi(exports, links, () -> urlHolder[0]).routes())
                .add(jobs.routes())
                .add(playback.routes())
                .add(tuner.routes())
                .add(new SheetsApi(takes, new SongLibrary(context.library().root())).routes())
                .add(new SheetDetectionApi(takes, new SongLibrary(context.library().root())).routes())
                .add(SongsApi.routes(songs, context.transport(), arming::inputs, playback.api(), renders, jobs, hub::event))
                .add(songExports.routes())
                .add(new ShareApi(songExports, links, () -> urlHolder[0]).routes())
                .add(new SettingsApi(config, context.configFile(), context.transport(), context.recorder(), arming,
                        context.captureDevices() != null ? context.captureDevices() : List::of, pin, sessions).routes())
                .add(new CalibrationApi(context.transport()).routes())
                .add(new MonitorApi(monitor, context.configFile(), arming::inputs).routes())
                .add(new StudentsApi(school.roster(), sessions, school.quota(), () -> urlHolder[0]).routes())
                .add(new WorkApi(takes, school.roster()).routes())
                .add(new ClassExportApi(school.exports()).routes())
                .add(new PracticeApi(new Practices(context.library().root()), context.library().root(), context.transport(), playback.api(),
                        () -> context.recorder().status().rateHz(), arming::inputs).routes())
                .add(new MetricsApi(PanelMetrics.of(context), config.get(TelemetryKeys.TOKEN_SHA256)).routes())
                // Distribution: releases of a take, and the service's upload queue.
                .add(new ReleaseApi(takes, context.library().root(), renders, jobs).routes())
                .add(new PublishApi(context.uploads(), context.library().root(), () -> { if (pump != null) pump.push(); }).routes());
        PanelServer server = new PanelServer(host, config.get(PanelKeys.PORT), table.routes(), new Guard(sessions, new HostNames(host, config.get(PanelKeys.HOST_NAMES))), hub,
                playback.stream()::configure).start();
        urlHolder[0] = server.url(host);
        context.transport().addTempoListener(new TappedTempo(songs, playbackService, hub::event));
        context.transport().addListener(view -> {
            hub.eventFor(state::stateMessage);
            // A take has just ended (or failed to start): the Takes page refreshes its list.
            if (view.state() == org.taperoom.appliance.control.TransportState.IDLE) hub.event(takesMessage());
        });
        MeterPump meters = new MeterPump(context.recorder(), hub);
        meters.start();
        WebPanel panel = new WebPanel(server, meters, hub, ownRenders, jobs, host, table.routes(), playback, tuner, school);
        if (pump != null) panel.uploadPump = pump.start();
        return panel;
    }

    static String takesMessage() {
        return "{\"type\":\"takes\"}";
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void follow(RenderJob job) {
        jobs.follow(job, null, () -> hub.event(takesMessage()));
    }

    @Override
    public URI url() {
        return server.url(host);
    }

    public int port() {
        return server.port();
    }

    public List<Route> routes() {
        return routes;
    }

    public PanelServer server() {
        return server;
    }

    public LiveHub hub() {
        return hub;
    }

    public Playback playback() {
        return playback;
    }

    public School school() {
        return school;
    }

    public MeterPump meters() {
        return meters;
    }

    @Override
    public void close() {
        if (uploadPump != null) uploadPump.close();
        meters.close();
        tuner.close();
        school.close();
        playback.close();
        hub.closeAll("server stopping");
        server.close();
        if (ownRenders != null) ownRenders.close();
    }

    /** The passes' monitor routing, or for a panel started without one, its own from the configuration. */
    private static MonitorChoice monitorChoice(PanelContext context) {
        if (context.monitor() != null) return context.monitor();
        Config c = context.config();
        MonitorRouting r;
        try {
            r = new MonitorRouting(c.get(MonitorKeys.MONITOR_ON), MonitorOutputs.parse(c.get(MonitorKeys.MONITOR_OUTPUTS)),
                    MonitorMix.parse(c.get(MonitorKeys.MONITOR_MIX)));
        } catch (IllegalArgumentException e) {
            r = MonitorRouting.OFF;
        }
        return new MonitorChoice(r);
    }
}

package org.taperoom.appliance.cli;

import java.util.List;

/** Every sub-command, in the order {@code taperoom --help} lists them. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(new ServeCommand(), new DemoCommand(), new RecordCommand(), new RecoverCommand(), new DevicesCommand(),
                new AnalyzeCommand(), new RenderCommand(), new TunerCommand(), new MetronomeCommand(), new PlayCommand(),
                new ReleaseCommand(), new PublishCommand(), new SongCommand(), new OverdubCommand(), new CalibrateCommand());
    }
}

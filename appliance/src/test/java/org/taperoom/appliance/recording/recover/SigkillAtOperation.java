package org.taperoom.appliance.recording.recover;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.wav.HookedFileOps;

/**
 * The child process of {@link FinishKillPointsTest}: runs the {@link FinishScenario} in the library
 * given first and sends itself SIGKILL just before the file operation whose 0-based index is given
 * second (what an LD_PRELOAD shim would do at the system call).
 */
public final class SigkillAtOperation extends HookedFileOps {
    private final long killBefore;
    private long done;

    private SigkillAtOperation(long killBefore) {
        this.killBefore = killBefore;
    }

    public static void main(String[] args) throws Exception {
        SigkillAtOperation ops = new SigkillAtOperation(Long.parseLong(args[1]));
        new FinishScenario().run(Path.of(args[0]), ops, () -> ops.done);
        System.out.println("finished without being killed");
    }

    @Override
    protected boolean before(String kind, long pos, int bytes) throws IOException {
        if (done++ != killBefore) return true;
        try {
            new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("SIGKILL did not arrive");
    }
}

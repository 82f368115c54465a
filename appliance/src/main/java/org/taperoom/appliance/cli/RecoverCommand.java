package org.taperoom.appliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.recover.TakeRecovery;

/** {@code taperoom recover}: repairs the unfinished takes of a library and says what it did. */
final class RecoverCommand implements Command {
    @Override
    public String name() {
        return "recover";
    }

    @Override
    public String summary() {
        return "Repair unfinished takes (after a crash or power cut) in the library; prints one line per repaired take.";
    }

    @Override
    public List<Flag> flags() {
        return List.of();
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        Path library = args.config().get(RecordingKeys.LIBRARY);
        if (Files.exists(library) && !Files.isDirectory(library)) {
            throw new UsageException("--library " + library + " is a file; it must be a library folder");
        }
        if (!Files.isDirectory(library)) throw new UsageException("--library " + library + ": no such folder");
        List<TakeRecovery.Repair> repairs = TakeRecovery.recoverLibrary(library);
        if (repairs.isEmpty()) {
            System.out.println("nothing to repair in " + library);
        } else {
            for (TakeRecovery.Repair r : repairs) System.out.println("repaired " + r.summary());
        }
        return 0;
    }
}

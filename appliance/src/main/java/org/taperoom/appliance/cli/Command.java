package org.taperoom.appliance.cli;

import java.util.List;

/**
 * A sub-command of {@code taperoom}. Implementations are small classes listed in {@link Commands}.
 */
public interface Command {
    /** The word after {@code taperoom}; part of the contract (README, "Command line"). */
    String name();

    /** One line for {@code taperoom --help}. */
    String summary();

    /** Positional arguments for the usage line ({@code "FILE"}), or empty. */
    default String positionals() {
        return "";
    }

    /** The flags of this command, besides the configuration keys when {@link #readsConfig()}. */
    List<Flag> flags();

    /**
     * Whether every configuration key is also accepted as a flag ({@code --channels 8}) and
     * {@code --config FILE} names the file to read.
     */
    default boolean readsConfig() {
        return false;
    }

    /**
     * Runs the command. Returns the exit status. Throws {@link UsageException} for bad input
     * (exit 2); any other exception is reported in one line (exit 1).
     */
    int run(Args args) throws Exception;
}

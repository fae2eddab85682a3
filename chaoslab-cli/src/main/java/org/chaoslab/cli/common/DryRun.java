package org.chaoslab.cli.common;

import java.util.function.Supplier;

/**
 * Validation without running: a command run inside {@link #during} stops where it would create its output directory
 * ({@link OutputDirectory#check}), after it has built and checked its model, parameters and resources — the point where
 * every command has said everything it has to say about bad input. The sweep uses it to check every point of a spec
 * before any point runs. A command's exit code is then 0 (valid) or its bad-input code with its one-line message.
 */
public final class DryRun {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private DryRun() {
    }

    /** Thrown at the checkpoint of a dry run; the command line maps it to exit 0. */
    public static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached() {
            super("dry run: the command's input is valid", null, false, false);
        }
    }

    /** Runs {@code body} with dry runs active on this thread. */
    public static <T> T during(Supplier<T> body) {
        boolean before = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return body.get();
        } finally {
            ACTIVE.set(before);
        }
    }

    /** Stops a dry run here (does nothing in a real run). */
    static void checkpoint() {
        if (ACTIVE.get()) {
            throw new Reached();
        }
    }
}

package org.chaoslab.cli.sweep;

import java.util.List;

/** How a spec's parameter becomes command-line arguments. */
final class SweepArguments {

    private SweepArguments() {
    }

    /**
     * Appends {@code --name value}; a boolean switch is {@code --name} when true and absent when false (the spec's
     * validation refuses {@code false} for a switch whose default is true); numbers print without a trailing ".0"
     * when integral, so integer options accept them.
     */
    static void append(List<String> args, String name, Object value) {
        if (value instanceof Boolean b) {
            if (b) {
                args.add("--" + name);
            }
            return;
        }
        args.add("--" + name);
        args.add(text(value));
    }

    /** The text of a parameter value as typed on the command line. */
    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}

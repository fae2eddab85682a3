package org.chaoslab.cli.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.chaoslab.cli.Main;
import picocli.CommandLine;

/**
 * One point of a batched gain sweep ({@link SimulateRateBatch}, {@link LyapunovBatch}), parsed and validated by the
 * command's own options and code: {@code COMMAND ARGS [--g g]}, bad input as an IllegalArgumentException with the
 * command's one-line message. What a batch sets itself (--g) or cannot use (--out, --force, help) is refused.
 */
final class BatchPoint {

    private BatchPoint() {
    }

    /**
     * The command object of {@code command args [--g gain]} (gain null: the arguments alone), prepared by
     * {@code prepare}.
     */
    static <C, P> P prepare(List<String> command, List<String> args, Double gain, Class<C> type, Function<C, P> prepare) {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        CommandLine.ParseResult parsed = Main.parse(line.toArray(new String[0]));
        refuse(parsed, "--g", "--g is the swept parameter: give the gains beside the arguments, not among them");
        refuse(parsed, "--out", "--out is not used by a batched gain sweep (it writes no files): leave it out");
        refuse(parsed, "--force", "--force is not used by a batched gain sweep (it writes no files): leave it out");
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            throw new IllegalArgumentException("--help and --version are not runs");
        }
        if (gain != null) {
            line.add("--g");
            line.add(Double.toString(gain));
            parsed = Main.parse(line.toArray(new String[0]));
        }
        C command0 = type.cast(parsed.commandSpec().userObject());
        try {
            return prepare.apply(command0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Main.inputError(e, parsed.commandSpec()), e);
        }
    }

    private static void refuse(CommandLine.ParseResult parsed, String option, String why) {
        if (parsed.hasMatchedOption(option)) {
            throw new IllegalArgumentException(why);
        }
    }
}

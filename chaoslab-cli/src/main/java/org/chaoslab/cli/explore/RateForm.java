package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chaoslab.cli.common.ParameterFlags;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.cli.rate.NetworkOptions;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The rate view's parameters as the command line reads them: the browser's values become the arguments
 * {@code --n V --g V --phi V --j0 V --input V --noise V --seed V} of a command with the CLI's own
 * {@link NetworkOptions}, parsed by picocli and checked by {@link NetworkOptions#theoryNetwork()}; so a value the
 * CLI refuses is refused here with the CLI's message (the flag in place of the core's parameter name, as
 * {@link ParameterFlags} makes it), and nothing unchecked reaches the simulator. The explorer adds one limit of its own:
 * N &le; {@link #MAX_N} (a live view steps an N × N matrix many times per second).
 */
@Command(name = "rate", description = "The explorer's rate view.")
public final class RateForm {

    /** The largest N of a live rate network. */
    public static final int MAX_N = 4000;
    /** The parameters a browser may set, by the name of their flag without dashes, in the order they are checked. */
    public static final List<String> FIELDS = List.of("n", "g", "phi", "j0", "input", "noise", "seed");

    @Mixin
    NetworkOptions network;

    @Option(names = "--seed", description = "Master seed of the couplings, the initial state and the noise.", defaultValue = "1")
    long seed;

    private static final Pattern FLAG = Pattern.compile("--([a-z0-9-]+)");

    /**
     * A validated description: the network (its g, noise, ... as the theory commands accept them) and the seed.
     *
     * @param network the rate network (N ≤ {@link #MAX_N}, within the theory's range)
     * @param seed    the master seed
     * @param values  every field as parsed, by name (what the summary's parameters record)
     */
    public record Parameters(RateNetwork network, long seed, Map<String, Object> values) {
    }

    /**
     * The outcome of checking the browser's values: the parameters, or a message per field (the CLI's message, without
     * its "chaoslab: error: " prefix).
     */
    public record Result(Parameters parameters, Map<String, String> errors) {

        /** Whether the values were accepted. */
        public boolean ok() {
            return parameters != null;
        }
    }

    /**
     * Checks {@code values} (field name to the text typed; every name of {@link #FIELDS}, no other).
     *
     * @throws IllegalArgumentException for a missing or unknown field name (a protocol error, not a bad value)
     */
    public static Result check(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "' (the rate view has " + String.join(", ", FIELDS) + ")");
            }
        }
        List<String> args = new ArrayList<>();
        for (String f : FIELDS) {
            String v = values.get(f);
            if (v == null) {
                throw new IllegalArgumentException("parameter '" + f + "' is missing (the rate view needs " + String.join(", ", FIELDS) + ")");
            }
            args.add("--" + f);
            args.add(v.trim());
        }
        RateForm form = new RateForm();
        CommandLine cl = new CommandLine(form);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            String field = e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName().replaceFirst("^-+", "") : fieldOf(e.getMessage());
            return new Result(null, Map.of(field, firstLine(e.getMessage())));
        }
        try {
            RateNetwork net = form.network.theoryNetwork();
            if (net.size() > MAX_N) {
                throw new IllegalArgumentException("--n must be in [1, " + MAX_N + "] in the explorer (a live view steps an N x N "
                        + "matrix several times per frame; 'simulate rate' runs larger networks; got " + net.size() + ")");
            }
            Map<String, Object> all = RunSummary.parameters(cl.getCommandSpec());
            Map<String, Object> parsed = new LinkedHashMap<>();
            for (String f : FIELDS) {
                parsed.put(f, all.get(f));
            }
            return new Result(new Parameters(net, form.seed, parsed), Map.of());
        } catch (IllegalArgumentException e) {
            String message = ParameterFlags.apply(firstLine(e.getMessage()), cl.getCommandSpec());
            return new Result(null, Map.of(fieldOf(message, values), message));
        }
    }

    /**
     * The field a model's message concerns: φ or the noise when their text alone is refused by their parser (the core
     * names their parts — "gain", "threshold", "sigma" — which are not flags), else as {@link #fieldOf(String)}.
     */
    static String fieldOf(String message, Map<String, String> values) {
        try {
            TransferFunctions.parse(values.get("phi").trim());
        } catch (IllegalArgumentException e) {
            return "phi";
        }
        try {
            Noise.parse(values.get("noise").trim());
        } catch (IllegalArgumentException e) {
            return "noise";
        }
        return fieldOf(message);
    }

    /**
     * The field a message concerns: its first flag that is a field, else "form" (a message about the combination; it
     * still says what is wrong).
     */
    static String fieldOf(String message) {
        Matcher m = FLAG.matcher(message == null ? "" : message);
        while (m.find()) {
            if (FIELDS.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return "form";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s.trim() : s.substring(0, nl).trim();
    }
}

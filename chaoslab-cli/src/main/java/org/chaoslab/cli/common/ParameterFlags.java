package org.chaoslab.cli.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one place where the core's parameter names become the flags of the command that was run. Core messages name a
 * parameter as the model does ({@code "nE (number of excitatory units) must be >= 1 (got 0)"}, see
 * {@code org.chaoslab.model.Validate}); {@link org.chaoslab.cli.Main}'s error handler passes each bad-input message
 * through {@link #apply(String, CommandSpec)}, so that the user reads {@code "--ne (number of excitatory units) must be
 * >= 1 (got 0)"}.
 *
 * <p>A message is rewritten only when it starts with a parameter name of {@link #FLAGS} (a whole word: followed by a
 * space or the end) for which the command declares one of the flags: the name is replaced by the first of them that the
 * command declares, the words in parentheses right after it are kept as they are, and in the rest of the message up to
 * its {@code " (got "} (the offending value) every other parameter name of the table that the command declares a flag
 * for is replaced the same way ({@code "k must be <= min(nE, nI) = 50 (got 80)"} becomes {@code "--k must be <=
 * min(--ne, --ni) = 50 (got 80)"}). A message that starts with one of the beginnings of {@link #TOPICS} gets the flags it
 * concerns in front ({@code "--g: the spectral radius must be < 1 ..."}). Every other message, among them the CLI's
 * own (they start with the flag already), is printed as it is.
 */
public final class ParameterFlags {

    /**
     * Parameter name in the core (record component or field) to the flags that set it, preferred first: a name means the
     * same in every command that declares one of its flags.
     */
    static final Map<String, List<String>> FLAGS = table(
            // BalancedNetwork
            "nE", "--ne", "nI", "--ni", "k", "--k", "jEE", "--jee", "jEI", "--jei", "jIE", "--jie", "jII", "--jii",
            "extE", "--ext-e", "extI", "--ext-i", "thetaE", "--theta-e", "thetaI", "--theta-i", "tauE", "--tau-e",
            "tauI", "--tau-i", "m0", "--m0", "connectivity", "--connectivity",
            // BalancedRun, BalancedSimulator, BalancedComparison.Settings, GlauberComparison.Settings
            "duration", "--t", "transientTime", "--transient", "sampleInterval", "--sample-interval", "schedule", "--schedule",
            "replicas", "--replicas", "initialActivity", "--initial-activity", "inputUnits", "--input-units",
            "trainUnits", "--train-units", "acfUnits", "--acf-units", "acfMaxLag", "--acf-max-lag",
            "realizations", "--realizations", "fanoWindow", "--fano-window",
            "maxLag", "--max-lag|--acf-max-lag", "rateDt", "--rate-dt", "replicaDuration", "--replica-t",
            // GlauberNetwork (threshold noise sigma) and rate networks (--noise SPEC); the matched rate network's step
            "n", "--n", "meanCoupling", "--j0", "gain", "--g", "input", "--input", "threshold", "--theta",
            "noise", "--threshold-noise|--noise", "tau", "--tau", "dt", "--rate-dt|--dt",
            // Couplings (sparse fixed in-degree)
            "inDegree", "--k-in");

    /** Beginnings of core messages that concern flags without starting with a parameter name, to those flags. */
    static final Map<String, List<String>> TOPICS = table(
            // CovarianceTheory, CavityCovariance
            "the spectral radius", "--g", "the mean-response radius", "--g",
            "the cavity covariance statistics assume", "--eta",
            // MeanMode, CavityCovariance, QuenchedCovariance: a mean coupling
            "a mean coupling", "--j0|--phi|--input", "the mean mode is unstable", "--j0",
            // QuenchedCovariance
            "the quenched covariance needs a stable fixed point", "--g|--noise",
            "the quenched covariance statistics assume", "--eta");

    private static final Pattern LEADING = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)(?= |$)");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9_-])");

    private ParameterFlags() {
    }

    /** {@code message} with the flags of {@code spec}, the command that was run (its options, mixins and groups included). */
    public static String apply(String message, CommandSpec spec) {
        return apply(message, flag -> declares(spec, flag));
    }

    /** {@code message} with flags in place of the parameter names, for a command that declares the flags {@code declared}. */
    public static String apply(String message, Predicate<String> declared) {
        if (message == null) {
            return null;
        }
        Matcher lead = LEADING.matcher(message);
        String flag = lead.find() ? flag(lead.group(1), declared) : null;
        if (flag != null) {
            int start = lead.end();
            int described = description(message, start);
            int got = message.indexOf(" (got ", described);
            int end = got < 0 ? message.length() : got;
            return flag + message.substring(start, described) + references(message.substring(described, end), declared)
                    + message.substring(end);
        }
        for (Map.Entry<String, List<String>> t : TOPICS.entrySet()) {
            if (message.startsWith(t.getKey())) {
                String flags = String.join("/", t.getValue().stream().filter(declared).toList());
                return flags.isEmpty() ? message : flags + ": " + message;
            }
        }
        return message;
    }

    /** The first flag of parameter {@code name} that the command declares, or null (not a parameter, or none declared). */
    static String flag(String name, Predicate<String> declared) {
        List<String> flags = FLAGS.get(name);
        return flags == null ? null : flags.stream().filter(declared).findFirst().orElse(null);
    }

    /** The end of the words in parentheses at {@code from} (" (number of units)"), or {@code from} if none. */
    private static int description(String message, int from) {
        if (!message.startsWith(" (", from) || message.startsWith(" (got ", from)) {
            return from;
        }
        int depth = 0;
        for (int i = from + 1; i < message.length(); i++) {
            char ch = message.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return from;
    }

    /** {@code text} with the flag in place of each parameter name the command declares a flag for. */
    private static String references(String text, Predicate<String> declared) {
        Matcher m = WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String flag = flag(m.group(), declared);
            m.appendReplacement(sb, Matcher.quoteReplacement(flag != null ? flag : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean declares(CommandSpec spec, String flag) {
        for (OptionSpec o : spec.options()) {
            for (String name : o.names()) {
                if (name.equals(flag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Alternating keys and '|'-separated flag lists, in order. */
    private static Map<String, List<String>> table(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (m.put(pairs[i], List.of(pairs[i + 1].split("\\|"))) != null) {
                throw new IllegalStateException("duplicate entry " + pairs[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}

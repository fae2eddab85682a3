package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chaoslab.cli.common.ParameterFlags;
import org.chaoslab.cli.common.RunSummary;
import picocli.CommandLine;

/**
 * How a view's form becomes the command line's arguments and is checked by the CLI's own options (the rule of
 * {@link RateForm}, shared by the other views' forms): the browser's values, one per field, become the arguments
 * {@code --field value} of a picocli command object that mixes in the CLI's option classes; a value picocli refuses
 * gets picocli's message, a value the model refuses gets the message the CLI prints for it (the core's parameter names
 * replaced by the flags, {@link ParameterFlags}), each filed under the field its message names.
 */
final class Forms {

    private static final Pattern FLAG = Pattern.compile("--([a-z0-9-]+)");
    private static final Pattern LEADING = Pattern.compile("^([a-z][a-z0-9-]*)(?= )");

    private Forms() {
    }

    /**
     * The outcome of checking a form: its parameters, or a message per field (the CLI's message without its
     * "chaoslab: error: " prefix; "form" for a message about the combination of values).
     *
     * @param <P> the view's validated parameters
     */
    record Checked<P>(P parameters, Map<String, String> errors) {

        /** Valid parameters. */
        static <P> Checked<P> valid(P parameters) {
            return new Checked<>(parameters, Map.of());
        }

        /** Refused values. */
        static <P> Checked<P> invalid(Map<String, String> errors) {
            return new Checked<>(null, Map.copyOf(errors));
        }

        /** Whether the values were accepted. */
        boolean ok() {
            return parameters != null;
        }
    }

    /**
     * The arguments {@code --f v} of the values, in the order of {@code fields}.
     *
     * @throws IllegalArgumentException for a missing or unknown field name (a protocol error, not a bad value)
     */
    static String[] argv(String view, List<String> fields, Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!fields.contains(k)) {
                throw new IllegalArgumentException("unknown parameter '" + clip(k) + "' (the " + view + " view has "
                        + String.join(", ", fields) + ")");
            }
        }
        List<String> args = new ArrayList<>();
        for (String f : fields) {
            String v = values.get(f);
            if (v == null) {
                throw new IllegalArgumentException("parameter '" + f + "' is missing (the " + view + " view needs "
                        + String.join(", ", fields) + ")");
            }
            args.add("--" + f);
            args.add(v.trim());
        }
        return args.toArray(new String[0]);
    }

    /** Parses {@code args} into the command of {@code cl}: the errors (empty when picocli accepted every value). */
    static Map<String, String> parse(CommandLine cl, String[] args, List<String> fields) {
        try {
            cl.parseArgs(args);
            return Map.of();
        } catch (CommandLine.ParameterException e) {
            String field = e.getArgSpec() instanceof CommandLine.Model.OptionSpec o
                    ? o.longestName().replaceFirst("^-+", "") : fieldOf(e.getMessage(), fields);
            return Map.of(fields.contains(field) ? field : "form", firstLine(e.getMessage()));
        }
    }

    /** A model's refusal as the CLI prints it, filed under the field it names. */
    static Map<String, String> refused(IllegalArgumentException e, CommandLine cl, List<String> fields) {
        String message = ParameterFlags.apply(firstLine(e.getMessage()), cl.getCommandSpec());
        return Map.of(fieldOf(message, fields), message);
    }

    /** The fields as parsed (what summary.json's parameters record), by name. */
    static Map<String, Object> values(CommandLine cl, List<String> fields) {
        Map<String, Object> all = RunSummary.parameters(cl.getCommandSpec());
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String f : fields) {
            parsed.put(f, all.get(f));
        }
        return parsed;
    }

    /** The values as the text a form sends (for a view's defaults and for replaying parsed values). */
    static Map<String, String> text(Map<String, Object> values) {
        Map<String, String> t = new LinkedHashMap<>();
        values.forEach((k, v) -> t.put(k, String.valueOf(v)));
        return t;
    }

    /**
     * The field a message concerns: its first flag that is a field; else the field it starts with (the core names some
     * parameters as their flags without dashes, e.g. "sigma-w2 must be finite and &gt; 0 (got -1.0)"); else "form".
     */
    static String fieldOf(String message, List<String> fields) {
        Matcher lead = LEADING.matcher(message == null ? "" : message);
        if (lead.find() && fields.contains(lead.group(1)) && !message.contains("--")) {
            return lead.group(1);
        }
        Matcher m = FLAG.matcher(message == null ? "" : message);
        while (m.find()) {
            if (fields.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return "form";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s.trim() : s.substring(0, nl).trim();
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

package org.chaoslab.cli.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An experiment spec: which command to run, with which fixed and swept parameters, how many realizations, from which
 * master seed. Parsed from YAML, every key remembered with its line so that errors point at it.
 *
 * <pre>{@code
 * command: simulate rate                      # any command, as typed after `chaoslab`
 * fixed: {n: 2000, phi: tanh, dt: 0.1, t: 100, transient: 0}
 * sweep: {g: [1.5, 2.0, 3.0]}                 # or g: {linspace: [0.5, 3.5, 16]}, {logspace: [-1, 1, 5]}
 * zip: false                                  # several swept keys: Cartesian product (default) or paired
 * realizations: 4
 * seed: 1
 * same-realization-across: [g]                # optional: the points differing only in g share their networks
 * }</pre>
 *
 * Parameter names are the command's option names without dashes ({@code n} for {@code --n}, {@code acf-max-lag});
 * a switch takes {@code true}/{@code false}. {@code linspace: [a, b, k]} is numpy's (k values from a to b inclusive),
 * {@code logspace: [a, b, k]} likewise with 10^a … 10^b. The grid's points are numbered row-major over the swept keys
 * in spec order (the last key varies fastest). This class checks the spec's own structure; whether the command and
 * its parameters exist and accept the values is checked against the command itself ({@link SweepPlan}).
 *
 * @param source                the spec's file name (in messages)
 * @param text                  the spec as written (kept beside the results; its digest identifies the sweep)
 * @param command               the command's words, e.g. ["simulate", "rate"]
 * @param fixed                 parameters common to every point, by name, in spec order
 * @param axes                  the swept parameters with their values, in spec order
 * @param zip                   pair the axes' values (equal lengths) instead of taking every combination
 * @param realizations          runs per point, each with its own seed
 * @param seed                  the master seed of the sweep
 * @param sameRealizationAcross swept parameters left out of the seed derivation ({@link SweepSeeds})
 * @param lines                 line of each key: "command", "fixed.NAME", "sweep.NAME", "realizations", …
 */
public record SweepSpec(String source, String text, List<String> command, Map<String, Object> fixed, List<Axis> axes,
                        boolean zip, int realizations, long seed, Set<String> sameRealizationAcross,
                        Map<String, Integer> lines) {

    /** The most (point, realization) runs a spec may ask for. */
    public static final int MAX_TASKS = 1_000_000;

    /** The top-level keys of a spec. */
    public static final List<String> KEYS = List.of("command", "fixed", "sweep", "zip", "realizations", "seed",
            "same-realization-across", "description");

    /** A swept parameter and its values (Long, Double, Boolean or String), in order. */
    public record Axis(String name, List<Object> values) {
    }

    /** The number of grid points. */
    public int points() {
        return (int) pointsExact();     // parse() refused more than MAX_TASKS
    }

    /** The swept values of point {@code index}, by name ({@link #points()} > index ≥ 0). */
    public Map<String, Object> point(int index) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (zip) {
            for (Axis a : axes) {
                values.put(a.name(), a.values().get(index));
            }
            return values;
        }
        int rest = index;
        Object[] chosen = new Object[axes.size()];
        for (int k = axes.size() - 1; k >= 0; k--) {
            int size = axes.get(k).values().size();
            chosen[k] = axes.get(k).values().get(rest % size);
            rest /= size;
        }
        for (int k = 0; k < axes.size(); k++) {
            values.put(axes.get(k).name(), chosen[k]);
        }
        return values;
    }

    /** The line of a key ("fixed.n", "sweep.g", "seed", …), else the line of its section, else 0. */
    public int line(String key) {
        Integer l = lines.get(key);
        if (l == null && key.contains(".")) {
            l = lines.get(key.substring(0, key.indexOf('.')));
        }
        return l == null ? 0 : l;
    }

    /** The line of parameter {@code name}, wherever the spec sets it (swept, else fixed), else 0. */
    public int parameterLine(String name) {
        Integer l = lines.get("sweep." + name);
        if (l == null) {
            l = lines.get("fixed." + name);
        }
        return l == null ? 0 : l;
    }

    /** An error about a key of this spec. */
    public SpecException error(String key, String message) {
        return new SpecException(source, line(key), message);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // parsing

    /** A YAML value with the line it starts on: a map (key order kept), a list or a scalar. */
    private record Node(Object value, int line) {
    }

    /**
     * Parses a spec.
     *
     * @param text   the YAML text
     * @param source the file name for messages
     * @throws SpecException one line with the line number when the spec is malformed
     */
    public static SweepSpec parse(String text, String source) {
        Node root;
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SpecException(source, 0, "the spec is empty; it needs at least 'command:' (keys: "
                        + String.join(", ", KEYS) + ")");
            }
            root = read(p, source);
            if (p.nextToken() != null) {
                throw new SpecException(source, line(p), "one YAML document expected, found more");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SpecException(source, line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SpecException(source, 0, "cannot be read: " + e.getMessage());
        }
        if (!(root.value() instanceof Map<?, ?> top)) {
            throw new SpecException(source, root.line(), "a spec is a mapping of keys (" + String.join(", ", KEYS)
                    + "), not " + kind(root));
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String key = (String) e.getKey();
            Node n = (Node) e.getValue();
            if (!KEYS.contains(key)) {
                throw new SpecException(source, n.line(), "unknown key '" + key + "' (a spec has " + String.join(", ", KEYS) + ")");
            }
            lines.put(key, n.line());
        }
        Node commandNode = (Node) top.get("command");
        if (commandNode == null) {
            throw new SpecException(source, root.line(), "'command' is missing: the command to run, as typed after chaoslab (e.g. command: simulate rate)");
        }
        if (!(commandNode.value() instanceof String commandText) || commandText.isBlank()) {
            throw new SpecException(source, commandNode.line(), "command must be the command's words, e.g. 'simulate rate' (got " + kind(commandNode) + ")");
        }
        List<String> command = List.of(commandText.trim().split("\\s+"));

        Map<String, Object> fixed = new LinkedHashMap<>();
        Node fixedNode = (Node) top.get("fixed");
        if (fixedNode != null && fixedNode.value() != null) {
            if (!(fixedNode.value() instanceof Map<?, ?> fm)) {
                throw new SpecException(source, fixedNode.line(), "fixed must map parameter names to values (got " + kind(fixedNode) + ")");
            }
            for (Map.Entry<?, ?> e : fm.entrySet()) {
                String name = parameterName((String) e.getKey(), (Node) e.getValue(), source, "fixed");
                Node v = (Node) e.getValue();
                lines.put("fixed." + name, v.line());
                if (v.value() instanceof Map<?, ?> || v.value() instanceof List<?>) {
                    throw new SpecException(source, v.line(), "fixed." + name + " must be one value (to vary it, put it under sweep:)");
                }
                if (v.value() == null) {
                    throw new SpecException(source, v.line(), "fixed." + name + " has no value");
                }
                fixed.put(name, v.value());
            }
        }

        List<Axis> axes = new ArrayList<>();
        Node sweepNode = (Node) top.get("sweep");
        if (sweepNode != null && sweepNode.value() != null) {
            if (!(sweepNode.value() instanceof Map<?, ?> sm)) {
                throw new SpecException(source, sweepNode.line(), "sweep must map parameter names to lists of values (got " + kind(sweepNode) + ")");
            }
            for (Map.Entry<?, ?> e : sm.entrySet()) {
                String name = parameterName((String) e.getKey(), (Node) e.getValue(), source, "sweep");
                Node v = (Node) e.getValue();
                lines.put("sweep." + name, v.line());
                if (fixed.containsKey(name)) {
                    throw new SpecException(source, v.line(), "sweep." + name + " is also under fixed (line "
                            + lines.get("fixed." + name) + "): give it in one place");
                }
                axes.add(new Axis(name, values(name, v, source)));
            }
        }

        boolean zip = bool(top, "zip", false, source);
        long realizations = integer(top, "realizations", 1, 1, 100_000, source);
        long seed = integer(top, "seed", 1, 0, Long.MAX_VALUE, source);
        Set<String> same = new LinkedHashSet<>();
        Node sameNode = (Node) top.get("same-realization-across");
        if (sameNode != null && sameNode.value() != null) {
            List<Node> names = sameNode.value() instanceof List<?> l ? l.stream().map(Node.class::cast).toList()
                    : List.of(sameNode);
            for (Node n : names) {
                if (!(n.value() instanceof String s) || axes.stream().noneMatch(a -> a.name().equals(s))) {
                    throw new SpecException(source, n.line(), "same-realization-across names swept parameters (one of "
                            + axes.stream().map(Axis::name).toList() + "); got " + kind(n));
                }
                same.add(s);
            }
        }
        if (zip) {
            for (Axis a : axes) {
                if (a.values().size() != axes.getFirst().values().size()) {
                    throw new SpecException(source, lines.get("sweep." + a.name()), "zip: true pairs the swept values, so every list needs "
                            + axes.getFirst().values().size() + " values like sweep." + axes.getFirst().name() + " (sweep." + a.name()
                            + " has " + a.values().size() + ")");
                }
            }
        }
        SweepSpec spec = new SweepSpec(source, text, command, fixed, axes, zip, (int) realizations, seed, same, lines);
        if ((long) spec.pointsExact() * realizations > MAX_TASKS) {
            throw new SpecException(source, lines.getOrDefault("sweep", 0), "the sweep asks for " + spec.pointsExact()
                    + " points x " + realizations + " realizations; at most " + MAX_TASKS + " runs per spec");
        }
        return spec;
    }

    /** The number of points, stopping once beyond {@link #MAX_TASKS} (for the size check, without overflow). */
    private long pointsExact() {
        if (axes.isEmpty()) {
            return 1;
        }
        if (zip) {
            return axes.getFirst().values().size();
        }
        long p = 1;
        for (Axis a : axes) {
            p = Math.multiplyExact(p, (long) a.values().size());
            if (p > MAX_TASKS) {
                return p;
            }
        }
        return p;
    }

    private static String parameterName(String key, Node value, String source, String section) {
        String name = key.startsWith("--") ? key.substring(2) : key;
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new SpecException(source, value.line(), section + ": '" + key + "' is not an option name (letters, digits and '-', e.g. acf-max-lag)");
        }
        if (name.equals("seed") || name.equals("out") || name.equals("force")) {
            throw new SpecException(source, value.line(), section + "." + name + " is set by the sweep for every run"
                    + (name.equals("seed") ? " (derived from the spec's seed:)" : " (each run writes to DIR/points/<id>)"));
        }
        return name;
    }

    /** The values of a swept parameter: a list, or {linspace: [a, b, k]}, or {logspace: [a, b, k]}. */
    private static List<Object> values(String name, Node v, String source) {
        if (v.value() instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new SpecException(source, v.line(), "sweep." + name + " has no values");
            }
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                Node n = (Node) o;
                if (n.value() == null || n.value() instanceof Map<?, ?> || n.value() instanceof List<?>) {
                    throw new SpecException(source, n.line(), "sweep." + name + " values must be single values (got " + kind(n) + ")");
                }
                out.add(n.value());
            }
            return out;
        }
        if (v.value() instanceof Map<?, ?> m && m.size() == 1) {
            String how = (String) m.keySet().iterator().next();
            Node args = (Node) m.get(how);
            if (how.equals("linspace") || how.equals("logspace")) {
                if (!(args.value() instanceof List<?> a) || a.size() != 3
                        || !(((Node) a.get(0)).value() instanceof Number) || !(((Node) a.get(1)).value() instanceof Number)
                        || !(((Node) a.get(2)).value() instanceof Long)) {
                    throw new SpecException(source, args.line(), "sweep." + name + "." + how + " takes [start, stop, count] with a whole count, e.g. {" + how + ": [0.5, 3.5, 16]}");
                }
                double start = ((Number) ((Node) a.get(0)).value()).doubleValue();
                double stop = ((Number) ((Node) a.get(1)).value()).doubleValue();
                long count = (Long) ((Node) a.get(2)).value();
                if (count < 1 || count > MAX_TASKS || !Double.isFinite(start) || !Double.isFinite(stop)) {
                    throw new SpecException(source, args.line(), "sweep." + name + "." + how + ": count must be in [1, " + MAX_TASKS + "] and the ends finite (got " + count + ")");
                }
                List<Object> out = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    double u = count == 1 ? start : start + (stop - start) * i / (count - 1);
                    if (count > 1 && i == count - 1) {
                        u = stop;
                    }
                    out.add(how.equals("linspace") ? u : Math.pow(10.0, u));
                }
                return out;
            }
            throw new SpecException(source, args.line(), "sweep." + name + ": unknown generator '" + how + "' (a list, {linspace: [a, b, k]} or {logspace: [a, b, k]})");
        }
        throw new SpecException(source, v.line(), "sweep." + name + " must be a list of values, {linspace: [a, b, k]} or {logspace: [a, b, k]} (got " + kind(v) + ")");
    }

    private static boolean bool(Map<?, ?> top, String key, boolean dflt, String source) {
        Node n = (Node) top.get(key);
        if (n == null || n.value() == null) {
            return dflt;
        }
        if (!(n.value() instanceof Boolean b)) {
            throw new SpecException(source, n.line(), key + " must be true or false (got " + kind(n) + ")");
        }
        return b;
    }

    private static long integer(Map<?, ?> top, String key, long dflt, long min, long max, String source) {
        Node n = (Node) top.get(key);
        if (n == null || n.value() == null) {
            return dflt;
        }
        if (!(n.value() instanceof Long l) || l < min || l > max) {
            throw new SpecException(source, n.line(), key + " must be a whole number in [" + min + ", " + max + "] (got " + kind(n) + ")");
        }
        return l;
    }

    private static String kind(Node n) {
        Object v = n.value();
        if (v == null) {
            return "nothing";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
        }
        return String.valueOf(v);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Reads the value at the current token (which it consumes). */
    private static Node read(JsonParser p, String source) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    Node value = read(p, source);
                    if (map.containsKey(key)) {
                        throw new SpecException(source, keyLine, "'" + key + "' is given twice (first on line " + map.get(key).line() + ")");
                    }
                    map.put(key, new Node(value.value(), keyLine));
                }
                return new Node(map, line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, source));
                }
                return new Node(list, line);
            }
            case VALUE_NUMBER_INT -> {
                try {
                    return new Node(p.getLongValue(), line);
                } catch (IOException e) {
                    return new Node(p.getDoubleValue(), line);      // beyond a long: as a double
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node(p.getDoubleValue(), line);
            }
            case VALUE_TRUE -> {
                return new Node(Boolean.TRUE, line);
            }
            case VALUE_FALSE -> {
                return new Node(Boolean.FALSE, line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line);
            }
            default -> throw new SpecException(source, line, "unexpected YAML content (" + t + ")");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    @Override
    public String toString() {
        return "SweepSpec[" + String.join(" ", command) + ", fixed " + fixed + ", sweep "
                + axes.stream().map(a -> a.name() + "=" + a.values()).toList() + (zip ? " (zipped)" : "") + ", "
                + realizations + " realizations, seed " + seed + "]";
    }

    /** For messages: the words of a list. */
    static String words(String... w) {
        return String.join(" ", Arrays.asList(w));
    }
}

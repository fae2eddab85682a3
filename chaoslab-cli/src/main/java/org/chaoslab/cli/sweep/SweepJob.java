package org.chaoslab.cli.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.cli.Chaoslab;
import org.chaoslab.cli.Main;

/**
 * What every task of a sweep shares: the command, the output directory and the threads each run may use. A task runs
 * the command in process ({@link Chaoslab#run}), with its parameters as the command's options, its seed as
 * {@code --seed}, and its own directory {@code points/<id>} as {@code --out}. Serializable, so that a cluster engine
 * ships it to its workers.
 *
 * @param command        the command as typed after {@code chaoslab}, e.g. ["simulate", "rate"]
 * @param outDir         the sweep's directory (absolute, on a file system every worker sees)
 * @param threadsPerTask the {@code --threads} of each run (when the command has that option)
 * @param hasSeed        whether the command takes {@code --seed}
 * @param hasThreads     whether the command takes {@code --threads}
 * @param hasOut         whether the command takes {@code --out}
 */
public record SweepJob(List<String> command, String outDir, int threadsPerTask, boolean hasSeed, boolean hasThreads,
                       boolean hasOut) implements Serializable {

    private static final com.fasterxml.jackson.databind.ObjectMapper RECORDS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The directory of a task's own files. */
    public Path pointDir(SweepTask task) {
        return Path.of(outDir, "points", task.id());
    }

    /** The command line of a task (after {@code chaoslab}). */
    public List<String> arguments(SweepTask task) {
        List<String> args = new ArrayList<>(command);
        task.parameters().forEach((name, value) -> SweepArguments.append(args, name, value));
        if (hasSeed) {
            args.add("--seed");
            args.add(Long.toString(task.seed()));
        }
        if (hasThreads && !task.parameters().containsKey("threads")) {
            args.add("--threads");
            args.add(Integer.toString(threadsPerTask));
        }
        if (hasOut) {
            args.add("--out");
            args.add(pointDir(task).toString());
            args.add("--force");
        }
        return args;
    }

    /** Runs one task in this thread and returns its row (never throws: a failure is a row with its message). */
    public SweepRow run(SweepTask task) {
        long start = System.nanoTime();
        Chaoslab.Outcome o;
        try {
            o = Chaoslab.run(arguments(task).toArray(new String[0]));
        } catch (RuntimeException | Error e) {
            return new SweepRow(task, SweepRow.FAILED, String.valueOf(e), Map.of(), (System.nanoTime() - start) * 1e-9);
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        String status = o.exitCode() == 0 ? SweepRow.COMPLETED
                : o.exitCode() == Main.EXIT_DIVERGED ? SweepRow.DIVERGED : SweepRow.FAILED;
        if (o.exitCode() == 0 && o.summary().isPresent() && "diverged".equals(o.summary().get().status())) {
            status = SweepRow.DIVERGED;
        }
        String message = o.exitCode() == 0 ? "" : org.chaoslab.cli.common.ErrorLines.lastError(o.err());
        return new SweepRow(task, status, message, flatten(o.results()), wall);
    }

    /** The scalar results, flattened ({@link SweepRow#results()}). */
    public static Map<String, Object> flatten(Map<String, Object> results) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", results, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Estimate est) {
                flat.put(key, est.value());
                if (est instanceof Estimate.WithStandardError) {
                    flat.put(key + "_se", est.standardError());
                } else {
                    flat.put(key + "_lower", est.lower());
                    flat.put(key + "_upper", est.upper());
                }
            } else if (v instanceof Map<?, ?> m) {
                flatten(key + "_", m, flat);
            } else if (v instanceof Double || v instanceof Float) {
                flat.put(key, ((Number) v).doubleValue());
            } else if (v instanceof Number n) {
                flat.put(key, n.longValue());
            } else if (v instanceof Boolean || v instanceof String) {
                flat.put(key, v);
            } else if (v instanceof Enum<?> en) {
                flat.put(key, en.toString());
            } else if (v instanceof Record r) {
                flatten(key + "_", recordMap(r), flat);
            }
            // arrays, lists and null: in the point's directory, not in the table
        }
    }

    /** A record's components by name, as summary.json writes them (Jackson reads non-public records too). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordMap(Record r) {
        return RECORDS.convertValue(r, LinkedHashMap.class);
    }

}

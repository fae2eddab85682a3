package org.chaoslab.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.chaoslab.cli.rate.LyapunovBatch;
import org.chaoslab.cli.rate.SimulateRateBatch;

/**
 * The batched form of a g-sweep: tasks that share their realization — the same seed and the same parameters except
 * {@code g}, which a spec gets with {@code same-realization-across: [g]} — run as one batch, every point one or two
 * columns of one matrix–matrix product per step, instead of one run each:
 * <ul>
 *   <li>{@code simulate rate}: every point a column ({@link SimulateRateBatch});</li>
 *   <li>{@code lyapunov} with {@code method: two-replica}: every point a pair of columns, trajectory and replica
 *       ({@link LyapunovBatch}); the QR method (the default) runs point by point.</li>
 * </ul>
 * Their rows hold the command's own result keys plus {@code batched = true}; a batched point's directory holds its
 * summary.json only (no traces or autocorrelation arrays: the batch records the scalar results only). Results differ from the
 * unbatched runs by floating-point rounding only (couplings g·J₁ against J_g): to rounding below the transition,
 * within the statistical error in the chaotic phase (SimulateRateBatchTest, LyapunovBatchTest, SweepBatchTest).
 */
final class GainGroups {

    /** The swept parameter a batch varies. */
    static final String GAIN = "g";

    /**
     * A command whose g-sweeps can be batched: whether a point's options (without g, out and the command words) can,
     * and the batch itself (results per gain, each with {@link SimulateRateBatch#STATUS} and the message of a diverged
     * point under {@code messageKey}).
     */
    private record Batcher(Predicate<List<String>> canBatch, BiFunction<List<String>, double[], List<Map<String, Object>>> run,
                           String messageKey) {
    }

    private static final Map<List<String>, Batcher> BATCHERS = Map.of(
            List.of("simulate", "rate"), new Batcher(SimulateRateBatch::canBatch, SimulateRateBatch::run, "divergence"),
            List.of("lyapunov"), new Batcher(LyapunovBatch::canBatch, LyapunovBatch::run, "message"));

    private GainGroups() {
    }

    /** A unit of work of the local engine: one task, or several run as one batch. */
    record Work(List<SweepTask> tasks) {
    }

    /**
     * The tasks grouped into work: the batchable groups of at least two tasks of a batchable command's job, the rest
     * one by one, in the order their first task comes.
     */
    static List<Work> of(SweepJob job, List<SweepTask> tasks, boolean batch) {
        List<Work> work = new ArrayList<>();
        Batcher batcher = BATCHERS.get(job.command());
        if (!batch || batcher == null) {
            tasks.forEach(t -> work.add(new Work(List.of(t))));
            return work;
        }
        Map<String, List<SweepTask>> groups = new LinkedHashMap<>();
        for (SweepTask t : tasks) {
            groups.computeIfAbsent(key(t), k -> new ArrayList<>()).add(t);
        }
        for (List<SweepTask> g : groups.values()) {
            if (g.size() >= 2 && g.stream().allMatch(t -> t.parameters().get(GAIN) instanceof Number)
                    && batcher.canBatch().test(options(job, g.getFirst()))) {
                work.add(new Work(List.copyOf(g)));
            } else {
                g.forEach(t -> work.add(new Work(List.of(t))));
            }
        }
        return work;
    }

    /** Tasks with the same key share a realization and differ at most in g. */
    private static String key(SweepTask t) {
        TreeMap<String, Object> rest = new TreeMap<>(t.parameters());
        rest.remove(GAIN);
        return t.seed() + "|" + SweepSeeds.pointKey(rest, java.util.Set.of());
    }

    /** The command's options of a task without g, out and the command words. */
    static List<String> options(SweepJob job, SweepTask t) {
        List<String> args = new ArrayList<>();
        t.parameters().forEach((name, value) -> {
            if (!name.equals(GAIN)) {
                SweepArguments.append(args, name, value);
            }
        });
        if (job.hasSeed()) {
            args.addAll(List.of("--seed", Long.toString(t.seed())));
        }
        if (job.hasThreads() && !t.parameters().containsKey("threads")) {
            args.addAll(List.of("--threads", Integer.toString(job.threadsPerTask())));
        }
        return args;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /**
     * The point's own directory for a batched point (as an unbatched run has): {@code points/<id>/summary.json} with the
     * command line the point stands for, its seed and parameters, status and results, chaoslab's version, and
     * {@code batched: true}. A batch records the scalar results only, so there are no arrays or plots beside it. Written
     * atomically; only for commands that write a directory.
     */
    private static void writePointSummary(SweepJob job, SweepRow row, Map<String, Object> results) {
        if (!job.hasOut()) {
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        List<String> args = job.arguments(row.task());
        int out = args.indexOf("--out");
        summary.put("command", "chaoslab " + String.join(" ", out < 0 ? args : args.subList(0, out)));
        summary.put("version", org.chaoslab.cli.Version.current());
        summary.put("batched", true);
        summary.put("note", "run as one column of a batched gain sweep (one matrix product for all gains of this "
                + "realization); scalar results only, no arrays or plots");
        summary.put("id", row.task().id());
        summary.put("seed", row.task().seed());
        summary.put("parameters", row.task().parameters());
        summary.put("status", row.status());
        summary.put("message", row.message());
        summary.put("results", results);
        try {
            java.nio.file.Path dir = job.pointDir(row.task());
            java.nio.file.Files.createDirectories(dir);
            org.chaoslab.io.AtomicFiles.writeBytes(dir.resolve("summary.json"), JSON.writeValueAsBytes(summary));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write " + job.pointDir(row.task()) + "/summary.json", e);
        }
    }

    /** Runs one batch; a batch that fails as a whole gives each of its tasks a failed row with the message. */
    static List<SweepRow> run(SweepJob job, List<SweepTask> group) {
        double[] gains = group.stream().mapToDouble(t -> ((Number) t.parameters().get(GAIN)).doubleValue()).toArray();
        long start = System.nanoTime();
        List<SweepRow> rows = new ArrayList<>();
        Batcher batcher = BATCHERS.get(job.command());
        try {
            List<Map<String, Object>> results = batcher.run().apply(options(job, group.getFirst()), gains);
            for (int k = 0; k < group.size(); k++) {
                Map<String, Object> r = new LinkedHashMap<>(results.get(k));
                Object status = r.remove(SimulateRateBatch.STATUS);
                boolean diverged = "diverged".equals(status);
                Object divergence = r.get(batcher.messageKey());
                Map<String, Object> flat = SweepJob.flatten(r);
                SweepRow row = new SweepRow(group.get(k), diverged ? SweepRow.DIVERGED : SweepRow.COMPLETED,
                        diverged ? String.valueOf(divergence) : "", flat,
                        flat.get("wallSeconds") instanceof Double w ? w : (System.nanoTime() - start) * 1e-9 / group.size());
                writePointSummary(job, row, r);
                rows.add(row);
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            double share = (System.nanoTime() - start) * 1e-9 / group.size();
            group.forEach(t -> rows.add(new SweepRow(t, SweepRow.FAILED, message, Map.of(), share)));
        }
        return rows;
    }
}

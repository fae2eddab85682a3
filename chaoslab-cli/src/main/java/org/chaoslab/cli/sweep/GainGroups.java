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
 * Their rows hold the command's own result keys plus {@code batched = true}; a batched point writes no directory of
 * its own (no traces or autocorrelation arrays: the batch records the scalar results only). Results differ from the
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
                rows.add(new SweepRow(group.get(k), diverged ? SweepRow.DIVERGED : SweepRow.COMPLETED,
                        diverged ? String.valueOf(divergence) : "", flat,
                        flat.get("wallSeconds") instanceof Double w ? w : (System.nanoTime() - start) * 1e-9 / group.size()));
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            double share = (System.nanoTime() - start) * 1e-9 / group.size();
            group.forEach(t -> rows.add(new SweepRow(t, SweepRow.FAILED, message, Map.of(), share)));
        }
        return rows;
    }
}

package org.chaoslab.cli.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.lyapunov.TwoReplicaBatch;
import org.chaoslab.sim.lyapunov.TwoReplicaBatchRun;
import org.chaoslab.sim.lyapunov.TwoReplicaPoint;
import org.chaoslab.sim.rate.GainBatch;

/**
 * The points of a g-sweep of {@code lyapunov --method two-replica} that share one realization (same options and seed,
 * different {@code --g}), run as one batch: the couplings are drawn once at unit gain and every point is a pair of
 * columns — trajectory and replica — of one matrix–matrix product per stage ({@link TwoReplicaBatch}), instead of one
 * pair per run — for the sweep engine, which groups a sweep's points by realization.
 *
 * <p>Each point's results are those {@code lyapunov ARGS --method two-replica --g g_k} puts in its summary.json
 * "results" ({@link TwoReplicaResults}: {@code lambdaMaxTwoReplica}, {@code lambdaMaxTwoReplicaCi},
 * {@code lambdaMaxDmft}, {@code renormalizations}, {@code accumulationTime}, {@code batches}, {@code wallSeconds},
 * {@code network}, {@code run}; {@code message} when it diverged), plus {@value SimulateRateBatch#BATCHED} = true and
 * {@value SimulateRateBatch#STATUS} ({@link RunSummary#COMPLETED} or {@link RunSummary#DIVERGED}, what the unbatched
 * summary's "status" says). They differ from the unbatched run's by floating-point rounding only (couplings g·J₁
 * against J_g): to ~1e-9 below the transition, within the statistical error in the chaotic phase over long runs
 * ({@link TwoReplicaBatch}). {@code wallSeconds} is the point's share of the batch. The QR method
 * ({@code --method qr}, the default) is not batched: its tangent vectors and re-orthonormalizations are per point.
 */
public final class LyapunovBatch {

    private static final List<String> COMMAND = List.of("lyapunov");

    private LyapunovBatch() {
    }

    /**
     * Whether the points {@code lyapunov ARGS --g g} can run as one batch: the arguments are valid, ask for
     * {@code --method two-replica}, and describe zero-mean couplings ({@code --j0 0}: J_g = g·J₁ holds only then).
     * False otherwise, so that a caller runs the points one by one (each reporting the command's own error, if any).
     *
     * @param args the options of {@code lyapunov} without {@code --g} and {@code --out}
     */
    public static boolean canBatch(List<String> args) {
        try {
            batchable(point(args, null));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Runs {@code lyapunov ARGS --g g_k} for every gain as one batch and returns, per gain in the order given, the
     * results map described in the class comment.
     *
     * @throws IllegalArgumentException bad input, with the command's one-line message; or arguments that cannot be
     *                                  batched (not {@code --method two-replica}, {@code --j0} ≠ 0, {@code --g} or
     *                                  {@code --out} among them), with a message saying why
     */
    public static List<Map<String, Object>> run(List<String> args, double[] gains) {
        if (gains == null || gains.length == 0) {
            throw new IllegalArgumentException("a batched gain sweep needs at least one --g value");
        }
        List<LyapunovCommand.Prepared> points = new ArrayList<>(gains.length);
        for (double g : gains) {
            points.add(point(args, g));   // each validated as `lyapunov ARGS --g g` validates it
        }
        LyapunovCommand.Prepared first = points.getFirst();
        batchable(first);
        LyapunovCommand.checkTwoReplicaResources(first.network(), gains.length);
        TwoReplicaBatchRun run = TwoReplicaBatch.run(new GainBatch(first.network(), gains), first.networkSeed(),
                first.settings(), ProgressListener.NONE);
        double share = run.wallSeconds() / gains.length;
        List<Map<String, Object>> results = new ArrayList<>(gains.length);
        for (int k = 0; k < gains.length; k++) {
            TwoReplicaPoint p = run.point(k);
            LyapunovCommand.Prepared u = points.get(k);
            OptionalDouble dmft = p.completed() ? LyapunovCommand.dmftLambdaMax(u.network(), u.settings()) : OptionalDouble.empty();
            Map<String, Object> r = TwoReplicaResults.of(p, dmft, share, u.settings(), u.networkSeed());
            r.put(SimulateRateBatch.STATUS, p.completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED);
            r.put(SimulateRateBatch.BATCHED, true);
            results.add(r);
        }
        return results;
    }

    /** {@code lyapunov ARGS [--g g]} parsed and validated by the command's own code ({@link BatchPoint}). */
    private static LyapunovCommand.Prepared point(List<String> args, Double gain) {
        return BatchPoint.prepare(COMMAND, args, gain, LyapunovCommand.class, LyapunovCommand::prepare);
    }

    /** Refuses what a batch cannot run: the QR method (per point), a mean coupling (J_g is not g·J₁). */
    private static void batchable(LyapunovCommand.Prepared point) {
        if (!point.twoReplica()) {
            throw new IllegalArgumentException("only --method two-replica is batched (the QR method's tangent vectors and "
                    + "re-orthonormalizations are per point): run the points one by one");
        }
        double j0 = point.network().couplings().meanCoupling();
        if (j0 != 0.0) {
            throw new IllegalArgumentException("--j0 must be 0 for a batched gain sweep (got " + j0 + "): the points share "
                    + "J_g = g J_1 with J_1 drawn at unit gain, but the mean coupling J0/N does not scale with g; "
                    + "run the points one by one");
        }
    }
}

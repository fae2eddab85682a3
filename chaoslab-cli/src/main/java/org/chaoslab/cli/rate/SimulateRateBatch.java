package org.chaoslab.cli.rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chaoslab.cli.common.Resources;
import org.chaoslab.cli.common.RunSummary;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.GainBatchRun;
import org.chaoslab.sim.rate.GainBatchSimulator;
import org.chaoslab.sim.rate.GainRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;

/**
 * The points of a g-sweep of {@code simulate rate} that share one realization (same options and seed, different
 * {@code --g}), run as one batch: the couplings are drawn once at unit gain and every point advances as a column of
 * one matrix–matrix product per step ({@link GainBatchSimulator}), instead of one matrix–vector product per point and
 * step — for the sweep engine, which groups a sweep's points by realization.
 *
 * <p>Each point's results are those {@code simulate rate ARGS --g g_k} puts in its summary.json "results", computed by
 * the same recorders ({@link StandardRecording}, without the traces and autocorrelations, which are no scalar results)
 * into the same keys ({@link RateResults}): {@code meanSquare}, {@code meanSquareTimeError}, {@code mean},
 * {@code meanRate}, {@code meanSquareRate}, {@code recordedSteps} (Double, Long), {@code wallSeconds} and
 * {@code msPerStep}, {@code network} and {@code run} (the same records), {@code divergence} (the same message) when it
 * diverged. They differ from the unbatched run's only by floating-point rounding (couplings g·J₁ against J_g, the
 * product's summation order): below the transition to rounding, in the chaotic phase within the statistical error (see
 * {@link GainBatchSimulator}). Two keys are added:
 * <ul>
 *   <li>{@value #BATCHED}: {@code true};</li>
 *   <li>{@value #STATUS}: {@link RunSummary#COMPLETED} or {@link RunSummary#DIVERGED} — what summary.json's
 *       "status" says for the unbatched run (the command's exit code 0 or 3). A diverged point keeps what it recorded
 *       before the step at which it diverged, and its {@code divergence} message names that step; the other points
 *       go on.</li>
 * </ul>
 * {@code wallSeconds} and {@code msPerStep} are the point's share of the batch: the batch's wall time divided by the
 * number of points.
 */
public final class SimulateRateBatch {

    /** Key of the marker of a batched point's results. */
    public static final String BATCHED = "batched";
    /** Key of a point's status ({@link RunSummary#COMPLETED} or {@link RunSummary#DIVERGED}). */
    public static final String STATUS = "status";

    private static final List<String> COMMAND = List.of("simulate", "rate");

    private SimulateRateBatch() {
    }

    /**
     * Whether the points {@code simulate rate ARGS --g g} can run as one batch: the arguments are valid (as the command
     * validates them) and describe zero-mean couplings ({@code --j0 0}: J_g = g·J₁ holds only then). Any replica count,
     * integrator, noise, input, η, diagonal and precision can. False for invalid arguments, so that a caller runs the
     * points one by one and each reports the command's own error.
     *
     * @param args the options of {@code simulate rate} without {@code --g} and {@code --out}, e.g.
     *             ["--n", "2000", "--t", "100", "--seed", "7", "--threads", "1"]
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
     * Runs {@code simulate rate ARGS --g g_k} for every gain as one batch and returns, per gain in the order given, the
     * results map described in the class comment.
     *
     * @param args  the options of {@code simulate rate} without {@code --g} and {@code --out}
     * @param gains g_1 … g_K (K ≥ 1), each a valid {@code --g}
     * @throws IllegalArgumentException bad input, with the one-line message {@code simulate rate} prints after
     *                                  "chaoslab: error: " for it; or arguments that cannot be batched ({@code --j0} ≠ 0,
     *                                  {@code --g} or {@code --out} among them), with a message saying why
     */
    public static List<Map<String, Object>> run(List<String> args, double[] gains) {
        if (gains == null || gains.length == 0) {
            throw new IllegalArgumentException("a batched gain sweep needs at least one --g value");
        }
        List<SimulateRateCommand.Prepared> points = new ArrayList<>(gains.length);
        for (double g : gains) {
            points.add(point(args, g));   // each validated as `simulate rate ARGS --g g` validates it
        }
        SimulateRateCommand.Prepared first = points.getFirst();
        batchable(first);
        RateSimulation settings = first.settings();
        requireMemory(first, gains.length);
        RecordingPlan plan = first.plan().scalarsOnly();
        List<StandardRecording> recordings = new ArrayList<>(gains.length);
        List<List<Recorder>> recorders = new ArrayList<>(gains.length);
        for (int k = 0; k < gains.length; k++) {
            StandardRecording r = new StandardRecording(plan, settings.dt(), first.network().size());
            recordings.add(r);
            recorders.add(r.recorders());
        }
        GainBatch batch = new GainBatch(first.network(), gains);
        GainBatchRun run = GainBatchSimulator.run(batch, settings, recorders, ProgressListener.NONE);
        double share = run.wallSeconds() / gains.length;
        List<Map<String, Object>> results = new ArrayList<>(gains.length);
        for (int k = 0; k < gains.length; k++) {
            GainRun p = run.point(k);
            Map<String, Object> r = RateResults.of(recordings.get(k).result(), p.recordedSteps(), p.divergence(), share,
                    points.get(k).network(), settings);
            r.put(STATUS, p.completed() ? RunSummary.COMPLETED : RunSummary.DIVERGED);
            r.put(BATCHED, true);
            results.add(r);
        }
        return results;
    }

    /** {@code simulate rate ARGS [--g g]} parsed and validated by the command's own code ({@link BatchPoint}). */
    private static SimulateRateCommand.Prepared point(List<String> args, Double gain) {
        return BatchPoint.prepare(COMMAND, args, gain, SimulateRateCommand.class, SimulateRateCommand::prepare);
    }

    /** Refuses what a gain batch cannot run: a mean coupling (J_g is not g·J₁). */
    private static void batchable(SimulateRateCommand.Prepared point) {
        double j0 = point.network().couplings().meanCoupling();
        if (j0 != 0.0) {
            throw new IllegalArgumentException("--j0 must be 0 for a batched gain sweep (got " + j0 + "): the points share "
                    + "J_g = g J_1 with J_1 drawn at unit gain, but the mean coupling J0/N does not scale with g; "
                    + "run the points one by one");
        }
    }

    /**
     * Refuses a batch whose state does not fit the heap: the couplings once, and per point its columns (N × replicas)
     * in eight arrays (state, rates, drive, two RK4 stages, OU noise, packed panels, recorder copies) and its moment
     * series (four doubles per moments sample).
     */
    private static void requireMemory(SimulateRateCommand.Prepared point, int gains) {
        RateSimulation s = point.settings();
        double n = point.network().size();
        double columns = (double) gains * s.replicas();
        Resources.arraySize("--g", "sweep of " + gains + " gains", "the state of N x replicas x gains", n * columns);
        if (point.network().couplings().precision() == org.chaoslab.model.Precision.FLOAT64) {
            Resources.denseSize("--n", (long) n);
        }
        double bytesPerEntry = point.network().couplings().precision().bytes();
        double samples = s.duration() / point.plan().momentsInterval() + 1;
        double total = n * n * bytesPerEntry + 8.0 * 8 * n * columns + 8.0 * 4 * samples * gains;
        Resources.require("--g", "sweep of " + gains + " gains", "the batched state (N x replicas x gains columns; total "
                + Resources.size(total) + ")", total);
    }
}

package org.chaoslab.sim.rate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;

/**
 * P trajectory pairs of one realization advanced as the 2P columns of one state by {@code RateLoop}: one
 * matrix–matrix product per evaluation of the drive for all of them, pair p with the factor g_p on the product
 * (F = g_p·Jφ(x) + I, so that on unit-gain couplings J₁ pair p is the network at gain g_p, as in
 * {@link GainBatchSimulator}). Both columns of a pair are replica 0 of the unbatched run: its initial condition
 * ({@code seed/initial/0}) and its annealed noise ({@code seed/noise/0/i}, each column with generators of its own on
 * those streams, so the two receive the same increments). Until the step handler moves the second column — places a
 * replica beside the trajectory, renormalizes their distance — the two are the same trajectory bit for bit.
 *
 * <p>The rest is {@code RateLoop}'s: a pair whose state diverges (NaN/Inf, or Σ|x| beyond
 * {@link Divergence#STATE_LIMIT} over its two columns), or that the handler refuses, stops alone at that step and
 * leaves the batch; the other pairs' bits do not change (each entry of the pure-Java product depends on its column
 * alone, everything else is element-wise), and results do not depend on the thread count.
 */
public final class ReplicaPairs {

    /** Columns per pair. */
    public static final int WIDTH = 2;

    /**
     * What one pair did.
     *
     * @param steps      steps it completed before it stopped (all of them when it completed)
     * @param divergence where it stopped, if its state diverged or the handler stopped it
     * @param finalState its two columns at the end (or where it stopped): trajectory then replica, 2N values
     */
    public record Pair(long steps, Optional<Divergence> divergence, double[] finalState) {

        /** True when the pair took every step. */
        public boolean completed() {
            return divergence.isEmpty();
        }
    }

    /**
     * What the pairs did.
     *
     * @param pairs       per pair, in the order of the factors
     * @param wallSeconds wall-clock time of the integration, all pairs together
     */
    public record Run(List<Pair> pairs, double wallSeconds) {

        public Run {
            pairs = List.copyOf(pairs);
        }
    }

    private ReplicaPairs() {
    }

    /**
     * Runs {@code steps} steps of the pairs.
     *
     * @param realized the realization (its couplings, transfer function, constant input and noise)
     * @param factors  per pair the factor g_p of the product, P ≥ 1 (null: one pair with the product as it is)
     * @param steps    steps to take, ≥ 1 and &lt; 2³¹
     * @param dt       the step
     * @param handler  called for every pair still advancing, with its initial state (step 0) and after every step;
     *                 group p is pair p, its columns [from, from + N) the trajectory and [from + N, to) the replica
     */
    public static Run run(RealizedRateNetwork realized, double[] factors, long steps, double dt, IntegratorKind integrator,
                          long seed, double initialStd, int threads, GroupStepHandler handler, ProgressListener progress) {
        int pairs = factors == null ? 1 : factors.length;
        if (pairs < 1) {
            throw new IllegalArgumentException("a run of replica pairs needs at least one factor");
        }
        if (steps < 1 || steps >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("steps must be in [1, 2^31) (got " + steps + ")");
        }
        if ((long) WIDTH * pairs * realized.network().size() > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException("2 x pairs x n must fit one Java array (got 2 x " + pairs + " x "
                    + realized.network().size() + ")");
        }
        double[] gains = null;
        if (factors != null) {
            gains = new double[WIDTH * pairs];
            for (int p = 0; p < pairs; p++) {
                gains[WIDTH * p] = factors[p];
                gains[WIDTH * p + 1] = factors[p];
            }
        }
        int[] streams = new int[WIDTH * pairs];   // every column takes replica 0's streams
        // the loop's run: no transient, `steps` steps (steps·dt / dt rounds back to steps below 2^31)
        RateSimulation settings = new RateSimulation(dt, steps * dt, 0.0, integrator, WIDTH, seed, initialStd, threads);
        RateLoop.Outcome o = RateLoop.run(realized, gains, streams, WIDTH, settings, Collections.nCopies(pairs, List.of()),
                handler, progress == null ? ProgressListener.NONE : progress);
        List<Pair> out = new ArrayList<>(pairs);
        for (int p = 0; p < pairs; p++) {
            out.add(new Pair(o.recordedSteps()[p], Optional.ofNullable(o.divergences()[p]), o.finalStates()[p]));
        }
        return new Run(out, o.wallSeconds());
    }
}

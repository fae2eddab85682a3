package org.chaoslab.cli.explore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chaoslab.cli.rate.DmftSummary;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.theory.dmft.DmftOptions;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;
import org.chaoslab.theory.dmft.NoisyDmftSolution;
import org.chaoslab.theory.dmft.NoisyDmftSolver;

/**
 * The mean-field theory the rate view draws beside its simulation, computed as {@code dmft scs} computes it (the same
 * solvers, options and summary, {@link DmftSummary}): without annealed noise the stationary DMFT with its λ_max; with
 * white or OU noise the noisy DMFT, whose transition g_c (λ_max = 0) does not depend on g and is cached per φ, noise,
 * J0 and input. Thread-safe.
 */
final class RateTheory {

    /** The largest lag of Δ(τ) the view shows (the simulated autocorrelation goes as far). */
    static final double MAX_LAG = 20.0;
    /** Points of Δ(τ) sent to the browser. */
    private static final int CURVE_POINTS = 201;

    private final Map<String, Double> transitions = new ConcurrentHashMap<>();

    /**
     * The theory of one description.
     *
     * @param summary the results {@code dmft scs --json} prints for it
     * @param tau     the lags of the curve, 0 … {@link #MAX_LAG}
     * @param delta   Δ(τ) (centred autocovariance of x) at those lags
     */
    record Result(DmftSummary summary, double[] tau, double[] delta) {

        /** ⟨x²⟩ = Δ0 + μ², what the simulated population mean square estimates. */
        double meanSquare() {
            return summary.delta0() + summary.mean() * summary.mean();
        }
    }

    /** The theory of {@code net} (its N is ignored); g_c of a noisy network only if {@link #cachedTransition} has it. */
    Result solve(RateNetwork net) {
        var options = DmftOptions.defaults().withTauMax(Math.max(60.0, MAX_LAG));
        if (net.input().noise().annealed()) {
            NoisyDmftSolution s = NoisyDmftSolver.forNoise(net.input().noise(), options).solve(net);
            DmftSummary summary = DmftSummary.ofNoisy(s, net, cachedTransition(net));
            return new Result(summary, resample(s.tau()), curve(s.tau(), s.delta()));
        }
        DmftSolver solver = new DmftSolver(options);
        DmftSolution s = solver.solve(net);
        DmftSummary summary = DmftSummary.of(s, net, solver.engine());
        return new Result(summary, resample(s.tau()), curve(s.tau(), s.delta()));
    }

    /** Whether the network's g_c needs {@link #transition} (noisy, not cached yet). */
    boolean needsTransition(RateNetwork net) {
        return net.input().noise().annealed() && !transitions.containsKey(key(net));
    }

    /** g_c of a noisy network (λ_max = 0, as {@code dmft transition}), computed once per φ, noise, J0 and input. */
    double transition(RateNetwork net) {
        return transitions.computeIfAbsent(key(net), k -> NoisyDmftSolver.forNoise(net.input().noise(), DmftOptions.defaults())
                .transition(net).gCritical());
    }

    private double cachedTransition(RateNetwork net) {
        Double gc = transitions.get(key(net));
        return gc == null ? Double.NaN : gc;
    }

    private static String key(RateNetwork net) {
        Noise xi = net.input().noise();
        return net.transfer().name() + "|" + xi.label() + "|" + net.couplings().meanCoupling() + "|" + net.input().mean();
    }

    /** φ(x) on [−x_max, x_max] for the φ panel. */
    static double[][] transferCurve(TransferFunction phi, double xMax) {
        int points = 161;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int k = 0; k < points; k++) {
            x[k] = -xMax + 2 * xMax * k / (points - 1);
            y[k] = phi.phi(x[k]);
        }
        return new double[][] {x, y};
    }

    private static double[] resample(double[] tau) {
        double[] out = new double[CURVE_POINTS];
        if (tau.length == 0) {
            return new double[0];
        }
        for (int k = 0; k < CURVE_POINTS; k++) {
            out[k] = MAX_LAG * k / (CURVE_POINTS - 1);
        }
        return out;
    }

    /** The curve at the lags of {@link #resample} by linear interpolation (its grid step is 0.01, far finer). */
    private static double[] curve(double[] tau, double[] y) {
        if (tau.length == 0) {
            return new double[0];
        }
        double[] out = new double[CURVE_POINTS];
        int j = 0;
        for (int k = 0; k < CURVE_POINTS; k++) {
            double t = MAX_LAG * k / (CURVE_POINTS - 1);
            while (j + 1 < tau.length - 1 && tau[j + 1] < t) {
                j++;
            }
            if (t >= tau[tau.length - 1]) {
                out[k] = y[y.length - 1];
            } else {
                double w = (t - tau[j]) / (tau[j + 1] - tau[j]);
                out[k] = y[j] + w * (y[j + 1] - y[j]);
            }
        }
        return out;
    }
}

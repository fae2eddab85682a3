package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.PopulationInDegrees;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedPopulationNetwork;
import org.chaoslab.sim.record.PopulationRecording;
import org.chaoslab.sim.record.PopulationStatistics;
import org.chaoslab.theory.dmft.NoSolutionException;
import org.chaoslab.theory.populations.PopulationAutocorrelation;
import org.chaoslab.theory.populations.PopulationDmft;
import org.chaoslab.theory.populations.PopulationFixedPoint;
import org.chaoslab.theory.populations.PopulationMeanField;

/**
 * A multi-population rate network, the mean-field theory beside simulation (Kadmon &amp; Sompolinsky, PRX 5:041030,
 * 2015): per population the mean μ_k, the variance across units Δ_k and the temporal variance (0 at a fixed point) of
 * R network realizations (realization r from master seed {@code seed + r}, so that {@code simulate populations --seed}
 * reruns it), with standard errors from their scatter, and the phase the theory predicts (fixed point, chaotic where
 * ρ(M) &gt; 1, unstable means, or no static solution) beside the phase observed (a fixed point when every population's
 * temporal variance is below {@value #FIXED_POINT_TOLERANCE} of its variance across units, else fluctuating).
 *
 * <p>In the shape of every comparison: the theory solved once, {@link #simulate} runs one realization, {@link #compare}
 * is a pure function of the recordings and the theory, {@link #run} loops with {@link Realizations}. Above the
 * transition the theory is the stationary solution of the time-dependent population DMFT ({@link PopulationDmft}):
 * μ_k, Δ_k(0) for the variance across units, the temporal variance Δ_k(0) − Δ_k(∞) as the recording's window measures
 * it ({@link PopulationAutocorrelation#windowedTemporalVariance}), the spread of the units' time averages (Δ_k(∞) plus
 * what the window leaves of the temporal part), and Δ_k(τ) where recorded.
 */
public final class PopulationComparison {

    /** Relative temporal variance below which a run counts as having settled to a fixed point. */
    public static final double FIXED_POINT_TOLERANCE = 1e-6;

    /**
     * @param run            simulation settings (the seed of realization 0; replicas of one realization are averaged)
     * @param realizations   R ≥ 1 network realizations (≥ 2 for standard errors)
     * @param sampleInterval time between the states the statistics are formed from (&gt; 0; at least dt)
     * @param maxLag         the autocorrelations Δ_k(τ) up to this lag (0: none)
     * @param inDegrees      null for dense couplings, else the sparse network's in-degrees (a total K shared out in
     *                       proportion to the populations, or K_kl per block; {@link PopulationInDegrees})
     */
    public record Settings(RateSimulation run, int realizations, double sampleInterval, double maxLag,
                           PopulationInDegrees inDegrees) {
        public Settings {
            Validate.atLeast("realizations", realizations, 1);
            Validate.positive("sample-interval", sampleInterval);
            Validate.finiteAtLeast("acf-max-lag", maxLag, 0.0);
        }

        /** Dense couplings ({@code inDegree} 0) or sparse ones of total in-degree K = {@code inDegree}. */
        public Settings(RateSimulation run, int realizations, double sampleInterval, double maxLag, int inDegree) {
            this(run, realizations, sampleInterval, maxLag, sparse(inDegree));
        }

        /** Dense couplings. */
        public Settings(RateSimulation run, int realizations, double sampleInterval, double maxLag) {
            this(run, realizations, sampleInterval, maxLag, (PopulationInDegrees) null);
        }

        private static PopulationInDegrees sparse(int inDegree) {
            Validate.atLeast("k-in", inDegree, 0);
            return inDegree == 0 ? null : PopulationInDegrees.total(inDegree);
        }

        /** Steps between samples. */
        public int every() {
            return (int) Math.max(1, Math.round(sampleInterval / run.dt()));
        }

        /** Autocorrelation lags in samples (0: none); at most half the samples of the run (the rest would be noise). */
        public int lags() {
            if (maxLag == 0) {
                return 0;
            }
            long samples = (long) Math.floor(run.duration() / (every() * run.dt()));
            return (int) Math.max(0, Math.min(Math.round(maxLag / (every() * run.dt())) + 1, samples / 2));
        }
    }

    private PopulationComparison() {
    }

    /**
     * Solves the mean field of {@code net} (with the sparse network's in-degrees where the settings have them: the
     * dilution of the mean couplings, {@link PopulationMeanField#dilutionVariance}), simulates R realizations, and lays
     * them side by side.
     */
    public static PopulationComparisonResult run(PopulationNetwork net, Settings settings, PopulationMeanField theory,
                                                 ProgressListener progress) {
        Theory t = theory(theoryNetwork(net, settings), theory);
        Realizations.Recordings<PopulationRecording> runs = Realizations.run(settings.realizations(), settings.run().seed(),
                progress, (r, seed, p) -> simulate(net, settings, seed, p));
        return compare(net, t, runs);
    }

    /**
     * The theory of a network: its static fixed point (null when the static equations have no solution, with the
     * reason), the critical gain scale, and — where the fixed point is not stable — the stationary solution of the
     * time-dependent population DMFT ({@link PopulationDmft}; null with the reason when it has none).
     *
     * @param fixedPoint the static solution, or null
     * @param noSolution why there is none (null when there is)
     * @param gCritical  the factor on every g_kl at which the fixed point stops being stable (NaN: none up to 1000)
     * @param dynamic    the time-dependent solution (null below the transition, or when it was not found)
     * @param noDynamic  why the time-dependent solution is missing where it was sought (null otherwise)
     */
    public record Theory(PopulationFixedPoint fixedPoint, String noSolution, double gCritical,
                         PopulationAutocorrelation dynamic, String noDynamic) {

        /** "fixed-point", "chaotic", "unstable-means" or "no-static-solution". */
        public String phase() {
            return fixedPoint == null ? "no-static-solution"
                    : fixedPoint.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Whether the network's state is the time-dependent (chaotic) solution, which the comparison then uses. */
        public boolean isDynamic() {
            return dynamic != null && dynamic.isChaotic();
        }

        /** Whether the theory has the network's state: a stable fixed point, or the chaotic solution. */
        public boolean hasState() {
            return isDynamic() || (fixedPoint != null && fixedPoint.phase() == PopulationFixedPoint.Phase.FIXED_POINT);
        }
    }

    /** The network the theory describes: {@code net} with the simulated in-degrees K_kl when the couplings are sparse. */
    public static PopulationNetwork theoryNetwork(PopulationNetwork net, Settings settings) {
        return net.withInDegrees(settings.inDegrees() == null ? null : settings.inDegrees().resolve(net));
    }

    /** Solves the static equations, the critical scale, and the time-dependent DMFT where the fixed point is unstable. */
    public static Theory theory(PopulationNetwork net, PopulationMeanField theory) {
        double gc = theory.criticalGainScale(net);
        PopulationFixedPoint fp = null;
        String none = null;
        try {
            fp = theory.solve(net);
        } catch (NoSolutionException e) {
            none = e.getMessage();
        }
        if (fp != null && fp.phase() == PopulationFixedPoint.Phase.FIXED_POINT) {
            return new Theory(fp, null, gc, null, null);
        }
        try {
            return new Theory(fp, none, gc, new PopulationDmft().solve(net), null);
        } catch (NoSolutionException e) {
            return new Theory(fp, none, gc, null, e.getMessage());
        }
    }

    /** The realization with master seed {@code seed}: couplings, initial states and run from it. */
    public static Realizations.Outcome<PopulationRecording> simulate(PopulationNetwork net, Settings settings, long seed,
                                                                     ProgressListener progress) {
        RateSimulation s = settings.run().withSeed(seed);
        RealizedPopulationNetwork realized = RealizedPopulationNetwork.draw(net, seed, s.threads(), settings.inDegrees());
        PopulationStatistics rec = new PopulationStatistics(sizes(net), settings.every(), settings.lags(), 1024);
        RateRun run = RateSimulator.run(realized.realized(), s, List.of(rec), progress);
        return Realizations.Outcome.of(run.divergence(), rec::result);
    }

    /** N_k of every population. */
    public static int[] sizes(PopulationNetwork net) {
        int[] n = new int[net.populations()];
        for (int k = 0; k < n.length; k++) {
            n[k] = net.populationSize(k);
        }
        return n;
    }

    /** The comparison of the recordings that completed with the theory. */
    public static PopulationComparisonResult compare(PopulationNetwork net, Theory theory,
                                                     Realizations.Recordings<PopulationRecording> runs) {
        int p = net.populations();
        List<PopulationRecording> recs = runs.recordings();
        PopulationFixedPoint fp = theory.fixedPoint();
        PopulationAutocorrelation dyn = theory.isDynamic() ? theory.dynamic() : null;
        double[] muTheory = new double[p];
        double[] varTheory = new double[p];
        double[] rateTheory = new double[p];
        double[] temporalTheory = new double[p];
        double[] staticTheory = new double[p];
        // the chaotic state's temporal variance as the recordings measure it (each unit's variance about its own mean over
        // the window), and the spread of the time averages correspondingly above Δ(∞)
        double[] windowedAll = dyn == null ? null : recs.isEmpty() ? dyn.temporalVariance()
                : dyn.windowedTemporalVariance(recs.getFirst().samples(), recs.getFirst().sampleInterval());
        for (int k = 0; k < p; k++) {
            if (dyn != null) {
                double windowed = windowedAll[k];
                muTheory[k] = dyn.mean()[k];
                varTheory[k] = dyn.delta0()[k];
                rateTheory[k] = dyn.rate()[k];
                temporalTheory[k] = windowed;
                staticTheory[k] = dyn.delta0()[k] - windowed;
            } else if (fp != null) {
                muTheory[k] = fp.mean()[k];
                varTheory[k] = fp.variance()[k];
                rateTheory[k] = fp.rate()[k];
                temporalTheory[k] = 0.0;
                staticTheory[k] = fp.variance()[k];
            } else {
                muTheory[k] = varTheory[k] = rateTheory[k] = staticTheory[k] = Double.NaN;
                temporalTheory[k] = 0.0;
            }
        }
        Deviation[] mean = new Deviation[p];
        Deviation[] variance = new Deviation[p];
        Deviation[] temporal = new Deviation[p];
        Deviation[] rate = new Deviation[p];
        Deviation[] staticVariance = new Deviation[p];
        boolean settled = !recs.isEmpty();
        for (int k = 0; k < p; k++) {
            int kk = k;
            mean[k] = deviation(muTheory[k], recs, r -> r.mean()[kk]);
            variance[k] = deviation(varTheory[k], recs, r -> r.varianceAcrossUnits()[kk]);
            temporal[k] = deviation(temporalTheory[k], recs, r -> r.temporalVariance()[kk]);
            rate[k] = deviation(rateTheory[k], recs, r -> r.rate()[kk]);
            staticVariance[k] = deviation(staticTheory[k], recs, r -> r.staticVariance()[kk]);
            for (PopulationRecording r : recs) {
                settled &= r.temporalVariance()[k] <= FIXED_POINT_TOLERANCE * r.varianceAcrossUnits()[k];
            }
        }
        String observed = recs.isEmpty() ? "none" : settled ? "fixed-point" : "fluctuating";
        List<String> problems = new ArrayList<>();
        runs.failures().forEach(f -> problems.add(f.line()));
        return new PopulationComparisonResult(theory, observed, mean, variance, temporal, rate, staticVariance,
                averageAutocorrelation(recs), recs, problems);
    }

    private static Deviation deviation(double theory, List<PopulationRecording> recs,
                                       java.util.function.ToDoubleFunction<PopulationRecording> of) {
        RunningStatistics s = RunningStatistics.of(recs.stream().mapToDouble(of).toArray());
        double se = recs.size() >= 2 ? s.standardError() : Double.NaN;
        return Deviation.of(theory, recs.isEmpty() ? Double.NaN : s.mean(), se);
    }

    /** Δ_k(τ) averaged over the realizations that recorded it, [k][lag], or null. */
    private static double[][] averageAutocorrelation(List<PopulationRecording> recs) {
        List<PopulationRecording> with = recs.stream().filter(PopulationRecording::hasAutocorrelation).toList();
        if (with.isEmpty()) {
            return null;
        }
        int p = with.getFirst().populations();
        int lags = with.getFirst().lagTimes().length;
        double[][] avg = new double[p][lags];
        for (PopulationRecording r : with) {
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < lags; l++) {
                    avg[k][l] += r.autocorrelation()[k][l] / with.size();
                }
            }
        }
        return avg;
    }
}

package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.Estimate;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.record.RateRecording;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;

/**
 * The SCS rate network, theory beside simulation: R independent network realizations (realization r
 * uses master seed {@code seed + r}, so any one of them can be rerun with {@code simulate rate --seed}),
 * the DMFT solution, and the deviations of ⟨x²⟩, ⟨φ²⟩ and of the autocorrelation with error bars
 * from the scatter over realizations (which holds both the disorder and the finite-time noise).
 *
 * <p>In the shape of every comparison (package comment): {@link Settings} with {@link Settings#withSeed}; the
 * theory is the DMFT solution, solved once ({@link DmftSolver#solve}); {@link #simulate} runs one realization;
 * {@link #compare} is a pure function of the recordings and the theory; {@link #run} loops over the realizations
 * with {@link Realizations}. A realization that diverges is left out and listed in
 * {@link ScsComparisonResult#problems()}.
 */
public final class ScsComparison {

    /**
     * @param run          simulation settings (the seed of realization 0)
     * @param realizations R ≥ 2 network realizations
     * @param plan         what each run records
     * @param shapeMaxLag  the autocorrelation shapes are compared on τ ∈ [0, shapeMaxLag]
     */
    public record Settings(RateSimulation run, int realizations, RecordingPlan plan, double shapeMaxLag) {
        public Settings {
            Validate.atLeast("realizations", realizations, 2);
            Validate.positive("shape-max-lag", shapeMaxLag);
            if (plan.correlationMaxLag() < shapeMaxLag) {
                plan = plan.withCorrelationMaxLag(shapeMaxLag);
            }
        }

        /** The same runs from another master seed. */
        public Settings withSeed(long s) {
            return new Settings(run.withSeed(s), realizations, plan, shapeMaxLag);
        }
    }

    /**
     * One realization that completed.
     *
     * @param recording   what its run recorded ({@link Settings#plan()})
     * @param wallSeconds wall-clock time of its integration
     */
    public record Realization(RateRecording recording, double wallSeconds) {
    }

    private ScsComparison() {
    }

    /** Solves the DMFT of {@code network}, simulates R realizations, and lays them side by side. */
    public static ScsComparisonResult run(RateNetwork network, Settings settings, DmftSolver solver,
                                          ProgressListener progress) {
        DmftSolution theory = solver.solve(network);
        Realizations.Recordings<Realization> runs = Realizations.run(settings.realizations(), settings.run().seed(), progress,
                (r, seed, p) -> simulate(network, settings, seed, p));
        return compare(settings, theory, runs);
    }

    /** The realization with master seed {@code seed}: the settings' run and recording plan. */
    public static Realizations.Outcome<Realization> simulate(RateNetwork network, Settings settings, long seed,
                                                             ProgressListener progress) {
        RateSimulation s = settings.run().withSeed(seed);
        StandardRecording rec = new StandardRecording(settings.plan(), s.dt(), network.size());
        RateRun run = RateSimulator.run(network, s, rec.recorders(), progress);
        return Realizations.Outcome.of(run.divergence(), () -> new Realization(rec.result(), run.wallSeconds()));
    }

    /**
     * The completed realizations against the DMFT (a pure function of its arguments); the diverged ones become
     * {@link ScsComparisonResult#problems()}. With no completed realization the deviations are NaN.
     */
    public static ScsComparisonResult compare(Settings settings, DmftSolution theory, Realizations.Recordings<Realization> runs) {
        List<RateRecording> recs = runs.recordings().stream().map(Realization::recording).toList();
        List<String> problems = runs.failures().stream().map(Realizations.Failure::line).toList();
        double wall = 0;
        for (Realization run : runs.recordings()) {
            wall += run.wallSeconds();
        }
        int r = recs.size();
        double[] ms = new double[r];
        double[] c0 = new double[r];
        double[] mean = new double[r];
        for (int k = 0; k < r; k++) {
            ms[k] = recs.get(k).meanSquare().value();
            c0[k] = recs.get(k).meanSquareRate();
            mean[k] = recs.get(k).mean();
        }
        double mu = theory.mean();
        Deviation msDev = deviation(theory.delta0() + mu * mu, ms);
        Deviation c0Dev = deviation(theory.c0(), c0);
        Deviation meanDev = deviation(mu, mean);

        double[] lags = r > 0 && recs.get(0).hasAutocorrelation() ? recs.get(0).lagTimes() : new double[0];
        int nLag = lags.length;
        if (nLag == 0) {
            return ScsComparisonResult.withoutAutocorrelation(theory, msDev, c0Dev, meanDev, ms, c0, r, problems, wall);
        }
        Estimate[] acf = new Estimate[nLag];
        Estimate[] rateAcf = new Estimate[nLag];
        double[] thDelta = new double[nLag];
        double[] thRate = new double[nLag];
        for (int j = 0; j < nLag; j++) {
            RunningStatistics a = new RunningStatistics();
            RunningStatistics b = new RunningStatistics();
            for (RateRecording rec : recs) {
                a.add(rec.stateAutocorrelation()[j]);
                b.add(rec.rateAutocorrelation()[j]);
            }
            acf[j] = a.estimate();
            rateAcf[j] = b.estimate();
            thDelta[j] = interpolate(theory.tau(), theory.delta(), lags[j]) + mu * mu;
            thRate[j] = interpolate(theory.tau(), theory.rateCorrelation(), lags[j]);
        }
        List<double[]> xs = recs.stream().map(RateRecording::stateAutocorrelation).toList();
        List<double[]> ps = recs.stream().map(RateRecording::rateAutocorrelation).toList();
        ShapeDeviation shape = ShapeDeviation.of(lags, thDelta, xs, settings.shapeMaxLag());
        ShapeDeviation rateShape = ShapeDeviation.of(lags, thRate, ps, settings.shapeMaxLag());
        return new ScsComparisonResult(theory, msDev, c0Dev, meanDev, shape, rateShape, ms, c0, lags, acf, thDelta, rateAcf,
                thRate, r, problems, wall);
    }

    private static Deviation deviation(double theory, double[] values) {
        RunningStatistics s = RunningStatistics.of(values);
        return Deviation.of(theory, s.mean(), s.standardError());
    }

    /** Linear interpolation on an increasing grid; beyond its end, the last value; NaN without a grid (no theory). */
    static double interpolate(double[] x, double[] y, double at) {
        if (x.length == 0 || y.length < x.length) {
            return Double.NaN;
        }
        if (at <= x[0]) {
            return y[0];
        }
        int n = x.length;
        if (at >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }
}

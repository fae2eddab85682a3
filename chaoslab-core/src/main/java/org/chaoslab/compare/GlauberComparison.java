package org.chaoslab.compare;

import java.util.List;

import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.model.MatchedRateNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.GlauberReplicaSimulator;
import org.chaoslab.sim.binary.GlauberSimulator;
import org.chaoslab.sim.binary.MatchedRateSimulator;
import org.chaoslab.theory.glauber.GlauberAutocorrelation;
import org.chaoslab.theory.glauber.GlauberReplicaDistance;
import org.chaoslab.theory.glauber.GlauberStationaryState;

/**
 * The Glauber network, theory beside simulation: R realizations (realization r uses master seed {@code seed + r};
 * binary network, matched rate network and the two replicas share its couplings). Compared: the mean rate and the
 * unit autocorrelation C(s) of the binary and of the matched rate network against the dynamic mean field
 * ({@link GlauberAutocorrelation}); N·Var m(t) of the two networks side by side (the mean field, N → ∞, does not
 * predict it); the replica distance d(t) after one flipped unit against the mean-field ODE
 * ({@link GlauberReplicaDistance}), its late value against d*, and the early/late growth-rate ratio
 * ln(d(t₁)/d(0))/t₁ ÷ ln(d(2t₂)/d(t₂))/t₂ with t₁ = τ/2, t₂ = τ (1 for exponential growth; large for the √d law).
 * The matched rate network's replica distance after the same-sized perturbation (one y_j changed by 1, identical
 * noise draws in both replicas) is recorded beside it: Keup et al. find matched rate networks not chaotic.
 *
 * <p>In the shape of every comparison (package comment): {@link Settings} with {@link Settings#withSeed};
 * {@link Theory#solve} once; {@link #simulate} runs one realization; {@link #compare} is a pure function of the
 * recordings and the theory; {@link #run} loops over the realizations with {@link Realizations}. Every realization
 * completes: binary units cannot diverge, and the matched network's exponential step relaxes y towards a gain in
 * [0, 1] plus noise of fixed variance.
 */
public final class GlauberComparison {

    /**
     * @param realizations   R ≥ 2
     * @param seed           master seed of realization 0
     * @param duration       recorded time of the binary and rate runs (τ units)
     * @param transientTime  discarded time before recording (and before the flip)
     * @param sampleInterval sampling interval of states and d(t)
     * @param maxLag         largest lag of the autocorrelations (τ units)
     * @param rateDt         integration step of the matched rate network (divides sampleInterval)
     * @param replicaDuration recorded time of the replica runs
     * @param sharedNoise    whether the replicas share their threshold-noise draws
     */
    public record Settings(int realizations, long seed, double duration, double transientTime, double sampleInterval,
                           double maxLag, double rateDt, double replicaDuration, boolean sharedNoise) {

        /** The same runs from another master seed. */
        public Settings withSeed(long s) {
            return new Settings(realizations, s, duration, transientTime, sampleInterval, maxLag, rateDt, replicaDuration, sharedNoise);
        }

        public Settings {
            Validate.atLeast("realizations", realizations, 2);
            Validate.positive("duration", duration);
            Validate.finiteAtLeast("transientTime", transientTime, 0.0);
            Validate.positive("sampleInterval", sampleInterval);
            Validate.positive("maxLag", maxLag);
            Validate.positive("rateDt", rateDt);
            Validate.positive("replicaDuration", replicaDuration);
            if (maxLag >= duration) {
                throw new IllegalArgumentException("maxLag must be below duration (got " + maxLag + " >= " + duration + ")");
            }
        }
    }

    private GlauberComparison() {
    }

    /**
     * The mean-field side, solved once: the stationary state, the autocorrelation (which fixes the matched rate
     * network's output noise), the matched network, the replica-distance ODE.
     */
    public record Theory(GlauberStationaryState state, GlauberAutocorrelation autocorrelation, MatchedRateNetwork matched,
                         GlauberReplicaDistance replicaDistance) {

        /** Solves the theory of {@code net} on the settings' lag grid. */
        public static Theory solve(GlauberNetwork net, Settings settings, GaussianExpectation engine) {
            GlauberStationaryState state = GlauberStationaryState.solve(net, engine);
            double step = Math.min(0.02 * net.tau(), settings.sampleInterval());
            GlauberAutocorrelation acf = GlauberAutocorrelation.solve(state, step,
                    Math.max(settings.maxLag(), 10 * net.tau()) + step, engine);
            return new Theory(state, acf, new MatchedRateNetwork(net, acf.outputNoiseVariance()),
                    new GlauberReplicaDistance(state, settings.sharedNoise(), engine));
        }
    }

    /**
     * One realization reduced to what the comparison needs.
     *
     * @param binary      the Glauber network's run (mean rate, autocorrelation, rates)
     * @param rate        the matched rate network's run
     * @param replicas    the Glauber replica distance after one flipped unit
     * @param rateDistance the matched network's replica distance after the same-sized perturbation
     */
    public record Realization(GlauberSimulator.Recording binary, MatchedRateSimulator.Recording rate,
                              GlauberReplicaSimulator.Recording replicas, double[] rateDistance) {
    }

    /** Solves the theory, simulates R realizations, and lays them side by side. */
    public static GlauberComparisonResult run(GlauberNetwork net, Settings settings, GaussianExpectation engine,
                                              ProgressListener progress) {
        if (settings.replicaDuration() < 2 * net.tau()) {
            throw new IllegalArgumentException("replicaDuration must be >= 2 tau = " + 2 * net.tau() + " (got " + settings.replicaDuration() + ")");
        }
        Theory theory = Theory.solve(net, settings, engine);
        Realizations.Recordings<Realization> runs = Realizations.run(settings.realizations(), settings.seed(), progress,
                (r, seed, p) -> Realizations.Outcome.recorded(simulate(net, theory, settings, seed)));
        return compare(net, settings, theory, runs);
    }

    /** Realization {@code seed}: the binary network, its matched twin, and both replica experiments. */
    public static Realization simulate(GlauberNetwork net, Theory theory, Settings settings, long seed) {
        int lagCount = lagCount(settings);
        return new Realization(
                GlauberSimulator.run(net, settings.duration(), settings.transientTime(), settings.sampleInterval(), seed, lagCount),
                MatchedRateSimulator.run(theory.matched(), settings.duration(), settings.transientTime(), settings.rateDt(),
                        settings.sampleInterval(), lagCount, seed),
                GlauberReplicaSimulator.run(net, settings.replicaDuration(), settings.transientTime(), settings.sampleInterval(),
                        seed, settings.sharedNoise()),
                MatchedRateSimulator.replicaDistance(theory.matched(), settings.replicaDuration(), settings.transientTime(),
                        settings.rateDt(), settings.sampleInterval(), 1.0, seed));
    }

    private static int lagCount(Settings settings) {
        return (int) Math.round(settings.maxLag() / settings.sampleInterval());
    }

    /** The realizations against the theory (a pure function of its arguments). */
    public static GlauberComparisonResult compare(GlauberNetwork net, Settings settings, Theory theory,
                                                  Realizations.Recordings<Realization> recordings) {
        List<Realization> runs = recordings.recordings();
        GlauberStationaryState state = theory.state();
        GlauberAutocorrelation acf = theory.autocorrelation();
        GlauberReplicaDistance rd = theory.replicaDistance();
        int lagCount = lagCount(settings);
        int r = runs.size();
        RunningStatistics mBinary = new RunningStatistics();
        RunningStatistics mRate = new RunningStatistics();
        RunningStatistics[] cBinary = stats(lagCount + 1);
        RunningStatistics[] cRate = stats(lagCount + 1);
        RunningStatistics vBinary = new RunningStatistics();
        RunningStatistics vRate = new RunningStatistics();
        RunningStatistics dLate = new RunningStatistics();
        double[] dRate = null;
        double[] dSum = null;
        double[] time = null;
        int survived = 0;
        double wall = 0;
        for (Realization run : runs) {
            GlauberSimulator.Recording b = run.binary();
            MatchedRateSimulator.Recording y = run.rate();
            GlauberReplicaSimulator.Recording d = run.replicas();
            double[] dy = run.rateDistance();
            if (dRate == null) {
                dRate = new double[dy.length];
            }
            for (int s = 0; s < dy.length; s++) {
                dRate[s] += dy[s] / r;
            }
            mBinary.add(b.meanRate());
            mRate.add(y.meanRate());
            for (int l = 0; l <= lagCount; l++) {
                cBinary[l].add(b.autocorrelation()[l]);
                cRate[l].add(y.autocorrelation()[l]);
            }
            vBinary.add(net.n() * RunningStatistics.of(b.rate()).variance());
            vRate.add(net.n() * RunningStatistics.of(y.rate()).variance());
            double[] dist = d.distance();
            double late = 0;
            int count = 0;
            for (int s = dist.length / 2; s < dist.length; s++) {
                late += dist[s];
                count++;
            }
            if (late > 0) { // a single flip can heal before it spreads; only surviving perturbations saturate at d*
                dLate.add(late / count);
                survived++;
                if (dSum == null) {
                    dSum = new double[dist.length];
                    time = d.time();
                }
                for (int s = 0; s < dist.length; s++) {
                    dSum[s] += dist[s];
                }
            }
            wall += b.wallSeconds() + y.wallSeconds() + d.wallSeconds();
        }
        int samples = (int) Math.floor(settings.replicaDuration() / settings.sampleInterval() + 1e-9) + 1;
        if (time == null) {
            time = new double[samples];
            dSum = new double[samples];
            for (int s = 0; s < samples; s++) {
                time[s] = s * settings.sampleInterval();
            }
        }
        double[] dMean = new double[time.length];
        for (int s = 0; s < dMean.length; s++) {
            dMean[s] = survived == 0 ? 0 : dSum[s] / survived;
        }
        int stride = (int) Math.ceil(settings.sampleInterval() / 0.01);
        double[][] traj = rd.trajectory(1.0 / net.n(), time[time.length - 1], settings.sampleInterval() / stride);
        double[] dTheory = new double[time.length];
        for (int s = 0; s < time.length; s++) {
            dTheory[s] = traj[1][Math.min(traj[1].length - 1, s * stride)];
        }
        double[] lags = new double[lagCount + 1];
        Deviation[] devB = new Deviation[lagCount + 1];
        Deviation[] devY = new Deviation[lagCount + 1];
        double m2 = state.m() * state.m();
        for (int l = 0; l <= lagCount; l++) {
            lags[l] = l * settings.sampleInterval();
            double c2 = acf.covarianceAt(lags[l]) + m2;
            devB[l] = Deviation.of(c2, cBinary[l].mean(), cBinary[l].standardError());
            devY[l] = Deviation.of(c2, cRate[l].mean(), cRate[l].standardError());
        }
        double[] ratio = {growthRatio(time, dMean, net.tau()), growthRatio(time, dTheory, net.tau())};
        return new GlauberComparisonResult(state, acf, Deviation.of(state.m(), mBinary.mean(), mBinary.standardError()),
                Deviation.of(state.m(), mRate.mean(), mRate.standardError()), lags, devB, devY,
                new double[] {vBinary.mean(), vBinary.standardError()}, new double[] {vRate.mean(), vRate.standardError()},
                Deviation.of(rd.fixedPoint(), dLate.mean(), dLate.count() >= 2 ? dLate.standardError() : Double.NaN),
                state.decorrelatedDistance(), rd.growthCoefficient(), rd.growthExponent(1e-7), ratio, time, dMean, dTheory,
                dRate, survived, r, settings.sharedNoise(), wall);
    }

    /** [ln(d(τ/2)/d(0))/(τ/2)] / [ln(d(2τ)/d(τ))/τ]: 1 for an exponential, ≫ 1 for the √d law. */
    static double growthRatio(double[] time, double[] d, double tau) {
        double early = Math.log(at(time, d, 0.5 * tau) / d[0]) / (0.5 * tau);
        double late = Math.log(at(time, d, 2 * tau) / at(time, d, tau)) / tau;
        return early / late;
    }

    private static double at(double[] time, double[] d, double t) {
        int best = 0;
        for (int s = 0; s < time.length; s++) {
            if (Math.abs(time[s] - t) < Math.abs(time[best] - t)) {
                best = s;
            }
        }
        return d[best];
    }

    private static RunningStatistics[] stats(int n) {
        RunningStatistics[] s = new RunningStatistics[n];
        for (int i = 0; i < n; i++) {
            s[i] = new RunningStatistics();
        }
        return s;
    }
}

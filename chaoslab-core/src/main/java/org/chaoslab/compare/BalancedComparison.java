package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;
import org.chaoslab.analysis.RunningStatistics;
import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedGraph;
import org.chaoslab.sim.binary.BalancedRecording;
import org.chaoslab.sim.binary.BalancedRun;
import org.chaoslab.sim.binary.BalancedSimulator;
import org.chaoslab.sim.binary.TransitionStatistics;
import org.chaoslab.theory.balanced.BalancedMeanField;
import org.chaoslab.theory.balanced.BalancedSolution;
import org.chaoslab.theory.balanced.ReplicaDistance;

/**
 * The balanced binary network, theory beside simulation: R network realizations (realization r uses
 * master seed {@code seed + r}, rerunnable with {@code simulate balanced --seed}), each with two replicas
 * that differ by one flipped excitatory unit at the end of the transient. Rates and q are compared with
 * the finite-K mean field, with standard errors from the scatter over realizations; q is estimated
 * without the finite-time bias as the mean over units of r₁·r₂ (rates of the two halves of the run);
 * the rate distribution by KS distance; the late-time replica distance (realizations whose perturbation
 * survived) with D* = 2(m − q); CV and Fano
 * factors beside the Poisson value 1.
 */
public final class BalancedComparison {

    /**
     * @param run          simulation settings (seed of realization 0; replicas are set to 2 with one flip)
     * @param realizations R ≥ 2
     * @param fanoWindow   counting window of the Fano factors
     * @param rateDistributions whether to compute the KS distances of the rate distributions (slow: seconds
     *                     per population)
     */
    public record Settings(BalancedRun run, int realizations, double fanoWindow, boolean rateDistributions) {
        public Settings {
            Validate.atLeast("--realizations", realizations, 2);
            Validate.positive("--fano-window", fanoWindow);
            if (run.rateBlocks() != 2) {
                throw new IllegalArgumentException("compare needs 2 rate blocks (got " + run.rateBlocks() + ")");
            }
            run = run.withReplicas(2, true);
        }
    }

    private BalancedComparison() {
    }

    /** Solves the theory of {@code network}, simulates R realizations, and lays them side by side. */
    public static BalancedComparisonResult run(BalancedNetwork network, Settings settings, BalancedMeanField solver,
                                               ProgressListener progress) {
        BalancedSolution theory = solver.solve(network);
        int r = settings.realizations();
        List<BalancedRecording> recs = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            BalancedRun run = settings.run();
            BalancedRun rk = new BalancedRun(run.duration(), run.transientTime(), run.sampleInterval(), run.seed() + k,
                    run.schedule(), 2, true, run.initialActivity(), 2, run.inputUnits(), run.trainUnits(), run.acfUnits(),
                    run.acfMaxLag());
            BalancedGraph graph = BalancedGraph.realize(network, rk.seed());
            int done = k;
            recs.add(BalancedSimulator.run(network, graph, rk,
                    (d, total) -> progress.progress(done * total + d, (long) r * total)));
        }
        return summarize(network, settings, theory, recs, solver.engine());
    }

    static BalancedComparisonResult summarize(BalancedNetwork net, Settings settings, BalancedSolution theory,
                                              List<BalancedRecording> recs, GaussianExpectation engine) {
        int nE = net.nE();
        int n = net.size();
        RunningStatistics[] m = {new RunningStatistics(), new RunningStatistics()};
        RunningStatistics[] q = {new RunningStatistics(), new RunningStatistics()};
        RunningStatistics[] dLate = {new RunningStatistics(), new RunningStatistics()};
        RunningStatistics[] cv = {new RunningStatistics(), new RunningStatistics()};
        RunningStatistics[] fano = {new RunningStatistics(), new RunningStatistics()};
        List<BalancedRateDistribution> ks = new ArrayList<>();
        int survived = 0;
        double wall = 0;
        long updates = 0;
        long events = 0;
        int samples = recs.get(0).time().length;
        double[] dE = new double[samples];
        double[] dI = new double[samples];
        for (BalancedRecording rec : recs) {
            double[] h1 = rec.unitRates()[0];
            double[] h2 = rec.unitRates()[1];
            for (int pop = 0; pop < 2; pop++) {
                int from = pop == 0 ? 0 : nE;
                int to = pop == 0 ? nE : n;
                double sm = 0;
                double sq = 0;
                for (int i = from; i < to; i++) {
                    sm += 0.5 * (h1[i] + h2[i]);
                    sq += h1[i] * h2[i]; // unbiased for m_i² when the halves' noises are independent
                }
                m[pop].add(sm / (to - from));
                q[pop].add(sq / (to - from));
                if (settings.rateDistributions()) {
                    ks.add(BalancedRateDistribution.of(theory, pop, h1, h2, from, to, engine));
                }
                double[] d = pop == 0 ? rec.distanceE() : rec.distanceI();
                double late = 0;
                int count = 0;
                for (int s = d.length / 2; s < d.length; s++) {
                    late += d[s];
                    count++;
                }
                if (late > 0) { // a single flip can heal before it spreads; only surviving perturbations saturate at D*
                    dLate[pop].add(late / count);
                }
                if (pop == 0 && late > 0) {
                    survived++;
                }
                TransitionStatistics ts = TransitionStatistics.of(rec, pop == 0, nE, settings.run().duration(), settings.fanoWindow());
                if (ts.units() > 0) {
                    cv[pop].add(ts.meanCv());
                }
                if (Double.isFinite(ts.meanFano())) {
                    fano[pop].add(ts.meanFano());
                }
            }
            for (int s = 0; s < samples; s++) {
                dE[s] += rec.distanceE()[s] / recs.size();
                dI[s] += rec.distanceI()[s] / recs.size();
            }
            wall += rec.wallSeconds();
            updates += rec.updates();
            events += rec.synapticEvents();
        }
        ReplicaDistance rd = new ReplicaDistance(theory, engine);
        double dt = settings.run().sampleInterval();
        // RK4 at step h = dt/⌈dt/0.05⌉ up to min(T, 20 τ_E): D saturates within a few τ, later samples repeat the end
        int stride = (int) Math.ceil(dt / 0.05);
        double horizon = Math.min(settings.run().duration(), 20 * net.tauE());
        double[][] traj = rd.trajectory(1.0 / nE, 0.0, horizon, dt / stride);
        double[] thE = new double[samples];
        double[] thI = new double[samples];
        for (int s = 0; s < samples; s++) {
            int idx = Math.min(traj[0].length - 1, s * stride);
            thE[s] = traj[1][idx];
            thI[s] = traj[2][idx];
        }
        return new BalancedComparisonResult(theory,
                dev(theory.mE(), m[0]), dev(theory.mI(), m[1]), dev(theory.qE(), q[0]), dev(theory.qI(), q[1]),
                dev(theory.distanceFixedPoint(0), dLate[0]), dev(theory.distanceFixedPoint(1), dLate[1]),
                ks, stat(cv[0]), stat(cv[1]), stat(fano[0]), stat(fano[1]), rd.growthExponent(1e-6),
                recs.get(0).time(), dE, dI, thE, thI, survived, recs.size(), wall, updates / wall, events / wall);
    }

    private static Deviation dev(double theory, RunningStatistics s) {
        return Deviation.of(theory, s.mean(), s.standardError());
    }

    private static double[] stat(RunningStatistics s) {
        return new double[] {s.mean(), s.standardError()};
    }
}

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
 *
 * <p>In the shape of every comparison (package comment): {@link Settings} with {@link Settings#withSeed};
 * {@link Theory#solve} the mean field and its replica-distance ODE, once; {@link #simulate} runs one realization;
 * {@link #compare} is a pure function of the recordings and the theory; {@link #run} loops over the realizations
 * with {@link Realizations}. Binary units cannot diverge: every realization completes.
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
            Validate.atLeast("realizations", realizations, 2);
            Validate.positive("fanoWindow", fanoWindow);
            if (run.rateBlocks() != 2) {
                throw new IllegalArgumentException("compare needs 2 rate blocks (got " + run.rateBlocks() + ")");
            }
            run = run.withReplicas(2, true);
        }

        /** The same runs from another master seed. */
        public Settings withSeed(long s) {
            return new Settings(run.withSeed(s), realizations, fanoWindow, rateDistributions);
        }
    }

    /**
     * The mean-field side, solved once.
     *
     * @param solution        the finite-K mean field (rates, q, D* = 2(m − q))
     * @param replicaDistance the replica-distance ODE of the mean field
     * @param distance        its trajectory {t, D_E, D_I} from D_E(0) = 1/N_E (RK4 at step h = Δt/⌈Δt/0.05⌉, Δt the
     *                        sampling interval, up to min(T, 20 τ_E): D saturates within a few τ, later samples repeat
     *                        the end)
     * @param engine          the Gaussian expectations of the solver (for the rate distributions)
     */
    public record Theory(BalancedSolution solution, ReplicaDistance replicaDistance, double[][] distance,
                         GaussianExpectation engine) {

        /** Solves the mean field of {@code network} and integrates the replica distance over the settings' run. */
        public static Theory solve(BalancedNetwork network, Settings settings, BalancedMeanField solver) {
            BalancedSolution solution = solver.solve(network);
            ReplicaDistance rd = new ReplicaDistance(solution, solver.engine());
            double dt = settings.run().sampleInterval();
            double horizon = Math.min(settings.run().duration(), 20 * network.tauE());
            return new Theory(solution, rd, rd.trajectory(1.0 / network.nE(), 0.0, horizon, dt / stride(settings)),
                    solver.engine());
        }
    }

    private BalancedComparison() {
    }

    /** RK4 steps of the replica-distance ODE per sampling interval. */
    private static int stride(Settings settings) {
        return (int) Math.ceil(settings.run().sampleInterval() / 0.05);
    }

    /** Solves the theory of {@code network}, simulates R realizations, and lays them side by side. */
    public static BalancedComparisonResult run(BalancedNetwork network, Settings settings, BalancedMeanField solver,
                                               ProgressListener progress) {
        Theory theory = Theory.solve(network, settings, solver);
        Realizations.Recordings<BalancedRecording> runs = Realizations.run(settings.realizations(), settings.run().seed(), progress,
                (r, seed, p) -> Realizations.Outcome.recorded(simulate(network, settings, seed, p)));
        return compare(network, settings, theory, runs);
    }

    /** The realization with master seed {@code seed}: its graph and the settings' run of two replicas, one unit flipped. */
    public static BalancedRecording simulate(BalancedNetwork network, Settings settings, long seed, ProgressListener progress) {
        BalancedRun run = settings.run().withSeed(seed);
        return BalancedSimulator.run(network, BalancedGraph.realize(network, seed), run, progress);
    }

    /** The realizations against the theory (a pure function of its arguments). */
    public static BalancedComparisonResult compare(BalancedNetwork net, Settings settings, Theory theory,
                                                   Realizations.Recordings<BalancedRecording> runs) {
        List<BalancedRecording> recs = runs.recordings();
        BalancedSolution solution = theory.solution();
        GaussianExpectation engine = theory.engine();
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
                    ks.add(BalancedRateDistribution.of(solution, pop, h1, h2, from, to, engine));
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
                    cv[pop].add(ts.cv().value());
                }
                if (Double.isFinite(ts.fano().value())) {
                    fano[pop].add(ts.fano().value());
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
        ReplicaDistance rd = theory.replicaDistance();
        int stride = stride(settings);
        double[][] traj = theory.distance();
        double[] thE = new double[samples];
        double[] thI = new double[samples];
        for (int s = 0; s < samples; s++) {
            int idx = Math.min(traj[0].length - 1, s * stride);
            thE[s] = traj[1][idx];
            thI[s] = traj[2][idx];
        }
        return new BalancedComparisonResult(solution,
                dev(solution.mE(), m[0]), dev(solution.mI(), m[1]), dev(solution.qE(), q[0]), dev(solution.qI(), q[1]),
                dev(solution.distanceFixedPoint(0), dLate[0]), dev(solution.distanceFixedPoint(1), dLate[1]),
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

package org.chaoslab.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;

/**
 * ms per Euler step of chaoslab's rate simulator, through its public entry point
 * {@link RateSimulator#run(RealizedRateNetwork, RateSimulation, List, ProgressListener)}: no
 * recorders, the integration time {@link RateRun#wallSeconds()} only (coupling sampling excluded).
 * The realization is drawn once; warm-up runs of doubling length (JIT) also estimate the step time,
 * from which the timed runs get a step count lasting about {@code repSeconds} each.
 */
final class SimulatorTiming {

    /** Gain of the SCS network: chaotic (g &gt; 1) and far from the transition. */
    static final double GAIN = 2.0;
    /** Euler step (τ = 1); the same in the numpy baseline. */
    static final double DT = 0.05;
    static final long SEED = 20261124L;

    private SimulatorTiming() {
    }

    /** @return ms per step per repetition; unitsPerRep = steps */
    static Timing measure(BenchCase c, int threads, double warmupSeconds, double repSeconds, int reps, int maxReps)
            throws Exception {
        RateNetwork net = RateNetwork.scs(c.n(), GAIN, new TransferFunctions.Tanh());
        net = net.withCouplings(net.couplings().withPrecision(c.precision()));
        return measure(RealizedRateNetwork.draw(net, SEED, threads), c, threads, warmupSeconds, repSeconds, reps, maxReps);
    }

    /** The same for a network already drawn. */
    static Timing measure(RealizedRateNetwork realized, BenchCase c, int threads, double warmupSeconds, double repSeconds,
                          int reps, int maxReps) throws Exception {
        double perStep = warmUp(realized, c, threads, warmupSeconds);
        long timed = Math.max(5, Math.round(repSeconds / perStep));
        return Timing.repeat(timed, reps, maxReps, () -> run(realized, c, threads, timed) / timed * 1e3);
    }

    /**
     * Warm-up runs of doubling length until {@code warmupSeconds} are spent and the code has settled: the JIT
     * compiled nothing during the last run and its time per step is within 10 % of the run before (or at most
     * {@value #MAX_WARMUP_FACTOR}× the warm-up time). On a busy machine the JIT's compiler threads get little CPU,
     * and a fixed warm-up can end while the kernels still run in the interpreter (which made one N = 500 step look
     * 300× slower than it is; two equally slow interpreted runs in a row are why the compilation count is checked).
     *
     * @return the last run's seconds per step
     */
    static double warmUp(RealizedRateNetwork realized, BenchCase c, int threads, double warmupSeconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        double spent = 0.0;
        double previous = Double.NaN;
        long steps = 1;
        while (true) {
            long compiling = jitTimed ? jit.getTotalCompilationTime() : 0L;
            double t = run(realized, c, threads, steps);
            boolean compiled = jitTimed && jit.getTotalCompilationTime() != compiling;
            spent += t;
            double perStep = t / steps;
            boolean settled = !compiled && Math.abs(perStep - previous) <= 0.1 * Math.min(perStep, previous);
            if (spent >= warmupSeconds && settled || spent >= MAX_WARMUP_FACTOR * warmupSeconds) {
                return perStep;
            }
            previous = perStep;
            if (t < 0.5 * warmupSeconds) {
                steps *= 2;
            }
        }
    }

    /** Cap of the warm-up, in units of the requested warm-up time. */
    static final int MAX_WARMUP_FACTOR = 20;

    /** Wall seconds of {@code steps} Euler steps. */
    static double run(RealizedRateNetwork realized, BenchCase c, int threads, long steps) {
        RateSimulation sim = RateSimulation.of(DT, steps * DT, 0.0, SEED)
                .withReplicas(c.replicas())
                .withThreads(threads)
                .withIntegrator(IntegratorKind.EULER);
        RateRun run = RateSimulator.run(realized, sim, List.of(), ProgressListener.NONE);
        if (!run.completed()) {
            throw new IllegalStateException(c.label() + ": the state diverged at " + run.divergence().orElseThrow());
        }
        return run.wallSeconds();
    }
}

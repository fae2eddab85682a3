package org.chaoslab.sim.kernel;

import java.util.List;
import java.util.Optional;

import org.chaoslab.linalg.BFloat16Matrix;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.CouplingSampler;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.binary.BalancedGraph;

/**
 * Simulates one realization of a {@link StimulusNetwork} responding to every stimulus of a {@link Stimuli} set,
 * T trials each, all P·T columns advanced together (Bauer, Keup, Kadmon &amp; Helias 2026). From one master seed:
 * couplings {@code couplings/i} (the same J as {@code sim.rate} and {@code sim.binary} for that seed), input
 * weights {@code stimuli/f} (balanced network: the graph {@code connectivity/unit/i} of {@code sim.binary}), initial states {@code initial/p/t} (STATIONARY) or {@code initial/shared} (TRANSIENT),
 * Glauber updates {@code updates/p/t}, matched-rate noise {@code noise/p/t}: results are bit-identical for any
 * thread count. The driver advances the state to each recording time and hands it to the recorders; a NaN/Inf rate
 * state stops the run at the step named in {@link ResponseRun#divergence()}.
 */
public final class KernelSimulator {

    private KernelSimulator() {
    }

    /**
     * Runs the protocol and keeps every snapshot (float32 P × T × N per recording time). The memory is estimated
     * first ({@link ResponseMemory}); a run that does not fit the heap fails at once with the estimate.
     */
    public static StimulusResponses run(StimulusNetwork network, Stimuli stimuli, ResponseProtocol protocol, long seed,
                                        int threads, ProgressListener progress) {
        return run(network, stimuli, protocol, seed, threads, progress, BinaryFieldKernel.preferred());
    }

    static StimulusResponses run(StimulusNetwork network, Stimuli stimuli, ResponseProtocol protocol, long seed, int threads,
                                 ProgressListener progress, BinaryFieldKernel kernel) {
        ResponseMemory.estimate(network, stimuli, protocol, true, kernel).check();
        SnapshotRecorder snapshots = new SnapshotRecorder();
        ResponseRun run = run(network, stimuli, protocol, seed, threads, List.of(snapshots), progress, kernel, false);
        return new StimulusResponses(network, stimuli, protocol, seed, snapshots.snapshots(), run);
    }

    /** Runs the protocol, handing the state at each recording time to {@code recorders} (nothing else is kept). */
    public static ResponseRun run(StimulusNetwork network, Stimuli stimuli, ResponseProtocol protocol, long seed, int threads,
                                  List<? extends ResponseRecorder> recorders, ProgressListener progress) {
        return run(network, stimuli, protocol, seed, threads, recorders, progress, BinaryFieldKernel.preferred(), true);
    }

    static ResponseRun run(StimulusNetwork network, Stimuli stimuli, ResponseProtocol protocol, long seed, int threads,
                           List<? extends ResponseRecorder> recorders, ProgressListener progress, BinaryFieldKernel kernel,
                           boolean checkMemory) {
        if (stimuli instanceof Stimuli.Given g && g.units() != network.n()) {
            throw new IllegalArgumentException("given inputs have " + g.units() + " units but n = " + network.n());
        }
        if (checkMemory) {
            ResponseMemory.estimate(network, stimuli, protocol, false, kernel).check();
        }
        StreamSeeds root = StreamSeeds.of(seed);
        try (ParallelRows pool = new ParallelRows(threads)) {
            ColumnDynamics dynamics = realize(network, stimuli, protocol, root, pool, kernel);
            return drive(dynamics, protocol, recorders, progress);
        }
    }

    /** Draws J and the inputs and builds the batched state of the network's kind. */
    static ColumnDynamics realize(StimulusNetwork net, Stimuli stimuli, ResponseProtocol protocol, StreamSeeds root,
                                  ParallelRows pool, BinaryFieldKernel kernel) {
        double[] x = StimulusInputs.realize(stimuli, net.n(), root);
        int p = stimuli.count();
        if (net.kind() == StimulusNetwork.Kind.BALANCED) {
            return new BalancedDynamics(net.balanced(), BalancedGraph.realize(net.balanced(), root), x, p, protocol, root, pool);
        }
        CouplingMatrix j = CouplingSampler.sample(net.couplings(), net.n(), root, pool);
        if (j instanceof BFloat16Matrix b) {
            // the stimulus simulators' column sums and copies read float arrays: the bfloat16 network widened exactly
            // to float64 (the same couplings, computed in float64; no memory saved)
            j = b.toFloat64();
        }
        return switch (net.kind()) {
            case BINARY_SYNC -> new BinarySyncDynamics(j, kernel, x, net.threshold(), p, protocol, root, pool);
            case GLAUBER -> new GlauberDynamics(j, net, x, p, protocol, root, pool);
            case RATE_SYNC -> new RateColumnDynamics(j, net.transfer(), x, net.input(), Double.NaN, p, protocol, root, pool);
            case RATE -> new RateColumnDynamics(j, net.transfer(), x, net.input(), net.dt() / net.tau(), p, protocol, root,
                    pool);
            case MATCHED_RATE -> new MatchedRateDynamics(j, net, x, p, protocol, root, pool);
            case BALANCED -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * The driver loop: advance to each recording time, record, stop on divergence. Stepped dynamics take fixed steps
     * of {@code tick} (recording times must be multiples of it); event-driven ones advance by one τ at a time and
     * stop exactly at recording times.
     */
    static ResponseRun drive(ColumnDynamics dyn, ResponseProtocol protocol, List<? extends ResponseRecorder> recorders,
                             ProgressListener progress) {
        double h = dyn.tick();
        int recordings = protocol.recordings();
        long[] target = dyn.stepped() ? targetSteps(protocol, h) : null;
        double last = protocol.time(recordings - 1);
        long total = dyn.stepped() ? target[recordings - 1] : (long) Math.ceil(last);
        long reportEvery = Math.max(1, total / 200);
        long start = System.nanoTime();
        long steps = 0;
        double now = 0.0;
        int k = 0;
        Optional<Divergence> divergence = Optional.empty();
        for (ResponseRecorder r : recorders) {
            r.start(dyn, recordings);
        }
        try {
            while (true) {
                while (k < recordings && (dyn.stepped() ? target[k] == steps : protocol.time(k) <= now)) {
                    for (ResponseRecorder r : recorders) {
                        r.record(k, protocol.time(k), dyn);
                    }
                    k++;
                }
                if (k == recordings) {
                    break;
                }
                double until = dyn.stepped() ? (steps + 1) * h : Math.min(Math.floor(now) + 1.0, protocol.time(k));
                dyn.advance(until);
                now = until;
                if (dyn.stepped() || until == Math.floor(until)) {
                    steps++;
                    if (steps % reportEvery == 0) {
                        progress.progress(steps, total);
                    }
                }
                if (!dyn.finite()) {
                    divergence = Optional.of(new Divergence(steps, now));
                    break;
                }
            }
        } finally {
            for (ResponseRecorder r : recorders) {
                r.finish();
            }
        }
        return new ResponseRun(steps, k, divergence, (System.nanoTime() - start) * 1e-9, dyn.kernelName());
    }

    /** Steps to each recording time; each must be a multiple of the step h (units of τ). */
    private static long[] targetSteps(ResponseProtocol protocol, double h) {
        long[] s = new long[protocol.recordings()];
        for (int k = 0; k < s.length; k++) {
            double t = protocol.time(k);
            s[k] = Math.round(t / h);
            if (Math.abs(s[k] * h - t) > 1e-9 * Math.max(1.0, t)) {
                throw new IllegalArgumentException("recording time " + t + " must be a multiple of the step "
                        + (h == 1.0 ? "(1 update per unit)" : "dt/tau = " + h));
            }
        }
        return s;
    }
}

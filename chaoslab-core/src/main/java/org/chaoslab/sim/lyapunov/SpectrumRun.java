package org.chaoslab.sim.lyapunov;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;

/**
 * The driver of one Lyapunov-spectrum measurement ({@link LyapunovAnalyzer}): advances the {@link TangentSystem}
 * through its phases — the state's transient, the start of the tangent vectors and the replica, and ONS windows
 * (each: {@code onsSteps} steps with replica renormalizations, then one re-orthonormalization) — and keeps the
 * bookkeeping every phase shares: progress, the time reached, step and QR timings. What a window contributes to the
 * estimates is the {@link ExponentAccumulator}'s business (none during the warm-up).
 */
final class SpectrumRun {

    private final TangentSystem sys;
    private final LyapunovSettings settings;
    private final ProgressListener progress;
    private final long total;
    private final long reportEvery;
    private final double[] logR;
    private long done;
    private double tNow;
    private double d0;
    private long phaseStep;
    private long stepNanos;
    private long qrNanos;
    private long qrCount = 1;
    private long tangentSteps;

    SpectrumRun(TangentSystem sys, LyapunovSettings s, ProgressListener progress) {
        this.sys = sys;
        this.settings = s;
        this.progress = progress;
        this.total = s.transientSteps() + (s.warmupWindows() + s.windows()) * s.onsSteps();
        this.reportEvery = Math.max(1, total / 200);
        this.logR = new double[s.k()];
    }

    /** x(0) ~ N(0, σ0²) from {@code initial}, then the transient with the state alone. */
    void transient_(StreamSeeds initial) {
        int n = sys.n;
        ZigguratSampler.NormalizedGaussian z = initial.gaussian();
        for (int i = 0; i < n; i++) {
            sys.s[i] = settings.initialStd() * z.sample();
        }
        long steps = settings.transientSteps();
        double dt = settings.dt();
        for (long t = 1; t <= steps; t++) {
            sys.step(false);
            if ((t & 1023) == 0 && !sys.stateFinite()) {
                throw LyapunovAnalyzer.diverged("state", t * dt);
            }
            tick();
        }
        if (!sys.stateFinite()) {
            throw LyapunovAnalyzer.diverged("state", steps * dt);
        }
        tNow = steps * dt;
    }

    /** A random orthonormal tangent system (column by column from {@code ons}) and the replica at d0 along {@code replica}. */
    void startTangents(StreamSeeds ons, StreamSeeds replica) {
        int n = sys.n;
        int k = settings.k();
        ZigguratSampler.NormalizedGaussian zq = ons.gaussian();
        for (int c = 0; c < k; c++) {
            int off = (2 + c) * n;
            for (int i = 0; i < n; i++) {
                sys.s[off + i] = zq.sample();
            }
        }
        if (!sys.orthonormalize(logR)) {
            throw new IllegalStateException("the initial orthonormal system is degenerate");
        }
        d0 = ReplicaSeparation.d0(settings.replicaSeparation(), n);
        sys.placeReplica(ReplicaSeparation.direction(replica, n), d0);
    }

    /** Starts the accumulation phase: the trace of the Jacobian is recorded and the renormalization clock restarts. */
    void startAccumulation() {
        sys.resetTrace();
        sys.tracing(true);
        phaseStep = 0;
    }

    /**
     * One ONS window: {@code onsSteps} steps, the replica renormalized every {@code renormSteps} (its log growth given to
     * {@code acc} for batch {@code batch}, when accumulating), then the re-orthonormalization, whose log R_ii are
     * {@link #logR()}.
     */
    void window(ExponentAccumulator acc, int batch) {
        long onsSteps = settings.onsSteps();
        long renormSteps = settings.renormSteps();
        long t0 = System.nanoTime();
        for (long st = 0; st < onsSteps; st++) {
            sys.step(true);
            tangentSteps++;
            if (++phaseStep % renormSteps == 0) {
                double g = sys.renormalizeReplica(d0);
                if (acc != null) {
                    acc.replica(batch, g);
                }
            }
            tick();
        }
        long t1 = System.nanoTime();
        boolean ok = sys.orthonormalize(logR);
        qrNanos += System.nanoTime() - t1;
        stepNanos += t1 - t0;
        qrCount++;
        tNow += settings.onsInterval();
        if (!ok || !sys.stateFinite()) {
            throw LyapunovAnalyzer.diverged("tangent system", tNow);
        }
    }

    /** A last renormalization when the accumulation did not end on one (or had none), and the replica's finiteness. */
    void finishReplica(ExponentAccumulator acc) {
        if (phaseStep % settings.renormSteps() != 0 || acc.renormalizations() == 0) {
            acc.replica(acc.batches() - 1, sys.renormalizeReplica(d0));
        }
        if (!Double.isFinite(acc.replicaSum())) {
            throw LyapunovAnalyzer.diverged("replica", tNow);
        }
    }

    private void tick() {
        if (++done % reportEvery == 0) {
            progress.progress(done, total);
        }
    }

    /** log R_ii of the last re-orthonormalization. */
    double[] logR() {
        return logR;
    }

    double d0() {
        return d0;
    }

    long total() {
        return total;
    }

    TangentSystem system() {
        return sys;
    }

    long tangentSteps() {
        return tangentSteps;
    }

    long qrCount() {
        return qrCount;
    }

    long stepNanos() {
        return stepNanos;
    }

    long qrNanos() {
        return qrNanos;
    }
}

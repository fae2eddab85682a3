package org.chaoslab.sim.lyapunov;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.NoiseSource;
import org.chaoslab.sim.rate.RealizedRateNetwork;

/**
 * Lyapunov spectrum of a rate network dx/dt = −x + Jφ(x) + I by the standard QR method: k tangent
 * vectors propagated with the state by the Jacobian D(x) = −1 + J diag φ′(x) (exactly the Jacobian of
 * the integrator's step map, see {@link TangentSystem}), re-orthonormalized every t_ONS by Cholesky QR
 * ({@link CholeskyQr}, with a second pass when its orthogonality probe exceeds 1e-10, and {@link HouseholderQr}
 * when the Cholesky factorization fails, as for the random initial system), λ_i = Σ log R_ii / T (Benettin,
 * Galgani, Giorgilli &amp; Strelcyn, Meccanica 15:9 (1980); Shimada &amp; Nagashima, Prog. Theor. Phys. 61:1605
 * (1979); for rate networks Engelken, Wolf &amp; Abbott, arXiv:2006.02427). Alongside, a replica x′ at
 * distance d0 gives an independent estimate of λ_1 (two-trajectory method).
 *
 * <p>Seeds: the couplings come from the realization ({@code networkSeed/couplings/<row>}); the
 * initial state from {@code seed/initial/0} (the same stream the simulator uses for replica 0), the
 * initial orthonormal system from {@code seed/ons} (column by column) and the replica's direction from
 * {@code seed/replica}; annealed noise (white or OU) from {@code seed/noise/0/<unit>}, the noise of the
 * simulator's replica 0, added identically to x and x′ after every step (the exponents of the random dynamical
 * system for that noise realization). Float32 coupling storage is widened to float64 (the same values) for the state;
 * with {@code tangentPrecision = FLOAT32} the tangent product uses a float32 copy of J (sgemm).
 */
public final class LyapunovAnalyzer {

    /** Stream name of the initial orthonormal system. */
    public static final String ONS = "ons";
    /** Stream name of the replica's initial direction. */
    public static final String REPLICA = "replica";
    /** Upper bound on the number of convergence points kept. */
    public static final int CONVERGENCE_POINTS = 500;

    private LyapunovAnalyzer() {
    }

    /** Draws the network from {@code networkSeed} and measures its spectrum. */
    public static LyapunovSpectrum spectrum(RateNetwork network, long networkSeed, LyapunovSettings settings,
                                            ProgressListener progress) {
        return spectrum(RealizedRateNetwork.draw(network, networkSeed, settings.threads()), settings, progress);
    }

    /**
     * Measures the k leading Lyapunov exponents of an already drawn realization.
     *
     * @throws IllegalArgumentException if k &gt; N
     * @throws IllegalStateException     if the state or the tangent system becomes NaN/Inf (one-line message with the time)
     */
    public static LyapunovSpectrum spectrum(RealizedRateNetwork net, LyapunovSettings s, ProgressListener progress) {
        RateNetwork network = net.network();
        int n = network.size();
        int k = s.k();
        if (k > n) {
            throw new IllegalArgumentException("k (number of exponents) must be <= n = " + n + " (got " + k + ")");
        }
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
        long start = System.nanoTime();
        double dt = s.dt();
        long transientSteps = s.transientSteps();
        long onsSteps = s.onsSteps();
        double tOns = s.onsInterval();
        long warmWindows = s.warmupWindows();
        long windows = s.windows();
        long renormSteps = s.renormSteps();
        long total = transientSteps + (warmWindows + windows) * onsSteps;
        long reportEvery = Math.max(1, total / 200);
        long done = 0;

        StreamSeeds root = StreamSeeds.of(s.seed());
        StreamSeeds initialStream = root.child(StreamSeeds.INITIAL).child(0);
        StreamSeeds onsStream = root.child(ONS);
        StreamSeeds replicaStream = root.child(REPLICA);

        double[] j = float64(net.couplings());
        try (ParallelRows pool = new ParallelRows(s.threads())) {
            float[] j32 = s.tangentPrecision() == Precision.FLOAT32 ? float32(net.couplings()) : null;
            TangentSystem sys = new TangentSystem(j, j32, n, k, network.transfer(), net.input(), s.integrator(), dt, pool);
            // annealed noise: streams seed/noise/0/i, the noise of the simulator's replica 0; x and x′ share it
            sys.noise(NoiseSource.forTrajectory(network.input().noise(), n, s.seed(), dt, s.integrator()));

            // 1. the state alone: x(0) ~ N(0, σ0²) from seed/initial/0, transient
            ZigguratSampler.NormalizedGaussian z = initialStream.gaussian();
            for (int i = 0; i < n; i++) {
                sys.s[i] = s.initialStd() * z.sample();
            }
            for (long t = 1; t <= transientSteps; t++) {
                sys.step(false);
                if ((t & 1023) == 0 && !sys.stateFinite()) {
                    throw diverged("state", t * dt);
                }
                if (++done % reportEvery == 0) {
                    progress.progress(done, total);
                }
            }
            if (!sys.stateFinite()) {
                throw diverged("state", transientSteps * dt);
            }
            double tNow = transientSteps * dt;

            // 2. random orthonormal system (seed/ons) and replica (seed/replica); warm-up without accumulation
            ZigguratSampler.NormalizedGaussian zq = onsStream.gaussian();
            for (int c = 0; c < k; c++) {
                int off = (2 + c) * n;
                for (int i = 0; i < n; i++) {
                    sys.s[off + i] = zq.sample();
                }
            }
            double[] logR = new double[k];
            if (!sys.orthonormalize(logR)) {
                throw new IllegalStateException("the initial orthonormal system is degenerate");
            }
            double[] u = new double[n];
            ZigguratSampler.NormalizedGaussian zr = replicaStream.gaussian();
            double norm = 0.0;
            for (int i = 0; i < n; i++) {
                u[i] = zr.sample();
                norm += u[i] * u[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                u[i] /= norm;
            }
            double d0 = s.replicaSeparation() * Math.sqrt(n);
            sys.placeReplica(u, d0);

            long stepNanos = 0;
            long qrNanos = 0;
            long qrCount = 1;
            long tangentSteps = 0;
            long phaseStep = 0;
            for (long w = 0; w < warmWindows; w++) {
                long t0 = System.nanoTime();
                for (long st = 0; st < onsSteps; st++) {
                    sys.step(true);
                    tangentSteps++;
                    if (++phaseStep % renormSteps == 0) {
                        sys.renormalizeReplica(d0);
                    }
                    if (++done % reportEvery == 0) {
                        progress.progress(done, total);
                    }
                }
                long t1 = System.nanoTime();
                boolean ok = sys.orthonormalize(logR);
                qrNanos += System.nanoTime() - t1;
                stepNanos += t1 - t0;
                qrCount++;
                tNow += tOns;
                if (!ok || !sys.stateFinite()) {
                    throw diverged("tangent system", tNow);
                }
            }
            sys.renormalizeReplica(d0);

            // 3. accumulation over `windows` ONS intervals, grouped into B batches
            int batches = (int) Math.min(s.batches(), windows);
            double[] sums = new double[k];
            double[][] batchSums = new double[batches][k];
            long[] batchWindows = new long[batches];
            double[] batchTrace = new double[batches];
            double[] batchReplica = new double[batches];
            double replicaSum = 0.0;
            long renormalizations = 0;
            long stride = (windows + CONVERGENCE_POINTS - 1) / CONVERGENCE_POINTS;
            int points = (int) ((windows + stride - 1) / stride);
            double[] convTimes = new double[points];
            double[] conv = new double[points * k];
            int point = 0;
            sys.resetTrace();
            sys.tracing(true);
            phaseStep = 0;
            for (long w = 0; w < windows; w++) {
                int b = (int) (w * batches / windows);
                double trace0 = sys.traceSum();
                long t0 = System.nanoTime();
                for (long st = 0; st < onsSteps; st++) {
                    sys.step(true);
                    tangentSteps++;
                    if (++phaseStep % renormSteps == 0) {
                        double g = sys.renormalizeReplica(d0);
                        replicaSum += g;
                        batchReplica[b] += g;
                        renormalizations++;
                    }
                    if (++done % reportEvery == 0) {
                        progress.progress(done, total);
                    }
                }
                long t1 = System.nanoTime();
                boolean ok = sys.orthonormalize(logR);
                qrNanos += System.nanoTime() - t1;
                stepNanos += t1 - t0;
                qrCount++;
                tNow += tOns;
                if (!ok || !sys.stateFinite()) {
                    throw diverged("tangent system", tNow);
                }
                batchTrace[b] += sys.traceSum() - trace0;
                batchWindows[b]++;
                double[] bs = batchSums[b];
                for (int i = 0; i < k; i++) {
                    sums[i] += logR[i];
                    bs[i] += logR[i];
                }
                if ((w + 1) % stride == 0 || w == windows - 1) {
                    double elapsed = (w + 1) * tOns;
                    convTimes[point] = elapsed;
                    for (int i = 0; i < k; i++) {
                        conv[point * k + i] = sums[i] / elapsed;
                    }
                    point++;
                }
            }
            if (phaseStep % renormSteps != 0 || renormalizations == 0) {
                double g = sys.renormalizeReplica(d0);
                replicaSum += g;
                batchReplica[batches - 1] += g;
                renormalizations++;
            }
            if (!Double.isFinite(replicaSum)) {
                throw diverged("replica", tNow);
            }
            progress.progress(total, total);

            // 4. estimates and batch-means confidence intervals
            double time = windows * tOns;
            double[] lambda = new double[k];
            for (int i = 0; i < k; i++) {
                lambda[i] = sums[i] / time;
            }
            double[][] batchRates = new double[batches][k];
            double[] batchKy = new double[batches];
            double[] batchH = new double[batches];
            double[] batchSum = new double[batches];
            double[] batchTr = new double[batches];
            double[] batchRep = new double[batches];
            for (int b = 0; b < batches; b++) {
                double bt = batchWindows[b] * tOns;
                double sum = 0.0;
                for (int i = 0; i < k; i++) {
                    batchRates[b][i] = batchSums[b][i] / bt;
                    sum += batchRates[b][i];
                }
                batchKy[b] = SpectrumMeasures.kaplanYorke(batchRates[b]);
                batchH[b] = SpectrumMeasures.entropyRate(batchRates[b]);
                batchSum[b] = sum;
                batchTr[b] = batchTrace[b] / (batchWindows[b] * onsSteps);
                batchRep[b] = batchReplica[b] / bt;
            }
            double[] ci = new double[k];
            double[] column = new double[batches];
            for (int i = 0; i < k; i++) {
                for (int b = 0; b < batches; b++) {
                    column[b] = batchRates[b][i];
                }
                ci[i] = SpectrumMeasures.confidenceHalfWidth(column);
            }
            double lambdaSum = 0.0;
            for (double v : lambda) {
                lambdaSum += v;
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            var seeds = new LyapunovSpectrum.Seeds(net.seed(), s.seed(),
                    StreamSeeds.of(net.seed()).child(StreamSeeds.COUPLINGS).path() + "/<row>", initialStream.path(),
                    onsStream.path(), replicaStream.path());
            var replica = new LyapunovSpectrum.TwoReplicaEstimate(replicaSum / time,
                    SpectrumMeasures.confidenceHalfWidth(batchRep), d0, renormSteps * dt, renormalizations);
            var cost = new LyapunovSpectrum.Cost(wall, total, tangentSteps, qrCount,
                    tangentSteps > 0 ? stepNanos * 1e-6 / tangentSteps : Double.NaN,
                    qrCount > 1 ? qrNanos * 1e-6 / (qrCount - 1) : Double.NaN, s.threads(), Blas.backend(),
                    sys.choleskySecondPasses(), sys.householderFallbacks());
            return new LyapunovSpectrum(network, s, seeds, lambda, ci, batches, time, convTimes, conv,
                    SpectrumMeasures.kaplanYorke(lambda), SpectrumMeasures.confidenceHalfWidth(batchKy),
                    SpectrumMeasures.kaplanYorkeResolved(lambda, n),
                    SpectrumMeasures.entropyRate(lambda), SpectrumMeasures.confidenceHalfWidth(batchH),
                    SpectrumMeasures.entropyResolved(lambda, n),
                    lambdaSum, SpectrumMeasures.confidenceHalfWidth(batchSum),
                    sys.traceSum() / sys.traceCount(), SpectrumMeasures.confidenceHalfWidth(batchTr),
                    replica, cost);
        }
    }

    /** The couplings as a row-major float64 array (the backing array itself for float64 storage). */
    static double[] float64(CouplingMatrix m) {
        return switch (m) {
            case Float64Matrix f -> f.data();
            case Float32Matrix f -> {
                float[] src = f.data();
                double[] out = new double[src.length];
                for (int i = 0; i < src.length; i++) {
                    out[i] = src[i];
                }
                yield out;
            }
        };
    }

    /** The couplings as a row-major float32 array (the backing array itself for float32 storage). */
    static float[] float32(CouplingMatrix m) {
        return switch (m) {
            case Float32Matrix f -> f.data();
            case Float64Matrix f -> {
                double[] src = f.data();
                float[] out = new float[src.length];
                for (int i = 0; i < src.length; i++) {
                    out[i] = (float) src[i];
                }
                yield out;
            }
        };
    }

    private static IllegalStateException diverged(String what, double t) {
        return new IllegalStateException("Lyapunov analysis diverged: the " + what + " became NaN/Inf or lost rank at t = "
                + t + " (unbounded dynamics, or t-ons too long for the growth rates)");
    }
}

package org.chaoslab.sim.lyapunov;

import org.chaoslab.linalg.BFloat16Matrix;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
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
 *
 * <p>A multi-population realization ({@link org.chaoslab.sim.rate.RealizedPopulationNetwork}) is measured the same
 * way, each unit with its population's φ_k in the state and in the Jacobian −1 + J diag φ′_k(x).
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
        if (network.couplings().sparse()) {
            throw new IllegalArgumentException("inDegree must be 0 (dense couplings) for the Lyapunov analysis: its "
                    + "tangent products are dense (got inDegree " + network.couplings().inDegree() + ")");
        }
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
        StreamSeeds root = StreamSeeds.of(s.seed());
        StreamSeeds initialStream = root.child(StreamSeeds.INITIAL).child(0);
        StreamSeeds onsStream = root.child(ONS);
        StreamSeeds replicaStream = root.child(REPLICA);

        // read in place where the storage is the product's precision (no second N×N copy)
        DenseCouplings j = DenseCouplings.of(net.couplings(), s.tangentPrecision() == Precision.FLOAT32);
        try (ParallelRows pool = new ParallelRows(s.threads())) {
            TangentSystem sys = new TangentSystem(j, n, k, net.transfers(), net.input(), s.integrator(), s.dt(), pool);
            // annealed noise: streams seed/noise/0/i, the noise of the simulator's replica 0; x and x′ share it
            sys.noise(NoiseSource.forTrajectory(network.input().noise(), n, s.seed(), s.dt(), s.integrator()));
            SpectrumRun run = new SpectrumRun(sys, s, progress);

            // 1. the state alone from seed/initial/0, through the transient
            run.transient_(initialStream);
            // 2. random orthonormal system (seed/ons) and replica (seed/replica); warm-up windows without accumulation
            run.startTangents(onsStream, replicaStream);
            for (long w = 0; w < s.warmupWindows(); w++) {
                run.window(null, 0);
            }
            sys.renormalizeReplica(run.d0());
            // 3. accumulation over the ONS windows, grouped into batches
            ExponentAccumulator acc = new ExponentAccumulator(k, s.windows(), s.batches(), s.onsInterval());
            run.startAccumulation();
            for (long w = 0; w < s.windows(); w++) {
                int b = acc.batchOf(w);
                double trace0 = sys.traceSum();
                run.window(acc, b);
                acc.window(w, b, run.logR(), sys.traceSum() - trace0);
            }
            run.finishReplica(acc);
            progress.progress(run.total(), run.total());

            // 4. estimates and batch-means confidence intervals
            var seeds = new LyapunovSpectrum.Seeds(net.seed(), s.seed(),
                    StreamSeeds.of(net.seed()).child(StreamSeeds.COUPLINGS).path() + "/<row>", initialStream.path(),
                    onsStream.path(), replicaStream.path());
            return acc.spectrum(network, s, seeds, run, (System.nanoTime() - start) * 1e-9);
        }
    }

    /**
     * The couplings as a row-major float64 array from index 0 (the backing array itself for float64 storage that
     * starts there, else a copy).
     */
    static double[] float64(CouplingMatrix m) {
        return switch (m) {
            case Float64Matrix f -> f.rowMajor();
            case Float32Matrix f -> {
                float[] src = f.backing();
                int start = f.offset();
                double[] out = new double[m.size() * m.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = src[start + i];
                }
                yield out;
            }
            case BFloat16Matrix b -> {
                // widened exactly, row by row: the bfloat16 network itself, in float64
                int n = b.size();
                float[] row = new float[n];
                double[] out = new double[n * n];
                for (int i = 0; i < n; i++) {
                    b.row(i, row, 0);
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] = row[j];
                    }
                }
                yield out;
            }
            case FixedInDegreeMatrix f -> throw denseOnly(f);
        };
    }

    /** bfloat16 couplings widened to a row-major float32 array (exact: the same network). */
    private static float[] widened(BFloat16Matrix b) {
        int n = b.size();
        float[] out = new float[n * n];
        for (int i = 0; i < n; i++) {
            b.row(i, out, i * n);
        }
        return out;
    }

    /**
     * The couplings as a row-major float32 array from index 0 (the backing array itself for float32 storage that
     * starts there, else a copy).
     */
    static float[] float32(CouplingMatrix m) {
        return switch (m) {
            case Float32Matrix f -> f.rowMajor();
            case Float64Matrix f -> {
                double[] src = f.backing();
                int start = f.offset();
                float[] out = new float[m.size() * m.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) src[start + i];
                }
                yield out;
            }
            case BFloat16Matrix b -> widened(b);
            case FixedInDegreeMatrix f -> throw denseOnly(f);
        };
    }

    /** Sparse couplings: the tangent dynamics here are dense products (a dense N×N copy would defeat the sparsity). */
    private static IllegalArgumentException denseOnly(FixedInDegreeMatrix f) {
        return new IllegalArgumentException("inDegree must be 0 (dense couplings) for the Lyapunov analysis: its tangent "
                + "products are dense (got inDegree " + f.entriesPerRow() + ")");
    }

    static IllegalStateException diverged(String what, double t) {
        return new IllegalStateException("Lyapunov analysis diverged: the " + what + " became NaN/Inf or lost rank at t = "
                + t + " (unbounded dynamics, or t-ons too long for the growth rates)");
    }
}

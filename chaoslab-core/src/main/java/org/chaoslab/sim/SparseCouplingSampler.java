package org.chaoslab.sim;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.random.StreamSeeds;

/**
 * Draws one realization of sparse fixed in-degree couplings ({@link Couplings} with {@code inDegree = K ≥ 1}): row i
 * receives from K distinct presynaptic units j ≠ i, drawn uniformly without replacement, with weights
 * w_ij = J0/K + (g/√K)·z_ij, z_ij i.i.d. standard normal, stored in compressed rows ({@link FixedInDegreeMatrix}) with
 * the columns of each row in increasing order (the product then reads x in one direction per row).
 *
 * <p>Row i uses only its own stream {@code couplings/i} (as {@link CouplingSampler}): first the K column draws, then
 * the K normals, in the order of the sorted columns. The rows are drawn in parallel over the fixed blocks of
 * {@link CouplingMatrix#blockRows}, and the matrix depends only on the seed, never on the thread count. The K
 * distinct columns come from Floyd's algorithm (Bentley &amp; Floyd, CACM 30:754 (1987)): for t = M − K … M − 1, with
 * M = N − 1 candidates, draw u uniform in [0, t] and take u, or t if u was taken already — exactly K draws, each
 * K-subset equally likely; candidate v stands for unit v &lt; i ? v : v + 1 (no self-coupling).
 *
 * <p>The memory is checked before anything is allocated ({@link #requireMemory}).
 */
public final class SparseCouplingSampler {

    /**
     * Bytes per unit beyond the couplings that a run of one trajectory holds at least (x, φ(x), the drive and the
     * float copy of φ for the product, the integrator's stages and recorders' per-unit sums: 12 doubles).
     */
    public static final long STATE_BYTES_PER_UNIT = 96;

    private SparseCouplingSampler() {
    }

    /**
     * Samples the N×N sparse matrix of the ensemble {@code c} (K = {@code c.inDegree()} ≥ 1) from the streams
     * {@code seeds.child("couplings").child(i)}.
     *
     * @throws IllegalArgumentException if K is not in [1, N − 1], or if the matrix and the state would not fit the heap
     */
    public static FixedInDegreeMatrix sample(Couplings c, int n, StreamSeeds seeds, ParallelRows pool) {
        return sample(c, n, seeds, pool, FixedInDegreeMatrix.defaultRowsPerChunk(Math.max(1, c.inDegree())),
                ProgressListener.NONE);
    }

    /**
     * As {@link #sample(Couplings, int, StreamSeeds, ParallelRows)} with {@code rowsPerChunk} rows per storage chunk,
     * reporting the rows drawn to {@code progress} (rows done of N, after each row block, from whichever thread drew
     * it, one call at a time, increasing).
     */
    public static FixedInDegreeMatrix sample(Couplings c, int n, StreamSeeds seeds, ParallelRows pool, int rowsPerChunk,
                                             ProgressListener progress) {
        int k = c.inDegree();
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("inDegree (K, presynaptic units per unit) must be in [1, n - 1] = [1, "
                    + (n - 1) + "] (got " + k + ")");
        }
        requireMemory(n, k, 1);
        FixedInDegreeMatrix m = new FixedInDegreeMatrix(n, k, rowsPerChunk);
        StreamSeeds rows = seeds.child(StreamSeeds.COUPLINGS);
        double scale = c.g() / Math.sqrt(k);
        double mean = c.meanCoupling() / k;
        int candidates = n - 1;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long[] reported = {0L};
        pool.run(n, CouplingMatrix.blockRows(n), (from, to) -> {
            long[] taken = new long[(candidates + 63) >>> 6];
            int[] pick = new int[k];
            float[] w = new float[k];
            for (int i = from; i < to; i++) {
                UniformRandomProvider rng = rows.child(i).provider();
                distinct(rng, candidates, k, taken, pick, 0);
                Arrays.sort(pick);
                ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int q = 0; q < k; q++) {
                    int u = pick[q];
                    pick[q] = u < i ? u : u + 1;
                    w[q] = (float) (mean + scale * z.sample());
                }
                m.setRow(i, pick, w);
            }
            long rowsDone = done.addAndGet(to - from);
            if (progress != ProgressListener.NONE) {
                synchronized (reported) {
                    if (rowsDone > reported[0]) {   // never backwards when two blocks finish together
                        reported[0] = rowsDone;
                        progress.progress(rowsDone, n);
                    }
                }
            }
        });
        return m;
    }

    /**
     * Floyd's algorithm (class comment): {@code k} distinct values of [0, m) drawn from {@code rng} into
     * {@code pick[from .. from + k)}, in draw order. {@code taken} is a bit set of at least m bits, all clear on entry
     * and left clear.
     */
    static void distinct(UniformRandomProvider rng, int m, int k, long[] taken, int[] pick, int from) {
        for (int t = m - k, q = from; t < m; t++, q++) {
            int u = rng.nextInt(t + 1);
            if ((taken[u >>> 6] & (1L << u)) != 0) {
                u = t;
            }
            taken[u >>> 6] |= 1L << u;
            pick[q] = u;
        }
        for (int q = from; q < from + k; q++) {
            taken[pick[q] >>> 6] = 0L;
        }
    }

    /**
     * Memory of a sparse network of N units with in-degree K run as {@code replicas} trajectories: the couplings
     * (8·N·K bytes) and {@value #STATE_BYTES_PER_UNIT} bytes per unit and replica of state.
     */
    public static double memoryEstimate(long n, long k, long replicas) {
        return (double) FixedInDegreeMatrix.bytes(n, k) + (double) STATE_BYTES_PER_UNIT * n * replicas;
    }

    /**
     * Refuses, before anything is allocated, a sparse network whose {@link #memoryEstimate} exceeds 90 % of the heap
     * the JVM may still allocate (its maximum, {@code -Xmx}, less what is in use), in one line naming n and inDegree.
     */
    public static void requireMemory(long n, long k, long replicas) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        double need = memoryEstimate(n, k, replicas);
        if (!(need <= 0.9 * available)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n = %d and inDegree = %d need about %s of memory "
                    + "for the sparse couplings (8 bytes per synapse, N·K = %.3g synapses) and the network state, more than "
                    + "the %s of heap available (JVM maximum %s; raise it with -Xmx, or reduce n or inDegree)", n, k,
                    gigabytes(need), (double) n * k, gigabytes(available), gigabytes(rt.maxMemory())));
        }
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}

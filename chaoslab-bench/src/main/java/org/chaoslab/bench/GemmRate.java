package org.chaoslab.bench;

import java.util.SplittableRandom;

import dev.ludovic.netlib.blas.BLAS;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.PanelProduct;
import org.chaoslab.linalg.ParallelRows;

/**
 * The dgemm rate the batched simulator can hope for: C = J·R with J row-major N×N and R holding M
 * vectors (replica-major), computed exactly as {@code Float64Matrix.multiply} does for M &gt; 1 —
 * one {@code dgemm("T", "N")} per fixed row block of {@link CouplingMatrix#gemmBlockRows(int)}, the
 * blocks shared by the threads of a {@link ParallelRows}.
 */
final class GemmRate {

    private GemmRate() {
    }

    /**
     * @return GFLOP/s (2·N²·M per product) per repetition; unitsPerRep = products
     */
    static Timing measure(int n, int m, ParallelRows pool, int reps, int maxReps, double minRepSeconds) throws Exception {
        return measure(n, m, CouplingMatrix.gemmBlockRows(n), pool, reps, maxReps, minRepSeconds);
    }

    /** As {@link #measure(int, int, ParallelRows, int, int, double)} with another row-block size. */
    static Timing measure(int n, int m, int block, ParallelRows pool, int reps, int maxReps, double minRepSeconds)
            throws Exception {
        return measure(n, m, block, 0, pool, reps, maxReps, minRepSeconds);
    }

    /**
     * The simulator's own product, {@link CouplingMatrix#multiply} of {@code j} with m columns on {@code pool}, whatever
     * the backend (native dgemm per row block, or the pure-Java kernels): GFLOP/s per repetition.
     */
    static Timing product(CouplingMatrix j, int m, ParallelRows pool, int reps, int maxReps, double minRepSeconds)
            throws Exception {
        int n = j.size();
        SplittableRandom rng = new SplittableRandom(44);
        double[] b = new double[n * m];
        double[] c = new double[n * m];
        for (int k = 0; k < b.length; k++) {
            b[k] = rng.nextDouble() - 0.5;
        }
        long t0 = System.nanoTime();
        int calls = 0;
        while (calls < 3 || System.nanoTime() - t0 < 200_000_000L) {
            j.multiply(b, c, m, pool);
            calls++;
        }
        double once = (System.nanoTime() - t0) * 1e-9 / calls;
        int perRep = (int) Math.max(2, Math.ceil(minRepSeconds / once));
        double flops = 2.0 * n * (double) n * m;
        return Timing.repeat(perRep, reps, maxReps, () -> {
            long s = System.nanoTime();
            for (int k = 0; k < perRep; k++) {
                j.multiply(b, c, m, pool);
            }
            return flops * perRep / ((System.nanoTime() - s) * 1e-9) * 1e-9;
        });
    }

    /**
     * The same product split into {@code columnTiles} fixed column blocks of all N rows (the partition of the
     * Lyapunov analyzer's tangent product, which packs J once per tile); 0: row blocks of {@code block}.
     */
    static Timing measure(int n, int m, int block, int columnTiles, ParallelRows pool, int reps, int maxReps,
                          double minRepSeconds) throws Exception {
        SplittableRandom rng = new SplittableRandom(42);
        double[] a = new double[n * n];
        double[] b = new double[n * m];
        double[] c = new double[n * m];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextDouble() - 0.5;
        }
        for (int k = 0; k < b.length; k++) {
            b[k] = rng.nextDouble() - 0.5;
        }
        BLAS blas = Blas.blas();
        int cols = columnTiles > 0 ? (m + columnTiles - 1) / columnTiles : m;
        // without a native BLAS the tiles go through chaoslab's own panel kernel, as the tangent product's do (netlib's
        // Java dgemm is no measure of the machine: 5-20 GFLOP/s against the kernel's 90-100 on two cores)
        Runnable product = columnTiles > 0 && !Blas.isNative()
                ? () -> pool.run(m, cols, (from, to) -> PanelProduct.tile(a, 0, n, 0, n, 1.0, b, from, to - from, 0.0, c))
                : columnTiles > 0
                ? () -> pool.run(m, cols, (from, to) -> blas.dgemm("T", "N", n, to - from, n,
                        1.0, a, 0, n, b, from * n, n, 0.0, c, from * n, n))
                : () -> pool.run(n, block, (from, to) -> blas.dgemm("T", "N", to - from, m, n,
                        1.0, a, from * n, n, b, 0, n, 0.0, c, from, n));
        // warm-up and calibration
        long t0 = System.nanoTime();
        int calls = 0;
        while (calls < 3 || System.nanoTime() - t0 < 200_000_000L) {
            product.run();
            calls++;
        }
        double once = (System.nanoTime() - t0) * 1e-9 / calls;
        int perRep = (int) Math.max(2, Math.ceil(minRepSeconds / once));
        double flops = 2.0 * n * (double) n * m;
        return Timing.repeat(perRep, reps, maxReps, () -> {
            long s = System.nanoTime();
            for (int k = 0; k < perRep; k++) {
                product.run();
            }
            return flops * perRep / ((System.nanoTime() - s) * 1e-9) * 1e-9;
        });
    }
}

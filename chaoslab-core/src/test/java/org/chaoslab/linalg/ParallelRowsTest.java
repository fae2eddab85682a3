package org.chaoslab.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool: every block exactly once, whatever the threads and the tuning; errors; oversubscription; products. */
class ParallelRowsTest {

    /**
     * {@link ParallelRows#lastUsage} reports the call site that took the most wall time (in a simulation the product),
     * not every call: 5 calls of a site whose blocks each spin for 2 ms, then 200 calls of a light one.
     */
    @Test
    @Timeout(60)
    void lastUsageReportsTheHeaviestCallSite() {
        try (ParallelRows pool = new ParallelRows(2)) {
            for (int call = 0; call < 5; call++) {
                pool.run(4, 1, (from, to) -> {
                    long end = System.nanoTime() + 2_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                });
            }
            double[] sink = new double[64];
            for (int call = 0; call < 200; call++) {
                pool.run(64, 8, (from, to) -> sink[from] += 1.0);
            }
        }
        assertThat(ParallelRows.lastUsage().calls()).isEqualTo(5);
    }

    /**
     * Many short calls from several call sites with varying rows and block sizes, so that the tuning switches the
     * number of taking part threads while blocks are claimed: every block still runs exactly once per call and
     * sees the call's own block bounds.
     */
    @Test
    @Timeout(60)
    void everyBlockRunsExactlyOncePerCallWhileTheThreadCountIsTuned() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int threads : new int[] {1, 2, 3, 8}) {
            try (ParallelRows pool = new ParallelRows(threads)) {
                for (int call = 0; call < 3000; call++) {
                    int rows = 1 + rng.nextInt(300);
                    int block = 1 + rng.nextInt(40);
                    AtomicIntegerArray hits = new AtomicIntegerArray(rows);
                    RowTask task = call % 2 == 0
                            ? (from, to) -> mark(hits, from, to, block)
                            : (from, to) -> {
                                mark(hits, from, to, block);
                                Thread.onSpinWait();
                            };
                    pool.run(rows, block, task);
                    for (int i = 0; i < rows; i++) {
                        assertThat(hits.get(i)).as("threads %d call %d row %d", threads, call, i).isEqualTo(1);
                    }
                }
            }
        }
    }

    private static void mark(AtomicIntegerArray hits, int from, int to, int block) {
        assertThat(from % block).isZero();
        assertThat(to - from).isBetween(1, block);
        for (int i = from; i < to; i++) {
            hits.incrementAndGet(i);
        }
    }

    @Test
    @Timeout(30)
    void anExceptionInABlockIsRethrownAndThePoolStaysUsable() {
        try (ParallelRows pool = new ParallelRows(2)) {
            for (int call = 0; call < 200; call++) {
                int bad = call % 16;
                assertThatThrownBy(() -> pool.run(64, 4, (from, to) -> {
                    if (from / 4 == bad) {
                        throw new IllegalStateException("block " + bad);
                    }
                })).isInstanceOf(IllegalStateException.class).hasMessage("block " + bad);
                AtomicIntegerArray hits = new AtomicIntegerArray(64);
                pool.run(64, 4, (from, to) -> mark(hits, from, to, 4));
                for (int i = 0; i < 64; i++) {
                    assertThat(hits.get(i)).isEqualTo(1);
                }
            }
        }
    }

    /** Far more threads than processors: only as many as there are processors start, and small calls stay fast. */
    @Test
    @Timeout(30)
    void moreThreadsThanProcessorsDoNotCrawl() {
        int cpus = Runtime.getRuntime().availableProcessors();
        try (ParallelRows pool = new ParallelRows(64)) {
            assertThat(pool.threads()).isEqualTo(Math.min(64, cpus));
            double[] out = new double[256];
            long t0 = System.nanoTime();
            for (int call = 0; call < 20_000; call++) {
                pool.run(256, 16, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] += 1.0;
                    }
                });
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            assertThat(out[255]).isEqualTo(20_000.0);
            // ~1 µs per call when the cores are free; the bound leaves room for a busy CI machine
            assertThat(seconds).isLessThan(10.0);
        }
    }

    /** The single-trajectory product, both precisions: the same bits on 1, 2 and 3 threads, call after call. */
    @Test
    @Timeout(60)
    void productsAreBitIdenticalForAnyThreadCount() {
        int n = 203;
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = new double[n * n];
        float[] af = new float[n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian() / Math.sqrt(n);
            af[k] = (float) a[k];
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = Math.tanh(rng.nextGaussian());
        }
        for (CouplingMatrix j : new CouplingMatrix[] {new Float64Matrix(n, a), new Float32Matrix(n, af)}) {
            double[] reference = new double[n];
            try (ParallelRows one = new ParallelRows(1)) {
                j.multiply(x, reference, 1, one);
            }
            for (int threads : new int[] {2, 3}) {
                try (ParallelRows pool = new ParallelRows(threads)) {
                    for (int call = 0; call < 500; call++) {
                        double[] out = new double[n];
                        j.multiply(x, out, 1, pool);
                        assertThat(out).as("%s threads %d call %d", j.getClass().getSimpleName(), threads, call)
                                .isEqualTo(reference);
                    }
                }
            }
        }
    }
}

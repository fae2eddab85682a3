package org.chaoslab.bench;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Read bandwidth as the simulator sees it: every thread sums its fixed part of one float[] with
 * the Vector API (as the product streams J), all threads at once; best of several repetitions.
 * With an array many times the last-level cache this is the main-memory read bandwidth, the bound
 * of a matrix–vector product that must stream J from memory every step; with an array the size of
 * a small J it is the bandwidth of whatever cache level holds it.
 */
final class MemoryBandwidth {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Sequential streams per thread. */
    static final int STREAMS = 8;
    @SuppressWarnings("unused")
    private static volatile double sink;

    private MemoryBandwidth() {
    }

    /**
     * @param bytes         array size (a multiple of 4, below 8 GiB)
     * @param threads       threads, each summing one fixed contiguous part
     * @param reps          repetitions
     * @param maxReps       more repetitions while none was clean ({@link Timing#repeat})
     * @param minRepSeconds each repetition sweeps the array as often as needed to last this long
     * @return GB/s (10⁹ bytes per second) per repetition; unitsPerRep = sweeps
     */
    static Timing measure(long bytes, int threads, int reps, int maxReps, double minRepSeconds) throws Exception {
        Meter m = Meter.of(bytes, threads, minRepSeconds);
        return Timing.repeat(m.sweeps(), reps, maxReps, m::gbs);
    }

    /**
     * An array of a given size, filled, with the JIT warmed up and a sweep count calibrated so that one repetition lasts
     * about {@code repSeconds}; each {@link #gbs} is one more repetition. For a bandwidth measured in turns with another
     * timing ({@link CompareBench}: the read bound beside the step, round by round), so that both see the host's
     * memory in the same state.
     */
    static final class Meter {

        private final float[] a;
        private final int threads;
        private final int sweeps;

        private Meter(float[] a, int threads, int sweeps) {
            this.a = a;
            this.threads = threads;
            this.sweeps = sweeps;
        }

        /**
         * @param bytes      array size (a multiple of 4, below 8 GiB)
         * @param threads    threads, each summing one fixed contiguous part
         * @param repSeconds about how long one repetition lasts
         */
        static Meter of(long bytes, int threads, double repSeconds) throws Exception {
            long len = bytes / 4;
            if (len < 1 || len > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("bandwidth array must be 4 B .. 8 GiB (got " + bytes + " B)");
            }
            float[] a = new float[(int) len];
            Arrays.fill(a, 1.0f);   // touch every page before timing
            warmUp(a);
            // calibrate (and warm the JIT): double the sweeps until a repetition lasts a quarter of the target
            int sweeps = 1;
            double t = run(a, threads, 1);
            while (t < 0.25 * repSeconds && sweeps < 1 << 24) {
                sweeps *= 2;
                t = run(a, threads, sweeps);
            }
            sweeps = (int) Math.max(1, Math.min(1 << 26, Math.ceil(sweeps * repSeconds / t)));
            // the JIT may compile (or deoptimize and recompile) the kernel during calibration: time the calibrated count
            // again until two rates in a row agree within 30 %
            double rate = sweeps / t;
            for (int k = 0; k < 8; k++) {
                t = run(a, threads, sweeps);
                double again = sweeps / t;
                sweeps = (int) Math.max(1, Math.min(1 << 26, Math.ceil(again * repSeconds)));
                if (Math.abs(again - rate) <= 0.3 * Math.min(again, rate)) {
                    break;
                }
                rate = again;
            }
            return new Meter(a, threads, sweeps);
        }

        /** Sweeps per repetition. */
        int sweeps() {
            return sweeps;
        }

        /** One repetition: GB/s (10⁹ bytes per second) of all threads sweeping their parts at once. */
        double gbs() throws Exception {
            return 4.0 * a.length * sweeps / run(a, threads, sweeps) * 1e-9;
        }
    }

    /**
     * Seconds for {@code sweeps} sweeps of every part by its own thread: the threads start together (a barrier) and
     * each times its own sweeps; the slowest counts. Thread creation is not timed (on a busy machine it can take
     * milliseconds, which made the bandwidth of small arrays look a hundred times lower than it is).
     */
    private static double run(float[] a, int threads, int sweeps) throws Exception {
        int len = a.length;
        double[] partial = new double[threads];
        long[] nanos = new long[threads];
        CyclicBarrier start = new CyclicBarrier(threads);
        Thread[] ts = new Thread[threads - 1];
        Throwable[] failure = new Throwable[1];
        for (int p = 1; p < threads; p++) {
            int part = p;
            ts[p - 1] = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    long t0 = System.nanoTime();
                    partial[part] = sweep(a, part, threads, len, sweeps);
                    nanos[part] = System.nanoTime() - t0;
                } catch (InterruptedException | BrokenBarrierException e) {
                    failure[0] = e;
                }
            });
        }
        if (threads > 1) {
            start.await();
        }
        long t0 = System.nanoTime();
        partial[0] = sweep(a, 0, threads, len, sweeps);
        nanos[0] = System.nanoTime() - t0;
        for (Thread t : ts) {
            t.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("bandwidth thread failed", failure[0]);
        }
        sink = Arrays.stream(partial).sum();
        return Arrays.stream(nanos).max().orElseThrow() * 1e-9;
    }

    /**
     * Runs the summing kernel {@value #WARMUP_CALLS} times on a small slice first, so that the calibration below sees
     * compiled code: calibrated on interpreted sweeps of a small array (the Vector API is ~100× slower interpreted),
     * a repetition had so few sweeps that the JIT never compiled them, and the bandwidth of a 500 kB array came out
     * below 1 GB/s. Counted in calls, not time: the JIT compiles by invocation counts.
     */
    private static void warmUp(float[] a) {
        int to = Math.min(a.length, 4096);
        double s = 0.0;
        for (int k = 0; k < WARMUP_CALLS; k++) {
            // every path of the kernel (with and without a scalar tail), so that no branch is left uncompiled
            s += (k & 1) == 0 ? sum(a, 0, to) : sum(a, k % 7, to - k % 5);
        }
        sink = s;
    }

    static final int WARMUP_CALLS = 20_000;

    private static double sweep(float[] a, int part, int parts, int len, int sweeps) {
        int from = (int) ((long) len * part / parts);
        int to = (int) ((long) len * (part + 1) / parts);
        double s = 0.0;
        for (int k = 0; k < sweeps; k++) {
            s += sum(a, from, to);
        }
        return s;
    }

    /**
     * Σ a[from, to), read as {@value #STREAMS} contiguous sub-ranges at once: several independent
     * sequential streams per core keep more cache-line fills in flight than one (as a gemv kernel
     * reading several rows of J at a time does), about 10% more bandwidth on a server core than a
     * single stream.
     */
    static double sum(float[] a, int from, int to) {
        int l = F.length();
        int len = (to - from) / STREAMS / l * l;
        int b0 = from;
        int b1 = b0 + len;
        int b2 = b1 + len;
        int b3 = b2 + len;
        int b4 = b3 + len;
        int b5 = b4 + len;
        int b6 = b5 + len;
        int b7 = b6 + len;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        for (int k = 0; k < len; k += l) {
            s0 = s0.add(FloatVector.fromArray(F, a, b0 + k));
            s1 = s1.add(FloatVector.fromArray(F, a, b1 + k));
            s2 = s2.add(FloatVector.fromArray(F, a, b2 + k));
            s3 = s3.add(FloatVector.fromArray(F, a, b3 + k));
            s4 = s4.add(FloatVector.fromArray(F, a, b4 + k));
            s5 = s5.add(FloatVector.fromArray(F, a, b5 + k));
            s6 = s6.add(FloatVector.fromArray(F, a, b6 + k));
            s7 = s7.add(FloatVector.fromArray(F, a, b7 + k));
        }
        double s = s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
        for (int k = from + STREAMS * len; k < to; k++) {
            s += a[k];
        }
        return s;
    }
}

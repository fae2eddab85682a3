package org.chaoslab.linalg;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs a {@link RowTask} over a <em>fixed</em> partition of rows.
 *
 * <p><b>Results never depend on the threads.</b> The partition into blocks depends only on the number of rows and
 * the block size, and each block is computed by the same code whichever thread runs it: results are bit-identical
 * for any thread count, and for any number of threads taking part in one call.
 *
 * <p><b>How many threads take part is measured, per call site.</b> A call whose work is a few microseconds (a time
 * step of a small network) can be slower on two threads than on one: the hand-off costs about a microsecond, and
 * a matrix that fits the cache of one core is split over two caches. So the pool times its calls: for each call
 * site (the task's class, the rows and the block size) it first runs with every thread, and while calls are short
 * (under {@value #TUNE_BELOW_NANOS} ns) it tries 1, 2, 4 … threads one after the other, each for a run of consecutive
 * calls (the steady state of that count: the first calls of a run, which move the matrix between the cores' caches, are
 * not timed), keeps the count with the lowest median time and measures again every {@value #RETUNE_NANOS} ns of wall
 * time (another process may have taken a core meanwhile). Long calls always use every thread.
 *
 * <p><b>Hand-off.</b> The caller publishes a job and works too. Each taking part thread owns a contiguous range of
 * blocks (the same range at every call, so its part of a matrix stays in its own cache) and, when done, takes the
 * blocks left in the others' ranges. Every other call of a call site runs the blocks in reverse order: the rows read
 * last are the ones still in the cache when the next call starts (a matrix a little larger than a cache then hits
 * in it for the most part instead of missing throughout). Workers wait for the next job spinning for at most {@value #SPIN_NANOS} ns and
 * then park; the caller wakes only workers that are parked and take part, so back-to-back small jobs cost no system
 * calls. A caller that has finished its own blocks spins the same bounded time and then parks until the last block
 * is done, so a worker descheduled in favour of another process can take over the caller's core.
 *
 * <p>Threads beyond the available processors are not started: they could only wait for one another. With the system
 * property {@code chaoslab.threads.tuning=false} every call uses every thread (benchmarks use it to time fixed
 * counts); {@link #lastUsage()} tells how many threads the calls of the last closed pool used.
 *
 * <p>One instance serves one simulation at a time ({@link #run} is not re-entrant); {@link #close()} stops the
 * workers.
 */
public final class ParallelRows implements AutoCloseable {

    /** Longest wait spent spinning (worker for the next job, caller for the last block) before parking. */
    static final long SPIN_NANOS = 50_000L;
    /** Calls shorter than this (with every thread) are tuned; longer ones always use every thread. */
    static final long TUNE_BELOW_NANOS = 2_000_000L;
    /** Wall time between two tunings of one call site. */
    static final long RETUNE_NANOS = 500_000_000L;
    /** Calls timed per candidate thread count in one tuning. */
    static final int SAMPLES = 7;
    /**
     * Calls run with a candidate count before its timed ones: after a change of the thread count the rows of a matrix
     * move between the cores' caches, and the first calls pay for that, not the steady state.
     */
    static final int SETTLE = 3;
    /** Calls of a site run with every thread before its first tuning (class loading, JIT). */
    static final int WARMUP_CALLS = 64;
    /** Call sites remembered; calls from further sites use every thread. */
    private static final int MAX_SITES = 32;
    /** Longs between two claim counters (two cache lines: no false sharing, adjacent-line prefetch included). */
    private static final int STRIDE = 16;

    /**
     * One call of {@link #run}: immutable, so that a worker still busy with an earlier call can never run blocks of
     * this one. Block claims carry the job's epoch in their upper 32 bits for the same reason.
     */
    private record Job(RowTask task, int rows, int blockSize, int blocks, int participants, boolean reversed, int epoch,
                       Thread caller) {

        /** First block of participant p's own range. */
        int rangeStart(int p) {
            return (int) ((long) blocks * p / participants);
        }
    }

    private final Thread[] workers;
    /** Per participant p at p·STRIDE: (epoch &lt;&lt; 32) | next unclaimed block of its range. At participants·STRIDE: blocks done. */
    private final AtomicLongArray claims;
    private final int doneSlot;
    /** Worker w (participant w + 1) is parked or about to park; set by the worker, cleared by whoever wakes it. */
    private final AtomicLongArray parked;
    private volatile Job job;
    private volatile boolean callerParked;
    private volatile Throwable error;
    private volatile boolean closed;
    private int epoch;
    private final Site[] sites = new Site[MAX_SITES];
    private int siteCount;
    private final boolean tuning;
    private final long[] callsByThreads;

    private static volatile Usage lastUsage = new Usage(new long[2]);

    /**
     * How many calls of a pool's heaviest call site — the one that took the most wall time, the product in a simulation
     * — ran on how many threads (of every call of more than one block when the pool had no remembered site).
     *
     * @param callsByThreads element t: calls of more than one block that t threads took part in (index 0 unused)
     */
    public record Usage(long[] callsByThreads) {

        /** Calls of more than one block. */
        public long calls() {
            long c = 0;
            for (long v : callsByThreads) {
                c += v;
            }
            return c;
        }

        /** The thread count most calls used (1 when there were none). */
        public int mostUsed() {
            int best = 1;
            for (int t = 1; t < callsByThreads.length; t++) {
                if (callsByThreads[t] > callsByThreads[best]) {
                    best = t;
                }
            }
            return best;
        }

        /** Fraction of the calls that used {@code threads} threads. */
        public double share(int threads) {
            long c = calls();
            return c == 0 || threads >= callsByThreads.length ? 0.0 : (double) callsByThreads[threads] / c;
        }
    }

    /**
     * @param threads total threads including the caller; 1 runs everything on the caller. More than the available
     *                processors start only as many as there are processors.
     */
    public ParallelRows(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        int used = Math.min(threads, Math.max(1, Runtime.getRuntime().availableProcessors()));
        tuning = !"false".equalsIgnoreCase(System.getProperty("chaoslab.threads.tuning"));
        callsByThreads = new long[used + 1];
        workers = new Thread[used - 1];
        claims = new AtomicLongArray((used + 1) * STRIDE);
        doneSlot = used * STRIDE;
        parked = new AtomicLongArray(Math.max(1, used - 1) * STRIDE);
        for (int w = 0; w < workers.length; w++) {
            int participant = w + 1;
            Thread t = new Thread(() -> workerLoop(participant), "chaoslab-rows-" + w);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** A pool using every available processor. */
    public static ParallelRows allCores() {
        return new ParallelRows(Runtime.getRuntime().availableProcessors());
    }

    /** Total threads, the caller included (at most the available processors). */
    public int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code task} on blocks {@code [k·blockSize, min((k+1)·blockSize, rows))}, in any order and on any of the
     * pool's threads, and returns when all blocks are done. Not re-entrant. An exception in a block is rethrown here.
     */
    public void run(int rows, int blockSize, RowTask task) {
        if (rows <= 0) {
            return;
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1 (got " + blockSize + ")");
        }
        int nBlocks = (rows - 1) / blockSize + 1;
        if (nBlocks == 1) {
            task.run(0, rows);
            return;
        }
        int most = Math.min(threads(), nBlocks);
        Site site = site(task, rows, blockSize, most);
        boolean tune = tuning && most > 1 && site != null;
        int participants = tune ? site.participants() : most;
        boolean reversed = site != null && site.reversed();
        callsByThreads[participants]++;
        long t0 = System.nanoTime();
        if (participants == 1) {
            runInline(rows, blockSize, nBlocks, task, reversed);
        } else {
            runShared(rows, blockSize, nBlocks, participants, reversed, task);
        }
        if (site != null) {
            site.record(participants, System.nanoTime() - t0, tune);
        }
    }

    private static void runInline(int rows, int blockSize, int nBlocks, RowTask task, boolean reversed) {
        for (int k = 0; k < nBlocks; k++) {
            int b = reversed ? nBlocks - 1 - k : k;
            task.run(b * blockSize, Math.min(rows, (b + 1) * blockSize));
        }
    }

    private void runShared(int rows, int blockSize, int nBlocks, int participants, boolean reversed, RowTask task) {
        int e = ++epoch;
        Job j = new Job(task, rows, blockSize, nBlocks, participants, reversed, e, Thread.currentThread());
        long tag = (long) e << 32;
        for (int p = 0; p < participants; p++) {
            claims.set(p * STRIDE, tag | j.rangeStart(p));
        }
        claims.set(doneSlot, 0L);
        error = null;
        callerParked = false;
        job = j;   // publishes the claims above
        for (int w = 0; w < participants - 1; w++) {
            if (parked.get(w * STRIDE) != 0 && parked.compareAndSet(w * STRIDE, 1L, 0L)) {
                LockSupport.unpark(workers[w]);
            }
        }
        work(j, 0);
        awaitDone(j);
        Throwable t = error;
        if (t != null) {
            error = null;
            if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
    }

    /** Participant p's part of job j: its own range first, then whatever is left in the others'. */
    private void work(Job j, int p) {
        int done = 0;
        for (int k = 0; k < j.participants(); k++) {
            int q = (p + k) % j.participants();
            int start = j.rangeStart(q);
            int end = j.rangeStart(q + 1);
            int slot = q * STRIDE;
            while (true) {
                long c = claims.get(slot);
                int b = (int) c;
                if ((int) (c >>> 32) != j.epoch() || b >= end) {
                    break;
                }
                if (!claims.compareAndSet(slot, c, c + 1)) {
                    continue;
                }
                if (j.reversed()) {
                    b = start + end - 1 - b;
                }
                try {
                    j.task().run(b * j.blockSize(), Math.min(j.rows(), (b + 1) * j.blockSize()));
                } catch (Throwable t) {
                    if (error == null) {
                        error = t;
                    }
                }
                done++;
            }
        }
        if (done > 0 && claims.addAndGet(doneSlot, done) == j.blocks() && p != 0 && callerParked) {
            LockSupport.unpark(j.caller());
        }
    }

    private void awaitDone(Job j) {
        long start = System.nanoTime();
        while (claims.get(doneSlot) < j.blocks()) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (claims.get(doneSlot) < j.blocks()) {
                    LockSupport.parkNanos(this, 1_000_000L);
                }
            }
        }
    }

    private void workerLoop(int participant) {
        int w = participant - 1;
        Job seen = null;
        long idleSince = System.nanoTime();
        while (!closed) {
            Job j = job;
            if (j != seen) {
                seen = j;
                if (j != null && participant < j.participants()) {
                    work(j, participant);
                    idleSince = System.nanoTime();
                }
                continue;
            }
            if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            parked.set(w * STRIDE, 1L);
            if (job == seen && !closed) {
                LockSupport.park(this);
            }
            parked.set(w * STRIDE, 0L);
            idleSince = System.nanoTime();
        }
    }

    /** The tuning state of a call site, created on its first call; null once {@value #MAX_SITES} sites exist. */
    private Site site(RowTask task, int rows, int blockSize, int most) {
        Class<?> type = task.getClass();
        for (int s = 0; s < siteCount; s++) {
            Site site = sites[s];
            if (site.type == type && site.rows == rows && site.blockSize == blockSize) {
                return site;
            }
        }
        if (siteCount == MAX_SITES) {
            return null;
        }
        Site site = new Site(type, rows, blockSize, most);
        sites[siteCount++] = site;
        return site;
    }

    /**
     * How many threads one call site uses: every thread during {@value #WARMUP_CALLS} calls, then, while its calls
     * are short, a tuning that runs the candidate counts (1, 2, 4 … and the maximum) one after the other, each for
     * {@value #SETTLE} untimed and {@value #SAMPLES} timed consecutive calls, and keeps the one with the lowest median
     * time (the fewer threads on a tie within 3 %). Tuned again every {@value #RETUNE_NANOS} ns.
     *
     * <p>Why consecutive runs: interleaving the candidates call by call (1, 2, 1, 2 …) times each count in the cache
     * state the other left behind, and locks each candidate to one direction of the alternating block order; for a
     * matrix about the size of the last-level cache (N = 2000 in double) that made one thread look as fast as two and be
     * chosen for a third of the time (docs/benchmarks.md).
     */
    private static final class Site {
        final Class<?> type;
        final int rows;
        final int blockSize;
        private final int[] candidates;
        private final long[][] samples;
        private long calls;
        /** Calls by the number of threads that took part, and their wall time (for {@link Usage}). */
        private final long[] callsByThreads;
        private long nanos;
        private int chosen;
        private boolean tuning;
        private int turn;
        private long lastTuned;

        /** @param threads the most threads a call of this site can use */
        Site(Class<?> type, int rows, int blockSize, int threads) {
            this.type = type;
            this.rows = rows;
            this.blockSize = blockSize;
            int count = 0;
            for (int c = 1; c < threads; c *= 2) {
                count++;
            }
            candidates = new int[count + 1];
            for (int i = 0, c = 1; i < count; i++, c *= 2) {
                candidates[i] = c;
            }
            candidates[count] = threads;
            samples = new long[candidates.length][SAMPLES];
            chosen = threads;
            callsByThreads = new long[threads + 1];
        }

        int participants() {
            return tuning ? candidates[turn / (SETTLE + SAMPLES)] : chosen;
        }

        /** Every other call runs its blocks in reverse order. */
        boolean reversed() {
            return (calls & 1) == 1;
        }

        /** After a call that ran on {@code used} threads for {@code nanos} ns; {@code tune}: the pool tunes. */
        void record(int used, long nanos, boolean tune) {
            calls++;
            callsByThreads[used]++;
            this.nanos += nanos;
            if (!tune) {
                return;
            }
            if (tuning) {
                int within = turn % (SETTLE + SAMPLES);
                if (within >= SETTLE) {
                    samples[turn / (SETTLE + SAMPLES)][within - SETTLE] = nanos;
                }
                turn++;
                if (turn == (SETTLE + SAMPLES) * candidates.length) {
                    tuning = false;
                    chosen = best();
                    lastTuned = System.nanoTime();
                }
            } else if (calls == WARMUP_CALLS || calls > WARMUP_CALLS && System.nanoTime() - lastTuned > RETUNE_NANOS) {
                if (nanos < TUNE_BELOW_NANOS || used == 1) {
                    tuning = true;
                    turn = 0;
                } else {
                    chosen = candidates[candidates.length - 1];   // long calls: every thread
                    lastTuned = System.nanoTime();
                }
            }
        }

        private int best() {
            int best = 0;
            long bestMedian = Long.MAX_VALUE;
            for (int c = 0; c < candidates.length; c++) {
                long[] s = samples[c].clone();
                java.util.Arrays.sort(s);
                long median = s[SAMPLES / 2];
                if (median < bestMedian - bestMedian / 32) {
                    best = c;
                    bestMedian = median;
                }
            }
            return candidates[best];
        }
    }

    /** The usage of the most recently closed pool (for benchmarks and diagnostics). */
    public static Usage lastUsage() {
        return lastUsage;
    }

    @Override
    public void close() {
        if (!closed) {
            Site heaviest = null;
            for (int k = 0; k < siteCount; k++) {
                if (heaviest == null || sites[k].nanos > heaviest.nanos) {
                    heaviest = sites[k];
                }
            }
            lastUsage = new Usage(heaviest != null ? heaviest.callsByThreads.clone() : callsByThreads.clone());
        }
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}

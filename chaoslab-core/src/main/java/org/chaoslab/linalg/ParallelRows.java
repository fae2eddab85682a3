package org.chaoslab.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs a {@link RowTask} over a <em>fixed</em> partition of rows.
 *
 * <p>The partition into blocks depends only on the number of rows and the block size, never on
 * the number of threads, and each block is computed by the same code whichever thread claims it:
 * results are bit-identical for any thread count. The calling thread works too. Idle workers spin
 * briefly (a time step at N = 500 lasts tens of microseconds, less than a park/unpark round trip)
 * and then park.
 *
 * <p>One instance serves one simulation at a time; {@link #close()} stops the workers.
 */
public final class ParallelRows implements AutoCloseable {

    private static final long SPIN_NANOS = 200_000L;

    /** One call of {@link #run}: its own counters, so a late worker can never mix two calls. */
    private record Job(RowTask task, int rows, int blockSize, int blocks, AtomicInteger next, AtomicInteger pending,
                       AtomicReference<Throwable> error) {
        void drain() {
            int b;
            while ((b = next.getAndIncrement()) < blocks) {
                try {
                    task.run(b * blockSize, Math.min(rows, (b + 1) * blockSize));
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }

    private final Thread[] workers;
    private volatile Job job;
    private volatile boolean closed;

    /**
     * @param threads total threads including the caller; 1 runs everything on the caller
     */
    public ParallelRows(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::workerLoop, "chaoslab-rows-" + w);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** A pool using every available processor. */
    public static ParallelRows allCores() {
        return new ParallelRows(Runtime.getRuntime().availableProcessors());
    }

    /** Total threads, the caller included. */
    public int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code task} on blocks {@code [k·blockSize, min((k+1)·blockSize, rows))} and returns when
     * all blocks are done. Not re-entrant. An exception in a block is rethrown here.
     */
    public void run(int rows, int blockSize, RowTask task) {
        if (rows <= 0) {
            return;
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1 (got " + blockSize + ")");
        }
        int nBlocks = (rows + blockSize - 1) / blockSize;
        if (workers.length == 0 || nBlocks == 1) {
            for (int b = 0; b < nBlocks; b++) {
                task.run(b * blockSize, Math.min(rows, (b + 1) * blockSize));
            }
            return;
        }
        Job j = new Job(task, rows, blockSize, nBlocks, new AtomicInteger(), new AtomicInteger(nBlocks),
                new AtomicReference<>());
        job = j;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        j.drain();
        while (j.pending.get() > 0) {
            Thread.onSpinWait();
        }
        Throwable t = j.error.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void workerLoop() {
        Job seen = null;
        while (!closed) {
            Job j = job;
            if (j != seen) {
                seen = j;
                if (j != null) {
                    j.drain();
                }
                continue;
            }
            long start = System.nanoTime();
            while (job == seen && !closed && System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            if (job == seen && !closed) {
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}

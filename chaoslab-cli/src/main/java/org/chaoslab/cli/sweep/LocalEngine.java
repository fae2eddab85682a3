package org.chaoslab.cli.sweep;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The embedded engine: the tasks run in this JVM, on {@code parallel} worker threads, each a command run in process
 * ({@link SweepJob#run}) with {@link SweepJob#threadsPerTask()} threads of its own — so parallel × threads per task
 * equals the threads the sweep was given, and no core is oversubscribed. Tasks start in the plan's order; rows reach
 * the sink as they finish. No JVM is started per point. With batching on, the points of a g-sweep of
 * {@code simulate rate} (or of {@code lyapunov --method two-replica}) that share a realization run as one batch
 * ({@link GainGroups}).
 */
public final class LocalEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "local";

    private final int parallel;
    private final boolean batch;

    /** @param parallel how many tasks run at once (≥ 1) */
    public LocalEngine(int parallel) {
        this(parallel, false);
    }

    /**
     * @param parallel how many tasks (or batches) run at once (≥ 1)
     * @param batch    run the points of a g-sweep of {@code simulate rate} or {@code lyapunov --method two-replica}
     *                 that share a realization as one batch
     *                 ({@link GainGroups})
     */
    public LocalEngine(int parallel, boolean batch) {
        this.parallel = Math.max(1, parallel);
        this.batch = batch;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(SweepJob job, List<SweepTask> tasks, Map<String, String> options, Consumer<SweepRow> sink)
            throws Exception {
        if (tasks.isEmpty()) {
            return;
        }
        List<GainGroups.Work> work = GainGroups.of(job, tasks, batch);
        int workers = Math.min(parallel, work.size());
        if (workers == 1) {
            for (GainGroups.Work w : work) {
                run(job, w, sink);
            }
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "chaoslab-sweep-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = work.stream().<Future<?>>map(w -> pool.submit(() -> run(job, w, sink))).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(SweepJob job, GainGroups.Work w, Consumer<SweepRow> sink) {
        if (w.tasks().size() == 1) {
            sink.accept(job.run(w.tasks().getFirst()));
        } else {
            GainGroups.run(job, w.tasks()).forEach(sink);
        }
    }
}

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
 * the sink as they finish. No JVM is started per point.
 */
public final class LocalEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "local";

    private final int parallel;

    /** @param parallel how many tasks run at once (≥ 1) */
    public LocalEngine(int parallel) {
        this.parallel = Math.max(1, parallel);
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
        int workers = Math.min(parallel, tasks.size());
        if (workers == 1) {
            for (SweepTask t : tasks) {
                sink.accept(job.run(t));
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
            List<Future<?>> futures = tasks.stream().<Future<?>>map(t -> pool.submit(() -> sink.accept(job.run(t)))).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

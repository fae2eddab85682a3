package org.chaoslab.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.chaoslab.cli.sweep.SweepEngine;
import org.chaoslab.cli.sweep.SweepJob;
import org.chaoslab.cli.sweep.SweepRow;
import org.chaoslab.cli.sweep.SweepTask;

/**
 * The Apache Spark engine of sweeps ({@code chaoslab sweep SPEC --out DIR --engine spark --master URL}): every task
 * (one realization of one point) is a Spark job of one task that runs {@link SweepJob#run} on an executor and brings
 * its row back to the driver, which hands it to the sink as soon as it arrives.
 *
 * <p><b>One job per task.</b> The driver keeps a window of jobs submitted (twice the cluster's task slots, at least
 * four), each waited for by its own driver thread, so rows reach the sink (the sweep's journal) as tasks finish, in
 * whatever order they finish, while Spark's FIFO scheduler starts them in the sweep's order. A task that Spark retries
 * (executor lost, an exception outside the command) gives one row: Spark keeps one result per job, and the driver
 * drops any second row of a task id anyway. A task that still fails after {@code spark.task.maxFailures} attempts
 * (4 unless set; a local master retries only with {@code local[N,F]}) becomes a {@link SweepRow#FAILED} row with
 * Spark's one-line reason, and the sweep goes on, as with a point whose command fails; if the Spark application
 * itself ends (master lost, application killed) the engine stops and throws, handing over nothing more (a run that
 * failed just before its end may have been handed over as failed; a rerun of the sweep redoes failed runs).
 *
 * <p><b>Cores.</b> Each task takes {@link SweepJob#threadsPerTask()} cores ({@code spark.task.cpus}), the threads its
 * run uses, so an executor with C cores runs C / threadsPerTask tasks at once and no core is oversubscribed (with one
 * thread per task: as many tasks as cores). A local master's N cores are N task slots in this JVM: a task wider than N
 * takes all N. On a cluster an executor needs at least threadsPerTask cores, or no task can start.
 *
 * <p><b>Options</b> ({@link #run}'s map): {@code master} ({@code local[2]} when neither given nor set by
 * spark-submit), {@code app-name}, and any {@code spark.*} key, passed to the {@link SparkConf} as is (it wins over
 * the engine's defaults). {@code spark.*} system properties (spark-submit sets them) are read too. With a cluster
 * master the jar this class was loaded from (target/chaoslab-spark.jar) goes to the executors ({@code spark.jars})
 * unless spark-submit or the options name jars. The web UI is off for a local master unless
 * {@code spark.ui.enabled} says otherwise.
 *
 * <p><b>Files.</b> A task writes its point's directory ({@link SweepJob#pointDir}) on the executor, so the sweep's
 * directory must be a path every executor sees (the driver's disk for a local master, a shared file system such as NFS
 * on a cluster). A retried task rewrites its directory ({@code --force}); speculative execution, which could run two
 * attempts of a task at the same time into the same directory, stays off unless set.
 */
public final class SparkSweepEngine implements SweepEngine {

    /** The master when none is given: two local cores (an embedded Spark, for tests and trying it). */
    public static final String DEFAULT_MASTER = "local[2]";
    /** Attempts of a task on a cluster before it is recorded as failed (Spark's default, set explicitly). */
    public static final int DEFAULT_MAX_FAILURES = 4;

    private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\*|\\d+)(?:\\s*,\\s*\\d+)?])?");

    private final TaskRunner runner;

    /** The engine ServiceLoader creates: each task runs {@link SweepJob#run}. */
    public SparkSweepEngine() {
        this(new JobRunner());
    }

    /** An engine whose executors run {@code runner} instead of {@link SweepJob#run} (tests inject failures). */
    SparkSweepEngine(TaskRunner runner) {
        this.runner = runner;
    }

    /** What an executor does with a task; serializable, since Spark ships it to the executors. */
    @FunctionalInterface
    interface TaskRunner extends Serializable {
        /** Runs {@code task} of {@code job} and returns its row. */
        SweepRow run(SweepJob job, SweepTask task);
    }

    /** {@link SweepJob#run}: what every task of a real sweep runs. */
    private static final class JobRunner implements TaskRunner {
        private static final long serialVersionUID = 1L;

        @Override
        public SweepRow run(SweepJob job, SweepTask task) {
            return job.run(task);
        }
    }

    /** The Spark function of a task: job and runner travel with it to the executor. */
    private record RunTask(SweepJob job, TaskRunner runner) implements Function<SweepTask, SweepRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public SweepRow call(SweepTask task) {
            return runner.run(job, task);
        }
    }

    /** A job's end: its row, or the reason Spark gave up on it. */
    private record Finished(SweepTask task, SweepRow row, Throwable failure, double wallSeconds) {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(SweepJob job, List<SweepTask> tasks, Map<String, String> options, Consumer<SweepRow> sink)
            throws Exception {
        if (tasks.isEmpty()) {
            return;
        }
        SparkConf conf = configuration(job, options);
        JavaSparkContext sc = new JavaSparkContext(conf);
        ExecutorService waiters = Executors.newCachedThreadPool(daemonThreads());
        boolean completed = false;
        try {
            if (!conf.get("spark.master").startsWith("local")) {
                System.err.printf("chaoslab: Spark application %s on %s%s%n", sc.sc().applicationId(), sc.master(),
                        sc.sc().uiWebUrl().isDefined() ? ", web UI " + sc.sc().uiWebUrl().get() : "");
            }
            runAll(sc, new RunTask(job, runner), tasks, sink, waiters, Integer.parseInt(conf.get("spark.task.cpus")));
            completed = true;
        } finally {
            if (!completed && !sc.sc().isStopped()) {
                sc.cancelAllJobs();
            }
            waiters.shutdownNow();
            sc.stop();
        }
    }

    /**
     * Submits the tasks, one Spark job each, keeping a window of jobs in flight, and hands each row to the sink in
     * this thread as its job ends.
     */
    private static void runAll(JavaSparkContext sc, RunTask function, List<SweepTask> tasks, Consumer<SweepRow> sink,
                               ExecutorService waiters, int cpusPerTask) throws InterruptedException {
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        Set<String> delivered = new HashSet<>();
        Iterator<SweepTask> next = tasks.iterator();
        int inFlight = 0;
        while (next.hasNext() || inFlight > 0) {
            int window = Math.max(4, 2 * Math.max(1, sc.defaultParallelism() / cpusPerTask));
            while (inFlight < window && next.hasNext()) {
                SweepTask task = next.next();
                waiters.execute(() -> finished.add(runJob(sc, function, task)));
                inFlight++;
            }
            Finished f = finished.take();
            inFlight--;
            SweepRow row = f.row();
            if (row == null) {
                if (sc.sc().isStopped()) {
                    throw new IllegalStateException("the Spark application ended: " + firstLine(f.failure()),
                            f.failure());
                }
                // wall time: from the job's submission (its attempts ran on executors, their times are Spark's)
                row = new SweepRow(f.task(), SweepRow.FAILED, "Spark: " + firstLine(f.failure()), Map.of(),
                        f.wallSeconds());
            }
            if (!row.task().id().equals(f.task().id())) {
                throw new IllegalStateException("task " + f.task().id() + " came back as " + row.task().id());
            }
            if (delivered.add(row.task().id())) {
                sink.accept(row);
            }
        }
    }

    /** Runs one task as a Spark job of one partition and waits for its row (in a driver thread of its own). */
    private static Finished runJob(JavaSparkContext sc, RunTask function, SweepTask task) {
        long start = System.nanoTime();
        try {
            sc.setJobDescription("chaoslab " + task.id());
            List<SweepRow> rows = sc.parallelize(List.of(task), 1).map(function).collect();
            if (rows.size() != 1) {
                throw new IllegalStateException("task " + task.id() + " gave " + rows.size() + " rows");
            }
            return new Finished(task, rows.get(0), null, (System.nanoTime() - start) * 1e-9);
        } catch (Throwable e) { // Spark's SparkException is checked but not declared: catch everything
            return new Finished(task, null, e, (System.nanoTime() - start) * 1e-9);
        }
    }

    /** The Spark configuration of a sweep: the engine's defaults, then spark-submit's, then the options. */
    static SparkConf configuration(SweepJob job, Map<String, String> options) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.master", DEFAULT_MASTER);
        conf.setIfMissing("spark.app.name", "chaoslab sweep " + String.join(" ", job.command()));
        options.forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                conf.set(key, value);
            }
        });
        if (options.containsKey("master")) {
            conf.setMaster(options.get("master"));
        }
        if (options.containsKey("app-name")) {
            conf.setAppName(options.get("app-name"));
        }
        String master = conf.get("spark.master");
        Matcher local = LOCAL_MASTER.matcher(master);
        boolean isLocal = local.matches();
        int threads = job.hasThreads() ? Math.max(1, job.threadsPerTask()) : 1;
        conf.setIfMissing("spark.task.maxFailures", Integer.toString(DEFAULT_MAX_FAILURES));
        conf.setIfMissing("spark.speculation", "false");
        if (isLocal) {
            // a local master's cores are task slots in this JVM: a task wider than all of them takes them all
            int cores = local.group(1) == null ? 1
                    : local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
            conf.setIfMissing("spark.task.cpus", Integer.toString(Math.min(threads, cores)));
            conf.setIfMissing("spark.ui.enabled", "false");
            // the driver and its executor are this JVM: listen on the loopback interface only
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        } else {
            conf.setIfMissing("spark.task.cpus", Integer.toString(threads));
        }
        if (!isLocal && !conf.contains("spark.jars")) {
            String[] jars = JavaSparkContext.jarOfClass(SparkSweepEngine.class);
            if (jars.length > 0) {
                conf.set("spark.jars", jars[0]);
            }
        }
        String executorOptions = chaoslabJvmOptions();
        String given = conf.get("spark.executor.extraJavaOptions", "");
        conf.set("spark.executor.extraJavaOptions", (given + " " + executorOptions).strip());
        return conf;
    }

    /** The JVM flags chaoslab runs with, for the executors (from the module's build). */
    static String chaoslabJvmOptions() {
        Properties p = new Properties();
        try (InputStream in = SparkSweepEngine.class.getResourceAsStream("chaoslab-spark.properties")) {
            if (in == null) {
                throw new IllegalStateException("chaoslab-spark.properties is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("executor.java.options", "").strip();
    }

    /** The first line of a failure's message (Spark's reason for aborting a job comes first, then stack traces). */
    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "chaoslab-spark-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

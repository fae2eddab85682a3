package org.chaoslab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.chaoslab.cli.sweep.SweepEngine;
import org.chaoslab.cli.sweep.SweepJob;
import org.chaoslab.cli.sweep.SweepRow;
import org.chaoslab.cli.sweep.SweepSeeds;
import org.chaoslab.cli.sweep.SweepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine gives the rows a sequential run gives, one per task id, as tasks finish, also when Spark retries a
 * task; a task Spark gives up on is a failed row. Master local[2] (local[2,2]: two attempts per task).
 */
class SparkSweepEngineTest {

    private static final List<String> COMMAND = List.of("simulate", "rate");

    /** g in {0.5, 1.5, 2.5} × 2 realizations of a small network, and one point with a bad N. */
    private static List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>();
        double[] gs = {0.5, 1.5, 2.5};
        for (int p = 0; p < gs.length; p++) {
            for (int r = 0; r < 2; r++) {
                tasks.add(task(p, r, 60L, gs[p]));
            }
        }
        tasks.add(task(gs.length, 0, -5L, 1.5));
        return tasks;
    }

    private static SweepTask task(int point, int realization, long n, double g) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("n", n);
        parameters.put("t", 20L);
        parameters.put("transient", 10L);
        parameters.put("acf-max-lag", 5L);
        parameters.put("g", g);
        return new SweepTask(SweepTask.id(point, realization), point, realization, parameters,
                SweepSeeds.seed(7, parameters, Set.of(), realization));
    }

    private static SweepJob job(Path dir) {
        return new SweepJob(COMMAND, dir.toAbsolutePath().toString(), 1, true, true, true);
    }

    /** The reference: each task run in this thread, one after the other. */
    private static Map<String, SweepRow> sequential(SweepJob job, List<SweepTask> tasks) {
        Map<String, SweepRow> rows = new LinkedHashMap<>();
        for (SweepTask t : tasks) {
            rows.put(t.id(), job.run(t));
        }
        return rows;
    }

    /** Runs the tasks through {@code engine} and returns the rows in the order the sink received them. */
    private static List<SweepRow> viaSpark(SparkSweepEngine engine, SweepJob job, List<SweepTask> tasks, String master)
            throws Exception {
        List<SweepRow> received = Collections.synchronizedList(new ArrayList<>());
        engine.run(job, tasks, Map.of("master", master), received::add);
        return received;
    }

    /** Result keys that are measured durations, not results of the computation. */
    private static final Set<String> TIMINGS = Set.of("wallSeconds", "msPerStep");

    /** Same task, status, message and results, value for value and in the same order, timings excepted. */
    private static void assertSameRow(SweepRow actual, SweepRow expected) {
        assertThat(actual.task()).isEqualTo(expected.task());
        assertThat(actual.status()).as(actual.task().id()).isEqualTo(expected.status());
        assertThat(actual.message()).as(actual.task().id()).isEqualTo(expected.message());
        assertThat(actual.results().keySet()).as(actual.task().id()).containsExactlyElementsOf(expected.results().keySet());
        assertThat(withoutTimings(actual.results())).as(actual.task().id())
                .containsExactlyEntriesOf(withoutTimings(expected.results()));
    }

    private static Map<String, Object> withoutTimings(Map<String, Object> results) {
        Map<String, Object> m = new LinkedHashMap<>(results);
        m.keySet().removeAll(TIMINGS);
        return m;
    }

    @Test
    void givesTheSequentialRowsOncePerTask(@TempDir Path dir) throws Exception {
        List<SweepTask> tasks = tasks();
        Map<String, SweepRow> reference = sequential(job(dir.resolve("sequential")), tasks);
        assertThat(reference.values()).filteredOn(r -> r.status().equals(SweepRow.COMPLETED)).hasSize(6);
        SweepRow bad = reference.get(SweepTask.id(3, 0));
        assertThat(bad.status()).isEqualTo(SweepRow.FAILED);
        assertThat(bad.message()).contains("--n").doesNotContain("\n").doesNotStartWith("chaoslab:");
        assertThat(reference.get(SweepTask.id(0, 0)).results()).containsKey("meanSquare");

        SweepJob job = job(dir.resolve("spark"));
        List<SweepRow> rows = viaSpark(new SparkSweepEngine(), job, tasks, "local[2]");

        assertThat(rows).extracting(r -> r.task().id()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(reference.keySet());
        for (SweepRow row : rows) {
            assertSameRow(row, reference.get(row.task().id()));
        }
        // each completed task wrote its point's directory, as the sequential run did
        for (SweepTask t : tasks.subList(0, 6)) {
            assertThat(job.pointDir(t).resolve("summary.json")).isRegularFile();
        }
    }

    @Test
    void isFoundByNameWithServiceLoader() {
        assertThat(ServiceLoader.load(SweepEngine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("spark")).findFirst()).get().isInstanceOf(SparkSweepEngine.class);
    }

    @Test
    void noTasksStartsNoSpark(@TempDir Path dir) throws Exception {
        List<SweepRow> rows = viaSpark(new SparkSweepEngine(), job(dir), List.of(), "spark://nowhere.invalid:7077");
        assertThat(rows).isEmpty();
    }

    /** Attempts per task id, counted in this JVM (a local master's executor is the driver's JVM). */
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Test
    void aRetriedTaskGivesOneRow(@TempDir Path dir) throws Exception {
        List<SweepTask> tasks = tasks().subList(0, 4);
        String flaky = tasks.get(1).id();
        Map<String, SweepRow> reference = sequential(job(dir.resolve("sequential")), tasks);
        ATTEMPTS.clear();
        SparkSweepEngine engine = new SparkSweepEngine((job, task) -> {
            ATTEMPTS.computeIfAbsent(task.id(), k -> new AtomicInteger()).incrementAndGet();
            if (task.id().equals(flaky) && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("the first attempt of " + flaky + " fails");
            }
            return job.run(task);
        });

        List<SweepRow> rows = viaSpark(engine, job(dir.resolve("spark")), tasks, "local[2,2]");

        assertThat(ATTEMPTS.get(flaky)).hasValue(2);
        assertThat(rows).extracting(r -> r.task().id()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        for (SweepRow row : rows) {
            assertSameRow(row, reference.get(row.task().id()));
        }
    }

    @Test
    void aTaskSparkGivesUpOnIsAFailedRow(@TempDir Path dir) throws Exception {
        List<SweepTask> tasks = tasks().subList(0, 3);
        String broken = tasks.get(0).id();
        SparkSweepEngine engine = new SparkSweepEngine((job, task) -> {
            if (task.id().equals(broken)) {
                throw new IllegalStateException("every attempt of " + broken + " fails");
            }
            return job.run(task);
        });

        List<SweepRow> rows = viaSpark(engine, job(dir), tasks, "local[2,2]");

        assertThat(rows).extracting(r -> r.task().id()).containsExactlyInAnyOrder(
                tasks.stream().map(SweepTask::id).toArray(String[]::new));
        SweepRow failed = rows.stream().filter(r -> r.task().id().equals(broken)).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(SweepRow.FAILED);
        assertThat(failed.message()).startsWith("Spark: ").contains("failed 2 times")
                .contains("every attempt of " + broken + " fails").doesNotContain("\n");
        assertThat(failed.results()).isEmpty();
        assertThat(rows).filteredOn(r -> !r.task().id().equals(broken))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(SweepRow.COMPLETED));
    }

    private static final CountDownLatch OTHERS_DELIVERED = new CountDownLatch(3);

    /**
     * Rows reach the sink as tasks finish: the first task waits, on its executor core, until the sink has received
     * the rows of the three others (run on the other core); an engine that handed rows over only at the end would
     * keep it waiting until its timeout.
     */
    @Test
    void rowsReachTheSinkAsTasksFinish(@TempDir Path dir) throws Exception {
        List<SweepTask> tasks = tasks().subList(0, 4);
        String last = tasks.get(0).id();
        SparkSweepEngine engine = new SparkSweepEngine((job, task) -> {
            if (task.id().equals(last)) {
                try {
                    boolean sawOthers = OTHERS_DELIVERED.await(60, TimeUnit.SECONDS);
                    return new SweepRow(task, SweepRow.COMPLETED, "", Map.of("othersDeliveredFirst", sawOthers), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return job.run(task);
        });
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Map<String, SweepRow> received = new ConcurrentHashMap<>();
        engine.run(job(dir), tasks, Map.of("master", "local[2]"), row -> {
            order.add(row.task().id());
            received.put(row.task().id(), row);
            if (!row.task().id().equals(last)) {
                OTHERS_DELIVERED.countDown();
            }
        });

        assertThat(received.get(last).results()).containsEntry("othersDeliveredFirst", true);
        assertThat(order).hasSize(4).endsWith(last);
    }

    @Test
    void configuration(@TempDir Path dir) {
        SweepJob threaded = new SweepJob(COMMAND, dir.toString(), 2, true, true, true);
        SparkConf conf = SparkSweepEngine.configuration(threaded,
                Map.of("master", "local[4]", "app-name", "g scan", "spark.executor.memory", "3g", "other", "x"));
        assertThat(conf.get("spark.master")).isEqualTo("local[4]");
        assertThat(conf.get("spark.app.name")).isEqualTo("g scan");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("3g");
        assertThat(conf.contains("other")).isFalse();
        assertThat(conf.get("spark.task.cpus")).isEqualTo("2");
        assertThat(conf.get("spark.task.maxFailures")).isEqualTo("4");
        assertThat(conf.get("spark.speculation")).isEqualTo("false");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.executor.extraJavaOptions"))
                .contains("--add-modules jdk.incubator.vector").contains("-Djava.awt.headless=true");

        SparkConf defaults = SparkSweepEngine.configuration(job(dir), Map.of());
        assertThat(defaults.get("spark.master")).isEqualTo(SparkSweepEngine.DEFAULT_MASTER);
        assertThat(defaults.get("spark.app.name")).isEqualTo("chaoslab sweep simulate rate");
        assertThat(defaults.get("spark.task.cpus")).isEqualTo("1");

        SparkConf given = SparkSweepEngine.configuration(threaded, Map.of("master", "local[2]", "spark.task.cpus", "1"));
        assertThat(given.get("spark.task.cpus")).isEqualTo("1");

        // a task wider than a local master takes all of its cores
        assertThat(SparkSweepEngine.configuration(threaded, Map.of("master", "local[1]")).get("spark.task.cpus"))
                .isEqualTo("1");
        SparkConf cluster = SparkSweepEngine.configuration(threaded, Map.of("master", "spark://127.0.0.1:7077"));
        assertThat(cluster.get("spark.task.cpus")).isEqualTo("2");
        assertThat(cluster.contains("spark.driver.host")).isFalse();
        assertThat(cluster.contains("spark.ui.enabled")).isFalse();
    }
}

package org.chaoslab.cli.sweep;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;

import org.chaoslab.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chaoslab sweep SPEC.yaml --out DIR}: runs a command over a grid of parameters and realizations
 * ({@link SweepSpec}), checked before anything runs ({@link SweepPlan}), on an engine ({@link LocalEngine} or one found
 * by {@link ServiceLoader}, e.g. Spark), journaled so that a rerun resumes ({@link SweepJournal}), into one tidy table
 * ({@link SweepTable}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = {SweepAggregateCommand.class, SweepPlotCommand.class},
        description = {"Runs a command over a grid of parameters and realizations from a YAML spec, into one tidy table "
                + "(results.csv, results.parquet; one row per point and realization).",
                "Spec keys: command, fixed, sweep (lists, {linspace: [a, b, k]}, {logspace: [a, b, k]}), zip, realizations, "
                        + "seed, same-realization-across. Every point is checked (a dry run of the command) before any runs. "
                        + "Rerunning on the same --out resumes: completed runs are kept, failed ones redone.",
                "Exit codes: 0 all runs completed, 2 bad spec (SPEC:LINE: message), 3 some runs failed or diverged (recorded "
                        + "in the table with their message)."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The experiment spec (YAML).")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's directory. Default: results/sweep/<spec name>.")
    Path out;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = LocalEngine.NAME,
            description = "Where runs execute: local (this JVM, all cores) or spark (Apache Spark; needs chaoslab-spark, "
                    + "which ./chaoslab adds for --engine spark). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[2], spark://host:7077, yarn), with --engine spark. Default: local[2].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "An engine setting, repeatable (Spark: spark.executor.memory=4g, spark.task.maxFailures=8, ...).")
    java.util.Map<String, String> conf;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the whole sweep, 1 to the cores available; runs go in parallel with "
                    + "T / (threads per run) each. Default: all cores.")
    Integer threads;

    @Option(names = "--force", description = "Replace a directory that holds a sweep of another spec (or restart this one).")
    boolean force;

    @Option(names = "--no-batch", description = "Run every point on its own even where points share a realization "
            + "(by default a g-sweep of simulate rate, or of lyapunov with method: two-replica, with "
            + "same-realization-across: [g] runs as batches, one matrix product per step for all its gains).")
    boolean noBatch;

    @Option(names = "--dry-run", description = "Check the spec (every point) and list the runs; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outText = spec.commandLine().getOut();
        if (specFile == null) {
            throw new IllegalArgumentException("SPEC is required: chaoslab sweep SPEC.yaml --out DIR (or sweep aggregate|plot DIR)");
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("SPEC " + specFile + " is not a readable file");
        }
        SweepSpec sweep = SweepSpec.parse(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
        int cores = Runtime.getRuntime().availableProcessors();
        int total = threads == null ? cores : threads;
        if (total < 1 || total > cores) {
            throw new IllegalArgumentException("--threads must be in [1, " + cores + "] (the cores available; got " + total + ")");
        }
        SweepEngine found = engine();     // before the dry runs: an unknown engine is refused at once
        SweepPlan plan = SweepPlan.of(sweep, true);
        List<SweepTask> tasks = plan.tasks();
        // threads per run: the spec's, else (local) this machine's threads shared by the runs in flight, else (a
        // cluster engine, whose executors' cores this machine does not know) one per run, one run per executor core
        int perTask = plan.fixedThreads() > 0 ? plan.fixedThreads()
                : found == null ? Math.max(1, total / Math.min(total, tasks.size())) : 1;
        err.println("chaoslab: sweep of '" + String.join(" ", sweep.command()) + "': " + sweep.points() + " points x "
                + sweep.realizations() + " realizations = " + tasks.size() + " runs, " + perTask + " thread(s) each");
        if (dryRun) {
            for (SweepTask t : tasks) {
                outText.println(t.id() + "  seed " + t.seed() + "  " + String.join(" ", plan.job(Path.of("DIR"), perTask).arguments(t)));
            }
            return 0;
        }
        Path dir = (out != null ? out : Path.of("results", "sweep", baseName(specFile))).toAbsolutePath().normalize();
        boolean resumed = SweepDirectory.open(dir, sweep, tasks.size(), force);
        Map<String, SweepRow> done = SweepJournal.read(dir);
        List<SweepTask> todo = tasks.stream().filter(t -> {
            SweepRow r = done.get(t.id());
            return r == null || SweepRow.FAILED.equals(r.status());
        }).toList();
        if (resumed) {
            err.println("chaoslab: resuming " + dir + ": " + (tasks.size() - todo.size()) + " runs done, " + todo.size() + " to run");
        }
        SweepJob job = plan.job(dir, perTask);
        SweepEngine chosen = found != null ? found : new LocalEngine(Math.max(1, total / perTask), !noBatch);
        SweepProgress progress = new SweepProgress(err, todo.size(), interactive());
        Set<String> delivered = new HashSet<>();
        double[] runSeconds = {0};
        long engineStart = System.nanoTime();
        try (SweepJournal journal = SweepJournal.open(dir)) {
            Map<String, String> options = new LinkedHashMap<>();
            if (conf != null) {
                options.putAll(conf);
            }
            if (master != null) {
                options.put("master", master);
            }
            chosen.run(job, todo, options, row -> {
                synchronized (delivered) {
                    if (!delivered.add(row.task().id())) {
                        return;     // an engine delivered a task twice (a retried attempt): the first row stands
                    }
                    try {
                        journal.append(row);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    progress.done(row);
                    runSeconds[0] += row.wallSeconds();
                }
            });
        }
        progress.finish();
        double engineSeconds = (System.nanoTime() - engineStart) * 1e-9;
        int workers = LocalEngine.NAME.equals(chosen.name()) ? Math.max(1, Math.min(total / perTask, todo.size())) : 0;
        if (workers > 0 && !todo.isEmpty()) {
            // what the engine adds to the runs themselves: wall time beyond the runs' own walls spread over the workers
            err.println(String.format("chaoslab: %d runs in %.2f s on %d worker(s); engine overhead %.1f ms per run "
                            + "(beyond each run's own %.1f ms on average)", todo.size(), engineSeconds, workers,
                    Math.max(0, engineSeconds - runSeconds[0] / workers) / todo.size() * workers * 1e3,
                    runSeconds[0] / todo.size() * 1e3));
        }
        List<SweepRow> rows = SweepJournal.sorted(SweepJournal.read(dir));
        SweepTable.write(sweep, rows, dir);
        long failed = rows.stream().filter(r -> SweepRow.FAILED.equals(r.status())).count();
        long diverged = rows.stream().filter(r -> SweepRow.DIVERGED.equals(r.status())).count();
        outText.println(String.format("%d runs: %d completed, %d failed, %d diverged; wrote %s and %s in %s",
                rows.size(), rows.size() - failed - diverged, failed, diverged, SweepTable.CSV, SweepTable.PARQUET, dir));
        for (SweepRow r : rows) {
            if (!SweepRow.COMPLETED.equals(r.status())) {
                err.println("chaoslab: " + r.task().id() + " " + plan.swept(r.task()) + " " + r.status() + ": " + r.message());
            }
        }
        return failed + diverged > 0 ? Main.EXIT_DIVERGED : 0;
    }

    /** The engine named by --engine; null for the local one (made once the threads per run are known). */
    private SweepEngine engine() {
        if (LocalEngine.NAME.equals(engine)) {
            if (master != null || conf != null) {
                throw new IllegalArgumentException((master != null ? "--master" : "--conf") + " is for --engine spark (got --engine local)");
            }
            return null;
        }
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class)) {
            if (e.name().equals(engine)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--engine must be local" + ("spark".equals(engine)
                ? " or spark with chaoslab-spark on the class path (./chaoslab adds it when given --engine spark)"
                : " or spark (got " + engine + ")"));
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean interactive() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }
}

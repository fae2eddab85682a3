package org.chaoslab.cli.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the tasks of a sweep. Engines differ only in where tasks run (this JVM's threads, a Spark cluster); what a task
 * computes is {@link SweepJob#run(SweepTask)} with its own seed, so every engine gives the same rows. Engines other
 * than the built-in local one are found with {@link java.util.ServiceLoader} (e.g. {@code chaoslab-spark} on the class
 * path provides "spark").
 */
public interface SweepEngine {

    /** The name given to {@code --engine}. */
    String name();

    /**
     * Runs {@code tasks} of {@code job} and hands each finished row to {@code sink}, at most once per task id (an
     * engine that retries a task delivers one row for it). {@code sink} is thread-safe and records the row durably
     * before returning (the sweep's journal), so a row handed over survives a kill.
     *
     * @param job      the sweep: command, output directory, threads per task
     * @param tasks    the tasks still to run
     * @param options  engine options from the command line ({@code --master} for Spark), unknown keys ignored
     * @param sink     takes each finished row (and draws the progress line)
     */
    void run(SweepJob job, List<SweepTask> tasks, java.util.Map<String, String> options, Consumer<SweepRow> sink)
            throws Exception;
}

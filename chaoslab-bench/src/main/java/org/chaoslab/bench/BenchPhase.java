package org.chaoslab.bench;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * One phase of a benchmark timed as a whole, once: wait for quiet CPUs ({@code --wait-idle}), say on the log what
 * runs, run it, and keep its wall time with the share of the CPUs that other processes took meanwhile
 * ({@link CpuLoad#foreign}). For a phase repeated until one repetition was clean, see {@link Timing#repeat}.
 *
 * @param result      what the phase returned
 * @param seconds     wall time of the phase, in seconds (System.nanoTime around it)
 * @param foreignLoad fraction of all CPUs used by other processes during the phase (NaN if unknown or too short); a
 *                    child process the phase waited for counts as this process's own
 */
record BenchPhase<T>(T result, double seconds, double foreignLoad) {

    /**
     * Waits up to {@code waitIdleSeconds} for the other processes to leave the CPUs idle (0: not at all), then prints
     * {@code what} as a line on {@code log}: the start of a phase, timed or not.
     */
    static void begin(int waitIdleSeconds, PrintStream log, String what) throws InterruptedException {
        CpuLoad.awaitIdle(waitIdleSeconds, log);
        log.println(what);
    }

    /** {@link #begin}, then runs {@code body} once and measures it. */
    static <T> BenchPhase<T> run(int waitIdleSeconds, PrintStream log, String what, Callable<T> body) throws Exception {
        begin(waitIdleSeconds, log, what);
        CpuLoad.Snapshot a = CpuLoad.now();
        long t0 = System.nanoTime();
        T result = body.call();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new BenchPhase<>(result, seconds, CpuLoad.foreign(a, CpuLoad.now()));
    }
}

package org.chaoslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was with <em>other</em> work while something was measured: CPU time of all
 * processes (/proc/stat) minus that of this JVM and its finished children (/proc/self/stat), as a
 * fraction of the wall time of all CPUs; plus the time the hypervisor stole. Linux only; NaN
 * elsewhere. A benchmark on a machine where another build is running is not worth publishing.
 */
final class CpuLoad {

    /** Jiffies at one moment. */
    record Snapshot(long busy, long total, long steal, long self) {
    }

    private CpuLoad() {
    }

    static Snapshot now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0L;
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
            long self = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            long busy = user + nice + system + irq + softirq;
            return new Snapshot(busy, busy + idle + iowait + steal, steal, self);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(-1, -1, -1, -1);
        }
    }

    /** Below this many jiffies (0.15 s of 2 CPUs at 100 Hz) the 10 ms tick makes the share meaningless. */
    private static final long MIN_JIFFIES = 30;

    /** Fraction of all CPUs' time spent by other processes between {@code a} and {@code b}; NaN if too short. */
    static double foreign(Snapshot a, Snapshot b) {
        if (a.total() < 0 || b.total() - a.total() < MIN_JIFFIES) {
            return Double.NaN;
        }
        return Math.max(0.0, (double) ((b.busy() - a.busy()) - (b.self() - a.self())) / (b.total() - a.total()));
    }

    /** Fraction of all CPUs' time stolen by the hypervisor between {@code a} and {@code b}. */
    static double steal(Snapshot a, Snapshot b) {
        if (a.total() < 0 || b.total() <= a.total()) {
            return Double.NaN;
        }
        return (double) (b.steal() - a.steal()) / (b.total() - a.total());
    }

    /**
     * The load average over 1, 5 and 15 minutes as /proc/loadavg gives it ("0.52 0.40 0.31": runnable processes, on
     * all CPUs together), "unknown" off Linux: printed before and after a long benchmark, to show what it shared
     * the machine with.
     */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Waits until other processes used under 5% of the CPUs for a second, or until {@code seconds} have passed
     * (0: returns at once); says so on {@code log} when it has to wait.
     */
    static void awaitIdle(int seconds, java.io.PrintStream log) throws InterruptedException {
        if (seconds <= 0) {
            return;
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        boolean said = false;
        while (System.nanoTime() < deadline) {
            Snapshot a = now();
            Thread.sleep(1000);
            double f = foreign(a, now());
            if (!(f >= 0.05)) {
                return;
            }
            if (!said) {
                log.printf(java.util.Locale.ROOT, "  waiting for idle CPUs (other processes at %.0f%%)...%n", 100 * f);
                said = true;
            }
        }
        log.println("  still busy after --wait-idle; measuring anyway");
    }
}

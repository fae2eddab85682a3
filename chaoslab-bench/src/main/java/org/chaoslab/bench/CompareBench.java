package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.rate.RealizedRateNetwork;

/**
 * {@code chaoslab bench --compare}: the single-trajectory step on this machine, in about a minute. For each N and
 * precision, one after the other in the same process and beside the numpy loop run right after it:
 * <ul>
 *   <li>chaoslab ms per Euler step on every core with the thread count fixed (no tuning), on one thread, and as a
 *       user gets it (the pool's measured choice, {@link ParallelRows}), with the thread count that choice used;</li>
 *   <li>numpy's ms per step ({@code x += dt*(-x + J @ np.tanh(x))}, its BLAS on every core);</li>
 *   <li>numpy / chaoslab (the tuned time), and the read bound: bytes of J over the read bandwidth of a J-sized array
 *       on every core (main memory for a large J, the caches for a small one) — no step can be faster than reading J
 *       once — measured in rounds alternating with the tuned step ({@link #pairedBound}).</li>
 * </ul>
 * Every time is the best of a few repetitions; the last column is the largest share of the CPUs other processes took
 * during a best repetition. Writes {@code compare.json} and {@code compare.csv}.
 */
final class CompareBench {

    private static final String USAGE = """
            Usage: chaoslab bench --compare [--sizes N,...] [--precision f64|f32|bf16|both|all] [--threads T] [--no-numpy]
                                            [--python CMD] [--out DIR]
            The single-trajectory rate network (Euler, tanh, g = 2) on this machine in about a minute: ms per step
            with T threads fixed, 1 thread and the tuned choice (threads used), numpy's ms per step, numpy/chaoslab
            and the read bound (bytes of J / read bandwidth of a J-sized array).
              --sizes N,...     network sizes (default 250,500,1000,2000,8000)
              --precision P     f64, f32, bf16 (no numpy peer), both (f64 and f32) or all (default both)
              --threads T       threads for chaoslab and numpy's BLAS (default: all cores)
              --no-numpy        skip numpy
              --python CMD      python interpreter (default python3)
              --out DIR         where compare.json and compare.csv go (default results/bench)
            """;

    static final double WARMUP_SECONDS = 0.25;
    static final double REP_SECONDS = 0.15;
    static final int REPS = 3;
    static final int MAX_REPS = 5;

    record Options(List<Integer> sizes, List<Precision> precisions, int threads, boolean numpy, String python,
                   Path out) {
    }

    /**
     * One case.
     *
     * @param fixedMs      ms per step, every thread on every call
     * @param oneMs        ms per step on one thread
     * @param tunedMs      ms per step with the pool's choice
     * @param tunedThreads the thread count most product calls used in the tuned run
     * @param tunedShare   the share of the calls that used it
     * @param numpyMs      numpy's ms per step (NaN without numpy)
     * @param numpyOverChaoslab numpyMs / tunedMs
     * @param boundMs      bytes of J / read bandwidth of a J-sized array (median of the paired rounds)
     * @param boundGBs     that bandwidth
     * @param boundOverChaoslab the read time over the tuned step time, median of rounds measured in turns
     *                     ({@link #pairedBound})
     * @param foreignLoad  the largest share of the CPUs other processes took during a best repetition
     */
    record Row(String id, int n, String precision, long matrixBytes, double fixedMs, double oneMs, double tunedMs,
               int tunedThreads, double tunedShare, double numpyMs, double numpyOverChaoslab, double boundMs,
               double boundGBs, double boundOverChaoslab, double foreignLoad) {
    }

    record Report(RunMetadata metadata, int threads, String numpyStatus, Map<String, String> numpyEnv, List<Row> rows) {
    }

    private CompareBench() {
    }

    static void main(String[] args, PrintStream out, PrintStream log) throws Exception {
        BenchCommand.main(args, out, log, USAGE, CompareBench::parse, CompareBench::run, CompareBench::print, (o, r, w) -> {
            write(r, o.out());
            w.printf(Locale.ROOT, "%nwritten: %s, %s%n", o.out().resolve("compare.json"), o.out().resolve("compare.csv"));
        });
    }

    /** @return null for --help */
    static Options parse(String[] args) {
        List<Integer> sizes = List.of(250, 500, 1000, 2000, 8000);
        List<Precision> precisions = List.of(Precision.FLOAT64, Precision.FLOAT32);
        BenchArgs a = new BenchArgs(args, "--threads", "--no-numpy", "--python", "--out");
        while (a.next()) {
            switch (a.option()) {
                case "--compare" -> {
                    // the mode itself
                }
                case "--sizes" -> {
                    List<Integer> s = new ArrayList<>();
                    for (String v : a.value().split(",")) {
                        int n = BenchMain.positive(v.trim(), "--sizes");
                        if (n < 8) {
                            throw new IllegalArgumentException("--sizes: N must be >= 8 (got " + n + ")");
                        }
                        s.add(n);
                    }
                    sizes = List.copyOf(s);
                }
                case "--precision" -> precisions = switch (a.value()) {
                    case "f64" -> List.of(Precision.FLOAT64);
                    case "f32" -> List.of(Precision.FLOAT32);
                    case "bf16" -> List.of(Precision.BFLOAT16);
                    case "both" -> List.of(Precision.FLOAT64, Precision.FLOAT32);
                    case "all" -> List.of(Precision.FLOAT64, Precision.FLOAT32, Precision.BFLOAT16);
                    default -> throw new IllegalArgumentException("--precision must be f64, f32, bf16, both (f64 and f32) "
                            + "or all");
                };
                default -> a.shared();
            }
        }
        if (a.help()) {
            return null;
        }
        return new Options(sizes, precisions, a.threads(), a.numpy(), a.python(), a.out());
    }

    static Report run(Options o, PrintStream log) throws Exception {
        int threads = o.threads();
        RunMetadata meta = BenchMain.metadata(threads);
        log.printf(Locale.ROOT, "chaoslab bench --compare: %s, %d threads, %s%n", meta.extra().get("cpu"), threads,
                meta.extra().get("blas"));
        Path script = PythonRun.script("numpy_baseline.py");
        List<Row> rows = new ArrayList<>();
        String numpyStatus = o.numpy() ? "ok" : "skipped (--no-numpy)";
        Map<String, String> numpyEnv = Map.of();
        for (Precision precision : o.precisions()) {
            for (int n : o.sizes()) {
                BenchCase c = new BenchCase(n, 1, precision);
                log.printf(Locale.ROOT, "%s ...%n", c.label());
                RateNetwork net = RateNetwork.scs(n, SimulatorTiming.GAIN, new TransferFunctions.Tanh());
                net = net.withCouplings(net.couplings().withPrecision(precision));
                RealizedRateNetwork realized = RealizedRateNetwork.draw(net, SimulatorTiming.SEED, threads);
                Timing fixed;
                String before = System.getProperty("chaoslab.threads.tuning");
                System.setProperty("chaoslab.threads.tuning", "false");
                try {
                    fixed = time(realized, c, threads);
                } finally {
                    if (before == null) {
                        System.clearProperty("chaoslab.threads.tuning");
                    } else {
                        System.setProperty("chaoslab.threads.tuning", before);
                    }
                }
                Timing one = time(realized, c, 1);
                Timing tuned = time(realized, c, threads);
                ParallelRows.Usage usage = ParallelRows.lastUsage();
                Paired bound = pairedBound(realized, c, threads, tuned.unitsPerRep());
                realized = null;
                System.gc();
                double numpyMs = Double.NaN;
                double numpyLoad = Double.NaN;
                if (o.numpy() && c.numpy()) {                 // numpy has no bfloat16 product: n/a in its row
                    NumpyBaseline.Result np = NumpyBaseline.run(o.python(), script, List.of(c), threads,
                            WARMUP_SECONDS, REP_SECONDS, REPS, MAX_REPS, 120);
                    NumpyBaseline.Case nc = np.cases().get(c.id());
                    if (nc != null && nc.error() == null) {
                        numpyMs = nc.msPerStepBest();
                        numpyLoad = nc.foreignLoad();
                        numpyEnv = np.env();
                    } else {
                        numpyStatus = nc != null ? "error: " + nc.error() : np.status();
                    }
                }
                double load = max(fixed.loadOfBest(false), one.loadOfBest(false), tuned.loadOfBest(false),
                        bound.foreignLoad(), numpyLoad);
                rows.add(new Row(c.id(), n, c.dtype(), c.matrixBytes(), fixed.min(), one.min(), tuned.min(),
                        usage.mostUsed(), usage.share(usage.mostUsed()), numpyMs, numpyMs / tuned.min(), bound.boundMs(),
                        bound.boundGBs(), bound.boundOverStep(), load));
            }
        }
        return new Report(meta, threads, numpyStatus, numpyEnv, rows);
    }

    /** Rounds of the read bound measured in turns with the tuned step. */
    static final int PAIRED_ROUNDS = 5;

    /**
     * The read bound beside the step: medians over {@link #PAIRED_ROUNDS} rounds, each one repetition of the tuned step
     * ({@code steps} steps) then one of the read bandwidth of a J-sized array.
     *
     * @param boundMs       bytes of J / the read bandwidth
     * @param boundGBs      the read bandwidth
     * @param boundOverStep the read time of J over the step time, round by round
     * @param foreignLoad   the largest share of the CPUs other processes took during a round
     */
    record Paired(double boundMs, double boundGBs, double boundOverStep, double foreignLoad) {
    }

    /**
     * Measured in turns because on a shared host the memory's bandwidth moves by tens of percent from one minute to the
     * next (38–64 GB/s within an hour on the AMD EPYC guest): a bound timed a minute after the step made the same kernel
     * look at 0.6 or at 0.9 of it. Round by round both see the host in the same state; the ratio's median is reported.
     */
    static Paired pairedBound(RealizedRateNetwork realized, BenchCase c, int threads, long steps) throws Exception {
        MemoryBandwidth.Meter meter = MemoryBandwidth.Meter.of(c.matrixBytes(), threads, 0.1);
        double[] gbs = new double[PAIRED_ROUNDS];
        double[] boundMs = new double[PAIRED_ROUNDS];
        double[] ratio = new double[PAIRED_ROUNDS];
        double load = Double.NaN;
        for (int r = 0; r < PAIRED_ROUNDS; r++) {
            CpuLoad.Snapshot before = CpuLoad.now();
            double stepMs = SimulatorTiming.run(realized, c, threads, steps) / steps * 1e3;
            gbs[r] = meter.gbs();
            load = max(load, CpuLoad.foreign(before, CpuLoad.now()));
            boundMs[r] = c.matrixBytes() / (gbs[r] * 1e9) * 1e3;
            ratio[r] = boundMs[r] / stepMs;
        }
        return new Paired(Timing.median(boundMs), Timing.median(gbs), Timing.median(ratio), load);
    }

    private static Timing time(RealizedRateNetwork realized, BenchCase c, int threads) throws Exception {
        return SimulatorTiming.measure(realized, c, threads, WARMUP_SECONDS, REP_SECONDS, REPS, MAX_REPS);
    }

    private static double max(double... v) {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }

    static void print(Report r, PrintStream out) {
        var m = r.metadata();
        out.println();
        out.printf(Locale.ROOT, "chaoslab bench --compare %s — one trajectory of the SCS rate network (Euler, tanh, g = %s, dt = %s)%n",
                m.extra().get("date"), BenchMain.fmt(SimulatorTiming.GAIN), BenchMain.fmt(SimulatorTiming.DT));
        out.printf(Locale.ROOT, "machine : %s, %d cores; %s %s; %s%n", m.extra().get("cpu"), m.cores(), m.javaVendor(),
                m.javaVersion(), m.extra().get("blas"));
        out.printf(Locale.ROOT, "numpy   : %s%s%n", r.numpyStatus(), r.numpyEnv().isEmpty() ? "" : String.format(Locale.ROOT,
                " — numpy %s, %s, OPENBLAS_NUM_THREADS=%s", r.numpyEnv().get("numpy"), r.numpyEnv().get("blas"),
                r.numpyEnv().get("openblas_num_threads")));
        out.println();
        int t = r.threads();
        out.printf(Locale.ROOT, "| case | J | chaoslab ms, %d threads | 1 thread | tuned (threads) | numpy ms | numpy / chaoslab "
                + "| read bound ms (GB/s) | bound / chaoslab | other load |%n", t);
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : r.rows()) {
            out.printf(Locale.ROOT, "| N=%d %s | %s | %s | %s | %s (%d%s) | %s | %s | %s (%.0f) | %.2f | %s |%n", row.n(),
                    switch (row.precision()) {
                        case "float32" -> "f32";
                        case "bfloat16" -> "bf16";
                        default -> "f64";
                    }, BenchMain.bytes(row.matrixBytes()),
                    BenchMain.ms(row.fixedMs()), BenchMain.ms(row.oneMs()), BenchMain.ms(row.tunedMs()),
                    row.tunedThreads(), row.tunedShare() < 0.9 ? String.format(Locale.ROOT, ", %.0f %%", 100 * row.tunedShare()) : "",
                    BenchMain.ms(row.numpyMs()), Double.isNaN(row.numpyOverChaoslab()) ? "n/a"
                            : String.format(Locale.ROOT, "%.2f×", row.numpyOverChaoslab()),
                    BenchMain.ms(row.boundMs()), row.boundGBs(), row.boundOverChaoslab(),
                    Double.isNaN(row.foreignLoad()) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * row.foreignLoad()));
        }
        out.println();
        out.println("tuned: the pool's measured choice of threads per call (the count most calls of its heaviest call site, "
                + "the product, used, with its share when under 90 %); numpy / chaoslab uses the tuned time; read bound: bytes of J over the read "
                + "bandwidth of a J-sized array, and bound / chaoslab the read time over the tuned step, both medians of " + PAIRED_ROUNDS
                + " rounds that time one repetition of each in turn (the host's memory moves between minutes); other load: the largest share of "
                + "the CPUs other processes took during a best repetition (above ~5 % the numbers are pessimistic).");
    }

    static void write(Report r, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonOutput.write(dir.resolve("compare.json"), r);
        var rows = r.rows();
        int k = rows.size();
        String[] id = new String[k];
        int[] n = new int[k];
        int[] tunedThreads = new int[k];
        double[][] d = new double[10][k];
        for (int i = 0; i < k; i++) {
            Row row = rows.get(i);
            id[i] = row.id();
            n[i] = row.n();
            tunedThreads[i] = row.tunedThreads();
            double[] v = {row.fixedMs(), row.oneMs(), row.tunedMs(), row.numpyMs(), row.numpyOverChaoslab(), row.boundMs(),
                row.boundGBs(), row.tunedShare(), row.foreignLoad(), row.boundOverChaoslab()};
            for (int j = 0; j < v.length; j++) {
                d[j][i] = v[j];
            }
        }
        CsvTable.builder()
                .column("case", id).column("n", n)
                .column("chaoslab_ms_threads_" + r.threads(), d[0]).column("chaoslab_ms_1_thread", d[1])
                .column("chaoslab_ms_tuned", d[2]).column("tuned_threads", tunedThreads).column("tuned_share", d[7])
                .column("numpy_ms", d[3]).column("numpy_over_chaoslab", d[4])
                .column("read_bound_ms", d[5]).column("read_bound_gbs", d[6]).column("read_bound_over_chaoslab", d[9])
                .column("foreign_cpu_load", d[8])
                .build().write(dir.resolve("compare.csv"));
    }
}

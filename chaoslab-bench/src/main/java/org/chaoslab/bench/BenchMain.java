package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jdk.incubator.vector.FloatVector;
import org.chaoslab.io.CsvTable;
import org.chaoslab.io.JsonOutput;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Precision;

/**
 * {@code chaoslab bench}: the performance benchmark of the rate-network simulator, in one process.
 *
 * <ol>
 *   <li>the machine: main-memory read bandwidth (a float[] far larger than the last-level cache,
 *       summed by all threads) and the dgemm rate with the simulator's row-block partition;</li>
 *   <li>chaoslab: ms per Euler step (tanh, g = 2) of single trajectories, N = 500, 2000, 8000, in
 *       float64 and float32, and of M = 64 replicas at N = 2000;</li>
 *   <li>numpy: the same loop ({@code x += dt*(-x + J @ np.tanh(x))}) in a python3 child process,
 *       with as many BLAS threads as chaoslab uses;</li>
 *   <li>per case: the ratio to numpy and to the hardware bound (bytes of J / bandwidth for one
 *       trajectory, the dgemm rate for replicas), and PASS/MISS against the targets.</li>
 * </ol>
 * Prints a table and writes {@code bench.json} and {@code bench.csv}. Launched by
 * {@code ./chaoslab bench [--quick] [--out DIR]}; JMH benchmarks of the same kernels:
 * {@code java -cp chaoslab-bench.jar org.openjdk.jmh.Main RateStep}.
 */
public final class BenchMain {

    /** Target: one trajectory at N = 8000, float32, within this factor of the memory-read bound. */
    static final double BOUND_FACTOR = 1.25;
    /** Target: N = 500–2000 single trajectories at least this much faster than numpy. */
    static final double NUMPY_SPEEDUP = 1.5;
    /** Target: replicas at least this fraction of the dgemm rate. */
    static final double GEMM_FRACTION = 0.60;
    /** Target: bfloat16 at N = 8000 "≈ 2× faster than float32": at least this ratio (2× less 10 %). */
    static final double BF16_VS_F32 = 1.8;
    /** Target: bfloat16 at N = 8000 "≈ 4× faster than numpy's float64 loop": at least this ratio (4× less 10 %). */
    static final double BF16_VS_NUMPY64 = 3.6;
    /** Working-set bandwidth this far above main memory's means J is served from a cache. */
    static final double CACHE_FACTOR = 1.25;

    private static final String USAGE = """
            Usage: chaoslab bench --compare [...] (one trajectory, threads fixed / 1 / tuned beside numpy, in about a
                                                   minute; chaoslab bench --compare --help)
                   chaoslab bench lyapunov [...]  (the Lyapunov-spectrum benchmark; chaoslab bench lyapunov --help)
                   chaoslab bench kernel [...]    (the stimulus-response loop; chaoslab bench kernel --help)
                   chaoslab bench sweep [...]     (a batched g-sweep beside the numpy loop; chaoslab bench sweep --help)
                   chaoslab bench sweep --two-replica [...]  (lambda_max by two replicas, batched beside one pair at a
                                                  time; chaoslab bench sweep --two-replica --help)
                   chaoslab bench sparse [...]    (sparse fixed in-degree networks at N = 1e5, 1e6 beside scipy.sparse;
                                                   chaoslab bench sparse --help)
                   chaoslab bench [--quick] [--out DIR] [--threads T] [--java-blas] [--no-numpy]
                                  [--python CMD] [--numpy-timeout SECONDS] [--wait-idle SECONDS]
                                  [--cases single|replicas|ID,...]
            Performance benchmark of the rate-network simulator (Euler, tanh, g = 2): ms per step for
            N = 500, 2000, 4000, 8000 (float64, float32; bfloat16 from N = 2000) and M = 64 replicas at
            N = 2000, beside the same loop in numpy (float64, float32; numpy has no bfloat16) and the
            machine's bounds (memory read bandwidth, dgemm rate). ~4 min; --quick ~1 min.
              --quick            shorter timings (noisier)
              --out DIR          output directory for bench.json and bench.csv (default results/bench)
              --threads T        threads for chaoslab and numpy's BLAS (default: all cores)
              --java-blas        use the pure-Java BLAS even when a native one is installed
                                 (same as -Ddev.ludovic.netlib.blas.allowNative=false)
              --no-numpy         skip the numpy baseline
              --python CMD       python interpreter for the baseline (default python3)
              --numpy-timeout S  give up on the baseline after S seconds (default 240, quick 90)
              --wait-idle S      before each measurement wait up to S seconds for the other processes
                                 to leave the CPUs idle (for shared machines; default 0)
              --cases C          run only these cases: single, replicas, precisions (f64, f32, bf16 at
                                 N >= 2000), or ids such as n8000-f32,n8000-bf16,n2000-m64-f64
              --help             this text
            Run it on an otherwise idle machine: the report gives the CPU share other processes took.
            JMH: java --add-modules jdk.incubator.vector -cp chaoslab-bench.jar org.openjdk.jmh.Main RateStep
            """;

    /** Parsed command line. */
    record Options(boolean quick, Path out, int threads, boolean javaBlas, boolean numpy, String python,
                   long numpyTimeout, int waitIdle, List<String> only) {

        int reps() {
            return 3;
        }

        /** Up to this many repetitions while none ran on otherwise idle CPUs. */
        int maxReps() {
            return quick ? 4 : 8;
        }

        double repSeconds() {
            return quick ? 0.2 : 0.8;
        }

        double warmupSeconds() {
            return quick ? 0.25 : 0.6;
        }

        long bandwidthBytes() {
            long max = Runtime.getRuntime().maxMemory() / 4;
            return Math.min(quick ? 512L << 20 : 1L << 30, Math.max(64L << 20, max));
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--compare")) {
            BenchCommand.launch("--compare", CompareBench::main, args);
            return;
        }
        BenchCommand.Main mode = args.length == 0 ? null : switch (args[0]) {
            case "kernel" -> KernelBench::main;
            case "sweep" -> SweepBench::main;
            case "sparse" -> SparseBench::main;
            case "lyapunov" -> LyapunovBench::main;
            default -> null;
        };
        if (mode != null) {
            BenchCommand.launch(args[0], mode, java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chaoslab bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.print(USAGE);
            return;
        }
        try {
            run(o, System.out, System.err);
        } catch (Exception e) {
            System.err.println("chaoslab bench: failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /** @return null for --help */
    static Options parse(String[] args) {
        boolean quick = false;
        boolean javaBlas = false;
        boolean numpy = true;
        Path out = Path.of("results", "bench");
        int threads = Runtime.getRuntime().availableProcessors();
        String python = "python3";
        Long timeout = null;
        int waitIdle = 0;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--quick" -> quick = true;
                case "--java-blas" -> javaBlas = true;
                case "--no-numpy" -> numpy = false;
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--python" -> python = value(args, ++i, a);
                case "--threads" -> threads = positive(value(args, ++i, a), a);
                case "--numpy-timeout" -> timeout = (long) positive(value(args, ++i, a), a);
                case "--wait-idle" -> waitIdle = positive(value(args, ++i, a), a);
                case "--cases" -> {
                    only = List.of(value(args, ++i, a).split(","));
                    List<String> known = new ArrayList<>(List.of("single", "replicas", "precisions"));
                    cases().forEach(c -> known.add(c.id()));
                    for (String c : only) {
                        if (!known.contains(c)) {
                            throw new IllegalArgumentException("--cases: unknown case '" + c + "' (one of " + known + ")");
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new Options(quick, out, threads, javaBlas, numpy, python, timeout != null ? timeout : quick ? 90 : 240,
                waitIdle, only);
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static int positive(String s, String option) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException(option + " must be a positive integer (got '" + s + "')");
    }

    /** The cases, in the order they are run and printed. */
    static List<BenchCase> cases() {
        List<BenchCase> cs = new ArrayList<>();
        for (int n : new int[] {500, 2000, 4000, 8000}) {
            cs.add(new BenchCase(n, 1, Precision.FLOAT64));
            cs.add(new BenchCase(n, 1, Precision.FLOAT32));
            if (n >= 2000) {
                cs.add(new BenchCase(n, 1, Precision.BFLOAT16));
            }
        }
        cs.add(new BenchCase(2000, 64, Precision.FLOAT64));
        return cs;
    }

    static BenchReport run(Options o, PrintStream out, PrintStream log) throws Exception {
        if (o.javaBlas()) {
            // read once by dev.ludovic.netlib's InstanceBuilder, before the first BLAS call
            System.setProperty("dev.ludovic.netlib.blas.allowNative", "false");
        }
        int threads = o.threads();
        List<BenchCase> cases = cases().stream().filter(c -> o.only().isEmpty() || o.only().contains(c.id())
                || o.only().contains(c.single() ? "single" : "replicas")
                || o.only().contains("precisions") && c.single() && c.n() >= 2000).toList();
        Map<String, Double> foreign = new LinkedHashMap<>();
        RunMetadata meta = metadata(threads);
        log.printf(Locale.ROOT, "chaoslab bench%s: %s, %d threads, %s%n", o.quick() ? " --quick" : "",
                meta.extra().get("cpu"), threads, meta.extra().get("blas"));
        double idle = idleCheck();
        if (idle > 0.10) {
            log.printf(Locale.ROOT, "warning: other processes are using %.0f%% of the CPUs; timings will be low%n",
                    100 * idle);
        }

        // (a) main-memory read bandwidth, and the bandwidth at each J's size
        awaitIdle(o, log);
        log.printf(Locale.ROOT, "memory read bandwidth (%d MiB float[], %d threads)...%n", o.bandwidthBytes() >> 20, threads);
        Timing bw = MemoryBandwidth.measure(o.bandwidthBytes(), threads, o.quick() ? 3 : 5, 8,
                o.quick() ? 0.15 : 0.3);
        BenchReport.Bandwidth memory = new BenchReport.Bandwidth(o.bandwidthBytes(), threads, bw.unitsPerRep(),
                bw.max(), bw.median(), bw.loadOfBest(true));
        List<BenchReport.Bandwidth> workingSets = new ArrayList<>();
        for (long bytes : new TreeSet<>(cases.stream().filter(BenchCase::single).map(BenchCase::matrixBytes).toList())) {
            Timing t = MemoryBandwidth.measure(bytes, threads, 3, 6, o.quick() ? 0.1 : 0.25);
            workingSets.add(new BenchReport.Bandwidth(bytes, threads, t.unitsPerRep(), t.max(), t.median(),
                    t.loadOfBest(true)));
            foreign.put("bandwidth " + bytes(bytes), t.loadOfBest(true));
        }
        System.gc();
        foreign.put("bandwidth", bw.loadOfBest(true));

        // (b) dgemm with the simulator's partition: the square-ish reference and the replicas' shape; then, for
        // comparison only, the M = 64 shape with 32-row blocks (the single-trajectory partition) and one block per thread
        List<BenchReport.Gemm> gemm = new ArrayList<>();
        awaitIdle(o, log);
        log.println("dgemm rate...");
        try (ParallelRows pool = new ParallelRows(threads)) {
            int n = 2000;
            int[][] shapes = {{256, CouplingMatrix.gemmBlockRows(n)}, {64, CouplingMatrix.gemmBlockRows(n)},
                {64, CouplingMatrix.blockRows(n)}, {64, (n + threads - 1) / threads}};
            for (int[] shape : shapes) {
                int m = shape[0];
                int block = shape[1];
                if (gemm.stream().anyMatch(g -> g.m() == m && g.blockRows() == block)) {
                    continue;
                }
                Timing t = GemmRate.measure(n, m, block, pool, o.quick() ? 3 : 5, 8, o.quick() ? 0.15 : 0.3);
                foreign.put("dgemm m=" + m + " rows=" + block, t.loadOfBest(true));
                gemm.add(new BenchReport.Gemm(n, m, threads, block, t.unitsPerRep(), t.max(), t.median(),
                        t.loadOfBest(true)));
            }
        }

        // (c) chaoslab
        Map<String, Timing> chaoslab = new LinkedHashMap<>();
        Map<String, Double> caseLoad = new LinkedHashMap<>();
        for (BenchCase c : cases) {
            awaitIdle(o, log);
            log.printf(Locale.ROOT, "chaoslab %s...%n", c.label());
            Timing t = SimulatorTiming.measure(c, threads, o.warmupSeconds(), o.repSeconds(), o.reps(), o.maxReps());
            chaoslab.put(c.id(), t);
            caseLoad.put(c.id(), t.loadOfBest(false));
            foreign.put("chaoslab " + c.id(), t.loadOfBest(false));
            System.gc();
        }

        // (d) numpy, same loop, same process invocation
        NumpyBaseline.Result numpy;
        if (o.numpy()) {
            Path script = PythonRun.script("numpy_baseline.py");
            awaitIdle(o, log);
            log.printf(Locale.ROOT, "numpy baseline (%s %s)...%n", o.python(), script);
            numpy = NumpyBaseline.run(o.python(), script, cases.stream().filter(BenchCase::numpy).toList(), threads,
                    o.warmupSeconds(), o.repSeconds(), o.reps(),
                    o.maxReps(), o.numpyTimeout());
            numpy.cases().values().forEach(c -> foreign.put("numpy " + c.id(), c.foreignLoad()));
        } else {
            numpy = new NumpyBaseline.Result("skipped (--no-numpy)", o.python(), Map.of(), Map.of());
        }

        // results, bounds, targets
        double ramGBs = memory.bestGBs();
        double gemmRate = gemm.getFirst().bestGflops();
        List<BenchReport.CaseResult> results = new ArrayList<>();
        for (BenchCase c : cases) {
            Timing t = chaoslab.get(c.id());
            double ms = t.min();
            NumpyBaseline.Case np = numpy.cases().get(c.id());
            double npMs = np == null ? Double.NaN : np.msPerStepBest();
            double npMed = np == null ? Double.NaN : np.msPerStepMedian();
            double gflops = c.productFlops() / (ms * 1e-3) * 1e-9;
            double memBound = Double.NaN;
            double boundFraction = Double.NaN;
            double cacheBw = Double.NaN;
            double cacheBound = Double.NaN;
            double cacheFraction = Double.NaN;
            double gemmFraction = Double.NaN;
            String residency;
            if (c.single()) {
                memBound = c.matrixBytes() / (ramGBs * 1e9) * 1e3;
                boundFraction = memBound / ms;
                cacheBw = workingSets.stream().filter(b -> b.bytes() == c.matrixBytes()).findFirst()
                        .map(BenchReport.Bandwidth::bestGBs).orElse(Double.NaN);
                boolean cached = cacheBw >= CACHE_FACTOR * ramGBs;
                residency = cached ? "cache-resident" : "memory";
                if (cached) {
                    cacheBound = c.matrixBytes() / (cacheBw * 1e9) * 1e3;
                    cacheFraction = cacheBound / ms;
                }
            } else {
                residency = "compute";
                gemmFraction = gflops / gemmRate;
            }
            results.add(new BenchReport.CaseResult(c.id(), c.label(), c.n(), c.replicas(), c.precision().name(),
                    t.unitsPerRep(), t.reps(), ms, t.median(), npMs, npMed, npMs / ms, c.matrixBytes(), residency,
                    memBound, boundFraction, cacheBw, cacheBound, cacheFraction, gflops, gemmFraction,
                    caseLoad.get(c.id())));
        }
        List<BenchReport.Target> targets = targets(results, numpy.available());
        BenchReport report = new BenchReport(meta,
                new BenchReport.Settings(o.quick(), threads, "euler", "tanh", SimulatorTiming.GAIN, SimulatorTiming.DT,
                        o.reps(), o.maxReps(), o.repSeconds(), o.warmupSeconds(),
                        "best of reps (median also given)", o.waitIdle(), cases.stream().map(BenchCase::id).toList()),
                memory, workingSets, gemm,
                new BenchReport.Numpy(numpy.status(), numpy.python(), numpy.env(), Integer.toString(threads)),
                results, targets, foreign);
        print(report, out);
        write(report, o.out());
        out.printf(Locale.ROOT, "%nwritten: %s, %s%n", o.out().resolve("bench.json"), o.out().resolve("bench.csv"));
        return report;
    }

    static List<BenchReport.Target> targets(List<BenchReport.CaseResult> results, boolean numpyAvailable) {
        List<BenchReport.Target> ts = new ArrayList<>();
        for (BenchReport.CaseResult r : results) {
            if (r.replicas() == 1 && r.n() == 8000 && r.precision().equals("FLOAT32")) {
                double factor = r.chaoslabMsBest() / r.memoryBoundMs();
                ts.add(new BenchReport.Target(r.label() + " within " + BOUND_FACTOR + "x of the memory-read bound",
                        "chaoslab ms / (bytes of J / bandwidth) <= " + BOUND_FACTOR, factor, BOUND_FACTOR,
                        factor <= BOUND_FACTOR ? "PASS" : "MISS"));
            }
        }
        for (BenchReport.CaseResult r : results) {
            if (r.replicas() == 1 && r.n() >= 500 && r.n() <= 2000 && !r.precision().equals("BFLOAT16")) {
                double s = r.speedupVsNumpy();
                String verdict = !numpyAvailable || Double.isNaN(s) ? "N/A" : s >= NUMPY_SPEEDUP ? "PASS" : "MISS";
                ts.add(new BenchReport.Target(r.label() + " at least " + NUMPY_SPEEDUP + "x faster than numpy",
                        "numpy ms / chaoslab ms >= " + NUMPY_SPEEDUP, s, NUMPY_SPEEDUP, verdict));
            }
        }
        // bfloat16 at N = 8000 (issue 13): at its read bound, ≈ 2× float32 and ≈ 4× numpy's float64 loop, same run
        for (BenchReport.CaseResult r : results) {
            if (r.replicas() == 1 && r.n() == 8000 && r.precision().equals("BFLOAT16")) {
                double factor = r.chaoslabMsBest() / r.memoryBoundMs();
                ts.add(new BenchReport.Target(r.label() + " within " + BOUND_FACTOR + "x of the bf16 read bound",
                        "chaoslab ms / (bytes of bf16 J / bandwidth) <= " + BOUND_FACTOR, factor, BOUND_FACTOR,
                        factor <= BOUND_FACTOR ? "PASS" : "MISS"));
                double f32 = same(results, r.n(), "FLOAT32", false);
                double s32 = f32 / r.chaoslabMsBest();
                ts.add(new BenchReport.Target(r.label() + " ~2x faster than chaoslab f32 (>= " + BF16_VS_F32 + "x)",
                        "chaoslab f32 ms / chaoslab bf16 ms >= " + BF16_VS_F32, s32, BF16_VS_F32,
                        Double.isNaN(s32) ? "N/A" : s32 >= BF16_VS_F32 ? "PASS" : "MISS"));
                double np64 = same(results, r.n(), "FLOAT64", true);
                double s64 = np64 / r.chaoslabMsBest();
                ts.add(new BenchReport.Target(r.label() + " ~4x faster than numpy f64 (>= " + BF16_VS_NUMPY64 + "x)",
                        "numpy f64 ms / chaoslab bf16 ms >= " + BF16_VS_NUMPY64, s64, BF16_VS_NUMPY64,
                        !numpyAvailable || Double.isNaN(s64) ? "N/A" : s64 >= BF16_VS_NUMPY64 ? "PASS" : "MISS"));
            }
        }
        for (BenchReport.CaseResult r : results) {
            if (r.replicas() > 1) {
                double f = r.gemmFraction();
                // without a native BLAS the dgemm measured is netlib's Java one (a fifth of the machine's rate): no
                // bound to hold the product to
                ts.add(new BenchReport.Target(r.label() + " at >= " + Math.round(100 * GEMM_FRACTION) + "% of the dgemm rate",
                        "(2 N^2 M / time per step) / dgemm GFLOP/s >= " + GEMM_FRACTION, f, GEMM_FRACTION,
                        !Blas.isNative() ? "N/A" : f >= GEMM_FRACTION ? "PASS" : "MISS"));
            }
        }
        return ts;
    }

    /** The best ms per step of the single-trajectory case (n, precision) of chaoslab or numpy; NaN when not run. */
    static double same(List<BenchReport.CaseResult> results, int n, String precision, boolean numpy) {
        return results.stream().filter(c -> c.replicas() == 1 && c.n() == n && c.precision().equals(precision))
                .mapToDouble(c -> numpy ? c.numpyMsBest() : c.chaoslabMsBest()).findFirst().orElse(Double.NaN);
    }

    static void print(BenchReport r, PrintStream out) {
        var m = r.metadata();
        out.println();
        out.printf(Locale.ROOT, "chaoslab bench %s — Euler steps of the SCS rate network (tanh, g = %s, dt = %s), %d threads%n",
                m.extra().get("date"), fmt(r.settings().g()), fmt(r.settings().dt()), r.settings().threads());
        out.printf(Locale.ROOT, "machine : %s, %d cores, last-level cache %s; %s %s%n", m.extra().get("cpu"), m.cores(),
                m.extra().get("last_level_cache"), m.javaVendor(), m.javaVersion());
        out.printf(Locale.ROOT, "BLAS    : %s (OPENBLAS_NUM_THREADS=%s)%n", m.extra().get("blas"),
                m.extra().get("openblas_num_threads"));
        out.printf(Locale.ROOT, "memory  : %.1f GB/s read (float[] of %s, %d threads, best of %d; median %.1f)%n",
                r.memory().bestGBs(), bytes(r.memory().bytes()), r.memory().threads(), r.settings().quick() ? 3 : 5,
                r.memory().medianGBs());
        StringBuilder ws = new StringBuilder();
        for (var b : r.workingSets()) {
            ws.append(String.format(Locale.ROOT, "%s%s: %.0f GB/s", ws.isEmpty() ? "" : ", ", bytes(b.bytes()), b.bestGBs()));
        }
        if (!ws.isEmpty()) {
            out.println("          read bandwidth of J-sized arrays: " + ws);
        }
        for (var g : r.gemm()) {
            out.printf(Locale.ROOT, "dgemm   : %.1f GFLOP/s  (%d×%d · %d×%d, row blocks of %d%s, %d threads; median %.1f)%n",
                    g.bestGflops(), g.n(), g.n(), g.n(), g.m(), g.blockRows(),
                    g.blockRows() == CouplingMatrix.gemmBlockRows(g.n()) ? " as the simulator" : ", for comparison",
                    g.threads(), g.medianGflops());
        }
        if (!r.gemm().isEmpty() && !Blas.isNative()) {
            out.println("          (no native BLAS: that is netlib's Java dgemm, not the machine's rate; chaoslab's own "
                    + "product kernels do not use it)");
        }
        var env = r.numpy().env();
        out.printf(Locale.ROOT, "numpy   : %s%s%n", r.numpy().status(), env.isEmpty() ? ""
                : String.format(Locale.ROOT, " — numpy %s, %s, python %s, OPENBLAS_NUM_THREADS=%s", env.get("numpy"),
                        env.get("blas"), env.get("python"), env.get("openblas_num_threads")));
        out.println();
        out.printf(Locale.ROOT, "%-16s %12s %12s %9s %9s  %s%n", "case", "chaoslab ms", "numpy ms", "numpy/cl", "J", "bound");
        for (var c : r.cases()) {
            String bound;
            if (c.replicas() > 1) {
                bound = String.format(Locale.ROOT, "%.1f GFLOP/s = %.0f%% of dgemm (%.1f)", c.gflops(),
                        100 * c.gemmFraction(), c.gflops() / c.gemmFraction());
                for (var g : r.gemm()) {
                    if (g.m() == c.replicas() && g.blockRows() != CouplingMatrix.gemmBlockRows(g.n())) {
                        bound += String.format(Locale.ROOT, "; %.0f%% of the %d-row-block dgemm (%.1f)",
                                100 * c.gflops() / g.bestGflops(), g.blockRows(), g.bestGflops());
                    }
                }
            } else {
                bound = String.format(Locale.ROOT, "mem-read bound %s ms (bound/cl %.2f)", ms(c.memoryBoundMs()),
                        c.boundFraction());
                if ("cache-resident".equals(c.residency())) {
                    bound += String.format(Locale.ROOT, "; cache-resident: J-size read %s ms at %.0f GB/s (bound/cl %.2f)",
                            ms(c.cacheBoundMs()), c.cacheBandwidthGBs(), c.cacheBoundFraction());
                }
                bound += String.format(Locale.ROOT, "; %.1f GFLOP/s", c.gflops());
            }
            out.printf(Locale.ROOT, "%-16s %12s %12s %9s %9s  %s%n", c.label(), ms(c.chaoslabMsBest()),
                    ms(c.numpyMsBest()), Double.isNaN(c.speedupVsNumpy()) ? "n/a" : String.format(Locale.ROOT, "%.2fx",
                            c.speedupVsNumpy()), bytes(c.matrixBytes()), bound);
        }
        List<BenchReport.CaseResult> bf16 = r.cases().stream().filter(c -> c.precision().equals("BFLOAT16")).toList();
        if (!bf16.isEmpty()) {
            out.println();
            out.println("bf16 (no numpy peer) beside the other precisions of the same N, same run:");
            for (var c : bf16) {
                out.printf(Locale.ROOT, "  N=%-6d f64/bf16 %.2fx  f32/bf16 %.2fx  numpy f64/bf16 %.2fx  numpy f32/bf16 %.2fx%n",
                        c.n(), same(r.cases(), c.n(), "FLOAT64", false) / c.chaoslabMsBest(),
                        same(r.cases(), c.n(), "FLOAT32", false) / c.chaoslabMsBest(),
                        same(r.cases(), c.n(), "FLOAT64", true) / c.chaoslabMsBest(),
                        same(r.cases(), c.n(), "FLOAT32", true) / c.chaoslabMsBest());
            }
        }
        out.println();
        out.println("targets");
        for (var t : r.targets()) {
            String v = Double.isNaN(t.value()) ? "n/a" : t.name().contains("%") ? String.format(Locale.ROOT, "%.0f%%",
                    100 * t.value()) : String.format(Locale.ROOT, "%.2fx", t.value());
            out.printf(Locale.ROOT, "  %-4s  %-62s %s%n", t.verdict(), t.name(), v);
        }
        List<String> disturbed = new ArrayList<>();
        r.foreignLoad().forEach((k, v) -> {
            if (v != null && v > 0.05) {
                disturbed.add(String.format(Locale.ROOT, "%s (%.0f%%)", k, 100 * v));
            }
        });
        if (disturbed.isEmpty()) {
            out.println();
            out.println("other processes took under 5% of the CPUs during every best repetition (idle machine)");
        } else {
            out.println();
            out.println("DISTURBED — other processes used the CPUs during the best repetition of: "
                    + String.join(", ", disturbed));
            out.println("those numbers are pessimistic; rerun on an idle machine (or with --wait-idle 600)");
        }
    }

    static void write(BenchReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonOutput.write(dir.resolve("bench.json"), r);
        var cs = r.cases();
        int k = cs.size();
        String[] id = new String[k];
        String[] precision = new String[k];
        String[] residency = new String[k];
        int[] n = new int[k];
        int[] reps = new int[k];
        int[] replicas = new int[k];
        long[] steps = new long[k];
        long[] jBytes = new long[k];
        double[][] d = new double[12][k];
        for (int i = 0; i < k; i++) {
            var c = cs.get(i);
            id[i] = c.id();
            n[i] = c.n();
            replicas[i] = c.replicas();
            precision[i] = c.precision();
            steps[i] = c.stepsPerRep();
            reps[i] = c.reps();
            jBytes[i] = c.matrixBytes();
            residency[i] = c.residency();
            double[] row = {c.chaoslabMsBest(), c.chaoslabMsMedian(), c.numpyMsBest(), c.numpyMsMedian(),
                c.speedupVsNumpy(), c.memoryBoundMs(), c.boundFraction(), c.cacheBoundMs(), c.cacheBoundFraction(),
                c.gflops(), c.gemmFraction(), c.foreignLoad()};
            for (int j = 0; j < row.length; j++) {
                d[j][i] = row[j];
            }
        }
        CsvTable.builder()
                .column("case", id).column("n", n).column("replicas", replicas).column("precision", precision)
                .column("steps_per_rep", steps).column("reps", reps)
                .column("chaoslab_ms_best", d[0]).column("chaoslab_ms_median", d[1])
                .column("numpy_ms_best", d[2]).column("numpy_ms_median", d[3]).column("numpy_over_chaoslab", d[4])
                .column("matrix_bytes", jBytes).column("residency", residency)
                .column("memory_bound_ms", d[5]).column("bound_over_chaoslab", d[6])
                .column("cache_bound_ms", d[7]).column("cache_bound_over_chaoslab", d[8])
                .column("gflops", d[9]).column("dgemm_fraction", d[10]).column("foreign_cpu_load", d[11])
                .build().write(dir.resolve("bench.csv"));
    }

    static RunMetadata metadata(int threads) {
        String version = BenchMain.class.getPackage().getImplementationVersion();
        String obt = System.getenv("OPENBLAS_NUM_THREADS");
        return RunMetadata.capture(version == null ? "dev" : version)
                .with("date", LocalDate.now(ZoneOffset.UTC).toString())
                .with("cpu", cpuModel())
                .with("last_level_cache", lastLevelCache())
                .with("blas", Blas.backend())
                .with("blas_native", Boolean.toString(Blas.isNative()))
                .with("openblas_num_threads", obt == null ? "unset" : obt)
                .with("threads", Integer.toString(threads))
                .with("vector_bits", Integer.toString(FloatVector.SPECIES_PREFERRED.vectorBitSize()));
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch", "unknown");
    }

    /** The largest cache of CPU 0 as Linux reports it, e.g. {@code 480 MiB (L3)}; "unknown" elsewhere. */
    static String lastLevelCache() {
        String best = "unknown";
        long bestBytes = 0;
        for (int i = 0; i < 8; i++) {
            Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache/index" + i);
            try {
                String size = Files.readString(dir.resolve("size")).trim();
                String level = Files.readString(dir.resolve("level")).trim();
                long b = Long.parseLong(size.replaceAll("[^0-9]", ""))
                        * (size.endsWith("M") ? 1L << 20 : size.endsWith("K") ? 1L << 10 : 1L);
                if (b > bestBytes) {
                    bestBytes = b;
                    best = (b >= 1L << 20 ? (b >> 20) + " MiB" : (b >> 10) + " KiB") + " (L" + level + ")";
                }
            } catch (IOException | RuntimeException ignored) {
                // no such index
            }
        }
        return best;
    }

    /**
     * With {@code --wait-idle S}: returns once other processes used under 5% of the CPUs for a
     * second, or after S seconds.
     */
    private static void awaitIdle(Options o, PrintStream log) throws InterruptedException {
        CpuLoad.awaitIdle(o.waitIdle(), log);
    }

    /** Fraction of the CPUs busy with other processes over the next ~0.3 s. */
    private static double idleCheck() throws InterruptedException {
        CpuLoad.Snapshot a = CpuLoad.now();
        Thread.sleep(300);
        return CpuLoad.foreign(a, CpuLoad.now());
    }

    /** The repository root: -Dchaoslab.root, else two levels above this jar, else the working directory. */
    static Path root() {
        String prop = System.getProperty("chaoslab.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        try {
            Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            if (candidate != null && candidate.getParent() != null
                    && Files.isDirectory(candidate.getParent().resolve("chaoslab-bench"))) {
                return candidate.getParent();
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v < 0.1 ? "%.4f" : v < 10 ? "%.3f" : "%.2f", v);
    }

    static String bytes(long b) {
        if (b >= 1L << 30 && b % (1L << 30) == 0) {
            return (b >> 30) + " GiB";
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", b / 1e3);
    }
}

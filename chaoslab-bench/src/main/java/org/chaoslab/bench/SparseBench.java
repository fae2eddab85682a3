package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.FixedInDegreeMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.linalg.SparseKernels;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.SparseCouplingSampler;
import org.chaoslab.sim.rate.RealizedRateNetwork;

/**
 * {@code chaoslab bench sparse}: the sparse fixed in-degree rate network at scale (issue 13): N = 10⁵ and 10⁶ units,
 * K = 1000 inputs each (10⁸ and 10⁹ synapses, 0.8 and 8 GB of compressed rows), tanh, g = 2, Euler.
 *
 * <ol>
 *   <li>the machine: main-memory read bandwidth ({@link MemoryBandwidth}: a 1 GiB float[] summed by all threads, and
 *       by one);</li>
 *   <li>scipy: {@code chaoslab-bench/python/scipy_sparse.py} in a child process, before chaoslab allocates its large
 *       matrices: build time, {@code csr_matrix @ x} (float32) and the Euler step, for each N that fits the memory
 *       available, the largest it handles reported as such;</li>
 *   <li>chaoslab, per N: the build ({@link SparseCouplingSampler}, all threads; at N ≤ 10⁵ also one thread, and the two
 *       matrices compared entry by entry), then on T threads and on one: ms per Euler step through the simulator
 *       ({@link SimulatorTiming}), and ms per product alone ({@link FixedInDegreeMatrix#multiply}), against the read
 *       bound of the compressed rows: 8·N·K bytes / the read bandwidth of the same thread count;</li>
 *   <li>the time a 100-time-unit run at dt = 0.1 (1000 Euler steps) takes, extrapolated from the measured steps.</li>
 * </ol>
 * Prints a table and writes {@code DIR/sparse-bench.json}. The largest case needs about 8.5 GB of heap: run it with
 * {@code CHAOSLAB_HEAP=14g}; a case that does not fit is refused by the sampler's memory check and reported as such.
 */
final class SparseBench {

    /** Issue 13's target: one Euler step within this factor of the read bound of the compressed rows. */
    static final double BOUND_FACTOR = 1.5;
    static final long SCIPY_TIMEOUT_SECONDS = 1200;

    private static final String USAGE = """
            Usage: chaoslab bench sparse [--n N,N...] [--k K] [--threads T] [--no-scipy] [--python EXE]
                                         [--wait-idle S] [--quick] [--out DIR]
              The sparse fixed in-degree network (K inputs per unit, float32 weights, int32 indices, 8 bytes per synapse):
              build time and ms per Euler step (tanh, g = 2) on T threads and on 1, against the memory-read bound of
              the compressed rows and beside scipy.sparse's csr_matrix @ x (one thread) at the largest N it fits, in the
              same invocation. Defaults: N = 100000,1000000, K = 1000, T = all cores. N = 1e6 needs about 8.5 GB of
              heap (CHAOSLAB_HEAP=14g). --wait-idle S: before each measurement wait up to S seconds for the other
              processes to leave the CPUs idle. Writes DIR/sparse-bench.json (default results/bench). About 5 minutes.
            """;

    record Options(int[] sizes, int k, int threads, boolean scipy, String python, int waitIdle, boolean quick, Path out) {
    }

    /**
     * One N on one thread count.
     *
     * @param buildSeconds      drawing the matrix (NaN where not measured on this thread count)
     * @param msPerStep         best ms per Euler step through the simulator
     * @param msPerStepMedian   median over the repetitions
     * @param msPerProduct      best ms per product J·φ alone
     * @param boundMs           8·N·K bytes / read bandwidth of this thread count
     * @param stepOverBound     msPerStep / boundMs
     * @param productOverBound  msPerProduct / boundMs
     * @param foreignLoad       share of the CPUs other processes took during the best step repetition
     */
    record Row(int n, int k, int threads, double buildSeconds, double msPerStep, double msPerStepMedian,
               double msPerProduct, double boundMs, double stepOverBound, double productOverBound, double foreignLoad) {
    }

    /** scipy's figures for one N (or why it was skipped). */
    record Scipy(int n, double buildSeconds, double matvecMs, double stepMs, String skipped) {
    }

    record Report(RunMetadata metadata, Options options, String kernel, int lanes, String loadAverageBefore,
                  String loadAverageAfter, double bandwidthGBs, double bandwidthOneThreadGBs, List<Row> rows,
                  String buildIdentity, List<Scipy> scipy, String scipyStatus, Map<String, String> scipyEnv,
                  double runSeconds100, String verdict) {
    }

    private SparseBench() {
    }

    static void main(String[] args, PrintStream out, PrintStream log) throws Exception {
        BenchCommand.main(args, out, log, USAGE, SparseBench::parse, SparseBench::run, SparseBench::print, BenchCommand.json(Options::out,
                "sparse-bench.json"));
    }

    /** @return null for --help */
    static Options parse(String[] args) {
        int[] sizes = {100_000, 1_000_000};
        int k = 1000;
        boolean scipy = true;
        boolean quick = false;
        BenchArgs a = new BenchArgs(args, "--threads", "--python", "--wait-idle", "--out");
        while (a.next()) {
            switch (a.option()) {
                case "--n" -> sizes = Arrays.stream(a.value().split(",")).mapToInt(s -> BenchMain.positive(s.trim(), "--n"))
                        .sorted().toArray();
                case "--k" -> k = a.positive();
                case "--no-scipy" -> scipy = false;
                case "--quick" -> quick = true;
                default -> a.shared();
            }
        }
        if (a.help()) {
            return null;
        }
        for (int n : sizes) {
            if (k > n - 1) {
                throw new IllegalArgumentException("--k must be in [1, N - 1] = [1, " + (n - 1) + "] for --n " + n + " (got " + k
                        + ")");
            }
        }
        return new Options(sizes, k, a.threadsWithinCores(), scipy, a.python(), a.waitIdle(), quick, a.out());
    }

    static Report run(Options o, PrintStream log) throws Exception {
        String loadBefore = CpuLoad.loadAverage();
        RunMetadata meta = BenchMain.metadata(o.threads());
        log.printf(Locale.ROOT, "chaoslab bench sparse: N = %s, K = %d, %d threads, %s kernel (%d lanes); %s; load average %s%n",
                Arrays.toString(o.sizes()), o.k(), o.threads(), SparseKernels.kernel(), SparseKernels.lanes(),
                meta.extra().get("cpu"), loadBefore);
        double repSeconds = o.quick() ? 1.0 : 3.0;
        int reps = 3;
        int maxReps = o.quick() ? 3 : 5;

        // 1. read bandwidth, all threads and one (the bound of each thread count)
        BenchPhase.begin(o.waitIdle(), log, "memory read bandwidth (1 GiB float[]) ...");
        long bwBytes = Math.min(1L << 30, Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 8));
        double bw = MemoryBandwidth.measure(bwBytes, o.threads(), 3, 6, 0.3).max();
        double bw1 = o.threads() == 1 ? bw : MemoryBandwidth.measure(bwBytes, 1, 3, 6, 0.3).max();
        System.gc();

        // 2. scipy, before the large matrices exist here
        List<Scipy> scipy = new ArrayList<>();
        Map<String, String> scipyEnv = new LinkedHashMap<>();
        String scipyStatus = "skipped (--no-scipy)";
        if (o.scipy()) {
            BenchPhase.begin(o.waitIdle(), log, "scipy.sparse csr_matrix @ x ...");
            scipyStatus = scipy(o, scipy, scipyEnv);
        }

        // 3. chaoslab, per N
        List<Row> rows = new ArrayList<>();
        String identity = "not checked";
        for (int n : o.sizes()) {
            RateNetwork net = RateNetwork.scs(n, SimulatorTiming.GAIN, new TransferFunctions.Tanh())
                    .withCouplings(Couplings.sparse(SimulatorTiming.GAIN, o.k()));
            BenchPhase.begin(o.waitIdle(), log, String.format(Locale.ROOT, "chaoslab N = %d: drawing %.3g synapses on %d threads ...",
                    n, (double) n * o.k(), o.threads()));
            long t0 = System.nanoTime();
            RealizedRateNetwork realized = RealizedRateNetwork.draw(net, SimulatorTiming.SEED, o.threads());
            double build = (System.nanoTime() - t0) * 1e-9;
            double buildOne = Double.NaN;
            if (o.threads() > 1 && (long) n * o.k() <= 100_000_000L) {
                log.printf(Locale.ROOT, "chaoslab N = %d: drawing again on 1 thread ...%n", n);
                t0 = System.nanoTime();
                RealizedRateNetwork one = RealizedRateNetwork.draw(net, SimulatorTiming.SEED, 1);
                buildOne = (System.nanoTime() - t0) * 1e-9;
                identity = identical((FixedInDegreeMatrix) realized.couplings(), (FixedInDegreeMatrix) one.couplings())
                        ? "N = " + n + ": the 1-thread and " + o.threads() + "-thread draws are identical"
                        : "N = " + n + ": the 1-thread and " + o.threads() + "-thread draws DIFFER";
                one = null;
                System.gc();
            }
            FixedInDegreeMatrix j = (FixedInDegreeMatrix) realized.couplings();
            BenchCase c = new BenchCase(n, 1, Precision.FLOAT32);
            for (int threads : o.threads() > 1 ? new int[] {o.threads(), 1} : new int[] {1}) {
                BenchPhase.begin(o.waitIdle(), log, String.format(Locale.ROOT, "chaoslab N = %d: Euler steps on %d thread(s) ...",
                        n, threads));
                Timing step = SimulatorTiming.measure(realized, c, threads, o.quick() ? 0.5 : 1.5, repSeconds, reps, maxReps);
                double product = product(j, threads, reps);
                double bound = FixedInDegreeMatrix.bytes(n, o.k()) / ((threads == o.threads() ? bw : bw1) * 1e9) * 1e3;
                rows.add(new Row(n, o.k(), threads, threads == o.threads() ? build : buildOne, step.min(), step.median(),
                        product, bound, step.min() / bound, product / bound, step.loadOfBest(false)));
            }
            realized = null;
            j = null;
            System.gc();
        }
        Row largest = rows.stream().filter(r -> r.threads() == o.threads()).reduce((a, b) -> b).orElseThrow();
        double run100 = 1000 * largest.msPerStep() * 1e-3;
        String verdict = String.format(Locale.ROOT, "N = %d, %d threads: a step takes %.2fx the read bound (target <= %.1fx): %s",
                largest.n(), largest.threads(), largest.stepOverBound(), BOUND_FACTOR,
                largest.stepOverBound() <= BOUND_FACTOR ? "PASS" : "MISS");
        return new Report(meta, o, SparseKernels.kernel(), SparseKernels.lanes(), loadBefore, CpuLoad.loadAverage(), bw, bw1, rows,
                identity, scipy, scipyStatus, scipyEnv, run100, verdict);
    }

    /** Best ms of {@code reps} products (after two untimed ones) on {@code threads} threads. */
    private static double product(FixedInDegreeMatrix j, int threads, int reps) {
        int n = j.size();
        double[] r = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.tanh(Math.sin(0.37 * i));
        }
        double best = Double.POSITIVE_INFINITY;
        try (ParallelRows pool = new ParallelRows(threads)) {
            for (int k = 0; k < reps + 2; k++) {
                long t0 = System.nanoTime();
                j.multiply(r, out, 1, pool);
                if (k >= 2) {
                    best = Math.min(best, (System.nanoTime() - t0) * 1e-6);
                }
            }
        }
        return best;
    }

    private static boolean identical(FixedInDegreeMatrix a, FixedInDegreeMatrix b) {
        for (int c = 0; c * a.rowsPerChunk() < a.size(); c++) {
            if (!Arrays.equals(a.chunk(c), b.chunk(c))) {
                return false;
            }
        }
        return true;
    }

    private static String scipy(Options o, List<Scipy> out, Map<String, String> env) {
        Path script = PythonRun.script("scipy_sparse.py");
        if (!Files.isRegularFile(script)) {
            return "unavailable: script not found at " + script;
        }
        List<String> cmd = new ArrayList<>(List.of(o.python(), script.toString(), "--k", Integer.toString(o.k()), "--g",
                Double.toString(SimulatorTiming.GAIN), "--dt", Double.toString(SimulatorTiming.DT), "--reps", "3"));
        for (int n : o.sizes()) {
            cmd.add("--n");
            cmd.add(Integer.toString(n));
        }
        PythonRun.Output run = PythonRun.run(cmd, 1, SCIPY_TIMEOUT_SECONDS);
        ObjectMapper json = new ObjectMapper();
        for (String line : run.stdout()) {
            try {
                JsonNode node = json.readTree(line);
                if (node.has("env")) {
                    node.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                } else if (node.has("n")) {
                    out.add(new Scipy(node.get("n").asInt(), node.path("build_seconds").asDouble(Double.NaN),
                            node.path("matvec_ms").asDouble(Double.NaN), node.path("step_ms").asDouble(Double.NaN),
                            node.has("skipped") ? node.get("skipped").asText() : null));
                } else if (node.has("error")) {
                    return "unavailable: " + node.get("error").asText();
                }
            } catch (IOException | RuntimeException e) {
                // not one of the script's lines
            }
        }
        return run.ok() ? "ok" : "unavailable or partial: " + run.status();
    }

    static void print(Report r, PrintStream out) {
        var m = r.metadata();
        Options o = r.options();
        out.println();
        out.printf(Locale.ROOT, "chaoslab bench sparse %s — fixed in-degree K = %d, float32 weights + int32 indices, tanh, g = 2, "
                + "Euler dt = %s%n", m.extra().get("date"), o.k(), BenchMain.fmt(SimulatorTiming.DT));
        out.printf(Locale.ROOT, "machine : %s, %d cores, %s; %s %s; load average %s before, %s after%n", m.extra().get("cpu"),
                m.cores(), m.extra().get("last_level_cache"), m.javaVendor(), m.javaVersion(), r.loadAverageBefore(),
                r.loadAverageAfter());
        out.printf(Locale.ROOT, "kernel  : %s (%d float lanes); read bandwidth %.1f GB/s on %d threads, %.1f GB/s on 1%n",
                r.kernel(), r.lanes(), r.bandwidthGBs(), o.threads(), r.bandwidthOneThreadGBs());
        out.printf(Locale.ROOT, "scipy   : %s%s%n", r.scipyStatus(), r.scipyEnv().isEmpty() ? "" : String.format(Locale.ROOT,
                " — scipy %s, numpy %s, one thread", r.scipyEnv().get("scipy"), r.scipyEnv().get("numpy")));
        out.printf(Locale.ROOT, "draws   : %s%n", r.buildIdentity());
        out.println();
        out.println("| N | K | synapses | CSR bytes | threads | build s | ms/step | ms/product | read bound ms | step/bound "
                + "| product/bound | scipy build s | scipy ms/matvec | scipy ms/step | step speedup over scipy | other load |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : r.rows()) {
            Scipy s = r.scipy().stream().filter(x -> x.n() == row.n() && x.skipped() == null).findFirst().orElse(null);
            out.printf(Locale.ROOT, "| %d | %d | %.3g | %s | %d | %s | %s | %s | %s | %.2f× | %.2f× | %s | %s | %s | %s | %s |%n",
                    row.n(), row.k(), (double) row.n() * row.k(), gb(FixedInDegreeMatrix.bytes(row.n(), row.k())), row.threads(),
                    Double.isNaN(row.buildSeconds()) ? "—" : String.format(Locale.ROOT, "%.1f", row.buildSeconds()),
                    BenchMain.ms(row.msPerStep()), BenchMain.ms(row.msPerProduct()), BenchMain.ms(row.boundMs()),
                    row.stepOverBound(), row.productOverBound(),
                    s == null ? "—" : String.format(Locale.ROOT, "%.1f", s.buildSeconds()),
                    s == null ? "—" : BenchMain.ms(s.matvecMs()), s == null ? "—" : BenchMain.ms(s.stepMs()),
                    s == null ? "—" : String.format(Locale.ROOT, "%.2f×", s.stepMs() / row.msPerStep()),
                    Double.isNaN(row.foreignLoad()) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * row.foreignLoad()));
        }
        for (Scipy s : r.scipy()) {
            if (s.skipped() != null) {
                out.printf(Locale.ROOT, "scipy N = %d: skipped (%s)%n", s.n(), s.skipped());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "100 time units at dt = 0.1 (1000 Euler steps) at the largest N: about %.0f s (extrapolated from "
                + "the measured step)%n", r.runSeconds100());
        out.println("verdict: " + r.verdict());
        out.println("other load: the share of the CPUs other processes took during the best step repetition; above ~5 % the "
                + "times are pessimistic.");
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}

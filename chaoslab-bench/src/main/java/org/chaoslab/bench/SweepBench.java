package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.GainBatchRun;
import org.chaoslab.sim.rate.GainBatchSimulator;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;

/**
 * {@code chaoslab bench sweep}: a g-sweep of ⟨x²⟩ over several realizations (issue 18's benchmark: 16 gains in
 * linspace(0.5, 3.5, 16) × 4 realizations, N = 2000, tanh, Euler at dt = 0.1, 1000 steps), run by chaoslab's batched
 * gain sweep (one matrix–matrix product J₁·Φ over the 16 columns of a realization per step, {@link GainBatchSimulator},
 * with the recorders of {@code simulate rate}'s scalar results) beside the numpy loop a researcher would write, one
 * trajectory at a time ({@code chaoslab-bench/python/numpy_gain_sweep.py}), in the same invocation.
 *
 * <p>chaoslab runs the realizations two ways, both timed: one after the other with every thread in each run's product,
 * and as many realizations at a time as threads, each run on one thread. Reported: wall time of the whole sweep (drawing
 * the couplings included, after a short JIT warm-up run), ms per trajectory-step, the product rate the sweep achieved
 * (2N² flops per trajectory-step), the speedup over numpy, and that rate as a fraction of the machine's dgemm rate for
 * the same product shape (numpy's OpenBLAS, J·B with B of N × 16, on the same threads) and of the simulator's own
 * product alone. The share of the CPUs other processes took during each phase and the load average are recorded: on a
 * shared machine the numbers are only as good as the quiet they had.
 */
final class SweepBench {

    /** Issue 18's target: the batched sweep at least this much faster than the numpy loop. */
    static final double TARGET_SPEEDUP = 5.0;
    static final long NUMPY_TIMEOUT_SECONDS = 900;

    private static final String USAGE = """
            Usage: chaoslab bench sweep [--n N] [--points K] [--g-min G] [--g-max G] [--realizations R] [--steps S]
                                        [--dt DT] [--threads T] [--no-numpy] [--numpy-trajectories T] [--python EXE]
                                        [--wait-idle S] [--out DIR]
                   chaoslab bench sweep --two-replica [...]  (lambda_max by two replicas, batched beside one pair at a
                                        time; chaoslab bench sweep --two-replica --help)
              A g-sweep of <x^2> (tanh, Euler, J = g J1) over R realizations: chaoslab's batched gain sweep (one product
              over the K gains of a realization per step; realizations one after another on T threads, and T at a time
              on one thread each) beside the numpy loop one trajectory at a time, with the product and dgemm rates.
              Defaults: N = 2000, K = 16 gains in linspace(0.5, 3.5), R = 4, S = 1000 steps of dt = 0.1, all cores.
              --numpy-trajectories T times only the first T numpy trajectories and extrapolates (each step costs the
              same; default all). --wait-idle S: before each phase wait up to S seconds for the other processes to leave
              the CPUs idle (shared machines). Writes DIR/sweep-bench.json (default results/bench). About 1.5 minutes
              on an idle 2-core machine (most of it numpy's).
            """;

    record Options(int n, int points, double gMin, double gMax, int realizations, int steps, double dt, int threads,
                   boolean numpy, int numpyTrajectories, String python, int waitIdle, Path out) {

        double[] gains() {
            return BenchArgs.linspace(gMin, gMax, points);
        }

        /** Product flops of the whole sweep: 2N² per trajectory-step. */
        double flops() {
            return 2.0 * n * (double) n * points * realizations * steps;
        }
    }

    /**
     * One way of running the sweep.
     *
     * @param who                   chaoslab or numpy
     * @param layout                how it ran
     * @param seconds               wall time of the whole sweep (numpy: extrapolated when only a part was timed)
     * @param msPerTrajectoryStep   seconds / (K·R·S), in ms
     * @param gflops                the product rate achieved: 2N²·K·R·S / seconds
     * @param speedupOverNumpy      numpy seconds / seconds
     * @param fractionOfDgemm       gflops / numpy's dgemm rate for J·B, B of N × K (NaN without numpy)
     * @param fractionOfPeakDgemm   gflops / numpy's dgemm rate for J·B, B of N × 256: the machine's dgemm rate where
     *                              the shape does not hold it back
     * @param fractionOfProduct     gflops / chaoslab's product alone (K columns, T threads)
     * @param foreignLoad           the share of the CPUs other processes took meanwhile
     */
    record Mode(String who, String layout, double seconds, double msPerTrajectoryStep, double gflops, double speedupOverNumpy,
                double fractionOfDgemm, double fractionOfPeakDgemm, double fractionOfProduct, double foreignLoad) {
    }

    record Report(RunMetadata metadata, Options options, String loadAverageBefore, String loadAverageAfter,
                  double productGflops, double productGflopsOneThread, double backendDgemmGflops, double numpyDgemmGflops,
                  double numpyDgemmGflops256, List<Mode> modes, double[] gains, double[] meanSquareChaoslab,
                  double[] meanSquareNumpy, String numpyStatus, Map<String, String> numpyEnv, int numpyTrajectoriesTimed,
                  String verdict) {
    }

    private SweepBench() {
    }

    static void main(String[] args, PrintStream out, PrintStream log) throws Exception {
        if (java.util.Arrays.asList(args).contains("--two-replica")) {
            TwoReplicaSweepBench.main(args, out, log);
            return;
        }
        BenchCommand.main(args, out, log, USAGE, SweepBench::parse, SweepBench::run, SweepBench::print,
                BenchCommand.json(Options::out, "sweep-bench.json"));
    }

    /** @return null for --help */
    static Options parse(String[] args) {
        int n = 2000;
        int points = 16;
        double gMin = 0.5;
        double gMax = 3.5;
        int realizations = 4;
        int steps = 1000;
        double dt = 0.1;
        int numpyTrajectories = 0;
        BenchArgs a = new BenchArgs(args, "--threads", "--no-numpy", "--python", "--wait-idle", "--out");
        while (a.next()) {
            switch (a.option()) {
                case "--n" -> n = a.positive();
                case "--points" -> points = a.positive();
                case "--g-min" -> gMin = a.number();
                case "--g-max" -> gMax = a.number();
                case "--realizations" -> realizations = a.positive();
                case "--steps" -> steps = a.positive();
                case "--dt" -> dt = a.number();
                case "--numpy-trajectories" -> numpyTrajectories = a.positive();
                default -> a.shared();
            }
        }
        if (a.help()) {
            return null;
        }
        BenchArgs.size(n);
        BenchArgs.gainRange(gMin, gMax);
        if (!(dt > 0) || dt > 1) {
            throw new IllegalArgumentException("--dt must be in (0, 1] (got " + dt + ")");
        }
        return new Options(n, points, gMin, gMax, realizations, steps, dt, a.threadsWithinCores(), a.numpy(), numpyTrajectories,
                a.python(), a.waitIdle(), a.out());
    }

    static Report run(Options o, PrintStream log) throws Exception {
        String loadBefore = CpuLoad.loadAverage();
        log.printf(Locale.ROOT, "chaoslab bench sweep: N = %d, %d gains in [%s, %s] x %d realizations, %d steps of dt = %s, "
                + "%d threads (%s); load average %s%n", o.n(), o.points(), BenchMain.fmt(o.gMin()), BenchMain.fmt(o.gMax()),
                o.realizations(), o.steps(), BenchMain.fmt(o.dt()), o.threads(), Blas.backend(), loadBefore);
        RateNetwork net = RateNetwork.scs(o.n(), 1.0, new TransferFunctions.Tanh());
        GainBatch batch = new GainBatch(net, o.gains());
        // JIT warm-up: a short batch of the same shape
        sweepOnce(o, batch, 1_000_000, o.threads(), 20);

        BenchPhase.begin(o.waitIdle(), log, "the product alone ...");
        double product;
        double productOne;
        double backendDgemm;
        try (ParallelRows pool = new ParallelRows(o.threads()); ParallelRows one = new ParallelRows(1)) {
            RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 1, o.threads());
            product = GemmRate.product(unit.couplings(), o.points(), pool, 3, 5, 0.3).max();
            productOne = GemmRate.product(unit.couplings(), o.points(), one, 3, 5, 0.3).max();
            backendDgemm = GemmRate.measure(o.n(), o.points(), pool, 3, 3, 0.3).max();
        }

        List<Mode> modes = new ArrayList<>();
        BenchPhase<double[][]> sequential = BenchPhase.run(o.waitIdle(), log, String.format(Locale.ROOT,
                "chaoslab: %d realizations one after another, %d threads each ...", o.realizations(), o.threads()), () -> {
                    double[][] meanSquares = new double[o.realizations()][];
                    for (int r = 0; r < o.realizations(); r++) {
                        meanSquares[r] = realization(o, batch, r, o.threads());
                    }
                    return meanSquares;
                });

        int parallel = Math.min(o.threads(), o.realizations());
        BenchPhase<Void> concurrent = BenchPhase.run(o.waitIdle(), log, String.format(Locale.ROOT,
                "chaoslab: %d realizations at a time, 1 thread each ...", parallel), () -> {
                    try (ExecutorService workers = Executors.newFixedThreadPool(parallel)) {
                        List<Future<double[]>> runs = new ArrayList<>();
                        for (int r = 0; r < o.realizations(); r++) {
                            int realization = r;
                            runs.add(workers.submit(() -> realization(o, batch, realization, 1)));
                        }
                        for (Future<double[]> f : runs) {
                            f.get();
                        }
                    }
                    return null;
                });

        Numpy np = o.numpy() ? numpy(o, log) : Numpy.skipped();
        double numpySeconds = np.seconds();
        double dgemm = np.dgemm();
        modes.add(mode(o, "chaoslab", "batched: " + o.points() + " columns per product, realizations one after another, "
                + o.threads() + " threads per run", sequential.seconds(), numpySeconds, np, product, sequential.foreignLoad()));
        modes.add(mode(o, "chaoslab", "batched: " + o.points() + " columns per product, " + parallel
                + " realizations at a time, 1 thread per run", concurrent.seconds(), numpySeconds, np, product,
                concurrent.foreignLoad()));
        if (!Double.isNaN(numpySeconds)) {
            modes.add(mode(o, "numpy", "one trajectory at a time, x += dt*(-x + g*(J1 @ np.tanh(x))), OPENBLAS_NUM_THREADS="
                    + o.threads() + (np.timed() < o.points() * o.realizations()
                    ? ", " + np.timed() + " trajectories timed and extrapolated" : ""), numpySeconds, numpySeconds, np,
                    product, np.load()));
        }
        double best = Math.min(sequential.seconds(), concurrent.seconds());
        String verdict = Double.isNaN(numpySeconds) ? "n/a (no numpy)"
                : String.format(Locale.ROOT, "%.1fx faster than the numpy loop (target >= %.0fx): %s", numpySeconds / best,
                        TARGET_SPEEDUP, numpySeconds / best >= TARGET_SPEEDUP ? "PASS" : "MISS");
        return new Report(BenchMain.metadata(o.threads()), o, loadBefore, CpuLoad.loadAverage(), product, productOne, backendDgemm,
                dgemm, np.dgemm256(), modes, o.gains(), average(sequential.result()), np.meanSquare(), np.status(), np.env(),
                np.timed(), verdict);
    }

    /** One realization of the sweep (seed 1 + r), drawing included: ⟨x²⟩ per gain as {@code simulate rate} records it. */
    private static double[] realization(Options o, GainBatch batch, int r, int threads) {
        return sweepOnce(o, batch, 1 + r, threads, o.steps());
    }

    /** The batched sweep of one realization: Euler, no transient, {@code steps} recorded steps. */
    private static double[] sweepOnce(Options o, GainBatch batch, long seed, int threads, int steps) {
        RateSimulation s = new RateSimulation(o.dt(), steps * o.dt(), 0.0, IntegratorKind.EULER, 1, seed, 1.0, threads);
        RecordingPlan plan = RecordingPlan.defaults().scalarsOnly();
        List<StandardRecording> recordings = new ArrayList<>();
        List<List<Recorder>> recorders = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            StandardRecording rec = new StandardRecording(plan, s.dt(), o.n());
            recordings.add(rec);
            recorders.add(rec.recorders());
        }
        GainBatchRun run = GainBatchSimulator.run(batch, s, recorders, ProgressListener.NONE);
        double[] ms = new double[batch.size()];
        for (int k = 0; k < ms.length; k++) {
            ms[k] = run.point(k).completed() ? recordings.get(k).result().meanSquare().value() : Double.NaN;
        }
        return ms;
    }

    private static Mode mode(Options o, String who, String layout, double seconds, double numpySeconds, Numpy np,
                             double product, double load) {
        double gflops = o.flops() / seconds * 1e-9;
        return new Mode(who, layout, seconds, seconds / ((double) o.points() * o.realizations() * o.steps()) * 1e3, gflops,
                numpySeconds / seconds, gflops / np.dgemm(), gflops / np.dgemm256(), gflops / product, load);
    }

    private static double[] average(double[][] perRealization) {
        double[] avg = new double[perRealization[0].length];
        for (double[] row : perRealization) {
            for (int k = 0; k < avg.length; k++) {
                avg[k] += row[k] / perRealization.length;
            }
        }
        return avg;
    }

    /** What the numpy peer reported. */
    private record Numpy(String status, Map<String, String> env, double seconds, int timed, double dgemm, double dgemm256,
                         double[] meanSquare, double load) {
        static Numpy skipped() {
            return new Numpy("skipped (--no-numpy)", Map.of(), Double.NaN, 0, Double.NaN, Double.NaN, null, Double.NaN);
        }
    }

    /** The numpy peer in a child process, after waiting for quiet CPUs like the other phases. */
    private static Numpy numpy(Options o, PrintStream log) throws Exception {
        int all = o.points() * o.realizations();
        int timed = o.numpyTrajectories() > 0 ? Math.min(all, o.numpyTrajectories()) : all;
        Path script = PythonRun.script("numpy_gain_sweep.py");
        List<String> cmd = List.of(o.python(), script.toString(), "--n", Integer.toString(o.n()), "--points",
                Integer.toString(o.points()), "--g-min", Double.toString(o.gMin()), "--g-max", Double.toString(o.gMax()),
                "--realizations", Integer.toString(o.realizations()), "--steps", Integer.toString(o.steps()), "--dt",
                Double.toString(o.dt()), "--trajectories", Integer.toString(timed));
        BenchPhase<PythonRun.Output> phase = BenchPhase.run(o.waitIdle(), log, String.format(Locale.ROOT,
                "numpy: %d trajectories one at a time ...", timed), () -> PythonRun.run(cmd, o.threads(), NUMPY_TIMEOUT_SECONDS));
        PythonRun.Output run = phase.result();
        // the child has been waited for, so its CPU time counts as this process's own: the load is the others'
        double load = phase.foreignLoad();
        Map<String, String> env = new LinkedHashMap<>();
        double seconds = Double.NaN;
        int done = 0;
        double dgemm = Double.NaN;
        double dgemm256 = Double.NaN;
        double[] sum = new double[o.points()];
        int[] count = new int[o.points()];
        ObjectMapper json = new ObjectMapper();
        for (String line : run.stdout()) {
            try {
                JsonNode node = json.readTree(line);
                if (node.has("env")) {
                    node.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                } else if (node.has("mean_square")) {
                    JsonNode ms = node.get("mean_square");
                    for (int k = 0; k < ms.size(); k++) {
                        sum[k] += ms.get(k).asDouble();
                        count[k]++;
                    }
                } else if (node.has("total_seconds")) {
                    done = node.get("trajectories").asInt();
                    seconds = node.get("total_seconds").asDouble() * all / done;
                } else if (node.has("dgemm_gflops")) {
                    dgemm = node.get("dgemm_gflops").path(Integer.toString(o.points())).asDouble(Double.NaN);
                    dgemm256 = node.get("dgemm_gflops").path("256").asDouble(Double.NaN);
                }
            } catch (IOException | RuntimeException e) {
                // not one of the script's lines
            }
        }
        double[] meanSquare = new double[o.points()];
        for (int k = 0; k < meanSquare.length; k++) {
            meanSquare[k] = count[k] > 0 ? sum[k] / count[k] : Double.NaN;
        }
        String status = run.ok() && !Double.isNaN(seconds) ? "ok" : "unavailable: " + run.status();
        return new Numpy(status, env, seconds, done, dgemm, dgemm256, meanSquare, load);
    }

    static void print(Report r, PrintStream out) {
        var m = r.metadata();
        Options o = r.options();
        out.println();
        out.printf(Locale.ROOT, "chaoslab bench sweep %s — <x^2> over %d gains in [%s, %s] x %d realizations, N = %d, tanh, "
                        + "Euler dt = %s, %d steps%n", m.extra().get("date"), o.points(), BenchMain.fmt(o.gMin()),
                BenchMain.fmt(o.gMax()), o.realizations(), o.n(), BenchMain.fmt(o.dt()), o.steps());
        out.printf(Locale.ROOT, "machine : %s, %d cores; %s %s; %s; load average %s before, %s after%n", m.extra().get("cpu"),
                m.cores(), m.javaVendor(), m.javaVersion(), m.extra().get("blas"), r.loadAverageBefore(), r.loadAverageAfter());
        out.printf(Locale.ROOT, "numpy   : %s%s%n", r.numpyStatus(), r.numpyEnv().isEmpty() ? "" : String.format(Locale.ROOT,
                " — numpy %s, %s, OPENBLAS_NUM_THREADS=%s", r.numpyEnv().get("numpy"), r.numpyEnv().get("blas"),
                r.numpyEnv().get("openblas_num_threads")));
        out.printf(Locale.ROOT, "product : chaoslab J.B with %d columns %.1f GFLOP/s (%d threads), %.1f (1 thread); dgemm of "
                        + "chaoslab's BLAS backend %.1f; numpy dgemm %.1f (%d columns), %.1f (256 columns)%n", o.points(),
                r.productGflops(), o.threads(), r.productGflopsOneThread(), r.backendDgemmGflops(), r.numpyDgemmGflops(),
                o.points(), r.numpyDgemmGflops256());
        out.println();
        out.printf(Locale.ROOT, "| who | how | sweep s | ms per trajectory-step | GFLOP/s | speedup over numpy | of numpy dgemm, "
                + "%d columns | of numpy dgemm, 256 columns | of chaoslab product | other load |%n", o.points());
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Mode mode : r.modes()) {
            out.printf(Locale.ROOT, "| %s | %s | %.2f | %s | %.1f | %s | %s | %s | %.0f %% | %s |%n", mode.who(), mode.layout(),
                    mode.seconds(), BenchMain.ms(mode.msPerTrajectoryStep()), mode.gflops(), ratio(mode.speedupOverNumpy()),
                    percent(mode.fractionOfDgemm()), percent(mode.fractionOfPeakDgemm()), 100 * mode.fractionOfProduct(),
                    percent(mode.foreignLoad()));
        }
        out.println();
        out.printf(Locale.ROOT, "<x^2>(g) averaged over the %d realizations (chaoslab's and numpy's are different draws of the "
                + "ensemble; numpy's only over the trajectories it timed):%n", o.realizations());
        for (int k = 0; k < r.gains().length; k++) {
            out.printf(Locale.ROOT, "  g = %.2f: chaoslab %.4f, numpy %s%n", r.gains()[k], r.meanSquareChaoslab()[k],
                    r.meanSquareNumpy() == null || Double.isNaN(r.meanSquareNumpy()[k]) ? "n/a"
                            : String.format(Locale.ROOT, "%.4f", r.meanSquareNumpy()[k]));
        }
        out.println();
        out.println("verdict: " + r.verdict());
        out.println("other load: the share of the CPUs other processes took during that phase (for numpy: other than "
                + "this JVM and its numpy child); above ~5 % the times are pessimistic.");
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}

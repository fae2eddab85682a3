package org.chaoslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chaoslab.analysis.SymmetricEigen;
import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Precision;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.kernel.KernelSimulator;
import org.chaoslab.sim.kernel.ResponseRun;

/**
 * {@code chaoslab bench kernel}: the batched stimulus-response loop (P stimuli × T trials of one network advanced by one
 * matrix product per step) beside a numpy loop doing the same (chaoslab-bench/python/numpy_kernel_responses.py) and
 * beside the machine's gemm rate with the simulator's own partition; and the eigen-analysis of a P × P kernel matrix.
 * Issue "stimulus kernels", performance: rate map N = 2000, 1024 stimuli × 2 trials, 100 steps — target ≥ 60% of the
 * gemm rate; the binary map likewise; P = 4096 kernel eigenvalues through LAPACK.
 */
final class KernelBench {

    /** Target fraction of the gemm rate for the rate map. */
    static final double TARGET_FRACTION = 0.6;
    static final long NUMPY_TIMEOUT_SECONDS = 900;

    private static final String USAGE = """
            Usage: chaoslab bench kernel [--n N] [--stimuli P] [--trials T] [--steps S] [--reps R] [--eigen P]
                                         [--threads T] [--no-numpy] [--python EXE] [--out DIR]
              The batched stimulus-response loop of one network (rate map x <- J tanh(x) + u, float64 and float32;
              binary map n <- Theta(J n + u)), ms per step beside numpy and the gemm rate; then the eigenvalues of a
              P x P kernel matrix (LAPACK dsyevr). Defaults: N = 2000, P = 1024, T = 2, S = 100, R = 3, eigen 4096.
              Writes DIR/kernel-bench.json (default results/bench).
            """;

    record Options(int n, int stimuli, int trials, int steps, int reps, int eigen, int threads, boolean numpy, String python,
                   Path out) {
    }

    /**
     * One loop timed.
     *
     * @param who          chaoslab or numpy
     * @param model        rate-sync or binary-sync
     * @param precision    float64 / float32 (binary: the field kernel used)
     * @param msPerStepBest best repetition
     * @param msPerStepMedian median repetition
     * @param gflops       2 N² P T per step / best time
     * @param note         how it ran
     */
    record LoopTiming(String who, String model, String precision, double msPerStepBest, double msPerStepMedian, double gflops,
                      String note) {
    }

    record Report(RunMetadata metadata, int n, int stimuli, int trials, int steps, int reps, int threads, double dgemmGflops,
                  double sgemmGflops, List<LoopTiming> timings, double fractionOfDgemmF64, double fractionOfSgemmF32,
                  double numpyOverChaoslabF64, double numpyOverChaoslabF32, double numpyOverChaoslabBinary, int eigenSize,
                  double eigenSeconds, String eigenBackend, String verdict, double foreignLoad) {
    }

    private KernelBench() {
    }

    static void main(String[] args, PrintStream out, PrintStream log) throws Exception {
        BenchCommand.main(args, out, log, USAGE, KernelBench::parse, KernelBench::run, KernelBench::print, BenchCommand.json(Options::out,
                "kernel-bench.json"));
    }

    static Options parse(String[] args) {
        int n = 2000;
        int stimuli = 1024;
        int trials = 2;
        int steps = 100;
        int reps = 3;
        int eigen = 4096;
        BenchArgs a = new BenchArgs(args, "--threads", "--no-numpy", "--python", "--out");
        while (a.next()) {
            switch (a.option()) {
                case "--n" -> n = a.positive();
                case "--stimuli" -> stimuli = a.positive();
                case "--trials" -> trials = a.positive();
                case "--steps" -> steps = a.positive();
                case "--reps" -> reps = a.positive();
                case "--eigen" -> eigen = a.positive();
                default -> a.shared();
            }
        }
        if (a.help()) {
            return null;
        }
        BenchArgs.size(n);
        return new Options(n, stimuli, trials, steps, reps, eigen, a.threadsWithinCores(), a.numpy(), a.python(), a.out());
    }

    static Report run(Options o, PrintStream log) throws Exception {
        int cols = o.stimuli() * o.trials();
        log.printf(Locale.ROOT, "chaoslab bench kernel: N = %d, %d stimuli x %d trials, %d steps x %d reps, %d threads (%s)%n", o.n(),
                o.stimuli(), o.trials(), o.steps(), o.reps(), o.threads(), Blas.backend());
        CpuLoad.Snapshot start = CpuLoad.now();
        double dgemm;
        double sgemm;
        try (ParallelRows pool = new ParallelRows(o.threads())) {
            dgemm = productRate(o.n(), cols, false, pool);
            sgemm = productRate(o.n(), cols, true, pool);
        }
        List<LoopTiming> timings = new ArrayList<>();
        Stimuli.Circle circle = Stimuli.Circle.equallySpaced(o.stimuli(), 1.0);
        StimulusNetwork rate = StimulusNetwork.rateSync(o.n(), 2.0, new TransferFunctions.Tanh(), 0.0);
        log.println("chaoslab rate map, float64...");
        timings.add(chaoslab(o, rate, circle, "float64"));
        log.println("chaoslab rate map, float32...");
        timings.add(chaoslab(o, rate.withPrecision(Precision.FLOAT32), circle, "float32"));
        log.println("chaoslab binary map...");
        timings.add(chaoslab(o, StimulusNetwork.binarySync(o.n(), 1.0, 0.0), circle, "float32"));
        if (o.numpy()) {
            for (String[] c : new String[][] {{"rate-sync", "float64"}, {"rate-sync", "float32"}, {"binary-sync", "float32"}}) {
                log.printf(Locale.ROOT, "numpy %s %s...%n", c[0], c[1]);
                timings.add(numpy(o, c[0], c[1]));
            }
        }
        log.printf(Locale.ROOT, "eigenvalues of a %d x %d kernel matrix...%n", o.eigen(), o.eigen());
        double eigenSeconds = eigen(o.eigen());
        double foreign = CpuLoad.foreign(start, CpuLoad.now());
        LoopTiming c64 = find(timings, "chaoslab", "rate-sync", "float64");
        LoopTiming c32 = find(timings, "chaoslab", "rate-sync", "float32");
        LoopTiming cb = find(timings, "chaoslab", "binary-sync", "float32");
        double frac64 = c64.gflops() / dgemm;
        double frac32 = c32.gflops() / sgemm;
        String verdict = frac64 >= TARGET_FRACTION ? "PASS" : "MISS";
        return new Report(BenchMain.metadata(o.threads()), o.n(), o.stimuli(), o.trials(), o.steps(), o.reps(), o.threads(), dgemm,
                sgemm, timings, frac64, frac32, ratio(find(timings, "numpy", "rate-sync", "float64"), c64),
                ratio(find(timings, "numpy", "rate-sync", "float32"), c32), ratio(find(timings, "numpy", "binary-sync", "float32"), cb),
                o.eigen(), eigenSeconds, Blas.backend(), "rate map float64 at >= " + (int) (100 * TARGET_FRACTION)
                        + "% of the product rate: " + verdict, foreign);
    }

    private static LoopTiming chaoslab(Options o, StimulusNetwork net, Stimuli.Circle circle, String precision) {
        // a stationary protocol of `steps` updates: one recording at the end, nothing else recorded
        ResponseProtocol p = ResponseProtocol.stationary(o.trials(), o.steps(), 1, 1);
        double[] ms = new double[o.reps()];
        String kernel = "";
        // warm-up (JIT): a short run
        KernelSimulator.run(net, circle, ResponseProtocol.stationary(o.trials(), 3, 1, 1), 1, o.threads(), List.of(),
                ProgressListener.NONE);
        for (int r = 0; r < o.reps(); r++) {
            long t0 = System.nanoTime();
            ResponseRun run = KernelSimulator.run(net, circle, p, 1 + r, o.threads(), List.of(), ProgressListener.NONE);
            double total = (System.nanoTime() - t0) * 1e-6;
            ms[r] = total / run.steps();
            kernel = run.fieldKernel();
        }
        double best = Arrays.stream(ms).min().orElseThrow();
        double flops = 2.0 * o.n() * (double) o.n() * o.stimuli() * o.trials();
        String model = net.kind().label();
        return new LoopTiming("chaoslab", model, precision, best, Timing.median(ms), flops / (best * 1e-3) / 1e9,
                "one product per step over " + o.stimuli() * o.trials() + " columns; field kernel " + kernel
                        + "; time includes drawing J and the inputs, spread over the steps");
    }

    private static LoopTiming numpy(Options o, String model, String dtype) {
        Path script = PythonRun.script("numpy_kernel_responses.py");
        List<String> cmd = List.of(o.python(), script.toString(), "--n", Integer.toString(o.n()), "--stimuli",
                Integer.toString(o.stimuli()), "--trials", Integer.toString(o.trials()), "--steps", Integer.toString(o.steps()),
                "--reps", Integer.toString(o.reps()), "--model", model, "--dtype", dtype, "--variant", "inplace");
        PythonRun.Output run = PythonRun.run(cmd, o.threads(), NUMPY_TIMEOUT_SECONDS);
        if (!run.ok()) {
            return new LoopTiming("numpy", model, dtype, Double.NaN, Double.NaN, Double.NaN,
                    run.status().startsWith("unavailable") ? run.status() : "unavailable: " + run.status());
        }
        ObjectMapper mapper = new ObjectMapper();
        try {
            for (String line : run.stdout()) {
                if (line.startsWith("{")) {
                    JsonNode j = mapper.readTree(line);
                    if (j.has("ms_per_step_min")) {
                        return new LoopTiming("numpy", model, dtype, j.get("ms_per_step_min").asDouble(),
                                j.get("ms_per_step_median").asDouble(), j.get("gflops_best").asDouble(), "in-place numpy loop");
                    }
                    if (j.has("error")) {
                        return new LoopTiming("numpy", model, dtype, Double.NaN, Double.NaN, Double.NaN, j.get("error").asText());
                    }
                }
            }
        } catch (IOException e) {
            return new LoopTiming("numpy", model, dtype, Double.NaN, Double.NaN, Double.NaN, "unreadable output: " + e.getMessage());
        }
        return new LoopTiming("numpy", model, dtype, Double.NaN, Double.NaN, Double.NaN, "no timing printed");
    }

    /**
     * GFLOP/s (best of 3) of the simulator's own batched product J·X alone, with its partition and backend (native
     * dgemm/sgemm, or chaoslab's SIMD kernel without native BLAS): the rate the loop would reach if the element-wise
     * part (transfer function, input, threshold) cost nothing.
     */
    private static double productRate(int n, int m, boolean float32, ParallelRows pool) {
        SplittableRandom rng = new SplittableRandom(43);
        org.chaoslab.linalg.CouplingMatrix j;
        if (float32) {
            float[] a = new float[n * n];
            for (int k = 0; k < a.length; k++) {
                a[k] = (float) (rng.nextDouble() - 0.5);
            }
            j = new org.chaoslab.linalg.Float32Matrix(n, a);
        } else {
            double[] a = new double[n * n];
            for (int k = 0; k < a.length; k++) {
                a[k] = rng.nextDouble() - 0.5;
            }
            j = new org.chaoslab.linalg.Float64Matrix(n, a);
        }
        double[] x = new double[n * m];
        double[] y = new double[n * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble() - 0.5;
        }
        j.multiply(x, y, m, pool);
        double best = 0;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            j.multiply(x, y, m, pool);
            best = Math.max(best, 2.0 * n * (double) n * m / ((System.nanoTime() - t0) * 1e-9) / 1e9);
        }
        return best;
    }

    /** Seconds to get all eigenvalues of a P × P kernel matrix (an arc-cosine kernel on the circle plus a nugget). */
    private static double eigen(int p) {
        double[] k = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double d = Math.abs(2 * Math.PI * (i - j) / p);
                d = Math.min(d, 2 * Math.PI - d);
                k[i * p + j] = 0.5 - d / (2 * Math.PI) + (i == j ? 0.03 : 0.0);
            }
        }
        long t0 = System.nanoTime();
        double[] w = SymmetricEigen.values(k, p);
        double s = (System.nanoTime() - t0) * 1e-9;
        if (w.length != p) {
            throw new IllegalStateException("eigen solver returned " + w.length + " values");
        }
        return s;
    }

    private static void print(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "%nstimulus-response loop: N = %d, %d stimuli x %d trials, %d steps, %d threads; %s%n", r.n(),
                r.stimuli(), r.trials(), r.steps(), r.threads(), r.eigenBackend());
        out.printf(Locale.ROOT, "the product alone (partition and backend of the simulator): float64 %.1f GFLOP/s, float32 %.1f GFLOP/s%n", r.dgemmGflops(),
                r.sgemmGflops());
        out.printf(Locale.ROOT, "%-9s %-12s %-8s %12s %12s %9s%n", "who", "model", "dtype", "ms/step best", "median", "GFLOP/s");
        for (LoopTiming t : r.timings()) {
            out.printf(Locale.ROOT, "%-9s %-12s %-8s %12.2f %12.2f %9.1f  %s%n", t.who(), t.model(), t.precision(), t.msPerStepBest(),
                    t.msPerStepMedian(), t.gflops(), t.note());
        }
        out.printf(Locale.ROOT, "rate map: %.0f%% of the product rate (float64), %.0f%% (float32); numpy/chaoslab: f64 %.2fx, f32 %.2fx, "
                + "binary %.2fx%n", 100 * r.fractionOfDgemmF64(), 100 * r.fractionOfSgemmF32(), r.numpyOverChaoslabF64(),
                r.numpyOverChaoslabF32(), r.numpyOverChaoslabBinary());
        out.printf(Locale.ROOT, "kernel eigenvalues, P = %d: %.2f s (%s)%n", r.eigenSize(), r.eigenSeconds(), r.eigenBackend());
        out.printf(Locale.ROOT, "%s; other processes took %.0f%% of the CPUs%n", r.verdict(), 100 * r.foreignLoad());
    }

    private static LoopTiming find(List<LoopTiming> ts, String who, String model, String precision) {
        return ts.stream().filter(t -> t.who().equals(who) && t.model().equals(model) && t.precision().equals(precision)).findFirst()
                .orElse(new LoopTiming(who, model, precision, Double.NaN, Double.NaN, Double.NaN, "not run"));
    }

    private static double ratio(LoopTiming numpy, LoopTiming chaoslab) {
        return numpy.msPerStepBest() / chaoslab.msPerStepBest();
    }
}

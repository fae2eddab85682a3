package org.chaoslab.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.lyapunov.LyapunovAnalyzer;
import org.chaoslab.sim.lyapunov.LyapunovSettings;
import org.chaoslab.sim.lyapunov.TwoReplicaBatch;
import org.chaoslab.sim.lyapunov.TwoReplicaBatchRun;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;

/**
 * {@code chaoslab bench sweep --two-replica}: the Lyapunov sweep's λ_max by two replicas over K gains of one
 * realization (tanh, RK4), batched ({@link TwoReplicaBatch}: the K trajectory pairs as 2K columns of one product per
 * stage) beside the same points unbatched, one trajectory pair at a time (the same estimator, a batch of one gain, on
 * the same realization: per point the same bits with the pure-Java product), in the same invocation; and, for context,
 * what {@code lyapunov-sweep} ran per point before (the analyzer with k = 1: state, replica and one tangent vector, a QR
 * every t_ONS). Times are of the integration alone (the realization is drawn once, outside), after a JIT warm-up of the
 * same shape; the share of the CPUs other processes took during each phase is recorded.
 */
final class TwoReplicaSweepBench {

    private static final String USAGE = """
            Usage: chaoslab bench sweep --two-replica [--n N] [--points K] [--g-min G] [--g-max G] [--t T] [--warmup W]
                                        [--dt DT] [--threads T] [--no-analyzer] [--wait-idle S] [--out DIR]
              lambda_max by two replicas over K gains of one realization (tanh, RK4): the batched estimate (2K columns of
              one product per stage) beside the same points one trajectory pair at a time, and the analyzer with k = 1
              per point (what lyapunov-sweep ran before; --no-analyzer skips it). Defaults: N = 2000, K = 8 gains in
              linspace(1.5, 3.5), accumulation T = 20 after a warm-up W = 5 (state) + 5 (replica), dt = 0.1 (300 steps
              of 4 stages), all cores. Writes DIR/two-replica-sweep-bench.json (default results/bench). About a minute
              on an idle 2-core machine. The pure-Java product (CHAOSLAB_BLAS=java) gives the same bits batched and one
              pair at a time; native dgemm rounds a column differently with the batch's width.
            """;

    record Options(int n, int points, double gMin, double gMax, double t, double warmup, double dt, int threads,
                   boolean analyzer, int waitIdle, Path out) {

        double[] gains() {
            return BenchArgs.linspace(gMin, gMax, points);
        }

        LyapunovSettings settings() {
            return new LyapunovSettings(dt, IntegratorKind.RK4, 1, 1.0, new LyapunovSettings.Warmup(warmup, warmup), t, 1, threads);
        }
    }

    /**
     * One way of running the sweep.
     *
     * @param how         batched, one pair at a time, or the analyzer per point
     * @param seconds     wall time of the integration of all K points
     * @param gflops      2N²·(columns)·(4 stages)·(steps) / seconds: the rate of the state's products (the analyzer's
     *                    tangent column and QR not counted)
     * @param lambda      per gain, the two-replica λ_max it measured
     * @param foreignLoad the share of the CPUs other processes took meanwhile
     */
    record Mode(String how, double seconds, double gflops, double[] lambda, double foreignLoad) {
    }

    record Report(RunMetadata metadata, Options options, double[] gains, Mode batched, Mode onePairAtATime, Mode analyzer,
                  double speedupOverOnePair, double speedupOverAnalyzer, double maxDifferenceOnePair) {
    }

    private TwoReplicaSweepBench() {
    }

    static void main(String[] args, PrintStream out, PrintStream log) throws Exception {
        BenchCommand.main(args, out, log, USAGE, TwoReplicaSweepBench::parse, TwoReplicaSweepBench::run,
                TwoReplicaSweepBench::print, BenchCommand.json(Options::out, "two-replica-sweep-bench.json"));
    }

    /** @return null for --help */
    static Options parse(String[] args) {
        int n = 2000;
        int points = 8;
        double gMin = 1.5;
        double gMax = 3.5;
        double t = 20;
        double warmup = 5;
        double dt = 0.1;
        boolean analyzer = true;
        BenchArgs a = new BenchArgs(args, "--threads", "--wait-idle", "--out");
        while (a.next()) {
            switch (a.option()) {
                case "--two-replica" -> { }
                case "--n" -> n = a.positive();
                case "--points" -> points = a.positive();
                case "--g-min" -> gMin = a.number();
                case "--g-max" -> gMax = a.number();
                case "--t" -> t = a.number();
                case "--warmup" -> warmup = a.number();
                case "--dt" -> dt = a.number();
                case "--no-analyzer" -> analyzer = false;
                default -> a.shared();
            }
        }
        if (a.help()) {
            return null;
        }
        BenchArgs.size(n);
        BenchArgs.gainRange(gMin, gMax);
        Options o = new Options(n, points, gMin, gMax, t, warmup, dt, a.threadsWithinCores(), analyzer, a.waitIdle(), a.out());
        o.settings();   // validated as the estimator validates it (t, dt, warm-up)
        return o;
    }

    static Report run(Options o, PrintStream log) throws Exception {
        LyapunovSettings s = o.settings();
        log.printf(Locale.ROOT, "chaoslab bench sweep --two-replica: N = %d, %d gains in [%s, %s], RK4 dt = %s, warm-up %s + %s, "
                        + "T = %s, %d threads (%s)%n", o.n(), o.points(), BenchMain.fmt(o.gMin()), BenchMain.fmt(o.gMax()),
                BenchMain.fmt(o.dt()), BenchMain.fmt(o.warmup()), BenchMain.fmt(o.warmup()), BenchMain.fmt(o.t()), o.threads(),
                Blas.backend());
        GainBatch batch = new GainBatch(RateNetwork.scs(o.n(), 1.0, new TransferFunctions.Tanh()), o.gains());
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 1, o.threads());
        // JIT warm-up: both shapes, a few time units
        LyapunovSettings shortRun = s.withWarmup(1, 1).withDuration(4);
        TwoReplicaBatch.run(unit, batch, shortRun, ProgressListener.NONE);
        TwoReplicaBatch.run(unit, new GainBatch(batch.network(), new double[] {o.gMin()}), shortRun, ProgressListener.NONE);

        // the times are the runs' own integration times (TwoReplicaBatchRun.wallSeconds), the loads the phases'
        BenchPhase<TwoReplicaBatchRun> b = BenchPhase.run(o.waitIdle(), log, String.format(Locale.ROOT,
                "batched: %d pairs in one state ...", o.points()), () -> TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE));
        Mode batched = mode(o, "batched: " + 2 * o.points() + " columns per product", b.result().wallSeconds(),
                lambdas(b.result()), b.foreignLoad());

        double[] single = new double[o.points()];
        BenchPhase<Double> pairs = BenchPhase.run(o.waitIdle(), log, "one trajectory pair at a time ...", () -> {
            double seconds = 0;
            for (int k = 0; k < o.points(); k++) {
                TwoReplicaBatchRun one = TwoReplicaBatch.run(unit, new GainBatch(batch.network(), new double[] {batch.gain(k)}),
                        s, ProgressListener.NONE);
                seconds += one.wallSeconds();
                single[k] = one.point(0).lambda();
            }
            return seconds;
        });
        Mode onePair = mode(o, "one pair at a time: 2 columns per product, " + o.points() + " runs", pairs.result(), single,
                pairs.foreignLoad());

        Mode analyzer = null;
        if (o.analyzer()) {
            LyapunovAnalyzer.spectrum(unit, shortRun, ProgressListener.NONE);   // its JIT warm-up, before the phase
            // timed as a whole (System.nanoTime around the K analyzer runs)
            BenchPhase<double[]> a = BenchPhase.run(o.waitIdle(), log, "the analyzer with k = 1, one point at a time ...", () -> {
                double[] lambda = new double[o.points()];
                for (int k = 0; k < o.points(); k++) {
                    lambda[k] = LyapunovAnalyzer.spectrum(scaled(unit, batch, k), s, ProgressListener.NONE).twoReplica().lambda()
                            .value();
                }
                return lambda;
            });
            analyzer = mode(o, "analyzer, k = 1 (x, x', one tangent vector, QR every t-ons), one point at a time", a.seconds(),
                    a.result(), a.foreignLoad());
        }
        double maxDiff = 0;
        for (int k = 0; k < o.points(); k++) {
            maxDiff = Math.max(maxDiff, Math.abs(batched.lambda()[k] - single[k]));
        }
        return new Report(BenchMain.metadata(o.threads()), o, o.gains(), batched, onePair, analyzer,
                onePair.seconds() / batched.seconds(), analyzer == null ? Double.NaN : analyzer.seconds() / batched.seconds(),
                maxDiff);
    }

    /** Point k's network g_k·J₁ as its own realization (the analyzer's input; the draw at g_k would round otherwise). */
    private static RealizedRateNetwork scaled(RealizedRateNetwork unit, GainBatch batch, int k) {
        double[] j = ((org.chaoslab.linalg.Float64Matrix) unit.couplings()).rowMajor().clone();
        for (int i = 0; i < j.length; i++) {
            j[i] *= batch.gain(k);
        }
        return new RealizedRateNetwork(batch.network(k), new org.chaoslab.linalg.Float64Matrix(unit.network().size(), j),
                unit.input(), unit.seed());
    }

    private static double[] lambdas(TwoReplicaBatchRun run) {
        return run.points().stream().mapToDouble(p -> p.lambda()).toArray();
    }

    private static Mode mode(Options o, String how, double seconds, double[] lambda, double load) {
        LyapunovSettings s = o.settings();
        double steps = s.transientSteps() + (s.warmupWindows() + s.windows()) * (double) s.onsSteps();
        double flops = 2.0 * o.n() * (double) o.n() * 2 * o.points() * 4 * steps;
        return new Mode(how, seconds, flops / seconds * 1e-9, lambda, load);
    }

    static void print(Report r, PrintStream out) {
        var m = r.metadata();
        Options o = r.options();
        out.println();
        out.printf(Locale.ROOT, "chaoslab bench sweep --two-replica %s — lambda_max by two replicas over %d gains in [%s, %s], "
                        + "N = %d, tanh, RK4 dt = %s, warm-up %s + %s, T = %s%n", m.extra().get("date"), o.points(),
                BenchMain.fmt(o.gMin()), BenchMain.fmt(o.gMax()), o.n(), BenchMain.fmt(o.dt()), BenchMain.fmt(o.warmup()),
                BenchMain.fmt(o.warmup()), BenchMain.fmt(o.t()));
        out.printf(Locale.ROOT, "machine : %s, %d cores; %s %s; %s; %d threads%n", m.extra().get("cpu"), m.cores(), m.javaVendor(),
                m.javaVersion(), m.extra().get("blas"), o.threads());
        out.println();
        out.println("| how | seconds | GFLOP/s (state products) | other load |");
        out.println("|---|---:|---:|---:|");
        for (Mode mode : new Mode[] {r.batched(), r.onePairAtATime(), r.analyzer()}) {
            if (mode != null) {
                out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %.0f %% |%n", mode.how(), mode.seconds(), mode.gflops(),
                        100 * mode.foreignLoad());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "batched vs one pair at a time: %.2fx faster (max |lambda difference| %.1e: %s)%n",
                r.speedupOverOnePair(), r.maxDifferenceOnePair(), r.maxDifferenceOnePair() == 0
                        ? "the same bits, as the pure-Java product promises" : "rounding of the product's width");
        if (r.analyzer() != null) {
            out.printf(Locale.ROOT, "batched vs the analyzer per point (k = 1): %.2fx faster%n", r.speedupOverAnalyzer());
        }
        out.println("lambda_max per gain (batched; the analyzer's pair on g*J1 differs by rounding grown like e^{lambda t}):");
        for (int k = 0; k < r.gains().length; k++) {
            out.printf(Locale.ROOT, "  g = %.3f: %.5f%s%n", r.gains()[k], r.batched().lambda()[k],
                    r.analyzer() == null ? "" : String.format(Locale.ROOT, " (analyzer %.5f)", r.analyzer().lambda()[k]));
        }
        out.println("other load: the share of the CPUs other processes took during that phase; above ~5 % the times are "
                + "pessimistic.");
    }
}

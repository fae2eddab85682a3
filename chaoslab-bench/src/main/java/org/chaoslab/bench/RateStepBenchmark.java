package org.chaoslab.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH view of one Euler step of the rate simulator (ms per step) and of its matrix product alone.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp chaoslab-bench.jar org.openjdk.jmh.Main RateStep
 * java --add-modules jdk.incubator.vector -cp chaoslab-bench.jar org.openjdk.jmh.Main RateStep -p n=8000 -p precision=FLOAT32
 * </pre>
 * {@code eulerStep} runs {@value #STEPS} steps through {@link RateSimulator} per invocation, so
 * that the per-run set-up (a pool thread start, the initial state) is amortized; at N = 8000 one
 * invocation lasts 10–20 s. {@code product} times
 * {@link CouplingMatrix#multiply} alone, the same threads. Set {@code OPENBLAS_NUM_THREADS=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class RateStepBenchmark {

    static final int STEPS = 1000;

    @Param({"500", "2000"})
    public int n;

    @Param({"FLOAT64", "FLOAT32"})
    public String precision;

    /** M; above 1 the product is one dgemm per row block. */
    @Param({"1"})
    public int replicas;

    private RealizedRateNetwork realized;
    private RateSimulation settings;

    @Setup(Level.Trial)
    public void setUp() {
        realized = draw(n, precision);
        settings = RateSimulation.of(SimulatorTiming.DT, STEPS * SimulatorTiming.DT, 0.0, SimulatorTiming.SEED)
                .withReplicas(replicas).withThreads(threads()).withIntegrator(IntegratorKind.EULER);
    }

    /** One Euler step: φ (Vector API tanh), product, update, divergence check. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public RateRun eulerStep() {
        return RateSimulator.run(realized, settings, List.of(), ProgressListener.NONE);
    }

    /** The product Jφ alone, on a pool of its own (created only for this benchmark). */
    @Benchmark
    public double[] product(Product p) {
        p.couplings.multiply(p.rates, p.out, p.replicas, p.pool);
        return p.out;
    }

    /** State of {@link #product}: the matrix, rates in [−1, 1], a pool. */
    @State(Scope.Benchmark)
    public static class Product {
        CouplingMatrix couplings;
        ParallelRows pool;
        double[] rates;
        double[] out;
        int replicas;

        @Setup(Level.Trial)
        public void setUp(RateStepBenchmark b) {
            couplings = draw(b.n, b.precision).couplings();
            replicas = b.replicas;
            pool = new ParallelRows(threads());
            rates = new double[b.n * replicas];
            out = new double[b.n * replicas];
            SplittableRandom rng = new SplittableRandom(1);
            for (int k = 0; k < rates.length; k++) {
                rates[k] = Math.tanh(rng.nextGaussian());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    static RealizedRateNetwork draw(int n, String precision) {
        RateNetwork net = RateNetwork.scs(n, SimulatorTiming.GAIN, new TransferFunctions.Tanh());
        net = net.withCouplings(net.couplings().withPrecision(Precision.valueOf(precision)));
        return RealizedRateNetwork.draw(net, SimulatorTiming.SEED, threads());
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}

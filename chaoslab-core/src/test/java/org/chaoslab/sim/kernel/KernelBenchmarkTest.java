package org.chaoslab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.chaoslab.linalg.Blas;
import org.chaoslab.model.Precision;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark note of the batched simulator: 100 steps of 1024 stimuli × 2 trials at N = 2000 (rate sync tanh in
 * float64 and float32, binary sync with the sgemm and the column-sum fields), and the achieved GFLOP/s counted as
 * 2·N²·columns per step. Runs only with {@code -Dchaoslab.kernelBench=true} (minutes); prints, asserts nothing
 * beyond completion.
 */
@Tag("slow")
class KernelBenchmarkTest {

    @Test
    void stepsOfTwoThousandColumns() {
        assumeTrue(Boolean.getBoolean("chaoslab.kernelBench"), "set -Dchaoslab.kernelBench=true to run");
        int n = Integer.getInteger("chaoslab.kernelBench.n", 2000);
        int p = Integer.getInteger("chaoslab.kernelBench.p", 1024);
        int steps = Integer.getInteger("chaoslab.kernelBench.steps", 100);
        int threads = Integer.getInteger("chaoslab.kernelBench.threads", Runtime.getRuntime().availableProcessors());
        Stimuli circle = Stimuli.Circle.equallySpaced(p, 1.0);
        ResponseProtocol protocol = ResponseProtocol.transientAt(2, steps);
        System.out.printf("N = %d, columns = %d, %d steps, %d threads, %s%n", n, 2 * p, steps, threads, Blas.backend());
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        String only = System.getProperty("chaoslab.kernelBench.only", "");
        record Case(String name, StimulusNetwork net, BinaryFieldKernel kernel) { }
        for (Case c : List.of(
                new Case("rate-sync tanh float64", StimulusNetwork.rateSync(n, 2.0, new TransferFunctions.Tanh(), 0.0), null),
                new Case("rate-sync tanh float32", StimulusNetwork.rateSync(n, 2.0, new TransferFunctions.Tanh(), 0.0)
                        .withPrecision(Precision.FLOAT32), null),
                new Case("binary-sync sgemm", StimulusNetwork.binarySync(n, 1.0, 0.5), BinaryFieldKernel.SGEMM),
                new Case("binary-sync column-sum", StimulusNetwork.binarySync(n, 1.0, 0.5), BinaryFieldKernel.COLUMN_SUM))) {
            if (!only.isEmpty() && !c.name().contains(only)) {
                continue;
            }
            BinaryFieldKernel k = c.kernel() == null ? BinaryFieldKernel.preferred() : c.kernel();
            // warm-up: the JIT compiles the vector kernels during the first steps
            KernelSimulator.run(c.net(), circle, ResponseProtocol.transientAt(2, 3), 1, threads, List.of(),
                    ProgressListener.NONE, k, true);
            long cpu0 = os.getProcessCpuTime();
            ResponseRun run = KernelSimulator.run(c.net(), circle, protocol, 1, threads, List.of(), ProgressListener.NONE, k,
                    true);
            double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
            double perStep = run.wallSeconds() / run.steps();
            double gflops = 2.0 * n * (double) n * 2 * p / perStep * 1e-9;
            System.out.printf("%-24s %7.2f s wall %7.1f ms/step %6.1f GFLOP/s (2N²·cols) | %7.2f CPU-s, %7.1f CPU-ms/step,"
                            + " %5.1f GFLOP/s per core [%s] load %.1f%n", c.name(), run.wallSeconds(), 1e3 * perStep, gflops,
                    cpu, 1e3 * cpu / run.steps(), 2.0 * n * (double) n * 2 * p * run.steps() / cpu * 1e-9, run.fieldKernel(),
                    os.getSystemLoadAverage());
            assertThat(run.steps()).isEqualTo(steps);
        }
    }
}

package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.chaoslab.linalg.Blas;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.api.Test;

class LyapunovAnalyzerTest {

    private static final LyapunovSettings.Warmup WARM = new LyapunovSettings.Warmup(20, 10);

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // k = 150 > 2 panels of 32 and several column blocks: exercises the tiled product and the parallel QR
        RealizedRateNetwork r = RealizedRateNetwork.draw(RateNetwork.scs(200, 2.5, new TransferFunctions.Tanh()), 3, 1);
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.EULER, 150, 0.5, WARM, 10, 4, 1);
        LyapunovSpectrum one = LyapunovAnalyzer.spectrum(r, s, ProgressListener.NONE);
        LyapunovSpectrum three = LyapunovAnalyzer.spectrum(r, s.withThreads(3), ProgressListener.NONE);
        assertSame(three.exponents(), one.exponents());
        assertSame(new double[] {three.twoReplica().lambda().value(), three.meanJacobianTrace().value()},
                new double[] {one.twoReplica().lambda().value(), one.meanJacobianTrace().value()});
        // and RK4 with a few exponents (row-tiled product)
        LyapunovSettings rk = s.withIntegrator(IntegratorKind.RK4).withK(3);
        assertSame(LyapunovAnalyzer.spectrum(r, rk.withThreads(2), ProgressListener.NONE).exponents(),
                LyapunovAnalyzer.spectrum(r, rk, ProgressListener.NONE).exponents());
    }

    /**
     * Bit-identical with either backend: native OpenBLAS, and the scalar pure-Java BLAS chosen by {@link Blas}
     * because its arithmetic is the same interpreted and JIT-compiled (netlib's VectorBLAS was not: its lane
     * reductions made this test fail by 1.2e-9 on machines without native BLAS).
     */
    private static void assertSame(double[] actual, double[] expected) {
        assertThat(actual).as("backend %s", Blas.backend()).isEqualTo(expected);
    }

    @Test
    void seedsSeparateNetworkInitialConditionAndOrthonormalSystem() {
        RateNetwork net = RateNetwork.scs(100, 2.0, new TransferFunctions.Tanh());
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.EULER, 2, 1.0, WARM, 20, 4, 1);
        LyapunovSpectrum a = LyapunovAnalyzer.spectrum(net, 1, s, ProgressListener.NONE);
        assertThat(a.seeds().networkSeed()).isEqualTo(1);
        assertThat(a.seeds().couplings()).isEqualTo("1/couplings/<row>");
        assertThat(a.seeds().initial()).isEqualTo("4/initial/0");
        assertThat(a.seeds().ons()).isEqualTo("4/ons");
        assertThat(a.seeds().replica()).isEqualTo("4/replica");
        // same network, other run seed: other numbers; same everything: the same numbers
        assertThat(LyapunovAnalyzer.spectrum(net, 1, s.withSeed(5), ProgressListener.NONE).exponents()).isNotEqualTo(a.exponents());
        assertThat(LyapunovAnalyzer.spectrum(net, 1, s, ProgressListener.NONE).exponents()).isEqualTo(a.exponents());
    }

    @Test
    void reportsShapesConvergenceAndProgress() {
        RealizedRateNetwork r = RealizedRateNetwork.draw(RateNetwork.scs(80, 2.0, new TransferFunctions.Tanh()), 2, 1);
        // 1200 ONS intervals → downsampled to ≤ 500 convergence points (stride 3 → 400)
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.EULER, 5, 0.2, WARM, 240, 4, 1);
        AtomicLong last = new AtomicLong();
        LyapunovSpectrum spec = LyapunovAnalyzer.spectrum(r, s, (done, total) -> {
            assertThat(done).isGreaterThanOrEqualTo(last.get()).isLessThanOrEqualTo(total);
            last.set(done);
        });
        assertThat(spec.k()).isEqualTo(5);
        assertThat(spec.convergenceTimes()).hasSize(400);
        assertThat(spec.convergenceTimes()[399]).isEqualTo(spec.accumulationTime());
        assertThat(spec.convergence()).hasSize(400 * 5);
        // the last convergence point is the final estimate
        for (int i = 0; i < 5; i++) {
            assertThat(spec.convergenceOf(i)[399]).isEqualTo(spec.exponents()[i]);
        }
        assertThat(spec.batches()).isEqualTo(20);
        for (double c : spec.confidence()) {
            assertThat(c).isPositive();
        }
        assertThat(spec.cost().orthonormalizations()).isEqualTo(1 + 50 + 1200);
        assertThat(last.get()).isEqualTo(spec.cost().steps());
        assertThat(spec.cost().steps()).isEqualTo(200 + 100 + 2400);
    }

    @Test
    void rejectsMoreExponentsThanUnitsAndUnboundedDynamics() {
        RealizedRateNetwork r = RealizedRateNetwork.draw(RateNetwork.scs(10, 2.0, new TransferFunctions.Tanh()), 2, 1);
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.EULER, 11, 1.0, WARM, 20, 4, 1);
        assertThatThrownBy(() -> LyapunovAnalyzer.spectrum(r, s, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k (number of exponents) must be <= n = 10");
        // linear network with g = 3: x grows like e^{2t} and overflows
        RealizedRateNetwork lin = RealizedRateNetwork.draw(RateNetwork.scs(50, 3.0, new TransferFunctions.Linear()), 2, 1);
        LyapunovSettings grow = new LyapunovSettings(0.1, IntegratorKind.EULER, 2, 1.0, new LyapunovSettings.Warmup(500, 0), 20, 4, 1);
        assertThatThrownBy(() -> LyapunovAnalyzer.spectrum(lin, grow, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("diverged").hasMessageContaining("t = ");
    }

    @Test
    void settingsValidationNamesTheParameter() {
        var w = WARM;
        assertThatThrownBy(() -> new LyapunovSettings(0, IntegratorKind.RK4, 1, 1, w, 10, 1, 1)).hasMessageStartingWith("dt ");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, null, 1, 1, w, 10, 1, 1)).hasMessageStartingWith("integrator ");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 0, 1, w, 10, 1, 1)).hasMessageStartingWith("k ");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 0.05, w, 10, 1, 1)).hasMessageStartingWith("t-ons ");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1, w, 1.2, 1, 1)).hasMessageStartingWith("t (accumulation");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1, w, 10, 1, 0)).hasMessageStartingWith("threads ");
        assertThatThrownBy(() -> new LyapunovSettings.Warmup(-1, 0)).hasMessageStartingWith("warmup (state");
        assertThatThrownBy(() -> new LyapunovSettings.Warmup(0, Double.NaN)).hasMessageStartingWith("warmup (orthonormal");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1, w, 10, 1, 1).withBatches(1))
                .hasMessageStartingWith("batches ");
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1, w, 10, 1, 1).withReplica(0.01, 1e-8))
                .hasMessageStartingWith("t-renorm ");
        // messages are one line
        assertThatThrownBy(() -> new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1, w, 1.2, 1, 1)).message().doesNotContain("\n");
        LyapunovSettings ok = new LyapunovSettings(0.1, IntegratorKind.RK4, 3, 0.97, w, 10, 1, 1);
        assertThat(ok.onsSteps()).isEqualTo(10); // t_ONS rounded to whole steps
        assertThat(ok.windows()).isEqualTo(10);
        assertThat(ok.tRenorm()).isEqualTo(0.97);
    }
}

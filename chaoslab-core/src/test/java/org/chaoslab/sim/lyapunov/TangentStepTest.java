package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TangentStepTest {

    /** A small partially symmetric network with per-unit input: every feature the tangent code must handle. */
    private static RealizedRateNetwork network(int n, TransferFunction phi, long seed) {
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = 0.3 * Math.sin(i + 1.0);
        }
        RateNetwork net = new RateNetwork(n, new Couplings(2.0, 0.5, 0.4, false, Precision.FLOAT64), phi,
                new ExternalInput.PerUnit(in));
        return RealizedRateNetwork.draw(net, seed, 1);
    }

    private static double[] randomState(int n, long seed) {
        ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(seed).child("x").gaussian();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 * z.sample();
        }
        return x;
    }

    /** One step of the state alone from x (through the same code as the analyzer's transient). */
    private static double[] stepState(RealizedRateNetwork r, IntegratorKind kind, double dt, double[] x, ParallelRows pool) {
        int n = x.length;
        TangentSystem sys = new TangentSystem(LyapunovAnalyzer.float64(r.couplings()), n, 1, r.network().transfer(),
                r.input(), kind, dt, pool);
        System.arraycopy(x, 0, sys.s, 0, n);
        sys.step(false);
        double[] out = new double[n];
        System.arraycopy(sys.s, 0, out, 0, n);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"EULER, tanh", "EXPONENTIAL_EULER, tanh", "RK4, tanh", "RK4, sigmoid", "EULER, erf", "RK4, custom:tanh:1.5:0.2"})
    void tangentStepIsTheJacobianOfTheStepMap(IntegratorKind kind, String phiName) {
        int n = 12;
        double dt = 0.3; // a large step, so that a wrong stage (e.g. Q stages at the step-start state) shows up
        RealizedRateNetwork r = network(n, TransferFunctions.parse(phiName), 3);
        double[] x = randomState(n, 4);
        try (ParallelRows pool = new ParallelRows(2)) {
            // tangent step from Q = I (k = N, no re-orthonormalization): Q becomes the step Jacobian M(x)
            TangentSystem sys = new TangentSystem(LyapunovAnalyzer.float64(r.couplings()), n, n, r.network().transfer(),
                    r.input(), kind, dt, pool);
            System.arraycopy(x, 0, sys.s, 0, n);
            System.arraycopy(x, 0, sys.s, n, n);
            for (int c = 0; c < n; c++) {
                sys.s[(2 + c) * n + c] = 1.0;
            }
            sys.step(true);
            double h = 1e-5;
            double maxErr = 0;
            for (int c = 0; c < n; c++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] fp = stepState(r, kind, dt, xp, pool);
                double[] fm = stepState(r, kind, dt, xm, pool);
                for (int i = 0; i < n; i++) {
                    double fd = (fp[i] - fm[i]) / (2 * h);
                    maxErr = Math.max(maxErr, Math.abs(fd - sys.s[(2 + c) * n + i]));
                }
            }
            // central differences: truncation h²/6·|f‴| ~ 1e-10, round-off ε/h ~ 1e-11; a wrong Jacobian
            // (e.g. RK4 Q stages at the step-start state) is off by O(dt²) ~ 1e-2
            assertThat(maxErr).isLessThan(1e-7);
            // the state column of the full step equals the state-only step
            double[] alone = stepState(r, kind, dt, x, pool);
            for (int i = 0; i < n; i++) {
                assertThat(sys.s[i]).isCloseTo(alone[i], within(1e-13));
                assertThat(sys.s[n + i]).isCloseTo(alone[i], within(1e-13)); // x′ = x here
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IntegratorKind.class)
    void stateFollowsTheSimulatorTrajectory(IntegratorKind kind) {
        // same network, same initial stream seed/initial/0: the trajectories differ only by the summation order
        // of the products (SIMD dot vs dgemm); over t = 3 (below the Lyapunov time ~10 at g = 2) they agree to
        // round-off·e^{λt} — 1e-9 leaves a wide margin
        int n = 300;
        RateNetwork net = RateNetwork.scs(n, 2.0, new TransferFunctions.Tanh()).withInput(new ExternalInput.Constant(0.2));
        RealizedRateNetwork r = RealizedRateNetwork.draw(net, 11, 2);
        RateSimulation sim = new RateSimulation(0.05, 3.0, 0.0, kind, 1, 12, 1.0, 2);
        RateRun run = RateSimulator.run(r, sim, List.of(), ProgressListener.NONE);
        try (ParallelRows pool = new ParallelRows(2)) {
            TangentSystem sys = new TangentSystem(LyapunovAnalyzer.float64(r.couplings()), n, 2, net.transfer(), r.input(),
                    kind, 0.05, pool);
            ZigguratSampler.NormalizedGaussian z = StreamSeeds.of(12).child(StreamSeeds.INITIAL).child(0).gaussian();
            for (int i = 0; i < n; i++) {
                sys.s[i] = z.sample();
            }
            for (int s = 0; s < 60; s++) {
                sys.step(false);
            }
            for (int i = 0; i < n; i++) {
                assertThat(sys.s[i]).isCloseTo(run.finalState()[i], within(1e-9));
            }
        }
    }
}

package org.chaoslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateRun;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.sim.record.PopulationMoments;
import org.junit.jupiter.api.Test;

class RateSimulatorTest {

    private static double[] finalState(RateNetwork net, RateSimulation s) {
        RateRun run = RateSimulator.run(net, s, List.of(), ProgressListener.NONE);
        assertThat(run.completed()).isTrue();
        return run.finalState();
    }

    @Test
    void sameSeedSameResultForAnyThreadCount() {
        RateNetwork net = RateNetwork.scs(700, 2.0, new TransferFunctions.Tanh());
        RateSimulation s = RateSimulation.of(0.05, 20, 5, 9);
        assertThat(finalState(net, s.withThreads(2))).isEqualTo(finalState(net, s.withThreads(1)));
        // batched replicas (BLAS gemm path) too
        RateSimulation batch = s.withReplicas(3);
        assertThat(finalState(net, batch.withThreads(2))).isEqualTo(finalState(net, batch.withThreads(1)));
        // float32 storage
        RateNetwork f32 = net.withCouplings(net.couplings().withPrecision(Precision.FLOAT32));
        assertThat(finalState(f32, s.withThreads(2))).isEqualTo(finalState(f32, s.withThreads(1)));
    }

    /**
     * Recorders run at the start of the next step (once φ(x) is evaluated for it) and read the state that step starts
     * from: the trace of every unit at step k equals the final state of a run of k steps, for Euler and RK4 and on one
     * or two threads (checked to fail when the recording runs after the update).
     */
    @Test
    void recordersSeeTheStateOfTheirStep() {
        int n = 300;
        RateNetwork net = RateNetwork.scs(n, 2.0, new TransferFunctions.Tanh());
        for (var kind : new org.chaoslab.sim.rate.IntegratorKind[] {org.chaoslab.sim.rate.IntegratorKind.EULER,
                org.chaoslab.sim.rate.IntegratorKind.RK4}) {
            for (int threads : new int[] {1, 2}) {
                RateSimulation s = RateSimulation.of(0.1, 4.0, 0.3, 11).withIntegrator(kind).withThreads(threads);
                org.chaoslab.sim.record.UnitTraces traces = org.chaoslab.sim.record.UnitTraces.firstUnits(n, n, 1);
                RateRun run = RateSimulator.run(net, s, List.of(traces), ProgressListener.NONE);
                double[] values = traces.values();
                int samples = values.length / n;
                assertThat(samples).isEqualTo(40);
                for (int k : new int[] {1, 17, 40}) {
                    double[] reference = finalState(net, RateSimulation.of(0.1, 0.1 * k, 0.3, 11).withIntegrator(kind)
                            .withThreads(threads));
                    assertThat(java.util.Arrays.copyOfRange(values, (k - 1) * n, k * n))
                            .as("%s, %d threads, step %d", kind, threads, k).isEqualTo(reference);
                }
                assertThat(java.util.Arrays.copyOfRange(values, (samples - 1) * n, samples * n)).isEqualTo(run.finalState());
            }
        }
    }

    @Test
    void identicalFromColdStartToCompiledCode() {
        // the first runs execute interpreted and C1 code, later ones C2 code: every kernel must round the same way
        RateNetwork net = RateNetwork.scs(300, 2.0, new TransferFunctions.Tanh());
        RateSimulation s = RateSimulation.of(0.05, 10, 0, 5);
        double[] first = finalState(net, s.withThreads(1));
        for (int rep = 0; rep < 6; rep++) {
            assertThat(finalState(net, s.withThreads(1 + rep % 2))).isEqualTo(first);
            assertThat(finalState(net, s.withReplicas(2).withThreads(1 + rep % 2))).startsWith(java.util.Arrays.copyOf(
                    finalState(net, s.withReplicas(2).withThreads(1)), 600));
        }
    }

    @Test
    void replicaZeroOfABatchFollowsTheSingleTrajectory() {
        // same couplings and same initial stream initial/0; only the summation order of the product differs,
        // so over a short time (t = 3, below the Lyapunov time ~10 at g = 2) the trajectories agree to round-off·e^{λt}
        RateNetwork net = RateNetwork.scs(400, 2.0, new TransferFunctions.Tanh());
        RateSimulation s = RateSimulation.of(0.05, 3, 0, 4);
        double[] single = finalState(net, s);
        double[] batch = finalState(net, s.withReplicas(4));
        for (int i = 0; i < 400; i++) {
            assertThat(batch[i]).isCloseTo(single[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        // the other replicas start elsewhere
        assertThat(batch[400]).isNotEqualTo(batch[0]);
    }

    @Test
    void integratorsConvergeWithTheirOrder() {
        // linear network with g = 0.5: smooth, stable; reference by RK4 at dt = 1e-3 (error ~1e-13)
        RateNetwork net = RateNetwork.scs(60, 0.5, new TransferFunctions.Linear());
        RateSimulation base = RateSimulation.of(0.001, 2.0, 0, 3).withThreads(1);
        double[] ref = finalState(net, base.withIntegrator(IntegratorKind.RK4));
        double ratioEuler = error(net, base, IntegratorKind.EULER, 0.02, ref) / error(net, base, IntegratorKind.EULER, 0.01, ref);
        double ratioExp = error(net, base, IntegratorKind.EXPONENTIAL_EULER, 0.02, ref)
                / error(net, base, IntegratorKind.EXPONENTIAL_EULER, 0.01, ref);
        double ratioRk4 = error(net, base, IntegratorKind.RK4, 0.2, ref) / error(net, base, IntegratorKind.RK4, 0.1, ref);
        // halving dt divides a p-th order global error by 2^p, up to O(dt) corrections (~10% at these steps)
        assertThat(ratioEuler).isBetween(1.8, 2.2);
        assertThat(ratioExp).isBetween(1.8, 2.2);
        assertThat(ratioRk4).isBetween(14.0, 18.0);
    }

    private static double error(RateNetwork net, RateSimulation base, IntegratorKind kind, double dt, double[] ref) {
        RateSimulation s = new RateSimulation(dt, 2.0, 0, kind, 1, base.seed(), 1.0, 1);
        double[] x = finalState(net, s);
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            e = Math.max(e, Math.abs(x[i] - ref[i]));
        }
        return e;
    }

    @Test
    void belowTheTransitionActivityDecaysToTheFixedPointZero() {
        // g = 0.5 < g_c = 1: the Jacobian −1 + J has spectral abscissa ≈ −1 + g = −0.5, so |x| ~ e^{−0.5 t};
        // after t = 80, |x| ~ e^{−40}·O(1) ≈ 4e-18
        RateNetwork net = RateNetwork.scs(500, 0.5, new TransferFunctions.Tanh());
        double[] x = finalState(net, RateSimulation.of(0.1, 60, 20, 1));
        for (double v : x) {
            assertThat(Math.abs(v)).isLessThan(1e-12);
        }
    }

    @Test
    void divergenceStopsTheRunAndNamesTheStep() {
        // linear network with g = 3: growth rate ≈ g − 1 = 2, so sum |x| passes Divergence.STATE_LIMIT = 1e100 (beyond
        // which the recorders' squares would overflow) after t ≈ ln(1e100)/2 ≈ 115
        RateNetwork net = RateNetwork.scs(200, 3.0, new TransferFunctions.Linear());
        PopulationMoments moments = new PopulationMoments(1);
        RateRun run = RateSimulator.run(net, RateSimulation.of(0.1, 1000, 0, 2), List.of(moments), ProgressListener.NONE);
        assertThat(run.completed()).isFalse();
        Divergence d = run.divergence().orElseThrow();
        assertThat(d.step()).isBetween(800L, 2000L);
        assertThat(d.message()).contains("step " + d.step());
        // what was recorded before the divergence is kept
        assertThat(moments.times()).hasSize((int) run.recordedSteps());
        assertThat(run.recordedSteps()).isEqualTo(d.step() - 1);
    }

    @Test
    void realizationIsSharedAcrossRuns() {
        RateNetwork net = RateNetwork.scs(100, 1.5, new TransferFunctions.Tanh());
        RealizedRateNetwork r = RealizedRateNetwork.draw(net, 3, 2);
        RealizedRateNetwork again = RealizedRateNetwork.draw(net, 3, 1);
        assertThat(again.couplings().get(7, 9)).isEqualTo(r.couplings().get(7, 9));
        // a longer run does not change the couplings or the initial state: the first 10 time units agree
        RateRun shortRun = RateSimulator.run(r, RateSimulation.of(0.1, 10, 0, 3), List.of(), ProgressListener.NONE);
        PopulationMoments m = new PopulationMoments(100);
        RateSimulator.run(r, RateSimulation.of(0.1, 30, 0, 3), List.of(m), ProgressListener.NONE);
        double mean = 0;
        for (int i = 0; i < 100; i++) {
            mean += shortRun.finalState()[i];
        }
        assertThat(m.means()[0]).isCloseTo(mean / 100, org.assertj.core.data.Offset.offset(1e-12));
    }
}

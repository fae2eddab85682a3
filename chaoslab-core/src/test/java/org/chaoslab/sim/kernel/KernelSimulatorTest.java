package org.chaoslab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.Precision;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.sim.CouplingSampler;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

class KernelSimulatorTest {

    private static final Stimuli CIRCLE = Stimuli.Circle.equallySpaced(6, 1.0);

    private static StimulusResponses run(StimulusNetwork net, Stimuli s, ResponseProtocol protocol, long seed, int threads,
                                         BinaryFieldKernel kernel) {
        return KernelSimulator.run(net, s, protocol, seed, threads, ProgressListener.NONE, kernel);
    }

    private static void assertBitIdentical(StimulusResponses a, StimulusResponses b) {
        assertThat(a.snapshots()).hasSameSizeAs(b.snapshots());
        for (int k = 0; k < a.snapshots().size(); k++) {
            assertThat(a.snapshot(k).data()).isEqualTo(b.snapshot(k).data());
            assertThat(a.snapshot(k).time()).isEqualTo(b.snapshot(k).time());
        }
    }

    @Test
    void sameSeedGivesBitIdenticalResponsesForOneAndTwoThreads() {
        int n = 150;
        ResponseProtocol stationary = ResponseProtocol.stationary(2, 3, 2, 1);
        ResponseProtocol transientP = ResponseProtocol.transientDoubling(2, 3);
        List<StimulusNetwork> nets = List.of(
                StimulusNetwork.binarySync(n, 1.5, 0.3),
                StimulusNetwork.binarySync(n, 1.5, 0.3).withPrecision(Precision.FLOAT64),
                StimulusNetwork.glauber(n, 1.5, 0.3, 0.2, 1.0),
                StimulusNetwork.rateSync(n, 2.0, new TransferFunctions.Tanh(), 0.1),
                StimulusNetwork.rate(n, 2.0, new TransferFunctions.ScaledErf(), 0.1, 0.25).withPrecision(Precision.FLOAT32),
                StimulusNetwork.matchedRate(n, 1.5, 0.3, 0.5, 0.1, 1.0, 0.25),
                StimulusNetwork.balanced(BalancedNetwork.paper(120, 30, 20, 0.1)));
        for (StimulusNetwork net : nets) {
            for (ResponseProtocol protocol : List.of(stationary, transientP)) {
                for (BinaryFieldKernel kernel : BinaryFieldKernel.values()) {
                    StimulusResponses one = run(net, CIRCLE, protocol, 7, 1, kernel);
                    StimulusResponses two = run(net, CIRCLE, protocol, 7, 2, kernel);
                    assertBitIdentical(one, two);
                    assertThat(one.snapshots()).hasSize(protocol.recordings());
                }
            }
        }
    }

    @Test
    void binarySyncWithoutCouplingIsTheThresholdOfTheInput() {
        int n = 300;
        double b = 0.4;
        StimulusNetwork net = StimulusNetwork.binarySync(n, 0.0, b);
        double[] x = StimulusInputs.realize(CIRCLE, n, 3);
        for (BinaryFieldKernel kernel : BinaryFieldKernel.values()) {
            StimulusResponses r = run(net, CIRCLE, ResponseProtocol.stationary(3, 1, 3, 1), 3, 2, kernel);
            for (var snap : r.snapshots()) {
                for (int p = 0; p < CIRCLE.count(); p++) {
                    for (int t = 0; t < 3; t++) {
                        for (int i = 0; i < n; i++) {
                            // exact: J = 0 gives h = 0, n = Θ(x − b)
                            assertThat(snap.response(p, t, i)).isEqualTo(x[p * n + i] - b > 0 ? 1f : 0f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rateSyncWithoutCouplingIsPhiOfTheInput() {
        int n = 200;
        double input = -0.3;
        var phi = new TransferFunctions.Tanh();
        StimulusNetwork net = StimulusNetwork.rateSync(n, 0.0, phi, input);
        double[] x = StimulusInputs.realize(CIRCLE, n, 4);
        StimulusResponses r = run(net, CIRCLE, ResponseProtocol.transientAt(2, 1, 2, 5), 4, 2, BinaryFieldKernel.preferred());
        for (var snap : r.snapshots()) {
            for (int p = 0; p < CIRCLE.count(); p++) {
                for (int i = 0; i < n; i++) {
                    // exact: J = 0, so x_{t+1} = 0 + x(θ) + I and the response is (float) φ(x(θ) + I)
                    assertThat(snap.response(p, 1, i)).isEqualTo((float) phi.phi(x[p * n + i] + input));
                }
            }
        }
    }

    @Test
    void batchedRateProductEqualsNaivePerColumnReference() {
        int n = 97;   // not a multiple of any block or vector length
        var phi = new TransferFunctions.Tanh();
        StimulusNetwork net = StimulusNetwork.rateSync(n, 1.7, phi, 0.2).withMeanCoupling(0.5);
        ResponseProtocol protocol = ResponseProtocol.stationary(3, 0, 1, 1);
        StreamSeeds root = StreamSeeds.of(11);
        try (ParallelRows pool = new ParallelRows(2)) {
            var dyn = (RateColumnDynamics) KernelSimulator.realize(net, CIRCLE, protocol, root, pool, BinaryFieldKernel.preferred());
            CouplingMatrix j = CouplingSampler.sample(net.couplings(), n, root, pool);
            double[] in = StimulusInputs.realize(CIRCLE, n, root);
            double[] x0 = dyn.state().clone();
            dyn.advance(1);
            double[] x1 = dyn.state();
            double worst = 0;
            for (int c = 0; c < dyn.columns(); c++) {
                int p = c / 3;
                for (int i = 0; i < n; i++) {
                    double ref = 0.2 + in[p * n + i];
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += j.get(i, k) * phi.phi(x0[c * n + k]);
                    }
                    worst = Math.max(worst, Math.abs(x1[c * n + i] - (dot + ref)));
                }
            }
            // gemm and the naive loop sum 97 products |J φ| ≲ 0.2 in different orders: round-off ≲ 97·2⁻⁵³·20 ≈ 2e-13
            assertThat(worst).isLessThan(1e-12);
        }
    }

    @Test
    void binaryFieldKernelsEqualNaiveColumnSums() {
        int n = 203;
        StreamSeeds root = StreamSeeds.of(12);
        ResponseProtocol protocol = ResponseProtocol.stationary(5, 0, 1, 1);
        for (Precision precision : Precision.values()) {
            for (BinaryFieldKernel kernel : BinaryFieldKernel.values()) {
                StimulusNetwork net = StimulusNetwork.binarySync(n, 1.3, 0.2).withMeanCoupling(-0.7).withPrecision(precision);
                try (ParallelRows pool = new ParallelRows(2)) {
                    var dyn = (BinarySyncDynamics) KernelSimulator.realize(net, CIRCLE, protocol, root, pool, kernel);
                    CouplingMatrix j = CouplingSampler.sample(net.couplings(), n, root, pool);
                    float[] state = new float[dyn.columns() * n];
                    dyn.copyResponses(state);
                    double[] h = dyn.currentFields();
                    for (int c = 0; c < dyn.columns(); c++) {
                        for (int i = 0; i < n; i++) {
                            double ref = 0;
                            double abs = 0;
                            int m = 0;
                            for (int k = 0; k < n; k++) {
                                if (state[c * n + k] != 0f) {
                                    ref += j.get(i, k);
                                    abs += Math.abs(j.get(i, k));
                                    m++;
                                }
                            }
                            // recursive float summation: |error| ≤ m·u·Σ|J| with u = 2⁻²⁴ (Higham, Accuracy and
                            // Stability, §4.2); float64 couplings: the same with u = 2⁻⁵³
                            double u = precision == Precision.FLOAT32 ? 0x1p-24 : 0x1p-53;
                            assertThat(Math.abs(h[c * n + i] - ref)).isLessThanOrEqualTo(m * u * abs + 1e-300);
                        }
                    }
                }
            }
        }
    }

    @Test
    void transientAtZeroSeparationKeepsTrialsIdentical() {
        // same stimulus, same initial state, deterministic synchronous map: the trials of a stimulus never separate
        int n = 400;
        StimulusNetwork net = StimulusNetwork.binarySync(n, 2.0, 0.2);
        StimulusResponses r = run(net, CIRCLE, ResponseProtocol.transientDoubling(3, 5), 5, 2, BinaryFieldKernel.preferred());
        int differ = 0;
        for (var snap : r.snapshots()) {
            for (int p = 0; p < CIRCLE.count(); p++) {
                for (int t = 1; t < 3; t++) {
                    for (int i = 0; i < n; i++) {
                        assertThat(snap.response(p, t, i)).isEqualTo(snap.response(p, 0, i));
                    }
                }
                for (int i = 0; i < n; i++) {
                    differ += snap.response(p, 0, i) != snap.response(0, 0, i) ? 1 : 0;
                }
            }
        }
        assertThat(differ).as("different stimuli give different responses").isGreaterThan(0);
    }

    @Test
    void stationaryTrialsStartFromDifferentStatesAndTransientGlauberTrialsSeparate() {
        int n = 300;
        StimulusResponses st = run(StimulusNetwork.binarySync(n, 2.0, 0.2), CIRCLE, ResponseProtocol.stationary(2, 0, 1, 1),
                6, 1, BinaryFieldKernel.preferred());
        assertThat(st.snapshot(0).data()).isNotEqualTo(null);
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff += st.snapshot(0).response(0, 0, i) != st.snapshot(0).response(0, 1, i) ? 1 : 0;
        }
        // independent Bernoulli(½) initial states differ in about N/2 units (binomial sd ≈ 9)
        assertThat(diff).isBetween(100, 200);
        StimulusResponses gl = run(StimulusNetwork.glauber(n, 2.0, 0.2, 0.0, 1.0), CIRCLE, ResponseProtocol.transientAt(2, 0, 2),
                6, 1, BinaryFieldKernel.preferred());
        for (int i = 0; i < n; i++) {
            assertThat(gl.snapshot(0).response(1, 0, i)).isEqualTo(gl.snapshot(0).response(1, 1, i));
        }
        int glDiff = 0;
        for (int i = 0; i < n; i++) {
            glDiff += gl.snapshot(1).response(1, 0, i) != gl.snapshot(1).response(1, 1, i) ? 1 : 0;
        }
        assertThat(glDiff).as("different update times separate Glauber trials").isGreaterThan(0);
    }

    @Test
    void uncoupledGlauberAndMatchedRateRelaxToTheThresholdOfTheInput() {
        int n = 500;
        double b = 0.3;
        double[] x = StimulusInputs.realize(CIRCLE, n, 8);
        StimulusResponses gl = run(StimulusNetwork.glauber(n, 0.0, b, 0.0, 1.0), CIRCLE, ResponseProtocol.stationary(2, 6, 1, 1),
                8, 2, BinaryFieldKernel.preferred());
        int wrong = 0;
        for (int p = 0; p < CIRCLE.count(); p++) {
            for (int t = 0; t < 2; t++) {
                for (int i = 0; i < n; i++) {
                    wrong += gl.snapshot(0).response(p, t, i) != (x[p * n + i] - b > 0 ? 1f : 0f) ? 1 : 0;
                }
            }
        }
        // a unit not updated by t = 6 (probability e⁻⁶) keeps its Bernoulli(½) state: expected 6000·e⁻⁶/2 ≈ 7.4 wrong
        // (Poisson sd 2.7); 25 is 6.6 sd above
        assertThat(wrong).isLessThan(25);
        StimulusResponses mr = run(StimulusNetwork.matchedRate(n, 0.0, b, 0.0, 0.0, 1.0, 0.5), CIRCLE,
                ResponseProtocol.stationary(1, 30, 1, 1), 8, 2, BinaryFieldKernel.preferred());
        for (int p = 0; p < CIRCLE.count(); p++) {
            for (int i = 0; i < n; i++) {
                // y_t = e^{−t} y_0 + (1 − e^{−t}) Θ(x − b) exactly under exponential Euler: |error| ≤ e^{−30} ≈ 1e-13
                assertThat((double) mr.snapshot(0).response(p, 0, i)).isCloseTo(x[p * n + i] - b > 0 ? 1 : 0,
                        org.assertj.core.api.Assertions.within(1e-7));
            }
        }
    }

    @Test
    void divergenceStopsAtTheStepNamedAndKeepsEarlierRecordings() {
        StimulusNetwork net = StimulusNetwork.rateSync(50, 60.0, new TransferFunctions.Linear(), 0.0);
        StimulusResponses r = run(net, CIRCLE, ResponseProtocol.transientAt(1, 1, 2, 1000), 9, 1, BinaryFieldKernel.preferred());
        assertThat(r.run().divergence()).isPresent();
        // |x| grows like g^t ≈ 60^t: it overflows 1.8e308 after roughly 308/log10(60) ≈ 173 steps
        assertThat(r.run().divergence().get().step()).isBetween(150L, 200L);
        assertThat(r.snapshots()).hasSize(2);
        assertThat(r.run().recorded()).isEqualTo(2);
    }

    @Test
    void rejectsTimesOffTheStepAndRunsTooLargeForTheHeap() {
        var phi = new TransferFunctions.Tanh();
        assertThatThrownBy(() -> KernelSimulator.run(StimulusNetwork.rate(20, 1, phi, 0, 0.25), CIRCLE,
                ResponseProtocol.transientAt(1, 0.3), 1, 1, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of the step");
        assertThatThrownBy(() -> KernelSimulator.run(StimulusNetwork.rateSync(200_000, 1, phi, 0),
                Stimuli.Circle.equallySpaced(1024, 1), ResponseProtocol.stationary(2, 10, 1, 1), 1, 1, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MiB").hasMessageContaining("heap");
    }
}

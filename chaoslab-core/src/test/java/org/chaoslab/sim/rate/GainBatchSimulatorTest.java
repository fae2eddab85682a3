package org.chaoslab.sim.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chaoslab.linalg.Blas;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.Recorder;
import org.chaoslab.sim.record.RateRecording;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched gain sweep against the unbatched simulator, point by point: the same streams and steps, so the same
 * trajectory up to rounding, and the same recorders' results.
 */
class GainBatchSimulatorTest {

    private static final double[] SUBCRITICAL = {0.3, 0.6, 0.9};

    /** The scalar moments of a run (the recorders of {@code simulate rate}'s summary). */
    private static StandardRecording recording(RateSimulation s, int n) {
        return new StandardRecording(RecordingPlan.defaults().scalarsOnly(), s.dt(), n);
    }

    private record Batched(GainBatchRun run, List<RateRecording> recordings) {
    }

    private static Batched batched(GainBatch batch, RateSimulation s) {
        List<StandardRecording> recs = new ArrayList<>();
        List<List<Recorder>> lists = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            StandardRecording r = recording(s, batch.network().size());
            recs.add(r);
            lists.add(r.recorders());
        }
        GainBatchRun run = GainBatchSimulator.run(batch, s, lists, ProgressListener.NONE);
        return new Batched(run, recs.stream().map(StandardRecording::result).toList());
    }

    private record Single(RateRun run, RateRecording recording) {
    }

    private static Single single(RateNetwork net, RateSimulation s) {
        StandardRecording r = recording(s, net.size());
        RateRun run = RateSimulator.run(net, s, r.recorders(), ProgressListener.NONE);
        return new Single(run, r.result());
    }

    /** max_i |a_i − b_i| / max_i |b_i|. */
    private static double relative(double[] a, double[] b) {
        double d = 0;
        double scale = 0;
        for (int i = 0; i < b.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return d / scale;
    }

    /**
     * Below the transition, for every integrator and input: each point is the unbatched run at its gain to rounding.
     * The two differ in the couplings by one rounding per entry (g·(z/√N) against (g/√N)·z, relative 2⁻⁵³) and in the
     * product's summation order (≤ N·2⁻⁵³·Σ|J_ij φ_j| per entry); at g &lt; 1 every eigenvalue of the Jacobian
     * −1 + g·J₁·diag φ′ has real part ≤ −1 + g·ρ(J₁) ≈ −(1 − g) &lt; 0 (|φ′| ≤ 1, ρ(J₁) → 1 by the circular law), so
     * such errors are damped instead of amplified and their sum stays within a few hundred roundings of the state:
     * asserted 1e-10 relative to max|x| (final state) and to the statistic's scale (the recorded moments).
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "white", "ou", "quenched"})
    void belowTheTransitionEachPointIsTheUnbatchedRunToRounding(String variant) {
        int n = 300;
        RateNetwork net = RateNetwork.scs(n, 1.0, new TransferFunctions.Tanh());
        RateSimulation s = RateSimulation.of(0.05, 20, 5, 11).withThreads(2);
        switch (variant) {
            case "white" -> {
                net = net.withInput(ExternalInput.NONE.withNoise(new Noise.White(0.5)));
                s = s.withIntegrator(IntegratorKind.EXPONENTIAL_EULER);
            }
            case "ou" -> {
                net = net.withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(0.5, 2.0)));
                s = s.withIntegrator(IntegratorKind.RK4).withDt(0.1);
            }
            case "quenched" -> net = net.withCouplings(new Couplings(1.0, 0.0, 0.5, true, Precision.FLOAT64))
                    .withInput(new ExternalInput.Constant(0.2).withNoise(new Noise.Quenched(0.5)));
            default -> { }
        }
        GainBatch batch = new GainBatch(net, SUBCRITICAL);
        Batched b = batched(batch, s);
        for (int k = 0; k < batch.size(); k++) {
            Single u = single(batch.network(k), s);
            GainRun p = b.run().point(k);
            assertThat(p.completed()).isTrue();
            assertThat(p.recordedSteps()).isEqualTo(u.run().recordedSteps()).isEqualTo(s.recordedSteps());
            double dx = relative(p.finalState(), u.run().finalState());
            RateRecording rb = b.recordings().get(k);
            RateRecording ru = u.recording();
            double ms = ru.meanSquare().value();
            double dms = Math.abs(rb.meanSquare().value() - ms) / ms;
            double dse = Math.abs(rb.meanSquare().standardError() - ru.meanSquare().standardError())
                    / ru.meanSquare().standardError();
            // ⟨x⟩ and ⟨φ⟩ may be near 0: measured against the spread √⟨x²⟩ (|φ| ≤ |x| for tanh)
            double dmean = Math.max(Math.abs(rb.mean() - ru.mean()), Math.abs(rb.meanRate() - ru.meanRate())) / Math.sqrt(ms);
            double dc0 = Math.abs(rb.meanSquareRate() - ru.meanSquareRate()) / ru.meanSquareRate();
            System.out.printf(Locale.ROOT, "gain batch vs unbatched, %s, g = %.1f: final state %.2e, <x^2> %.2e (SE %.2e), "
                    + "<x>,<phi> %.2e, <phi^2> %.2e (relative)%n", variant, batch.gain(k), dx, dms, dse, dmean, dc0);
            assertThat(dx).isLessThan(1e-10);
            assertThat(dms).isLessThan(1e-10);
            assertThat(dse).isLessThan(1e-8);   // a difference of batch means: a few more digits lost
            assertThat(dmean).isLessThan(1e-10);
            assertThat(dc0).isLessThan(1e-10);
            assertThat(rb.momentSamples()).isEqualTo(ru.momentSamples());
        }
    }

    /** M replicas per point: each point's replicas are the unbatched run's replicas (streams initial/r, noise/r/i). */
    @Test
    void replicasOfEachPointAreTheUnbatchedReplicas() {
        RateNetwork net = RateNetwork.scs(200, 1.0, new TransferFunctions.Tanh())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(0.3)));
        RateSimulation s = RateSimulation.of(0.05, 10, 0, 3).withReplicas(3).withThreads(1);
        GainBatch batch = new GainBatch(net, new double[] {0.5, 0.8});
        Batched b = batched(batch, s);
        for (int k = 0; k < batch.size(); k++) {
            Single u = single(batch.network(k), s);
            // contracting (g < 1), as above
            assertThat(relative(b.run().point(k).finalState(), u.run().finalState())).isLessThan(1e-10);
            assertThat(b.recordings().get(k).meanSquarePerReplica()).hasSize(3);
        }
    }

    /** The project's reproducibility rule: the same bits on one thread and on two, noise and a divergence included. */
    @Test
    void sameBitsForAnyThreadCount() {
        RateNetwork net = RateNetwork.scs(250, 1.0, new TransferFunctions.Linear())
                .withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(0.2, 1.0)));
        RateSimulation s = RateSimulation.of(0.1, 150, 0, 21);
        GainBatch batch = new GainBatch(net, new double[] {0.5, 3.0, 0.9, 0.0});
        Batched one = batched(batch, s.withThreads(1));
        Batched two = batched(batch, s.withThreads(2));
        assertThat(one.run().point(1).completed()).isFalse();   // the g = 3 column diverges (see below) …
        for (int k = 0; k < batch.size(); k++) {                 // … and the comparison covers its compaction
            assertThat(two.run().point(k).finalState()).isEqualTo(one.run().point(k).finalState());
            assertThat(two.run().point(k).divergence()).isEqualTo(one.run().point(k).divergence());
            assertThat(two.recordings().get(k).meanSquare()).isEqualTo(one.recordings().get(k).meanSquare());
            assertThat(two.recordings().get(k).populationVariance()).isEqualTo(one.recordings().get(k).populationVariance());
        }
    }

    /**
     * A diverging point stops alone. Linear φ at g = 3: the state grows like e^{(g·ρ(J₁) − 1)t} ≈ e^{2t}, so Σ|x| (≈ N
     * at the start) passes {@link Divergence#STATE_LIMIT} = 1e100 near t ≈ ln(1e100/N)/2 ≈ 112 (step ~1100 at dt = 0.1);
     * the unbatched run at g = 3 follows the same trajectory up to a relative rounding that the growth does not amplify
     * (both are dominated by the same leading mode), so it crosses the limit at the same step, ±1 where the crossing
     * falls within that rounding. The points at g = 0.5 and 0.9 complete — and with their bits unchanged by the
     * diverged column's leaving: each entry of the pure-Java product depends on its column alone, and everything else
     * is element-wise, so they equal the batch that never held the g = 3 point.
     */
    @Test
    void aDivergingPointStopsAloneAndTheOthersAreUntouched() {
        RateNetwork net = RateNetwork.scs(200, 1.0, new TransferFunctions.Linear());
        RateSimulation s = RateSimulation.of(0.1, 200, 0, 2).withThreads(2);
        GainBatch batch = new GainBatch(net, new double[] {0.5, 3.0, 0.9});
        Batched b = batched(batch, s);
        GainRun diverged = b.run().point(1);
        Divergence d = diverged.divergence().orElseThrow();
        assertThat(d.step()).isBetween(800L, 1500L);
        assertThat(diverged.recordedSteps()).isEqualTo(d.step() - 1);   // the diverged state itself is not recorded
        assertThat(b.recordings().get(1).populationTimes()).hasSize((int) (d.step() - 1));
        Single u = single(batch.network(1), s);
        assertThat(u.run().divergence().orElseThrow().step()).isBetween(d.step() - 1, d.step() + 1);
        System.out.printf(Locale.ROOT, "g = 3 (linear phi): batched diverged at step %d, unbatched at step %d%n", d.step(),
                u.run().divergence().orElseThrow().step());
        for (int k : new int[] {0, 2}) {
            assertThat(b.run().point(k).completed()).isTrue();
            assertThat(b.run().point(k).recordedSteps()).isEqualTo(s.recordedSteps());
        }
        if (!Blas.isNative()) {   // native dgemm may round a column differently with the batch's width
            Batched without = batched(new GainBatch(net, new double[] {0.5, 0.9}), s);
            assertThat(b.run().point(0).finalState()).isEqualTo(without.run().point(0).finalState());
            assertThat(b.run().point(2).finalState()).isEqualTo(without.run().point(1).finalState());
            assertThat(b.recordings().get(2).meanSquare()).isEqualTo(without.recordings().get(1).meanSquare());
        }
    }

    /** J0 ≠ 0 is refused in one line that names the parameter and says why. */
    @Test
    void aMeanCouplingIsRefused() {
        RateNetwork net = RateNetwork.scs(50, 1.0, new TransferFunctions.Tanh());
        RateNetwork withMean = net.withCouplings(net.couplings().withMean(0.5));
        assertThatThrownBy(() -> new GainBatch(withMean, new double[] {1.0, 2.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("j0 must be 0 for a batched gain sweep (got 0.5)")
                .hasMessageContaining("does not scale with g")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new GainBatch(net, new double[] {1.0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("g must be");
        assertThatThrownBy(() -> new GainBatch(net, new double[0])).isInstanceOf(IllegalArgumentException.class);
        // the gains are copied in and out
        double[] g = {1.0, 2.0};
        GainBatch batch = new GainBatch(net, g);
        g[0] = 5.0;
        batch.gains()[1] = 7.0;
        assertThat(batch.gains()).containsExactly(1.0, 2.0);
        assertThat(batch.network(1).gain()).isEqualTo(2.0);
        assertThat(Arrays.asList(batch.network(0).couplings().meanCoupling(), batch.unitGain().gain())).containsExactly(0.0, 1.0);
    }
}

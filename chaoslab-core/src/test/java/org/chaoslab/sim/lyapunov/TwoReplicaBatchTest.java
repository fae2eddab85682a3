package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.chaoslab.linalg.Blas;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.Divergence;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.GainBatch;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.chaoslab.theory.dmft.DmftLyapunov;
import org.chaoslab.theory.dmft.DmftSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched two-replica estimate of λ_max against the analyzer's, point by point on the same realization (g·J₁ built
 * as a network of its own), against the DMFT in the chaotic phase and the linearization below the transition, and the
 * batch's own rules: bits independent of the thread count, a diverging point stopping alone.
 */
class TwoReplicaBatchTest {

    /** The realization {@code unit} (J₁) scaled to g·J₁, a network of its own at gain g (same input and seed). */
    static RealizedRateNetwork scaled(RealizedRateNetwork unit, double g) {
        double[] j = LyapunovAnalyzer.float64(unit.couplings()).clone();
        for (int i = 0; i < j.length; i++) {
            j[i] *= g;
        }
        RateNetwork net = unit.network().withCouplings(unit.network().couplings().withGain(g));
        return new RealizedRateNetwork(net, new Float64Matrix(unit.network().size(), j), unit.input(), unit.seed());
    }

    private static LyapunovSettings settings(double t, long seed, int threads) {
        return new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1.0, new LyapunovSettings.Warmup(20, 10), t, seed, threads);
    }

    private static double lambda(TwoReplicaBatchRun run, int k) {
        return run.point(k).estimate().orElseThrow().lambda().value();
    }

    /**
     * Below the transition, for every integrator and input: each point is the analyzer's two-replica estimate on g·J₁
     * to rounding. The two differ by one rounding per coupling entry (g·J₁ formed here, g·(J₁φ) in the batch), by
     * the product's summation order and by where the integrator's update is rounded (the analyzer folds it into its
     * product's α and β) — each ~2⁻⁵³·|x_i| per unit and step. At g &lt; 1 the dynamics contracts (the Jacobian
     * −1 + g·J₁·diag φ′ has every real part ≤ −1 + g·ρ(J₁) &lt; 0), so trajectory and replica do not amplify those
     * errors; what remains is their size against the replica's separation, d0/√N = 1e-8 per unit: a renormalization's
     * log(d/d0) differs by up to ~1e-16·|x|/1e-8 ≈ 1e-8 where x stays O(1) (noise, input), and λ, the sum of R = 40
     * of them over T = 40, by ~√R·1e-8/T ≈ 1.6e-9. Asserted 1e-8 (measured ≤ 1.5e-9 with noise or input, ≤ 1.2e-11
     * without, where x decays to 0).
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "white", "ou", "quenched"})
    void belowTheTransitionEachPointIsTheAnalyzersEstimateToRounding(String variant) {
        int n = 200;
        RateNetwork net = RateNetwork.scs(n, 1.0, new TransferFunctions.Tanh());
        LyapunovSettings s = settings(40, 5, 2);
        switch (variant) {
            case "white" -> {
                net = net.withInput(ExternalInput.NONE.withNoise(new Noise.White(0.5)));
                s = s.withIntegrator(IntegratorKind.EXPONENTIAL_EULER);
            }
            case "ou" -> net = net.withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(0.5, 2.0)));
            case "quenched" -> net = net.withCouplings(new Couplings(1.0, 0.0, 0.5, true, Precision.FLOAT64))
                    .withInput(new ExternalInput.Constant(0.2).withNoise(new Noise.Quenched(0.5)));
            default -> s = s.withIntegrator(IntegratorKind.EULER);
        }
        GainBatch batch = new GainBatch(net, new double[] {0.3, 0.6, 0.9});
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 9, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE);
        for (int k = 0; k < batch.size(); k++) {
            LyapunovSpectrum.TwoReplicaEstimate a = LyapunovAnalyzer.spectrum(scaled(unit, batch.gain(k)), s, ProgressListener.NONE)
                    .twoReplica();
            LyapunovSpectrum.TwoReplicaEstimate e = b.point(k).estimate().orElseThrow();
            System.out.printf(Locale.ROOT, "two replicas, %s, g = %.1f: batched %.12f, analyzer %.12f, difference %.1e%n", variant,
                    batch.gain(k), e.lambda().value(), a.lambda().value(), e.lambda().value() - a.lambda().value());
            assertThat(e.lambda().value()).isNegative();
            assertThat(Math.abs(e.lambda().value() - a.lambda().value())).isLessThan(1e-8);
            // the interval: each of the B = 20 per-batch rates (2 growths over 2 time units) differs by ≲ 1e-8, so their
            // spread s and the half-width t·s/√B (t = 2.09) by ≲ 1e-8: asserted 1e-7
            assertThat(Math.abs(e.lambda().halfWidth() - a.lambda().halfWidth())).isLessThan(1e-7);
            // same d0, t_renorm and number of renormalizations: the same schedule
            assertThat(e.d0()).isEqualTo(a.d0());
            assertThat(e.renormInterval()).isEqualTo(a.renormInterval());
            assertThat(e.renormalizations()).isEqualTo(a.renormalizations()).isEqualTo(40);
        }
    }

    /**
     * In the chaotic phase the same holds while the rounding is small: over 130 time units at g = 3 (N = 200,
     * λ ≈ 0.13 for this realization) the trajectories' roundings (~1e-16 relative per step) have grown by at most
     * e^{λt} ≈ e^{17} ≈ 3e7 by the end, to ~1e-8 relative, and only the last renormalizations see that; the replica's
     * growths differ by ~1e-8 each as below the transition. Asserted 1e-7 on λ (measured 4e-10 to 6e-10) at g = 2 and
     * 3 (g = 2, a power of two, has no rounding in the couplings). Over longer runs the rounding grows to O(1) and the
     * trajectories part: then only the statistics agree (as for the simulation, {@code GainBatchSimulatorTest}).
     */
    @Test
    void inTheChaoticPhaseEachPointIsTheAnalyzersEstimateWhileTheRoundingIsSmall() {
        int n = 200;
        GainBatch batch = new GainBatch(RateNetwork.scs(n, 1.0, new TransferFunctions.Tanh()), new double[] {2.0, 3.0});
        LyapunovSettings s = settings(100, 5, 2);
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 3, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE);
        for (int k = 0; k < batch.size(); k++) {
            double a = LyapunovAnalyzer.spectrum(scaled(unit, batch.gain(k)), s, ProgressListener.NONE).twoReplica().lambda().value();
            System.out.printf(Locale.ROOT, "two replicas, g = %.1f, T = 100: batched %.12f, analyzer %.12f, difference %.1e%n",
                    batch.gain(k), lambda(b, k), a, lambda(b, k) - a);
            assertThat(Math.abs(lambda(b, k) - a)).isLessThan(1e-7);
        }
        assertThat(lambda(b, 1)).isPositive();   // chaotic at g = 3
    }

    /**
     * Without rounding in the couplings the batch is the single pair bit for bit: at g = 2 (a power of two) g·J₁ is
     * exact and g·(J₁φ) = (g·J₁)φ in every fma, and at factor 1 the batch of one point is {@link TwoReplicaBatch#single}.
     * So the batch adds nothing but the coupling rounding of g ≠ 2^k (the pure-Java product's entries depend on their
     * column alone; native dgemm may round a column differently with the batch's width).
     */
    @Test
    void withoutCouplingRoundingABatchedPointIsTheSinglePairBitForBit() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Blas.isNative());
        GainBatch batch = new GainBatch(RateNetwork.scs(150, 1.0, new TransferFunctions.Tanh())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(0.2))), new double[] {0.7, 2.0, 1.0});
        LyapunovSettings s = settings(30, 8, 2);
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 4, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE);
        assertThat(b.point(1).estimate()).isEqualTo(TwoReplicaBatch.single(scaled(unit, 2.0), s, ProgressListener.NONE).estimate());
        assertThat(b.point(2).estimate()).isEqualTo(TwoReplicaBatch.single(unit, s, ProgressListener.NONE).estimate());
        assertThat(b.point(1).network().gain()).isEqualTo(2.0);
    }

    /**
     * Below the transition the trajectory settles on x = 0 (tanh, no input), where the Jacobian is the constant
     * −1 + g·J₁: λ_max is the largest exponent of the integrator's step map there, log|p(δ(−1 + gμ))|/δ maximized over
     * the eigenvalues μ of J₁ (RK4: p(z) = 1 + z + z²/2 + z³/6 + z⁴/24; LinearSpectrumTest). The replica's estimate
     * converges to it like c/T, c = O(1) the log of its initial misalignment with the leading eigenvector: asserted
     * 5/T (as LinearSpectrumTest). And it is the circular law's −1 + g up to the finite-N spectral abscissa of J₁:
     * |λ − (−1 + g)| ≤ g·|max Re μ − 1| + 5/T, with max Re μ within 0.15 of 1 at N = 200 (edge fluctuations of the
     * real Ginibre ensemble, O(N^{-1/2}) = 0.07).
     */
    @Test
    void belowTheTransitionTheEstimateIsTheLinearizationAndTheCircularLaw() {
        int n = 200;
        double dt = 0.1;
        double t = 400;
        GainBatch batch = new GainBatch(RateNetwork.scs(n, 1.0, new TransferFunctions.Tanh()), new double[] {0.3, 0.6, 0.9});
        LyapunovSettings s = new LyapunovSettings(dt, IntegratorKind.RK4, 1, 1.0, new LyapunovSettings.Warmup(50, 20), t, 2, 2);
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 11, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE);
        double[][] mu = Eigen.eigenvalues(LyapunovAnalyzer.float64(unit.couplings()), n);
        double abscissa = Double.NEGATIVE_INFINITY;
        for (double re : mu[0]) {
            abscissa = Math.max(abscissa, re);
        }
        assertThat(abscissa).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.15));
        for (int k = 0; k < batch.size(); k++) {
            double g = batch.gain(k);
            double exact = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                exact = Math.max(exact, rk4Exponent(dt * (-1 + g * mu[0][i]), dt * g * mu[1][i]) / dt);
            }
            double l = lambda(b, k);
            System.out.printf(Locale.ROOT, "two replicas below the transition, g = %.1f: %.6f, linearization %.6f, circular law %.2f "
                    + "(abscissa of J1 %.4f)%n", g, l, exact, -1 + g, abscissa);
            assertThat(l).isNegative();
            assertThat(Math.abs(l - exact)).isLessThan(5.0 / t);
            assertThat(Math.abs(l - (-1 + g))).isLessThan(g * Math.abs(abscissa - 1) + 5.0 / t);
        }
    }

    /** log|p(z)| of the RK4 step map p(z) = Σ_{m ≤ 4} z^m/m! at z = zr + i·zi. */
    private static double rk4Exponent(double zr, double zi) {
        double pr = 1;
        double pi = 0;
        double tr = 1;
        double ti = 0;
        for (int m = 1; m <= 4; m++) {
            double nr = (tr * zr - ti * zi) / m;
            double ni = (tr * zi + ti * zr) / m;
            tr = nr;
            ti = ni;
            pr += tr;
            pi += ti;
        }
        return Math.log(Math.hypot(pr, pi));
    }

    /**
     * In the chaotic phase the estimate is the DMFT's λ_max (N → ∞; {@link DmftLyapunov}, published 0.1124580 at g = 2
     * and 0.2354606 at g = 3 for tanh) up to its 95% interval and the finite-N bias. That bias is negative and O(1/N):
     * measured with this estimator (RK4 dt = 0.1, T = 1000, 8 realizations each) the mean λ was 0.0684 (N = 250, one
     * non-chaotic realization left out) and 0.0897 (N = 500) at g = 2, 0.1800 and 0.2079 at g = 3 — DMFT − c/N with
     * c ≈ 11 (g = 2) and 14 (g = 3) at both sizes — and single realizations at N = 500 scattered about their mean with
     * standard deviation 0.0052 (g = 2) and 0.0067 (g = 3). The allowance below the DMFT is the bias plus three such
     * deviations: 0.023 + 0.016 = 0.039 (g = 2), 0.028 + 0.020 = 0.048 (g = 3) at N = 500. The analyzer's QR method
     * gives the same bias independently: at N = 1000 (LyapunovValidationTest, one realization) λ_1 = 0.1026 ± 0.0055
     * (g = 2) and 0.2209 ± 0.0054 (g = 3), 9.9/N and 14.6/N below the DMFT. Above the DMFT only the interval is
     * allowed: finite N does not raise λ_max in these measurements.
     */
    @Test
    void inTheChaoticPhaseTheEstimateIsTheDmftsUpToItsIntervalAndTheFiniteNBias() {
        int n = 500;
        var tanh = new TransferFunctions.Tanh();
        GainBatch batch = new GainBatch(RateNetwork.scs(n, 1.0, tanh), new double[] {2.0, 3.0});
        double[] allowance = {0.039, 0.048};
        double[] published = {0.1124580, 0.2354606};
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.RK4, 1, 1.0, new LyapunovSettings.Warmup(100, 50), 1000, 7, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(batch, 1, s, ProgressListener.NONE);
        DmftSolver solver = new DmftSolver();
        DmftLyapunov theory = new DmftLyapunov(solver.engine(), 0.01);
        for (int k = 0; k < batch.size(); k++) {
            double dmft = theory.largest(solver.solve(batch.network(k)), tanh).lambdaMax();
            assertThat(dmft).isCloseTo(published[k], org.assertj.core.data.Offset.offset(1e-4));
            var e = b.point(k).estimate().orElseThrow().lambda();
            System.out.printf(Locale.ROOT, "two replicas, N = %d, g = %.0f, T = 1000: %.5f +- %.5f (95%%), DMFT %.5f, difference %.5f "
                    + "(allowance %.3f + CI); batch %.1f s%n", n, batch.gain(k), e.value(), e.halfWidth(), dmft, e.value() - dmft,
                    allowance[k], b.wallSeconds());
            assertThat(e.value()).isBetween(dmft - allowance[k] - e.halfWidth(), dmft + e.halfWidth());
        }
    }

    /**
     * The project's reproducibility rule: the same bits on one thread and on two — a chaotic tanh batch with white noise,
     * and a linear one with OU noise whose g = 3 point diverges and leaves the batch (so the comparison covers the
     * compaction).
     */
    @Test
    void sameBitsForAnyThreadCount() {
        GainBatch chaotic = new GainBatch(RateNetwork.scs(200, 1.0, new TransferFunctions.Tanh())
                .withInput(ExternalInput.NONE.withNoise(new Noise.White(0.3))), new double[] {0.5, 2.5, 4.0});
        GainBatch linear = new GainBatch(RateNetwork.scs(150, 1.0, new TransferFunctions.Linear())
                .withInput(ExternalInput.NONE.withNoise(new Noise.OrnsteinUhlenbeck(0.2, 1.0))), new double[] {0.5, 3.0, 0.9});
        for (GainBatch batch : new GainBatch[] {chaotic, linear}) {
            TwoReplicaBatchRun one = TwoReplicaBatch.run(batch, 6, settings(60, 3, 1), ProgressListener.NONE);
            TwoReplicaBatchRun two = TwoReplicaBatch.run(batch, 6, settings(60, 3, 2), ProgressListener.NONE);
            for (int k = 0; k < batch.size(); k++) {
                assertThat(two.point(k).estimate()).isEqualTo(one.point(k).estimate());
                assertThat(two.point(k).divergence()).isEqualTo(one.point(k).divergence());
            }
        }
        assertThat(TwoReplicaBatch.run(linear, 6, settings(60, 3, 2), ProgressListener.NONE).point(1).completed()).isFalse();
    }

    /**
     * A diverging point stops alone. Linear φ at g = 3: x grows like e^{(g·ρ(J₁) − 1)t} ≈ e^{2t}; once |x_i| is so
     * large that d0·u_i = 1e-8·√N·u_i falls below half an ulp of x_i in every unit, x′ rounds to x, the replica's
     * distance is 0 and the renormalization finds no finite growth (long before Σ|x| reaches 1e100): the point stops
     * there, without an estimate, and the analyzer fails on the same network. The points at 0.5 and 0.9 complete with
     * their bits unchanged by its leaving: they equal the batch that never held it.
     */
    @Test
    void aDivergingPointStopsAloneAndTheOthersAreUntouched() {
        RateNetwork net = RateNetwork.scs(150, 1.0, new TransferFunctions.Linear());
        GainBatch batch = new GainBatch(net, new double[] {0.5, 3.0, 0.9});
        LyapunovSettings s = settings(60, 2, 2);
        RealizedRateNetwork unit = RealizedRateNetwork.draw(batch.unitGain(), 5, 2);
        TwoReplicaBatchRun b = TwoReplicaBatch.run(unit, batch, s, ProgressListener.NONE);
        TwoReplicaPoint diverged = b.point(1);
        Divergence d = diverged.divergence().orElseThrow();
        System.out.printf(Locale.ROOT, "g = 3 (linear phi): the pair stopped at step %d (t = %.1f): %s%n", d.step(), d.time(),
                diverged.message());
        assertThat(diverged.estimate()).isEmpty();
        assertThat(diverged.lambda()).isNaN();
        assertThat(diverged.message()).contains("diverged").contains("t = ").doesNotContain("\n");
        assertThat(d.step()).isBetween(1L, 900L);   // within the run's 20 + 10 + 60 time units
        assertThatThrownBy(() -> LyapunovAnalyzer.spectrum(scaled(unit, 3.0), s, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("diverged");
        for (int k : new int[] {0, 2}) {
            assertThat(b.point(k).completed()).isTrue();
            assertThat(b.point(k).lambda()).isNegative();
            assertThat(b.point(k).message()).isEmpty();
        }
        if (!Blas.isNative()) {   // native dgemm may round a column differently with the batch's width
            TwoReplicaBatchRun without = TwoReplicaBatch.run(unit, new GainBatch(net, new double[] {0.5, 0.9}), s,
                    ProgressListener.NONE);
            assertThat(b.point(0).estimate()).isEqualTo(without.point(0).estimate());
            assertThat(b.point(2).estimate()).isEqualTo(without.point(1).estimate());
        }
    }

    /** Bad input: one line naming the parameter. */
    @Test
    void badInputIsRefusedInOneLine() {
        RateNetwork net = RateNetwork.scs(50, 1.0, new TransferFunctions.Tanh());
        GainBatch batch = new GainBatch(net, new double[] {1.0, 2.0});
        LyapunovSettings s = settings(10, 1, 1);
        RealizedRateNetwork atTwo = RealizedRateNetwork.draw(net.withCouplings(net.couplings().withGain(2.0)), 1, 1);
        assertThatThrownBy(() -> TwoReplicaBatch.run(atTwo, batch, s, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the realization must be the batch's network at unit gain (got g = 2.0)");
        assertThatThrownBy(() -> TwoReplicaBatch.run(batch, 1, null, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settings must be given");
        LyapunovSettings tooLong = new LyapunovSettings(1e-4, IntegratorKind.EULER, 1, 1.0, new LyapunovSettings.Warmup(0, 0),
                3e5, 1, 1);
        assertThatThrownBy(() -> TwoReplicaBatch.run(batch, 1, tooLong, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t (accumulation time)")
                .hasMessageNotContaining("\n");
        // a mean coupling is the gain batch's to refuse (J_g ≠ g·J₁), a single pair takes it
        RateNetwork withMean = net.withCouplings(net.couplings().withMean(0.5));
        assertThatThrownBy(() -> new GainBatch(withMean, new double[] {1.0})).hasMessageStartingWith("j0 must be 0");
        TwoReplicaPoint single = TwoReplicaBatch.single(RealizedRateNetwork.draw(withMean, 1, 1), s, ProgressListener.NONE);
        assertThat(single.completed()).isTrue();
        assertThat(single.gain()).isEqualTo(1.0);
    }
}

package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Float32 tangent products (sgemm) against the float64 reference on the same network, state trajectory
 * and orthonormal system. The state is float64 in both runs, so the two runs differ only by the float32
 * rounding of the tangent product.
 */
class MixedPrecisionTangentTest {

    @ParameterizedTest
    @EnumSource(value = IntegratorKind.class, names = {"EULER", "RK4"})
    void float32TangentProductsReproduceTheFloat64Spectrum(IntegratorKind kind) {
        int n = 160;
        RealizedRateNetwork r = RealizedRateNetwork.draw(RateNetwork.scs(n, 2.5, new TransferFunctions.Tanh()), 8, 2);
        LyapunovSettings s = new LyapunovSettings(0.1, kind, n, 1.0, new LyapunovSettings.Warmup(20, 20), 60, 6, 2);
        LyapunovSpectrum f64 = LyapunovAnalyzer.spectrum(r, s, ProgressListener.NONE);
        LyapunovSpectrum f32 = LyapunovAnalyzer.spectrum(r, s.withTangentPrecision(Precision.FLOAT32), ProgressListener.NONE);
        // Each float32 product perturbs a tangent column by a relative ~u·√N = 6e-8·13 ≈ 1e-6 per step; in a
        // time-averaged exponent such perturbations average out (they are not amplified: the column is
        // re-normalized and the Oseledets directions attract). Over 60 time units the expected difference is
        // ≲ 1e-6; 2e-5 leaves room for near-degenerate pairs whose directions mix, and is still 1000× below
        // the statistical error of the exponents (CI ≈ 0.02 here), i.e. irrelevant for every result.
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(f32.exponents()[i] - f64.exponents()[i]));
        }
        assertThat(worst).isLessThan(2e-5);
        assertThat(f32.lambdaMaxCi()).isGreaterThan(100 * worst);
        // the sum of all exponents (phase-space contraction; = ⟨tr Df⟩ for RK4, where it is checked against the
        // trace in NonlinearSpectrumTest) agrees to the same per-exponent scale
        assertThat(f32.exponentSum().value()).isCloseTo(f64.exponentSum().value(), within(2e-5 * n));
        // the state is float64 in both runs; x and x′ differ only by the summation order of their product
        // (2-column dgemm vs the full tiled one), ~1e-16 relative, i.e. 1e-8 of the replica separation
        // d0 = 1e-8·√N per renormalization: the two-replica estimates agree to ~1e-8 relative
        assertThat(f32.twoReplica().lambda().value()).isCloseTo(f64.twoReplica().lambda().value(), within(1e-6));
    }
}

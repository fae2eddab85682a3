package org.chaoslab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Glauber network and its matched rate model (output-noise variance from the dynamic mean field) against each
 * other and against the theory: N = 500, J̄ = −2, g = 1, x = 0.5, θ = 0, deterministic and with threshold noise
 * σ = 0.5; 4 realizations (seeds 11–14), 60 τ after 10 τ, rate step Δt = 0.05 τ.
 */
class GlauberMatchedRateTest {

    private static final int N = 500;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5})
    void binaryAndMatchedRateNetworksShareFirstAndSecondOrderStatistics(double sigma) {
        GlauberNetwork net = new GlauberNetwork(N, -2.0, 1.0, 0.5, 0.0, sigma, 1.0);
        GlauberComparisonResult r = GlauberComparison.run(net,
                new GlauberComparison.Settings(4, 11, 60, 10, 0.1, 2.0, 0.05, 20, true), GaussianExpectation.standard(),
                ProgressListener.NONE);
        System.out.printf("Glauber sigma=%.1f: a = %.5f (m(1-m) = %.5f)%n", sigma, r.autocorrelation().outputNoiseVariance(),
                r.theory().m() * (1 - r.theory().m()));
        // allowance: O(1/√N) relative (4.5 %) for what the mean field neglects (pairwise correlations, self-coupling)
        double rel = 1 / Math.sqrt(N);
        check("rate binary", r.rate(), rel);
        check("rate matched", r.matchedRate(), rel);
        for (int l : new int[] {0, 5, 10, 20}) {
            // C is compared as the covariance C − m² (theory scale q − m² … m(1 − m)): the relative allowance applies
            // to that, plus the rate allowance propagated to m² (2 m · rel · m)
            double scale = Math.abs(r.binaryCorrelation()[l].theory() - r.theory().m() * r.theory().m());
            double allowance = rel * scale + 2 * rel * r.theory().m() * r.theory().m();
            checkAbs("C(" + r.lags()[l] + ") binary", r.binaryCorrelation()[l], allowance);
            // the rate network's exponential Euler step holds F(h) for Δt = 0.05 τ: O(Δt/τ) = 5 % of the covariance at
            // lags > 0 (the noise part, and so C(0), is exact for any Δt)
            checkAbs("C(" + r.lags()[l] + ") matched", r.rateCorrelation()[l], allowance + 0.05 * scale * (l == 0 ? 0 : 1));
        }
        // population fluctuations N·Var m(t) (set by the cross-covariances, not predicted by the N → ∞ mean field):
        // binary and matched rate side by side, 3 combined SE plus O(1/√N) relative
        double[] vb = r.populationVarianceBinary();
        double[] vr = r.populationVarianceRate();
        assertAgrees("  N Var m(t): binary (simulation) vs matched rate (theory)", vb[0], Math.hypot(vb[1], vr[1]), vr[0], 3,
                rel * vb[0]);
        // chaos: the binary replicas spread from one flip to d*, while the matched rate network with a smooth gain
        // (σ &gt; 0) forgets the same-sized perturbation (Keup et al.: matched rate networks are not chaotic). A decay by
        // three orders of magnitude in 20 τ is no finite-size accident: the measured decay is exponential, ≈ e^{-τ⁻¹ t}
        double[] dy = r.distanceRate();
        System.out.printf("  replica distance: binary late %.4f (d* %.4f), matched rate d(0) %.2e d(20) %.2e%n",
                r.distance().simulation(), r.distance().theory(), dy[0], dy[dy.length - 1]);
        assertThat(r.distance().simulation()).isGreaterThan(0.5 * r.distance().theory());
        if (sigma > 0) {
            assertThat(dy[dy.length - 1]).isLessThan(1e-3 * dy[0]);
        }
    }

    private static void check(String what, Deviation d, double relative) {
        checkAbs(what, d, relative * Math.abs(d.theory()));
    }

    private static void checkAbs(String what, Deviation d, double allowance) {
        assertAgrees("  " + what, d, 3, allowance);
    }
}

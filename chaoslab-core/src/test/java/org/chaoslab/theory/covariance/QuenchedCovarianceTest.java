package org.chaoslab.theory.covariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Noise;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.theory.dmft.DmftSolver;
import org.junit.jupiter.api.Test;

/**
 * {@link QuenchedCovariance} with a static part (non-odd φ, or a constant input): the offset average over the units'
 * trial means (docs/correlations-nonlinear.md, "Quenched noise with a static part") against the closed forms it must
 * reduce to. Theory beside simulation: {@code QuenchedCorrelationComparisonTest}.
 */
class QuenchedCovarianceTest {

    private static RateNetwork quenched(String phi, double g, double sigma, double input, int n) {
        return RateNetwork.scs(n, g, TransferFunctions.parse(phi))
                .withInput(new ExternalInput.Constant(input).withNoise(new Noise.Quenched(sigma)));
    }

    @Test
    void linearUnitsWithAConstantInputGiveTheLinearClosedForms() {
        // x* = (1 - J)^-1 (xi + I): the input shifts every trial by the same vector and drops out of the covariance. The
        // static part goes through the offset average all the same: mu = 0.5, c_inf = g^2 mu^2/(1 - g^2) = 0.140625,
        // Delta = (sigma^2 + g^2 mu^2)/(1 - g^2), and every offset has gamma = 1, v = q = sigma^2/(1 - g^2). The
        // integrands are polynomials, which the adaptive quadrature integrates to rounding: 1e-10 relative
        int n = 200;
        QuenchedCovariance.Result r = QuenchedCovariance.of(quenched("linear", 0.6, 1.0, 0.5, n));
        CovariancePrediction exact = LinearCovariance.zeroFrequency(0.6, 1.0, n);
        assertThat(r.frozenVariance()).isCloseTo(0.36 * 0.25 / 0.64, within(1e-12));
        assertThat(r.mean()).isEqualTo(0.5);
        assertThat(r.variance()).isCloseTo((1.0 + 0.36 * 0.25) / 0.64, within(1e-12));
        assertRelative(r.cavity().spectralRadius(), 0.6, 1e-10);
        assertRelative(r.cavity().meanAutoCov(), exact.meanAutoCov(), 1e-10);
        assertRelative(r.cavity().varCrossCov(), exact.varCrossCov(), 1e-10);
        assertRelative(r.cavity().participationRatioPerN(), exact.participationRatioPerN(), 1e-10);
        assertThat(r.cavity().meanCrossCov()).isZero();
        assertThat(r.nonlinearPower()).isCloseTo(0.0, within(1e-12));
        // the effective gain is exact for linear units
        assertRelative(r.effectiveGain().meanAutoCov(), exact.meanAutoCov(), 1e-10);
    }

    @Test
    void oneOffsetIsTheOddFormula() {
        // tanh without input: the static-part formula at c_inf = 0 (one offset, mu = 0) must be the single-offset cavity
        // R = g<phi'>, N Var = R^4/(1 - R^2)^2 (<phi^2>/gamma^2)^2 + 2R^2/(1 - R^2) Delta^2 (same quadrature: 1e-12)
        RateNetwork net = quenched("tanh", 1.5, 2.0, 0.0, 200);
        QuenchedCovariance.Result odd = QuenchedCovariance.of(net);
        DmftSolver solver = new DmftSolver();
        double delta = solver.solve(net).delta0();
        QuenchedCovariance.Result general = QuenchedCovariance.withStaticPart(1.5, delta, 0.0, 0.0, 4.0,
                new TransferFunctions.Tanh(), solver.engine(), 200);
        assertThat(general.frozenVariance()).isCloseTo(0.0, within(1e-14));
        assertRelative(general.cavity().spectralRadius(), odd.cavity().spectralRadius(), 1e-12);
        assertRelative(general.cavity().meanAutoCov(), odd.cavity().meanAutoCov(), 1e-12);
        assertRelative(general.cavity().varCrossCov(), odd.cavity().varCrossCov(), 1e-12);
        assertRelative(general.nonlinearPower(), odd.nonlinearPower(), 1e-10);
        assertThat(QuenchedCovariance.hasStaticPart(net)).isFalse();
    }

    @Test
    void theTwoTrialSplitIsSelfConsistent() {
        // sigmoid (mean rate ~ 1/2: a large frozen part) and tanh with an input: Delta comes from the static DMFT, c_inf
        // from the two-trial equation c = g^2 F_phi(c; mu, Delta); the second equation of the split, q = sigma^2 +
        // g^2 E_z[v(z)], is not imposed and must hold (quadrature ~1e-13 relative, the root to 1e-15 Delta)
        for (RateNetwork net : new RateNetwork[] {quenched("sigmoid", 4.0, 1.0, 0.0, 200), quenched("tanh", 1.5, 2.0, 0.5, 200),
                quenched("relu", 0.9, 1.0, 0.2, 200)}) {
            QuenchedCovariance.Result r = QuenchedCovariance.of(net);
            double sigma2 = net.input().noise().sigma() * net.input().noise().sigma();
            assertThat(QuenchedCovariance.hasStaticPart(net)).isTrue();
            assertThat(r.frozenVariance()).isPositive();
            assertRelative(r.trialVariance(), sigma2 + net.gain() * net.gain() * r.rateVariance(), 1e-10);
            // the heterogeneity of the gains: R^2 = g^2 E[gamma^2] >= (g<phi'>)^2 (Jensen over the offsets; and the
            // smoothing by the trial spread), and R < 1 since E[gamma^2] <= <phi'^2>
            assertThat(r.cavity().spectralRadius()).isLessThan(Math.sqrt(r.stabilityGain()));
            System.out.printf("%s g=%.1f %s: Delta %.6f, c_inf %.6f, q %.6f, R %.5f (g<phi'> %.5f), a %.5f (eff %.5f), "
                            + "N Var %.5f (eff %.5f), PR/N %.5f (eff %.5f)%n", net.transfer().name(), net.gain(),
                    net.input().noise().label(), r.variance(), r.frozenVariance(), r.trialVariance(),
                    r.cavity().spectralRadius(), r.effectiveGain().spectralRadius(), r.cavity().meanAutoCov(),
                    r.effectiveGain().meanAutoCov(), 200 * r.cavity().varCrossCov(), 200 * r.effectiveGain().varCrossCov(),
                    r.cavity().participationRatioPerN(), r.effectiveGain().participationRatioPerN());
        }
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected).isLessThanOrEqualTo(tolerance * Math.abs(expected));
    }
}

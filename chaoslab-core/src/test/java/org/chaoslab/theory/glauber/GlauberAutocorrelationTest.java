package org.chaoslab.theory.glauber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.model.GlauberNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlauberAutocorrelationTest {

    private final GaussianExpectation engine = GaussianExpectation.standard();

    @ParameterizedTest
    @ValueSource(doubles = {-0.8, -0.2, 0.0, 0.4})
    void fastOrthantProbabilityAgreesWithTheBivariateStepIntegral(double mean) {
        double v = 0.6;
        for (double rho : new double[] {0.0, 0.2, 0.5, 0.9, 0.99, 0.998, 0.9995}) {
            double fast = GlauberStationaryState.bothAbove(engine, mean, v, rho * v);
            double step = engine.crossCorrelation(GlauberStationaryState.STEP, GlauberStationaryState.STEP, mean, v, mean, v, rho * v);
            assertThat(fast).as("rho = %s", rho).isCloseTo(step, within(1e-11));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5})
    void autocorrelationStartsAtTheRateAndDecaysToQ(double sigma) {
        GlauberStationaryState s = GlauberStationaryState.solve(new GlauberNetwork(1000, -2.0, 1.0, 0.5, 0.0, sigma, 1.0), engine);
        GlauberAutocorrelation c = GlauberAutocorrelation.solve(s, 0.02, 30, engine);
        double[] cn = c.binary();
        assertThat(cn[0]).isCloseTo(s.m(), within(1e-10)); // n² = n
        // C(∞) = q, solved independently by the static quenched theory (lags to 30 τ: the slowest decay, σ = 0, still
        // leaves 5·10⁻⁵ at 12 τ)
        assertThat(cn[cn.length - 1]).isCloseTo(s.q(), within(1e-6));
        for (int i = 1; i < cn.length; i++) {
            assertThat(cn[i]).isLessThanOrEqualTo(cn[i - 1] + 1e-12);
        }
        // the output noise supplies the variance the smooth rate lacks: 0 < a < m(1 − m); matched C_y = C_n
        double a = c.outputNoiseVariance();
        assertThat(a).isBetween(0.0, s.m() * (1 - s.m()));
        double[] cy = c.matchedRate();
        for (int i = 0; i < cn.length; i++) {
            assertThat(cy[i]).isCloseTo(cn[i], within(1e-9));
        }
        // halving the lag step changes C at lag 1 by less than 10⁻⁴ (the piecewise-linear filter is second order)
        GlauberAutocorrelation fine = GlauberAutocorrelation.solve(s, 0.01, 12, engine);
        assertThat(fine.covarianceAt(1.0)).isCloseTo(c.covarianceAt(1.0), within(1e-4));
    }
}

package org.chaoslab.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    private static final int M = 200;

    private static double[] gram() {
        double[] g = new double[M * M];
        for (int a = 0; a < M; a++) {
            for (int b = 0; b < M; b++) {
                g[a * M + b] = Math.exp(Math.cos(2 * Math.PI * (a - b) / M) - 1);
            }
        }
        return g;
    }

    private static double[] target() {
        double[] y = new double[M];
        for (int j = 0; j < M; j++) {
            y[j] = Math.cos(3 * 2 * Math.PI * j / M);
        }
        return y;
    }

    /** α solves (K_train + λI) α = y: residual at round-off (1e-10 for a condition number ≲ 1e4 at λ = 1e-3). */
    @Test
    void coefficientsSolveTheRidgeSystem() {
        double[] g = gram();
        int[] train = {3, 17, 50, 51, 120, 199};
        double[] y = {1, -1, 0.5, 0.2, 0, 2};
        double ridge = 1e-3;
        double[] alpha = RidgeRegression.fit(g, M, train, y, ridge);
        for (int mu = 0; mu < train.length; mu++) {
            double s = ridge * alpha[mu];
            for (int nu = 0; nu < train.length; nu++) {
                s += g[train[mu] * M + train[nu]] * alpha[nu];
            }
            assertThat(s).isCloseTo(y[mu], within(1e-10));
        }
        double[] f = RidgeRegression.predict(g, M, train, alpha);
        assertThat(f[train[0]]).isCloseTo(y[0] - ridge * alpha[0], within(1e-10));
    }

    /**
     * A nugget ν on the training Gram only (test kernel without it) is exactly ridge λ + ν: the same training sets
     * (same seeds) give the same errors up to the round-off of (K + νI) + λI vs K + (λ + ν)I, relative 1e-9.
     */
    @Test
    void nuggetOnTheTrainingGramEqualsExtraRidge() {
        double[] g = gram();
        double nu = 0.05;
        double ridge = 0.01;
        double[] train = g.clone();
        for (int a = 0; a < M; a++) {
            train[a * M + a] += nu;
        }
        int[] sizes = {10, 40};
        LearningCurve withNugget = RidgeRegression.learningCurve(train, g, M, target(), sizes, ridge, 0.2, 20,
                StreamSeeds.of(11));
        LearningCurve withRidge = RidgeRegression.learningCurve(g, g, M, target(), sizes, ridge + nu, 0.2, 20,
                StreamSeeds.of(11));
        for (int i = 0; i < sizes.length; i++) {
            double a = withNugget.points().get(i).testError().value();
            double b = withRidge.points().get(i).testError().value();
            assertThat(a).isCloseTo(b, within(1e-9 * b));
            double c = withNugget.points().get(i).allStimuliError().value();
            double d = withRidge.points().get(i).allStimuliError().value();
            assertThat(c).isCloseTo(d, within(1e-9 * d));
        }
    }

    /** Responses path: a linear readout trains on the same-trial kernel and tests on the cross-trial kernel. */
    @Test
    void responsesPathUsesSameTrialForTrainingAndCrossTrialForTesting() {
        TrialKernels k = new TrialKernels(M, 2, 1, gram(), gram());
        for (int a = 0; a < M; a++) {
            k.sameTrial()[a * M + a] += 0.05;
        }
        LearningCurve viaKernels = RidgeRegression.learningCurve(k, target(), new int[] {20}, 0.01, 0, 5,
                StreamSeeds.of(2));
        LearningCurve viaGram = RidgeRegression.learningCurve(gram(), M, target(), new int[] {20}, 0.06, 5,
                StreamSeeds.of(2));
        assertThat(viaKernels.points().get(0).testError().value())
                .isCloseTo(viaGram.points().get(0).testError().value(), within(1e-9));
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        double[] g = gram();
        StreamSeeds s = StreamSeeds.of(1);
        assertThatThrownBy(() -> RidgeRegression.learningCurve(g, M, target(), new int[] {5}, -1, 5, s))
                .hasMessageStartingWith("ridge must be finite and >= 0");
        assertThatThrownBy(() -> RidgeRegression.learningCurve(g, M, target(), new int[] {M}, 1, 5, s))
                .hasMessageStartingWith("trainSizes must be in [1, " + (M - 1) + "]");
        assertThatThrownBy(() -> RidgeRegression.learningCurve(g, M, new double[3], new int[] {5}, 1, 5, s))
                .hasMessageStartingWith("target must have length stimuli = " + M);
        assertThatThrownBy(() -> RidgeRegression.learningCurve(new double[5], M, target(), new int[] {5}, 1, 5, s))
                .hasMessageStartingWith("trainGram must have length stimuli^2");
        assertThatThrownBy(() -> RidgeRegression.learningCurve(g, M, target(), new int[] {5}, 1, 1, s))
                .hasMessageStartingWith("draws must be >= 2");
    }
}

package org.chaoslab.theory.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chaoslab.compare.Agreement.assertAgrees;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.chaoslab.analysis.kernel.LearningCurve;
import org.chaoslab.analysis.kernel.RidgeRegression;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;

class KernelRegressionTheoryTest {

    private static final int M = 2048;   // grid points on the circle: the input distribution (uniform on the grid)
    private static final int[] SIZES = {32, 64, 128, 256};
    private static final int DRAWS = 200;

    private static double angle(int j) {
        return 2 * Math.PI * j / M;
    }

    private static double[] kernelByLag(DoubleUnaryOperator k) {
        double[] byLag = new double[M];
        for (int j = 0; j < M; j++) {
            double d = angle(j) > Math.PI ? angle(j) - 2 * Math.PI : angle(j);
            byLag[j] = k.applyAsDouble(d);
        }
        return byLag;
    }

    private static double[] target() {
        double[] y = new double[M];
        for (int j = 0; j < M; j++) {
            y[j] = Math.cos(3 * angle(j)) + 0.5 * Math.sin(angle(j));
        }
        return y;
    }

    private static double[] gram(double[] byLag) {
        double[] g = new double[M * M];
        for (int a = 0; a < M; a++) {
            for (int b = 0; b < M; b++) {
                g[a * M + b] = byLag[((a - b) % M + M) % M];
            }
        }
        return g;
    }

    /**
     * Theory vs the empirical mean over 200 random training sets (uniform on the grid, without replacement), E_g
     * measured over all grid points (the generalization error under the grid measure). Allowed deviation:
     * 3 standard errors of the empirical mean plus 4/P of the prediction (the theory is asymptotic in P; the finite-P
     * corrections measured here are ≤ 6% at P = 64 and ≤ 2% at P = 256 beside the statistical error). Asserted for
     * P ≥ 64; P = 32 is printed only (the theory deviates by up to 12% there for the smooth kernel).
     */
    private static void assertAgreement(String name, double[] byLag, double[] trainGram, double[] testGram,
            double ridge, double theoryRidge, double sigma) {
        double[] y = target();
        KernelRegressionTheory.Modes modes = KernelRegressionTheory.onCircleGrid(byLag, y);
        LearningCurve lc = RidgeRegression.learningCurve(trainGram, testGram, M, y, SIZES, ridge, sigma, DRAWS,
                StreamSeeds.of(7));
        for (LearningCurve.Point pt : lc.points()) {
            KernelRegressionTheory.Prediction th = KernelRegressionTheory.predict(modes, pt.trainSize(), theoryRidge,
                    sigma * sigma);
            double emp = pt.allStimuliError().value();
            double se = pt.allStimuliError().standardError();
            double eg = th.generalizationError();
            System.out.printf("%s P = %3d: empirical E_g %.4e ± %.1e (held-out only %.4e), theory %.4e "
                    + "(kappa %.3e, gamma %.3f), rel. dev %+.3f%n", name, pt.trainSize(), emp, se,
                    pt.testError().value(), eg, th.kappa(), th.gamma(), (emp - eg) / eg);
            if (pt.trainSize() >= 64) {
                assertAgrees(name + " P = " + pt.trainSize() + ": E_g", pt.allStimuliError(), eg, 3, 4.0 / pt.trainSize() * eg);
            }
        }
    }

    /** Arc-cosine (Heaviside) kernel ½ − |Δ|/(2π), ridge 0.1, label noise σ = 0.3. */
    @Test
    void arcCosineKernelLearningCurveWithLabelNoise() {
        double[] k = kernelByLag(d -> 0.5 - Math.abs(d) / (2 * Math.PI));
        double[] g = gram(k);
        assertAgreement("arccos ridge 0.1 sigma 0.3", k, g, g, 0.1, 0.1, 0.3);
    }

    /**
     * Smooth kernel exp(cos Δ − 1) with ridge λ = 0.02 and a nugget ν = 0.08 on the training Gram only: the theory
     * with ridge λ + ν = 0.1 predicts it (the estimator is identical to ridge λ + ν, see RidgeRegressionTest).
     */
    @Test
    void nuggetOnTheTrainingGramActsAsRidgeInTheTheory() {
        double[] k = kernelByLag(d -> Math.exp(Math.cos(d) - 1));
        double[] test = gram(k);
        double[] train = test.clone();
        for (int a = 0; a < M; a++) {
            train[a * M + a] += 0.08;
        }
        assertAgreement("exp nugget 0.08 + ridge 0.02", k, train, test, 0.02, 0.1, 0.0);
    }

    /** The single-mode limit: κ → λ for P → ∞ and E_g → v²λ²/(Pη + λ)² (the empirical estimator's exact value). */
    @Test
    void kappaSolvesTheSelfConsistencyAndLimits() {
        double[] eta = new double[200];
        double[] v = new double[200];
        for (int r = 0; r < eta.length; r++) {
            eta[r] = Math.pow(r + 1, -2.0);
            v[r] = Math.pow(r + 1, -1.0);
        }
        for (double ridge : new double[] {0, 1e-6, 1e-2, 1}) {
            for (int p : new int[] {1, 10, 100, 1000}) {
                double kappa = KernelRegressionTheory.kappa(eta, p, ridge);
                double rhs = ridge;
                for (double e : eta) {
                    rhs += kappa * e / (p * e + kappa);
                }
                // bisection to 1e-15 relative precision; sums of 200 terms: 1e-12 relative
                assertThat(kappa).isCloseTo(rhs, within(1e-12 * Math.max(rhs, 1e-300)));
                if (ridge == 0 && p >= eta.length) {
                    assertThat(kappa).isZero();   // interpolation: no more modes than samples
                }
            }
        }
        KernelRegressionTheory.Modes one = new KernelRegressionTheory.Modes(new double[] {0.5}, new double[] {2});
        KernelRegressionTheory.Prediction pr = KernelRegressionTheory.predict(one, 100000, 0.3, 0);
        double exact = 4 * 0.09 / Math.pow(100000 * 0.5 + 0.3, 2);
        assertThat(pr.generalizationError()).isCloseTo(exact, within(1e-4 * exact));   // O(1/P) corrections
        assertThat(KernelRegressionTheory.predict(one, 3, 0, 0).generalizationError()).isZero();
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        KernelRegressionTheory.Modes one = new KernelRegressionTheory.Modes(new double[] {0.5}, new double[] {2});
        assertThatThrownBy(() -> KernelRegressionTheory.predict(one, 10, -1, 0))
                .hasMessageStartingWith("ridge must be finite and >= 0");
        assertThatThrownBy(() -> KernelRegressionTheory.predict(one, 0, 1, 0)).hasMessageStartingWith("trainSize must be >= 1");
        assertThatThrownBy(() -> KernelRegressionTheory.predict(one, 1, 1, -1))
                .hasMessageStartingWith("noiseVariance must be finite and >= 0");
        assertThatThrownBy(() -> new KernelRegressionTheory.Modes(new double[] {-1}, new double[] {1}))
                .hasMessageStartingWith("eigenvalues must be finite and >= 0");
        assertThatThrownBy(() -> KernelRegressionTheory.onCircleGrid(new double[4], new double[3]))
                .hasMessageStartingWith("target must have length kernelByLag.length = 4");
    }
}

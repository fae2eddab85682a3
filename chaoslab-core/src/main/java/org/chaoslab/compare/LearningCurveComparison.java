package org.chaoslab.compare;

import java.util.ArrayList;
import java.util.List;

import org.chaoslab.analysis.kernel.CircleKernel;
import org.chaoslab.analysis.Estimate;
import org.chaoslab.analysis.kernel.LearningCurve;
import org.chaoslab.analysis.kernel.ResponseKernels;
import org.chaoslab.analysis.kernel.RidgeRegression;
import org.chaoslab.analysis.kernel.TrialKernels;
import org.chaoslab.random.StreamSeeds;
import org.chaoslab.theory.kernel.KernelRegressionTheory;

/**
 * The learning curve of a linear readout of network responses beside the theory of kernel regression, with the nugget
 * as an effective ridge (Bauer, Keup, Kadmon &amp; Helias 2026, "chaotic regularization"; Canatar, Bordelon &amp;
 * Pehlevan, Nat. Commun. 12:2914 (2021)).
 *
 * <p>The readout is trained by ridge regression (Gram matrix not divided by P) on the responses of one trial — the
 * same-trial kernel K_smooth + ν I, nugget included — and tested on responses of another trial (the cross-trial
 * kernel K_smooth). The theory takes the modes of the measured cross-trial kernel on the circle and the ridge
 * λ + ν. Stimuli: P equally spaced points θ_p = 2πp/P; the target is a function on them.
 *
 * <p>Finite N: the kernel between two trials is an average over N units and carries sampling noise of variance
 * O(K(0)²/N) per entry, which the N → ∞ theory leaves out; it adds to the test error an excess that grows with the
 * training-set size and falls as 1/N (measured, docs/kernels.md: at P = 64 of 512 stimuli, +51%, +18%, +9% for
 * N = 1000, 2000, 4000).
 */
public final class LearningCurveComparison {

    private LearningCurveComparison() {
    }

    /**
     * One training-set size.
     *
     * @param trainSize P
     * @param measured  the error averaged over all stimuli, mean ± SE over training sets
     * @param theory    E_g of the theory with ridge λ + ν
     * @param theoryWithoutNugget E_g with the explicit ridge λ alone (NaN when λ = 0: interpolation is ill-posed)
     */
    public record Point(int trainSize, Estimate measured, double theory, double theoryWithoutNugget) {
    }

    /**
     * The comparison.
     *
     * @param nugget          ν = mean same-trial K(0) − mean cross-trial K(0)
     * @param ridge           the explicit ridge λ
     * @param effectiveRidge  λ + ν
     * @param clippedModes    modes of the measured cross-trial kernel below zero by sampling noise, set to 0
     * @param targetPower     mean of y² over the stimuli
     * @param points          one per training-set size
     */
    public record Result(double nugget, double ridge, double effectiveRidge, int clippedModes, double targetPower, List<Point> points) {
    }

    /**
     * Measures the learning curve of the responses' kernels and evaluates the theory.
     *
     * @param kernels stimuli on the circle, ≥ 2 trials
     * @param target  y(θ_p), length P
     * @param sizes   training-set sizes, each in [1, P − 1]
     * @param ridge   λ ≥ 0
     * @param draws   training sets per size, ≥ 2
     * @param seeds   the stream of the draws
     */
    public static Result run(TrialKernels kernels, double[] target, int[] sizes, double ridge, int draws, StreamSeeds seeds) {
        int p = kernels.stimuli();
        CircleKernel c = ResponseKernels.onCircle(kernels);
        double nugget = diagonal(kernels.sameTrial(), p) - diagonal(kernels.crossTrial(), p);
        LearningCurve curve = RidgeRegression.learningCurve(kernels, target, sizes, ridge, 0.0, draws, seeds);
        double[] byLag = new double[p];
        for (int j = 0; j < p; j++) {
            byLag[j] = c.crossTrial()[Math.min(j, p - j)];
        }
        int clipped = projectPositive(byLag);
        KernelRegressionTheory.Modes modes = KernelRegressionTheory.onCircleGrid(byLag, target);
        double effective = ridge + Math.max(0.0, nugget);
        List<Point> points = new ArrayList<>();
        for (LearningCurve.Point pt : curve.points()) {
            double thy = KernelRegressionTheory.predict(modes, pt.trainSize(), effective, 0.0).generalizationError();
            double bare = ridge > 0 ? KernelRegressionTheory.predict(modes, pt.trainSize(), ridge, 0.0).generalizationError() : Double.NaN;
            points.add(new Point(pt.trainSize(), pt.allStimuliError(), thy, bare));
        }
        return new Result(nugget, ridge, effective, clipped, curve.targetPower(), points);
    }

    /** A target on the circle grid θ_j = 2πj/P from terms "cos:K" and "sin:K" joined by '+'. */
    public static double[] target(String spec, int p) {
        double[] y = new double[p];
        for (String term : spec.split("\\+")) {
            String[] f = term.trim().split(":");
            int k;
            try {
                k = Integer.parseInt(f[1].trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("target must be terms cos:K or sin:K joined by '+' (got '" + spec + "')");
            }
            if (f.length != 2 || k < 0 || 2 * k >= p) {
                throw new IllegalArgumentException("target frequencies must be integers in [0, " + ((p - 1) / 2) + "] (got '" + term + "')");
            }
            boolean cos = switch (f[0].trim()) {
                case "cos" -> true;
                case "sin" -> false;
                default -> throw new IllegalArgumentException("target must be terms cos:K or sin:K joined by '+' (got '" + spec + "')");
            };
            for (int j = 0; j < p; j++) {
                double a = 2 * Math.PI * k * j / p;
                y[j] += cos ? Math.cos(a) : Math.sin(a);
            }
        }
        return y;
    }

    /**
     * The measured cross-trial kernel is a sample estimate: its circle modes (cosine transform) may dip below zero by
     * sampling noise. Those modes are set to 0 (a kernel must be positive semi-definite); a mode more negative than
     * 10⁻³ of the largest is not noise, and is refused.
     *
     * @return the number of modes clipped
     */
    static int projectPositive(double[] byLag) {
        int p = byLag.length;
        double[] eta = new double[p];
        double max = 0;
        for (int k = 0; k < p; k++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += byLag[j] * Math.cos(2 * Math.PI * ((long) k * j % p) / p);
            }
            eta[k] = s / p;
            max = Math.max(max, eta[k]);
        }
        int clipped = 0;
        for (int k = 0; k < p; k++) {
            if (eta[k] < 0) {
                if (eta[k] < -1e-3 * max) {
                    throw new IllegalArgumentException("the cross-trial kernel has a mode " + eta[k] + " far below zero (largest "
                            + max + "): not a kernel estimate");
                }
                eta[k] = 0;
                clipped++;
            }
        }
        if (clipped > 0) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += eta[k] * Math.cos(2 * Math.PI * ((long) k * j % p) / p);
                }
                byLag[j] = s;
            }
        }
        return clipped;
    }

    private static double diagonal(double[] k, int p) {
        double s = 0;
        for (int i = 0; i < p; i++) {
            s += k[i * p + i];
        }
        return s / p;
    }
}

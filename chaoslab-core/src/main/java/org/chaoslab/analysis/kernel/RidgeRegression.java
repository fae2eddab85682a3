package org.chaoslab.analysis.kernel;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.analysis.Estimate;
import org.chaoslab.linalg.Blas;
import org.chaoslab.model.Validate;
import org.chaoslab.random.StreamSeeds;
import org.netlib.util.intW;

/**
 * Empirical kernel ridge regression of a target over stimuli: the readout f̂(x) = Σ_μ α_μ K(x, x_μ) with
 * α = (K_train + λ I)⁻¹ y (Canatar, Bordelon &amp; Pehlevan, Nat. Commun. 12:2914 (2021), Eq. 2: minimiser of
 * Σ_μ (f(x_μ) − y_μ)² + λ‖f‖²_H; the Gram matrix is not divided by P). Solved by Cholesky, LAPACK dposv.
 *
 * <p>A linear readout f = w·r/√N of responses r with penalty λ|w|² is this estimator with K = (1/N) r·r′ (the
 * {@link TrialKernels}); training on single-trial responses and testing on responses of new trials means the training
 * Gram is the same-trial kernel (diagonal K(0), including the nugget ν) and the test kernel is the cross-trial one:
 * the nugget acts as an extra ridge (Bauer, Keup, Kadmon &amp; Helias 2026).
 */
public final class RidgeRegression {

    private RidgeRegression() {
    }

    /**
     * The coefficients α = (K_train,train + λI)⁻¹ y_train for the training stimuli {@code train} (indices into the
     * M×M row-major {@code trainGram}); {@code labels} are the P training labels. λ ≥ 0; λ = 0 needs K_train
     * positive definite.
     */
    public static double[] fit(double[] trainGram, int stimuli, int[] train, double[] labels, double ridge) {
        checkGram("trainGram", trainGram, stimuli);
        Validate.finiteAtLeast("ridge", ridge, 0);
        int p = train.length;
        if (labels.length != p) {
            throw new IllegalArgumentException("labels must have length train.length = " + p + " (got "
                    + labels.length + ")");
        }
        double[] a = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            checkIndex(train[mu], stimuli);
            for (int nu = 0; nu < p; nu++) {
                a[mu * p + nu] = trainGram[train[mu] * stimuli + train[nu]];
            }
            a[mu * p + mu] += ridge;
        }
        double[] alpha = labels.clone();
        intW info = new intW(0);
        Blas.lapack().dposv("U", p, 1, a, p, alpha, p, info);
        if (info.val != 0) {
            throw new IllegalStateException("dposv: K_train + ridge*I is not positive definite (info = " + info.val
                    + "); use ridge > 0");
        }
        return alpha;
    }

    /** Predictions f̂(q) = Σ_μ K_test(q, x_μ) α_μ at every stimulus q (M×M row-major {@code testGram}). */
    public static double[] predict(double[] testGram, int stimuli, int[] train, double[] alpha) {
        checkGram("testGram", testGram, stimuli);
        double[] f = new double[stimuli];
        for (int q = 0; q < stimuli; q++) {
            double s = 0;
            int row = q * stimuli;
            for (int mu = 0; mu < train.length; mu++) {
                s += testGram[row + train[mu]] * alpha[mu];
            }
            f[q] = s;
        }
        return f;
    }

    /** The learning curve with one kernel for training and testing and noiseless labels. */
    public static LearningCurve learningCurve(double[] gram, int stimuli, double[] target, int[] trainSizes,
            double ridge, int draws, StreamSeeds seeds) {
        return learningCurve(gram, gram, stimuli, target, trainSizes, ridge, 0.0, draws, seeds);
    }

    /**
     * The learning curve of a linear readout of responses: same-trial kernel for training, cross-trial kernel for
     * testing (see the class comment); needs trials ≥ 2.
     */
    public static LearningCurve learningCurve(TrialKernels k, double[] target, int[] trainSizes, double ridge,
            double labelNoise, int draws, StreamSeeds seeds) {
        Validate.atLeast("trials", k.trials(), 2);
        return learningCurve(k.sameTrial(), k.crossTrial(), k.stimuli(), target, trainSizes, ridge, labelNoise,
                draws, seeds);
    }

    /**
     * The learning curve: for each P in {@code trainSizes} (each in [1, M − 1]), {@code draws} ≥ 2 training sets of P
     * distinct stimuli drawn uniformly without replacement from stream {@code seeds.child("ridge-train").child(P)
     * .child(d)}; training labels y + σε with ε from {@code seeds.child("ridge-label-noise").child(P).child(d)};
     * α from {@code trainGram}, predictions from {@code testGram}, errors against the clean target.
     */
    public static LearningCurve learningCurve(double[] trainGram, double[] testGram, int stimuli, double[] target,
            int[] trainSizes, double ridge, double labelNoise, int draws, StreamSeeds seeds) {
        checkGram("trainGram", trainGram, stimuli);
        checkGram("testGram", testGram, stimuli);
        Validate.finiteAtLeast("ridge", ridge, 0);
        Validate.finiteAtLeast("labelNoise", labelNoise, 0);
        Validate.atLeast("draws", draws, 2);
        if (target.length != stimuli) {
            throw new IllegalArgumentException("target must have length stimuli = " + stimuli + " (got "
                    + target.length + ")");
        }
        if (trainSizes.length == 0) {
            throw new IllegalArgumentException("trainSizes must hold at least one size in [1, " + (stimuli - 1) + "]");
        }
        for (int p : trainSizes) {
            if (p < 1 || p > stimuli - 1) {
                throw new IllegalArgumentException("trainSizes must be in [1, " + (stimuli - 1) + "] (got " + p + ")");
            }
        }
        double power = 0;
        for (double y : target) {
            power += y * y / stimuli;
        }
        List<LearningCurve.Point> points = new ArrayList<>();
        for (int p : trainSizes) {
            double[] test = new double[draws];
            double[] all = new double[draws];
            for (int d = 0; d < draws; d++) {
                int[] train = drawSubset(seeds.child("ridge-train").child(p).child(d).provider(), stimuli, p);
                double[] labels = new double[p];
                ZigguratSampler.NormalizedGaussian noise = labelNoise > 0
                        ? seeds.child("ridge-label-noise").child(p).child(d).gaussian() : null;
                boolean[] isTrain = new boolean[stimuli];
                for (int mu = 0; mu < p; mu++) {
                    labels[mu] = target[train[mu]] + (noise == null ? 0 : labelNoise * noise.sample());
                    isTrain[train[mu]] = true;
                }
                double[] f = predict(testGram, stimuli, train, fit(trainGram, stimuli, train, labels, ridge));
                double se = 0;
                double sa = 0;
                for (int q = 0; q < stimuli; q++) {
                    double e = (f[q] - target[q]) * (f[q] - target[q]);
                    sa += e;
                    if (!isTrain[q]) {
                        se += e;
                    }
                }
                test[d] = se / (stimuli - p);
                all[d] = sa / stimuli;
            }
            points.add(new LearningCurve.Point(p, Estimate.mean(test), Estimate.mean(all)));
        }
        return new LearningCurve(ridge, labelNoise, draws, power, points);
    }

    /** P distinct indices from 0..M−1, uniform without replacement (partial Fisher–Yates). */
    static int[] drawSubset(UniformRandomProvider rng, int m, int p) {
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < p; i++) {
            int j = i + rng.nextInt(m - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, p);
    }

    private static void checkGram(String name, double[] g, int stimuli) {
        Validate.atLeast("stimuli", stimuli, 2);
        if ((long) stimuli * stimuli != g.length) {
            throw new IllegalArgumentException(name + " must have length stimuli^2 = " + (long) stimuli * stimuli
                    + " (got " + g.length + ")");
        }
    }

    private static void checkIndex(int i, int stimuli) {
        if (i < 0 || i >= stimuli) {
            throw new IllegalArgumentException("train indices must be in [0, " + (stimuli - 1) + "] (got " + i + ")");
        }
    }
}

package org.chaoslab.theory.deep;

import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;

/**
 * The order–chaos boundary in the (σ_w², σ_b²) plane: for each σ_b² the σ_w² where χ1 = 1
 * (Poole et al. 2016, Fig. 1; Schoenholz et al. 2017, Fig. 1), by bracketing and Brent's method on
 * χ1(σ_w²) − 1. Where the length map has no fixed point (e.g. ReLU beyond σ_w² = 2) the function is
 * taken as positive, so the root is then the point where q* ceases to exist.
 */
public final class OrderChaosBoundary {

    /** Smallest σ_w² searched. */
    public static final double MIN_WEIGHT_VARIANCE = 1e-6;
    /** Largest σ_w² searched. */
    public static final double MAX_WEIGHT_VARIANCE = 1e6;

    private final DeepMeanField theory;

    /** Uses {@code theory}'s Gaussian-expectation engine. */
    public OrderChaosBoundary(DeepMeanField theory) {
        this.theory = theory;
    }

    /** The boundary at each of the given σ_b² (each ≥ 0). */
    public BoundaryCurve compute(TransferFunction phi, double keep, double[] biasVariances) {
        int n = biasVariances.length;
        double[] sw = new double[n];
        double[] q = new double[n];
        double[] chi = new double[n];
        for (int k = 0; k < n; k++) {
            double sb2 = Validate.finiteAtLeast("sigma-b2", biasVariances[k], 0.0);
            sw[k] = criticalWeightVariance(phi, keep, sb2);
            if (Double.isNaN(sw[k])) {
                q[k] = Double.NaN;
                chi[k] = Double.NaN;
                continue;
            }
            DeepNetwork net = DeepNetwork.ensemble(phi, sw[k], sb2, keep);
            LengthMap lm = theory.lengthMap(net);
            LengthFixedPoint fp = lm.fixedPoint(lm.first(DeepMeanField.DEFAULT_INPUT_LENGTH));
            q[k] = fp.qStar();
            chi[k] = fp.exists() ? lm.chi1(fp.qStar()) : Double.NaN;
        }
        return new BoundaryCurve(phi.name(), keep, biasVariances.clone(), sw, q, chi);
    }

    /** The σ_w² with χ1 = 1 at this σ_b², or NaN when none lies in [10⁻⁶, 10⁶]. */
    public double criticalWeightVariance(TransferFunction phi, double keep, double sb2) {
        double lo = MIN_WEIGHT_VARIANCE;
        if (excess(phi, keep, sb2, lo) >= 0) {
            return Double.NaN;
        }
        double hi = 1.0;
        while (excess(phi, keep, sb2, hi) < 0) {
            lo = hi;
            hi *= 2.0;
            if (hi > MAX_WEIGHT_VARIANCE) {
                return Double.NaN;
            }
        }
        return Roots.brent(s -> excess(phi, keep, sb2, s), lo, hi, 1e-14);
    }

    /** χ1 − 1 at (σ_w², σ_b²), or +1 where q* does not exist (beyond the reach of any fixed point). */
    private double excess(TransferFunction phi, double keep, double sb2, double sw2) {
        LengthMap lm = theory.lengthMap(DeepNetwork.ensemble(phi, sw2, sb2, keep));
        LengthFixedPoint fp = lm.fixedPoint(lm.first(DeepMeanField.DEFAULT_INPUT_LENGTH));
        return fp.exists() ? lm.chi1(fp.qStar()) - 1.0 : 1.0;
    }
}

package org.chaoslab.theory.deep;

import org.chaoslab.gauss.GaussianExpectation;
import org.chaoslab.gauss.TrapezoidRule;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.DeepNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.Validate;

/**
 * The phase diagram: q*, c*, χ1, χ_c, ξ_q and ξ_c on a (σ_w², σ_b²) grid (Schoenholz et al. 2017, Fig. 2).
 *
 * <p>Rows of fixed σ_w² are split over threads in fixed blocks of one row; along a row the previous
 * point's q* and c* start the next solve (continuation), so every value depends only on its row, never
 * on the thread count.
 */
public final class PhaseDiagram {

    private final DeepMeanField theory;

    /**
     * The engine for grids: the adaptive trapezoid rule on [−8, 8] (tail mass 10⁻¹⁵), 17 … 8193 points,
     * tolerance 10⁻⁵ between successive levels. Since the error squares when h halves, the returned
     * finer level is far more accurate than the tolerance: measured against the default engine on a
     * 40 × 40 tanh grid (σ_w² ∈ [0.5, 5], σ_b² ∈ [0, 1]), |Δχ1| ≤ 6·10⁻¹³, |Δc*| ≤ 2.4·10⁻⁶ (largest next to
     * the boundary, where d(c*)/dG = 1/(1 − χ_c) amplifies), |Δξ_c|/ξ_c ≤ 3·10⁻⁵, at about 1/25 of the cost.
     */
    public static DeepMeanField gridTheory() {
        return new DeepMeanField(new GaussianExpectation(TrapezoidRule.adaptive(8.0, 4, 13, 1e-5)));
    }

    /** Uses {@code theory}'s Gaussian-expectation engine. */
    public PhaseDiagram(DeepMeanField theory) {
        this.theory = theory;
    }

    /**
     * Computes the grid.
     *
     * @param phi             φ
     * @param keep            dropout keep probability ρ ∈ (0, 1]
     * @param weightVariances σ_w² axis (each &gt; 0)
     * @param biasVariances   σ_b² axis (each ≥ 0)
     * @param pool            the threads
     */
    public PhaseDiagramGrid compute(TransferFunction phi, double keep, double[] weightVariances, double[] biasVariances,
                                    ParallelRows pool) {
        for (double s : weightVariances) {
            Validate.positive("sigma-w2", s);
        }
        for (double s : biasVariances) {
            Validate.finiteAtLeast("sigma-b2", s, 0.0);
        }
        int nw = weightVariances.length;
        int nb = biasVariances.length;
        double[][] out = new double[6][nw * nb];
        pool.run(nw, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                row(phi, keep, weightVariances[i], biasVariances, i * nb, out);
            }
        });
        return new PhaseDiagramGrid(phi.name(), keep, weightVariances.clone(), biasVariances.clone(), out[0], out[1],
                out[2], out[3], out[4], out[5], theory.engine().rule().description());
    }

    /**
     * Continuation along a row: the polynomial extrapolation (quadratic, else linear, else constant) of the
     * last c* values to the next point, kept below 1; NaN when the previous point was not chaotic.
     */
    static double extrapolate(double[] previous) {
        double c1 = previous[0];
        double c2 = previous[1];
        double c3 = previous[2];
        if (Double.isNaN(c1)) {
            return Double.NaN;
        }
        double guess = Double.isNaN(c2) ? c1 : Double.isNaN(c3) ? 2 * c1 - c2 : 3 * c1 - 3 * c2 + c3;
        return Math.min(guess, 0.5 * (1.0 + c1));
    }

    private void row(TransferFunction phi, double keep, double sw2, double[] sb2, int offset, double[][] out) {
        double qStart = DeepMeanField.DEFAULT_INPUT_LENGTH * sw2 + sb2[0];
        double[] previous = {Double.NaN, Double.NaN, Double.NaN}; // c* of the last three points, newest first
        for (int j = 0; j < sb2.length; j++) {
            DeepNetwork net = DeepNetwork.ensemble(phi, sw2, sb2[j], keep);
            LengthMap lm = theory.lengthMap(net);
            LengthFixedPoint fp = lm.fixedPoint(qStart);
            int k = offset + j;
            if (!fp.exists()) {
                out[0][k] = Double.POSITIVE_INFINITY;
                for (int m = 1; m < 6; m++) {
                    out[m][k] = Double.NaN;
                }
                qStart = lm.first(DeepMeanField.DEFAULT_INPUT_LENGTH);
                java.util.Arrays.fill(previous, Double.NaN);
                continue;
            }
            double q = fp.qStar();
            double chi1 = lm.chi1(q);
            CorrelationFixedPoint c = theory.correlationMap(net).fixedPoint(q, chi1, extrapolate(previous));
            out[0][k] = q;
            out[1][k] = c.cStar();
            out[2][k] = chi1;
            out[3][k] = c.chiC();
            out[4][k] = SignalPropagation.depthScale(fp.slope());
            out[5][k] = SignalPropagation.depthScale(c.chiC());
            qStart = q > 0 ? q : lm.first(DeepMeanField.DEFAULT_INPUT_LENGTH);
            previous[2] = previous[1];
            previous[1] = previous[0];
            previous[0] = c.cStar() < 1.0 ? c.cStar() : Double.NaN;
        }
    }
}

package org.chaoslab.sim.kernel;

import static org.chaoslab.compare.Agreement.assertAgrees;

import org.apache.commons.numbers.gamma.Erfc;
import org.chaoslab.model.ResponseProtocol;
import org.chaoslab.model.StimulusNetwork;
import org.chaoslab.model.Stimuli;
import org.chaoslab.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * The stationary rate of the synchronous binary map against its mean field, solved here independently of
 * {@code theory}: the field h = Jn + x(θ) − b is Gaussian over units with mean −b and variance g²m + s² (n² = n), so
 * m = Φ(−b/√(g²m + s²)) (notes §5, discrete-time map).
 */
class BinaryMeanFieldTest {

    /** Φ(x) = ½ erfc(−x/√2). */
    private static double normalCdf(double x) {
        return 0.5 * Erfc.value(-x / Math.sqrt(2.0));
    }

    /** Solves m = Φ(−b/√(g²m + s²)) by bisection on [0, 1] (the right side is increasing in m for b &gt; 0). */
    static double meanField(double g, double s, double b) {
        double lo = 0;
        double hi = 1;
        for (int k = 0; k < 60; k++) {
            double m = 0.5 * (lo + hi);
            if (m - normalCdf(-b / Math.sqrt(g * g * m + s * s)) < 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void stationaryRateMatchesTheMeanField() {
        int n = 2000;
        double g = 1.5;
        double s = 1.0;
        double b = 0.5;
        StimulusNetwork net = StimulusNetwork.binarySync(n, g, b);
        Stimuli circle = Stimuli.Circle.equallySpaced(32, s);
        ResponseProtocol protocol = ResponseProtocol.stationary(2, 20, 10, 1);
        int realizations = 5;
        double[] m = new double[realizations];
        for (int r = 0; r < realizations; r++) {
            StimulusResponses out = KernelSimulator.run(net, circle, protocol, 100 + r, 2, ProgressListener.NONE);
            double sum = 0;
            for (double v : out.meanResponses()) {
                sum += v;
            }
            m[r] = sum / protocol.recordings();
        }
        double mean = 0;
        for (double v : m) {
            mean += v / realizations;
        }
        double var = 0;
        for (double v : m) {
            var += (v - mean) * (v - mean) / (realizations - 1);
        }
        double se = Math.sqrt(var / realizations);
        double theory = meanField(g, s, b);
        // tolerance: two-sided 99% t-quantile with 4 dof (4.60) × SE for the sampling error (measured: SE ≈ 0.0024,
        // |m_sim − m_MF| ≈ 0.0004), plus 2/N for the O(1/N) finite-size bias of the mean field
        assertAgrees(String.format("binary sync N=%d g=%.2f s=%.2f b=%.2f m (SE over %d realizations) vs mean field", n, g, s, b,
                realizations), mean, se, theory, 4.60, 2.0 / n);
    }
}

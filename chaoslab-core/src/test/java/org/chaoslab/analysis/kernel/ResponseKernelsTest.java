package org.chaoslab.analysis.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;

class ResponseKernelsTest {

    /** The BLAS kernels equal the defining loops (double: round-off 1e-12; float32 storage via sgemm: 1e-5). */
    @Test
    void gemmKernelsMatchTheDefiningSums() {
        int p = 5;
        int t = 3;
        int n = 7;
        ZigguratSampler.NormalizedGaussian g = StreamSeeds.of(2).gaussian();
        double[] d = new double[p * t * n];
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) g.sample();
            d[k] = f[k];
        }
        TrialKernels k64 = ResponseKernels.of(Responses.of(p, t, n, d));
        TrialKernels k32 = ResponseKernels.of(Responses.of(p, t, n, f));
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double same = 0;
                double cross = 0;
                for (int s = 0; s < t; s++) {
                    for (int u = 0; u < t; u++) {
                        double dot = 0;
                        for (int i = 0; i < n; i++) {
                            dot += d[(a * t + s) * n + i] * d[(b * t + u) * n + i];
                        }
                        if (s == u) {
                            same += dot / (n * t);
                        } else {
                            cross += dot / (n * t * (t - 1));
                        }
                    }
                }
                assertThat(k64.sameTrial()[a * p + b]).isCloseTo(same, within(1e-12));
                assertThat(k64.crossTrial()[a * p + b]).isCloseTo(cross, within(1e-12));
                // float32 products of O(1) numbers summed over N = 7: relative round-off ~1e-7, 1e-5 leaves room
                assertThat(k32.sameTrial()[a * p + b]).isCloseTo(same, within(1e-5));
                assertThat(k32.crossTrial()[a * p + b]).isCloseTo(cross, within(1e-5));
            }
        }
    }

    /**
     * r_i(θ, t) = ξ_i cos θ + η_i sin θ + σ ε_i(θ, t): the cross-trial kernel is (up to the sample of ξ, η) c·cos Δ
     * with c ≈ 1, the same-trial kernel adds σ² at Δ = 0 only, so both nugget estimates are σ² = 0.25. P = 64,
     * T = 4, N = 2048. Errors: sampling of the noise terms ≈ σ²√(2/(NPT)) + 2σ√(1/(NPT)) ≈ 2e-3 for the plain
     * estimate, a few times that for the extrapolation (intercept leverage of a quadratic over k = 1..4); fit bias
     * of a quadratic to cos Δ for Δ ≤ 4·2π/64 is O(Δ⁴/24) ≈ 1e-3. Tolerance 0.02.
     */
    @Test
    void nuggetOfSmoothSignalPlusTrialNoise() {
        int p = 64;
        int t = 4;
        int n = 2048;
        double sigma = 0.5;
        StreamSeeds seeds = StreamSeeds.of(3);
        ZigguratSampler.NormalizedGaussian gs = seeds.child("signal").gaussian();
        ZigguratSampler.NormalizedGaussian gn = seeds.child("noise").gaussian();
        double[] xi = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            xi[i] = gs.sample();
            eta[i] = gs.sample();
        }
        float[] data = new float[p * t * n];
        for (int s = 0; s < p; s++) {
            double th = 2 * Math.PI * s / p;
            for (int tr = 0; tr < t; tr++) {
                for (int i = 0; i < n; i++) {
                    data[(s * t + tr) * n + i] = (float) (xi[i] * Math.cos(th) + eta[i] * Math.sin(th)
                            + sigma * gn.sample());
                }
            }
        }
        CircleKernel c = ResponseKernels.onCircle(ResponseKernels.of(Responses.of(p, t, n, data)));
        assertThat(c.size()).isEqualTo(p / 2 + 1);
        assertThat(c.distances()[p / 2]).isCloseTo(Math.PI, within(1e-15));
        double amp = c.crossTrial()[0];
        for (int k = 1; k < c.size(); k++) {
            // cross and same trial agree off Δ = 0 (noise averages out; 0.02 as above) and follow amp·cos Δ
            assertThat(c.sameTrial()[k]).isCloseTo(c.crossTrial()[k], within(0.02));
            assertThat(c.crossTrial()[k]).isCloseTo(amp * Math.cos(c.distances()[k]), within(0.02));
        }
        for (Nugget.Fit fit : Nugget.Fit.values()) {
            Nugget nu = ResponseKernels.nugget(c, fit, 4);
            System.out.printf("nugget (%s over k = %d..%d): extrapolated %.5f, plain %.5f, sigma^2 = %.5f%n", fit,
                    nu.firstLag(), nu.lastLag(), nu.extrapolated(), nu.plain(), sigma * sigma);
            assertThat(nu.plain()).isCloseTo(sigma * sigma, within(0.02));
            assertThat(nu.extrapolated()).isCloseTo(sigma * sigma, within(0.02));
            assertThat(nu.sameTrialZero() - nu.extrapolatedZero()).isEqualTo(nu.extrapolated());
        }
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        assertThatThrownBy(() -> Responses.of(2, 2, 2, new float[7]))
                .hasMessageStartingWith("data must have length stimuli*trials*units = 8");
        assertThatThrownBy(() -> Responses.of(0, 2, 2, new double[0])).hasMessageStartingWith("stimuli must be >= 1");
        TrialKernels one = ResponseKernels.of(Responses.of(8, 1, 3, new double[24]));
        assertThat(one.crossTrial()[0]).isNaN();
        CircleKernel c = ResponseKernels.onCircle(one);
        assertThatThrownBy(() -> ResponseKernels.nugget(c, Nugget.Fit.QUADRATIC, 3))
                .hasMessageStartingWith("trials must be >= 2");
        CircleKernel c2 = ResponseKernels.onCircle(ResponseKernels.of(Responses.of(8, 2, 3, new double[48])));
        assertThatThrownBy(() -> ResponseKernels.nugget(c2, Nugget.Fit.QUADRATIC, 5))
                .hasMessageStartingWith("lastLag must be in [3, 4]");
        assertThatThrownBy(() -> ResponseKernels.onCircle(ResponseKernels.of(Responses.of(1, 2, 3, new double[6]))))
                .hasMessageStartingWith("stimuli must be >= 2");
    }
}

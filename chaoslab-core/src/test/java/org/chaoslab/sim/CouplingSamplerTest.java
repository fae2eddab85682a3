package org.chaoslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chaoslab.linalg.BFloat16;
import org.chaoslab.linalg.BFloat16Matrix;
import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.linalg.ParallelRows;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.Precision;
import org.chaoslab.random.StreamSeeds;
import org.junit.jupiter.api.Test;

class CouplingSamplerTest {

    private static CouplingMatrix draw(Couplings c, int n, long seed, int threads) {
        try (ParallelRows pool = new ParallelRows(threads)) {
            return CouplingSampler.sample(c, n, StreamSeeds.of(seed), pool);
        }
    }

    @Test
    void entryStatisticsMatchTheEnsemble() {
        int n = 800;
        double g = 1.7;
        double j0 = 2.0;
        double eta = 0.6;
        CouplingMatrix j = draw(new Couplings(g, j0, eta, true, Precision.FLOAT64), n, 5, 2);
        double s = 0, s2 = 0, sxy = 0;
        long count = 0, pairs = 0;
        for (int a = 0; a < n; a++) {
            assertThat(j.get(a, a)).isZero();
            for (int b = 0; b < n; b++) {
                if (a == b) {
                    continue;
                }
                double v = j.get(a, b) - j0 / n;
                s += v;
                s2 += v * v;
                count++;
                if (a < b) {
                    sxy += v * (j.get(b, a) - j0 / n);
                    pairs++;
                }
            }
        }
        double var = g * g / n;
        // mean: standard error √(var/count) ≈ 7.5e-5; allow 5σ
        assertThat(s / count).isBetween(-5 * Math.sqrt(var / count), 5 * Math.sqrt(var / count));
        // variance: relative standard error √(2/count) ≈ 1.8e-3 (pairs are correlated, ×√(1+η²)); allow 5σ·1.2
        assertThat(s2 / count / var).isBetween(1 - 0.011, 1 + 0.011);
        // correlation of mirrored entries: standard error (1−η²)/√pairs ≈ 1.2e-3; allow 5σ
        assertThat(sxy / pairs / var).isBetween(eta - 0.006, eta + 0.006);
    }

    @Test
    void independentOfThreadCountAndPrecisionRoundsTheSameDraw() {
        Couplings c = Couplings.gaussian(2.0).withSymmetry(-0.3);
        Float64Matrix one = (Float64Matrix) draw(c, 300, 11, 1);
        Float64Matrix two = (Float64Matrix) draw(c, 300, 11, 2);
        assertThat(two.rowMajor()).isEqualTo(one.rowMajor());
        Float32Matrix f = (Float32Matrix) draw(c.withPrecision(Precision.FLOAT32), 300, 11, 2);
        for (int k = 0; k < 300 * 300; k += 97) {
            assertThat(f.get(k / 300, k % 300)).isEqualTo((float) one.get(k / 300, k % 300));
        }
    }

    /**
     * bfloat16 and float32 networks of one seed are the float64 network rounded entry by entry (bfloat16: nearest-even
     * from the float64 draw), for any thread count and any chunking, with and without symmetry and diagonal.
     */
    @Test
    void bfloat16AndChunkedFloat32RoundTheSameDrawForAnyThreadCountAndChunking() {
        int n = 257;
        for (Couplings c : new Couplings[] {Couplings.gaussian(2.0), new Couplings(1.5, 0.7, 0.4, true, Precision.FLOAT64)}) {
            Float64Matrix ref = (Float64Matrix) draw(c, n, 21, 1);
            for (int threads : new int[] {1, 2}) {
                BFloat16Matrix b = (BFloat16Matrix) draw(c.withPrecision(Precision.BFLOAT16), n, 21, threads);
                BFloat16Matrix bChunked;
                Float32Matrix fChunked;
                try (ParallelRows pool = new ParallelRows(threads)) {
                    bChunked = (BFloat16Matrix) CouplingSampler.sample(c.withPrecision(Precision.BFLOAT16), n,
                            StreamSeeds.of(21), pool, new BFloat16Matrix(n, 10));
                    fChunked = (Float32Matrix) CouplingSampler.sample(c.withPrecision(Precision.FLOAT32), n,
                            StreamSeeds.of(21), pool, new Float32Matrix(n, 7));
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double v = ref.get(i, j);
                        assertThat(b.bits(i, j)).isEqualTo(BFloat16.round(v));
                        assertThat(bChunked.bits(i, j)).isEqualTo(BFloat16.round(v));
                        assertThat(fChunked.get(i, j)).isEqualTo((float) v);
                    }
                }
            }
        }
    }

    @Test
    void refusesADenseNetworkBeyondTheHeapInOneLineWithTheLargestNThatFits() {
        long heap = Runtime.getRuntime().maxMemory();
        long n = (long) Math.sqrt(heap / 2.0) * 2;           // 4·heap of bfloat16, 8·heap of float32
        assertThatThrownBy(() -> CouplingSampler.requireMemory(n, Precision.BFLOAT16, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = " + n + " with precision BFLOAT16")
                .hasMessageContaining("the largest n that fits is")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        long largest = CouplingSampler.largestN(1e9, Precision.FLOAT32, 1);
        assertThat(CouplingSampler.memoryEstimate(largest, Precision.FLOAT32, 1)).isLessThanOrEqualTo(1e9);
        assertThat(CouplingSampler.memoryEstimate(largest + 1, Precision.FLOAT32, 1)).isGreaterThan(1e9);
        assertThat(CouplingSampler.couplingBytes(50_000, Precision.BFLOAT16)).isEqualTo(2.0 * 50_000 * 50_016);
    }
}
